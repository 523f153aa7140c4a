// SARIF content. Schema validity is checked by Microsoft's validator in the
// ctest report.sarif_validator (tools/test-sarif.sh); here: what the results say.
#include <gtest/gtest.h>

#include "rules/rule.hpp"

#include <boost/json.hpp>

#include "report/formats.hpp"
#include "report/run_fixture.hpp"
#include "report/writers.hpp"

namespace ahaki::test {
namespace {
namespace json = boost::json;

json::object sarif_of(const RunReport& run, Lang lang = Lang::en) {
    WriteContext c;
    c.lang = lang;
    return json::parse(sarif_format(run, c)).as_object();
}

const json::object& the_run(const json::object& root) { return root.at("runs").as_array().at(0).as_object(); }

std::vector<json::object> results_of(const json::object& root, std::string_view rule) {
    std::vector<json::object> out;
    for (const auto& r : the_run(root).at("results").as_array())
        if (r.at("ruleId").as_string() == rule) out.push_back(r.as_object());
    return out;
}

TEST(Sarif, DeclaresEveryRuleWithHelpCitationAndLevel) {
    auto root = sarif_of(make_run({}));
    EXPECT_EQ(root.at("version").as_string(), "2.1.0");
    const auto& driver = the_run(root).at("tool").at("driver").as_object();
    EXPECT_EQ(driver.at("name").as_string(), "ahaki-check");
    EXPECT_EQ(driver.at("version").as_string(), tool_version);
    const auto& rules = driver.at("rules").as_array();
    ASSERT_EQ(rules.size(), all_rules().size() + 2);  // + LOAD, SHEET (a sheet's import notices)
    for (std::size_t i = 0; i < all_rules().size(); ++i) {
        const auto& r = rules[i].as_object();
        const Rule& rule = all_rules()[i];
        EXPECT_EQ(r.at("id").as_string(), rule.id);
        EXPECT_FALSE(r.at("name").as_string().empty());
        EXPECT_FALSE(r.at("shortDescription").at("text").as_string().empty());
        EXPECT_FALSE(r.at("fullDescription").at("text").as_string().empty());
        std::string md(r.at("help").at("markdown").as_string());
        EXPECT_NE(md.find(std::string(rule.citation)), std::string::npos) << md;
        std::string text(r.at("help").at("text").as_string());
        EXPECT_NE(text.find(std::string(rule.citation)), std::string::npos);
        EXPECT_EQ(r.at("properties").at("citation").as_string(), rule.citation);
        EXPECT_EQ(r.at("properties").at("section").as_string(), section_code(rule.section));
        std::string_view level = rule.severity == Severity::error ? "error" : rule.severity == Severity::warning ? "warning" : "note";
        EXPECT_EQ(r.at("defaultConfiguration").at("level").as_string(), level);
    }
    EXPECT_EQ(rules[all_rules().size()].at("id").as_string(), "LOAD");
    EXPECT_EQ(rules.back().at("id").as_string(), "SHEET");
    EXPECT_EQ(rules.back().at("defaultConfiguration").at("level").as_string(), "note");
}

TEST(Sarif, ErrorResultHasPhysicalAndLogicalLocation) {
    auto root = sarif_of(make_run({report_for(school_variant(true, false, false), "curricula/./x/school.xml")}));
    auto rs = results_of(root, "CUR-004");
    ASSERT_EQ(rs.size(), 1u);
    const auto& r = rs[0];
    EXPECT_EQ(r.at("kind").as_string(), "fail");
    EXPECT_EQ(r.at("level").as_string(), "error");
    {
        // The index of CUR-004 in tool.driver.rules (the registry order).
        std::int64_t index = 0;
        for (const auto& rule : all_rules()) {
            if (rule.id == "CUR-004") break;
            ++index;
        }
        EXPECT_EQ(r.at("ruleIndex").as_int64(), index);
    }
    EXPECT_NE(std::string(r.at("message").at("text").as_string()).find("31 hours"), std::string::npos);
    const auto& loc = r.at("locations").at(0).as_object();
    EXPECT_EQ(loc.at("physicalLocation").at("artifactLocation").at("uri").as_string(), "curricula/x/school.xml");
    EXPECT_EQ(loc.at("physicalLocation").at("region").at("startLine").as_int64(), 46);
    EXPECT_EQ(loc.at("physicalLocation").at("region").at("startColumn").as_int64(), 5);
    EXPECT_EQ(loc.at("logicalLocations").at(0).at("fullyQualifiedName").as_string(),
              "/school/course[@id='day']/subject[@id='h-law']");
    EXPECT_EQ(the_run(root).at("columnKind").as_string(), "unicodeCodePoints");
    EXPECT_EQ(the_run(root).at("artifacts").at(0).at("location").at("uri").as_string(), "curricula/x/school.xml");
    EXPECT_EQ(the_run(root).at("artifacts").at(0).at("properties").at("verdict").as_string(), "non-compliant");
}

TEST(Sarif, ReviewFindingIsKindReviewWithLevelNone) {
    auto root = sarif_of(make_run({report_for(school_variant(false, true, false), "s.xml")}));
    auto rs = results_of(root, "CUR-007");
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].at("kind").as_string(), "review");
    EXPECT_EQ(rs[0].at("level").as_string(), "none");
    EXPECT_EQ(rs[0].at("properties").at("severity").as_string(), "review");
}

TEST(Sarif, LoadErrorIsResultOfLoadRule) {
    auto run = make_run({report_for("<school", "broken.xml")});
    run.run_errors.push_back(Diagnostic{"empty-dir", Loc{}, Text{"空", "the directory contains no .xml file"}, {}});
    auto root = sarif_of(run);
    auto rs = results_of(root, "LOAD");
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].at("level").as_string(), "error");
    EXPECT_EQ(rs[0].at("ruleIndex").as_int64(), static_cast<std::int64_t>(all_rules().size()));
    EXPECT_TRUE(rs[0].at("locations").at(0).at("physicalLocation").as_object().contains("region"));
    const auto& inv = the_run(root).at("invocations").at(0).as_object();
    EXPECT_FALSE(inv.at("executionSuccessful").as_bool());
    const auto& notes = inv.at("toolExecutionNotifications").as_array();
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].at("message").at("text").as_string(), "the directory contains no .xml file.");
}

TEST(Sarif, WaivedFindingKeepsResultWithExternalSuppression) {
    auto run = make_run({report_for(school_variant(true, false, false), "s.xml")});
    WaiverSet set;
    set.file = "waivers.xml";
    Waiver w;
    w.id = "W1";
    w.rule = "CUR-004";
    w.file = "s.xml";
    w.reason = "accepted until April";
    w.expires = Date{2027, 3, 31};
    w.approver = "Yamada";
    w.loc = Loc{4, 3, "/waivers/waiver[@id='W1']"};
    set.waivers.push_back(w);
    auto applied = apply_waivers(set, run.files, Date{2027, 1, 1});
    run.waivers = &set;
    run.waiver_notices = applied.notices;
    auto root = sarif_of(run);
    auto rs = results_of(root, "CUR-004");
    ASSERT_EQ(rs.size(), 1u);
    const auto& sup = rs[0].at("suppressions").at(0).as_object();
    EXPECT_EQ(sup.at("kind").as_string(), "external");
    EXPECT_EQ(sup.at("status").as_string(), "accepted");
    EXPECT_EQ(sup.at("justification").as_string(), "accepted until April");
    EXPECT_EQ(sup.at("properties").at("waiverId").as_string(), "W1");
    EXPECT_EQ(sup.at("properties").at("approver").as_string(), "Yamada");
    EXPECT_EQ(sup.at("location").at("physicalLocation").at("region").at("startLine").as_int64(), 4);
    EXPECT_EQ(the_run(root).at("properties").at("summary").at("waived").as_int64(), 1);
    EXPECT_EQ(the_run(root).at("artifacts").at(0).at("properties").at("verdict").as_string(), "partially-checked");
}

TEST(Sarif, ExpiredWaiverIsAConfigurationNotification) {
    auto run = make_run({report_for(school_variant(true, false, false), "s.xml")});
    WaiverSet set;
    set.file = "waivers.xml";
    set.waivers.push_back(Waiver{"W1", "CUR-004", "s.xml", "", "", "r", Date{2026, 12, 31}, "", Loc{4, 3, ""}});
    run.waivers = &set;
    run.waiver_notices = apply_waivers(set, run.files, Date{2027, 1, 1}).notices;
    auto root = sarif_of(run);
    EXPECT_FALSE(results_of(root, "CUR-004").at(0).contains("suppressions"));
    const auto& notes = the_run(root).at("invocations").at(0).at("toolConfigurationNotifications").as_array();
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].at("descriptor").at("id").as_string(), "waiver-expired");
    EXPECT_EQ(notes[0].at("level").as_string(), "warning");
    EXPECT_EQ(notes[0].at("associatedRule").at("id").as_string(), "CUR-004");
    EXPECT_EQ(notes[0].at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri").as_string(), "waivers.xml");
}

TEST(Sarif, SummaryMatchesJson) {
    auto run = make_run({report_for(school_variant(true, false, false), "a.xml"), report_for(compliant_hari_kyu(), "b.xml"),
                         report_for(school_variant(false, true, true), "c.xml")});
    auto sarif = the_run(sarif_of(run)).at("properties").at("summary").as_object();
    auto js = json::parse(write_json(run, Lang::en)).at("summary").as_object();
    EXPECT_EQ(sarif.at("files"), js.at("files"));
    EXPECT_EQ(sarif.at("verdicts"), js.at("verdicts"));
    EXPECT_EQ(sarif.at("findings"), js.at("findings"));
    EXPECT_EQ(sarif.at("requirements"), js.at("requirements"));
    EXPECT_EQ(sarif.at("verdicts").at("non-compliant").as_int64(), 1);
    EXPECT_EQ(sarif.at("verdicts").at("needs-review").as_int64(), 1);
    EXPECT_GT(sarif.at("requirements").at("not-checked").as_int64(), 0);
}

TEST(Sarif, UrisArePercentEncodedAndStable) {
    auto root = sarif_of(make_run({report_for(compliant_hari_kyu(), "./学校 a.xml")}));
    EXPECT_EQ(the_run(root).at("artifacts").at(0).at("location").at("uri").as_string(),
              "%E5%AD%A6%E6%A0%A1%20a.xml");
    auto abs = sarif_of(make_run({report_for(compliant_hari_kyu(), "/srv/x/../s.xml")}));
    EXPECT_EQ(the_run(abs).at("artifacts").at(0).at("location").at("uri").as_string(), "file:///srv/s.xml");
}

TEST(Sarif, JapaneseMessagesAreSentences) {
    auto root = sarif_of(make_run({report_for(school_variant(true, false, false), "s.xml")}), Lang::ja);
    std::string text(results_of(root, "CUR-004").at(0).at("message").at("text").as_string());
    EXPECT_EQ(text.substr(text.size() - 3), "。");
    EXPECT_EQ(the_run(root).at("language").as_string(), "ja-JP");
}

}  // namespace
}  // namespace ahaki::test
