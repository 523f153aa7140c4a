#pragma once
#include "rules/rule.hpp"

namespace ahaki::rules {

void check_area_units(const RuleContext&, Emitter&);         // CUR-001
void check_total_units(const RuleContext&, Emitter&);        // CUR-002
void check_total_hours(const RuleContext&, Emitter&);        // CUR-003
void check_hours_per_unit(const RuleContext&, Emitter&);     // CUR-004
void check_clinical_hours(const RuleContext&, Emitter&);     // CUR-005
void check_years(const RuleContext&, Emitter&);              // CUR-006
void check_years_visually_impaired(const RuleContext&, Emitter&);  // CUR-007
void check_medical_placements(const RuleContext&, Emitter&); // CUR-008
void check_core_placements(const RuleContext&, Emitter&);    // CUR-009
void check_night_hours(const RuleContext&, Emitter&);        // CUR-010
void check_night_daytime(const RuleContext&, Emitter&);      // CUR-011
void check_day_night_classes(const RuleContext&, Emitter&);  // CUR-012
void check_yearly_plan(const RuleContext&, Emitter&);        // CUR-013
void check_credit_transfer(const RuleContext&, Emitter&);    // CUR-014
void check_required_contents(const RuleContext&, Emitter&);  // CUR-015
void check_zero_units(const RuleContext&, Emitter&);         // CUR-016
void check_duplicate_names(const RuleContext&, Emitter&);    // CUR-017
void check_subject_year(const RuleContext&, Emitter&);       // CUR-018
void check_placement_sum(const RuleContext&, Emitter&);      // CUR-019
void check_clinical_method(const RuleContext&, Emitter&);    // CUR-020
void check_sheet_summaries(const RuleContext&, Emitter&);    // CUR-021

/// Course label for messages: 「課程 day（昼間課程）」.
Text course_label(const Course& c);
std::string course_scope(const Course& c);

}  // namespace ahaki::rules
