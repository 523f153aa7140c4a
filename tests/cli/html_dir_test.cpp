// --format html=DIR/: one self-contained report per school and an index page (issue 12 item 3).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {
namespace fs = std::filesystem;

TEST(HtmlDirectory, OneReportPerSchoolAndAnIndex) {
    TempDir d("html-dir");
    auto r = run_binary("check --fail-on never --format html=" + d / "out/" + " '" + source_dir() + "/curricula/complete' '" +
                        source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(d.path / "out")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"001-anma-hari-kyu.html", "002-hari-kyu.html",
                                               "003-CUR-001-practical-training-below-minimum.html", "index.html"}));
    std::string index = read_file(d / "out/index.html");
    for (std::size_t i = 0; i + 1 < names.size(); ++i) EXPECT_NE(index.find("<a href=\"" + names[i] + "\">"), std::string::npos) << names[i];
    std::string one = read_file(d / "out/002-hari-kyu.html");
    EXPECT_EQ(one.find("桜ヶ丘医療福祉専門学校</h2>"), std::string::npos);  // only its own school
    EXPECT_NE(one.find("青葉鍼灸専門学校（はり師きゅう師養成施設）</h2>"), std::string::npos);
    // The running header: an unnamed @page with the school (as CSS escapes), the standard, page X of Y.
    EXPECT_NE(one.find("@page { @top-left { content: \"\\9752 \\8449 "), std::string::npos);
    EXPECT_NE(one.find("counter(page) \" / \" counter(pages)"), std::string::npos);
    EXPECT_NE(one.find("<h3>審査記録</h3>"), std::string::npos);
    std::string plan = read_file(d / "out/003-CUR-001-practical-training-below-minimum.html");
    EXPECT_NE(plan.find("<h3>修正案</h3>"), std::string::npos);
    EXPECT_NE(plan.find("「はり実技Ⅰ」（実習）: 単位数 3→4、時間数 135 のまま"), std::string::npos);
}

TEST(HtmlDirectory, SchoolNameCannotLeaveTheCssString) {
    TempDir d("html-css");
    std::string xml = replace_once(compliant_hari_kyu(), "name=\"青葉鍼灸専門学校\"", "name=\"a&quot;;}&lt;/style&gt;&lt;script&gt;x\"");
    std::ofstream(d / "s.xml") << xml;
    auto r = run_binary("check --fail-on never --format html=" + d / "s.html" + " '" + d / "s.xml" + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string h = read_file(d / "s.html");
    EXPECT_EQ(h.find("<script"), std::string::npos);
    EXPECT_EQ(h.find("</style>"), h.rfind("</style>"));  // only the stylesheet's own end
    EXPECT_NE(h.find("content: \"a\\22 \\3B \\7D \\3C \\2F style\\3E \\3C script\\3E x\""), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test
