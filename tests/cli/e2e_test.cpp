// End-to-end: the built binary on the shipped examples and on bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "rules/rule.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> xml_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(source_dir() + "/" + dir))
        if (e.path().extension() == ".xml") out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

std::set<std::string> rule_ids_in(const std::string& json_text) {
    std::set<std::string> ids;
    auto v = boost::json::parse(json_text);
    for (const auto& f : v.at("files").as_array())
        for (const auto& x : f.at("findings").as_array()) ids.insert(std::string(x.at("rule").as_string()));
    return ids;
}

TEST(Examples, EveryCompliantExampleExitsZero) {
    auto files = xml_files("curricula/compliant");
    ASSERT_GE(files.size(), 8u);
    for (const auto& f : files) {
        auto r = run_binary("check --format json '" + f + "'");
        EXPECT_EQ(r.exit_code, 0) << f << "\n" << r.err;
        EXPECT_TRUE(rule_ids_in(r.out).empty()) << f;
    }
}

TEST(Examples, EveryFacilityTypeHasACompliantExample) {
    for (const auto& t : facility_types())
        EXPECT_TRUE(fs::exists(source_dir() + "/curricula/compliant/" + std::string(t.code) + ".xml")) << t.code;
}

TEST(Examples, CompleteExamplesPassAsCompleteApplications) {
    for (const auto& f : xml_files("curricula/complete")) {
        auto r = run_binary("check --complete --fail-on warning --format json '" + f + "'");
        EXPECT_EQ(r.exit_code, 0) << f << "\n" << r.out << r.err;
        // What remains is review only: numbers the standard data does not have yet (UNKNOWN).
        auto v = boost::json::parse(r.out);
        for (const auto& x : v.at("files").as_array()[0].at("findings").as_array()) {
            EXPECT_EQ(x.at("severity").as_string(), "review") << x;
            std::string rule(x.at("rule").as_string());
            EXPECT_TRUE(rule == "EQP-001" || rule == "TCH-012") << rule << " " << x.at("message");
        }
    }
}

TEST(Examples, EveryNonCompliantExampleTriggersItsRule) {
    auto files = xml_files("curricula/non-compliant");
    ASSERT_GE(files.size(), 20u);
    for (const auto& f : files) {
        std::string name = fs::path(f).filename().string();
        std::string id = name.substr(0, 7);  // CUR-001-…
        ASSERT_NE(find_rule(id), nullptr) << name << " does not start with a rule id";
        auto r = run_binary("check --complete --fail-on review --format json '" + f + "'");
        EXPECT_EQ(r.exit_code, 1) << name << "\n" << r.err;
        EXPECT_TRUE(rule_ids_in(r.out).count(id)) << name << " did not report " << id;
        // With the default --fail-on error, exit 1 exactly when an error is found.
        auto d = run_binary("check --format json '" + f + "'");
        auto v = boost::json::parse(d.out);
        bool has_error = v.at("summary").at("findings").at("error").as_int64() > 0;
        EXPECT_EQ(d.exit_code, has_error ? 1 : 0) << name;
    }
}

TEST(Examples, EveryRuleHasANonCompliantExampleOrIsCrossFile) {
    std::set<std::string> covered;
    for (const auto& f : xml_files("curricula/non-compliant")) covered.insert(fs::path(f).filename().string().substr(0, 7));
    for (const auto& r : all_rules()) {
        if (r.section == Section::cross_file) continue;  // needs two files: tested in tests/
        if (r.section == Section::claims) continue;      // clinic rules: curricula/clinics (tests/examples/clinic_examples_test.cpp)
        EXPECT_TRUE(covered.count(std::string(r.id))) << r.id << " has no example in curricula/non-compliant";
    }
}

TEST(Cli, RulesJsonListsEveryRuleWithItsCitation) {
    auto r = run_binary("rules --format json");
    ASSERT_EQ(r.exit_code, 0);
    auto v = boost::json::parse(r.out);
    const auto& rules = v.at("rules").as_array();
    ASSERT_EQ(rules.size(), all_rules().size());
    std::string previous;
    for (const auto& x : rules) {
        std::string id(x.at("id").as_string());
        EXPECT_LT(previous, id) << "rules are sorted and unique";
        previous = id;
        EXPECT_FALSE(x.at("citation").as_string().empty()) << id;
        EXPECT_FALSE(x.at("title").at("ja").as_string().empty()) << id;
        EXPECT_FALSE(x.at("title").at("en").as_string().empty()) << id;
        EXPECT_FALSE(x.at("explanation").at("ja").as_string().empty()) << id;
        EXPECT_FALSE(x.at("explanation").at("en").as_string().empty()) << id;
    }
}

TEST(Cli, ExplainPrintsTheClause) {
    auto r = run_binary("explain CUR-003 --lang en");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("CUR-003: Total hours"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("clause: 指導要領 8(4)"), std::string::npos);
    auto unknown = run_binary("explain CUR-999");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err.substr(0, unknown.err.find('\n')), "エラー: 規則 CUR-999 はありません（ahaki-check rules で一覧できます）");
}

TEST(Cli, TextReportHasLocatedFindingsAndTheAreaTable) {
    std::string f = source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml";
    auto r = run_binary("check '" + f + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find(": エラー: 「"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[CUR-004 指導要領 8(2)]"), std::string::npos);
    EXPECT_NE(r.out.find("    科学的思考の基盤・人間と生活"), std::string::npos);  // the area table names the areas as 別表第一 does
    EXPECT_NE(r.out.find("    基礎はり学・基礎きゆう学"), std::string::npos);      // for a はりきゅう school
    auto en = run_binary("check --lang en '" + f + "'");
    EXPECT_NE(en.out.find(": error: \""), std::string::npos) << en.out;
    EXPECT_EQ(en.out.find("\x1b["), std::string::npos) << "no colour when not a terminal";
}

TEST(Cli, FailOnControlsTheExitCode) {
    std::string f = source_dir() + "/curricula/non-compliant/CUR-016-zero-unit-subject.xml";
    EXPECT_EQ(run_binary("check '" + f + "'").exit_code, 0);
    EXPECT_EQ(run_binary("check --fail-on warning '" + f + "'").exit_code, 1);
    std::string e = source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml";
    EXPECT_EQ(run_binary("check --fail-on never '" + e + "'").exit_code, 0);
    EXPECT_EQ(run_binary("check --fail-on sometimes '" + e + "'").exit_code, 2);
}

TEST(Cli, BadInputExitsTwoWithALocatedMessage) {
    std::string dir = ::testing::TempDir() + "ahaki-bad-" + std::to_string(::getpid());
    fs::create_directories(dir);
    std::string bad = dir + "/bad.xml";
    {
        std::ofstream(bad) << "<school xmlns=\"urn:ahaki-check:school:1\" name=\"x\" type=\"hari\">\n"
                              "  <course id=\"c\" schedule=\"day\" years=\"three\"/>\n</school>\n";
    }
    auto r = run_binary("check '" + bad + "'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find(bad + ":2:40: エラー: years=\"three\": 数値ではありません（期待: 1以上20以下の整数（半角数字））"), std::string::npos)
        << r.out;
    auto missing = run_binary("check '" + dir + "/nope.xml'");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.out.find("nope.xml: エラー: ファイルが見つかりません"), std::string::npos) << missing.out;
    std::string empty_dir = dir + "/empty";
    fs::create_directories(empty_dir);
    auto none = run_binary("check --lang en '" + empty_dir + "'");
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_NE(none.out.find("empty: error: the directory contains no .xml file"), std::string::npos) << none.out;
    auto usage = run_binary("check");
    EXPECT_EQ(usage.exit_code, 2);
    fs::remove_all(dir);
}

TEST(Cli, ReportGoesToAFileAndTextToStdout) {
    std::string out = ::testing::TempDir() + "ahaki-report-" + std::to_string(::getpid()) + ".json";
    std::string f = source_dir() + "/curricula/compliant/anma.xml";
    auto r = run_binary("check --format text --format json=" + out + " '" + f + "'");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("適合"), std::string::npos);
    auto v = boost::json::parse(read_file(out));
    EXPECT_EQ(v.at("files").as_array()[0].at("verdict").as_string(), "partially-checked");  // curriculum only
    EXPECT_EQ(v.at("standards").as_array()[0].at("id").as_string(), "ahaki-2018");
    std::remove(out.c_str());
    EXPECT_EQ(run_binary("check --format json --format text '" + f + "'").exit_code, 2);  // two formats on stdout
}

TEST(Cli, HelpAndVersion) {
    auto h = run_binary("--help");
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_NE(h.out.find("使い方: ahaki-check"), std::string::npos);
    auto v = run_binary("--version");
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_EQ(v.out.rfind("ahaki-check ", 0), 0u);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

TEST(Cli, CrossFileChecksAreTheSameWhetherReportsAreStreamedOrNot) {
    // json alone streams (first pass indexes the keys); json with sarif takes the RunReport path.
    std::string dir = source_dir() + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools";
    std::string tmp = ::testing::TempDir() + "ahaki-xsb-" + std::to_string(::getpid());
    fs::create_directories(tmp);
    auto streamed = run_binary("check --cross-check --format json=" + tmp + "/a.json '" + dir + "'");
    auto whole = run_binary("check --cross-check --format json=" + tmp + "/b.json --format sarif=" + tmp + "/b.sarif '" + dir + "'");
    EXPECT_EQ(streamed.exit_code, 1) << streamed.err;
    EXPECT_EQ(whole.exit_code, 1) << whole.err;
    std::string a = read_file(tmp + "/a.json"), b = read_file(tmp + "/b.json");
    EXPECT_EQ(a, b);
    EXPECT_EQ(rule_ids_in(a).count("XSB-001"), 1u);
    auto v = boost::json::parse(a);
    for (const auto& f : v.at("files").as_array()) {
        bool found = false;
        for (const auto& x : f.at("findings").as_array()) found = found || x.at("rule").as_string() == "XSB-001";
        EXPECT_TRUE(found) << f.at("path") << ": XSB-001 is an error on each file";
    }
    fs::remove_all(tmp);
}

}  // namespace
}  // namespace ahaki::test
