#include "engine/plan.hpp"

#include <algorithm>
#include <set>

#include "import/names.hpp"
#include "model/school.hpp"
#include "rules/finding.hpp"
#include "rules/format.hpp"
#include "standard/standard.hpp"

namespace ahaki {
namespace {

/// Rules the plan changes the curriculum for; other CUR errors become "by hand" steps.
const std::set<std::string, std::less<>> planned_rules = {"CUR-001", "CUR-002", "CUR-003", "CUR-004", "CUR-005",
                                                          "CUR-006", "CUR-007", "CUR-014", "CUR-018", "CUR-020"};

struct Range {
    Decimal lo, hi;  ///< hours per unit
    std::string clause;
};

/// One subject as the plan changes it (existing, or new when `subject` is null).
struct Work {
    const Subject* subject = nullptr;
    Area area = Area::foundations;
    Method method = Method::lecture;
    Decimal units, hours;
    std::vector<std::string> rules;
    std::vector<Text> reasons;
    std::string id, name;
    void because(const std::string& rule, Text why) {
        if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
        reasons.push_back(std::move(why));
    }
};

Decimal floor_units(Decimal hours, Decimal per_unit) {  // whole units the hours can carry
    if (per_unit.is_zero()) return Decimal{};
    return Decimal::from_int(hours.milli() / per_unit.milli());
}

Decimal ceil_div(Decimal a, Decimal b) {  // whole units of b that cover a
    if (b.is_zero()) return Decimal{};
    return Decimal::from_int((a.milli() + b.milli() - 1) / b.milli());
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

Text join(const std::vector<Text>& v) {
    Text t;
    for (const auto& x : v) {
        t.ja += (t.ja.empty() ? "" : "。") + x.ja;
        t.en += (t.en.empty() ? "" : "; ") + x.en;
    }
    return t;
}

/// The method a new subject of an area gets: the one the course already uses most there, else the usual one.
Method method_for(const Course& c, Area a) {
    std::array<int, 8> uses{};
    for (const auto& s : c.subjects)
        if (s.area == a) ++uses[static_cast<std::size_t>(s.method)];
    auto best = std::max_element(uses.begin(), uses.end());
    if (*best > 0) return static_cast<Method>(best - uses.begin());
    if (a == Area::clinical_practice) return Method::clinical;    // CUR-020: clinical practice is method clinical
    if (a == Area::practical_training) return Method::skills;     // 実技
    return Method::lecture;
}

bool in_course(const Outcome& o, const std::string& course_id) {
    std::string key = "course=" + course_id;
    return o.scope == key || o.scope.starts_with(key + " ");
}

void plan_course(const School& school, const Course& c, const Standard& st, const std::vector<const Finding*>& errors,
                 const std::set<std::string>& ids, std::vector<PlanStep>& out) {
    std::set<std::string, std::less<>> failing;
    for (const auto* f : errors) failing.insert(f->rule_id);
    auto range = [&](Method m) -> std::optional<Range> {
        const Threshold& lo = st.get({"hours-per-unit-min", std::nullopt, std::nullopt, m});
        const Threshold& hi = st.get({"hours-per-unit-max", std::nullopt, std::nullopt, m});
        if (!lo.value || !hi.value || lo.value->is_zero()) return std::nullopt;
        return Range{*lo.value, *hi.value, fmt::cite(lo)};
    };
    auto range_text = [](Method m, const Range& r) {
        std::string mja(info(m).ja), men(info(m).en);
        return r.lo == r.hi ? Text{mja + "は1単位" + fmt::num(r.lo) + "時間、" + r.clause,
                                   fmt::a(men) + " has " + fmt::num(r.lo) + " hours per unit, " + r.clause}
                            : Text{mja + "は1単位" + fmt::num(r.lo) + "〜" + fmt::num(r.hi) + "時間、" + r.clause,
                                   fmt::a(men) + " has " + fmt::num(r.lo) + " to " + fmt::num(r.hi) + " hours per unit, " + r.clause};
    };

    std::vector<Work> work;
    work.reserve(c.subjects.size() + area_count);
    for (const auto& s : c.subjects) {
        Work w;
        w.subject = &s;
        w.area = s.area;
        w.method = s.method;
        w.units = s.units;
        w.hours = s.hours;
        w.id = s.id;
        w.name = s.name;
        work.push_back(std::move(w));
    }

    // CUR-020: clinical practice is taught as clinical practice.
    if (failing.count("CUR-020"))
        for (auto& w : work)
            if (w.area == Area::clinical_practice && w.method != Method::clinical) {
                w.method = Method::clinical;
                w.because("CUR-020", Text{"臨床実習の科目は授業方法を臨床実習に（指導要領 8(3)）",
                                          "a clinical practice subject is taught as clinical practice (指導要領 8(3))"});
            }
    // CUR-004 / CUR-005: hours within the method's range for the units.
    for (auto& w : work) {
        auto r = range(w.method);
        if (!r || w.units.is_zero()) continue;
        const std::string rule = w.method == Method::clinical ? "CUR-005" : "CUR-004";
        Decimal lo = r->lo.times(w.units), hi = r->hi.times(w.units);
        if (w.hours < lo || w.hours > hi) {
            Decimal to = w.hours < lo ? lo : hi;
            w.because(rule, Text{"時間数 " + fmt::num(w.hours) + "→" + fmt::num(to) + "（" + fmt::num(w.units) + "単位の" +
                                     range_text(w.method, *r).ja + "）",
                                 "hours " + fmt::num(w.hours) + " → " + fmt::num(to) + " (" + fmt::num(w.units) + " units; " +
                                     range_text(w.method, *r).en + ")"});
            w.hours = to;
        }
    }

    // Units given to existing subjects: first what their hours already carry, then units with hours raised.
    auto give_units = [&](std::vector<std::size_t> candidates, Decimal need, const std::string& rule, const Text& why) {
        std::vector<std::pair<Decimal, std::size_t>> slack;
        for (auto i : candidates) {
            auto r = range(work[i].method);
            if (!r) continue;
            Decimal s = floor_units(work[i].hours, r->lo) - work[i].units;
            if (s > Decimal{}) slack.emplace_back(s, i);
        }
        std::stable_sort(slack.begin(), slack.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [s, i] : slack) {
            if (need <= Decimal{}) break;
            Decimal take = std::min(s, need);
            work[i].units += take;
            need -= take;
            work[i].because(rule, why);
        }
        if (need <= Decimal{}) return need;
        // The subject whose method needs the fewest hours per unit takes the rest, its hours raised to match.
        std::optional<std::size_t> best;
        for (auto i : candidates) {
            auto r = range(work[i].method);
            if (r && (!best || r->lo < range(work[*best].method)->lo)) best = i;
        }
        if (!best) return need;
        Work& w = work[*best];
        w.units += need;
        Decimal lo = range(w.method)->lo.times(w.units);
        if (w.hours < lo) w.hours = lo;
        w.because(rule, why);
        return Decimal{};
    };

    // CUR-001: every area at its minimum units.
    for (const auto& a : areas()) {
        const Threshold& t = st.get({"area-min-units", school.type, a.value});
        if (!t.value) continue;
        Decimal have;
        std::vector<std::size_t> in_area;
        for (std::size_t i = 0; i < work.size(); ++i)
            if (work[i].area == a.value) {
                have += work[i].units;
                if (work[i].subject && !work[i].units.is_zero()) in_area.push_back(i);
            }
        if (have >= *t.value) continue;
        Decimal need = *t.value - have;
        const std::string area_ja(import::area_label(a.value, school.type));  // as 別表第一 names it for the type
        Text why{area_ja + " " + fmt::num(have) + "→" + fmt::num(*t.value) + "単位（必要: " + fmt::num(*t.value) +
                     "単位以上、" + fmt::cite(t) + "）",
                 std::string(a.en) + " " + fmt::num(have) + " → " + fmt::num(*t.value) + " units (required: at least " +
                     fmt::num(*t.value) + ", " + fmt::cite(t) + ")"};
        need = give_units(in_area, need, "CUR-001", why);
        if (need <= Decimal{}) continue;
        // No subject in the area can take the units: a new one.
        Work w;
        w.area = a.value;
        w.method = method_for(c, a.value);
        w.units = need;
        auto r = range(w.method);
        w.hours = r ? r->lo.times(need) : Decimal{};
        w.name = area_ja + plan_new_marker;
        std::string id = "plan-" + std::string(a.code);
        for (int n = 2; ids.count(id); ++n) id = "plan-" + std::string(a.code) + "-" + std::to_string(n);
        w.id = id;
        w.because("CUR-001", why);
        work.push_back(std::move(w));
    }

    auto total_units = [&] {
        Decimal u;
        for (const auto& w : work) u += w.units;
        return u;
    };
    auto total_hours = [&] {
        Decimal h;
        for (const auto& w : work) h += w.hours;
        return h;
    };
    // CUR-002: the total units.
    if (const Threshold& t = st.get({"total-min-units", school.type}); t.value && total_units() < *t.value) {
        Decimal have = total_units();
        std::vector<std::size_t> all;
        for (std::size_t i = 0; i < work.size(); ++i)
            if (!work[i].units.is_zero()) all.push_back(i);
        give_units(all, *t.value - have, "CUR-002",
                   Text{"総単位数 " + fmt::num(have) + "→" + fmt::num(*t.value) + "単位（必要: " + fmt::num(*t.value) + "単位以上、" +
                            fmt::cite(t) + "）",
                        "total units " + fmt::num(have) + " → " + fmt::num(*t.value) + " (required: at least " +
                            fmt::num(*t.value) + ", " + fmt::cite(t) + ")"});
    }
    // CUR-003: the total hours; first within each subject's range, then with a unit more where needed.
    if (const Threshold& t = st.get({"total-min-hours", school.type}); t.value && total_hours() < *t.value) {
        Decimal have = total_hours();
        Decimal need = *t.value - have;
        Text why{"総時間数 " + fmt::num(have) + "→" + fmt::num(*t.value) + "時間（必要: " + fmt::num(*t.value) + "時間以上、" +
                     fmt::cite(t) + "）",
                 "total hours " + fmt::num(have) + " → " + fmt::num(*t.value) + " (required: at least " + fmt::num(*t.value) +
                     ", " + fmt::cite(t) + ")"};
        std::vector<std::pair<Decimal, std::size_t>> slack;
        for (std::size_t i = 0; i < work.size(); ++i) {
            auto r = range(work[i].method);
            if (!r || work[i].units.is_zero()) continue;
            Decimal s = r->hi.times(work[i].units) - work[i].hours;
            if (s > Decimal{}) slack.emplace_back(s, i);
        }
        std::stable_sort(slack.begin(), slack.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [s, i] : slack) {
            if (need <= Decimal{}) break;
            Decimal take = std::min(s, need);
            work[i].hours += take;
            need -= take;
            work[i].because("CUR-003", why);
        }
        if (need > Decimal{}) {
            std::optional<std::size_t> best;
            for (std::size_t i = 0; i < work.size(); ++i) {
                auto r = range(work[i].method);
                if (r && !work[i].units.is_zero() && (!best || r->hi > range(work[*best].method)->hi)) best = i;
            }
            if (best) {
                Work& w = work[*best];
                auto r = *range(w.method);
                w.units += ceil_div(need, r.hi);
                w.hours = std::max(w.hours + need, r.lo.times(w.units));
                w.because("CUR-003", why);
            }
        }
    }

    for (const auto& w : work) {
        if (w.rules.empty()) continue;
        PlanStep p;
        p.kind = w.subject ? PlanStep::Kind::change_subject : PlanStep::Kind::add_subject;
        p.course_id = c.id;
        p.subject_id = w.id;
        p.subject_name = w.name;
        p.area = w.area;
        p.method_from = w.subject ? w.subject->method : w.method;
        p.method_to = w.method;
        p.units_from = w.subject ? w.subject->units : Decimal{};
        p.units_to = w.units;
        p.hours_from = w.subject ? w.subject->hours : Decimal{};
        p.hours_to = w.hours;
        if (auto r = range(w.method)) {
            p.hours_min = r->lo.times(w.units);
            p.hours_max = r->hi.times(w.units);
        }
        p.rule_ids = join(w.rules);
        p.why = join(w.reasons);
        p.loc = w.subject ? w.subject->loc : c.loc;
        out.push_back(std::move(p));
    }

    // Course-level numbers.
    int years = c.years;
    auto set_years = [&](const char* key, std::optional<FacilityType> type, const char* rule) {
        const Threshold& t = st.get({key, type});
        if (!t.value || !failing.count(rule)) return;
        int min = static_cast<int>(t.value->milli() / Decimal::scale);
        if (years >= min) return;
        PlanStep p;
        p.kind = PlanStep::Kind::set_years;
        p.course_id = c.id;
        p.units_from = Decimal::from_int(years);
        p.units_to = Decimal::from_int(min);
        p.rule_ids = rule;
        p.why = Text{"修業年限 " + std::to_string(years) + "→" + std::to_string(min) + "年（必要: " + std::to_string(min) + "年以上、" +
                         fmt::cite(t) + "）",
                     "years of study " + std::to_string(years) + " → " + std::to_string(min) + " (required: at least " +
                         std::to_string(min) + ", " + fmt::cite(t) + ")"};
        p.loc = c.loc;
        out.push_back(std::move(p));
        years = min;
    };
    set_years("min-years", std::nullopt, "CUR-006");
    if (c.visually_impaired) set_years("min-years-visually-impaired", school.type, "CUR-007");
    if (const Threshold& t = st.get({"credit-transfer-max-units"});
        failing.count("CUR-014") && t.value && c.credit_transfer_units && *c.credit_transfer_units > *t.value) {
        PlanStep p;
        p.kind = PlanStep::Kind::set_credit_transfer;
        p.course_id = c.id;
        p.units_from = *c.credit_transfer_units;
        p.units_to = *t.value;
        p.rule_ids = "CUR-014";
        p.why = Text{"既修得単位の認定 " + fmt::num(*c.credit_transfer_units) + "→" + fmt::num(*t.value) + "単位（上限: " +
                         fmt::num(*t.value) + "単位、" + fmt::cite(t) + "）",
                     "credit transfer " + fmt::num(*c.credit_transfer_units) + " → " + fmt::num(*t.value) + " units (at most " +
                         fmt::num(*t.value) + ", " + fmt::cite(t) + ")"};
        p.loc = c.credit_transfer_loc.known() ? c.credit_transfer_loc : c.loc;
        out.push_back(std::move(p));
    }
    if (failing.count("CUR-018"))
        for (const auto& s : c.subjects)
            if (s.year && *s.year > years) {
                PlanStep p;
                p.kind = PlanStep::Kind::set_subject_year;
                p.course_id = c.id;
                p.subject_id = s.id;
                p.subject_name = s.name;
                p.area = s.area;
                p.units_from = Decimal::from_int(*s.year);
                p.units_to = Decimal::from_int(years);
                p.rule_ids = "CUR-018";
                p.why = Text{"配当年次 " + std::to_string(*s.year) + "→" + std::to_string(years) + "年次（修業年限 " +
                                 std::to_string(years) + "年の中、認定規則 第2条第2号）",
                             "year " + std::to_string(*s.year) + " → " + std::to_string(years) + " (within the " +
                                 std::to_string(years) + " years of study, 認定規則 第2条第2号)"};
                p.loc = s.loc;
                out.push_back(std::move(p));
            }

    // What the plan does not decide: the finding itself, to act on by hand.
    for (const auto* f : errors) {
        if (planned_rules.count(f->rule_id)) continue;
        // The yearly plan (CUR-013) is measured against the years of study: with the years raised it is
        // checked again on the draft rather than listed as a change by hand.
        if (f->rule_id == "CUR-013" && years != c.years) continue;
        PlanStep p;
        p.kind = PlanStep::Kind::by_hand;
        p.course_id = c.id;
        p.rule_ids = f->rule_id;
        p.why = f->message;
        p.loc = f->loc;
        out.push_back(std::move(p));
    }
}

}  // namespace

std::vector<PlanStep> make_plan(const School& school, const StandardSet& standards, const std::vector<Outcome>& outcomes) {
    std::vector<PlanStep> out;
    std::set<std::string> ids;
    for (const auto& c : school.courses)
        for (const auto& s : c.subjects) ids.insert(s.id);
    for (const auto& c : school.courses) {
        std::vector<const Finding*> errors;
        for (const auto& o : outcomes)
            if (o.rule_id.starts_with("CUR-") && in_course(o, c.id))
                for (const auto& f : o.findings)
                    if (f.severity == Severity::error && !f.waiver_reason) errors.push_back(&f);
        if (errors.empty()) continue;
        const Standard* st = standards.select(c.intake);
        if (!st) continue;
        plan_course(school, c, *st, errors, ids, out);
        for (const auto& p : out)
            if (p.kind == PlanStep::Kind::add_subject) ids.insert(p.subject_id);
    }
    return out;
}

}  // namespace ahaki
