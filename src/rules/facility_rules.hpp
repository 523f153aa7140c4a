#pragma once
// Check functions of the facility rules (指導要領 §1–§3, §9–§13, cover notice 記2,
// 療養費 rules 第7章). Each is listed in rules/registry.cpp.
#include "rules/rule.hpp"

namespace ahaki::rules {

// sites/sites.cpp
void check_sites_secured(const RuleContext&, Emitter&);        // SIT-001 9(1)
void check_affiliated_site(const RuleContext&, Emitter&);      // SIT-002 9(2)
void check_clinic_goals(const RuleContext&, Emitter&);         // SIT-003 9(4)ア
void check_clinic_years_open(const RuleContext&, Emitter&);    // SIT-004 9(4)イ
void check_clinic_supervisor(const RuleContext&, Emitter&);    // SIT-005 9(4)ウ
void check_clinic_patients(const RuleContext&, Emitter&);      // SIT-006 9(4)エ
void check_clinic_facilities(const RuleContext&, Emitter&);    // SIT-007 9(4)オ
void check_clinic_sanctions(const RuleContext&, Emitter&);     // SIT-008 9(4)カ
void check_clinic_consent(const RuleContext&, Emitter&);       // SIT-009 9(4)キ
void check_medical_observation(const RuleContext&, Emitter&);  // SIT-010 9(3)

// premises/premises.cpp
void check_library(const RuleContext&, Emitter&);              // PRM-001 10(1)
void check_room_water(const RuleContext&, Emitter&);           // PRM-002 10(2)
void check_room_layout(const RuleContext&, Emitter&);          // PRM-003 10(3)
void check_room_count(const RuleContext&, Emitter&);           // PRM-004 10(4)
void check_ownership(const RuleContext&, Emitter&);            // PRM-005 10(5)
void check_shared_use(const RuleContext&, Emitter&);           // PRM-006 10(6)
void check_equipment(const RuleContext&, Emitter&);            // EQP-001 10(7)

// finance/finance.cpp
void check_sound_finances(const RuleContext&, Emitter&);       // FIN-001 11(1)
void check_separate_accounts(const RuleContext&, Emitter&);    // FIN-002 11(2)
void check_fees_in_rules(const RuleContext&, Emitter&);        // FIN-003 11(3)
void check_fee_change_plan(const RuleContext&, Emitter&);      // FIN-004 11(4)

// records/records.cpp
void check_records_1(const RuleContext&, Emitter&);            // REC-001 12(1)
void check_records_2(const RuleContext&, Emitter&);            // REC-002 12(2)
void check_records_3(const RuleContext&, Emitter&);            // REC-003 12(3)
void check_records_4(const RuleContext&, Emitter&);            // REC-004 12(4)
void check_records_5(const RuleContext&, Emitter&);            // REC-005 12(5)
void check_records_6(const RuleContext&, Emitter&);            // REC-006 12(6)
void check_records_7(const RuleContext&, Emitter&);            // REC-007 12(7)
void check_treatment_records(const RuleContext&, Emitter&);    // REC-008 療養費 第7章

// procedure/procedure.cpp
void check_plan_deadline(const RuleContext&, Emitter&);        // PRC-001 2(1)
void check_capacity_plan_deadline(const RuleContext&, Emitter&);  // PRC-002 2(2)
void check_application_deadline(const RuleContext&, Emitter&); // PRC-003 3
void check_fee_plan_deadline(const RuleContext&, Emitter&);    // PRC-004 11(4)
void check_advertising(const RuleContext&, Emitter&);          // ADV-001 13(1)
void check_recruitment(const RuleContext&, Emitter&);          // ADV-002 13(2)
void check_opinion_letters(const RuleContext&, Emitter&);      // OPN-001 cover notice 記2
void check_authority(const RuleContext&, Emitter&);            // AUT-001 1

}  // namespace ahaki::rules
