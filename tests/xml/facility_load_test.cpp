// Bad input in the facility sections: located errors, exit 2.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

std::string complete_hk() { return read_file(source_dir() + "/curricula/complete/hari-kyu.xml"); }

/// Loads an edited complete example and returns its first error (or fails).
Diagnostic first_error(const std::string& from, const std::string& to) {
    LoadResult r = load_xml(replace_once(complete_hk(), from, to));
    EXPECT_FALSE(r.school.has_value());
    if (r.errors.empty()) {
        ADD_FAILURE() << "no load error for " << to;
        return {};
    }
    return r.errors.front();
}

TEST(FacilityLoad, CompleteExampleLoads) {
    LoadResult r = load_xml(complete_hk());
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message.ja;
    ASSERT_TRUE(r.school->premises && r.school->finance && r.school->records && r.school->procedure && r.school->equipment);
    EXPECT_EQ(r.school->records->books.size(), 16u);
    EXPECT_EQ((*r.school->sites)[1].details.supervisors.size(), 1u);
}

TEST(FacilityLoad, DateThatDoesNotExist) {
    Diagnostic d = first_error("opened=\"2023-04-01\"", "opened=\"2027-02-30\"");
    EXPECT_EQ(d.message.ja, "opened=\"2027-02-30\": 存在しない日付です");
    EXPECT_EQ(d.message.en, "opened=\"2027-02-30\": this date does not exist");
    EXPECT_EQ(d.loc.path, "/school/clinical-sites/site[@id='clinic-a']/@opened");
    EXPECT_GT(d.loc.line, 0u);
    EXPECT_FALSE(d.expected.ja.empty());
}

TEST(FacilityLoad, LeaseEndsBeforeItStarts) {
    Diagnostic d = first_error("ownership=\"owned\"", "ownership=\"leased\" lease-start=\"2020-04-01\" lease-end=\"2019-03-31\"");
    EXPECT_EQ(d.message.ja, "lease-end=\"2019-03-31\": lease-end が lease-start（2020-04-01）より前です");
    EXPECT_EQ(d.loc.path, "/school/premises/@lease-end");
}

TEST(FacilityLoad, PatientPeriodEndsBeforeItStarts) {
    Diagnostic d = first_error("from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-04-01\" to=\"2024-03-31\"");
    EXPECT_EQ(d.message.ja, "to=\"2024-03-31\": to が from（2024-04-01）より前です");
    EXPECT_EQ(d.loc.path, "/school/clinical-sites/site[@id='clinic-a']/patients/@to");
}

TEST(FacilityLoad, RetentionInWordsIsRefused) {
    Diagnostic d = first_error("kind=\"student-register\" retention-years=\"20\"", "kind=\"student-register\" retention-years=\"twenty years\"");
    EXPECT_EQ(d.message.ja, "retention-years=\"twenty years\": 数値ではありません");
    EXPECT_EQ(d.loc.path, "/school/records/record[7]/@retention-years");
    d = first_error("retention-years=\"5\" counted-from", "retention-years=\"5年\" counted-from");
    EXPECT_EQ(d.message.ja, "retention-years=\"5年\": 数値ではありません");
}

TEST(FacilityLoad, PlacementAtAnUndescribedSite) {
    Diagnostic d = first_error("<placement site=\"clinic-b\" units=\"1\"/>", "<placement site=\"clinic-c\" units=\"1\"/>");
    EXPECT_EQ(d.message.ja, "site=\"clinic-c\" の臨床実習施設がこのファイルにありません");
    EXPECT_EQ(d.loc.path, "/school/course[@id='day']/subject[@id='cp2']/placement[2]/@site");
}

TEST(FacilityLoad, FeeChangeOfAnUnknownFee) {
    Diagnostic d = first_error("fee-change fee=\"practice\"", "fee-change fee=\"books\"");
    EXPECT_EQ(d.message.ja, "fee=\"books\" の納付金が <finance> にありません");
}

TEST(FacilityLoad, RecordListedTwice) {
    Diagnostic d = first_error("<record kind=\"grades\" retention-years=\"5\"/>",
                               "<record kind=\"grades\" retention-years=\"5\"/><record kind=\"grades\" retention-years=\"7\"/>");
    EXPECT_NE(d.message.ja.find("同じ表簿が2回書かれています"), std::string::npos) << d.message.ja;
}

TEST(FacilityLoad, SecondSectionAndUnknownCodes) {
    Diagnostic d = first_error("<records>", "<records/><records>");
    EXPECT_EQ(d.message.ja, "<records> が2つあります");
    d = first_error("kind=\"grades\"", "kind=\"grade\"");
    EXPECT_NE(d.message.ja.find("もしかして: grades"), std::string::npos) << d.message.ja;
    d = first_error("label=\"planning\"", "label=\"設置計画中\"");
    EXPECT_NE(d.message.ja.find("label"), std::string::npos);
}

TEST(FacilityLoad, AcceptedBeforeSubmitted) {
    Diagnostic d = first_error("plan-accepted=\"2025-04-15\"", "plan-accepted=\"2025-03-30\"");
    EXPECT_EQ(d.message.ja, "plan-accepted=\"2025-03-30\": plan-accepted が plan-submitted（2025-03-31）より前です");
}

TEST(FacilityLoad, BinaryExitsTwoWithFileLineColumn) {
    TempDir dir("facility");
    std::string path = dir / "ahaki-bad-date.xml";
    {
        std::ofstream out(path, std::ios::binary);
        out << replace_once(complete_hk(), "planned-start=\"2026-04-01\"", "planned-start=\"2027-02-30\"");
    }
    RunResult r = run_binary("check --lang en " + path);
    EXPECT_EQ(r.exit_code, 2);
    std::string all = r.out + r.err;
    EXPECT_NE(all.find(path + ":"), std::string::npos) << all;
    EXPECT_NE(all.find("planned-start=\"2027-02-30\": this date does not exist"), std::string::npos) << all;
}

}  // namespace
}  // namespace ahaki::test
