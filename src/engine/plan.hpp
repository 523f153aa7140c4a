#pragma once
// The fix plan (`ahaki-check plan`, the 「修正案」 of the reports): the smallest
// changes to a course's curriculum that make its CUR-* requirements met, each
// with the rule it satisfies. Thresholds come from the standard edition of the
// course (never literals). Minimal means: no more units than the largest
// shortfall (an area's, or the total's) requires; existing subjects take the
// units first where their hours allow it (hours-per-unit range of their
// method), then have their units and hours raised; a new subject, marked
// 「（追加案）」, only for an area that has none. What the plan cannot decide
// (timetables, placements, contents, names) is listed as a change by hand.
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/decimal.hpp"
#include "model/location.hpp"
#include "model/text.hpp"

namespace ahaki {

struct School;
struct Outcome;
class StandardSet;

struct PlanStep {
    enum class Kind {
        change_subject,       ///< units and/or hours (and method) of an existing subject
        add_subject,          ///< a new subject 「…（追加案）」
        set_years,            ///< the course's years of study
        set_credit_transfer,  ///< the course's credit-transfer-units
        set_subject_year,     ///< a subject's year
        by_hand,              ///< a CUR error the plan cannot fix: the finding, to act on by hand
    };
    Kind kind = Kind::change_subject;
    std::string course_id;
    std::string subject_id;    ///< existing subject, or the id the draft gives the new one
    std::string subject_name;  ///< as the school names it; a new one ends in 「（追加案）」
    Area area = Area::foundations;
    Method method_from = Method::lecture, method_to = Method::lecture;
    Decimal units_from, units_to, hours_from, hours_to;
    Decimal hours_min, hours_max;  ///< hours allowed for units_to with method_to (the standard's range)
    std::string rule_ids;          ///< the rules this step satisfies, space separated (e.g. "CUR-001 CUR-003")
    Text why;                      ///< the shortfall it closes, with the clause
    Loc loc;                       ///< the element changed (the course for a new subject)
    bool operator==(const PlanStep&) const = default;
};

/// The plan for a checked school: empty when no CUR-* error was found.
std::vector<PlanStep> make_plan(const School& school, const StandardSet& standards, const std::vector<Outcome>& outcomes);

/// "追加案" marker the new subjects carry in their name.
inline constexpr const char* plan_new_marker = "（追加案）";

}  // namespace ahaki
