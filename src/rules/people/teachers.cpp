// Teachers (指導要領 §6(1)–(11), §14(1); 認定規則 第2条, 別表第二).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules/facility_common.hpp"
#include "rules/curriculum/curriculum.hpp"
#include "rules/format.hpp"
#include "rules/people/fields.hpp"
#include "rules/people/people.hpp"

namespace ahaki::rules {
namespace {

const Text teachers_missing{"教員（<teachers>）", "teachers (<teachers>)"};
const Text teacher_unit{"人", "teachers"};
const Text hours_unit{"時間", "hours"};
const Text years_unit{"年", "years"};

Value yes_no(bool v) { return fmt::text(v ? Text{"はい", "yes"} : Text{"いいえ", "no"}); }

bool teachers_present(const RuleContext& ctx, Emitter& em, const std::string& scope, const Text& label) {
    if (ctx.school.teachers) return true;
    em.not_checked(scope, label, ctx.school.loc, teachers_missing);
    return false;
}

std::string teacher_scope(const Teacher& t) { return fmt::cat({"teacher=", t.id}); }
/// "teacher=ID what": the scope of one of a teacher's requirements.
std::string teacher_scope(const Teacher& t, std::string_view what) { return fmt::cat({"teacher=", t.id, " ", what}); }
/// "label: name": the label of one of a teacher's requirements.
Text teacher_item(const Text& label, std::string_view name) {
    return Text{fmt::cat({label.ja, ": ", name}), fmt::cat({label.en, ": ", name})};
}

// ---- 別表第二: rows and qualifications -------------------------------------

enum class Row { foundations, basic_medical, specialised };

Row row_of(Area a) {
    switch (a) {
        case Area::foundations: return Row::foundations;
        case Area::body_structure_function:
        case Area::disease_prevention_recovery:
        case Area::health_welfare_ethics: return Row::basic_medical;
        default: return Row::specialised;
    }
}

std::string_view row_item(Row r) {
    return r == Row::foundations ? "foundations" : r == Row::basic_medical ? "basic-medical" : "specialised";
}
Text row_text(Row r) {
    switch (r) {
        case Row::foundations: return {"基礎分野", "foundations (基礎分野)"};
        case Row::basic_medical: return {"専門基礎分野", "basic professional studies (専門基礎分野)"};
        case Row::specialised: return {"専門分野", "professional studies (専門分野)"};
    }
    return {};
}
std::string_view row_clause(Row r) {
    return r == Row::foundations ? "指導要領 6(2)" : r == Row::basic_medical ? "指導要領 6(3)" : "指導要領 6(4)";
}

struct Accepted {
    QualificationCode code;
    /// "", assistant-min-years, not-clinical-medicine, rehabilitation-medicine, field, licence-subject
    std::vector<std::string> conditions;
};

/// Parses a qualification list of the standard ("code[:condition[,condition]] ...").
std::vector<Accepted> parse_list(const std::string& text) {
    std::vector<Accepted> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (j > i) {
            std::string token = text.substr(i, j - i);
            std::vector<std::string> conds;
            if (auto colon = token.find(':'); colon != std::string::npos) {
                std::string rest = token.substr(colon + 1);
                token.resize(colon);
                for (std::size_t a = 0; a <= rest.size();) {
                    std::size_t b = rest.find(',', a);
                    if (b == std::string::npos) b = rest.size();
                    if (b > a) conds.push_back(rest.substr(a, b - a));
                    a = b + 1;
                }
            }
            if (auto c = parse_code(qualification_codes(), token)) out.push_back({*c, std::move(conds)});
        }
        i = j;
    }
    return out;
}

std::string qual_list(const Teacher& t, Lang l) {
    std::string s;
    for (const auto& q : t.qualifications) {
        if (!s.empty()) s += l == Lang::ja ? "、" : ", ";
        s += l == Lang::ja ? std::string(info(q.code).ja) : std::string(info(q.code).en);
        if (!q.field.empty()) s += l == Lang::ja ? "（" + q.field + "）" : " (" + q.field + ")";
    }
    if (s.empty()) s = l == Lang::ja ? "なし" : "none";
    return s;
}

enum class Verdict { qualified, review, unqualified };
struct Judgement {
    Verdict verdict = Verdict::unqualified;
    Text reason;  ///< for review / unqualified
    Text basis;   ///< for qualified
};

/// The standard's lists for one row, parsed once per rule run (not once per teacher and subject).
struct RowLists {
    const Threshold* primary = nullptr;
    std::vector<Accepted> primary_list;  ///< empty unless primary is known
    std::vector<Accepted> equivalent;
    /// Codes any row of 指導要領 6(2)–(4) names: a teacher holding only these is judged
    /// entirely by the guideline, whatever the rows' primary qualifications are.
    std::vector<QualificationCode> guideline_codes;
    const Threshold* assistant_years = nullptr;
    const SubjectFieldMap* fields = nullptr;
};

RowLists row_lists(const Standard& st, Row row) {
    RowLists l;
    const Threshold& eq = st.get({"teacher-equivalent-qualifications", std::nullopt, std::nullopt, std::nullopt, row_item(row)});
    l.primary = &st.get({"teacher-primary-qualifications", std::nullopt, std::nullopt, std::nullopt, row_item(row)});
    l.assistant_years = &st.get({"university-assistant-min-years"});
    l.fields = &st.subject_fields;
    if (l.primary->known()) l.primary_list = parse_list(l.primary->text);
    l.equivalent = parse_list(eq.text);
    for (Row r : {Row::foundations, Row::basic_medical, Row::specialised})
        for (const auto& a : parse_list(st.get({"teacher-equivalent-qualifications", std::nullopt, std::nullopt, std::nullopt, row_item(r)}).text))
            if (std::find(l.guideline_codes.begin(), l.guideline_codes.end(), a.code) == l.guideline_codes.end())
                l.guideline_codes.push_back(a.code);
    return l;
}

/// 「対応表（INTERPRETED）」: the mapping and its provenance, for messages.
Text map_name(const SubjectFieldMap& m) {
    const std::string p(provenance_code(m.provenance));
    return Text{"基準データの科目と分野の対応表（" + p + "）", "the standard data's mapping of subjects to fields (" + p + ")"};
}

/// One held qualification against one accepted entry: qualified, or why not.
Judgement judge_one(const RowLists& lists, const Qualification& q, const Accepted& a, const Subject& s, Row row,
                    const std::vector<const SubjectField*>& entries) {
    const auto& qi = info(q.code);
    const std::string qja(qi.ja), qen(qi.en);
    const SubjectFieldMap& map = *lists.fields;
    const Text mapped = entry_names(entries);
    auto no = [](Text why) { return Judgement{Verdict::unqualified, std::move(why), {}}; };
    auto review = [](Text why) { return Judgement{Verdict::review, std::move(why), {}}; };
    std::string field_basis_ja, field_basis_en;
    for (const auto& cond : a.conditions) {
        if (cond == "assistant-min-years" && q.post &&
            (*q.post == UniversityPost::assistant_professor || *q.post == UniversityPost::assistant)) {
            if (*q.post == UniversityPost::assistant)
                return no(Text{"大学の助手は大学の教員に当たりません", "a university assistant (助手) is not a university teacher"});
            const Threshold& assistant_years = *lists.assistant_years;
            if (!assistant_years.value)
                return review(Text{"助教の必要勤務年数が基準データにありません", "the required years for a 助教 are not in the standard data"});
            int years = q.years.value_or(0);
            if (Decimal::from_int(years) < *assistant_years.value)
                return no(Text{"助教としての勤務 " + std::to_string(years) + "年（必要: " + fmt::num(*assistant_years.value) + "年以上、" +
                                   fmt::cite(assistant_years) + "）",
                               "served " + fmt::years(std::to_string(years)) + " as 助教 (required: at least " +
                                   fmt::num(*assistant_years.value) + ", " + fmt::cite(assistant_years) + ")"});
            continue;
        }
        const bool needs_map = cond == "not-clinical-medicine" || cond == "rehabilitation-medicine" || cond == "field" ||
                               cond == "licence-subject";
        if (!needs_map) continue;
        if (!map.present)
            return review(Text{qja + "が「" + s.name + "」を教授できるかを判断する科目と分野の対応表（<subject-fields>）が基準データにありません",
                               "the standard data has no mapping of subjects to fields (<subject-fields>) to judge whether a " + qen +
                                   " may teach \"" + s.name + "\""});
        if (cond == "not-clinical-medicine") {
            bool any_yes = false, all_no = !entries.empty();
            for (const auto* e : entries) {
                any_yes = any_yes || e->clinical_medicine == ClinicalMedicine::yes;
                all_no = all_no && e->clinical_medicine == ClinicalMedicine::no;
            }
            if (any_yes)
                return no(Text{qja + "は臨床医学以外の教育内容に限り教授できます（指導要領 6(3)ア）。「" + s.name + "」は臨床医学（" + mapped.ja + "、" +
                                   map_name(map).ja + "）です",
                               "a " + qen + " may teach only content other than clinical medicine (指導要領 6(3)ア); \"" + s.name +
                                   "\" is clinical medicine (" + mapped.en + ", " + map_name(map).en + ")"});
            if (!all_no)
                return review(Text{qja + "は臨床医学以外の教育内容に限り教授できます。「" + s.name + "」が臨床医学でないことを確認してください",
                                   "a " + qen + " may teach only content other than clinical medicine; check that \"" + s.name +
                                       "\" is not clinical medicine"});
            continue;
        }
        if (cond == "rehabilitation-medicine") {
            bool any = false, all = !entries.empty();
            for (const auto* e : entries) {
                any = any || e->rehabilitation;
                all = all && e->rehabilitation;
            }
            if (!entries.empty() && !any)
                return no(Text{qja + "はリハビリテーション医学に限り教授できます（指導要領 6(3)カ）。「" + s.name + "」は" + mapped.ja + "です（" +
                                   map_name(map).ja + "）",
                               "a " + qen + " may teach only rehabilitation medicine (指導要領 6(3)カ); \"" + s.name + "\" is " +
                                   mapped.en + " (" + map_name(map).en + ")"});
            if (!all)
                return review(Text{qja + "はリハビリテーション医学に限り教授できます。「" + s.name + "」がリハビリテーション医学であることを確認してください",
                                   "a " + qen + " may teach only rehabilitation medicine; check that \"" + s.name +
                                       "\" is rehabilitation medicine"});
            continue;
        }
        // field (6(2)ア, 6(3)イ・ウ, 6(4)ア) or licence-subject (6(2)イ).
        const bool licence = cond == "licence-subject";
        const Text what = licence ? Text{"免許状の教科", "licence subject (教科)"} : Text{"専攻分野", "field"};
        if (q.field.empty())
            return review(Text{qja + "の" + what.ja + "（qualification/@field）が記載されていないため、「" + s.name + "」を含むか判断できません",
                               "the " + what.en + " of the " + qen + " (qualification/@field) is not stated, so whether it includes \"" +
                                   s.name + "\" cannot be judged"});
        if (entries.empty())
            return review(Text{"「" + s.name + "」は" + map_name(map).ja + "にないため、" + qja + "の" + what.ja + "「" + q.field +
                                   "」が「" + s.name + "」を含むか判断できません。履歴書・免許状で確認してください",
                               "\"" + s.name + "\" is not in " + map_name(map).en + ", so whether the " + what.en + " \"" + q.field +
                                   "\" of the " + qen + " includes it cannot be judged; check the CV and licence"});
        std::string recognised;
        Fit fit = licence ? licence_fit(map, entries, q.field, recognised) : field_fit(map, entries, q.field, recognised);
        switch (fit) {
            case Fit::yes: break;
            case Fit::maybe:
                return review(Text{qja + "の" + what.ja + "「" + q.field + "」が「" + s.name + "」（" + mapped.ja + "）を含むかは" +
                                       map_name(map).ja + "では決まりません。履歴書・免許状で確認してください",
                                   "whether the " + what.en + " \"" + q.field + "\" of the " + qen + " includes \"" + s.name + "\" (" +
                                       mapped.en + ") is not settled by " + map_name(map).en + "; check the CV and licence"});
            case Fit::no:
                return no(Text{qja + "の" + what.ja + "「" + q.field + "」は「" + s.name + "」（" + mapped.ja + "）を含みません（" +
                                   map_name(map).ja + "）",
                               "the " + what.en + " \"" + q.field + "\" of the " + qen + " does not include \"" + s.name + "\" (" +
                                   mapped.en + "; " + map_name(map).en + ")"});
            case Fit::unknown:
                return review(Text{qja + "の" + what.ja + "「" + q.field + "」は" + map_name(map).ja + "にないため、「" + s.name +
                                       "」を含むか判断できません。履歴書・免許状で確認してください",
                                   "the " + what.en + " \"" + q.field + "\" of the " + qen + " is not in " + map_name(map).en +
                                       ", so whether it includes \"" + s.name + "\" cannot be judged; check the CV and licence"});
        }
        field_basis_ja = "、対応表: " + mapped.ja;
        field_basis_en = "; mapping: " + mapped.en;
    }
    const bool field = !q.field.empty();
    Judgement j;
    j.verdict = Verdict::qualified;
    j.basis = Text{fmt::cat({qja, field ? "（" : "", q.field, field ? "）" : "", "（", row_clause(row), field_basis_ja, "）"}),
                   fmt::cat({qen, field ? " (" : "", q.field, field ? ")" : "", " (", row_clause(row), field_basis_en, ")"})};
    return j;
}

Judgement judge(const RowLists& lists, const Teacher& t, const Subject& s, Row row) {
    const Threshold& primary = *lists.primary;
    Judgement j;
    auto holds = [&](QualificationCode c) -> const Qualification* {
        for (const auto& q : t.qualifications)
            if (q.code == c) return &q;
        return nullptr;
    };
    if (primary.known())
        for (const auto& a : lists.primary_list)
            if (const auto* q = holds(a.code)) {
                j.verdict = Verdict::qualified;
                j.basis = Text{fmt::cat({info(q->code).ja, "（認定規則 別表第二）"}), fmt::cat({info(q->code).en, " (認定規則 別表第二)"})};
                return j;
            }
    if (t.qualifications.empty()) {
        j.verdict = Verdict::unqualified;
        j.reason = Text{"資格・免許の記載がありません", "no licence or qualification is described"};
        return j;
    }
    const std::vector<const SubjectField*> entries =
        lists.fields->present ? subject_entries(*lists.fields, s) : std::vector<const SubjectField*>{};
    std::vector<Judgement> reviews, refusals;
    for (const auto& a : lists.equivalent)
        for (const auto& q : t.qualifications) {
            if (q.code != a.code) continue;
            Judgement one = judge_one(lists, q, a, s, row, entries);
            if (one.verdict == Verdict::qualified) return one;
            (one.verdict == Verdict::review ? reviews : refusals).push_back(std::move(one));
        }
    auto joined = [](const std::vector<Judgement>& list, Lang l) {
        std::string out;
        for (const auto& x : list) out += l == Lang::ja ? "（" + x.reason.ja + "）" : " (" + x.reason.en + ")";
        return out;
    };
    if (reviews.size() == 1 && refusals.empty()) return reviews.front();
    if (!reviews.empty()) {
        j.verdict = Verdict::review;
        j.reason = Text{"保有資格（" + qual_list(t, Lang::ja) + "）で「" + s.name + "」を教授できるか確認してください" + joined(reviews, Lang::ja) +
                            joined(refusals, Lang::ja),
                        "check whether the qualifications held (" + qual_list(t, Lang::en) + ") allow teaching \"" + s.name + "\"" +
                            joined(reviews, Lang::en) + joined(refusals, Lang::en)};
        return j;
    }
    const bool only_guideline = std::all_of(t.qualifications.begin(), t.qualifications.end(), [&](const Qualification& q) {
        return std::find(lists.guideline_codes.begin(), lists.guideline_codes.end(), q.code) != lists.guideline_codes.end();
    });
    if (!primary.known() && !only_guideline) {
        j.verdict = Verdict::review;
        j.reason = Text{"保有資格（" + qual_list(t, Lang::ja) + "）は" + std::string(row_clause(row)) + "の同等以上の者に当たりません" +
                            joined(refusals, Lang::ja) + "。別表第二「" + row_text(row).ja +
                            "」の本来の資格は基準データにない（UNKNOWN）ため、免許証・履歴書で確認してください",
                        "the qualifications held (" + qual_list(t, Lang::en) + ") are not among the equivalents of " +
                            std::string(row_clause(row)) + joined(refusals, Lang::en) + "; the primary qualifications of the 別表第二 row " +
                            row_text(row).en + " are not in the standard data (UNKNOWN): check the licences and CV by hand"};
        return j;
    }
    j.verdict = Verdict::unqualified;
    j.reason = Text{"保有資格（" + qual_list(t, Lang::ja) + "）は" + std::string(row_clause(row)) + "の同等以上の者に当たりません" + joined(refusals, Lang::ja),
                    "the qualifications held (" + qual_list(t, Lang::en) + ") are not among the equivalents of " +
                        std::string(row_clause(row)) + joined(refusals, Lang::en)};
    return j;
}

void check_row(const RuleContext& ctx, Emitter& em, Row row) {
    Text label_base{row_text(row).ja + "の科目を担当する教員の資格", "qualification of teachers of " + row_text(row).en};
    if (!teachers_present(ctx, em, "teachers row=" + std::string(row_item(row)), label_base)) return;
    const RowLists lists = row_lists(*ctx.standard, row);
    const Text row_name = row_text(row);
    const Value req = fmt::text(Text{"別表第二「" + row_name.ja + "」の資格", "a qualification of the 別表第二 row " + row_name.en});
    for (const auto& t : ctx.school.teachers->list) {
        const Text who = teacher_label(t);
        const std::string teacher = teacher_scope(t);
        for (const auto& tg : t.teaches) {
            const Subject& s = ctx.school.courses[tg.course_index].subjects[tg.subject_index];
            if (row_of(s.area) != row) continue;
            std::string scope = fmt::cat({teacher, " subject=", s.id});
            Text label{fmt::cat({who.ja, "が担当する「", s.name, "」（", row_name.ja, "）"}),
                       fmt::cat({who.en, " teaching \"", s.name, "\" (", row_name.en, ")"})};
            Judgement j = judge(lists, t, s, row);
            if (j.verdict == Verdict::qualified) {
                em.pass(std::move(scope), std::move(label), tg.loc, fmt::text(std::move(j.basis)), req);
                continue;
            }
            Text msg{who.ja + "が「" + s.name + "」を担当: " + j.reason.ja,
                     who.en + " teaches \"" + s.name + "\": " + j.reason.en};
            Value measured = fmt::text(Text{qual_list(t, Lang::ja), qual_list(t, Lang::en)});
            if (j.verdict == Verdict::review) em.fail_as(Severity::review, scope, label, tg.loc, msg, measured, req, {});
            else em.fail(scope, label, tg.loc, msg, measured, req, {});
        }
    }
}

/// A teacher whose employment ends before classes start (employed-until before the planned start, or the first
/// intake) is not in post when the school is judged: not counted among the full-time teachers, the experienced
/// ones or the coordinators, and not the head.
bool left_before_start(const Teacher& t, const School& s) {
    if (!t.employed_until) return false;
    const auto start = start_date(s);
    return start && *t.employed_until < start->date;
}

/// The note naming the teachers left out of a count because they left before classes start (none: empty).
std::vector<Text> left_out_note(const School& s) {
    std::string ja, en;
    for (const auto& t : s.teachers->list)
        if (t.full_time() && left_before_start(t, s)) {
            ja += (ja.empty() ? "" : "、") + t.name + "（" + t.employed_until->str() + "まで）";
            en += (en.empty() ? "" : ", ") + t.name + " (until " + t.employed_until->str() + ")";
        }
    if (ja.empty()) return {};
    const auto start = start_date(s);
    return {Text{"授業開始（" + start->date.str() + "）より前に雇用が終わるため数えない教員: " + ja,
                 "not counted, their employment ending before classes start (" + start->date.str() + "): " + en}};
}

std::size_t full_time_count(const School& s) {
    return static_cast<std::size_t>(std::count_if(s.teachers->list.begin(), s.teachers->list.end(),
                                                  [&](const Teacher& t) { return t.full_time() && !left_before_start(t, s); }));
}

}  // namespace

Text teacher_label(const Teacher& t) {
    return Text{fmt::cat({"教員 ", t.name, "（", t.id, "）"}), fmt::cat({"teacher ", t.name, " (", t.id, ")"})};
}

void check_head(const RuleContext& ctx, Emitter& em) {
    Text label{"施設長の要件", "eligibility of the head"};
    if (!teachers_present(ctx, em, "head", label)) return;
    const Teachers& ts = *ctx.school.teachers;
    std::vector<const Teacher*> heads;
    for (const auto& t : ts.list)
        if (t.role == TeacherRole::head) heads.push_back(&t);
    Value req = fmt::text(Text{"他に常勤の職がなく、ア〜ウに該当する者", "no other full-time post, and ア–ウ met"});
    if (heads.empty()) {
        em.fail("head", label, ts.loc,
                Text{"施設長（role=\"head\"）が記載されていません", "no head of the facility (role=\"head\") is described"},
                fmt::text(Text{"記載なし", "not described"}), req, {});
        return;
    }
    for (const Teacher* h : heads) {
        Outcome& o = em.requirement(teacher_scope(*h, "head"), teacher_item(label, h->name), h->loc,
                                    fmt::text(Text{h->name, h->name}), req);
        if (heads.size() > 1)
            em.finding(o, h->loc,
                       Text{"施設長（role=\"head\"）が " + std::to_string(heads.size()) + "人記載されています",
                            std::to_string(heads.size()) + " heads (role=\"head\") are described"});
        if (left_before_start(*h, ctx.school)) {
            const auto start = start_date(ctx.school);
            em.finding(o, h->loc,
                       Text{"施設長 " + h->name + " の雇用は " + h->employed_until->str() + " までで、" + start->source.ja + "（" +
                                start->date.str() + "）より前に終わります",
                            "the head " + h->name + "'s employment ends on " + h->employed_until->str() + ", before " + start->source.en + " (" +
                                start->date.str() + ")"});
        }
        for (const auto& p : h->other_posts)
            if (p.full_time)
                em.finding(o, p.loc,
                           Text{"施設長 " + h->name + " は「" + p.employer + "」で常勤の職にあります（大学の非常勤講師等との兼務のみ可）",
                                "the head " + h->name + " holds a full-time post at \"" + p.employer +
                                    "\" (only part-time posts such as a university lecturer are allowed)"});
        if (!h->head_declaration) {
            em.finding(o, h->loc,
                       Text{"施設長 " + h->name + " の要件の申告（<head-declaration>、指導要領 6(1)ア〜ウ）がありません",
                            "the head " + h->name + " has no declaration (<head-declaration>, 指導要領 6(1) ア–ウ)"});
            continue;
        }
        const HeadDeclaration& d = *h->head_declaration;
        if (d.no_medical_law_sanction == false)
            em.finding(o, d.loc,
                       Text{"施設長 " + h->name + " は医事に関する法令違反で刑事処分を受けたことがあります（指導要領 6(1)ア）",
                            "the head " + h->name + " has a criminal sanction under a medical law (指導要領 6(1)ア)"});
        if (d.no_imprisonment == false)
            em.finding(o, d.loc,
                       Text{"施設長 " + h->name + " は禁錮以上の刑に処せられたことがあります（指導要領 6(1)イ）",
                            "the head " + h->name + " has been sentenced to imprisonment or heavier (指導要領 6(1)イ)"});
        if (d.committed == false)
            em.finding(o, d.loc,
                       Text{"施設長 " + h->name + " の養成への熱意及び能力が申告されていません（指導要領 6(1)ウ）",
                            "the head " + h->name + " does not declare commitment to and ability for training (指導要領 6(1)ウ)"});
    }
}

void check_teachers_foundations(const RuleContext& ctx, Emitter& em) { check_row(ctx, em, Row::foundations); }
void check_teachers_basic_medical(const RuleContext& ctx, Emitter& em) { check_row(ctx, em, Row::basic_medical); }
void check_teachers_specialised(const RuleContext& ctx, Emitter& em) { check_row(ctx, em, Row::specialised); }

void check_full_time_one_facility(const RuleContext& ctx, Emitter& em) {
    Text label{"専任教員は1つの養成施設に限る", "full-time at one facility only"};
    if (!teachers_present(ctx, em, "teachers full-time", label)) return;
    for (const auto& t : ctx.school.teachers->list) {
        if (!t.full_time()) continue;
        Outcome& o = em.requirement(teacher_scope(t, "full-time"), teacher_item(label, t.name), t.loc);
        // §6(5) second sentence: a post in another accreditation of the same facility is not another facility.
        std::string same_ja, same_en;
        for (const auto& p : t.other_posts)
            if (p.full_time && !p.same_facility.empty() && ctx.school.one_facility) {
                const Accreditation& a = ctx.school.one_facility->others[p.accreditation_index];
                const std::string what = a.name.empty() ? std::string(info(a.type).ja) : a.name;
                same_ja += (same_ja.empty() ? "" : "、") + what;
                same_en += (same_en.empty() ? "" : ", ") + (a.name.empty() ? std::string(info(a.type).en) : a.name);
            }
        if (!same_ja.empty())
            o.measured = fmt::text(Text{"同じ養成施設（" + ctx.school.one_facility->name + "）の " + same_ja + " でも専任（指導要領 6(5) 後段）",
                                        "also full-time in " + same_en + " of the same facility (" + ctx.school.one_facility->name +
                                            "; 指導要領 6(5) second sentence)"});
        for (const auto& p : t.other_posts)
            if (p.full_time && p.same_facility.empty())
                em.finding(o, p.loc,
                           Text{"専任の" + teacher_label(t).ja + "は「" + p.employer + "」でも常勤です。専任教員は1つの養成施設に限ります",
                                "the full-time " + teacher_label(t).en + " also holds a full-time post at \"" + p.employer +
                                    "\"; a teacher is full-time at one facility only"});
    }
}

void check_full_time_only_here(const RuleContext& ctx, Emitter& em) {
    Text label{"専任教員は専ら当該施設の養成に従事", "full-time teachers work only at this facility"};
    if (!teachers_present(ctx, em, "teachers only-here", label)) return;
    for (const auto& t : ctx.school.teachers->list) {
        if (!t.full_time()) continue;
        Outcome& o = em.requirement(teacher_scope(t, "only-here"), teacher_item(label, t.name), t.loc);
        for (const auto& p : t.other_posts)
            if (!p.full_time && p.same_facility.empty())  // the same facility (§6(5) second sentence) is "here"
                em.finding(o, Severity::review, p.loc,
                           Text{"専任の" + teacher_label(t).ja + "は「" + p.employer + "」で兼務しています。専ら当該施設の養成に従事しているか、"
                                "勤務時間で確認してください",
                                "the full-time " + teacher_label(t).en + " also works part-time at \"" + p.employer +
                                    "\"; check the working hours to judge whether the teacher works principally here"});
    }
}

void check_clinical_engagement(const RuleContext& ctx, Emitter& em) {
    Text label{"専任教員の臨床実習施設での臨床", "full-time teachers practise at the clinical sites"};
    if (!teachers_present(ctx, em, "teachers clinical", label)) return;
    const Value req = fmt::text(Text{"臨床に携わる", "practises"});
    for (const auto& t : ctx.school.teachers->list) {
        if (!t.full_time()) continue;
        std::string scope = teacher_scope(t, "clinical");
        Text l = teacher_item(label, t.name);
        if (t.clinical_engagement == true) {
            em.pass(std::move(scope), std::move(l), t.loc, yes_no(true), req);
            continue;
        }
        em.fail(std::move(scope), std::move(l), t.loc,
                Text{"専任の" + teacher_label(t).ja + "が臨床実習施設で臨床に携わっていません" +
                         (t.clinical_engagement ? "" : "（clinical-engagement の記載なし）"),
                     "the full-time " + teacher_label(t).en + " does not practise at the clinical sites" +
                         (t.clinical_engagement ? "" : " (clinical-engagement not stated)")},
                t.clinical_engagement ? yes_no(false) : fmt::text(Text{"記載なし", "not stated"}), req, {});
    }
}

void check_experienced_teachers(const RuleContext& ctx, Emitter& em) {
    Text label{"あはき教育の経験5年以上の専任教員", "full-time teachers with 5 or more years teaching"};
    if (!teachers_present(ctx, em, "teachers experienced", label)) return;
    const Threshold& count = ctx.standard->get({"experienced-teachers-min-count"});
    const Threshold& years = ctx.standard->get({"experienced-teacher-min-years"});
    if (!count.value || !years.value) {
        em.fail_as(Severity::review, "teachers experienced", label, ctx.school.teachers->loc,
                   Text{"必要な人数・年数が基準データにありません（" + count.clause + "）", "the required number or years are not in the standard data (" + count.clause + ")"},
                   {}, {}, count.clause);
        return;
    }
    std::size_t have = 0;
    std::string names_ja, names_en;
    for (const auto& t : ctx.school.teachers->list)
        if (t.full_time() && !left_before_start(t, ctx.school) && t.years_teaching && Decimal::from_int(*t.years_teaching) >= *years.value) {
            ++have;
            if (!names_ja.empty()) { names_ja += "、"; names_en += ", "; }
            names_ja += t.name + "（" + std::to_string(*t.years_teaching) + "年）";
            names_en += t.name + " (" + fmt::years(std::to_string(*t.years_teaching)) + ")";
        }
    Decimal h = Decimal::from_int(static_cast<int>(have));
    Outcome& o = em.requirement("teachers experienced", label, ctx.school.teachers->loc, fmt::count(h, teacher_unit),
                                fmt::at_least(fmt::count(*count.value, teacher_unit)));
    if (h >= *count.value) return;
    em.finding(o, ctx.school.teachers->loc,
               Text{"あはき教育の経験" + fmt::num(*years.value) + "年以上の専任教員: " + std::to_string(have) + "人（必要: " +
                        fmt::num(*count.value) + "人以上、" + fmt::cite(count) + "）",
                    "full-time teachers with at least " + fmt::years(fmt::num(*years.value)) + " teaching あはき: " + std::to_string(have) +
                        " (required: at least " + fmt::num(*count.value) + ", " + fmt::cite(count) + ")"},
               fmt::count(h, teacher_unit), fmt::at_least(fmt::count(*count.value, teacher_unit)), fmt::cite(count),
               [&] {
                   std::vector<Text> notes{Text{"数えた教員: " + (names_ja.empty() ? std::string("なし") : names_ja),
                                                "counted: " + (names_en.empty() ? std::string("none") : names_en)}};
                   for (auto& n : left_out_note(ctx.school)) notes.push_back(n);
                   return notes;
               }());
}

void check_weekly_hours(const RuleContext& ctx, Emitter& em) {
    Text label{"1週間当たりの授業時間数", "weekly class hours per teacher"};
    if (!teachers_present(ctx, em, "teachers weekly-hours", label)) return;
    const Threshold& t15 = ctx.standard->get({"teacher-weekly-class-hours-standard"});
    bool any = false;
    for (const auto& t : ctx.school.teachers->list) {
        if (!t.weekly_class_hours) continue;
        any = true;
        Decimal have = *t.weekly_class_hours;
        Outcome& o = em.requirement(teacher_scope(t, "weekly-hours"), teacher_item(label, t.name),
                                    t.weekly_hours_loc, fmt::count(have, hours_unit),
                                    t15.value ? fmt::at_most(fmt::count(*t15.value, hours_unit)) : Value{});
        if (!t15.value || have <= *t15.value) continue;
        em.finding(o, t.weekly_hours_loc,
                   Text{teacher_label(t).ja + "の1週間の授業時間数: " + fmt::num(have) + "時間（標準: " + fmt::num(*t15.value) + "時間、" +
                            fmt::cite(t15) + "）",
                        teacher_label(t).en + " teaches " + fmt::num(have) + " class hours a week (standard: " + fmt::num(*t15.value) +
                            ", " + fmt::cite(t15) + ")"},
                   fmt::count(have, hours_unit), fmt::at_most(fmt::count(*t15.value, hours_unit)), fmt::cite(t15));
    }
    if (!any)
        em.not_checked("teachers weekly-hours", label, ctx.school.teachers->loc,
                       Text{"教員の1週間の授業時間数（teacher/@weekly-class-hours）", "weekly class hours (teacher/@weekly-class-hours)"});
}

void check_teacher_attendance(const RuleContext& ctx, Emitter& em) {
    Text label{"教員の出勤状況の記録", "teacher attendance recorded"};
    if (!teachers_present(ctx, em, "teachers attendance", label)) return;
    const Teachers& ts = *ctx.school.teachers;
    if (!ts.attendance_recorded) {
        em.not_checked("teachers attendance", label, ts.loc,
                       Text{"教員の出勤の記録（teachers/@attendance-recorded）", "teacher attendance records (teachers/@attendance-recorded)"});
        return;
    }
    Value req = fmt::text(Text{"出勤簿で記録", "recorded"});
    if (*ts.attendance_recorded) {
        em.pass("teachers attendance", label, ts.attendance_loc, yes_no(true), req);
        return;
    }
    em.fail("teachers attendance", label, ts.attendance_loc,
            Text{"教員の出勤状況が記録されていません", "teachers' attendance is not recorded"}, yes_no(false), req, {});
}

void check_placement_coordinator(const RuleContext& ctx, Emitter& em) {
    Text label{"実習調整者の配置", "placement coordinator"};
    if (!teachers_present(ctx, em, "teachers coordinator", label)) return;
    if (!ctx.school.sites) {
        em.not_checked("teachers coordinator", label, ctx.school.loc,
                       Text{"臨床実習施設（<clinical-sites>）", "clinical sites (<clinical-sites>)"});
        return;
    }
    const Threshold& min = ctx.standard->get({"placement-coordinators-min-count"});
    // 6(11) turns on where practice is actually placed (subject/placement), not on which sites are listed.
    std::vector<Text> placed = rules::external_placements(ctx.school);
    bool external = !placed.empty();
    std::size_t have = 0;
    for (const auto& t : ctx.school.teachers->list)
        if (t.full_time() && t.placement_coordinator && !left_before_start(t, ctx.school)) ++have;
    Decimal h = Decimal::from_int(static_cast<int>(have));
    if (!external) {
        em.pass("teachers coordinator", label, ctx.school.teachers->loc, fmt::count(h, teacher_unit),
                fmt::text(Text{"施術所・医療機関等での実習なし（不要）", "no practice at 施術所 or medical institutions (not required)"}));
        return;
    }
    Outcome& o = em.requirement("teachers coordinator", label, ctx.school.teachers->loc, fmt::count(h, teacher_unit),
                                min.value ? fmt::at_least(fmt::count(*min.value, teacher_unit)) : Value{});
    if (!min.value || h >= *min.value) return;
    em.finding(o, ctx.school.teachers->loc,
               Text{"施術所・医療機関等で臨床実習を行うのに、専任教員の実習調整者（placement-coordinator=\"true\"）が " + std::to_string(have) +
                        "人です（必要: " + fmt::num(*min.value) + "人以上、" + fmt::cite(min) + "）",
                    "clinical practice is held at 施術所 or medical institutions, but " + std::to_string(have) +
                        " full-time teachers are placement coordinators (placement-coordinator=\"true\"; required: at least " +
                        fmt::num(*min.value) + ", " + fmt::cite(min) + ")"},
               fmt::count(h, teacher_unit), fmt::at_least(fmt::count(*min.value, teacher_unit)), fmt::cite(min),
               [&] {
                   std::vector<Text> notes{Text{"施術所・医療機関等での実習: " + rules::join_texts(placed).ja,
                                                "practice placed at 施術所 or medical institutions: " + rules::join_texts(placed).en}};
                   for (auto& n : left_out_note(ctx.school)) notes.push_back(n);
                   return notes;
               }());
}

void check_full_time_count(const RuleContext& ctx, Emitter& em) {
    Text label{"専任教員の数", "number of full-time teachers"};
    if (!teachers_present(ctx, em, "teachers count", label)) return;
    const Threshold& t = ctx.standard->get({"full-time-teachers-min", ctx.school.type});
    Decimal have = Decimal::from_int(static_cast<int>(full_time_count(ctx.school)));
    const Loc& loc = ctx.school.teachers->loc;
    if (!t.value) {
        em.fail_as(Severity::review, "teachers count", label, loc,
                   Text{"専任教員 " + fmt::num(have) + "人: 必要な専任教員の数が基準データにありません（" + t.clause +
                            "、UNKNOWN）。種類・学級数に応じた数を条文で確認してください",
                        fmt::num(have) + " full-time teachers: the required number is not in the standard data (" + t.clause +
                            ", UNKNOWN); check the number for the facility type and classes by hand"},
                   fmt::count(have, teacher_unit), fmt::text(Text{"不明（UNKNOWN）", "unknown (UNKNOWN)"}), t.clause);
        return;
    }
    Outcome& o = em.requirement("teachers count", label, loc, fmt::count(have, teacher_unit), fmt::at_least(fmt::count(*t.value, teacher_unit)));
    if (have >= *t.value) return;
    em.finding(o, loc,
               Text{"専任教員: " + fmt::num(have) + "人（必要: " + fmt::num(*t.value) + "人以上、" + fmt::cite(t) + "）",
                    "full-time teachers: " + fmt::num(have) + " (required: at least " + fmt::num(*t.value) + ", " + fmt::cite(t) + ")"},
               fmt::count(have, teacher_unit), fmt::at_least(fmt::count(*t.value, teacher_unit)), fmt::cite(t), [&] {
                   auto notes = fmt::provenance_notes(t);
                   for (auto& n : left_out_note(ctx.school)) notes.push_back(n);
                   return notes;
               }());
}

void check_documents_verified(const RuleContext& ctx, Emitter& em) {
    Text label{"教員資格の書類による確認", "teacher qualifications verified with documents"};
    if (!teachers_present(ctx, em, "teachers documents", label)) return;
    const Value req = fmt::text(Text{"免許証・履歴書で確認済み（各資格の取得日以後）", "verified with licences and CV (on or after each qualification was obtained)"});
    for (const auto& t : ctx.school.teachers->list) {
        std::string scope = teacher_scope(t, "documents");
        Text l = teacher_item(label, t.name);
        if (!t.documents_verified) {
            em.fail(std::move(scope), std::move(l), t.loc,
                    Text{teacher_label(t).ja + "の資格を免許証・履歴書等で確認した日（documents-verified）がありません",
                         teacher_label(t).en + ": no date on which the qualifications were verified with licences and CV (documents-verified)"},
                    fmt::text(Text{"記載なし", "not stated"}), req, {});
            continue;
        }
        const std::string date = t.documents_verified->str();
        Outcome& o = em.requirement(std::move(scope), std::move(l), t.loc,
                                    fmt::text(Text{fmt::cat({date, " 確認"}), fmt::cat({"verified ", date})}), req);
        // §14(1): a qualification obtained after the verification was not verified by it.
        for (const auto& q : t.qualifications) {
            if (!q.date || *q.date <= *t.documents_verified) continue;
            const auto& qi = info(q.code);
            em.finding(o, q.loc,
                       Text{fmt::cat({teacher_label(t).ja, ": 「", qi.ja, "」の取得日 ", q.date->str(), " は書類の確認日 ", date,
                                      " より後です。取得後の免許証・履歴書で確認し直し、確認日を記載してください"}),
                            fmt::cat({teacher_label(t).en, ": the qualification \"", qi.en, "\" was obtained on ", q.date->str(),
                                      ", after the documents were verified (", date,
                                      "); verify it again with the licence and CV and record that date"})},
                       fmt::text(Text{fmt::cat({"確認 ", date, "、取得 ", q.date->str()}), fmt::cat({"verified ", date, ", obtained ", q.date->str()})}),
                       fmt::text(Text{fmt::cat({q.date->str(), " 以後の確認"}), fmt::cat({"verified on or after ", q.date->str()})}));
        }
    }
}

void check_subjects_have_teachers(const RuleContext& ctx, Emitter& em) {
    Text label{"科目の担当教員", "every subject has a teacher"};
    if (!teachers_present(ctx, em, "teachers subjects", label)) return;
    std::vector<std::vector<bool>> taught(ctx.school.courses.size());
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) taught[ci].assign(ctx.school.courses[ci].subjects.size(), false);
    for (const auto& t : ctx.school.teachers->list)
        for (const auto& tg : t.teaches) taught[tg.course_index][tg.subject_index] = true;
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        Outcome& o = em.requirement(course_scope(c) + " teachers", Text{course_label(c).ja + " 科目の担当教員", course_label(c).en + ": subject teachers"}, c.loc);
        for (std::size_t si = 0; si < c.subjects.size(); ++si) {
            if (taught[ci][si]) continue;
            const Subject& s = c.subjects[si];
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」を担当する教員が記載されていません（<teaches subject=\"" + s.id + "\"> を担当教員に追加）",
                            "no teacher is described for \"" + s.name + "\" (add <teaches subject=\"" + s.id + "\"> to its teacher)"});
        }
    }
}

}  // namespace ahaki::rules
