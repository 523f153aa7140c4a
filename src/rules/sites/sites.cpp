// Clinical practice sites (指導要領 9(1), 9(2), 9(4)ア–キ). 9(3) is CUR-008.
#include <string>

#include "rules/facility_common.hpp"
#include "rules/facility_rules.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

const Text sites_missing{"臨床実習施設（clinical-sites）", "clinical sites (clinical-sites)"};

/// Runs `fn` for each 施術所 (the sites §9(4) is about); not checked without a sites section.
template <class Fn>
void for_each_clinic(const RuleContext& ctx, Emitter& em, const Text& what, Fn fn) {
    if (!ctx.school.sites) {
        em.not_checked("school", Text{"施術所 " + what.ja, "施術所: " + what.en}, ctx.school.loc, sites_missing);
        return;
    }
    for (const auto& s : *ctx.school.sites)
        if (s.kind == SiteKind::clinic) fn(s);
}

/// A yes/no statement a 施術所 must make: absent → not checked, false → the failure message.
void clinic_flag(const RuleContext& ctx, Emitter& em, std::optional<bool> SiteDetails::*flag, const Text& what,
                 const Text& attribute, const Text& failure) {
    for_each_clinic(ctx, em, what, [&](const Site& s) {
        const auto& v = s.details.*flag;
        if (!v) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc, attribute);
            return;
        }
        if (*v) {
            em.pass(site_scope(s), site_label(s, what), s.loc, fmt::text({"あり", "yes"}));
            return;
        }
        em.fail(site_scope(s), site_label(s, what), s.loc,
                cited(Text{s.name + ": " + failure.ja, s.name + ": " + failure.en}, em.rule().citation),
                fmt::text({"なし", "no"}), fmt::text({"あり", "yes"}), {});
    });
}

}  // namespace

void check_sites_secured(const RuleContext& ctx, Emitter& em) {
    Text label{"附属の臨床実習施設と施術所の確保", "An affiliated clinical facility and a 施術所 secured"};
    if (!ctx.school.sites) {
        em.not_checked("school", label, ctx.school.loc, sites_missing);
        return;
    }
    bool affiliated = false, clinic = false;
    for (const auto& s : *ctx.school.sites) {
        affiliated = affiliated || s.kind == SiteKind::affiliated;
        clinic = clinic || s.kind == SiteKind::clinic;
    }
    std::vector<Text> missing;
    if (!affiliated) missing.push_back({"附属の臨床実習施設", "an affiliated clinical facility"});
    if (!clinic) missing.push_back({"施術所", "a 施術所"});
    Value required = fmt::text({"附属の臨床実習施設と施術所", "an affiliated facility and a 施術所"});
    if (missing.empty()) {
        em.pass("school", label, ctx.school.loc, required, required);
        return;
    }
    Loc loc = ctx.school.sites->empty() ? ctx.school.loc : ctx.school.sites->front().loc;
    Text m = join_texts(missing);
    em.fail("school", label, loc,
            Text{"確保されていない臨床実習施設: " + m.ja + "（必要: 附属の臨床実習施設と施術所、" + std::string(em.rule().citation) + "）",
                 "clinical sites not secured: " + m.en + " (required: an affiliated facility and a 施術所, " +
                     std::string(em.rule().citation) + ")"},
            fmt::text(Text{"なし: " + m.ja, "missing: " + m.en}), required, {});
}

void check_affiliated_site(const RuleContext& ctx, Emitter& em) {
    const Text what{"附属施設の要件", "affiliated facility requirements"};
    if (!ctx.school.sites) {
        em.not_checked("school", what, ctx.school.loc, sites_missing);
        return;
    }
    for (const auto& s : *ctx.school.sites) {
        if (s.kind != SiteKind::affiliated) continue;
        const auto& d = s.details;
        if (!d.established_by_school || !d.supervised_by_teachers) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc,
                           {"教育目的の設置と教員の直接指導（site/@established-by-school, @supervised-by-teachers）",
                            "set-up for teaching and direct supervision by teachers (site/@established-by-school, "
                            "@supervised-by-teachers)"});
            continue;
        }
        std::vector<Text> problems;
        if (!*d.established_by_school)
            problems.push_back({"養成施設が教育を目的として設置した施設ではありません", "not set up by the school for teaching"});
        if (!*d.supervised_by_teachers)
            problems.push_back({"養成施設の教員が直接指導に当たっていません", "not supervised directly by the school's teachers"});
        Value required = fmt::text({"教育目的で設置し教員が直接指導", "set up for teaching, supervised by its teachers"});
        if (problems.empty()) {
            em.pass(site_scope(s), site_label(s, what), s.loc, required, required);
            continue;
        }
        Text p = join_texts(problems);
        em.fail(site_scope(s), site_label(s, what), s.loc,
                cited(Text{s.name + ": " + p.ja, s.name + ": " + p.en}, em.rule().citation), fmt::text(p), required, {});
    }
}

void check_clinic_goals(const RuleContext& ctx, Emitter& em) {
    clinic_flag(ctx, em, &SiteDetails::attainment_goals, {"到達目標", "attainment goals"},
                {"到達目標の設定（site/@attainment-goals）", "attainment goals (site/@attainment-goals)"},
                {"臨床実習の到達目標が設定されていません", "no attainment goals are set for clinical practice"});
}

void check_clinic_facilities(const RuleContext& ctx, Emitter& em) {
    clinic_flag(ctx, em, &SiteDetails::facilities_usable, {"施設・設備の利用", "use of facilities and equipment"},
                {"施設・設備の利用（site/@facilities-usable）", "use of facilities (site/@facilities-usable)"},
                {"臨床実習に必要な施設及び設備を利用できません",
                 "the facilities and equipment needed for clinical practice cannot be used"});
}

void check_clinic_consent(const RuleContext& ctx, Emitter& em) {
    clinic_flag(ctx, em, &SiteDetails::written_consent, {"患者の文書による同意", "patients' written consent"},
                {"患者の文書同意（site/@written-consent）", "written consent (site/@written-consent)"},
                {"臨床実習を行うことについて患者の文書による同意を得ていません",
                 "patients do not give written consent to clinical practice"});
}

void check_clinic_years_open(const RuleContext& ctx, Emitter& em) {
    const Text what{"開業実績", "years open"};
    const Threshold& t = ctx.standard->get({"clinic-min-years-open"});
    auto start = start_date(ctx.school);
    for_each_clinic(ctx, em, what, [&](const Site& s) {
        if (!s.details.opened) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc, {"開設日（site/@opened）", "opening date (site/@opened)"});
            return;
        }
        if (!start) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc, start_date_missing);
            return;
        }
        Decimal years = Decimal::from_int(whole_years_between(*s.details.opened, start->date));
        Value measured = fmt::count(years, {"年", "years"});
        Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"年", "years"})) : Value{};
        Outcome& o = em.requirement(site_scope(s), site_label(s, what), s.loc, measured, required);
        if (!t.value || years >= *t.value) return;
        em.finding(o, s.loc,
                   Text{s.name + ": 開業実績" + fmt::num(years) + "年（開設 " + ds(*s.details.opened) + "、" + start->source.ja + " " +
                            ds(start->date) + " まで）（必要: " + fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）",
                        s.name + ": open " + fmt::num(years) + " years (opened " + ds(*s.details.opened) + ", until " +
                            start->source.en + " " + ds(start->date) + ") (required: at least " + fmt::num(*t.value) + ", " +
                            fmt::cite(t) + ")"},
                   measured, required, fmt::cite(t));
    });
}

void check_clinic_supervisor(const RuleContext& ctx, Emitter& em) {
    const Text what{"臨床実習指導者", "clinical practice supervisor"};
    const Threshold& t = ctx.standard->get({"supervisor-min-practice-years"});
    for_each_clinic(ctx, em, what, [&](const Site& s) {
        if (s.details.supervisors.empty()) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc, {"臨床実習指導者（site/supervisor）", "supervisors (site/supervisor)"});
            return;
        }
        Value required = fmt::text({"教員の資格、又は実務" + (t.value ? fmt::num(*t.value) : std::string("?")) +
                                        "年以上かつ臨床実習指導者講習会の修了",
                                    "a teacher's qualification, or at least " + (t.value ? fmt::num(*t.value) : std::string("?")) +
                                        " years of practice and the supervisor course"});
        std::vector<Text> why;
        const Supervisor* ok = nullptr;
        for (const auto& sv : s.details.supervisors) {
            if (sv.teacher_qualified.value_or(false)) { ok = &sv; break; }
            bool years_ok = t.value && sv.practice_years && Decimal::from_int(*sv.practice_years) >= *t.value;
            if (years_ok && sv.course_completed) { ok = &sv; break; }
            Text years = sv.practice_years ? Text{"実務" + std::to_string(*sv.practice_years) + "年",
                                                  std::to_string(*sv.practice_years) + " years of practice"}
                                           : Text{"実務年数の記載なし", "years of practice not stated"};
            Text course = sv.course_completed ? Text{"講習会修了 " + ds(*sv.course_completed), "course completed " + ds(*sv.course_completed)}
                                              : Text{"講習会修了なし", "supervisor course not completed"};
            why.push_back({sv.name + "（教員資格なし、" + years.ja + "、" + course.ja + "）",
                           sv.name + " (no teacher's qualification, " + years.en + ", " + course.en + ")"});
        }
        if (ok) {
            em.pass(site_scope(s), site_label(s, what), ok->loc, fmt::text({ok->name, ok->name}), required);
            return;
        }
        Text w = join_texts(why);
        em.fail(site_scope(s), site_label(s, what), s.loc,
                Text{s.name + ": 要件を満たす臨床実習指導者がいません: " + w.ja + "（必要: " + required.text.ja + "、" + fmt::cite(t) + "）",
                     s.name + ": no supervisor meets the requirement: " + w.en + " (required: " + required.text.en + ", " +
                         fmt::cite(t) + ")"},
                fmt::text(w), required, fmt::cite(t));
    });
}

void check_clinic_patients(const RuleContext& ctx, Emitter& em) {
    const Text what{"施術日の平均受診者数", "average patients per treatment day"};
    const Threshold& t = ctx.standard->get({"clinic-min-patients-per-day"});
    const Threshold& period = ctx.standard->get({"clinic-patient-period-years"});
    auto start = start_date(ctx.school);
    for_each_clinic(ctx, em, what, [&](const Site& s) {
        if (!s.details.patients) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc,
                           {"平均受診者数とその期間（site/patients）", "average patients and their period (site/patients)"});
            return;
        }
        const PatientFigure& p = *s.details.patients;
        Value measured = fmt::count(p.per_day, {"名", "patients"});
        Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"名", "patients"})) : Value{};
        Outcome& o = em.requirement(site_scope(s), site_label(s, what), p.loc, measured, required);
        std::string span = ds(p.from) + "〜" + ds(p.to);
        std::string span_en = ds(p.from) + " to " + ds(p.to);
        // The period must cover a whole year: from + 1 year <= to + 1 day.
        int months = whole_months(period, true);
        if (period.value && Date::from_days(p.to.days() + 1) < p.from.add_months(months)) {
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " は" + fmt::num(*period.value) + "年に足りません（必要: 過去" +
                                fmt::num(*period.value) + "年間の平均、" + fmt::cite(period) + "）",
                            s.name + ": the period of the average, " + span_en + ", is shorter than " + fmt::num(*period.value) +
                                " year(s) (required: the average over the past " + fmt::num(*period.value) + " year(s), " +
                                fmt::cite(period) + ")"},
                       {}, {}, fmt::cite(period));
        }
        if (start && p.to > start->date) {
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " が" + start->source.ja + " " + ds(start->date) +
                                " より後に及んでいます（必要: 過去の実績、" + fmt::cite(period) + "）",
                            s.name + ": the period of the average, " + span_en + ", runs past " + start->source.en + " " +
                                ds(start->date) + " (required: past figures, " + fmt::cite(period) + ")"},
                       {}, {}, fmt::cite(period));
        }
        if (t.value && p.per_day < *t.value) {
            em.finding(o, p.loc,
                       Text{s.name + ": 施術日の平均受診者数 " + fmt::num(p.per_day) + "名（" + span + "）（必要: " + fmt::num(*t.value) +
                                "名以上、" + fmt::cite(t) + "）",
                            s.name + ": " + fmt::num(p.per_day) + " patients per treatment day on average (" + span_en +
                                ") (required: at least " + fmt::num(*t.value) + ", " + fmt::cite(t) + ")"},
                       measured, required, fmt::cite(t));
        }
    });
}

void check_clinic_sanctions(const RuleContext& ctx, Emitter& em) {
    const Text what{"開設者の行政処分", "administrative sanctions of the opener"};
    for_each_clinic(ctx, em, what, [&](const Site& s) {
        const auto& d = s.details;
        if (!d.opener_sanctioned && d.sanctions.empty()) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc,
                           {"開設者の行政処分の有無（site/@opener-sanctioned）", "whether the opener was sanctioned (site/@opener-sanctioned)"});
            return;
        }
        Value required = fmt::text({"過去を含め処分なし", "none, past included"});
        if (!d.opener_sanctioned.value_or(false) && d.sanctions.empty()) {
            em.pass(site_scope(s), site_label(s, what), s.loc, fmt::text({"なし", "none"}), required);
            return;
        }
        std::vector<Text> list;
        for (const auto& x : d.sanctions)
            list.push_back({x.kind + (x.date ? "（" + ds(*x.date) + "）" : std::string()),
                            x.kind + (x.date ? " (" + ds(*x.date) + ")" : std::string())});
        Text l = list.empty() ? Text{"内容の記載なし", "no details given"} : join_texts(list);
        em.fail(site_scope(s), site_label(s, what), d.sanctions.empty() ? s.loc : d.sanctions.front().loc,
                Text{s.name + ": 開設者が療養費申請資格停止等の行政処分を受けています（過去を含む）: " + l.ja + "（" +
                         std::string(em.rule().citation) + "）",
                     s.name + ": the opener has been subject to an administrative sanction such as suspension from 療養費 "
                              "claims (past included): " + l.en + " (" + std::string(em.rule().citation) + ")"},
                fmt::text(l), required, {});
    });
}

}  // namespace ahaki::rules
