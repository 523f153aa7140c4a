// The HTML report: self-contained, escaped, verdict first, one row per
// requirement, curriculum table and chart, load errors, waived findings,
// deterministic. (tools/html-render-test.sh renders it in Chromium.)
#include <gtest/gtest.h>

#include <set>

#include "rules/rule.hpp"
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "report/formats.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

RunReport run_of(std::vector<FileReport> files) {
    RunReport run;
    run.files = std::move(files);
    run.standards = &standards();
    return run;
}

/// A report with its model kept, as the CLI keeps it for HTML (the 教育課程表 lists the subjects).
FileReport with_model(const std::string& xml) {
    FileReport f = check_xml(xml);
    LoadResult l = load_xml(xml);
    if (l.school) f.school = std::make_shared<const School>(std::move(*l.school));
    return f;
}

std::string html_of(const std::string& xml, Lang L = Lang::ja) { return write_html(run_of({with_model(xml)}), L); }

std::string non_compliant_xml() {
    // 実習 one unit short (CUR-001): はり実技Ⅲ 2 -> 1 unit.
    return read_file(source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml");
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

TEST(HtmlEscape, AllFiveCharacters) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(html_escape("青葉"), "青葉");
}

TEST(HtmlReport, IsRegisteredAsAFormat) {
    const Format* f = find_format("html");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->write(run_of({check_xml(compliant_hari_kyu())}), WriteContext{Lang::ja, false}).substr(0, 15), "<!DOCTYPE html>");
}

TEST(HtmlReport, SelfContainedAndPrintableOnA4) {
    std::string h = html_of(non_compliant_xml());
    EXPECT_EQ(h.substr(0, 32), "<!DOCTYPE html>\n<html lang=\"ja\">");
    EXPECT_NE(h.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(h.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(h.find("break-inside: avoid"), std::string::npos);
    EXPECT_NE(h.find("thead { display: table-header-group; }"), std::string::npos);
    for (const char* outside : {"<script", "<link", "<img", "<iframe", "@import", "url(", "src="})
        EXPECT_EQ(h.find(outside), std::string::npos) << outside;
    // The only URL is the SVG namespace, which is a name and never fetched.
    std::regex url("https?://[^\" ]*");
    for (std::sregex_iterator it(h.begin(), h.end(), url), end; it != end; ++it) EXPECT_EQ(it->str(), "http://www.w3.org/2000/svg");
}

TEST(HtmlReport, VerdictAndCountsComeFirstThenEveryRequirement) {
    std::string h = html_of(non_compliant_xml());
    auto verdict = h.find("<div class=\"verdict v-non-compliant\"><span class=\"word\">不適合</span>");
    FileReport report = check_xml(non_compliant_xml());
    auto sc = report.status_counts();
    auto counts = h.find("指摘: エラー 1、警告 0、要確認 0、情報 0<br>要件: 適合 " + std::to_string(sc[0]) + "、不適合 1、要確認 0、未確認 " +
                         std::to_string(sc[3]) + "（計 " + std::to_string(report.outcomes.size()) + "）");
    // Issue 12: verdict and counts, findings, the 修正案, the 教育課程表, requirements by section, what was not checked.
    auto findings = h.find("<h3>指摘事項</h3>");
    auto plan = h.find("<h3>修正案</h3>");
    auto curriculum = h.find("<table class=\"sheet\">");
    auto requirements = h.find("<table class=\"requirements\">");
    auto not_checked = h.find("<table class=\"not-checked\">");
    ASSERT_NE(verdict, std::string::npos);
    ASSERT_NE(counts, std::string::npos);
    ASSERT_NE(findings, std::string::npos);
    ASSERT_NE(plan, std::string::npos);
    ASSERT_NE(requirements, std::string::npos);
    ASSERT_NE(curriculum, std::string::npos);
    ASSERT_NE(not_checked, std::string::npos);
    EXPECT_LT(verdict, counts);
    EXPECT_LT(counts, findings);
    EXPECT_LT(findings, plan);
    EXPECT_LT(plan, curriculum);
    EXPECT_LT(curriculum, requirements);
    EXPECT_LT(requirements, not_checked);
    // A row per requirement to act on (compliant ones are counted per section), and one row per absent section.
    FileReport f = check_xml(non_compliant_xml());
    std::set<Section> absent_sections;
    std::size_t to_act_on = 0;
    for (const auto& o : f.outcomes) {
        if (o.status == Status::not_checked && o.findings.empty()) absent_sections.insert(find_rule(o.rule_id)->section);
        else if (o.status != Status::compliant || !o.findings.empty()) ++to_act_on;
    }
    EXPECT_GT(absent_sections.size(), 3u);  // curriculum only: teachers, sites, premises… are absent
    EXPECT_EQ(count(h, "<tr class=\"row-"), to_act_on + absent_sections.size());
    EXPECT_NE(h.find("<tr class=\"row-not-checked\"><td>教員</td><td class=\"ids\">TCH-001, TCH-002"), std::string::npos);
    EXPECT_NE(h.find("<code>&lt;teachers&gt;</code>"), std::string::npos);
    // The 教育課程表: every subject as the school names it, the area's subtotal against its minimum.
    EXPECT_NE(h.find("<td>はり実技Ⅰ</td><td class=\"nw\">実技</td><td class=\"num\">3</td><td class=\"num\">135</td>"), std::string::npos);
    EXPECT_NE(h.find("小計（必要 15単位以上、1単位不足）"), std::string::npos);
    EXPECT_NE(h.find("<h4>昼間課程（修業年限3年）"), std::string::npos);
    // --html-detail full: every checked requirement has its row.
    std::string full = write_html(run_of({f}), HtmlOptions{Lang::ja, true});
    std::size_t checked = 0;
    for (const auto& o : f.outcomes) checked += !(o.status == Status::not_checked && o.findings.empty());
    EXPECT_EQ(count(full, "<tr class=\"row-"), checked + absent_sections.size());
    EXPECT_NE(h.find("<tr class=\"row-non-compliant\"><td class=\"rule\">CUR-001<span class=\"cite\">認定規則 第2条第3号 別表第一</span></td>"
                     "<td>課程 day（昼間課程） 実習の単位数</td><td class=\"nw\">15単位以上</td><td class=\"nw\">14単位</td>"
                     "<td><span class=\"badge s-non-compliant\">不適合</span></td>"),
              std::string::npos);
    // The finding with its line and column.
    EXPECT_NE(h.find("<span class=\"badge sev-error\">エラー</span> <span class=\"loc\">9行3列</span> <span class=\"msg\">実習: 14単位"),
              std::string::npos);
}

TEST(HtmlReport, CurriculumTableAndChartShowTheShortfall) {
    std::string h = html_of(non_compliant_xml());
    EXPECT_NE(h.find("<td class=\"subtotal short\" colspan=\"2\">小計（必要 15単位以上、1単位不足）</td>"
                     "<td class=\"num subtotal\">14</td><td class=\"num subtotal\">570</td>"),
              std::string::npos);
    EXPECT_NE(h.find("<td class=\"subtotal\" colspan=\"2\">小計（必要 14単位以上）</td><td class=\"num subtotal\">15</td>"
                     "<td class=\"num subtotal\">315</td>"),
              std::string::npos);
    EXPECT_EQ(h.find("<svg class=\"chart\""), std::string::npos);  // the chart only with --html-detail full
    h = write_html(run_of({with_model(non_compliant_xml())}), HtmlOptions{Lang::ja, true});
    auto svg = h.find("<svg class=\"chart\"");
    ASSERT_NE(svg, std::string::npos);
    std::string chart = h.substr(svg, h.find("</svg>", svg) - svg);
    // Ten area bars plus total hours and total units; one outlined gap for the short area.
    EXPECT_EQ(count(chart, "<rect "), 10u + 2u + 1u);
    EXPECT_EQ(count(chart, "fill=\"#b3261e\"/>"), 1u);
    EXPECT_NE(chart.find(">14 / 15</text>"), std::string::npos);
    EXPECT_NE(chart.find(">2,655 / 2,655</text>"), std::string::npos);
    EXPECT_NE(chart.find(">総時間数</text>"), std::string::npos);
}

TEST(HtmlReport, HostileNamesAreEscapedEverywhere) {
    std::string xml = replace_once(compliant_hari_kyu(), "name=\"青葉鍼灸専門学校\"",
                                   "name=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;青葉&quot; &apos;x&apos;\"");
    xml = replace_once(xml, "name=\"心理学\"", "name=\"心理学&lt;img src=x onerror=alert(2)&gt;\"");
    xml = replace_once(xml, "name=\"生物学\"", "name=\"心理学&lt;img src=x onerror=alert(2)&gt;\"");  // CUR-017 quotes it back
    std::string h = html_of(xml);
    EXPECT_EQ(h.find("<script"), std::string::npos);
    EXPECT_EQ(h.find("<img"), std::string::npos);
    EXPECT_NE(h.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;青葉&quot; &#39;x&#39;"), std::string::npos);
    EXPECT_NE(h.find("<title>ahaki-check 確認報告書 — &lt;script&gt;"), std::string::npos);
    EXPECT_NE(h.find("心理学&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
}

TEST(HtmlReport, EnglishOnRequest) {
    std::string h = html_of(non_compliant_xml(), Lang::en);
    EXPECT_EQ(h.substr(0, 32), "<!DOCTYPE html>\n<html lang=\"en\">");
    EXPECT_NE(h.find("<span class=\"word\">non-compliant</span>"), std::string::npos);
    EXPECT_NE(h.find("<h3>Requirements</h3>"), std::string::npos);
    EXPECT_NE(h.find("\">practical training</td>"), std::string::npos);
    EXPECT_NE(h.find("line 9, col 3"), std::string::npos);
    EXPECT_EQ(h.find("不適合"), std::string::npos);
}

TEST(HtmlReport, LoadErrorsAreShownWithTheirLocation) {
    std::string xml = replace_once(compliant_hari_kyu(), "units=\"2\" hours=\"30\" year=\"1\"/>", "units=\"2,5\" hours=\"30\" year=\"1\"/>");
    std::string h = html_of(xml);
    EXPECT_NE(h.find("<div class=\"verdict v-invalid\"><span class=\"word\">確認できません（入力エラー）</span>"), std::string::npos);
    EXPECT_NE(h.find("<h3>入力エラー</h3>"), std::string::npos);
    std::regex diag("<div class=\"diag\"><span class=\"loc\">test\\.xml:[0-9]+:[0-9]+</span> <span class=\"badge sev-error\">エラー</span> "
                    "[^<]*コンマは使えません");
    EXPECT_TRUE(std::regex_search(h, diag)) << h.substr(h.find("<h3>入力エラー"), 600);
    EXPECT_EQ(h.find("<table class=\"requirements\">"), std::string::npos);
}

TEST(HtmlReport, WaivedFindingsStayVisibleAndMarked) {
    FileReport f = check_xml(non_compliant_xml());
    bool waived = false;
    for (auto& o : f.outcomes)
        for (auto& fi : o.findings)
            if (fi.rule_id == "CUR-001") {
                fi.waiver_reason = "経過措置 <2027年度まで> & 承認済";
                fi.waiver_id = "W-1";
                waived = true;
            }
    ASSERT_TRUE(waived);
    std::string h = write_html(run_of({f}), Lang::ja);
    EXPECT_NE(h.find("<div class=\"finding is-waived\"><span class=\"badge sev-error\">エラー</span> <span class=\"badge waived\">免除</span>"),
              std::string::npos);
    EXPECT_NE(h.find("免除の理由: 経過措置 &lt;2027年度まで&gt; &amp; 承認済 (W-1)"), std::string::npos);
    EXPECT_NE(h.find("指摘: エラー 0、警告 0、要確認 0、情報 0（ほかに免除 1）"), std::string::npos);
}

TEST(HtmlReport, SeveralFilesGetAnOverallVerdictAndPageBreaks) {
    FileReport bad = check_xml(non_compliant_xml());
    bad.path = "bad.xml";
    FileReport good = check_xml(compliant_hari_kyu());
    good.path = "good.xml";
    std::string h = write_html(run_of({good, bad}), Lang::ja);
    auto overall = h.find("<div class=\"verdict v-non-compliant\"><span class=\"word\">不適合</span><span class=\"counts\">全体: 2 ファイル（適合 ");
    ASSERT_NE(overall, std::string::npos);
    EXPECT_NE(h.find("<table class=\"files\">"), std::string::npos);
    // Each file on pages of its own, named so their running headers carry its school.
    EXPECT_EQ(count(h, "<section class=\"file first\" style=\"page: f0\">"), 1u);
    EXPECT_EQ(count(h, "<section class=\"file\" style=\"page: f1\">"), 1u);  // the second file starts a new page
    EXPECT_NE(h.find(".file { break-before: page;"), std::string::npos);
    EXPECT_NE(h.find("@page f1 { @top-left { content: "), std::string::npos);
    EXPECT_LT(overall, h.find("<section class=\"file first\""));
}

TEST(HtmlReport, DeterministicOutput) {
    std::string a = html_of(non_compliant_xml());
    std::string b = html_of(non_compliant_xml());
    EXPECT_EQ(a, b);
    EXPECT_EQ(write_html(run_of({}), Lang::en), write_html(run_of({}), Lang::en));
}

TEST(HtmlReport, WrittenByTheCliAlongsideText) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("ahaki-html-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string out = (dir / "report.html").string();
    auto r = run_binary("check --format text --format html='" + out + "' '" + source_dir() +
                        "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("CUR-001"), std::string::npos);
    std::string h = read_file(out);
    EXPECT_EQ(h.substr(0, 15), "<!DOCTYPE html>");
    EXPECT_NE(h.find("不適合"), std::string::npos);
    EXPECT_EQ(h.substr(h.size() - 8), "</html>\n");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace ahaki::test
