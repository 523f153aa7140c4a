#include "rules/claims/compute.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/wareki.hpp"

namespace ahaki::claims {
namespace {

using namespace clinic;

std::string grouped(std::int64_t v) {
    bool neg = v < 0;
    std::string d = std::to_string(neg ? -v : v), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return neg ? "-" + out : out;
}

FeeLine line_of(const FeeValue& v, Text item, std::string code) {
    FeeLine l;
    l.item = std::move(item);
    l.code = std::move(code);
    l.mark = v.mark;
    l.source = v.source;
    if (!v.present) {
        l.denied = Denied::not_in_edition;
        l.note = {"この版にはない料金です", "this edition has no such fee"};
    } else if (!v.yen) {
        l.unknown = true;
    } else {
        l.yen = *v.yen;
    }
    return l;
}

void deny(FeeLine& l, Denied why, Text note) {
    l.denied = why;
    l.yen = 0;
    l.unknown = false;
    l.note = std::move(note);
}

std::int64_t param_value(const Ryoyohi& d, std::string_view name, const Date& at, std::int64_t otherwise) {
    const RuleParam* p = d.param(name, at);
    return p ? p->value : otherwise;
}

}  // namespace

std::string yen(std::int64_t v) { return grouped(v) + "円"; }
Text yen_text(std::int64_t v) { return {grouped(v) + "円", "¥" + grouped(v)}; }
Text date_text(const Date& d) { return {wareki::format(d), d.str()}; }
Text month_text(const Month& m) { return {wareki::format_month(m.year, m.month), m.str()}; }

Text visit_line(const Visit& v, const VisitFees& f) {
    Text t{wareki::format(v.date) + ": ", v.date.str() + ": "};
    bool first = true;
    for (const auto& l : f.lines) {
        if (!first) { t.ja += " + "; t.en += " + "; }
        first = false;
        t.ja += l.item.ja + " " + (l.unknown ? std::string("（額不明）") : yen(l.yen));
        t.en += l.item.en + " " + (l.unknown ? std::string("(amount unknown)") : "¥" + grouped(l.yen));
        if (l.denied != Denied::none) { t.ja += "（" + l.note.ja + "）"; t.en += " (" + l.note.en + ")"; }
    }
    if (f.lines.empty()) { t.ja += "算定なし"; t.en += "nothing billable"; }
    t.ja += " = " + (f.unknown ? std::string("不明") : yen(f.total));
    t.en += " = " + (f.unknown ? std::string("unknown") : "¥" + grouped(f.total));
    return t;
}

Calc compute(const Clinic& c, const Ryoyohi& data) {
    Calc calc;
    calc.patients.resize(c.patients.size());
    // Regular home visits per (date, building): the 訪問施術料 tier counts the patients.
    std::map<std::pair<long, std::string>, std::set<std::size_t>> building_patients;
    for (std::size_t pi = 0; pi < c.patients.size(); ++pi)
        for (const auto& v : c.patients[pi].visits)
            if (v.place == Place::home && v.home_visit == HomeVisit::regular)
                building_patients[{v.date.days(), v.building.empty() ? "\x01" + c.patients[pi].id : v.building}].insert(pi);
    // Buildings that already had a 往療料 that day (one per building before 2024-10).
    std::map<std::pair<long, std::string>, bool> building_paid;

    for (std::size_t pi = 0; pi < c.patients.size(); ++pi) {
        const Patient& p = c.patients[pi];
        PatientCalc& pc = calc.patients[pi];
        pc.order.resize(p.visits.size());
        for (std::size_t i = 0; i < p.visits.size(); ++i) pc.order[i] = i;
        std::stable_sort(pc.order.begin(), pc.order.end(),
                         [&](std::size_t a, std::size_t b) { return p.visits[a].date < p.visits[b].date; });

        // Consent periods.
        pc.periods.resize(p.consents.size());
        for (std::size_t ci = 0; ci < p.consents.size(); ++ci) {
            const Consent& con = p.consents[ci];
            ConsentPeriod& per = pc.periods[ci];
            const RuleParam* months = data.param("consent-months", con.date);
            const RuleParam* split = data.param("consent-split-day", con.date);
            if (!months || !split) continue;
            Date start = con.date;
            if (con.kind == ConsentKind::initial)
                for (std::size_t i : pc.order)
                    if (p.visits[i].consent == ci) { start = p.visits[i].date; break; }
            int add = static_cast<int>(months->value) - (start.day <= split->value ? 1 : 0);
            Month m = Month::of(Date{start.year, start.month, 1}.add_months(add));
            per.known = true;
            per.start = start;
            per.end = m.last();
            per.months = static_cast<int>(months->value);
            per.months_param = months;
            if (con.period_end && *con.period_end < per.end) {
                per.end = *con.period_end;
                per.limited_by_form = true;
            }
        }

        pc.fees.resize(p.visits.size());
        std::optional<Date> last_sudden;          // last sudden visit with a 往療料 paid
        std::optional<Month> last_report;         // month of the last 施術報告書交付料 paid
        for (std::size_t vi : pc.order) {
            const Visit& v = p.visits[vi];
            VisitFees& f = pc.fees[vi];
            const FeeEdition* e = data.edition(v.date);
            f.edition = e;
            if (!e) {
                FeeLine l;
                l.item = {"料金の版", "fee edition"};
                l.code = "edition";
                l.unknown = true;
                l.mark = Mark::unknown;
                l.note = {"この施術日に適用できる料金の版がデータにありません", "no fee edition of the data applies on this day"};
                f.lines.push_back(std::move(l));
                f.unknown = true;
                continue;
            }
            const bool two = v.technique_count() >= 2;
            const bool home = v.place == Place::home;
            const bool regular = home && v.home_visit == HomeVisit::regular;
            if (v.first_exam)
                f.lines.push_back(line_of(e->fee(two ? FeeItem::first_exam_2 : FeeItem::first_exam_1),
                                          fee_item_text(two ? FeeItem::first_exam_2 : FeeItem::first_exam_1),
                                          two ? "first-exam-2" : "first-exam-1"));
            if (regular && !e->tiers.empty()) {
                auto key = std::make_pair(v.date.days(), v.building.empty() ? "\x01" + p.id : v.building);
                std::size_t n = building_patients[key].size();
                const VisitTier* tier = &e->tiers.front();
                for (const auto& t : e->tiers)
                    if (static_cast<std::size_t>(t.min_patients) <= n) tier = &t;
                FeeValue fv = two ? tier->two : tier->one;
                Text item{tier->name + (two ? "（2術）" : "（1術）"),
                          "home treatment fee " + tier->name + (two ? " (2 techniques)" : " (1 technique)")};
                FeeLine l = line_of(fv, item, "visit-tier-" + std::to_string(tier->min_patients));
                l.note = {"同じ建物の同じ日の患者 " + std::to_string(n) + "人",
                          std::to_string(n) + " patient(s) in the building that day"};
                f.lines.push_back(std::move(l));
            } else {
                f.lines.push_back(line_of(e->fee(two ? FeeItem::treatment_2 : FeeItem::treatment_1),
                                          fee_item_text(two ? FeeItem::treatment_2 : FeeItem::treatment_1),
                                          two ? "treatment-2" : "treatment-1"));
            }
            if (v.electro) f.lines.push_back(line_of(e->fee(FeeItem::electro), fee_item_text(FeeItem::electro), "electro"));
            if (home && !v.home_visit) {
                // Neither sudden nor regular said: whether a 往療料 (or, from 2024-10, a 訪問施術料) is due is
                // unknown, never assumed (CLM-009 asks for it).
                FeeLine l;
                l.item = {"往療の区分", "kind of home visit"};
                l.code = "home-visit-kind";
                l.unknown = true;
                l.mark = Mark::unknown;
                l.note = {"突発的か定期的か（home-visit）が書かれていないため、往療料を計算できません",
                          "whether the visit was sudden or regular (home-visit) is not given: the home-visit fee cannot be computed"};
                f.lines.push_back(std::move(l));
                f.unknown = true;
            } else if (home && v.travel_fee && !(regular && !e->tiers.empty())) {
                const Decimal km = v.distance_km.value_or(Decimal{});
                const std::int64_t max_km = param_value(data, "max-travel-km", v.date, 16);
                FeeLine l;
                if (!e->bands.empty()) {
                    const DistanceBand* band = nullptr;
                    for (const auto& b : e->bands)
                        if (km <= b.up_to_km) { band = &b; break; }
                    const bool beyond = !band;
                    if (!band) band = &e->bands.back();
                    l = line_of(band->fee, {"往療料（片道" + band->up_to_km.str() + "kmまで）", "home-visit fee (up to " + band->up_to_km.str() + " km one way)"},
                                "travel");
                    if (beyond)
                        l.note = {"16kmを超える部分の定めはないため最後の区分で計算", "no band beyond the last: computed with the last band"};
                } else {
                    l = line_of(e->fee(FeeItem::travel_sudden), fee_item_text(FeeItem::travel_sudden), "travel");
                }
                const long d = v.date.days();
                auto key = std::make_pair(d, v.building);
                if (regular && param_value(data, "regular-travel-paid", v.date, 0) == 0) {
                    deny(l, Denied::regular_visit, {"定期的・計画的な往療には往療料を支給できません", "no home-visit fee for a regular, planned visit"});
                } else if (km > Decimal::from_int(max_km) && v.absolute_reason.empty()) {
                    deny(l, Denied::over_distance, {"片道" + std::to_string(max_km) + "kmを超える往療", "home visit over " + std::to_string(max_km) + " km one way"});
                } else if (const RuleParam* gap = data.param("sudden-interval-days", v.date);
                           gap && last_sudden && d - last_sudden->days() <= gap->value) {
                    deny(l, Denied::sudden_interval,
                         {"突発的な往療（" + wareki::format(*last_sudden) + "）から" + std::to_string(gap->value) + "日以内",
                          "within " + std::to_string(gap->value) + " days of the sudden home visit on " + last_sudden->str()});
                } else if (!v.building.empty() && param_value(data, "one-travel-fee-per-building", v.date, 0) == 1 &&
                           building_paid[key]) {
                    deny(l, Denied::same_building, {"同じ建物で同じ日に往療料を算定済み", "a home-visit fee was already paid for this building that day"});
                } else {
                    if (!v.building.empty()) building_paid[key] = true;
                    if (v.home_visit != HomeVisit::regular && data.param("sudden-interval-days", v.date)) last_sudden = v.date;
                }
                f.lines.push_back(std::move(l));
            }
            if (v.special_area)
                f.lines.push_back(line_of(e->fee(FeeItem::special_area), fee_item_text(FeeItem::special_area), "special-area"));
            if (v.report) {
                FeeLine l = line_of(e->fee(FeeItem::report), fee_item_text(FeeItem::report), "report");
                Month m = Month::of(v.date);
                const RuleParam* gap = data.param("report-interval-months", v.date);
                if (l.denied == Denied::none && gap && last_report && m.index() - last_report->index() <= gap->value) {
                    deny(l, Denied::report_interval,
                         {"前回（" + wareki::format_month(last_report->year, last_report->month) + "）から" + std::to_string(gap->value) + "月以内",
                          "within " + std::to_string(gap->value) + " months of the last one (" + last_report->str() + ")"});
                } else if (l.denied == Denied::none) {
                    last_report = m;
                }
                f.lines.push_back(std::move(l));
            }
            for (const auto& l : f.lines) {
                f.total += l.yen;
                f.unknown = f.unknown || l.unknown;
            }
        }
    }

    // Each patient's visits by month, once (a claim then costs its own visits only).
    std::vector<std::map<Month, std::vector<std::size_t>>> by_month(c.patients.size());
    for (std::size_t pi = 0; pi < c.patients.size(); ++pi)
        for (std::size_t vi : calc.patients[pi].order) by_month[pi][Month::of(c.patients[pi].visits[vi].date)].push_back(vi);
    calc.claims.resize(c.claims.size());
    for (std::size_t k = 0; k < c.claims.size(); ++k) {
        const Claim& cl = c.claims[k];
        ClaimCalc& cc = calc.claims[k];
        const PatientCalc& pc = calc.patients[cl.patient];
        auto it = by_month[cl.patient].find(cl.month);
        if (it == by_month[cl.patient].end()) continue;
        cc.visits = it->second;
        for (std::size_t vi : cc.visits) {
            cc.computed += pc.fees[vi].total;
            cc.unknown = cc.unknown || pc.fees[vi].unknown;
        }
    }
    return calc;
}

}  // namespace ahaki::claims
