// The founder (指導要領 §4) and the items the school rules must state (§5).
#include <string>

#include "import/names.hpp"
#include "rules/format.hpp"
#include "rules/people/people.hpp"

namespace ahaki::rules {

void check_across_submissions(const RuleContext&, Emitter& em) {
    // Replaced by engine/cross.cpp when the run compares submissions (--cross-check). Never
    // "compliant" without it, and never an error with --complete: the comparison is the reviewer's to ask for.
    Outcome& o = em.requirement("across-files", Text{"他の申請との照合", "comparison with other submissions"}, Loc{});
    o.status = Status::not_checked;
    o.measured = fmt::text(Text{"他の申請と照合していません（複数の申請を --cross-check で確認すると照合します）",
                                "not compared with other submissions (check several submissions with --cross-check)"});
}

void check_founder(const RuleContext& ctx, Emitter& em) {
    const Text label{"設置者", "founder"};
    if (!ctx.school.founder) {
        em.not_checked("founder", label, ctx.school.loc, Text{"設置者（<founder>）", "founder (<founder>)"});
        return;
    }
    const Founder& f = *ctx.school.founder;
    const auto& k = info(f.kind);
    Value measured = fmt::text(Text{f.name + "（" + std::string(k.ja) + "）", f.name + " (" + std::string(k.en) + ")"});
    Value required = fmt::text(Text{"国、地方公共団体又は営利を目的としない法人", "the state, a local government or a non-profit corporation"});
    Loc loc = f.loc;
    loc.path += "/@kind";
    switch (f.kind) {
        case FounderKind::for_profit_company:
            em.fail("founder", label, loc,
                    Text{"設置者「" + f.name + "」は営利法人です。設置者は国、地方公共団体のほか、営利を目的としない法人であることが原則です",
                         "the founder \"" + f.name + "\" is a for-profit company; a founder must in principle be the state, a local "
                         "government or a non-profit corporation"},
                    measured, required, {});
            return;
        case FounderKind::individual:
        case FounderKind::other:
            em.fail_as(Severity::review, "founder", label, loc,
                       Text{"設置者「" + f.name + "」（" + std::string(k.ja) + "）は原則とされる設置者（国、地方公共団体、営利を目的としない法人）に"
                            "当たりません。例外とする理由を確認してください（定款・登記事項証明書）",
                            "the founder \"" + f.name + "\" (" + std::string(k.en) + ") is not one of the founders the guideline "
                            "expects in principle (state, local government, non-profit corporation); check the reason for the "
                            "exception (articles of incorporation, registry certificate)"},
                       measured, required, {});
            return;
        default:
            em.pass("founder", label, loc, measured, required);
    }
}

namespace {

/// One difference between what the 学則 states and what the file describes.
struct Mismatch {
    Text what;  ///< 課程「day」 基礎分野の単位数 / course "day", units of 基礎分野
    Text rules, described;  ///< empty rules: the 学則 states nothing for it
    Loc loc;
};

void add_mismatch(std::vector<Mismatch>& out, Text what, Text rules, Text described, const Loc& loc) {
    out.push_back(Mismatch{std::move(what), std::move(rules), std::move(described), loc});
}
Text same(std::string s) { return Text{s, s}; }
template <class E>
Text name_of(E v) {
    return Text{std::string(info(v).ja), std::string(info(v).en)};
}
Text yes_no_text(bool b) { return b ? Text{"はい", "yes"} : Text{"いいえ", "no"}; }

/// §5(3): kind of course, schedule, units and hours per area, against the course described.
std::vector<Mismatch> curriculum_mismatches(const School& school, const SchoolRules& sr) {
    std::vector<Mismatch> out;
    std::vector<bool> stated(school.courses.size(), false);
    for (const auto& cr : sr.courses) {
        const Course& c = school.courses[cr.course_index];
        stated[cr.course_index] = true;
        std::string cid = "「" + c.id + "」";
        if (cr.schedule && *cr.schedule != c.schedule)
            add_mismatch(out, {"課程" + cid + "の昼間・夜間の別", "course \"" + c.id + "\", day or night"},
                         name_of(*cr.schedule), name_of(c.schedule), cr.loc);
        if (cr.visually_impaired && *cr.visually_impaired != c.visually_impaired)
            add_mismatch(out, {"課程" + cid + "の視覚障害者の課程の別", "course \"" + c.id + "\", visually impaired route"},
                         yes_no_text(*cr.visually_impaired), yes_no_text(c.visually_impaired), cr.loc);
        if (cr.areas.empty()) continue;
        std::vector<bool> area_stated(area_count, false);
        for (const auto& ar : cr.areas) {
            area_stated[static_cast<std::size_t>(ar.area)] = true;
            Decimal units{}, hours{};
            for (const auto& s : c.subjects)
                if (s.area == ar.area) {
                    units += s.units;
                    hours += s.hours;
                }
            std::string an(import::area_label(ar.area, school.type)), an_en(info(ar.area).en);
            if (ar.units && *ar.units != units)
                add_mismatch(out, {"課程" + cid + "の" + an + "の単位数", "course \"" + c.id + "\", units of " + an_en},
                             same(fmt::num(*ar.units)), same(fmt::num(units)), ar.loc);
            if (ar.hours && *ar.hours != hours)
                add_mismatch(out, {"課程" + cid + "の" + an + "の時間数", "course \"" + c.id + "\", hours of " + an_en},
                             same(fmt::num(*ar.hours)), same(fmt::num(hours)), ar.loc);
        }
        for (const auto& s : c.subjects)
            if (!area_stated[static_cast<std::size_t>(s.area)]) {
                area_stated[static_cast<std::size_t>(s.area)] = true;
                add_mismatch(out, {"課程" + cid + "の" + std::string(import::area_label(s.area, school.type)) + "の単位数・時間数",
                                   "course \"" + c.id + "\", units and hours of " + std::string(info(s.area).en)},
                             {}, {}, cr.loc);
            }
    }
    for (std::size_t i = 0; i < school.courses.size(); ++i)
        if (!stated[i])
            add_mismatch(out, {"課程「" + school.courses[i].id + "」", "course \"" + school.courses[i].id + "\""}, {}, {}, sr.loc);
    return out;
}

/// §5(4): type, intake per year, years and classes, against the file.
std::vector<Mismatch> capacity_mismatches(const School& school, const SchoolRules& sr) {
    std::vector<Mismatch> out;
    if (sr.facility_type && *sr.facility_type != school.type)
        add_mismatch(out, {"養成施設の種類", "facility type"}, name_of(*sr.facility_type), name_of(school.type), sr.facility_type_loc);
    for (const auto& cr : sr.courses) {
        const Course& c = school.courses[cr.course_index];
        std::string cid = "「" + c.id + "」";
        if (cr.years && *cr.years != c.years)
            add_mismatch(out, {"課程" + cid + "の修業年限", "course \"" + c.id + "\", years of study"}, same(std::to_string(*cr.years)),
                         same(std::to_string(c.years)), cr.loc);
        if (!school.students) continue;
        for (const auto& in : school.students->intakes) {
            if (in.course_index != cr.course_index) continue;
            if (cr.intake && *cr.intake != in.capacity)
                add_mismatch(out, {"課程" + cid + "の1学年の定員", "course \"" + c.id + "\", intake per year"},
                             same(std::to_string(*cr.intake)), same(std::to_string(in.capacity)), cr.loc);
            if (cr.classes && in.classes && *cr.classes != *in.classes)
                add_mismatch(out, {"課程" + cid + "の学級数", "course \"" + c.id + "\", number of classes"},
                             same(std::to_string(*cr.classes)), same(std::to_string(*in.classes)), cr.loc);
        }
    }
    return out;
}

/// Records the comparison: computed when the 学則 states the facts, declared (article only) otherwise.
void compare_with_rules(Emitter& em, Outcome& o, const RuleItemEntry& entry, const std::vector<Mismatch>& mismatches) {
    em.computed(o);
    std::string art = entry.article.empty() ? std::string() : "（" + entry.article + "）";
    std::string art_en = entry.article.empty() ? std::string() : " (" + entry.article + ")";
    for (const auto& m : mismatches) {
        bool absent = m.rules.ja.empty();
        em.finding(o, m.loc,
                   absent ? Text{"学則" + art + "に" + m.what.ja + "の定めがありません（記載された教育課程と比べられません、" +
                                     std::string(em.rule().citation) + "）",
                                 "the school rules" + art_en + " state nothing for " + m.what.en +
                                     " (cannot be compared with the course described, " + std::string(em.rule().citation) + ")"}
                          : Text{"学則" + art + "と記載された内容が違います: " + m.what.ja + " 学則 " + m.rules.ja + "、記載 " + m.described.ja + "（" +
                                     std::string(em.rule().citation) + "）",
                                 "the school rules" + art_en + " differ from the description: " + m.what.en + ": " + m.rules.en +
                                     " in the rules, " + m.described.en + " described (" + std::string(em.rule().citation) + ")"});
    }
}

}  // namespace

template <RuleItem item>
void check_school_rules_item(const RuleContext& ctx, Emitter& em) {
    const auto& ii = info(item);
    std::string scope = "school-rules item=" + std::string(ii.code);
    Text label{"学則に定める事項: " + std::string(ii.ja), "school rules state: " + std::string(ii.en)};
    if (!ctx.school.school_rules) {
        em.not_checked(scope, label, ctx.school.loc, Text{"学則（<school-rules>）", "school rules (<school-rules>)"});
        return;
    }
    const SchoolRules& sr = *ctx.school.school_rules;
    Value required = fmt::text(Text{"学則に規定", "stated in the school rules"});
    const RuleItemEntry* entry = sr.find(item);
    if (!entry) {
        em.computed(em.fail(scope, label, sr.loc,
                Text{"学則に「" + std::string(ii.ja) + "」の規定がありません（<item code=\"" + std::string(ii.code) + "\"> を追加）",
                     "the school rules do not state the " + std::string(ii.en) + " (add <item code=\"" + std::string(ii.code) + "\">)"},
                fmt::text(Text{"規定なし", "not stated"}), required, {}));
        return;
    }
    Value measured = fmt::text(entry->article.empty() ? Text{"規定あり", "stated"}
                                                      : Text{"学則 " + entry->article, "school rules " + entry->article});
    if constexpr (item == RuleItem::fees) {
        if (sr.no_other_fees != true) {
            em.fail(scope, label, sr.no_other_fees ? sr.no_other_fees_loc : sr.loc,
                    Text{"学則に、定められた納付金以外は徴収しない旨の規定がありません（no-other-fees=\"true\"）",
                         "the school rules do not state that no fees other than those listed are collected (no-other-fees=\"true\")"},
                    fmt::text(Text{"規定なし", "not stated"}), required, {});
            return;
        }
    }
    Outcome& o = em.pass(scope, label, entry->loc, measured, required);
    // §5(3)–(4): when the 学則 states the facts (course-rule, area-rule, facility-type), compare them.
    if constexpr (item == RuleItem::curriculum) {
        if (!sr.courses.empty()) return compare_with_rules(em, o, *entry, curriculum_mismatches(ctx.school, sr));
    }
    if constexpr (item == RuleItem::type_capacity_years_classes) {
        if (!sr.courses.empty() || sr.facility_type) return compare_with_rules(em, o, *entry, capacity_mismatches(ctx.school, sr));
    }
    if (!entry->article.empty())
        em.declare(o, {"学則 " + entry->article + " の条文", "article " + entry->article + " of the school rules"});
}

template void check_school_rules_item<RuleItem::name>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::location>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::curriculum>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::type_capacity_years_classes>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::holidays_teaching_days>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::staff>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::admission>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::progression_graduation>(const RuleContext&, Emitter&);
template void check_school_rules_item<RuleItem::fees>(const RuleContext&, Emitter&);

}  // namespace ahaki::rules
