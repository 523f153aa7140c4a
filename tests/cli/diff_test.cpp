// `ahaki-check diff OLD NEW` (issue 12 item 2, 指導要領 14(1)): teacher changes flagged to re-verify,
// subjects and hours, intake and sites, findings that appear or disappear; text, JSON and HTML.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "engine/diff.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

std::string complete() { return read_file(source_dir() + "/curricula/complete/hari-kyu.xml"); }

/// The next year's submission: a teacher goes part-time and stops teaching a subject (卒業研究), one teacher is new,
/// one subject's hours change, the intake grows and a clinical site is renamed.
std::string next_year() {
    std::string s = complete();
    s = replace_once(s, R"(<teacher id="t-clinic" name="高橋誠" employment="full-time")", R"(<teacher id="t-clinic" name="高橋誠" employment="part-time")");
    s = replace_once(s, "      <teaches subject=\"i-res\"/>\n    </teacher>", "    </teacher>");
    s = replace_once(s, "    <teacher id=\"t-medicine\"",
                     "    <teacher id=\"t-new\" name=\"山本葵\" employment=\"part-time\" weekly-class-hours=\"2\" documents-verified=\"2026-03-01\">\n"
                     "      <qualification code=\"hari-licence\" date=\"2010-05-01\" number=\"100099\"/>\n"
                     "      <teaches subject=\"i-ger\"/>\n    </teacher>\n    <teacher id=\"t-medicine\"");
    s = replace_once(s, R"(name="関係法規" area="health-welfare-ethics" method="lecture" units="1" hours="30")",
                     R"(name="関係法規" area="health-welfare-ethics" method="lecture" units="1" hours="31")");
    s = replace_once(s, R"(name="みどり治療院")", R"(name="みどり鍼灸治療院")");
    return s;
}

TEST(Diff, TeacherChangesAreFlaggedToReverify) {
    TempDir d("diff");
    std::ofstream(d / "old.xml") << complete();
    std::ofstream(d / "new.xml") << next_year();
    auto r = run_binary("diff --lang en '" + d / "old.xml" + "' '" + d / "new.xml" + "'");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("  changed: 高橋誠 (t-clinic) (employment full-time → part-time; no longer teaches 卒業研究) [line 158] — "
                         "re-verify with the documents (指導要領 14(1))\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("  added: 山本葵 (t-new) (employment part-time, qualifications acupuncturist licence 100099, teaches 高齢者ケア論)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("  changed: 関係法規 (day/h-law) (hours 30 → 31)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  changed: みどり鍼灸治療院 (clinic-b) (name みどり治療院 → みどり鍼灸治療院)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  new: \"関係法規\" (lecture): 31 hours / 1 unit ="), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" teachers to re-verify\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(", 2 teachers to re-verify"), std::string::npos) << r.out;
}

TEST(Diff, JsonAndHtml) {
    TempDir d("diff-formats");
    std::ofstream(d / "old.xml") << complete();
    std::ofstream(d / "new.xml") << next_year();
    auto j = run_binary("diff --format json '" + d / "old.xml" + "' '" + d / "new.xml" + "'");
    ASSERT_EQ(j.exit_code, 1) << j.err;
    const boost::json::value v = boost::json::parse(j.out);
    std::size_t reverify = 0, teachers = 0;
    for (const auto& c : v.at("changes").as_array()) {
        reverify += c.at("reverify").as_bool();
        teachers += c.at("what").as_string() == "teacher";
    }
    EXPECT_EQ(teachers, 2u);
    EXPECT_EQ(reverify, 2u);
    auto h = run_binary("diff --format html -o '" + d / "diff.html" + "' '" + d / "old.xml" + "' '" + d / "new.xml" + "'");
    ASSERT_EQ(h.exit_code, 1) << h.err;
    std::string html = read_file(d / "diff.html");
    EXPECT_NE(html.find("<tr class=\"reverify\"><td>教員</td><td>変更</td><td>高橋誠</td><td>雇用 専任→非常勤（兼任）、担当から外れた 卒業研究。書類で再確認してください（指導要領 14(1)）</td>"),
              std::string::npos)
        << html;
}

TEST(Diff, SameSubmissionHasNoChange) {
    auto r = run_binary("diff '" + source_dir() + "/curricula/complete/hari-kyu.xml' '" + source_dir() + "/curricula/complete/hari-kyu.xml'");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("変更はありません。"), std::string::npos);
}

TEST(Diff, UnreadableInputIsExitTwo) {
    auto r = run_binary("diff '" + source_dir() + "/curricula/complete/hari-kyu.xml' '" + source_dir() + "/tests/cli/fixtures/invalid.xml'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("invalid.xml:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ahaki::test
