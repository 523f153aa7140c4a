// The binary on the complete examples and on the non-compliant examples of the
// facility rules: exit codes and exactly the expected rule ids.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "rules/catalogue_b.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::set<std::string> rules_with(const std::string& json, const char* severity) {
    std::set<std::string> out;
    auto doc = boost::json::parse(json);
    for (const auto& file : doc.at("files").as_array())
        for (const auto& f : file.at("findings").as_array())
            if (f.at("severity").as_string() == severity) out.insert(std::string(f.at("rule").as_string()));
    return out;
}

bool facility_rule(const std::string& id) {
    for (const char* prefix : {"SIT-", "PRM-", "EQP-", "FIN-", "REC-", "PRC-", "ADV-", "OPN-", "AUT-"})
        if (id.rfind(prefix, 0) == 0) return true;
    return false;
}

TEST(FacilityExamples, CompleteExamplesExitZeroWithComplete) {
    for (const char* name : {"hari-kyu.xml", "anma-hari-kyu.xml"}) {
        RunResult r = run_binary("check --complete --format json " + source_dir() + "/curricula/complete/" + name);
        EXPECT_EQ(r.exit_code, 0) << name << r.err;
        EXPECT_TRUE(rules_with(r.out, "error").empty()) << name;
    }
}

TEST(FacilityExamples, EachNonCompliantExampleReportsItsRule) {
    TempDir dir("examples");
    std::string list_path = dir / "standard.xml";
    {
        std::ofstream(list_path, std::ios::binary) << standard_with_equipment_list();
    }
    std::set<std::string> seen;
    for (const auto& entry : fs::directory_iterator(source_dir() + "/curricula/non-compliant")) {
        std::string name = entry.path().filename().string();
        std::string id = name.substr(0, 7);
        if (!facility_rule(id)) continue;
        seen.insert(id);
        const Rule* rule = find_rule(id);
        ASSERT_NE(rule, nullptr) << name;
        std::string extra = id == "EQP-001" ? " --standard " + list_path : std::string();
        RunResult r = run_binary("check --complete --format json" + extra + " " + entry.path().string());
        const std::string severity(severity_code(rule->severity));
        EXPECT_EQ(r.exit_code, rule->severity == Severity::error ? 1 : 0) << name << r.err;
        if (rule->severity == Severity::error) {
            EXPECT_EQ(rules_with(r.out, "error"), std::set<std::string>{id}) << name;
        } else {
            // A review or warning rule (REC-008 rests on an ADVISORY value): no error, the rule's finding at its severity.
            EXPECT_TRUE(rules_with(r.out, "error").empty()) << name;
            EXPECT_TRUE(rules_with(r.out, severity.c_str()).count(id)) << name;
            EXPECT_EQ(run_binary("check --complete --fail-on " + severity + " " + entry.path().string()).exit_code, 1)
                << name;
        }
    }
    for (const auto& r : all_rules()) {
        std::string id(r.id);
        if (facility_rule(id)) {
            EXPECT_TRUE(seen.count(id)) << id << " has no non-compliant example";
        }
    }
    std::remove(list_path.c_str());
}

}  // namespace
}  // namespace ahaki::test
