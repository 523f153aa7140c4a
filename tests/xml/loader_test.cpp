// The loader: every bad input gets a located message saying what is wrong and
// what was expected; nothing bad is loaded silently.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

const std::string head = R"(<school xmlns="urn:ahaki-check:school:1" name="校" type="hari-kyu">)";

std::string with_subject(const std::string& attrs) {
    return head + "\n<course id=\"c\" schedule=\"day\" years=\"3\">\n<subject " + attrs + "/>\n</course></school>";
}
const std::string good_subject = R"(id="s1" name="解剖学" area="foundations" method="lecture" units="2" hours="30")";

Diagnostic only_error(const LoadResult& r) {
    EXPECT_FALSE(r.school);
    EXPECT_EQ(r.errors.size(), 1u);
    return r.errors.empty() ? Diagnostic{} : r.errors.front();
}

TEST(Loader, GoodMinimalFileLoads) {
    auto r = load_xml(with_subject(good_subject));
    ASSERT_TRUE(r.school) << r.errors.front().message.en;
    ASSERT_EQ(r.school->courses.size(), 1u);
    EXPECT_EQ(r.school->courses[0].subjects[0].units.str(), "2");
    EXPECT_EQ(r.school->courses[0].subjects[0].loc.line, 3u);
    EXPECT_EQ(r.school->courses[0].subjects[0].loc.column, 1u);
    EXPECT_EQ(r.school->courses[0].subjects[0].loc.path, "/school/course[@id='c']/subject[@id='s1']");
}

TEST(Loader, MalformedXmlIsLocated) {
    auto d = only_error(load_xml(head + "\n<course id=\"c\" schedule=\"day\" years=\"3\">\n</school>"));
    EXPECT_EQ(d.loc.line, 3u);
    EXPECT_EQ(d.message.ja, "XMLとして読めません: 終了タグが開始タグと対応していません（または閉じられていない要素があります）");
    EXPECT_EQ(d.message.en, "not well-formed XML: end tag does not match the start tag (or an element is not closed)");
}

TEST(Loader, WrongRootAndNamespace) {
    auto root = only_error(load_xml(R"(<schule xmlns="urn:ahaki-check:school:1"/>)"));
    EXPECT_EQ(root.message.en, "the root element is <schule>");
    EXPECT_EQ(root.expected.en, "a <school> element in the namespace urn:ahaki-check:school:1");
    auto none = only_error(load_xml(R"(<school name="x" type="hari"/>)"));
    EXPECT_EQ(none.message.en, "<school> has no namespace (add xmlns=\"urn:ahaki-check:school:1\")");
    auto wrong = only_error(load_xml(R"(<school xmlns="urn:other" name="x" type="hari"/>)"));
    EXPECT_EQ(wrong.message.en, "<school> is in the wrong namespace urn:other");
    EXPECT_EQ(wrong.loc.line, 1u);
    EXPECT_EQ(wrong.loc.column, 1u);
}

TEST(Loader, MissingRequiredAttribute) {
    auto d = only_error(load_xml(with_subject(R"(id="s1" name="解剖学" area="foundations" method="lecture" hours="30")")));
    EXPECT_EQ(d.loc.line, 3u);
    EXPECT_EQ(d.message.ja, "<subject> に必須の属性 units がありません");
    EXPECT_EQ(d.message.en, "<subject> is missing the required attribute 'units'");
    EXPECT_EQ(d.expected.en,
              "units=\"…\" (a non-negative decimal in ASCII digits with '.' for decimals, at most 3 decimals (e.g. 3, 1.5))");
}

struct BadNumber {
    std::string value;
    std::string message_en;
};

TEST(Loader, BadNumbersAreRejectedWithTheReason) {
    const std::vector<BadNumber> cases = {
        {"abc", "units=\"abc\": not a number"},
        {"-2", "units=\"-2\": negative numbers are not allowed"},
        {"NaN", "units=\"NaN\": not a number (NaN)"},
        {"1,5", "units=\"1,5\": commas are not allowed (no thousands separators; use '.' for decimals)"},
        {"1e2", "units=\"1e2\": exponent notation is not allowed"},
        {"２", "units=\"２\": full-width digits are not allowed"},
        {"99999999999999999999", "units=\"99999999999999999999\": too large (at most 999)"},
        {"1000", "units=\"1000\": too large (at most 999)"},
        {"1.2345", "units=\"1.2345\": at most 3 decimals are allowed"},
        {"", "units=\"\": the value is empty"},
        {"1.", "units=\"1.\": not a number"},
    };
    for (const auto& c : cases) {
        auto r = load_xml(with_subject(R"(id="s1" name="解剖学" area="foundations" method="lecture" units=")" + c.value + R"(" hours="30")"));
        ASSERT_EQ(r.errors.size(), 1u) << c.value;
        EXPECT_EQ(r.errors[0].message.en, c.message_en);
        EXPECT_EQ(r.errors[0].loc.line, 3u);
        // The column points at the value itself.
        EXPECT_EQ(r.errors[0].loc.column, c.value.empty() ? 65u : 72u) << c.value;  // empty: the attribute's name
        EXPECT_EQ(r.errors[0].loc.path, "/school/course[@id='c']/subject[@id='s1']/@units");
        EXPECT_FALSE(r.school);
    }
}

TEST(Loader, UnknownCodesGiveAllowedValuesAndNearest) {
    auto r = load_xml(with_subject(R"(id="s1" name="解剖学" area="foundation" method="lecture" units="2" hours="30")"));
    auto d = only_error(r);
    EXPECT_EQ(d.message.en, "area=\"foundation\": 'foundation' is not a valid area (did you mean 'foundations'?)");
    EXPECT_EQ(d.message.ja, "area=\"foundation\": area に 'foundation' は使えません（もしかして: foundations）");
    EXPECT_NE(d.expected.en.find("one of: foundations, body-structure-function"), std::string::npos);
    auto t = only_error(load_xml(R"(<school xmlns="urn:ahaki-check:school:1" name="x" type="harikyu"><course id="c" schedule="day" years="3"/></school>)"));
    EXPECT_EQ(t.message.en, "type=\"harikyu\": 'harikyu' is not a valid type (did you mean 'hari-kyu'?)");
    auto m = only_error(load_xml(with_subject(R"(id="s1" name="解剖学" area="foundations" method="lectures" units="2" hours="30")")));
    EXPECT_EQ(m.message.en, "method=\"lectures\": 'lectures' is not a valid method (did you mean 'lecture'?)");
}

TEST(Loader, UnknownElementsAndAttributesInTheNamespace) {
    auto a = only_error(load_xml(with_subject(good_subject + R"( unit="2")")));
    EXPECT_EQ(a.message.en, "unknown attribute 'unit' on <subject> (did you mean 'units'?)");
    EXPECT_EQ(a.loc.column, 86u);
    auto e = only_error(load_xml(head + R"(<course id="c" schedule="day" years="3"><subjet/></course></school>)"));
    EXPECT_EQ(e.message.en, "unknown element <subjet> inside <course> (did you mean <subject>?)");
}

TEST(Loader, ElementsOfOtherNamespacesAreIgnored) {
    auto r = load_xml(R"(<school xmlns="urn:ahaki-check:school:1" xmlns:n="urn:notes" name="校" type="hari-kyu" n:by="me">)"
                      R"(<n:note>anything <n:deep/></n:note><course id="c" schedule="day" years="3"/></school>)");
    EXPECT_TRUE(r.school) << (r.errors.empty() ? "" : r.errors[0].message.en);
}

TEST(Loader, DuplicateAndLookAlikeIds) {
    auto dup = load_xml(head + R"(<course id="c" schedule="day" years="3"><subject id="c" name="a" area="foundations" method="lecture" units="1" hours="15"/></course></school>)");
    ASSERT_EQ(dup.errors.size(), 1u);
    EXPECT_EQ(dup.errors[0].message.en, "duplicate id 'c' (first defined at line 1, column 67)");
    auto look = load_xml(head + R"(<course id="Day" schedule="day" years="3"/><course id="ｄａｙ" schedule="day" years="3"/></school>)");
    ASSERT_EQ(look.errors.size(), 1u);
    EXPECT_EQ(look.errors[0].message.en,
              "id 'ｄａｙ' differs from 'Day' (line 1, column 67) only by letter case or full-width form");
}

TEST(Loader, DanglingPlacementReference) {
    auto r = load_xml(head + R"(<course id="c" schedule="day" years="3"><subject id="cp" name="臨床実習" area="clinical-practice" method="clinical" units="1" hours="45"><placement site="nowhere" units="1"/></subject></course></school>)");
    auto d = only_error(r);
    EXPECT_EQ(d.message.en, "site=\"nowhere\" refers to no clinical site described in this file");
    EXPECT_EQ(d.loc.path, "/school/course[@id='c']/subject[@id='cp']/placement[1]/@site");
    auto to_course = load_xml(head + R"(<course id="c" schedule="day" years="3"><subject id="cp" name="臨床実習" area="clinical-practice" method="clinical" units="1" hours="45"><placement site="c" units="1"/></subject></course><clinical-sites><site id="s" name="院" kind="clinic"/></clinical-sites></school>)");
    EXPECT_EQ(only_error(to_course).message.en, "site=\"c\" is the id of a course, not a clinical site");
}

TEST(Loader, DatesAndTimesMustExist) {
    auto d = only_error(load_xml(head + R"(<course id="c" schedule="day" years="3" intake="2027-02-30"/></school>)"));
    EXPECT_EQ(d.message.en, "intake=\"2027-02-30\": this date does not exist");
    auto t = only_error(load_xml(head + R"(<course id="c" schedule="day" years="3"><timetable weeks-per-year="30"><session days="mon" start="18:00" end="17:00"/></timetable></course></school>)"));
    EXPECT_EQ(t.message.en, "end=\"17:00\": the end is not after the start 18:00");
}

TEST(Loader, EmptyFileAndNoCourse) {
    auto empty = load_xml("");
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(empty.errors[0].message.en, "the file is empty");
    auto no_course = only_error(load_xml(head + "</school>"));
    EXPECT_EQ(no_course.message.en, "the school has no <course>");
}

TEST(Loader, DoctypeIsRefused) {
    auto r = load_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE school [<!ENTITY x \"y\">]>\n" + head + "</school>");
    auto d = only_error(r);
    EXPECT_EQ(d.loc.line, 2u);
    EXPECT_EQ(d.message.en, "a DOCTYPE declaration is not allowed (it could define or load entities)");
}

TEST(Loader, SeveralErrorsAreAllReported) {
    auto r = load_xml(with_subject(R"(id="s1" name="解剖学" area="x" method="y" units="z" hours="30")"));
    EXPECT_EQ(r.errors.size(), 3u);
}

}  // namespace
}  // namespace ahaki::test
