// Facility rules beyond the catalogue: absent sections, review findings, applicability.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "rules/catalogue_b.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

std::string complete(const char* name) { return read_file(source_dir() + "/curricula/complete/" + name); }

bool has_status(const FileReport& r, std::string_view rule, Status s) {
    for (const auto* o : outcomes_of(r, rule))
        if (o->status == s) return true;
    return false;
}

TEST(FacilityRules, CurriculumOnlyFileReportsTheSectionsAsNotChecked) {
    FileReport r = check_xml(compliant_hari_kyu());
    ASSERT_TRUE(r.errors.empty());
    for (const char* id : {"SIT-004", "PRM-001", "PRM-004", "EQP-001", "FIN-001", "REC-003", "REC-008", "ADV-001", "ADV-002", "AUT-001"}) {
        EXPECT_TRUE(has_status(r, id, Status::not_checked)) << id;
        EXPECT_TRUE(findings_of(r, id).empty()) << id;
    }
    // With --complete the absence is an error.
    FileReport c = check_xml(compliant_hari_kyu(), CheckOptions{true});
    auto f = findings_of(c, "PRM-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::error);
    EXPECT_EQ(f[0]->message.ja, "校舎（premises）が記載されていないため確認できません（完全な申請として確認: --complete）");
}

TEST(FacilityRules, CompleteExamplesHaveNoErrorsAndOnlyTheEquipmentReview) {
    for (const char* name : {"hari-kyu.xml", "anma-hari-kyu.xml"}) {
        FileReport r = check_xml(complete(name), CheckOptions{true});
        ASSERT_TRUE(r.errors.empty()) << name;
        auto counts = r.counts();
        EXPECT_EQ(counts[0], 0u) << name;
        auto eq = findings_of(r, "EQP-001");
        ASSERT_EQ(eq.size(), 1u) << name;
        EXPECT_EQ(eq[0]->severity, Severity::review);
        EXPECT_EQ(eq[0]->message.ja,
                  "備品の基準（指導要領 10(7) 別表）が基準データにないため確認できません: 備品目録（5品目）を別表と照合してください");
    }
}

TEST(FacilityRules, AuthorityIsNamedEvenWithoutAProcedure) {
    FileReport r = check_xml(compliant_hari_kyu());
    auto o = outcomes_of(r, "AUT-001");
    ASSERT_EQ(o.size(), 1u);
    EXPECT_EQ(o[0]->label.ja, "認定者: 都道府県知事");
    FileReport a = check_xml(replace_once(compliant_hari_kyu(), "type=\"hari-kyu\"", "type=\"anma-hari-kyu\""));
    auto oa = outcomes_of(a, "AUT-001");
    ASSERT_EQ(oa.size(), 1u);
    EXPECT_EQ(oa[0]->label.ja, "認定者: 厚生労働大臣（都道府県知事を経由）");
}

TEST(FacilityRules, AnmaOnlyClausesAreNotApplicableToHariKyu) {
    FileReport r = check_xml(complete("hari-kyu.xml"));
    // The reading of each clause is data (procedure-applies-to); §3 and §11(4) name no type, so
    // their reading is marked ASSUMED.
    const std::pair<const char*, const char*> expected[] = {
        {"PRC-001", "指導要領 2(1)"}, {"PRC-002", "指導要領 2(2)"}, {"PRC-003", "指導要領 3（仮定 ASSUMED）"},
        {"PRC-004", "指導要領 11(4)（仮定 ASSUMED）"}, {"FIN-004", "指導要領 11(4)（仮定 ASSUMED）"}, {"OPN-001", "通知 記2"}};
    for (const auto& [id, clause] : expected) {
        auto o = outcomes_of(r, id);
        ASSERT_EQ(o.size(), 1u) << id;
        EXPECT_EQ(o[0]->status, Status::compliant) << id;
        EXPECT_EQ(o[0]->basis, Basis::computed) << id;
        EXPECT_EQ(o[0]->measured.text.ja,
                  std::string("対象外（はり師きゅう師養成施設は都道府県知事の認定。") + clause + " は厚生労働大臣が認定する種類についての定め）")
            << id;
    }
}

TEST(FacilityRules, YearsOpenCountFromTheIntakeWithoutAPlannedStart) {
    std::string xml = replace_once(complete("hari-kyu.xml"), "planned-start=\"2026-04-01\"", "");
    xml = replace_once(xml, "opened=\"2023-04-01\"", "opened=\"2023-04-02\"");
    FileReport report = check_xml(xml);
    auto f = findings_of(report, "SIT-004");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message.ja,
              "さくら鍼灸治療院: 開業実績4年（開設 2023-04-02、臨床実習Ⅱ（3年次）の開始 2028-04-01 まで）（必要: 実習を行う時点で5年以上、指導要領 9(4)イ）");
}

TEST(FacilityRules, MissingSiteDetailIsNotCheckedThenAnErrorWithComplete) {
    std::string xml = replace_once(complete("hari-kyu.xml"), " attainment-goals=\"true\"", "");
    FileReport r = check_xml(xml);
    EXPECT_TRUE(has_status(r, "SIT-003", Status::not_checked));
    FileReport c = check_xml(xml, CheckOptions{true});
    EXPECT_EQ(findings_of(c, "SIT-003").size(), 1u);
}

TEST(FacilityRules, LeaseIsAReviewWhileTheLongTermYearsAreUnknown) {
    // Boundary: a lease that ends on the day the first cohort finishes its 3 years does not end before it.
    std::string xml = replace_once(complete("hari-kyu.xml"), "ownership=\"owned\"",
                                   "ownership=\"leased\" lease-start=\"2016-04-01\" lease-end=\"2029-03-31\"");
    FileReport report = check_xml(xml);
    auto f = findings_of(report, "PRM-005");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::review);
    EXPECT_EQ(f[0]->message.ja,
              "校舎は賃貸借（2016-04-01〜2029-03-31、13年）: 確実かつ長期にわたる契約か、賃貸借契約書で確認してください（年数の基準なし、指導要領 10(5)）");
}

TEST(FacilityRules, SoundFinancesWithoutEvidenceIsAReview) {
    std::string xml = replace_once(complete("hari-kyu.xml"), " evidence=\"2024年度決算書・貸借対照表、5か年資金計画\"", "");
    FileReport report = check_xml(xml);
    auto f = findings_of(report, "FIN-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::review);
}

TEST(FacilityRules, PracticeRoomMinimumForOtherTypesIsDerived) {
    std::string xml = replace_once(complete("hari-kyu.xml"),
                                   "    <practice-room id=\"room-1\" name=\"実技室（はり・きゅう）\" water=\"true\" hot-water=\"true\" group-layout=\"true\"/>\n", "");
    FileReport report = check_xml(xml);
    auto f = findings_of(report, "PRM-004");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message.ja, "実習室: 0室（必要: 1室以上、指導要領 10(2)(3)（仮定 ASSUMED））");
    EXPECT_FALSE(f[0]->notes.empty());
}

TEST(FacilityRules, StandardWithoutTheEquipmentListIsRefused) {
    std::string s = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    auto at = s.find("<list key=\"equipment\"");
    ASSERT_NE(at, std::string::npos);
    s.erase(at, s.find("/>", at) + 2 - at);
    TempDir dir("no-list");
    std::string path = dir / "standard.xml";
    {
        std::ofstream(path, std::ios::binary) << s;
    }
    RunResult r = run_binary("check --lang en --standard " + path + " " + source_dir() + "/curricula/complete/hari-kyu.xml");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE((r.out + r.err).find("missing list: equipment"), std::string::npos) << r.out << r.err;
}

TEST(FacilityRules, EquipmentInventoryIsCheckedOnceTheListIsFilledIn) {
    TempDir dir("with-list");
    std::string path = dir / "standard.xml";
    {
        std::ofstream(path, std::ios::binary) << standard_with_equipment_list();
    }
    std::string file = source_dir() + "/curricula/complete/hari-kyu.xml";
    RunResult ok = run_binary("check --complete --format json --standard " + path + " " + file);
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(ok.out.find("EQP-001\",\"severity"), std::string::npos);
    std::string bad = dir / "few-beds.xml";
    {
        std::ofstream(bad, std::ios::binary) << replace_once(read_file(file), "quantity=\"30\"", "quantity=\"3\"");
    }
    RunResult r = run_binary("check --complete --lang en --standard " + path + " " + bad);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("equipment of 別表 missing or short: treatment bed (3 of 20) (指導要領 10(7) 別表)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ahaki::test
