// Issue 12 item 5: what users noticed (plurals and articles, explain, help, rules, aligned tables, HTML cells).
#include <gtest/gtest.h>

#include <sstream>

#include "model/fold_width.hpp"
#include "report/report.hpp"
#include "rules/format.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"
#include "xml/loader.hpp"

namespace ahaki::test {
namespace {

std::size_t width(const std::string& s) { return display_width(s); }

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
}

TEST(Polish, ArticlesAndPlurals) {
    EXPECT_EQ(fmt::a("anma-massage-shiatsu school"), "an anma-massage-shiatsu school");
    EXPECT_EQ(fmt::a("experiment"), "an experiment");
    EXPECT_EQ(fmt::a("lecture"), "a lecture");
    EXPECT_EQ(fmt::count_of(1, "error", "errors"), "1 error");
    EXPECT_EQ(fmt::count_of(2, "error", "errors"), "2 errors");
    EXPECT_EQ(fmt::years("1"), "1 year");  // a one-year lease, a teacher's first year
    EXPECT_EQ(fmt::years("5"), "5 years");
    EXPECT_EQ(fmt::years("1.5"), "1.5 years");
    auto r = run_binary("check --lang en --format html=- '" + source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml'");
    EXPECT_NE(r.out.find("findings: 1 error, 0 warnings, "), std::string::npos);
    EXPECT_EQ(r.out.find("1 errors"), std::string::npos);
    TempDir empty("polish-empty");  // a run error (an empty directory) and one checked file: "1 file"
    auto one = run_binary("check --lang en '" + source_dir() + "/curricula/compliant/hari.xml' '" + empty.str() + "'");
    EXPECT_NE(one.out.find("\n1 file: "), std::string::npos) << one.out;
}

TEST(Polish, ExplainTakesLowerCaseAndSaysTheSeverityOnce) {
    auto r = run_binary("explain --lang en cur-004");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("CUR-004: ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\nseverity: error\n"), std::string::npos) << r.out;
    auto ja = run_binary("explain cur-004");
    EXPECT_NE(ja.out.find("\n重大度: エラー (error)\n"), std::string::npos) << ja.out;
}

TEST(Polish, RulesAreAligned) {
    for (const char* lang : {"ja", "en"}) {
        auto r = run_binary(std::string("rules --lang ") + lang);
        ASSERT_EQ(r.exit_code, 0);
        std::set<std::size_t> title_columns;
        for (const auto& l : lines(r.out)) {
            // id, severity and citation are padded: the title starts at the same display column on every line.
            auto last_gap = l.rfind("  ");
            title_columns.insert(width(l.substr(0, last_gap + 2)));
        }
        EXPECT_EQ(title_columns.size(), 1u) << lang;
    }
}

TEST(Polish, HelpWrapsAtWordBoundariesAndNeverInsideACharacter) {
    // Every sub-command's help: Boost wraps by bytes, so each must print through help_page().
    for (const std::string cmd : {"check", "plan", "diff", "import", "import --kind clinic", "template"})
    for (const char* lang : {"ja", "en"}) {
        SCOPED_TRACE(cmd);
        auto r = run_binary(cmd + " --help --lang " + lang);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        auto ls = lines(r.out);
        std::size_t col = 0;
        for (std::size_t i = 0; i < ls.size(); ++i) {
            const auto& l = ls[i];
            EXPECT_LE(width(l), 100u) << lang << ": " << l;
            // Valid UTF-8: a split character would leave a stray lead or continuation byte.
            std::size_t k = 0;
            while (k < l.size()) {
                auto c = static_cast<unsigned char>(l[k]);
                ASSERT_FALSE(c >= 0x80 && c < 0xC0) << lang << ": a stray continuation byte in " << l;
                std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                ASSERT_LE(k + n, l.size()) << lang << ": " << l;
                for (std::size_t j = 1; j < n; ++j) ASSERT_EQ(static_cast<unsigned char>(l[k + j]) & 0xC0, 0x80) << l;
                k += n;
            }
            if (l.rfind("  -", 0) == 0) col = l.find_first_not_of(' ', l.find("  ", 2));
            // A continuation line starts under the description, and in English with a whole word.
            if (!l.empty() && l[0] == ' ' && l.rfind("  -", 0) != 0 && col > 0) {
                EXPECT_EQ(l.find_first_not_of(' '), col) << lang << ": " << l;
                if (std::string(lang) == "en" && i > 0) {
                    EXPECT_NE(ls[i - 1].back(), '-') << ls[i - 1];
                }
            }
        }
    }
}

TEST(Polish, TextTableHeadersLineUpWithTheirNumbers) {
    for (const char* lang : {"ja", "en"}) {
        auto r = run_binary(std::string("check --lang ") + lang + " '" + source_dir() + "/curricula/compliant/hari.xml'");
        auto ls = lines(r.out);
        std::size_t header = 0;
        for (std::size_t i = 0; i < ls.size(); ++i)
            if (ls[i].find(std::string(lang) == "ja" ? "教育内容" : "    area") != std::string::npos) header = i;
        ASSERT_GT(header, 0u) << r.out;
        // Right edges: the header's last column ends where the numbers below it end.
        EXPECT_EQ(width(ls[header]), width(ls[header + 1].substr(0, ls[header + 1].find_last_not_of(' ') + 1))) << ls[header] << "\n" << ls[header + 1];
    }
}

TEST(Polish, HtmlRatioCellsShowTheRangeAndTheSubject) {
    auto r = run_binary("check --format html=- '" + source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml'");
    EXPECT_NE(r.out.find("<td class=\"nw\">講義 1単位15〜30時間</td><td class=\"nw\">「関係法規」1単位31時間</td>"), std::string::npos);
    auto c = run_binary("check --format html=- '" + source_dir() + "/curricula/non-compliant/CUR-005-clinical-hours-per-unit.xml'");
    EXPECT_NE(c.out.find("<td class=\"nw\">臨床実習 1単位45時間</td><td class=\"nw\">「臨床実習Ⅰ」1単位45.5時間</td>"), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test
