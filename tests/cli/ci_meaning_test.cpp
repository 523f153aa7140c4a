// Issue 12 item 4, "CI that means something": the shipped compliant examples
// are green together, JUnit test-case names carry no line numbers.
#include <gtest/gtest.h>

#include <fstream>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

std::string q(const std::string& p) { return "'" + p + "'"; }

TEST(CiMeaning, CompliantExamplesCheckedTogetherHaveNoFinding) {
    // Distinct schools with distinct clinical sites: no XSB finding, nothing at all.
    auto r = run_binary("check --lang en --fail-on review " + q(source_dir() + "/curricula/compliant/"));
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.out.find("XSB-"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("8 files: 0 compliant, 0 non-compliant, 0 need review, 8 partially checked, 0 invalid"),
              std::string::npos)
        << r.out;
}

std::set<std::string> junit_names(const std::string& file, std::string* failure_text = nullptr) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_file(file.c_str())) << file;
    std::set<std::string> names;
    for (auto suite : doc.child("testsuites").children("testsuite"))
        for (auto tc : suite.children("testcase")) {
            EXPECT_TRUE(names.insert(tc.attribute("name").value()).second) << "repeated name " << tc.attribute("name").value();
            if (failure_text)
                for (auto f : tc.children("failure")) *failure_text += f.text().get();
        }
    return names;
}

TEST(CiMeaning, JunitNamesDoNotChangeWhenLinesAreInserted) {
    TempDir d("junit-names");
    std::string original = read_file(source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml");
    auto decl_end = original.find("?>") + 2;
    std::string shifted = original.substr(0, decl_end) + "\n<!-- a -->\n<!-- b -->\n<!-- c -->" + original.substr(decl_end);
    std::ofstream(d / "a.xml") << original;
    std::ofstream(d / "b.xml") << shifted;
    auto ra = run_binary("check --format junit=" + d / "a.junit" + " " + q(d / "a.xml"));
    auto rb = run_binary("check --format junit=" + d / "b.junit" + " " + q(d / "b.xml"));
    ASSERT_EQ(ra.exit_code, 1) << ra.err;
    ASSERT_EQ(rb.exit_code, 1) << rb.err;
    std::string fa, fb;
    auto a = junit_names(d / "a.junit", &fa), b = junit_names(d / "b.junit", &fb);
    EXPECT_EQ(a, b);
    std::regex line_number(R"(@\d+|:\d+:\d+)");
    for (const auto& n : a) EXPECT_FALSE(std::regex_search(n, line_number)) << n;
    EXPECT_TRUE(a.count("CUR-004 course=day /school/course[@id='day']")) << *a.begin();
    // The location is in the failure text, and it moved by the three inserted lines.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(fa, m, std::regex(R"(a\.xml:(\d+):(\d+): エラー: )"))) << fa;
    int line = std::stoi(m[1]);
    EXPECT_NE(fb.find("b.xml:" + std::to_string(line + 3) + ":" + m[2].str() + ": エラー: "), std::string::npos) << fb;
}

}  // namespace
}  // namespace ahaki::test
