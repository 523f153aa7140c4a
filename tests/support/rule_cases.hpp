#pragma once
// An extensible table of rule fixtures: each family's test file registers, per
// rule, a passing and a failing case at the rule's boundary (inline XML, one or
// several files for the checks across submissions). The catalogue test runs
// every registered case and checks that every rule of all_rules() has both.
#include <functional>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace ahaki::test {

struct RuleCase {
    std::string rule;
    /// Files checked together (one for most rules); the rule must produce at
    /// least one outcome and all of them compliant.
    std::vector<std::string> pass;
    /// Files checked together; the rule must produce a finding, with this
    /// English message when it is not empty.
    std::vector<std::string> fail;
    std::string fail_message_en;
    /// Another edition of the standard (e.g. with an UNKNOWN number filled in); null: embedded.
    std::function<const StandardSet&()> standards = nullptr;
};

std::vector<RuleCase>& rule_cases();

/// Registers cases at static-initialisation time: `static RegisterRuleCases r{{...}};`
struct RegisterRuleCases {
    explicit RegisterRuleCases(std::vector<RuleCase> cases);
};

/// Checks files (named case-1.xml, case-2.xml…) together, cross-file checks included.
std::vector<FileReport> check_together(const std::vector<std::string>& xmls, const StandardSet& standards);

/// Empty when the case holds; otherwise what went wrong.
std::string run_pass(const RuleCase& c);
std::string run_fail(const RuleCase& c);

/// The complete hari-kyu example (curricula/complete/hari-kyu.xml) as text.
std::string complete_hari_kyu();

}  // namespace ahaki::test
