#pragma once
// The rule catalogue of the facility rules (issue 3, part B): for each rule a
// passing and a failing fixture, built by editing a complete example, and the
// exact message the failing one must produce. A coverage test over all_rules()
// can collect the rule ids from catalogue_b_cases().
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace ahaki::test {

using Edits = std::vector<std::pair<std::string, std::string>>;

struct CatalogueCase {
    const char* rule;
    const char* base;         ///< file under curricula/ the fixtures are edited from
    Edits pass_edits;         ///< boundary case that must produce no finding of `rule`
    Edits fail_edits;         ///< just past the boundary
    const char* message_ja;   ///< exact message of the failing fixture's finding
    bool equipment_list = false;  ///< run with a standard whose equipment list is filled in
};

std::span<const CatalogueCase> catalogue_b_cases();

/// The embedded standard with a small equipment list (bed ≥ 20, skeleton ≥ 1) instead of the UNKNOWN one.
std::string standard_with_equipment_list();

}  // namespace ahaki::test
