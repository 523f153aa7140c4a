// Checks across submissions (engine/cross.cpp, --cross-check): XSB-001..XSB-004.
#include <gtest/gtest.h>

#include "support/helpers.hpp"
#include "support/rule_cases.hpp"

namespace ahaki::test {
namespace {

std::string with_school_name(std::string xml, const std::string& name) {
    return replace_once(std::move(xml), "name=\"青葉鍼灸専門学校\"", "name=\"" + name + "\"");
}
std::string other_school() { return with_school_name(complete_hari_kyu(), "みなと鍼灸専門学校"); }

/// Another school whose full-time teachers other than 佐藤花子 (t-director) are other people
/// (other names and licence numbers), so that a test is about her alone.
std::string other_people(std::string xml) {
    for (const char* id : {"t-head", "t-practice", "t-clinic"})
        xml = replace_once(xml, std::string("<teacher id=\"") + id + "\" name=\"", std::string("<teacher id=\"") + id + "\" name=\"別人");
    for (const char* n : {"100001", "100002", "100005", "100006", "100007", "100008"})
        xml = replace_once(xml, std::string("number=\"") + n + "\"", std::string("number=\"8") + (n + 1) + "\"");
    return xml;
}

std::string director_attrs(std::string xml, const std::string& attrs) {
    return replace_once(std::move(xml), "<teacher id=\"t-director\" name=\"佐藤花子\"", "<teacher id=\"t-director\" name=\"佐藤花子\" " + attrs);
}

std::vector<std::string> rules_of(const FileReport& r, const std::string& rule, Status s) {
    std::vector<std::string> out;
    for (const auto* o : outcomes_of(r, rule))
        if (o->status == s) out.push_back(o->scope);
    return out;
}

TEST(CrossCheck, WithoutTheOptionTheRequirementsAreNotChecked) {
    FileReport r = check_xml(complete_hari_kyu(), CheckOptions{true});  // even with --complete: not an error
    for (const char* id : {"XSB-001", "XSB-002", "XSB-003", "XSB-004"}) {
        auto os = outcomes_of(r, id);
        ASSERT_EQ(os.size(), 1u) << id;
        EXPECT_EQ(os[0]->status, Status::not_checked) << id;
        EXPECT_TRUE(os[0]->findings.empty()) << id;
        EXPECT_EQ(os[0]->measured.text.en, "not compared with other submissions (check several submissions with --cross-check)");
        EXPECT_EQ(os[0]->measured.text.ja, "他の申請と照合していません（複数の申請を --cross-check で確認すると照合します）");
    }
}

TEST(CrossCheck, OneFileHasNothingToCompareWith) {
    auto reports = check_together({complete_hari_kyu()}, standards());
    for (const char* id : {"XSB-001", "XSB-002", "XSB-003", "XSB-004"}) {
        auto os = outcomes_of(reports[0], id);
        ASSERT_FALSE(os.empty()) << id;
        EXPECT_EQ(os[0]->status, Status::not_checked) << id;
        EXPECT_TRUE(findings_of(reports[0], id).empty()) << id;
    }
    EXPECT_EQ(outcomes_of(reports[0], "XSB-001")[0]->measured.text.en, "no other submission to compare with (none)");
}

TEST(CrossCheck, SameNumberFullTimeInTwoFilesIsAnErrorInEach) {
    auto reports = check_together({complete_hari_kyu(), other_school()}, standards());
    for (std::size_t i = 0; i < 2; ++i) {
        auto f = findings_of(reports[i], "XSB-001");
        ASSERT_EQ(f.size(), 4u) << i;  // the four full-time teachers, each once
        EXPECT_EQ(f[0]->severity, Severity::error);
        EXPECT_EQ(f[0]->message.en, "the full-time teacher 田中一郎 (hari-licence 100001) is also a full-time teacher in case-" +
                                        std::to_string(2 - i) + ".xml; a teacher is full-time at one facility only");
        EXPECT_EQ(f[0]->message.ja, "専任の教員 田中一郎（はり師免許 100001）は case-" + std::to_string(2 - i) +
                                        ".xml でも専任教員です（雇用期間 2010-04-01〜… が重なります）。専任教員は1つの養成施設に限ります");
        EXPECT_EQ(reports[i].verdict(), Verdict::non_compliant);
        // The report says what it was compared with.
        auto summary = outcomes_of(reports[i], "XSB-001")[0];
        EXPECT_EQ(summary->label.en, "full-time teachers checked against 1 other submissions");
        EXPECT_EQ(summary->measured.text.en, "compared with: case-" + std::to_string(2 - i) + ".xml");
    }
}

// NFKC-like folding: full-width digits, 第…号, spaces and zero-width characters name the same licence.
TEST(CrossCheck, LicenceNumbersAreNormalised) {
    for (const char* written : {"第１００００３号", "100 003", "100\xE2\x80\x8B" "003", "No.100003"}) {
        std::string b = replace_once(other_people(other_school()), "number=\"100003\"", std::string("number=\"") + written + "\"");
        b = replace_once(b, "number=\"100004\"", "number=\"900004\"");
        auto reports = check_together({complete_hari_kyu(), b}, standards());
        auto f = findings_of(reports[0], "XSB-001");
        ASSERT_EQ(f.size(), 1u) << written;
        EXPECT_EQ(f[0]->severity, Severity::error) << written;
        EXPECT_EQ(f[0]->message.en, "the full-time teacher 佐藤花子 (hari-licence 100003) is also a full-time teacher in case-2.xml; a "
                                    "teacher is full-time at one facility only");
    }
    // Another number is another licence; the same number of another kind is another licence too.
    std::string b = replace_once(replace_once(other_people(other_school()), "number=\"100003\"", "number=\"100033\""), "number=\"100004\"",
                                 "number=\"900004\"");
    b = replace_once(b, "<teacher id=\"t-director\" name=\"佐藤花子\"", "<teacher id=\"t-director\" name=\"佐藤春子\"");
    auto reports = check_together({complete_hari_kyu(), b}, standards());
    EXPECT_TRUE(findings_of(reports[0], "XSB-001").empty());
}

// 専任 posts conflict only when the employment periods overlap (both ends inclusive).
TEST(CrossCheck, EmploymentPeriodsAtTheBoundary) {
    std::string a = director_attrs(complete_hari_kyu(), "employed-from=\"2015-04-01\" employed-until=\"2020-03-31\"");
    std::string apart = director_attrs(other_people(other_school()), "employed-from=\"2020-04-01\"");
    std::string touching = director_attrs(other_people(other_school()), "employed-from=\"2020-03-31\"");
    auto ok = check_together({a, apart}, standards());
    auto f = findings_of(ok[0], "XSB-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::info);
    EXPECT_EQ(f[0]->message.en,
              "the teacher 佐藤花子 (hari-licence 100003) is also described in case-2.xml（2020-04-01〜…）, but the employment periods "
              "(2015-04-01〜2020-03-31) do not overlap: not a second post");
    // (School A's director left in 2020, before its classes start: the school's own staffing rules say so, not XSB-001.)
    for (const Finding* x : findings_of(ok[0], "XSB-001")) EXPECT_NE(x->severity, Severity::error);
    auto bad = check_together({a, touching}, standards());
    auto e = findings_of(bad[0], "XSB-001");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0]->severity, Severity::error);
}

TEST(CrossCheck, SameNameAndBirthDateWithOtherNumbersIsPossiblyTheSamePerson) {
    std::string a = director_attrs(complete_hari_kyu(), "birth-date=\"1972-06-15\"");
    std::string b = replace_once(replace_once(other_people(other_school()), "number=\"100003\"", "number=\"700003\""), "number=\"100004\"",
                                 "number=\"700004\"");
    b = replace_once(b, "<teacher id=\"t-director\" name=\"佐藤花子\"", "<teacher id=\"t-director\" name=\"佐藤　花子\" birth-date=\"1972-06-15\"");
    auto reports = check_together({a, b}, standards());
    auto f = findings_of(reports[0], "XSB-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::review);
    EXPECT_EQ(f[0]->message.en,
              "a full-time teacher named 佐藤花子 is also full-time in case-2.xml (same name and date of birth, other licence numbers): "
              "possibly the same person; check the licences");
    EXPECT_EQ(f[0]->message.ja,
              "専任の教員 佐藤花子 と同じ氏名の専任教員が case-2.xml にいます（氏名と生年月日が同じで免許番号が異なります）。同一人物の可能性があるため、"
              "免許証で確認してください");
    // Other birth dates: two people.
    auto two = check_together({a, replace_once(b, "birth-date=\"1972-06-15\"", "birth-date=\"1980-01-01\"")}, standards());
    EXPECT_TRUE(findings_of(two[0], "XSB-001").empty());
    // No birth date on one side: the name alone is a review.
    auto name_only = check_together({a, replace_once(b, " birth-date=\"1972-06-15\"", "")}, standards());
    auto n = findings_of(name_only[0], "XSB-001");
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0]->message.en,
              "a full-time teacher named 佐藤花子 is also full-time in case-2.xml (same name, other or no licence numbers (no date of birth "
              "tells them apart)): possibly the same person; check the licences");
}

// 6(6) across submissions: 専任 here, part-time at another school.
TEST(CrossCheck, FullTimeHerePartTimeElsewhereIsXsb003) {
    std::string b = replace_once(other_people(other_school()), "<teacher id=\"t-director\" name=\"佐藤花子\" employment=\"full-time\"",
                                 "<teacher id=\"t-director\" name=\"佐藤花子\" employment=\"part-time\"");
    auto reports = check_together({complete_hari_kyu(), b}, standards());
    EXPECT_TRUE(findings_of(reports[0], "XSB-001").empty());
    auto f = findings_of(reports[0], "XSB-003");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::review);
    EXPECT_EQ(f[0]->message.en,
              "the full-time teacher 佐藤花子 (hari-licence 100003) is described as a part-time teacher in case-2.xml in an overlapping "
              "period; a full-time teacher works principally at this facility: check the actual duties");
    EXPECT_TRUE(findings_of(reports[1], "XSB-003").empty());  // the part-time side is not the one bound by 6(6)
}

TEST(CrossCheck, SitesAreIdentifiedByRegistrationOrAddressNotByName) {
    // Same names, other addresses and registrations: other sites.
    std::string b = other_school();
    b = replace_once(b, "address=\"宮城県仙台市青葉区一番町4-5-6\" registration=\"宮城県施術所開設届 第2021-042号\"",
                     "address=\"宮城県石巻市中央1-1-1\" registration=\"宮城県施術所開設届 第2019-001号\"");
    auto reports = check_together({complete_hari_kyu(), b}, standards());
    for (const auto* f : findings_of(reports[0], "XSB-002")) EXPECT_EQ(f->message.en.find("さくら鍼灸治療院"), std::string::npos) << f->message.en;
    // The same address written another way (full-width digits, 丁目/番/号), another name and no registration: the same site.
    std::string c = replace_once(other_school(), "name=\"さくら鍼灸治療院\"", "name=\"さくら治療院\"");
    c = replace_once(c, "address=\"宮城県仙台市青葉区一番町4-5-6\" registration=\"宮城県施術所開設届 第2021-042号\"",
                     "address=\"宮城県 仙台市青葉区一番町四丁目５番６号\"");
    auto same = check_together({complete_hari_kyu(), c}, standards());
    bool found = false;
    for (const auto* f : findings_of(same[0], "XSB-002"))
        if (f->message.en == "the clinical site \"さくら鍼灸治療院\" is also a clinical site of case-2.xml (same address); check that its "
                             "capacity and supervision suffice for every school's practice")
            found = true;
    EXPECT_TRUE(found);
}

TEST(CrossCheck, SiteWithoutRegistrationOrAddressIsNotChecked) {
    std::string a = replace_once(complete_hari_kyu(), "address=\"宮城県仙台市青葉区一番町4-5-6\" registration=\"宮城県施術所開設届 第2021-042号\"", "");
    auto reports = check_together({a, other_school()}, standards());
    auto scopes = rules_of(reports[0], "XSB-002", Status::not_checked);
    EXPECT_NE(std::find(scopes.begin(), scopes.end(), "site=clinic-a across-files"), scopes.end());
    auto before = rules_of(check_together({complete_hari_kyu(), other_school()}, standards())[0], "XSB-002", Status::not_checked);
    EXPECT_EQ(scopes.size(), before.size() + 1);
}

TEST(CrossCheck, SameFileTwiceIsSaidNotReported) {
    auto reports = check_together({complete_hari_kyu(), complete_hari_kyu()}, standards());
    for (const auto& r : reports) {
        for (const char* id : {"XSB-001", "XSB-002", "XSB-003"}) {
            for (const auto* f : findings_of(r, id)) ADD_FAILURE() << id << ": " << f->message.en;
        }
        auto f = findings_of(r, "XSB-004");
        ASSERT_EQ(f.size(), 1u);
        EXPECT_EQ(f[0]->severity, Severity::info);
    }
    EXPECT_EQ(findings_of(reports[0], "XSB-004")[0]->message.en,
              "this file has the same content as case-2.xml (the same file given twice); they are not compared with each other");
}

TEST(CrossCheck, ResubmissionOfTheSameSchoolIsSaidNotReported) {
    // The same school (name written with a full-width space) corrected and resubmitted.
    std::string v2 = replace_once(with_school_name(complete_hari_kyu(), "青葉鍼灸　専門学校"), "weekly-class-hours=\"14\"", "weekly-class-hours=\"13\"");
    auto reports = check_together({complete_hari_kyu(), v2}, standards());
    EXPECT_TRUE(findings_of(reports[0], "XSB-001").empty());
    auto f = findings_of(reports[0], "XSB-004");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->message.en,
              "case-2.xml is another version of the same school (\"青葉鍼灸専門学校\", same type): a resubmission; they are not compared with "
              "each other");
    // A third school is compared with both versions.
    auto three = check_together({complete_hari_kyu(), v2, other_school()}, standards());
    EXPECT_EQ(outcomes_of(three[2], "XSB-001")[0]->measured.text.en, "compared with: case-1.xml, case-2.xml");
}

// 6(5) second sentence across submissions: two accreditations of one facility.
TEST(CrossCheck, OneFacilityWithSeveralTypes) {
    const std::string facility_hk = "<one-facility name=\"青葉医療学院\"><accreditation id=\"acc-anma\" type=\"anma\"/></one-facility>\n  <course ";
    const std::string facility_anma = "<one-facility name=\"青葉医療学院\"><accreditation id=\"acc-hk\" type=\"hari-kyu\"/></one-facility>\n  <course ";
    std::string a = replace_once(complete_hari_kyu(), "<course ", facility_hk);
    std::string b = replace_once(replace_once(other_people(other_school()), "type=\"hari-kyu\">", "type=\"anma\">"), "<course ", facility_anma);
    auto reports = check_together({a, b}, standards());
    ASSERT_TRUE(reports[0].errors.empty());
    auto f = findings_of(reports[0], "XSB-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::info);
    EXPECT_EQ(f[0]->message.en,
              "the full-time teacher 佐藤花子 (hari-licence 100003) is also full-time in case-2.xml, another accreditation of the same "
              "facility (one-facility): it counts as one facility, so this is allowed (指導要領 6(5) second sentence)");
    // Only one side claims it: two facilities.
    auto one_sided = check_together({a, replace_once(other_people(other_school()), "type=\"hari-kyu\">", "type=\"anma\">")}, standards());
    auto e = findings_of(one_sided[0], "XSB-001");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0]->severity, Severity::error);
}

TEST(CrossCheck, FilesThatDidNotLoadAreLeftOut) {
    auto reports = check_together({complete_hari_kyu(), "<broken"}, standards());
    auto os = outcomes_of(reports[0], "XSB-001");
    ASSERT_FALSE(os.empty());
    EXPECT_EQ(os[0]->status, Status::not_checked);
}

TEST(CrossCheck, BinaryReportsBothFilesOnlyWithTheOption) {
    std::string dir = source_dir() + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools";
    auto r = run_binary("check --lang en --cross-check --format json '" + dir + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("a.xml; a teacher is full-time"), std::string::npos);
    EXPECT_NE(r.out.find("b.xml; a teacher is full-time"), std::string::npos);
    auto without = run_binary("check --lang en --format json '" + dir + "'");
    EXPECT_EQ(without.out.find("a teacher is full-time at one facility only"), std::string::npos);
    EXPECT_NE(without.out.find("not compared with other submissions (check several submissions with --cross-check)"), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test
