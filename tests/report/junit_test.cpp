// JUnit XML, parsed back with pugixml: suites, counts, names, failure types.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <set>

#include "report/formats.hpp"
#include "report/run_fixture.hpp"
#include "report/writers.hpp"

namespace ahaki::test {
namespace {

struct Parsed {
    pugi::xml_document doc;
    std::string text;
};

std::unique_ptr<Parsed> junit_of(const RunReport& run, Severity fail_on = Severity::error) {
    auto p = std::make_unique<Parsed>();
    WriteContext c;
    c.lang = Lang::en;
    c.fail_on = fail_on;
    p->text = junit_format(run, c);
    auto ok = p->doc.load_string(p->text.c_str());
    EXPECT_TRUE(ok) << ok.description() << "\n" << p->text;
    return p;
}

std::size_t count_children(pugi::xml_node suite, const char* what) {
    std::size_t n = 0;
    for (auto tc : suite.children("testcase"))
        if (tc.child(what)) ++n;
    return n;
}

pugi::xml_node case_named(pugi::xml_node suite, std::string_view prefix) {
    for (auto tc : suite.children("testcase"))
        if (std::string_view(tc.attribute("name").value()).substr(0, prefix.size()) == prefix) return tc;
    return {};
}

TEST(Junit, OneTestCasePerRequirementPassingOnesToo) {
    auto run = make_run({report_for(school_variant(true, false, false), "a.xml"), report_for(compliant_hari_kyu(), "b.xml")});
    auto p = junit_of(run);
    auto root = p->doc.child("testsuites");
    ASSERT_TRUE(root);
    std::size_t suites = 0, tests = 0, failures = 0;
    for (auto suite : root.children("testsuite")) {
        ++suites;
        const FileReport& f = run.files[suites - 1];
        EXPECT_EQ(std::string(suite.attribute("name").value()), f.path);
        std::size_t n = 0;
        std::set<std::string> names;
        for (auto tc : suite.children("testcase")) {
            ++n;
            EXPECT_EQ(std::string(tc.attribute("classname").value()), f.path);
            EXPECT_TRUE(names.insert(tc.attribute("name").value()).second) << "duplicate name " << tc.attribute("name").value();
        }
        EXPECT_EQ(n, f.outcomes.size());
        EXPECT_EQ(suite.attribute("tests").as_ullong(), n);
        EXPECT_EQ(suite.attribute("failures").as_ullong(), count_children(suite, "failure"));
        EXPECT_EQ(suite.attribute("skipped").as_ullong(), count_children(suite, "skipped"));
        EXPECT_EQ(suite.attribute("errors").as_ullong(), 0u);
        tests += n;
        failures += count_children(suite, "failure");
    }
    EXPECT_EQ(suites, 2u);
    EXPECT_EQ(root.attribute("tests").as_ullong(), tests);
    EXPECT_EQ(root.attribute("failures").as_ullong(), failures);
    EXPECT_EQ(failures, 1u);
}

TEST(Junit, FailureCarriesSeverityMessageAndLocation) {
    auto p = junit_of(make_run({report_for(school_variant(true, false, false), "a.xml")}));
    auto suite = p->doc.child("testsuites").child("testsuite");
    auto tc = case_named(suite, "CUR-004 ");
    ASSERT_TRUE(tc);
    std::string name = tc.attribute("name").value();
    // The requirement (per course) by rule, scope and element path: no line number in the name.
    EXPECT_EQ(name, "CUR-004 course=day /school/course[@id='day']");
    auto failure = tc.child("failure");
    ASSERT_TRUE(failure);
    EXPECT_STREQ(failure.attribute("type").value(), "error");
    EXPECT_NE(std::string(failure.attribute("message").value()).find("31 hours"), std::string::npos);
    EXPECT_NE(std::string(failure.text().get()).find("a.xml:46:5: error: "), std::string::npos) << failure.text().get();
    EXPECT_STREQ(suite.child("properties").find_child_by_attribute("property", "name", "verdict").attribute("value").value(),
                 "non-compliant");
}

TEST(Junit, ReviewFailsOnlyWithFailOnReview) {
    auto run = make_run({report_for(school_variant(false, true, false), "a.xml")});
    auto passing = junit_of(run);
    auto tc = case_named(passing->doc.child("testsuites").child("testsuite"), "CUR-007 ");
    ASSERT_TRUE(tc);
    EXPECT_FALSE(tc.child("failure"));
    EXPECT_NE(std::string(tc.child("system-out").text().get()).find("review: "), std::string::npos);

    auto failing = junit_of(run, Severity::review);
    auto tc2 = case_named(failing->doc.child("testsuites").child("testsuite"), "CUR-007 ");
    ASSERT_TRUE(tc2.child("failure"));
    EXPECT_STREQ(tc2.child("failure").attribute("type").value(), "review");
}

TEST(Junit, NotCheckedIsSkipped) {
    auto run = make_run({report_for(school_variant(false, false, true), "a.xml")});
    auto p = junit_of(run);
    auto suite = p->doc.child("testsuites").child("testsuite");
    auto sc = run.files[0].status_counts();
    EXPECT_GT(sc[3], 0u);
    EXPECT_EQ(count_children(suite, "skipped"), sc[3]);
    EXPECT_EQ(suite.attribute("skipped").as_ullong(), sc[3]);
    auto tc = case_named(suite, "CUR-013 ");
    ASSERT_TRUE(tc.child("skipped"));
    EXPECT_NE(std::string(tc.child("skipped").attribute("message").value()).find("not checked"), std::string::npos);
}

TEST(Junit, LoadErrorIsError) {
    auto p = junit_of(make_run({report_for("<school", "broken.xml")}));
    auto suite = p->doc.child("testsuites").child("testsuite");
    EXPECT_EQ(suite.attribute("errors").as_ullong(), 1u);
    auto tc = case_named(suite, "LOAD");
    ASSERT_TRUE(tc.child("error"));
    EXPECT_NE(std::string(tc.child("error").text().get()).find("broken.xml:"), std::string::npos);
    EXPECT_EQ(p->doc.child("testsuites").attribute("errors").as_ullong(), 1u);
}

TEST(Junit, WaivedRequirementIsSkippedWithReason) {
    auto run = make_run({report_for(school_variant(true, false, false), "a.xml")});
    WaiverSet set;
    set.file = "w.xml";
    set.waivers.push_back(Waiver{"W9", "CUR-004", "a.xml", "h-law", "", "reason <&> \"quoted\"", Date{2030, 1, 1}, "", Loc{3, 3, ""}});
    set.waivers.push_back(Waiver{"W10", "CUR-001", "a.xml", "", "", "nothing", Date{2030, 1, 1}, "", Loc{4, 3, ""}});
    run.waivers = &set;
    run.waiver_notices = apply_waivers(set, run.files, Date{2029, 1, 1}).notices;
    auto p = junit_of(run);
    auto root = p->doc.child("testsuites");
    auto tc = case_named(root.child("testsuite"), "CUR-004 ");
    ASSERT_TRUE(tc.child("skipped"));
    EXPECT_STREQ(tc.child("skipped").attribute("message").value(), "waived (W9): reason <&> \"quoted\"");
    // The unmatched waiver: a failing case in a suite named after the waiver file.
    auto last = root.last_child();
    EXPECT_STREQ(last.attribute("name").value(), "w.xml");
    auto w = case_named(last, "waiver-unmatched W10");
    ASSERT_TRUE(w.child("failure"));
    EXPECT_STREQ(w.child("failure").attribute("type").value(), "warning");
}

TEST(Junit, EscapesControlCharactersAway) {
    auto run = make_run({report_for(school_variant(true, false, false), "a\x01<b>.xml")});
    auto p = junit_of(run);
    // XML 1.0 cannot carry U+0001: it is shown as text (\x01), not dropped.
    EXPECT_STREQ(p->doc.child("testsuites").child("testsuite").attribute("name").value(), "a\\x01<b>.xml");
}

}  // namespace
}  // namespace ahaki::test
