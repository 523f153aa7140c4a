#pragma once
// Rules on the people sections (issue 3, part A): founder (指導要領 §4), school
// rules (§5), teachers (§6, §14(1), 認定規則 第2条 別表第二) and students (§7).
#include "rules/rule.hpp"

namespace ahaki::rules {

void check_founder(const RuleContext&, Emitter&);  // FND-001

// SRL-001..SRL-009: one rule per item of 指導要領 5(1)–(9).
template <RuleItem item>
void check_school_rules_item(const RuleContext&, Emitter&);

void check_student_capacity(const RuleContext&, Emitter&);      // STU-001
void check_admission_certificates(const RuleContext&, Emitter&);  // STU-002
void check_selection(const RuleContext&, Emitter&);             // STU-003
void check_mid_year_admission(const RuleContext&, Emitter&);    // STU-004
void check_transfers(const RuleContext&, Emitter&);             // STU-005
void check_student_attendance(const RuleContext&, Emitter&);    // STU-006
void check_health_checks(const RuleContext&, Emitter&);         // STU-007

void check_head(const RuleContext&, Emitter&);                    // TCH-001
void check_teachers_foundations(const RuleContext&, Emitter&);    // TCH-002
void check_teachers_basic_medical(const RuleContext&, Emitter&);  // TCH-003
void check_teachers_specialised(const RuleContext&, Emitter&);    // TCH-004
void check_full_time_one_facility(const RuleContext&, Emitter&);  // TCH-005
void check_full_time_only_here(const RuleContext&, Emitter&);     // TCH-006
void check_clinical_engagement(const RuleContext&, Emitter&);     // TCH-007
void check_experienced_teachers(const RuleContext&, Emitter&);    // TCH-008
void check_weekly_hours(const RuleContext&, Emitter&);            // TCH-009
void check_teacher_attendance(const RuleContext&, Emitter&);      // TCH-010
void check_placement_coordinator(const RuleContext&, Emitter&);   // TCH-011
void check_full_time_count(const RuleContext&, Emitter&);         // TCH-012
void check_documents_verified(const RuleContext&, Emitter&);      // TCH-013
void check_subjects_have_teachers(const RuleContext&, Emitter&);  // TCH-014

/// Cross-file rules run in engine/cross.cpp (--cross-check); within one file they
/// record a "not checked" requirement that the comparison replaces.
void check_across_submissions(const RuleContext&, Emitter&);  // XSB-001..XSB-004

/// 「教員 山田太郎（t1）」.
Text teacher_label(const Teacher& t);

}  // namespace ahaki::rules
