// Finance (指導要領 11(1)–(4)); the §11(4) deadline itself is PRC-004.
#include <string>

#include "rules/facility_common.hpp"
#include "rules/facility_rules.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

const Text finance_missing{"財政（finance）", "finance (finance)"};
std::string cite_rule(const Emitter& em) { return std::string(em.rule().citation); }

std::string yen(Decimal d) { return fmt::num(d) + "円"; }
std::string yen_en(Decimal d) { return "JPY " + fmt::num(d); }

}  // namespace

void check_sound_finances(const RuleContext& ctx, Emitter& em) {
    Text label{"財政上の健全性", "sound finances"};
    const auto& f = ctx.school.finance;
    if (!f) return void(em.not_checked("finance", label, ctx.school.loc, finance_missing));
    if (!f->sound) return void(em.not_checked("finance", label, f->loc, {"財政の健全性（finance/@sound）", "soundness (finance/@sound)"}));
    Value required = fmt::text({"財政上健全な運営", "soundly run"});
    if (!*f->sound) {
        em.fail("finance", label, f->loc,
                cited({"養成施設の運営が財政上健全に行われていません", "the school is not run on a sound financial basis"}, cite_rule(em)),
                fmt::text({"健全でない", "not sound"}), required, {});
        return;
    }
    if (f->evidence.empty()) {
        em.fail_as(Severity::review, "finance", label, f->loc,
                   cited({"財政の健全性を示す資料の記載がありません: 決算書・資金計画等で確認してください",
                          "no evidence of sound finances is named: check the financial statements and funding plan"},
                         cite_rule(em)),
                   fmt::text({"資料の記載なし", "no evidence named"}), required, {});
        return;
    }
    em.pass("finance", label, f->loc, fmt::text({"根拠資料: " + f->evidence, "evidence: " + f->evidence}), required);
}

void check_separate_accounts(const RuleContext& ctx, Emitter& em) {
    Text label{"経理の区分", "separate accounts"};
    const auto& f = ctx.school.finance;
    if (!f) return void(em.not_checked("finance", label, ctx.school.loc, finance_missing));
    if (!f->separate_accounts)
        return void(em.not_checked("finance", label, f->loc, {"経理の区分（finance/@separate-accounts）", "separate accounts (finance/@separate-accounts)"}));
    Value required = fmt::text({"養成施設以外の経理と明確に区分", "kept apart from other accounts"});
    if (*f->separate_accounts) return void(em.pass("finance", label, f->loc, required, required));
    em.fail("finance", label, f->loc,
            cited({"養成施設の経理が養成施設以外の経理と明確に区分されていません", "the school's accounts are not kept apart from the founder's other accounts"},
                  cite_rule(em)),
            fmt::text({"区分なし", "not separate"}), required, {});
}

void check_fees_in_rules(const RuleContext& ctx, Emitter& em) {
    Text label{"学則に定めた生徒納付金のみの徴収", "only the fees of the school rules collected"};
    const auto& f = ctx.school.finance;
    if (!f) return void(em.not_checked("finance", label, ctx.school.loc, finance_missing));
    // 11(3) computed: the fees of the file against the fees (and amounts) the 学則 names (school-rules/fee-rule).
    const auto& sr = ctx.school.school_rules;
    if (sr && !sr->fees.empty()) {
        std::vector<Text> listed;
        for (const auto& fee : f->fees) listed.push_back({fee.name + " " + yen(fee.amount), fee.name + " " + yen_en(fee.amount)});
        Value required = fmt::text({"学則で定めた納付金と金額のみ", "only the fees and amounts stated in the school rules"});
        Outcome& o = em.requirement("finance", label, f->loc, fmt::text(join_texts(listed)), required);
        em.computed(o);
        for (std::size_t i = 0; i < f->fees.size(); ++i) {
            const Fee& fee = f->fees[i];
            const FeeRule* rule = nullptr;
            for (const auto& fr : sr->fees)
                if (fr.fee_index == i) rule = &fr;
            if (!rule) {
                em.finding(o, fee.loc,
                           cited({"生徒納付金「" + fee.name + "」（" + yen(fee.amount) + "）が学則の定める納付金にありません",
                                  "the fee \"" + fee.name + "\" (" + yen_en(fee.amount) + ") is not among the fees the school rules set (school-rules/fee-rule)"},
                                 cite_rule(em)));
            } else if (rule->amount != fee.amount) {
                em.finding(o, fee.loc,
                           cited({"生徒納付金「" + fee.name + "」の金額 " + yen(fee.amount) + " が学則の定める " + yen(rule->amount) + " と違います",
                                  "the fee \"" + fee.name + "\" is " + yen_en(fee.amount) + ", but the school rules set " + yen_en(rule->amount)},
                                 cite_rule(em)),
                           fmt::text({yen(fee.amount), yen_en(fee.amount)}), fmt::text({yen(rule->amount), yen_en(rule->amount)}));
            }
        }
        if (f->other_fees == true) {
            Loc loc = f->loc;
            loc.path += "/@other-fees";
            em.finding(o, loc,
                       cited({"学則で定めた以外の生徒納付金を徴収しています", "fees not stated in the school rules are collected"}, cite_rule(em)));
        }
        return;
    }
    bool stated = f->other_fees.has_value() && !f->fees.empty();
    for (const auto& fee : f->fees) stated = stated && fee.in_school_rules.has_value();
    if (!stated)
        return void(em.not_checked("finance", label, f->loc,
                                   {"生徒納付金と学則の定め（finance/fee/@in-school-rules, finance/@other-fees）",
                                    "the fees and whether the school rules state them (finance/fee/@in-school-rules, finance/@other-fees)"}));
    std::vector<Text> listed;
    for (const auto& fee : f->fees) listed.push_back({fee.name + " " + yen(fee.amount), fee.name + " " + yen_en(fee.amount)});
    Text all = join_texts(listed);
    Value required = fmt::text({"学則で定めた納付金のみ", "only fees stated in the school rules"});
    Outcome& o = em.requirement("finance", label, f->loc, fmt::text(all), required);
    // Without the 学則's fees (school-rules/fee-rule) this rests on the flags.
    em.declare(o, {"学則の納付金の条文と徴収の記録", "the fee article of the school rules and the record of fees collected"});
    for (const auto& fee : f->fees)
        if (!*fee.in_school_rules)
            em.finding(o, fee.loc,
                       cited({"生徒納付金「" + fee.name + "」（" + yen(fee.amount) + "）が学則に定められていません",
                              "the fee \"" + fee.name + "\" (" + yen_en(fee.amount) + ") is not stated in the school rules"},
                             cite_rule(em)));
    if (*f->other_fees) {
        Loc loc = f->loc;
        loc.path += "/@other-fees";
        em.finding(o, loc,
                   cited({"学則で定めた以外の生徒納付金を徴収しています", "fees not stated in the school rules are collected"}, cite_rule(em)));
    }
}

void check_fee_change_plan(const RuleContext& ctx, Emitter& em) {
    Text label{"納付金の新設・改定の経理計画書", "accounting plan for a new or changed fee"};
    if (!procedure_applies(ctx, em, "fee-plan", "finance", label)) return;
    const auto& f = ctx.school.finance;
    if (!f) return void(em.not_checked("finance", label, ctx.school.loc, finance_missing));
    if (f->changes.empty()) {
        em.pass("finance", label, f->loc, fmt::text({"新設・改定の予定なし", "no new or changed fee planned"}), {});
        return;
    }
    for (const auto& ch : f->changes) {
        const Fee& fee = f->fees[ch.fee_index];
        std::string scope = "fee-change=" + fee.id + "@" + ds(ch.effective);
        Text l{"納付金「" + fee.name + "」の新設・改定（" + ds(ch.effective) + "）の経理計画書",
               "accounting plan for the fee \"" + fee.name + "\" from " + ds(ch.effective)};
        if (!ch.plan_without_change || !ch.plan_with_change) {
            em.not_checked(scope, l, ch.loc,
                           {"翌年度の経理計画書（fee-change/@plan-without-change, @plan-with-change）",
                            "next year's plans (fee-change/@plan-without-change, @plan-with-change)"});
            continue;
        }
        Value required = fmt::text({"新設・改定しない場合と する場合の翌年度の経理計画書、納付金名と金額",
                                    "next year's plans with and without the change, the fee's name and amount"});
        Outcome& o = em.requirement(scope, l, ch.loc,
                                    fmt::text({fee.name + " " + yen(ch.new_amount), fee.name + " " + yen_en(ch.new_amount)}), required);
        if (!*ch.plan_without_change)
            em.finding(o, ch.loc,
                       Text{"納付金「" + fee.name + "」の新設・改定（" + ds(ch.effective) +
                                "）: 新設又は改定しない場合に予想される翌年度の経理計画書がありません（" + cite_rule(em) + "ア）",
                            "fee \"" + fee.name + "\" from " + ds(ch.effective) +
                                ": no plan for next year without the change (" + cite_rule(em) + "ア)"});
        if (!*ch.plan_with_change)
            em.finding(o, ch.loc,
                       Text{"納付金「" + fee.name + "」の新設・改定（" + ds(ch.effective) +
                                "）: 新設又は改定した場合に予想される翌年度の経理計画書がありません（" + cite_rule(em) + "イ）",
                            "fee \"" + fee.name + "\" from " + ds(ch.effective) +
                                ": no plan for next year with the change (" + cite_rule(em) + "イ)"});
    }
}

}  // namespace ahaki::rules
