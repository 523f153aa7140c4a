// Years of study, subject years, credit transfer, required contents, and the
// things a reviewer flags on sight (0-unit subjects, duplicate names).
#include <algorithm>
#include <map>
#include <string>

#include "rules/curriculum/curriculum.hpp"
#include "import/names.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {
const Text years_unit{"年", "years"};
}

void check_years(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        if (c.visually_impaired) continue;  // CUR-007 applies instead
        const Threshold& t = ctx.course_standards[ci]->get({"min-years"});
        Decimal have = Decimal::from_int(c.years);
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " 修業年限", course_label(c).en + ": years of study"},
                                    c.loc, fmt::count(have, years_unit),
                                    t.value ? fmt::at_least(fmt::count(*t.value, years_unit)) : Value{});
        if (!t.value || have >= *t.value) continue;
        em.finding(o, c.loc,
                   Text{"修業年限: " + std::to_string(c.years) + "年（必要: " + fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）",
                        "years of study: " + std::to_string(c.years) + " (required: at least " + fmt::num(*t.value) + ", " +
                            fmt::cite(t) + ")"},
                   fmt::count(have, years_unit), fmt::at_least(fmt::count(*t.value, years_unit)), fmt::cite(t));
    }
}

void check_years_visually_impaired(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        if (!c.visually_impaired) continue;
        const Threshold& t = ctx.course_standards[ci]->get({"min-years-visually-impaired", ctx.school.type});
        Decimal have = Decimal::from_int(c.years);
        Outcome& o = em.requirement(course_scope(c),
                                    Text{course_label(c).ja + " 視覚障害者の課程の修業年限",
                                         course_label(c).en + ": years of study (visually impaired route)"},
                                    c.loc, fmt::count(have, years_unit),
                                    t.value ? fmt::at_least(fmt::count(*t.value, years_unit)) : Value{});
        if (!t.value) {
            em.finding(o, Severity::review, c.loc,
                       Text{"視覚障害者の課程（修業年限 " + std::to_string(c.years) + "年）: 必要な修業年限が基準データにありません（" +
                                t.clause + "）。条文で確認してください",
                            "visually impaired course (" + std::to_string(c.years) + " years): the required years are not in the "
                            "standard data (" + t.clause + ", UNKNOWN); check the clause by hand"},
                       fmt::count(have, years_unit), fmt::text(Text{"不明", "unknown (UNKNOWN)"}), t.clause,
                       t.note.empty() ? std::vector<Text>{Text{"基準データの値: UNKNOWN", "standard data value: UNKNOWN"}}
                                      : std::vector<Text>{Text{"基準データの値: UNKNOWN", "standard data value: UNKNOWN"}, Text{t.note, t.note}});
            continue;
        }
        if (have >= *t.value) continue;
        em.finding(o, c.loc,
                   Text{"視覚障害者の課程の修業年限: " + std::to_string(c.years) + "年（必要: " + fmt::num(*t.value) + "年以上、" +
                            fmt::cite(t) + "）",
                        "years of study (visually impaired route): " + std::to_string(c.years) + " (required: at least " +
                            fmt::num(*t.value) + ", " + fmt::cite(t) + ")"},
                   fmt::count(have, years_unit), fmt::at_least(fmt::count(*t.value, years_unit)), fmt::cite(t),
                   fmt::provenance_notes(t));
    }
}

void check_subject_year(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " 科目の配当年次", course_label(c).en + ": subject years"},
                                    c.loc);
        for (const auto& s : c.subjects) {
            if (!s.year || *s.year <= c.years) continue;
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」の配当年次 " + std::to_string(*s.year) + "年が修業年限 " + std::to_string(c.years) +
                                "年を超えています",
                            "\"" + s.name + "\" is placed in year " + std::to_string(*s.year) + " of a " +
                                std::to_string(c.years) + "-year course"},
                       fmt::count(Decimal::from_int(*s.year), Text{"年次", "year"}),
                       fmt::at_most(fmt::count(Decimal::from_int(c.years), Text{"年次", "year"})));
        }
    }
}

void check_credit_transfer(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        Text label{course_label(c).ja + " 既修得単位の認定", course_label(c).en + ": credit transfer"};
        if (!c.credit_transfer_units) {
            em.not_checked(course_scope(c), label, c.loc,
                           Text{"既修得単位の認定の上限の記載",
                                "credit transfer limit (course/@credit-transfer-units)"});
            continue;
        }
        const Threshold& t = ctx.course_standards[ci]->get({"credit-transfer-max-units"});
        Decimal have = *c.credit_transfer_units;
        Outcome& o = em.requirement(course_scope(c), label, c.credit_transfer_loc, fmt::units(have),
                                    t.value ? fmt::at_most(fmt::units(*t.value)) : Value{});
        if (!t.value || have <= *t.value) continue;
        em.finding(o, c.credit_transfer_loc,
                   Text{"基礎分野の既修得単位の認定: " + fmt::num(have) + "単位まで（上限: " + fmt::num(*t.value) + "単位、" + fmt::cite(t) + "）",
                        "credit transfer of foundation units: up to " + fmt::num(have) + " units (limit: " + fmt::num(*t.value) +
                            ", " + fmt::cite(t) + ")"},
                   fmt::units(have), fmt::at_most(fmt::units(*t.value)), fmt::cite(t));
    }
}

void check_required_contents(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        const Text course = course_label(c);
        const std::string course_key = course_scope(c);
        for (const auto& content : contents()) {
            Area area = content_area(content.value);
            const auto& ai = info(area);
            const std::string area_ja(import::area_label(area, ctx.school.type));
            Text label{fmt::cat({course.ja, " ", area_ja, "に含める内容「", content.ja, "」"}),
                       fmt::cat({course.en, ": ", ai.en, " must include ", content.en})};
            std::string scope = fmt::cat({course_key, " content=", content.code});
            const Subject* right = nullptr;
            const Subject* wrong = nullptr;
            const Subject* by_name = nullptr;
            for (const auto& s : c.subjects) {
                bool marks = std::find(s.covers.begin(), s.covers.end(), content.value) != s.covers.end();
                if (marks && s.area == area && !right) right = &s;
                if (marks && s.area != area && !wrong) wrong = &s;
                if (!by_name && s.area == area && s.name.find(content.ja) != std::string::npos) by_name = &s;
            }
            if (right) {
                em.pass(std::move(scope), std::move(label), right->loc,
                        fmt::text(Text{fmt::cat({"「", right->name, "」"}), fmt::cat({"\"", right->name, "\""})}));
                continue;
            }
            if (wrong) {
                em.fail_as(Severity::error, scope, label, wrong->loc,
                        Text{"「" + std::string(content.ja) + "」を扱う科目として「" + wrong->name + "」（" +
                                 std::string(import::area_label(wrong->area, ctx.school.type)) + "）が指定されていますが、" + area_ja +
                                 "の科目で教える必要があります（認定規則 別表第一 備考）",
                             "\"" + wrong->name + "\" (" + std::string(info(wrong->area).en) + ") is marked as covering " +
                                 std::string(content.en) + ", but it must be taught within " + std::string(ai.en) +
                                 " (認定規則 別表第一 備考)"},
                        fmt::text(Text{std::string(import::area_label(wrong->area, ctx.school.type)), std::string(info(wrong->area).en)}),
                        fmt::text(Text{area_ja, std::string(ai.en)}), {},
                        std::vector<Text>{Text{fmt::cat({"XML では 「", wrong->name, "」の covers=\"", content.code, "\"（area=\"",
                                                         info(wrong->area).code, "\"）"}),
                                               fmt::cat({"in the XML: covers=\"", content.code, "\" on \"", wrong->name, "\" (area=\"",
                                                         info(wrong->area).code, "\")"})}});
                continue;
            }
            // The office's words: the 備考 column of the sheet; the XML attribute goes to a note.
            Text xml_note{"XML では扱う科目に covers=\"" + std::string(content.code) + "\" を付けます",
                          "in the XML: add covers=\"" + std::string(content.code) + "\" to the subject that teaches it"};
            Text hint = by_name ? Text{"（候補: 「" + by_name->name + "」。その科目の備考に「" + std::string(content.ja) + "」と書いてください）",
                                       " (candidate: add covers=\"" + std::string(content.code) + "\" to \"" + by_name->name + "\")"}
                                : Text{"（扱う科目の備考に「" + std::string(content.ja) + "」と書いてください）",
                                       " (add covers=\"" + std::string(content.code) + "\" to the subject that teaches it)"};
            em.fail_as(Severity::review, scope, label, by_name ? by_name->loc : c.loc,
                       Text{area_ja + "に含めるべき「" + std::string(content.ja) + "」をどの科目で教えるかが示されていません" + hint.ja,
                            "no subject is marked as teaching " + std::string(content.en) + ", which " + std::string(ai.en) +
                                " must include" + hint.en},
                       fmt::text(Text{"指定なし", "not marked"}), fmt::text(Text{std::string(content.ja), std::string(content.en)}), {},
                       std::vector<Text>{xml_note});
        }
    }
}

void check_zero_units(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " 単位数0の科目", course_label(c).en + ": subjects with 0 units"},
                                    c.loc);
        for (const auto& s : c.subjects) {
            if (!s.units.is_zero()) continue;
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」の単位数が0です（" + fmt::num(s.hours) + "時間）。単位数を記入するか、科目を削除してください",
                            "\"" + s.name + "\" has 0 units (" + fmt::num(s.hours) + " hours); give its units or remove it"},
                       fmt::units(s.units), fmt::text(Text{"0より大きい単位数", "more than 0 units"}));
        }
    }
}

void check_duplicate_names(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " 科目名の重複", course_label(c).en + ": duplicate subject names"},
                                    c.loc);
        std::map<std::string_view, const Subject*> seen;
        for (const auto& s : c.subjects) {
            auto [it, inserted] = seen.emplace(s.name, &s);
            if (inserted) continue;
            const Loc& first = it->second->loc;
            // A subject imported from a sheet is named by its sheet row, not by a line of the generated XML.
            const std::string where_ja = first.cell.empty() ? std::to_string(first.line) + "行" : first.cell;
            const std::string where_en = first.cell.empty() ? "line " + std::to_string(first.line) : first.cell;
            em.finding(o, s.loc,
                       Text{"科目名「" + s.name + "」が同じ課程に2回あります（最初: " + where_ja + "）。Ⅰ・Ⅱなどで区別してください",
                            "the subject name \"" + s.name + "\" appears twice in this course (first at " + where_en +
                                "); distinguish them (I, II…)"},
                       fmt::text(Text{s.name, s.name}), fmt::text(Text{"課程内で一意の科目名", "subject names unique in the course"}));
        }
    }
}

}  // namespace ahaki::rules
