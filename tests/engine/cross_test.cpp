// Checks across submissions (engine/cross.cpp): XSB-001 and XSB-002.
#include <gtest/gtest.h>

#include "support/helpers.hpp"
#include "support/rule_cases.hpp"

namespace ahaki::test {
namespace {

std::string with_school_name(std::string xml, const std::string& name) {
    return replace_once(std::move(xml), "name=\"青葉鍼灸専門学校\"", "name=\"" + name + "\"");
}

TEST(CrossCheck, OneFileAddsNothing) {
    auto reports = check_together({complete_hari_kyu()}, standards());
    EXPECT_TRUE(outcomes_of(reports[0], "XSB-001").empty());
    EXPECT_TRUE(outcomes_of(reports[0], "XSB-002").empty());
}

TEST(CrossCheck, SameNumberFullTimeInTwoFilesIsAnErrorInEach) {
    auto reports = check_together({complete_hari_kyu(), with_school_name(complete_hari_kyu(), "別の学校")}, standards());
    for (std::size_t i = 0; i < 2; ++i) {
        auto f = findings_of(reports[i], "XSB-001");
        ASSERT_EQ(f.size(), 4u) << i;  // the four full-time teachers, each once
        EXPECT_EQ(f[0]->severity, Severity::error);
        EXPECT_EQ(f[0]->message.en, "the full-time teacher 田中一郎 (hari-licence 100001) is also a full-time teacher in case-" +
                                        std::to_string(2 - i) + ".xml; a teacher is full-time at one facility only");
        EXPECT_EQ(reports[i].verdict(), Verdict::non_compliant);
    }
}

TEST(CrossCheck, PartTimeInTheOtherFileIsAllowed) {
    std::string other = complete_hari_kyu();
    // The same four people, part-time at the other school.
    for (int i = 0; i < 4; ++i) other = replace_once(other, "employment=\"full-time\"", "employment=\"part-time\"");
    auto reports = check_together({complete_hari_kyu(), other}, standards());
    for (const auto& r : reports) {
        EXPECT_TRUE(findings_of(r, "XSB-001").empty());
        auto os = outcomes_of(r, "XSB-001");
        ASSERT_EQ(os.size(), 1u);
        EXPECT_EQ(os[0]->status, Status::compliant);
        EXPECT_EQ(os[0]->label.en, "full-time teachers checked against 1 other submissions");
    }
}

TEST(CrossCheck, NamesAtMostThreeOtherFiles) {
    std::vector<std::string> files(5, complete_hari_kyu());
    auto reports = check_together(files, standards());
    auto f = findings_of(reports[0], "XSB-002");
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(f[0]->message.en,
              "the clinical site \"さくら鍼灸治療院\" is also a clinical site of case-2.xml, case-3.xml, case-4.xml and 1 more; "
              "check that its capacity and supervision suffice for every school's practice");
    EXPECT_EQ(f[0]->severity, Severity::review);
}

TEST(CrossCheck, FilesThatDidNotLoadAreLeftOut) {
    auto reports = check_together({complete_hari_kyu(), "<broken"}, standards());
    EXPECT_TRUE(outcomes_of(reports[0], "XSB-001").empty());
}

TEST(CrossCheck, BinaryReportsBothFiles) {
    std::string dir = source_dir() + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools";
    auto r = run_binary("check --lang en --format json '" + dir + "'");
    EXPECT_EQ(r.exit_code, 1);
    std::size_t first = r.out.find("\"XSB-001\"");
    ASSERT_NE(first, std::string::npos);
    EXPECT_NE(r.out.find("a.xml; a teacher is full-time"), std::string::npos);
    EXPECT_NE(r.out.find("b.xml; a teacher is full-time"), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test
