// The rule catalogue: every rule of all_rules() has a citation, ja/en titles and
// explanation, and both a passing and a failing fixture that actually hold.
// Fixtures are the cases registered by the family test files (support/rule_cases.hpp)
// and the example files: curricula/non-compliant/<RULE-ID>-* (failing; a directory is
// checked as one run) and curricula/compliant/*.xml, curricula/complete/*.xml
// (passing when the rule has outcomes there and all are compliant).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "support/helpers.hpp"
#include "support/rule_cases.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> xml_files(const fs::path& p) {
    std::vector<std::string> out;
    if (fs::is_directory(p)) {
        for (const auto& e : fs::directory_iterator(p))
            if (e.path().extension() == ".xml") out.push_back(e.path().string());
    } else {
        out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> contents(const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(read_file(f));
    return out;
}

/// Example fixtures of a rule: non-compliant files or directories named after it.
std::vector<std::vector<std::string>> failing_examples(std::string_view id) {
    std::vector<std::vector<std::string>> out;
    for (const auto& e : fs::directory_iterator(source_dir() + "/curricula/non-compliant"))
        if (e.path().filename().string().starts_with(std::string(id) + "-")) out.push_back(xml_files(e.path()));
    return out;
}

std::vector<std::string> passing_examples() {
    std::vector<std::string> out;
    for (const char* d : {"/curricula/compliant", "/curricula/complete"})
        for (const auto& f : xml_files(source_dir() + d)) out.push_back(f);
    return out;
}

TEST(RuleCatalogue, EveryRuleIsDocumented) {
    std::string previous;
    for (const auto& r : all_rules()) {
        EXPECT_LT(previous, std::string(r.id)) << "ids unique and sorted";
        previous = std::string(r.id);
        EXPECT_FALSE(r.citation.empty()) << r.id;
        EXPECT_FALSE(r.title.ja.empty()) << r.id;
        EXPECT_FALSE(r.title.en.empty()) << r.id;
        EXPECT_FALSE(r.explanation.ja.empty()) << r.id;
        EXPECT_FALSE(r.explanation.en.empty()) << r.id;
        EXPECT_EQ(find_rule(r.id), &r);
    }
}

TEST(RuleCatalogue, RegisteredCasesNameExistingRules) {
    for (const auto& c : rule_cases()) EXPECT_NE(find_rule(c.rule), nullptr) << c.rule;
}

TEST(RuleCatalogue, EveryRuleHasAPassingAndAFailingFixture) {
    // Passing fixtures among the examples, per rule (each example checked alone).
    std::set<std::string> passes_in_examples;
    for (const auto& f : passing_examples()) {
        auto r = check_xml(read_file(f));
        std::map<std::string, bool> ok;
        for (const auto& o : r.outcomes) {
            auto [it, fresh] = ok.try_emplace(o.rule_id, true);
            it->second = it->second && o.status == Status::compliant;
        }
        for (const auto& [id, good] : ok)
            if (good) passes_in_examples.insert(id);
    }
    for (const auto& rule : all_rules()) {
        std::string id(rule.id);
        bool pass = passes_in_examples.count(id) > 0, fail = false;
        for (const auto& c : rule_cases()) {
            if (c.rule != id) continue;
            std::string p = run_pass(c), f = run_fail(c);
            EXPECT_EQ(p, "") << id;
            EXPECT_EQ(f, "") << id;
            pass = pass || p.empty();
            fail = fail || f.empty();
        }
        for (const auto& files : failing_examples(id)) {
            RuleCase c{id, {}, contents(files), {}};
            std::string f = run_fail(c);
            EXPECT_EQ(f, "") << id << " example " << files.front();
            fail = fail || f.empty();
        }
        EXPECT_TRUE(pass) << id << ": no passing fixture (register a case or add an example where the rule is compliant)";
        EXPECT_TRUE(fail) << id << ": no failing fixture (register a case or add curricula/non-compliant/" << id << "-*.xml)";
    }
}

}  // namespace
}  // namespace ahaki::test
