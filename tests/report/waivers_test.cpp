// Waivers: the strict reader, matching, expiry, and what a waived finding does to the verdict.
#include <gtest/gtest.h>

#include "engine/waivers.hpp"
#include "report/run_fixture.hpp"
#include "xml/waiver_reader.hpp"

namespace ahaki::test {
namespace {

std::string doc(const std::string& body) {
    return "<?xml version=\"1.0\"?>\n<waivers xmlns=\"urn:ahaki-check:waivers:1\">\n" + body + "</waivers>\n";
}
const std::string good =
    "  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" reason=\"ok\" expires=\"2027-03-31\" approver=\"Y\"/>\n";

/// The only error of a waiver file, as "line:col en-message".
std::string only_error(const std::string& xml) {
    auto l = read_waivers("w.xml", xml);
    EXPECT_FALSE(l.set);
    if (l.errors.size() != 1) {
        ADD_FAILURE() << l.errors.size() << " errors";
        for (const auto& e : l.errors) ADD_FAILURE() << e.loc.line << ":" << e.loc.column << " " << e.message.en;
        return {};
    }
    const auto& e = l.errors[0];
    EXPECT_FALSE(e.message.ja.empty());
    return std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + " " + e.message.en;
}

TEST(WaiverReader, ReadsAWaiver) {
    auto l = read_waivers("dir/w.xml", doc(good));
    ASSERT_TRUE(l.set) << (l.errors.empty() ? "" : l.errors[0].message.en);
    ASSERT_EQ(l.set->waivers.size(), 1u);
    const auto& w = l.set->waivers[0];
    EXPECT_EQ(w.id, "W1");
    EXPECT_EQ(w.rule, "CUR-004");
    EXPECT_EQ(w.file, "a.xml");
    EXPECT_EQ(w.reason, "ok");
    EXPECT_EQ(w.expires, (Date{2027, 3, 31}));
    EXPECT_EQ(w.approver, "Y");
    EXPECT_EQ(w.loc.line, 3u);
    EXPECT_EQ(l.set->file, "dir/w.xml");
}

TEST(WaiverReader, UnknownRuleIsLocatedWithNearest) {
    auto e = only_error(doc("  <waiver id=\"W1\" rule=\"CUR-04\" file=\"a.xml\" reason=\"r\" expires=\"2027-03-31\"/>\n"));
    EXPECT_EQ(e.substr(0, 5), "3:25 ");  // the value of rule=
    EXPECT_NE(e.find("no rule 'CUR-04' (did you mean CUR-004?)"), std::string::npos) << e;
}

TEST(WaiverReader, ReasonAndExpiryAreRequired) {
    EXPECT_NE(only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" expires=\"2027-03-31\"/>\n")).find("reason"),
              std::string::npos);
    EXPECT_NE(only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" reason=\"r\"/>\n")).find("expires"),
              std::string::npos);
    EXPECT_NE(only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" reason=\" \" expires=\"2027-03-31\"/>\n"))
                  .find("empty"),
              std::string::npos);
}

TEST(WaiverReader, BadDateIsLocated) {
    auto e = only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" reason=\"r\" expires=\"2027-02-30\"/>\n"));
    EXPECT_EQ(e, "3:67 expires=\"2027-02-30\": this date does not exist");
}

TEST(WaiverReader, DuplicateIdUnknownAttributeWrongRoot) {
    EXPECT_NE(only_error(doc(good + good)).find("duplicate id 'W1'"), std::string::npos);
    EXPECT_NE(only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a.xml\" reason=\"r\" expires=\"2027-03-31\" expiry=\"x\"/>\n"))
                  .find("unknown attribute 'expiry'"),
              std::string::npos);
    EXPECT_EQ(only_error("<waivers><waiver/></waivers>"), "1:1 not a waiver file");
    EXPECT_NE(only_error(doc("  <waiverr/>\n")).find("unknown element <waiverr>"), std::string::npos);
    EXPECT_NE(only_error("<waivers").find("not well-formed"), std::string::npos);
    EXPECT_NE(only_error(doc("  <waiver id=\"W1\" rule=\"CUR-004\" file=\"a\\b.xml\" reason=\"r\" expires=\"2027-03-31\"/>\n"))
                  .find("backslash"),
              std::string::npos);
}

TEST(WaiverReader, EmptyListIsValid) {
    auto l = read_waivers("w.xml", doc(""));
    ASSERT_TRUE(l.set);
    EXPECT_TRUE(l.set->waivers.empty());
}

TEST(WaiverGlob, StarsQuestionMarksAndDoubleStars) {
    EXPECT_TRUE(glob_match("*.xml", "a.xml"));
    EXPECT_FALSE(glob_match("*.xml", "d/a.xml"));
    EXPECT_TRUE(glob_match("d/?.xml", "d/a.xml"));
    EXPECT_FALSE(glob_match("d/?.xml", "d/ab.xml"));
    EXPECT_TRUE(glob_match("**/a.xml", "a.xml"));
    EXPECT_TRUE(glob_match("**/a.xml", "x/y/a.xml"));
    EXPECT_TRUE(glob_match("curricula/**", "curricula/x/y.xml"));
    EXPECT_TRUE(glob_match("curricula/**/*.xml", "curricula/a.xml"));
    EXPECT_TRUE(glob_match("curricula/**/*.xml", "curricula/n/c/a.xml"));
    EXPECT_FALSE(glob_match("curricula/**/*.xml", "other/a.xml"));
    EXPECT_FALSE(glob_match("a.xml", "a.xmlx"));
    EXPECT_TRUE(glob_match("", ""));
}

TEST(WaiverMatch, FileByNameRelativeToWaiverFileOrAsGiven) {
    Waiver w;
    w.file = "a.xml";
    EXPECT_TRUE(waiver_file_matches(w, "ci/w.xml", "deep/dir/a.xml"));
    w.file = "curricula/a.xml";
    EXPECT_TRUE(waiver_file_matches(w, "w.xml", "./curricula/a.xml"));
    EXPECT_TRUE(waiver_file_matches(w, "/nowhere/w.xml", "curricula/a.xml"));  // as given
    w.file = "../curricula/a.xml";
    EXPECT_TRUE(waiver_file_matches(w, "ci/w.xml", "curricula/a.xml"));  // relative to ci/
    w.file = "curricula/b.xml";
    EXPECT_FALSE(waiver_file_matches(w, "w.xml", "curricula/a.xml"));
}

TEST(WaiverMatch, ElementIdAndPathPrefix) {
    Waiver w;
    w.element = "bio1";
    EXPECT_TRUE(waiver_element_matches(w, "/school/course[@id='day']/subject[@id='bio1']"));
    EXPECT_FALSE(waiver_element_matches(w, "/school/course[@id='day']/subject[@id='bio10']"));
    w.element.clear();
    w.path = "/school/course[@id='day']";
    EXPECT_TRUE(waiver_element_matches(w, "/school/course[@id='day']"));
    EXPECT_TRUE(waiver_element_matches(w, "/school/course[@id='day']/subject[@id='x']"));
    EXPECT_FALSE(waiver_element_matches(w, "/school/course[@id='day2']"));
}

struct Applied {
    RunReport run;
    WaiverSet set;
    WaiverApplication result;
};

Applied apply_one(Waiver w, Date today) {
    Applied a;
    a.run = make_run({report_for(school_variant(true, false, false), "curricula/a.xml")});
    a.set.file = "waivers.xml";
    a.set.waivers.push_back(std::move(w));
    a.result = apply_waivers(a.set, a.run.files, today);
    return a;
}

Waiver law_waiver() { return Waiver{"W1", "CUR-004", "a.xml", "h-law", "", "accepted", Date{2027, 3, 31}, "", Loc{3, 3, ""}}; }

TEST(WaiverApply, WaivedFindingStaysButNoLongerCounts) {
    auto a = apply_one(law_waiver(), Date{2027, 3, 31});  // the last day it applies
    const auto& f = a.run.files[0];
    auto fs = findings_of(f, "CUR-004");
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_EQ(fs[0]->waiver_id, "W1");
    EXPECT_EQ(fs[0]->waiver_reason, "accepted");
    EXPECT_EQ(f.counts()[0], 0u);
    EXPECT_EQ(f.verdict(), Verdict::partially_checked);  // curriculum only: the other sections are not checked
    EXPECT_EQ(a.result.waived, 1u);
    EXPECT_TRUE(a.result.notices.empty());
    // Text and JSON show it.
    EXPECT_NE(write_text(a.run, TextOptions{Lang::en, false, false}).find("(waived: accepted)"), std::string::npos);
    EXPECT_NE(write_text(a.run, TextOptions{Lang::en, false, false}).find("[1 waived]"), std::string::npos);
    EXPECT_NE(write_json(a.run, Lang::en).find("\"waiver\":{\"id\":\"W1\",\"reason\":\"accepted\"}"), std::string::npos);
}

TEST(WaiverApply, ExpiredTheDayAfterAndReported) {
    auto a = apply_one(law_waiver(), Date{2027, 4, 1});
    EXPECT_FALSE(findings_of(a.run.files[0], "CUR-004")[0]->waiver_reason);
    EXPECT_EQ(a.run.files[0].verdict(), Verdict::non_compliant);
    ASSERT_EQ(a.result.notices.size(), 1u);
    const auto& n = a.result.notices[0];
    EXPECT_EQ(n.problem, WaiverProblem::expired);
    EXPECT_EQ(n.would_match, 1u);
    EXPECT_EQ(n.message.en, "waiver W1 (CUR-004) expired on 2027-03-31 and no longer applies (the 1 finding(s) it covered count again)");
    EXPECT_EQ(n.message.ja, "免除 W1（CUR-004）は 2027-03-31 に期限切れのため適用しません（該当する指摘 1 件は通常どおり数えます）");
}

TEST(WaiverApply, UnmatchedIsReported) {
    Waiver w = law_waiver();
    w.element = "f-bio";  // no CUR-004 finding there
    auto a = apply_one(w, Date{2027, 1, 1});
    EXPECT_EQ(a.run.files[0].verdict(), Verdict::non_compliant);
    ASSERT_EQ(a.result.notices.size(), 1u);
    EXPECT_EQ(a.result.notices[0].problem, WaiverProblem::unmatched);
    EXPECT_EQ(a.result.notices[0].message.en, "waiver W1 (CUR-004, target a.xml) matches no finding");
}

TEST(WaiverApply, OtherRuleOrFileDoesNotMatch) {
    Waiver w = law_waiver();
    w.rule = "CUR-003";
    EXPECT_EQ(apply_one(w, Date{2027, 1, 1}).result.waived, 0u);
    w = law_waiver();
    w.file = "b.xml";
    EXPECT_EQ(apply_one(w, Date{2027, 1, 1}).result.waived, 0u);
}

TEST(WaiverApply, FilesThatCouldNotBeCheckedAreLeftAlone) {
    RunReport run = make_run({report_for("<school", "a.xml")});
    WaiverSet set;
    set.file = "w.xml";
    set.waivers.push_back(law_waiver());
    auto r = apply_waivers(set, run.files, Date{2027, 1, 1});
    EXPECT_EQ(run.files[0].verdict(), Verdict::invalid);
    ASSERT_EQ(r.notices.size(), 1u);
    EXPECT_EQ(r.notices[0].problem, WaiverProblem::unmatched);
}

TEST(WaiverDate, ParsesStrictly) {
    EXPECT_EQ(parse_date("2024-02-29"), (Date{2024, 2, 29}));
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2023-2-01"));
    EXPECT_FALSE(parse_date("２０２３-02-01"));
    EXPECT_TRUE(Date::valid(today_local().year, today_local().month, today_local().day));
}

}  // namespace
}  // namespace ahaki::test
