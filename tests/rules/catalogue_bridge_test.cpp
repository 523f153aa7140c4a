// Feeds the facility rules' catalogue (catalogue_b) into the shared rule-case
// registry, so the coverage test over all_rules() sees their fixtures too.
#include "rules/catalogue_b.hpp"
#include "support/helpers.hpp"
#include "support/rule_cases.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

const StandardSet& with_equipment_list() {
    static const StandardSet set = [] {
        StandardSet s;
        s.editions.push_back(*read_standard("equipment-list.xml", standard_with_equipment_list()).standard);
        return s;
    }();
    return set;
}

std::string apply(std::string text, const Edits& edits) {
    for (const auto& [from, to] : edits) text = replace_once(text, from, to);
    return text;
}

std::vector<RuleCase> bridged() {
    std::vector<RuleCase> out;
    for (const auto& c : catalogue_b_cases()) {
        std::string base = read_file(source_dir() + "/" + c.base);
        RuleCase rc{c.rule, {apply(base, c.pass_edits)}, {apply(base, c.fail_edits)}, {}, nullptr};
        if (c.equipment_list) rc.standards = with_equipment_list;
        out.push_back(std::move(rc));
    }
    return out;
}

const RegisterRuleCases registered{bridged()};

}  // namespace
}  // namespace ahaki::test
