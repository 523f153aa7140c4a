// Bad input in the people sections: located load errors, exit 2.
#include <gtest/gtest.h>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"
#include "support/rule_cases.hpp"

namespace ahaki::test {
namespace {

std::string edited(const std::string& from, const std::string& to) { return replace_once(complete_hari_kyu(), from, to); }

/// The single load error of a file, as "line:column: message (expected)".
std::string load_error(const std::string& xml) {
    auto r = load_xml(xml);
    EXPECT_FALSE(r.school.has_value());
    if (r.errors.size() != 1) return "errors: " + std::to_string(r.errors.size());
    const auto& e = r.errors[0];
    return std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + ": " + e.message.en + " (" + e.expected.en + ")";
}

TEST(PeopleLoad, NonexistentDate) {
    EXPECT_EQ(load_error(edited("weekly-class-hours=\"2\" documents-verified=\"2025-09-01\"", "weekly-class-hours=\"2\" documents-verified=\"2027-02-30\"")),
              "191:104: documents-verified=\"2027-02-30\": this date does not exist (an existing date as YYYY-MM-DD (e.g. 2027-04-01))");
}

TEST(PeopleLoad, EndBeforeStart) {
    EXPECT_EQ(load_error(edited("employed-from=\"2010-04-01\"", "employed-from=\"2010-04-01\" employed-until=\"2010-03-31\"")),
              "126:139: employed-until=\"2010-03-31\": the end is before the start employed-from=\"2010-04-01\" (a date on or after 2010-04-01)");
}

TEST(PeopleLoad, VerifiedBeforeQualifiedLoads) {
    // A dated fact for TCH-013 (指導要領 14(1)) to judge, not an input error that leaves the file unchecked.
    auto r = load_xml(edited("<qualification code=\"physician\" date=\"1990-05-01\"", "<qualification code=\"physician\" date=\"2026-05-01\""));
    EXPECT_TRUE(r.school.has_value());
    EXPECT_TRUE(r.errors.empty());
}

TEST(PeopleLoad, TeachesUnknownSubject) {
    EXPECT_EQ(load_error(edited("<teaches subject=\"f-info\"/>", "<teaches subject=\"f-infox\"/>")),
              "207:7: subject=\"f-infox\" refers to no subject described in this file (the id of a <subject>)");
}

TEST(PeopleLoad, TeachesSomethingThatIsNotASubject) {
    EXPECT_EQ(load_error(edited("<teaches subject=\"f-info\"/>", "<teaches subject=\"day\"/>")),
              "207:7: subject=\"day\" is the id of a course, not a subject (the id of a <subject>)");
}

TEST(PeopleLoad, YearsInWords) {
    EXPECT_EQ(load_error(edited("years-teaching=\"25\"", "years-teaching=\"twenty-five\"")),
              "125:89: years-teaching=\"twenty-five\": not a number (a whole number from 0 to 70 in ASCII digits)");
    EXPECT_EQ(load_error(edited("post=\"assistant-professor\" years=\"3\"", "post=\"assistant-professor\" years=\"三\"")),
              "196:98: years=\"三\": not a number (a whole number from 0 to 70 in ASCII digits)");
}

TEST(PeopleLoad, IntakeForUnknownCourse) {
    EXPECT_EQ(load_error(edited("<intake course=\"day\"", "<intake course=\"night\"")),
              "225:5: course=\"night\" on <intake> refers to no course described in this file (the id of a <course>)");
}

TEST(PeopleLoad, UnknownCodesAndDuplicates) {
    EXPECT_EQ(load_error(edited("kind=\"incorporated-school\"", "kind=\"incorporated\"")),
              "96:18: kind=\"incorporated\": 'incorporated' is not a valid kind (did you mean 'incorporated-school'?) (one of: national, local-government, "
              "incorporated-school, social-welfare, public-interest-incorporated, general-incorporated, nonprofit, "
              "medical-corporation, for-profit-company, individual, other)");
    EXPECT_EQ(load_error(edited("<item code=\"location\" article=\"第2条\"/>", "<item code=\"name\" article=\"第2条\"/>")),
              "99:17: code=\"name\": the school-rules item name is listed twice (first at line 98) (one <item> per item)");
    EXPECT_EQ(load_error(edited("</teachers>", "</teachers><teachers/>")), "221:14: a second <teachers> (a single <teachers>)");
    EXPECT_EQ(load_error(edited("<teacher id=\"t-info\"", "<teacher id=\"t-english\"")).substr(0, 40), "205:5: duplicate id 't-english' (first d");
}

TEST(PeopleLoad, RequiredAttributes) {
    EXPECT_EQ(load_error(edited(" no-imprisonment=\"true\"", "")),
              "131:7: <head-declaration> is missing the required attribute 'no-imprisonment' (no-imprisonment=\"…\" (true or false))");
    EXPECT_EQ(load_error(edited("post=\"assistant-professor\" years=\"3\"", "years=\"3\"")),
              "196:7: <qualification> is missing the required attribute 'post' (post=\"…\" (the university post (professor, "
              "associate-professor, lecturer, assistant-professor, assistant)))");
}

TEST(PeopleLoad, BinaryExitsTwoWithLocation) {
    TempDir dir("people");
    std::string path = dir / "ahaki-bad-date.xml";
    {
        std::string xml = edited("documents-verified=\"2025-09-01\" employed-from", "documents-verified=\"2027-02-30\" employed-from");
        FILE* f = std::fopen(path.c_str(), "wb");
        std::fwrite(xml.data(), 1, xml.size(), f);
        std::fclose(f);
    }
    auto r = run_binary("check --lang en " + path);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE((r.out + r.err).find("ahaki-bad-date.xml:126:84: error: documents-verified=\"2027-02-30\": this date does not exist"),
              std::string::npos)
        << r.out << r.err;
}

}  // namespace
}  // namespace ahaki::test
