#include "report/plan_render.hpp"

#include "report/common.hpp"
#include "report/escape.hpp"

#include "rules/format.hpp"

namespace ahaki::report {

std::string_view plan_kind_code(PlanStep::Kind k) {
    switch (k) {
        case PlanStep::Kind::change_subject: return "change-subject";
        case PlanStep::Kind::add_subject: return "add-subject";
        case PlanStep::Kind::set_years: return "set-years";
        case PlanStep::Kind::set_credit_transfer: return "set-credit-transfer";
        case PlanStep::Kind::set_subject_year: return "set-subject-year";
        case PlanStep::Kind::by_hand: return "by-hand";
    }
    return "by-hand";
}

namespace {

std::string arrow(Decimal a, Decimal b, Lang L) {
    return fmt::num(a) + (L == Lang::ja ? "→" : " → ") + fmt::num(b);
}

std::string hours_range(const PlanStep& p, Lang L) {
    if (p.hours_min == p.hours_max) return fmt::num(p.hours_min) + (L == Lang::ja ? "時間" : " hours");
    return L == Lang::ja ? fmt::num(p.hours_min) + "〜" + fmt::num(p.hours_max) + "時間"
                         : fmt::num(p.hours_min) + " to " + fmt::num(p.hours_max) + " hours";
}

}  // namespace

std::string plan_step_text(const PlanStep& p, Lang L, const std::optional<FacilityType>& type) {
    const bool ja = L == Lang::ja;
    const std::string area = area_name(p.area, type, L);
    const std::string method = ja ? std::string(info(p.method_to).ja) : std::string(info(p.method_to).en);
    switch (p.kind) {
        case PlanStep::Kind::change_subject: {
            std::string s = ja ? "「" + p.subject_name + "」（" + area + "）: " : "\"" + p.subject_name + "\" (" + area + "): ";
            std::string parts;
            auto add = [&](const std::string& x) { parts += (parts.empty() ? "" : ja ? "、" : ", ") + x; };
            if (p.method_from != p.method_to)
                add(ja ? "授業方法 " + std::string(info(p.method_from).ja) + "→" + method
                       : "method " + std::string(info(p.method_from).en) + " → " + method);
            if (p.units_from != p.units_to) add((ja ? "単位数 " : "units ") + arrow(p.units_from, p.units_to, L));
            if (p.hours_from != p.hours_to)
                add((ja ? "時間数 " : "hours ") + arrow(p.hours_from, p.hours_to, L));
            else
                add(ja ? "時間数 " + fmt::num(p.hours_to) + " のまま" : "hours stay " + fmt::num(p.hours_to));
            s += parts;
            s += ja ? "（" + fmt::num(p.units_to) + "単位の" + method + "は " + hours_range(p, L) + "）"
                    : " (" + fmt::num(p.units_to) + (p.units_to == Decimal::from_int(1) ? " unit of " : " units of ") + method + ": " +
                          hours_range(p, L) + ")";
            return s;
        }
        case PlanStep::Kind::add_subject:
            return ja ? "追加: 「" + p.subject_name + "」（" + area + "、" + method + "、" + fmt::num(p.units_to) + "単位、" +
                            hours_range(p, L) + "。案では " + fmt::num(p.hours_to) + "時間）"
                      : "add \"" + p.subject_name + "\" (" + area + ", " + method + ", " + fmt::num(p.units_to) + " units, " +
                            hours_range(p, L) + "; the draft has " + fmt::num(p.hours_to) + ")";
        case PlanStep::Kind::set_years:
            return ja ? "修業年限 " + arrow(p.units_from, p.units_to, L) + "年" : "years of study " + arrow(p.units_from, p.units_to, L);
        case PlanStep::Kind::set_credit_transfer:
            return ja ? "既修得単位の認定 " + arrow(p.units_from, p.units_to, L) + "単位"
                      : "credit transfer " + arrow(p.units_from, p.units_to, L) + " units";
        case PlanStep::Kind::set_subject_year:
            return ja ? "「" + p.subject_name + "」の配当年次 " + arrow(p.units_from, p.units_to, L) + "年次"
                      : "\"" + p.subject_name + "\": year " + arrow(p.units_from, p.units_to, L);
        case PlanStep::Kind::by_hand:
            return ja ? "手で直す必要があります（修正案では決められません）" : "to change by hand (the plan cannot decide it)";
    }
    return {};
}

std::string plan_totals_text(const FileReport& f, const std::string& course_id, Lang L) {
    const CourseSummary* cs = nullptr;
    for (const auto& c : f.courses)
        if (c.id == course_id) cs = &c;
    if (!cs) return {};
    Decimal units = cs->total_units, hours = cs->total_hours;
    for (const auto& p : f.plan) {
        if (p.course_id != course_id) continue;
        if (p.kind == PlanStep::Kind::change_subject || p.kind == PlanStep::Kind::add_subject) {
            units += p.units_to - p.units_from;
            hours += p.hours_to - p.hours_from;
        }
    }
    const bool ja = L == Lang::ja;
    auto need = [&](const std::optional<Decimal>& m, const char* uja, const char* uen) {
        if (!m) return std::string();
        return ja ? "（必要 " + fmt::num(*m) + uja + "以上）" : " (at least " + fmt::num(*m) + uen + ")";
    };
    return (ja ? "総単位数 " : "total units ") + arrow(cs->total_units, units, L) + need(cs->min_total_units, "単位", "") +
           (ja ? "、総時間数 " : ", total hours ") + arrow(cs->total_hours, hours, L) + need(cs->min_total_hours, "時間", "");
}

boost::json::array plan_json(const FileReport& f, Lang L) {
    namespace json = boost::json;
    json::array out;
    auto num = [](Decimal d) -> json::value {
        if (d.milli() % Decimal::scale == 0) return d.milli() / Decimal::scale;
        return d.to_double();
    };
    for (const auto& p : f.plan) {
        json::object o{{"kind", plan_kind_code(p.kind)}, {"course", p.course_id}, {"rules", json::array{}}};
        for (std::size_t a = 0, b; a < p.rule_ids.size(); a = b + 1) {
            b = p.rule_ids.find(' ', a);
            if (b == std::string::npos) b = p.rule_ids.size();
            o["rules"].as_array().push_back(json::string(p.rule_ids.substr(a, b - a)));
        }
        o["text"] = plan_step_text(p, L, f.type);
        o["why"] = p.why.in(L);
        if (p.kind == PlanStep::Kind::change_subject || p.kind == PlanStep::Kind::add_subject) {
            o["subject"] = p.subject_id;
            o["name"] = p.subject_name;
            o["area"] = info(p.area).code;
            o["method"] = info(p.method_to).code;
            if (p.method_from != p.method_to) o["method_from"] = info(p.method_from).code;
            o["units_from"] = num(p.units_from);
            o["units"] = num(p.units_to);
            o["hours_from"] = num(p.hours_from);
            o["hours"] = num(p.hours_to);
            o["hours_range"] = json::array{num(p.hours_min), num(p.hours_max)};
        } else if (p.kind != PlanStep::Kind::by_hand) {
            if (!p.subject_id.empty()) o["subject"] = p.subject_id;
            o["from"] = num(p.units_from);
            o["to"] = num(p.units_to);
        }
        o["line"] = p.loc.known() ? json::value(p.loc.line) : json::value(nullptr);
        o["path"] = p.loc.path;
        out.push_back(std::move(o));
    }
    return out;
}

std::string plan_text(const FileReport& f, Lang L) {
    if (f.plan.empty()) return {};
    const bool ja = L == Lang::ja;
    std::string s;
    std::string course;
    int n = 0;
    for (const auto& p : f.plan) {
        if (p.course_id != course || n == 0) {
            course = p.course_id;
            n = 0;
            // Text for a terminal: the course id, subject names and reasons from the input through the escaping layer.
            const std::string totals = escape::shown(plan_totals_text(f, course, L), escape::max_message);
            s += ja ? "  修正案（課程 " + escape::shown(course) + "）: " + totals + "\n"
                    : "  fix plan (course " + escape::shown(course) + "): " + totals + "\n";
        }
        s += "    " + std::to_string(++n) + ". " + escape::shown(plan_step_text(p, L, f.type), escape::max_message) + "\n";
        s += "       " + std::string(ja ? "理由: " : "because: ") + escape::shown(p.why.in(L), escape::max_message) + " [" +
             escape::shown(p.rule_ids) + "]\n";
    }
    return s;
}

}  // namespace ahaki::report
