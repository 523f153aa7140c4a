// The CLM-* checks. Each states what it found in the clinic's own terms: dates
// in 和暦 (ISO in English), amounts in yen, the fee items it computed.
#include "rules/claims/claims.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "model/wareki.hpp"
#include "rules/format.hpp"

namespace ahaki::claims {
namespace {

using namespace clinic;

std::string scope_of(const Patient& p) { return "patient=" + p.id; }
Text patient_label(const Patient& p, Text what) { return {p.name + "（" + p.id + "）: " + what.ja, p.name + " (" + p.id + "): " + what.en}; }
Loc attr(Loc l, std::string_view a) {
    l.path += "/@";
    l.path += a;
    return l;
}
Text d(const Date& x) { return date_text(x); }
Value yen_value(std::int64_t v) { return Value{Decimal::from_int(v), Text{"円", "yen"}, {}}; }
Value text_value(Text t) { return fmt::text(std::move(t)); }
std::vector<Text> note_of(const RuleParam* p) {
    if (!p) return {};
    Text n = mark_note(p->mark, p->source);
    if (n.empty()) return {};
    return {n};
}

// ---- CLM-001: visits inside the consent period ----
void check_consent_period(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        for (std::size_t ci = 0; ci < p.consents.size(); ++ci) {
            const Consent& c = p.consents[ci];
            const ConsentPeriod& per = pc.periods[ci];
            std::string scope = scope_of(p) + " consent=" + c.id;
            Text label = patient_label(p, {"同意 " + c.id + " の期間内の施術", "visits within consent " + c.id + "'s period"});
            if (!per.known) {
                em.not_checked(scope, label, c.loc, Text{"同意日に適用できる同意期間の規則", "a consent-period rule for the consent's date"});
                continue;
            }
            Text period{wareki::format(per.start) + "〜" + wareki::format(per.end), per.start.str() + " to " + per.end.str()};
            Outcome& o = em.requirement(scope, label, c.loc, {}, text_value(period));
            std::vector<Text> notes;
            Text how = c.kind == ConsentKind::initial
                           ? Text{"初回の同意（" + wareki::format(c.date) + "）: 初療 " + wareki::format(per.start) + " から",
                                  "initial consent (" + c.date.str() + "): from the first treatment on " + per.start.str()}
                           : Text{"再同意（" + wareki::format(c.date) + "）: 再同意日から", "renewal (" + c.date.str() + "): from the renewal's date"};
            how.ja += std::to_string(per.months) + "月（" + std::to_string(per.start.day) + "日の開始: " +
                      wareki::format(per.end) + "まで）";
            how.en += ", " + std::to_string(per.months) + " months (a start on day " + std::to_string(per.start.day) + ": until " + per.end.str() + ")";
            if (per.limited_by_form) {
                how.ja += "。同意書の加療期間 " + wareki::format(*c.period_end) + " までに限られます";
                how.en += "; limited by the written period ending " + c.period_end->str();
            }
            notes.push_back(how);
            for (auto& n : note_of(per.months_param)) notes.push_back(n);
            for (std::size_t vi : pc.order) {
                const Visit& v = p.visits[vi];
                if (v.consent != ci) continue;
                // The course ended by 治癒 or 転医 after this consent: a later visit needs a new consent (only after 中止
                // may treatment resume within the period, 第8章5; clinic-format.md <end>).
                const End* ended = nullptr;
                for (const auto& e : p.ends)
                    if (e.outcome != EndOutcome::stopped && e.date >= c.date && e.date < v.date) {
                        ended = &e;
                        break;
                    }
                if (ended) {
                    const bool cured = ended->outcome == EndOutcome::cured;
                    em.finding(o, attr(v.loc, "consent"),
                               Text{"施術日 " + wareki::format(v.date) + " は、" + wareki::format(ended->date) + " の" + (cured ? "治癒" : "転医") +
                                        "で終わった同意 " + c.id + " によっています。" + (cured ? "治癒" : "転医") + "の後の施術には新しい同意（初回）が必要です",
                                    "the treatment on " + v.date.str() + " is under consent " + c.id + ", whose course ended on " + ended->date.str() +
                                        (cured ? " (cured)" : " (transferred)") + ": treatment after a " + (cured ? "cure" : "transfer") +
                                        " needs a new (initial) consent"},
                               text_value(d(v.date)), text_value({"新しい同意", "a new consent"}), "留意事項 第8章5", notes);
                    continue;
                }
                if (v.date >= per.start && v.date <= per.end) continue;
                em.finding(o, attr(v.loc, "date"),
                           Text{"同意期間（" + period.ja + "）を過ぎた施術日 " + wareki::format(v.date),
                                "treatment on " + v.date.str() + " after the consent period (" + period.en + ")"},
                           text_value(d(v.date)), text_value(period), std::string(em.rule().citation), notes);
            }
        }
    }
}

// ---- CLM-002: diseases outside the six ----
void check_disease(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients)
        for (const auto& c : p.consents) {
            std::string scope = scope_of(p) + " consent=" + c.id;
            Text label = patient_label(p, {"同意 " + c.id + " の疾病", "disease of consent " + c.id});
            if (c.disease != Disease::other) {
                em.pass(scope, label, c.loc, text_value({std::string(info(c.disease).ja), std::string(info(c.disease).en)}));
                continue;
            }
            em.fail(scope, label, attr(c.loc, "disease"),
                    Text{"同意疾病「" + c.disease_name + "」は6疾患（神経痛、リウマチ、頸腕症候群、五十肩、腰痛症、頸椎捻挫後遺症）以外です。"
                         "支給の適否は保険者が個別に判断します",
                         "the consented disease \"" + c.disease_name + "\" is not one of the six (neuralgia, rheumatism, cervicobrachial "
                         "syndrome, frozen shoulder, lumbago, after-effects of a cervical sprain): the insurer decides case by case"},
                    text_value({c.disease_name, c.disease_name}), text_value({"6疾患のいずれか", "one of the six diseases"}),
                    std::string(em.rule().citation));
        }
}

// ---- CLM-003: verbal re-consent ----
void check_verbal_renewal(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients)
        for (const auto& c : p.consents) {
            if (c.kind != ConsentKind::renewal) continue;
            std::string scope = scope_of(p) + " consent=" + c.id;
            Text label = patient_label(p, {"再同意 " + c.id + " の方法", "how renewal " + c.id + " was obtained"});
            const RuleParam* allowed = ctx.data.param("verbal-renewal-allowed", c.date);
            if (c.form != ConsentForm::written && allowed && allowed->value == 1 && c.doctor_address.empty()) {
                // Allowed then, but recorded on the claim and in the 施術録 with the doctor's name, address, date and disease (第3章4).
                em.fail(scope, label, attr(c.loc, "form"),
                        Text{wareki::format(c.date) + "の口頭の再同意に、同意した医師の住所（doctor-address）が記録されていません"
                             "（口頭の再同意は医師の住所・氏名・同意年月日・病名を申請書と施術録に付記します）",
                             "the verbal renewal of " + c.date.str() + " does not record the consenting doctor's address (doctor-address): a verbal "
                             "renewal is recorded on the claim and in the 施術録 with the doctor's address, name, date and disease"},
                        text_value({"医師の住所なし", "no doctor's address"}), text_value({"医師の住所", "the doctor's address"}), allowed->source,
                        note_of(allowed));
                continue;
            }
            if (c.form == ConsentForm::written || !allowed || allowed->value == 1) {
                em.pass(scope, label, c.loc, text_value(c.form == ConsentForm::written ? Text{"同意書", "written"} : Text{"口頭", "verbal"}));
                continue;
            }
            em.fail(scope, label, attr(c.loc, "form"),
                    Text{wareki::format(c.date) + "の再同意が口頭です。" + wareki::format(allowed->from) + "以降の再同意には同意書が必要です",
                         "the renewal of " + c.date.str() + " is verbal: from " + allowed->from.str() + " a renewal needs a written consent"},
                    text_value({"口頭", "verbal"}), text_value({"同意書", "written consent"}), allowed->source, note_of(allowed));
        }
}

/// The end (if any) between two dates: after `after`, on or before `upto`.
const End* end_between(const Patient& p, const Date& after, const Date& upto) {
    // Ends are in date order (the reader checks it): the last one before `upto`.
    auto it = std::lower_bound(p.ends.begin(), p.ends.end(), upto, [](const End& e, const Date& d) { return e.date < d; });
    if (it == p.ends.begin()) return nullptr;
    --it;
    return it->date >= after ? &*it : nullptr;
}

// ---- CLM-004: 初検料 only at the start of a course ----
void check_first_exam(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        if (p.visits.empty()) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"初検料の算定", "initial examination fee"}), p.loc);
        const Visit* prev = nullptr;
        for (std::size_t vi : pc.order) {
            const Visit& v = p.visits[vi];
            if (v.first_exam && prev) {
                const End* end = end_between(p, prev->date, v.date);
                const Consent& now = p.consents[v.consent];
                const Consent& before = p.consents[prev->consent];
                Loc loc = attr(v.loc, "first-exam");
                bool new_consent = v.consent != prev->consent && now.kind == ConsentKind::initial;
                if (end && end->outcome == EndOutcome::cured && new_consent && now.disease != before.disease) {
                    // 第4章2: after a cure, a new disease under a new consent.
                } else if (end && new_consent) {
                    em.finding(o, Severity::review, loc,
                               Text{wareki::format(v.date) + "の初検料: " + wareki::format(end->date) + "の施術終了（" +
                                        std::string(info(end->outcome).ja) + "）の後、" + std::string(now.disease == before.disease ? "同じ" : "別の") + "疾病（" + std::string(info(now.disease).ja) +
                                        "）の新しい同意です。再発として初検料を算定できるかは同意書等により判断されます",
                                    "initial examination fee on " + v.date.str() + ": after the end on " + end->date.str() + " (" +
                                        std::string(info(end->outcome).en) + "), a new consent for " +
                                        (now.disease == before.disease ? "the same disease" : "another disease") +
                                        ": whether it is a relapse is judged from the consent"},
                               text_value(d(v.date)), {}, "留意事項 第4章4");
                } else {
                    Text why = end ? Text{"施術終了（" + wareki::format(end->date) + "、" + std::string(info(end->outcome).ja) +
                                              "）の後ですが、新しい同意による新たな疾病の初回施術ではありません",
                                          "after the end on " + end->date.str() + " (" + std::string(info(end->outcome).en) +
                                              ") but not the first treatment of a new disease under a new consent"}
                                   : Text{"施術継続中です（前回の施術日 " + wareki::format(prev->date) + "）",
                                          "treatment is continuing (previous visit " + prev->date.str() + ")"};
                    em.finding(o, loc,
                               Text{wareki::format(v.date) + "に初検料を算定していますが、" + why.ja + "。初検料は初回のみです",
                                    "initial examination fee claimed on " + v.date.str() + ": " + why.en + "; it is paid only once"},
                               text_value(d(v.date)), text_value({"初回の施術日のみ", "the first treatment only"}), {});
                }
            }
            prev = &v;
        }
    }
}

// ---- CLM-005: one treatment a day ----
void check_once_a_day(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        if (p.visits.empty()) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"1日1回の施術", "one treatment a day"}), p.loc);
        for (std::size_t k = 1; k < pc.order.size(); ++k) {
            const Visit& a = p.visits[pc.order[k - 1]];
            const Visit& b = p.visits[pc.order[k]];
            if (a.date != b.date) continue;
            em.finding(o, attr(b.loc, "date"),
                       Text{wareki::format(b.date) + "に施術が2回以上あります（施術料は疾病や部位の数にかかわらず1日1回）",
                            "more than one treatment on " + b.date.str() + " (the fee is paid once a day, whatever the diseases or sites)"},
                       fmt::count(Decimal::from_int(2), {"回", "visits"}), fmt::at_most(fmt::count(Decimal::from_int(1), {"回", "visit"})), {});
        }
    }
}

std::string claim_scope(const ClinicContext& ctx, const Claim& cl) {
    return "patient=" + ctx.clinic.patients[cl.patient].id + " claim=" + (cl.id.empty() ? cl.month.str() : cl.id);
}
Text claim_label(const ClinicContext& ctx, const Claim& cl, Text what) {
    const Patient& p = ctx.clinic.patients[cl.patient];
    return {p.name + "（" + p.id + "） " + wareki::format_month(cl.month.year, cl.month.month) + "分: " + what.ja,
            p.name + " (" + p.id + ") " + cl.month.str() + ": " + what.en};
}

// ---- CLM-006: claimed total = computed total ----
void check_total(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t k = 0; k < ctx.clinic.claims.size(); ++k) {
        const Claim& cl = ctx.clinic.claims[k];
        const ClaimCalc& cc = ctx.calc.claims[k];
        if (cc.unknown || cc.visits.empty()) continue;  // CLM-016 / CLM-011
        const Patient& p = ctx.clinic.patients[cl.patient];
        const PatientCalc& pc = ctx.calc.patients[cl.patient];
        std::string scope = claim_scope(ctx, cl);
        Text label = claim_label(ctx, cl, {"請求額", "claimed total"});
        if (cl.total == cc.computed) {
            em.pass(scope, label, cl.loc, yen_value(cl.total), yen_value(cc.computed));
            continue;
        }
        std::vector<Text> notes;
        std::set<std::string> marks;
        for (std::size_t vi : cc.visits) {
            notes.push_back(visit_line(p.visits[vi], pc.fees[vi]));
            for (const auto& l : pc.fees[vi].lines)
                if (l.mark != Mark::seed && !l.unknown && l.denied == Denied::none) marks.insert(std::string(mark_code(l.mark)));
        }
        if (!marks.empty()) {
            std::string m;
            for (const auto& x : marks) m += (m.empty() ? "" : ", ") + x;
            notes.push_back({"計算に使った料金の出典区分: " + m + "（schemas/ryoyohi/ryoyohi.xml）",
                             "provenance of the fees used: " + m + " (schemas/ryoyohi/ryoyohi.xml)"});
        }
        // An edition whose start date is itself inferred: the finding rests on it and says so (ryoyohi.md provenance).
        std::set<const FeeEdition*> inferred;
        for (std::size_t vi : cc.visits)
            if (const FeeEdition* e = pc.fees[vi].edition; e && e->date_mark == Mark::inferred) inferred.insert(e);
        for (const FeeEdition* e : inferred)
            notes.push_back({"料金の版 " + e->name + " の適用開始日 " + wareki::format(e->from) + " は推定です（INFERRED）。この差はその日付によります",
                             "the start date " + e->from.str() + " of the fee edition " + e->name + " is INFERRED: this difference rests on it"});
        const std::int64_t diff = cl.total - cc.computed;
        const std::string sign = diff > 0 ? "+" : "-";
        const std::int64_t abs_diff = diff > 0 ? diff : -diff;
        em.fail(scope, label, attr(cl.loc, "total"),
                Text{wareki::format_month(cl.month.year, cl.month.month) + "分の請求額 " + yen(cl.total) + " が、施術日から計算した額 " +
                         yen(cc.computed) + " と違います（差 " + sign + yen(abs_diff) + "）",
                     "the claim for " + cl.month.str() + " totals " + yen_text(cl.total).en + " but its visits compute to " +
                         yen_text(cc.computed).en + " (difference " + sign + yen_text(abs_diff).en + ")"},
                yen_value(cl.total), yen_value(cc.computed), std::string(em.rule().citation), std::move(notes));
    }
}

// ---- CLM-007: beyond 16 km ----
void check_distance(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients) {
        bool any = std::any_of(p.visits.begin(), p.visits.end(), [](const Visit& v) { return v.place == Place::home; });
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"往療の距離", "home-visit distance"}), p.loc);
        for (const auto& v : p.visits) {
            if (v.place != Place::home || !v.travel_fee || !v.distance_km) continue;
            const RuleParam* max = ctx.data.param("max-travel-km", v.date);
            if (!max || *v.distance_km <= Decimal::from_int(max->value)) continue;
            std::string km = fmt::num(*v.distance_km), lim = std::to_string(max->value);
            Value measured{*v.distance_km, {"km", "km"}, {}};
            Value required = fmt::at_most(Value{Decimal::from_int(max->value), {"km", "km"}, {}});
            if (v.absolute_reason.empty())
                em.finding(o, attr(v.loc, "distance-km"),
                           Text{wareki::format(v.date) + "の往療は片道" + km + "kmで" + lim + "kmを超えます。往療を必要とする絶対的な理由がなければ、"
                                "往療料は超えた部分だけでなく全額支給されません",
                                "the home visit on " + v.date.str() + " is " + km + " km one way, over " + lim +
                                    " km: without an absolute reason no home-visit fee is paid at all, not only the part beyond"},
                           measured, required, {});
            else
                em.finding(o, Severity::review, attr(v.loc, "absolute-reason"),
                           Text{wareki::format(v.date) + "の往療は片道" + km + "kmで" + lim + "kmを超えます。絶対的な理由「" + v.absolute_reason +
                                "」が記録されています: 往療料を認めるかは保険者の判断です",
                                "the home visit on " + v.date.str() + " is " + km + " km one way, over " + lim + " km; the absolute reason \"" +
                                    v.absolute_reason + "\" is recorded: the insurer decides whether the fee is paid"},
                           measured, required, {});
        }
    }
}

// ---- CLM-008: one 往療料 per building and day (from 2024-10 for sudden visits: regular ones are 訪問施術料) ----
void check_building(const ClinicContext& ctx, Emitter& em) {
    struct Group { std::vector<std::pair<std::size_t, std::size_t>> visits; };
    std::map<std::pair<long, std::string>, Group> groups;
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        for (std::size_t vi = 0; vi < p.visits.size(); ++vi) {
            const Visit& v = p.visits[vi];
            if (v.place != Place::home || v.building.empty()) continue;
            const RuleParam* one = ctx.data.param("one-travel-fee-per-building", v.date);
            if (!one || one->value != 1) continue;
            // From 2024-10 a regular visit is a 訪問施術料, whose tier counts the building's patients: no 往療料.
            const FeeEdition* e = ctx.data.edition(v.date);
            if (v.home_visit == HomeVisit::regular && e && !e->tiers.empty()) continue;
            groups[{v.date.days(), v.building}].visits.emplace_back(pi, vi);
        }
    }
    for (const auto& [key, g] : groups) {
        std::set<std::size_t> patients;
        for (const auto& [pi, vi] : g.visits) patients.insert(pi);
        if (patients.size() < 2) continue;
        const Visit& first = ctx.clinic.patients[g.visits.front().first].visits[g.visits.front().second];
        std::string scope = "building=" + key.second + " date=" + first.date.str();
        Text label{"同じ建物（" + key.second + "）の往療料 " + wareki::format(first.date), "home-visit fee for one building (" + key.second + ") on " + first.date.str()};
        std::vector<std::string> billed;
        for (const auto& [pi, vi] : g.visits)
            if (ctx.clinic.patients[pi].visits[vi].travel_fee) billed.push_back(ctx.clinic.patients[pi].name);
        Value measured = fmt::count(Decimal::from_int(static_cast<std::int64_t>(billed.size())), {"人", "patients"});
        Value required = fmt::at_most(fmt::count(Decimal::from_int(1), {"人", "patient"}));
        if (billed.size() <= 1) {
            em.pass(scope, label, first.loc, measured, required);
            continue;
        }
        std::string names;
        for (const auto& n : billed) names += (names.empty() ? "" : "、") + n;
        Outcome& o = em.requirement(scope, label, first.loc, measured, required);
        bool seen = false;
        for (const auto& [pi, vi] : g.visits) {
            const Visit& v = ctx.clinic.patients[pi].visits[vi];
            if (!v.travel_fee) continue;
            if (!seen) { seen = true; continue; }
            em.finding(o, attr(v.loc, "building"),
                       Text{wareki::format(v.date) + "、同じ建物（" + key.second + "）の" + std::to_string(billed.size()) + "人（" + names +
                                "）にそれぞれ往療料を算定しています。同一家屋内の複数の患者の往療料は別々に支給できません",
                            "on " + v.date.str() + " a home-visit fee is billed for each of " + std::to_string(billed.size()) +
                                " patients in one building (" + key.second + "): only one is paid for the building"},
                       measured, required, {});
        }
    }
}

// ---- CLM-009: the reason of each home visit ----
void check_reason(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients) {
        bool any = std::any_of(p.visits.begin(), p.visits.end(), [](const Visit& v) { return v.place == Place::home; });
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"往療を必要とした理由", "reason for each home visit"}), p.loc);
        for (const auto& v : p.visits) {
            if (v.place != Place::home) continue;
            if (v.reason.empty())
                em.finding(o, v.loc,
                           Text{wareki::format(v.date) + "の往療に、往療を必要とした理由が記録されていません（申請書の摘要欄に往療日と理由を記入します）",
                                "the home visit on " + v.date.str() + " has no reason recorded (the claim states each home-visit day and its reason)"},
                           {}, text_value({"往療を必要とした理由", "the reason for the home visit"}), {});
            if (!v.home_visit)
                em.finding(o, v.loc,
                           Text{wareki::format(v.date) + "の往療が突発的か定期的・計画的か（home-visit）が書かれていません。定期的・計画的な往療には往療料を"
                                    "支給できない（第6章2）ため、往療料を計算できません",
                                "the home visit on " + v.date.str() + " does not say whether it was sudden or regular (home-visit): no home-visit fee is "
                                    "paid for a regular, planned visit (第6章2), so the fee cannot be computed"},
                           {}, text_value({"往療の区分（sudden: 突発的、regular: 定期的・計画的）", "the kind of visit (sudden or regular)"}), {});
        }
    }
}

// ---- CLM-010: no further 往療料 within 14 days of a sudden visit ----
void check_sudden_interval(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        bool any = false;
        for (const auto& v : p.visits)
            any = any || (v.place == Place::home && v.home_visit != HomeVisit::regular && ctx.data.param("sudden-interval-days", v.date));
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"突発的な往療の後の往療料", "home-visit fees after a sudden visit"}), p.loc);
        for (std::size_t vi : pc.order)
            for (const auto& l : pc.fees[vi].lines)
                if (l.denied == Denied::sudden_interval) {
                    const Visit& v = p.visits[vi];
                    const RuleParam* gap = ctx.data.param("sudden-interval-days", v.date);
                    em.finding(o, v.loc,
                               Text{wareki::format(v.date) + "の往療料は、" + l.note.ja + "です。突発的な往療の後" + std::to_string(gap->value) +
                                        "日以内の往療料は算定できません",
                                    "the home-visit fee on " + v.date.str() + " is " + l.note.en + ": no further home-visit fee within " +
                                        std::to_string(gap->value) + " days of a sudden visit"},
                               text_value(d(v.date)), {}, gap->source, note_of(gap));
                }
    }
}

// ---- CLM-011: one claim per patient and month, for a month with visits ----
void check_one_claim(const ClinicContext& ctx, Emitter& em) {
    std::map<std::pair<std::size_t, Month>, std::size_t> seen;
    std::vector<bool> has(ctx.clinic.patients.size());
    for (const auto& cl : ctx.clinic.claims) has[cl.patient] = true;
    std::vector<Outcome*> outcome(ctx.clinic.patients.size(), nullptr);
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi)
        if (has[pi]) {
            const Patient& p = ctx.clinic.patients[pi];
            outcome[pi] = &em.requirement(scope_of(p), patient_label(p, {"1月1通の申請書", "one claim a month"}), p.loc);
        }
    for (std::size_t k = 0; k < ctx.clinic.claims.size(); ++k) {
        const Claim& cl = ctx.clinic.claims[k];
        Outcome& o = *outcome[cl.patient];
        Text month = month_text(cl.month);
        if (auto [it, fresh] = seen.try_emplace({cl.patient, cl.month}, k); !fresh) {
            em.finding(o, attr(cl.loc, "month"),
                       Text{month.ja + "分の申請書が2通以上あります（申請書は1患者1月1通）",
                            "more than one claim for " + month.en + " (one claim per patient and month)"},
                       fmt::count(Decimal::from_int(2), {"通", "claims"}), fmt::at_most(fmt::count(Decimal::from_int(1), {"通", "claim"})), {});
            continue;
        }
        if (ctx.calc.claims[k].visits.empty())
            em.finding(o, attr(cl.loc, "month"),
                       Text{month.ja + "分の申請書がありますが、その月に施術日がありません", "a claim for " + month.en + ", a month without a visit"},
                       fmt::count(Decimal{}, {"日", "visits"}), fmt::at_least(fmt::count(Decimal::from_int(1), {"日", "visit"})), {});
    }
}

// ---- CLM-012: the treatment record ----
void check_records(const ClinicContext& ctx, Emitter& em) {
    const Clinic& c = ctx.clinic;
    Text label{"施術録の保管と記載事項", "treatment records: retention and contents"};
    if (!c.records) {
        em.not_checked("records", label, c.loc, Text{"施術録（<records>）", "treatment records (<records>)"});
        return;
    }
    const clinic::Records& r = *c.records;
    Date latest = Date{1900, 1, 1};
    for (const auto& p : c.patients)
        for (const auto& v : p.visits) latest = std::max(latest, v.date);
    const RuleParam* years = ctx.data.param("record-retention-years", latest);
    Outcome& o = em.requirement("records", label, r.loc,
                                r.retention_years ? fmt::count(Decimal::from_int(*r.retention_years), {"年", "years"}) : Value{},
                                years ? fmt::at_least(fmt::count(Decimal::from_int(years->value), {"年", "years"})) : Value{});
    const std::string why_ja = "（第7章は団体が会員に周知指導している内容として示されているため、警告です）";
    const std::string why_en = " (seed 002 第7章 gives this as what the associations instruct their members: a warning)";
    if (years && r.retention_years && *r.retention_years < years->value)
        em.finding(o, attr(r.loc, "retention-years"),
                   Text{"施術録の保管期間が" + std::to_string(*r.retention_years) + "年です。施術完結の日から" + std::to_string(years->value) + "年間保管します" + why_ja,
                        "treatment records are kept " + std::to_string(*r.retention_years) + " years; keep them " + std::to_string(years->value) +
                            " years from the day treatment was completed" + why_en},
                   fmt::count(Decimal::from_int(*r.retention_years), {"年", "years"}),
                   fmt::at_least(fmt::count(Decimal::from_int(years->value), {"年", "years"})), years->source);
    std::string missing_ja, missing_en;
    for (const auto& it : record_items())
        if (std::find(r.items.begin(), r.items.end(), it.value) == r.items.end()) {
            missing_ja += (missing_ja.empty() ? "" : "、") + std::string(it.ja);
            missing_en += (missing_en.empty() ? "" : "; ") + std::string(it.en);
        }
    if (!missing_ja.empty())
        em.finding(o, attr(r.loc, "items"),
                   Text{"施術録に第7章の記載事項がありません: " + missing_ja + why_ja,
                        "treatment records lack items of 第7章: " + missing_en + why_en},
                   {}, text_value({"第7章の記載事項すべて", "every item of 第7章"}), {});
}

// ---- CLM-013: 施術報告書交付料 once in 6 months ----
void check_report_interval(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        bool any = std::any_of(p.visits.begin(), p.visits.end(), [](const Visit& v) { return v.report; });
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"施術報告書交付料の間隔", "interval of treatment report fees"}), p.loc);
        for (std::size_t vi : pc.order)
            for (const auto& l : pc.fees[vi].lines)
                if (l.denied == Denied::report_interval) {
                    const Visit& v = p.visits[vi];
                    const RuleParam* gap = ctx.data.param("report-interval-months", v.date);
                    em.finding(o, attr(v.loc, "report"),
                               Text{wareki::format_month(v.date.year, v.date.month) + "（" + wareki::format(v.date) + "）の施術報告書交付料は、" +
                                        l.note.ja + "です。前" + std::to_string(gap->value) + "月以内に支給されていれば算定できません",
                                    "the treatment report fee of " + Month::of(v.date).str() + " (" + v.date.str() + ") is " + l.note.en +
                                        ": not paid when one was paid in the " + std::to_string(gap->value) + " months before"},
                               text_value(d(v.date)), {}, gap->source, note_of(gap));
                }
    }
}

// ---- CLM-014: statement of reasons for 16+ visits a month after a year ----
void check_statement(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t k = 0; k < ctx.clinic.claims.size(); ++k) {
        const Claim& cl = ctx.clinic.claims[k];
        const ClaimCalc& cc = ctx.calc.claims[k];
        if (cc.visits.empty()) continue;
        const Patient& p = ctx.clinic.patients[cl.patient];
        const PatientCalc& pc = ctx.calc.patients[cl.patient];
        const Date month_first_visit = p.visits[cc.visits.front()].date;
        const RuleParam* min = ctx.data.param("statement-min-visits", month_first_visit);
        const RuleParam* years = ctx.data.param("statement-after-years", month_first_visit);
        if (!min || !years) continue;
        const Date first = p.visits[pc.order.front()].date;
        const Date anniversary = first.add_years(static_cast<int>(years->value));
        std::int64_t n = static_cast<std::int64_t>(cc.visits.size());
        std::string scope = claim_scope(ctx, cl);
        Text label = claim_label(ctx, cl, {"施術継続理由・状態記入書", "statement of reasons for continuing"});
        Value measured = fmt::count(Decimal::from_int(n), {"回", "visits"});
        bool needed = n >= min->value && month_first_visit >= anniversary;
        if (!needed || cl.statement_of_reasons) {
            em.pass(scope, label, cl.loc, measured);
            continue;
        }
        em.fail(scope, label, attr(cl.loc, "statement-of-reasons"),
                Text{month_text(cl.month).ja + "の施術は" + std::to_string(n) + "回で、初療（" + wareki::format(first) + "）から" +
                         std::to_string(years->value) + "年以上たっています。施術継続理由・状態記入書の添付が必要です",
                     std::to_string(n) + " visits in " + cl.month.str() + ", at least " + std::to_string(years->value) +
                         " year(s) after the first treatment (" + first.str() + "): the statement of reasons for continuing must be attached"},
                measured, fmt::at_least(fmt::count(Decimal::from_int(min->value), {"回", "visits"})), min->source, note_of(min));
    }
}

// ---- CLM-015: inpatients and 療養の給付 for the same disease ----
void check_inpatient(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients) {
        if (p.visits.empty()) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"入院中・療養の給付との併用", "inpatient or alongside medical care"}), p.loc);
        for (const auto& v : p.visits) {
            for (const auto& per : p.inpatient)
                if (per.contains(v.date)) {
                    em.finding(o, attr(v.loc, "date"),
                               Text{wareki::format(v.date) + "の施術は入院期間（" + wareki::format(per.from) + "〜" +
                                        (per.to ? wareki::format(*per.to) : std::string("")) + "）中です。保険医療機関に入院中の患者の施術には療養費を支給できません",
                                    "the treatment on " + v.date.str() + " is during a hospital stay (" + per.from.str() + " to " +
                                        (per.to ? per.to->str() : std::string("…")) + "): no 療養費 for an inpatient"},
                               text_value(d(v.date)), {}, "留意事項 第5章4");
                    break;
                }
            const Consent& c = p.consents[v.consent];
            for (const auto& per : p.medical_care) {
                bool same = per.disease == c.disease && (c.disease != Disease::other || per.disease_name == c.disease_name);
                if (!same || !per.contains(v.date)) continue;
                std::string dis = c.disease == Disease::other ? c.disease_name : std::string(info(c.disease).ja);
                std::string dis_en = c.disease == Disease::other ? c.disease_name : std::string(info(c.disease).en);
                em.finding(o, attr(v.loc, "date"),
                           Text{wareki::format(v.date) + "の施術は、同じ疾病（" + dis + "）の療養の給付（" + wareki::format(per.from) + "〜）と併用されています",
                                "the treatment on " + v.date.str() + " is alongside medical care for the same disease (" + dis_en + ", from " +
                                    per.from.str() + ")"},
                           text_value(d(v.date)), {}, "留意事項 第5章2");
                break;
            }
        }
    }
}

// ---- CLM-016: a needed fee value is UNKNOWN ----
void check_unknown(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t k = 0; k < ctx.clinic.claims.size(); ++k) {
        const Claim& cl = ctx.clinic.claims[k];
        const ClaimCalc& cc = ctx.calc.claims[k];
        if (cc.visits.empty()) continue;
        std::string scope = claim_scope(ctx, cl);
        Text label = claim_label(ctx, cl, {"料金の値がデータにあること", "fee values known for the treatment days"});
        if (!cc.unknown) {
            em.pass(scope, label, cl.loc);
            continue;
        }
        const Patient& p = ctx.clinic.patients[cl.patient];
        const PatientCalc& pc = ctx.calc.patients[cl.patient];
        Outcome& o = em.requirement(scope, label, cl.loc);
        for (std::size_t vi : cc.visits)
            for (const auto& l : pc.fees[vi].lines)
                if (l.unknown) {
                    const Visit& v = p.visits[vi];
                    if (l.code == "home-visit-kind") {  // not the data's gap but the file's: CLM-009 says which
                        em.finding(o, v.loc,
                                   Text{wareki::format(v.date) + "の往療が突発的か定期的か（home-visit）が書かれていないため、" +
                                            wareki::format_month(cl.month.year, cl.month.month) + "分の合計 " + yen(cl.total) + " は確認できません",
                                        "the home visit on " + v.date.str() + " does not say whether it was sudden or regular (home-visit): the total of " +
                                            yen_text(cl.total).en + " for " + cl.month.str() + " cannot be verified"},
                                   text_value(d(v.date)), {}, {});
                        continue;
                    }
                    const FeeEdition* e = pc.fees[vi].edition;
                    Text where = e ? Text{"、" + e->name + "（" + e->from.str() + "〜）", " in the edition of " + e->from.str()} : Text{};
                    em.finding(o, v.loc,
                               Text{wareki::format(v.date) + "の" + l.item.ja + "の額が療養費データにありません（UNKNOWN" + where.ja +
                                        "）。" + wareki::format_month(cl.month.year, cl.month.month) + "分の合計 " + yen(cl.total) + " は確認できません",
                                    "the amount of the " + l.item.en + " on " + v.date.str() + " is not in the 療養費 data (UNKNOWN" + where.en +
                                        "): the total of " + yen_text(cl.total).en + " for " + cl.month.str() + " cannot be verified"},
                               text_value(d(v.date)), {}, {});
                }
    }
}

// ---- CLM-017: an initial consent must be written ----
void check_initial_written(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients)
        for (const auto& c : p.consents) {
            if (c.kind != ConsentKind::initial) continue;
            std::string scope = scope_of(p) + " consent=" + c.id;
            Text label = patient_label(p, {"初回の同意 " + c.id + " の同意書", "written form of initial consent " + c.id});
            if (c.form == ConsentForm::written) {
                em.pass(scope, label, c.loc);
                continue;
            }
            em.fail(scope, label, attr(c.loc, "form"),
                    Text{wareki::format(c.date) + "の初回の同意が口頭です。初回は医師の同意書（又は診断書）が必要です（口頭で足りるのは再同意のみ）",
                         "the initial consent of " + c.date.str() + " is verbal: a first consent needs the doctor's written consent "
                         "(or a certificate); only a renewal could be verbal"},
                    text_value({"口頭", "verbal"}), text_value({"同意書", "written consent"}), {});
        }
}

// ---- CLM-018: no 往療料 for regular, planned visits (before 訪問施術料) ----
void check_regular_travel(const ClinicContext& ctx, Emitter& em) {
    for (std::size_t pi = 0; pi < ctx.clinic.patients.size(); ++pi) {
        const Patient& p = ctx.clinic.patients[pi];
        const PatientCalc& pc = ctx.calc.patients[pi];
        bool any = std::any_of(p.visits.begin(), p.visits.end(), [](const Visit& v) { return v.place == Place::home; });
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"定期的な往療の往療料", "home-visit fee for regular visits"}), p.loc);
        for (std::size_t vi : pc.order)
            for (const auto& l : pc.fees[vi].lines)
                if (l.denied == Denied::regular_visit) {
                    const Visit& v = p.visits[vi];
                    em.finding(o, attr(v.loc, "home-visit"),
                               Text{wareki::format(v.date) + "の定期的・計画的な往療（home-visit=\"regular\"）に往療料を算定しています。"
                                    "往療料は通所できない患者の求めに応じた、治療上真に必要な往療に限られます",
                                    "a home-visit fee is claimed for the regular, planned visit on " + v.date.str() +
                                        ": the fee is paid only for visits truly needed when the patient cannot come"},
                               text_value(d(v.date)), {}, {});
                }
    }
}

// ---- CLM-019: a date written in an era after that era ended ----
void check_normalised_dates(const ClinicContext& ctx, Emitter& em) {
    Text label{"和暦の日付の元号", "era of dates written in 和暦"};
    if (ctx.clinic.normalised_dates.empty()) {
        em.pass("dates", label, ctx.clinic.loc);
        return;
    }
    Outcome& o = em.requirement("dates", label, ctx.clinic.loc);
    for (const auto& n : ctx.clinic.normalised_dates) {
        const wareki::Era* e = wareki::era_of(n.date);
        em.finding(o, n.loc,
                   Text{"「" + n.written + "」は元号が変わった後の日付のため、" + wareki::format(n.date) + "として読みました（旧元号は" + wareki::format(n.era_last) + "まで）",
                        "\"" + n.written + "\" is written in an era after it ended: read as " + n.date.str() + " (" +
                            (e ? std::string(e->roman) : std::string()) + ")"},
                   text_value({n.written, n.written}), text_value(d(n.date)), {});
    }
}

// ---- CLM-020: a sudden visit's liaison with the doctor (from 2024-10) ----
void check_liaison(const ClinicContext& ctx, Emitter& em) {
    for (const auto& p : ctx.clinic.patients) {
        bool any = false;
        for (const auto& v : p.visits) {
            const RuleParam* need = ctx.data.param("sudden-liaison-required", v.date);
            any = any || (v.place == Place::home && v.home_visit != HomeVisit::regular && v.travel_fee && need && need->value == 1);
        }
        if (!any) continue;
        Outcome& o = em.requirement(scope_of(p), patient_label(p, {"突発的な往療の医師への連絡", "liaison with the doctor for sudden visits"}), p.loc);
        for (const auto& v : p.visits) {
            const RuleParam* need = ctx.data.param("sudden-liaison-required", v.date);
            if (v.place != Place::home || v.home_visit == HomeVisit::regular || !v.travel_fee || !need || need->value != 1) continue;
            std::string missing_ja, missing_en;
            auto add = [&](bool absent, const char* ja, const char* en) {
                if (!absent) return;
                missing_ja += (missing_ja.empty() ? "" : "・") + std::string(ja);
                missing_en += (missing_en.empty() ? "" : ", ") + std::string(en);
            };
            add(v.liaison.doctor.empty(), "医師の氏名", "doctor");
            add(v.liaison.institution.empty(), "医療機関名", "medical institution");
            add(!v.liaison.date, "連絡日", "date");
            if (missing_ja.empty()) continue;
            em.finding(o, v.loc,
                       Text{wareki::format(v.date) + "の突発的な往療に、医師への連絡の記録がありません（ない項目: " + missing_ja + "。" +
                                wareki::format(need->from) + "以降、申請書に記載します）",
                            "the sudden home visit on " + v.date.str() + " does not record the liaison with the doctor (missing: " + missing_en +
                                "; stated on the claim from " + need->from.str() + ")"},
                       {}, text_value({"連絡した医師・医療機関・連絡日", "the doctor, institution and date of liaison"}), need->source, note_of(need));
        }
    }
}

struct Entry {
    std::string_view id;
    ClinicCheckFn fn;
};
constexpr Entry checks[] = {
    {"CLM-001", check_consent_period}, {"CLM-002", check_disease},        {"CLM-003", check_verbal_renewal},
    {"CLM-004", check_first_exam},     {"CLM-005", check_once_a_day},     {"CLM-006", check_total},
    {"CLM-007", check_distance},       {"CLM-008", check_building},       {"CLM-009", check_reason},
    {"CLM-010", check_sudden_interval}, {"CLM-011", check_one_claim},     {"CLM-012", check_records},
    {"CLM-013", check_report_interval}, {"CLM-014", check_statement},     {"CLM-015", check_inpatient},
    {"CLM-016", check_unknown},        {"CLM-017", check_initial_written}, {"CLM-018", check_regular_travel},
    {"CLM-019", check_normalised_dates}, {"CLM-020", check_liaison},
};

}  // namespace

ClinicCheckFn clinic_check(std::string_view id) {
    for (const auto& e : checks)
        if (e.id == id) return e.fn;
    return nullptr;
}

}  // namespace ahaki::claims

namespace ahaki::rules {
void check_clinic_rule_in_school(const RuleContext&, Emitter&) {}
}  // namespace ahaki::rules
