#pragma once
// CLM-*: the 療養費 rules for a clinic's claims (seed 002 and the dated data of
// schemas/ryoyohi). They are listed in the one registry (rules/registry.cpp)
// with section `claims`; their check functions take the clinic's context and
// are found by id here, so the school engine never sees them.
#include <string_view>

#include "model/clinic/clinic.hpp"
#include "rules/claims/compute.hpp"
#include "rules/rule.hpp"
#include "standard/ryoyohi.hpp"

namespace ahaki::claims {

struct ClinicContext {
    const clinic::Clinic& clinic;
    const Ryoyohi& data;
    const Calc& calc;
    CheckOptions options;
};

using ClinicCheckFn = void (*)(const ClinicContext&, Emitter&);
/// The check of a CLM-* rule (null for other ids).
ClinicCheckFn clinic_check(std::string_view id);

}  // namespace ahaki::claims

namespace ahaki::rules {
/// The school-side check of a CLM-* rule: a clinic rule has nothing to check in a school description.
void check_clinic_rule_in_school(const RuleContext&, Emitter&);
}  // namespace ahaki::rules
