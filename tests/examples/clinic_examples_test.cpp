// The binary on curricula/clinics: the compliant clinics (fee editions 2010,
// 2018, 2024-06, 2024-10) pass with no finding at all; each non-compliant
// example reports exactly its own rule; every CLM rule has an example.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <set>

#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(source_dir() + "/curricula/clinics/" + dir)) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(ClinicExamples, CompliantClinicsAcrossTheEditionsHaveNoFinding) {
    auto files = files_in("compliant");
    ASSERT_GE(files.size(), 4u);
    std::set<std::string> editions;
    for (const auto& f : files) {
        RunResult r = run_binary("check --complete --fail-on review --format json '" + f + "'");
        EXPECT_EQ(r.exit_code, 0) << f << r.err;
        auto doc = boost::json::parse(r.out);
        const auto& file = doc.at("files").at(0);
        EXPECT_EQ(file.at("verdict").as_string(), "compliant") << f;
        EXPECT_TRUE(file.at("findings").as_array().empty()) << f;
        for (const auto& p : file.at("summary").at("patients").as_array())
            for (const auto& m : p.at("months").as_array())
                for (const auto& v : m.at("visits").as_array())
                    if (v.at("edition").is_string()) editions.insert(std::string(v.at("edition").as_string()));
    }
    for (const char* e : {"2010-06-01", "2018-10-01", "2024-06-01", "2024-10-01"}) EXPECT_TRUE(editions.count(e)) << e;
}

TEST(ClinicExamples, EachNonCompliantExampleReportsExactlyItsRule) {
    std::set<std::string> seen;
    for (const auto& f : files_in("non-compliant")) {
        std::string id = fs::path(f).filename().string().substr(0, 7);
        const Rule* rule = find_rule(id);
        ASSERT_NE(rule, nullptr) << f;
        seen.insert(id);
        RunResult r = run_binary("check --format json '" + f + "'");
        EXPECT_EQ(r.exit_code, rule->severity == Severity::error ? 1 : 0) << f << r.err;
        std::set<std::string> rules;
        const boost::json::value doc = boost::json::parse(r.out);
        for (const auto& x : doc.at("files").at(0).at("findings").as_array())
            rules.insert(std::string(x.at("rule").as_string()));
        EXPECT_EQ(rules, std::set<std::string>{id}) << f;
        EXPECT_EQ(run_binary("check --fail-on warning '" + f + "'").exit_code, rule->severity == Severity::review ? 0 : 1) << f;
        EXPECT_EQ(run_binary("check --fail-on review '" + f + "'").exit_code, 1) << f;
    }
    for (const auto& r : all_rules()) {
        if (r.section != Section::claims) continue;
        EXPECT_TRUE(seen.count(std::string(r.id))) << r.id << " has no example in curricula/clinics/non-compliant";
    }
}

TEST(ClinicExamples, TheWholeDirectoryGivesTheExpectedVerdicts) {
    RunResult r = run_binary("check --format json '" + source_dir() + "/curricula/clinics'");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const boost::json::value doc = boost::json::parse(r.out);
    for (const auto& f : doc.at("files").as_array()) {
        std::string path(f.at("path").as_string());
        std::string verdict(f.at("verdict").as_string());
        if (path.find("/compliant/") != std::string::npos) {
            EXPECT_EQ(verdict, "compliant") << path;
        } else {
            const Rule* rule = find_rule(fs::path(path).filename().string().substr(0, 7));
            ASSERT_NE(rule, nullptr) << path;
            EXPECT_EQ(verdict, rule->severity == Severity::error ? "non-compliant" : "needs-review") << path;
        }
    }
}

TEST(ClinicExamples, SchoolAndClinicFilesCheckedInOneRun) {
    RunResult r = run_binary("check --lang en '" + source_dir() + "/curricula/compliant/hari.xml' '" + source_dir() +
                             "/curricula/clinics/compliant/2024-10-aoba.xml'");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("(clinic \"青葉鍼灸院\", 療養費 data ryoyohi-2024-10)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2024-10 (claim cl-2024-10-pt1): claimed ¥5,970 / computed ¥5,970"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ahaki::test
