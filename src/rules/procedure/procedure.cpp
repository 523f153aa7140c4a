// Procedure: who accredits (指導要領 1), deadlines (2, 3, 11(4)), advertising and
// recruitment (13), opinion letters (cover notice 記2).
#include <string>

#include "rules/facility_common.hpp"
#include "rules/facility_rules.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

const Text procedure_missing{"手続（procedure）", "procedure (procedure)"};

std::string cite_rule(const Emitter& em) { return std::string(em.rule().citation); }

Loc attr_loc(const Procedure& p, std::string_view attr) {
    Loc l = p.loc;
    l.path += "/@" + std::string(attr);
    return l;
}

/// One deadline: `submitted` must be no later than `due` minus the lead time.
struct Deadline {
    Text what;         ///< 設置計画書の提出 / submission of the establishment plan
    Text due_what;     ///< 授業開始予定日 / the planned start of classes
    Date due;
    std::optional<Date> submitted;
    Loc loc;
};

void check_deadline(const RuleContext& ctx, Emitter& em, const std::string& scope, const Text& label, const Deadline& d,
                    const Threshold& t, bool years, const Text& missing) {
    if (!d.submitted) return void(em.not_checked(scope, label, d.loc, missing));
    int months = whole_months(t, years);
    // The everyday reading: by the same date N months/years earlier (clamped to the month's end).
    Date everyday = d.due.add_months(-months);
    // 民法 140/143 counted back (standard data deadline-reading): the period of N months ends
    // the day before `due`, so the last day is the day before the everyday one.
    const Threshold& reading = ctx.standard->get({"deadline-reading"});
    const bool civil = reading.text == "civil-code";
    Date latest = civil ? Date::from_days(everyday.days() - 1) : everyday;
    std::string lead_ja = years ? fmt::num(*t.value) + "年" : fmt::num(*t.value) + "か月";
    std::string lead_en = years ? fmt::num(*t.value) + " year(s)" : fmt::num(*t.value) + " months";
    Value measured = fmt::text({ds(*d.submitted), ds(*d.submitted)});
    Value required = fmt::text({ds(latest) + " まで", "by " + ds(latest)});
    Outcome& o = em.requirement(scope, label, d.loc, measured, required);
    if (*d.submitted <= latest) return;
    if (*d.submitted <= everyday) {
        // Only the boundary day: in time under the everyday reading, one day late under 民法.
        em.finding(o, Severity::review, d.loc,
                   Text{d.what.ja + " " + ds(*d.submitted) + " は" + d.due_what.ja + " " + ds(d.due) + " の" + lead_ja + "前の日です。日常の読み方では期限内（" +
                            ds(everyday) + " まで）ですが、民法 140条・143条による計算では期限は " + ds(latest) +
                            " で、1日遅れています。早い方の " + ds(latest) + " までに提出したか確認してください（" + fmt::cite(t) + "、" +
                            fmt::cite(reading) + "）",
                        d.what.en + " on " + ds(*d.submitted) + " is exactly " + lead_en + " before " + d.due_what.en + " " + ds(d.due) +
                            ": in time under the everyday reading (by " + ds(everyday) + "), but one day late under 民法 140 and 143 (by " +
                            ds(latest) + "); check it against the earlier last day, " + ds(latest) + " (" + fmt::cite(t) + ", " +
                            fmt::cite(reading) + ")"},
                   measured, required, fmt::cite(t), fmt::provenance_notes(reading));
        return;
    }
    Text req = civil ? Text{"民法 140条・143条により " + ds(latest) + " まで", "by " + ds(latest) + " under 民法 140 and 143"}
                     : Text{ds(latest) + " まで", "by " + ds(latest)};
    em.finding(o, d.loc,
               Text{d.what.ja + " " + ds(*d.submitted) + " は" + d.due_what.ja + " " + ds(d.due) + " の" + lead_ja + "前（" + ds(everyday) +
                        "）より後です（必要: " + req.ja + "、" + fmt::cite(t) + "）",
                    d.what.en + " on " + ds(*d.submitted) + " is later than " + lead_en + " before " + d.due_what.en + " " + ds(d.due) +
                        " (" + ds(everyday) + ") (required: " + req.en + ", " + fmt::cite(t) + ")"},
               measured, required, fmt::cite(t));
}

}  // namespace

void check_authority(const RuleContext& ctx, Emitter& em) {
    Authority who = authority_of(ctx);
    const auto& a = info(who);
    const auto& type = info(ctx.school.type);
    Text via = who == Authority::mhlw ? Text{"（都道府県知事を経由）", " (through the prefectural governor)"} : Text{};
    Text label{"認定者: " + std::string(a.ja) + via.ja, "accredited by " + std::string(a.en) + via.en};
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("school", label, ctx.school.loc, procedure_missing));
    if (!p->addressed_to)
        return void(em.not_checked("procedure", label, p->loc, {"申請先（procedure/@addressed-to）", "addressee (procedure/@addressed-to)"}));
    Value required = fmt::text({std::string(a.ja) + via.ja, std::string(a.en) + via.en});
    const auto& got = info(*p->addressed_to);
    Value measured = fmt::text({std::string(got.ja), std::string(got.en)});
    if (*p->addressed_to == who) return void(em.pass("procedure", label, p->loc, measured, required));
    em.fail("procedure", label, attr_loc(*p, "addressed-to"),
            Text{"申請の宛先が" + std::string(got.ja) + "になっています: " + std::string(type.ja) + "を認定するのは" + std::string(a.ja) + via.ja +
                     "です（" + cite_rule(em) + "）",
                 "the submission is addressed to " + std::string(got.en) + ", but a " + std::string(type.en) + " is accredited by " +
                     std::string(a.en) + via.en + " (" + cite_rule(em) + ")"},
            measured, required, {});
}

void check_plan_deadline(const RuleContext& ctx, Emitter& em) {
    Text label{"設置計画書の提出期限", "deadline of the establishment plan"};
    if (!procedure_applies(ctx, em, "establishment-plan", "procedure", label)) return;
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    if (!p->planned_start)
        return void(em.not_checked("procedure", label, p->loc, {"授業開始予定日（procedure/@planned-start）", "planned start (procedure/@planned-start)"}));
    check_deadline(ctx, em, "procedure", label,
                   Deadline{{"設置計画書の提出", "the establishment plan submitted"}, {"授業開始予定日", "the planned start of classes"},
                            *p->planned_start, p->plan_submitted, attr_loc(*p, "plan-submitted")},
                   ctx.standard->get({"plan-lead-years"}), true,
                   {"設置計画書の提出日（procedure/@plan-submitted）", "plan submission date (procedure/@plan-submitted)"});
}

void check_capacity_plan_deadline(const RuleContext& ctx, Emitter& em) {
    Text label{"定員変更計画書の提出期限", "deadline of the capacity-change plan"};
    if (!procedure_applies(ctx, em, "capacity-plan", "procedure", label)) return;
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    if (p->capacity_increases.empty())
        return void(em.pass("procedure", label, p->loc, fmt::text({"定員増加の予定なし", "no capacity increase planned"}), {}));
    for (const auto& ci : p->capacity_increases) {
        Loc loc = ci.loc;
        loc.path += "/@plan-submitted";
        check_deadline(ctx, em, "capacity-increase=" + ds(ci.effective), label,
                       Deadline{{"定員変更計画書の提出", "the capacity-change plan submitted"}, {"定員の変更日", "the change of capacity"},
                                ci.effective, ci.plan_submitted, loc},
                       ctx.standard->get({"capacity-plan-lead-years"}), true,
                       {"定員変更計画書の提出日（capacity-increase/@plan-submitted）", "plan submission date (capacity-increase/@plan-submitted)"});
    }
}

void check_application_deadline(const RuleContext& ctx, Emitter& em) {
    Text label{"認定申請の期限", "deadline of the application"};
    if (!procedure_applies(ctx, em, "application", "procedure", label)) return;
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    const Threshold& t = ctx.standard->get({"application-lead-months"});
    if (!p->planned_start)
        em.not_checked("procedure", label, p->loc, {"授業開始予定日（procedure/@planned-start）", "planned start (procedure/@planned-start)"});
    else
        check_deadline(ctx, em, "procedure", label,
                       Deadline{{"認定の申請", "the application submitted"}, {"授業開始予定日", "the planned start of classes"}, *p->planned_start,
                                p->application_submitted, attr_loc(*p, "application-submitted")},
                       t, false, {"認定申請の提出日（procedure/@application-submitted）", "application date (procedure/@application-submitted)"});
    for (const auto& ci : p->capacity_increases) {
        Loc loc = ci.loc;
        loc.path += "/@application-submitted";
        check_deadline(ctx, em, "capacity-increase=" + ds(ci.effective), Text{"変更承認申請の期限", "deadline of the change application"},
                       Deadline{{"変更の承認の申請", "the change application submitted"}, {"定員の変更日", "the change of capacity"},
                                ci.effective, ci.application_submitted, loc},
                       t, false,
                       {"変更承認申請の提出日（capacity-increase/@application-submitted）",
                        "change application date (capacity-increase/@application-submitted)"});
    }
}

void check_fee_plan_deadline(const RuleContext& ctx, Emitter& em) {
    Text label{"経理計画書の提出期限", "deadline of the accounting plan"};
    if (!procedure_applies(ctx, em, "fee-plan", "finance", label)) return;
    const auto& f = ctx.school.finance;
    if (!f) return void(em.not_checked("finance", label, ctx.school.loc, {"財政（finance）", "finance (finance)"}));
    if (f->changes.empty())
        return void(em.pass("finance", label, f->loc, fmt::text({"新設・改定の予定なし", "no new or changed fee planned"}), {}));
    for (const auto& ch : f->changes) {
        const Fee& fee = f->fees[ch.fee_index];
        Loc loc = ch.loc;
        loc.path += "/@plan-submitted";
        check_deadline(ctx, em, "fee-change=" + fee.id + "@" + ds(ch.effective), label,
                       Deadline{{"納付金「" + fee.name + "」の経理計画書の提出", "the accounting plan for the fee \"" + fee.name + "\" submitted"},
                                {"新設・改定日", "the change"}, ch.effective, ch.plan_submitted, loc},
                       ctx.standard->get({"fee-plan-lead-months"}), false,
                       {"経理計画書の提出日（fee-change/@plan-submitted）", "plan submission date (fee-change/@plan-submitted)"});
    }
}

void check_advertising(const RuleContext& ctx, Emitter& em) {
    Text label{"広告の開始時期と表示", "start and label of advertising"};
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    if (p->advertising.empty()) return void(em.pass("procedure", label, p->loc, fmt::text({"広告なし", "no advertising"}), {}));
    for (const auto& ad : p->advertising) {
        std::string scope = "advertising=" + ds(ad.start);
        if (!p->plan_accepted) {
            em.not_checked(scope, label, ad.loc, {"設置計画書の受理日（procedure/@plan-accepted）", "plan acceptance date (procedure/@plan-accepted)"});
            continue;
        }
        bool applied = p->application_submitted && ad.start >= *p->application_submitted;
        AdLabel want = applied ? AdLabel::applying : AdLabel::planning;
        Value required = fmt::text({ds(*p->plan_accepted) + " 以後、「" + std::string(info(want).ja) + "」と表示",
                                    "from " + ds(*p->plan_accepted) + ", labelled " + std::string(info(want).en)});
        Value measured = fmt::text({ds(ad.start) + "、「" + std::string(info(ad.label).ja) + "」", ds(ad.start) + ", " + std::string(info(ad.label).en)});
        Outcome& o = em.requirement(scope, label, ad.loc, measured, required);
        if (ad.start < *p->plan_accepted)
            em.finding(o, ad.loc,
                       Text{"広告の開始 " + ds(ad.start) + " が設置計画書の受理 " + ds(*p->plan_accepted) + " より前です（" + cite_rule(em) + "）",
                            "advertising starts on " + ds(ad.start) + ", before the establishment plan was accepted on " +
                                ds(*p->plan_accepted) + " (" + cite_rule(em) + ")"});
        if (ad.label != want)
            em.finding(o, ad.loc,
                       Text{"広告（" + ds(ad.start) + "〜）の表示が「" + std::string(info(ad.label).ja) + "」です（必要: 「" +
                                std::string(info(want).ja) + "」、" + cite_rule(em) + "）",
                            "advertising from " + ds(ad.start) + " is labelled " + std::string(info(ad.label).en) + " (required: " +
                                std::string(info(want).en) + ", " + cite_rule(em) + ")"});
    }
}

void check_recruitment(const RuleContext& ctx, Emitter& em) {
    Text label{"学生募集の開始時期と表示", "start and label of student recruitment"};
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    if (p->recruitment.empty()) return void(em.pass("procedure", label, p->loc, fmt::text({"募集なし", "no recruitment"}), {}));
    for (const auto& rc : p->recruitment) {
        std::string scope = "recruitment=" + ds(rc.start);
        if (!p->application_accepted) {
            em.not_checked(scope, label, rc.loc,
                           {"認定申請書の受理日（procedure/@application-accepted）", "application acceptance date (procedure/@application-accepted)"});
            continue;
        }
        Value required = fmt::text({ds(*p->application_accepted) + " 以後、「申請中」と表示",
                                    "from " + ds(*p->application_accepted) + ", labelled " + std::string(info(AdLabel::applying).en)});
        Value measured = fmt::text({ds(rc.start) + "、「" + std::string(info(rc.label).ja) + "」", ds(rc.start) + ", " + std::string(info(rc.label).en)});
        Outcome& o = em.requirement(scope, label, rc.loc, measured, required);
        if (rc.start < *p->application_accepted)
            em.finding(o, rc.loc,
                       Text{"学生募集の開始 " + ds(rc.start) + " が認定申請書の受理 " + ds(*p->application_accepted) + " より前です（" +
                                cite_rule(em) + "）",
                            "recruitment starts on " + ds(rc.start) + ", before the application was accepted on " +
                                ds(*p->application_accepted) + " (" + cite_rule(em) + ")"});
        if (rc.label != AdLabel::applying)
            em.finding(o, rc.loc,
                       Text{"学生募集（" + ds(rc.start) + "〜）の表示が「" + std::string(info(rc.label).ja) + "」です（必要: 「申請中」、" +
                                cite_rule(em) + "）",
                            "recruitment from " + ds(rc.start) + " is labelled " + std::string(info(rc.label).en) + " (required: " +
                                std::string(info(AdLabel::applying).en) + ", " + cite_rule(em) + ")"});
    }
}

void check_opinion_letters(const RuleContext& ctx, Emitter& em) {
    Text label{"設置計画書に添える関係団体等の意見書", "opinion letters attached to the establishment plan"};
    if (!procedure_applies(ctx, em, "opinion-letters", "procedure", label)) return;
    const auto& p = ctx.school.procedure;
    if (!p) return void(em.not_checked("procedure", label, ctx.school.loc, procedure_missing));
    // The bodies of 記2 come from the standard data (opinion-bodies).
    const Threshold& bodies = ctx.standard->get({"opinion-bodies"});
    std::vector<Text> missing, present, all;
    for (const auto& c : opinion_bodies()) {
        if (c.value == OpinionBody::other || !has_word(bodies.text, c.code)) continue;
        bool found = false;
        for (const auto& o : p->opinions) found = found || o.body == c.value;
        Text name{std::string(c.ja), std::string(c.en)};
        all.push_back(name);
        (found ? present : missing).push_back(name);
    }
    Text a = join_texts(all);
    Value required = fmt::text({a.ja + "の意見書", "opinion letters of " + a.en});
    if (missing.empty()) return void(em.pass("procedure", label, p->loc, required, required));
    Text m = join_texts(missing);
    em.fail("procedure", label, p->loc,
            Text{"設置計画書に添えられていない意見書: " + m.ja + "（" + cite_rule(em) + "）",
                 "opinion letters not attached to the establishment plan: " + m.en + " (" + cite_rule(em) + ")"},
            fmt::text(Text{"不足: " + m.ja, "missing: " + m.en}), required, {});
}

}  // namespace ahaki::rules
