// The founder (指導要領 §4) and the items the school rules must state (§5).
#include <string>

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
        em.fail(scope, label, sr.loc,
                Text{"学則に「" + std::string(ii.ja) + "」の規定がありません（<item code=\"" + std::string(ii.code) + "\"> を追加）",
                     "the school rules do not state the " + std::string(ii.en) + " (add <item code=\"" + std::string(ii.code) + "\">)"},
                fmt::text(Text{"規定なし", "not stated"}), required, {});
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
    em.pass(scope, label, entry->loc, measured, required);
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
