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
        // 9(4)イ is judged when students are placed there: the start of the earliest year of a
        // subject placed at this site; a site with no placement is judged at the start of classes.
        auto placed = first_placement(ctx.school, s, start);
        if (!placed && !start) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc, start_date_missing);
            return;
        }
        PlacementTime at = placed ? *placed
                                  : PlacementTime{start->date, Text{start->source.ja + "（この施設への実習の配置なし）",
                                                                    start->source.en + " (no practice placed at this site)"}};
        Decimal years = Decimal::from_int(whole_years_between(*s.details.opened, at.date));
        Value measured = fmt::count(years, {"年", "years"});
        measured.text = Text{ds(at.date) + " 時点", "on " + ds(at.date)};
        Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"年", "years"})) : Value{};
        Outcome& o = em.requirement(site_scope(s), site_label(s, what), s.loc, measured, required);
        if (!t.value || years >= *t.value) return;
        em.finding(o, s.loc,
                   Text{s.name + ": 開業実績" + fmt::num(years) + "年（開設 " + ds(*s.details.opened) + "、" + at.what.ja + " " + ds(at.date) +
                            " まで）（必要: 実習を行う時点で" + fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）",
                        s.name + ": open " + fmt::years(fmt::num(years)) + " (opened " + ds(*s.details.opened) + ", until " + at.what.en + " on " +
                            ds(at.date) + ") (required: at least " + fmt::num(*t.value) + " when students are placed there, " +
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
        std::string n = t.value ? fmt::num(*t.value) : std::string("?");
        Value required = fmt::text({"教員の資格、又は実務" + n + "年以上の後に臨床実習指導者講習会を修了",
                                    "a teacher's qualification, or the supervisor course completed after at least " + fmt::years(n) + " of practice"});
        std::vector<Text> why;
        const Supervisor* ok = nullptr;
        const Supervisor* undecided = nullptr;
        for (const auto& sv : s.details.supervisors) {
            if (sv.teacher_qualified.value_or(false)) { ok = &sv; break; }
            Text course = sv.course_completed ? Text{"講習会修了 " + ds(*sv.course_completed), "course completed " + ds(*sv.course_completed)}
                                              : Text{"講習会修了なし", "supervisor course not completed"};
            // 9(4)ウ: the course must come after the years of practice: computed from the day practice began.
            if (sv.practice_since) {
                int before = sv.course_completed ? whole_years_between(*sv.practice_since, *sv.course_completed) : 0;
                if (sv.course_completed && t.value && Decimal::from_int(before) >= *t.value) { ok = &sv; break; }
                Text years = sv.course_completed
                                 ? Text{"実務開始 " + ds(*sv.practice_since) + "、講習会まで実務" + std::to_string(before) + "年",
                                        "practice from " + ds(*sv.practice_since) + ", " + fmt::years(std::to_string(before)) + " before the course"}
                                 : Text{"実務開始 " + ds(*sv.practice_since), "practice from " + ds(*sv.practice_since)};
                why.push_back({sv.name + "（教員資格なし、" + years.ja + "、" + course.ja + "）",
                               sv.name + " (no teacher's qualification, " + years.en + ", " + course.en + ")"});
                continue;
            }
            bool years_ok = t.value && sv.practice_years && Decimal::from_int(*sv.practice_years) >= *t.value;
            if (years_ok && sv.course_completed) {
                // Enough years declared, but without the day practice began the order cannot be computed.
                if (!undecided) undecided = &sv;
                continue;
            }
            Text years = sv.practice_years ? Text{"実務" + std::to_string(*sv.practice_years) + "年",
                                                  fmt::years(std::to_string(*sv.practice_years)) + " of practice"}
                                           : Text{"実務年数の記載なし", "years of practice not stated"};
            why.push_back({sv.name + "（教員資格なし、" + years.ja + "、" + course.ja + "）",
                           sv.name + " (no teacher's qualification, " + years.en + ", " + course.en + ")"});
        }
        if (ok) {
            Outcome& o = em.pass(site_scope(s), site_label(s, what), ok->loc, fmt::text({ok->name, ok->name}), required);
            if (ok->teacher_qualified.value_or(false))  // the teacher's qualification is the school's statement
                em.declare(o, {ok->name + "の教員資格を示す書類", "documents of " + ok->name + "'s teacher's qualification"});
            return;
        }
        if (undecided) {
            const Supervisor& sv = *undecided;
            em.fail_as(Severity::review, site_scope(s), site_label(s, what), sv.loc,
                       Text{s.name + ": " + sv.name + " は実務" + std::to_string(*sv.practice_years) + "年・講習会修了 " + ds(*sv.course_completed) +
                                " と記載されていますが、実務を始めた日（supervisor/@practice-since）がないため、" + n +
                                "年以上実務に従事した後に講習会を修了したかを計算できません。実務経験証明書と修了証で確認してください（" + fmt::cite(t) + "）",
                            s.name + ": " + sv.name + " is stated to have " + std::to_string(*sv.practice_years) +
                                " years of practice and the course completed on " + ds(*sv.course_completed) +
                                ", but without the day practice began (supervisor/@practice-since) it cannot be computed whether the course came after " +
                                n + " years of practice; check the certificates of practice and of the course (" + fmt::cite(t) + ")"},
                       fmt::text({"実務" + std::to_string(*sv.practice_years) + "年（申告）",
                                  fmt::years(std::to_string(*sv.practice_years)) + " of practice (declared)"}),
                       required, fmt::cite(t));
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
    const Threshold& lag = ctx.standard->get({"clinic-patient-period-max-lag-months"});
    // 9(4)エ: "過去1年間" is the year before the application (else the plan, else the start of classes).
    std::optional<StartDate> ref;
    if (const auto& p = ctx.school.procedure) {
        if (p->application_submitted) ref = StartDate{*p->application_submitted, {"認定申請", "the application"}, p->loc};
        else if (p->plan_submitted) ref = StartDate{*p->plan_submitted, {"設置計画書の提出", "the establishment plan"}, p->loc};
    }
    if (!ref) ref = start_date(ctx.school);
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
        // The period must be exactly the stated length: from + N years == to + 1 day.
        int months = whole_months(period, true);
        Date after = Date::from_days(p.to.days() + 1);
        if (period.value && after < p.from.add_months(months)) {
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " は" + fmt::num(*period.value) + "年に足りません（必要: 過去" +
                                fmt::num(*period.value) + "年間の平均、" + fmt::cite(period) + "）",
                            s.name + ": the period of the average, " + span_en + ", is shorter than " + fmt::num(*period.value) +
                                " year(s) (required: the average over the past " + fmt::num(*period.value) + " year(s), " +
                                fmt::cite(period) + ")"},
                       {}, {}, fmt::cite(period));
        } else if (period.value && p.from.add_months(months) < after) {
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " は" + fmt::num(*period.value) + "年を超えています（複数年の平均は使えません。必要: 過去" +
                                fmt::num(*period.value) + "年間の平均、" + fmt::cite(period) + "）",
                            s.name + ": the period of the average, " + span_en + ", is longer than " + fmt::num(*period.value) +
                                " year(s) (an average over several years does not do; required: the average over the past " +
                                fmt::num(*period.value) + " year(s), " + fmt::cite(period) + ")"},
                       {}, {}, fmt::cite(period));
        }
        if (ref && !(p.to < ref->date)) {
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " が" + ref->source.ja + " " + ds(ref->date) +
                                " の日以後に及んでいます（必要: " + ref->source.ja + "前の過去の実績、" + fmt::cite(period) + "）",
                            s.name + ": the period of the average, " + span_en + ", runs to or past " + ref->source.en + " on " +
                                ds(ref->date) + " (required: past figures before " + ref->source.en + ", " + fmt::cite(period) + ")"},
                       {}, {}, fmt::cite(period));
        } else if (ref && lag.value && after < ref->date.add_months(-whole_months(lag, false))) {
            // An older year than the one just before the application.
            Date earliest_end = Date::from_days(ref->date.add_months(-whole_months(lag, false)).days() - 1);
            em.finding(o, p.loc,
                       Text{s.name + ": 平均受診者数の期間 " + span + " は" + ref->source.ja + " " + ds(ref->date) + " の直前の" +
                                fmt::num(*period.value) + "年間ではなく、古い期間です（必要: 期間の終わりが " + ds(earliest_end) + " 以後、" +
                                fmt::cite(lag) + "）",
                            s.name + ": the period of the average, " + span_en + ", is not the year just before " + ref->source.en +
                                " on " + ds(ref->date) + " but an older one (required: a period ending on or after " + ds(earliest_end) +
                                ", " + fmt::cite(lag) + ")"},
                       {}, {}, fmt::cite(lag), fmt::provenance_notes(lag));
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

void check_medical_observation(const RuleContext& ctx, Emitter& em) {
    const Text what{"医療機関等での臨床実習の内容", "what students do at a medical institution"};
    if (!ctx.school.sites) {
        em.not_checked("school", what, ctx.school.loc, sites_missing);
        return;
    }
    Value required = fmt::text({"見学実習", "observation only (見学実習)"});
    bool any = false;
    for (const auto& c : ctx.school.courses)
        for (const auto& subj : c.subjects)
            for (std::size_t i = 0; i < subj.placements.size(); ++i) {
                const Placement& p = subj.placements[i];
                const Site& site = ctx.school.site_of(p);
                if (site.kind != SiteKind::medical) continue;
                any = true;
                std::string scope = "placement=" + subj.id + "/" + std::to_string(i + 1);
                Text label{subj.name + " → " + site.name + " の実習の内容", "what students do in " + subj.name + " at " + site.name};
                if (!p.mode) {
                    em.not_checked(scope, label, p.loc, {"実習の内容（placement/@mode）", "what students do (placement/@mode)"});
                    continue;
                }
                Value measured = fmt::text({std::string(info(*p.mode).ja), std::string(info(*p.mode).en)});
                if (*p.mode == PlacementMode::observation) {
                    em.pass(scope, label, p.loc, measured, required);
                    continue;
                }
                em.fail(scope, label, p.loc,
                        Text{subj.name + ": 医療機関等「" + site.name + "」での臨床実習が" + std::string(info(*p.mode).ja) +
                                 "です（必要: 医療機関等での臨床実習は見学実習に限る、" + std::string(em.rule().citation) + "）",
                             subj.name + ": clinical practice at the medical institution \"" + site.name + "\" is " +
                                 std::string(info(*p.mode).en) + " (required: observation only at 医療機関等, " +
                                 std::string(em.rule().citation) + ")"},
                        measured, required, {});
            }
    if (!any) em.pass("school", what, ctx.school.loc, fmt::text({"医療機関等での実習なし", "no practice at medical institutions"}), required);
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
            Outcome& o = em.pass(site_scope(s), site_label(s, what), s.loc, fmt::text({"なし", "none"}), required);
            em.declare(o, {"開設者の誓約書（療養費の受領委任の取扱い中止等の処分を受けていないこと）",
                           "the opener's signed statement of no sanction (such as suspension from 療養費 claims)"});
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
