// A printed 小計/合計 that does not match its rows is a finding (CUR-021) at the
// printed cell, on the direct check of a sheet and on the XML `import` writes
// (sheet:summary); the import's notices reach every output format.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/engine.hpp"
#include "import/csv.hpp"
#include "import/xlsx.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"
#include "support/rule_cases.hpp"
#include "support/temp_dir.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"

namespace ahaki::test {
namespace {

const StandardSet& standards() {
    static const StandardsLoad s = load_standards({});
    return s.set;
}

RunOptions hari_kyu() {
    RunOptions o;
    o.sheet.type = FacilityType::hari_kyu;
    o.sheet_type_given = true;
    o.jobs = 1;
    return o;
}

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

/// A sheet as offices print it: three groups, a subtotal per group or area, a total.
/// `u`/`h`: the printed units and hours of the group subtotal, the area subtotal, the bare 小計 and the total.
std::string layout(const std::string& u1, const std::string& h1, const std::string& u2, const std::string& h2,
                   const std::string& u3, const std::string& h3, const std::string& u4, const std::string& h4) {
    return "分野,教育内容,科目名,授業方法,単位数,時間数\n"                       // 1
           "基礎分野,科学的思考の基盤・人間と生活,心理学,講義,2,30\n"              // 2
           ",,生物学,講義,3,45\n"                                                 // 3
           "基礎分野 小計,,,," + u1 + "," + h1 + "\n"                              // 4
           "専門分野,基礎はり学・基礎きゆう学,東洋医学概論,講義,3,90\n"           // 5
           ",,経絡経穴概論,講義,4,120\n"                                          // 6
           "基礎はり学・基礎きゆう学 計,,,," + u2 + "," + h2 + "\n"                // 7
           ",実習,はり実技,実技,4,160\n"                                          // 8
           ",,小計,," + u3 + "," + h3 + "\n"                                       // 9
           "合計,,,," + u4 + "," + h4 + "\n";                                      // 10
}

struct Seen {
    std::vector<std::string> findings;  ///< "where message" of CUR-021
    std::size_t compliant = 0, outcomes = 0;
};

Seen cur021(const FileReport& r, const std::string& file, Lang L) {
    Seen s;
    for (const auto& o : r.outcomes) {
        if (o.rule_id != "CUR-021") continue;
        ++s.outcomes;
        if (o.status == Status::compliant) ++s.compliant;
        for (const auto& f : o.findings) s.findings.push_back(location_prefix(file, f.loc) + " " + f.message.in(L));
    }
    return s;
}

TEST(SheetSummary, EqualPrintedFiguresAreCompliantAtEveryLevel) {
    TempDir d("summary");
    write(d / "f.csv", layout("5", "75", "7", "210", "4", "160", "16", "445"));
    FileReport r = check_file(d / "f.csv", standards(), hari_kyu());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    Seen s = cur021(r, "f.csv", Lang::ja);
    EXPECT_EQ(s.outcomes, 4u);  // group, area, bare subtotal, total
    EXPECT_EQ(s.compliant, 4u);
    EXPECT_TRUE(s.findings.empty()) << s.findings.front();
}

TEST(SheetSummary, OneUnitOrOneHourOffIsAFindingAtThePrintedCell) {
    TempDir d("summary");
    // Group subtotal one unit over, area subtotal one hour under, bare subtotal one unit under, total one hour over.
    write(d / "f.csv", layout("6", "75", "7", "209", "3", "160", "16", "446"));
    FileReport r = check_file(d / "f.csv", standards(), hari_kyu());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    Seen ja = cur021(r, "f.csv", Lang::ja);
    EXPECT_EQ(ja.findings, (std::vector<std::string>{
                               "f.csv:4:12 小計（基礎分野）の単位数 6単位 が、その科目 2 行（2〜3行目）の合計 5単位 と合いません",
                               "f.csv:7:21 小計（基礎はり学・基礎きゆう学）の時間数 209時間 が、その科目 2 行（5〜6行目）の合計 210時間 と合いません",
                               "f.csv:9:7 小計の単位数 3単位 が、その科目 1 行（8行目）の合計 4単位 と合いません",
                               "f.csv:10:10 合計の時間数 446時間 が、その科目 5 行（2〜3、5〜6、8行目）の合計 445時間 と合いません",
                           }));
    Seen en = cur021(r, "f.csv", Lang::en);
    EXPECT_EQ(en.findings[0], "f.csv:4:12 the printed subtotal (基礎分野) of units, 6, does not match the sum of its 2 subject rows (rows 2–3), 5 units");
    EXPECT_EQ(en.findings[2], "f.csv:9:7 the printed subtotal of units, 3, does not match the sum of its 1 subject row (row 8), 4 units");
    EXPECT_EQ(en.findings[3], "f.csv:10:10 the printed total of hours, 446, does not match the sum of its 5 subject rows (rows 2–3, 5–6, 8), 445 hours");
    EXPECT_EQ(ja.compliant, 0u);
    // A finding, not an input error: exit 1 (non-compliant), not 2.
    auto run = run_binary("check --type はりきゅう '" + d / "f.csv" + "'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.out.find("f.csv:4:12: エラー: 小計（基礎分野）の単位数 6単位 が、その科目 2 行（2〜3行目）の合計 5単位 と合いません [CUR-021 指導要領 5(3)]"),
              std::string::npos)
        << run.out;
}

TEST(SheetSummary, TheImportedXmlGivesTheSameFindingNamingTheSheetRow) {
    TempDir d("summary");
    write(d / "f.csv", layout("6", "75", "7", "210", "4", "160", "16", "445"));
    auto run = run_binary("import --type hari-kyu -o '" + d / "school.xml" + "' '" + d / "f.csv" + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::string xml = read_file(d / "school.xml");
    EXPECT_NE(xml.find("<sheet:summary kind=\"subtotal\" label=\"基礎分野 小計\" scope=\"基礎分野\" subjects=\"day-s001 day-s002\" units=\"6\" "
                       "units-cell=\"f.csv:4:12\" hours=\"75\" hours-cell=\"f.csv:4:14\" sheet:cell=\"f.csv:4:1\"/>"),
              std::string::npos)
        << xml;
    FileReport r = check_file(d / "school.xml", standards(), RunOptions{});
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    Seen s = cur021(r, "school.xml", Lang::ja);
    ASSERT_EQ(s.findings.size(), 1u);
    EXPECT_NE(s.findings[0].find("(f.csv:4:12) 小計（基礎分野）の単位数 6単位 が、その科目 2 行（2〜3行目）の合計 5単位 と合いません"), std::string::npos)
        << s.findings[0];
    auto check = run_binary("check '" + d / "school.xml" + "'");
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_NE(check.out.find("(f.csv:4:12): エラー: 小計（基礎分野）の単位数 6単位"), std::string::npos) << check.out;
}

TEST(SheetSummary, AWorkbookFindingAndTheNoticesReachEveryFormat) {
    const std::string f = source_dir() + "/tests/import/sheets/bad-subtotal.xlsx";
    auto with = [&](const std::string& format) { return run_binary("check --type hari-kyu --format " + format + " '" + f + "'"); };
    const std::string finding = "小計の単位数 5単位 が、その科目 2 行（2〜3行目）の合計 4単位 と合いません";
    const std::string notice = "列「教育内容」の結合セルの値を 1 行に使いました（最初: この行）";
    const std::string read_as = "教育内容「基礎分野」は「科学的思考の基盤・人間と生活」として読みました（この書き方で最初: この行）";

    auto text = with("text");
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("bad-subtotal.xlsx:教育課程!D4: エラー: " + finding + " [CUR-021 指導要領 5(3)]"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("bad-subtotal.xlsx:教育課程!B3: 注意: " + notice), std::string::npos);

    auto json = with("json");
    EXPECT_NE(json.out.find("\"notices\":[{\"file\":\"" + f + "\",\"line\":2,\"column\":2,\"path\":\"\",\"cell\":\"教育課程!B2\",\"message\":\"" + read_as), std::string::npos)
        << json.out.substr(0, 2000);
    EXPECT_NE(json.out.find("{\"file\":\"" + f + "\",\"line\":3,\"column\":2,\"path\":\"\",\"cell\":\"教育課程!B3\",\"message\":\"" + notice), std::string::npos)
        << json.out.substr(0, 2000);
    EXPECT_NE(json.out.find("\"rule\":\"CUR-021\",\"severity\":\"error\",\"message\":\"" + finding), std::string::npos);
    EXPECT_NE(json.out.find("\"cell\":\"教育課程!D4\""), std::string::npos);

    auto sarif = with("sarif");
    EXPECT_NE(sarif.out.find("{\"ruleId\":\"SHEET\""), std::string::npos) << sarif.out.substr(0, 400);
    EXPECT_NE(sarif.out.find("\"level\":\"note\",\"message\":{\"text\":\"" + notice), std::string::npos);
    EXPECT_NE(sarif.out.find("{\"fullyQualifiedName\":\"教育課程!D4\",\"kind\":\"member\"}"), std::string::npos);
    EXPECT_NE(sarif.out.find("{\"fullyQualifiedName\":\"教育課程!B3\",\"kind\":\"member\"}"), std::string::npos);
    EXPECT_NE(sarif.out.find("\"id\":\"SHEET\",\"name\":\"SheetReadNotice\""), std::string::npos);

    auto junit = with("junit");
    EXPECT_NE(junit.out.find("<system-out>" + f + ":教育課程!B2: 注意: " + read_as + "&#10;" + f + ":教育課程!B3: 注意: " + notice +
                             "&#10;</system-out>\n</testsuite>"),
              std::string::npos)
        << junit.out.substr(0, 3000);
    EXPECT_NE(junit.out.find("<failure message=\"" + finding + "\" type=\"error\">"), std::string::npos);

    auto gh = with("github");
    EXPECT_NE(gh.out.find("::notice file=" + f + ",line=3,col=2,title=SHEET::教育課程!B3: " + notice + "\n"), std::string::npos) << gh.out;
    // (That workbook has more than ten errors, so GitHub's limit leaves CUR-021 to the plain lines: see the CSV below.)
    EXPECT_NE(gh.out.find(f + ":教育課程!D4: エラー: " + finding), std::string::npos) << gh.out;

    TempDir d("summary");
    auto html = run_binary("check --type hari-kyu --format html='" + d / "r.html" + "' '" + f + "'");
    EXPECT_EQ(html.exit_code, 1);
    std::string page = read_file(d / "r.html");
    EXPECT_NE(page.find("<details class=\"notices\" open><summary>表の読み方の注意（2件）</summary>\n<ul>\n<li class=\"notice\"><span class=\"loc\">" + f +
                        ":教育課程!B2</span> " + read_as + "</li>\n<li class=\"notice\"><span class=\"loc\">" + f + ":教育課程!B3</span> " + notice + "</li>"),
              std::string::npos);
    EXPECT_NE(page.find(finding), std::string::npos);
    // The area names of a はりきゅう school, as the ordinance writes them, in the report's tables.
    EXPECT_NE(page.find("<td class=\"area\">基礎はり学・基礎きゆう学</td>"), std::string::npos);
    EXPECT_EQ(page.find("基礎あはき学"), std::string::npos);
}

TEST(SheetSummary, AMismatchedTotalOfACompleteSheetIsAGithubErrorAnnotation) {
    TempDir d("summary");
    std::string csv = read_file(source_dir() + "/tests/import/sheets/layout-utf8.csv");
    const std::string from = ",,合計,,94,2835";
    auto at = csv.find(from);
    ASSERT_NE(at, std::string::npos);
    csv.replace(at, from.size(), ",,合計,,95,2835");
    write(d / "l.csv", csv);
    auto gh = run_binary("check --type hari-kyu --format github '" + d / "l.csv" + "'");
    EXPECT_EQ(gh.exit_code, 1);
    EXPECT_NE(gh.out.find(",line=41,col=7,title=CUR-021 指導要領 5(3)::合計の単位数 95単位 が、その科目 34 行（4〜10、12〜23、25〜39行目）の合計 94単位 と合いません"),
              std::string::npos)
        << gh.out;
    EXPECT_NE(gh.out.find("title=SHEET::"), std::string::npos);
    auto sarif = run_binary("check --type hari-kyu --format sarif '" + d / "l.csv" + "'");
    EXPECT_NE(sarif.out.find("\"region\":{\"startLine\":41,\"startColumn\":7}"), std::string::npos);
}

TEST(SheetSummary, ANoticeQuotingHostileTextIsEscapedInTheGithubAnnotation) {
    TempDir d("summary");
    write(d / "f.csv",
          "分野,教育内容,科目名,授業方法,単位数,時間数\n"
          "基礎分野,科学的思考の基盤・人間と生活,心理学,講義,2,30\n"
          "\"x%0A::error file=evil::owned\n::warning::two\",,,,,\n");
    auto gh = run_binary("check --type hari-kyu --format github '" + d / "f.csv" + "'");
    EXPECT_NE(gh.out.find("::notice file="), std::string::npos) << gh.out;
    EXPECT_EQ(gh.out.find("\n::error file=evil"), std::string::npos) << gh.out;
    EXPECT_EQ(gh.out.find("\n::warning::two"), std::string::npos) << gh.out;
    EXPECT_NE(gh.out.find("title=SHEET::行「x%250A::error file=evil::owned\\x0A::warning::two」は科目の行ではないため読み飛ばしました"), std::string::npos)
        << gh.out;
    auto text = run_binary("check --type hari-kyu '" + d / "f.csv" + "'");
    EXPECT_EQ(text.out.find("\n::warning::two"), std::string::npos) << text.out;
}

TEST(SheetSummary, TextAndHtmlTablesNameTheAreasForTheFacilityType) {
    TempDir d("summary");
    write(d / "f.csv", layout("5", "75", "7", "210", "4", "160", "16", "445"));
    auto run = run_binary("check --type はり師きゅう師養成施設 '" + d / "f.csv" + "'");
    EXPECT_NE(run.out.find("    基礎はり学・基礎きゆう学"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("    社会はり学・社会きゆう学"), std::string::npos);
    EXPECT_EQ(run.out.find("基礎あはき学"), std::string::npos);
}

// CUR-021 at its boundary on a hand-written file with one sheet:summary (rule_cases.*).
std::string with_summary(int delta) {
    std::string s = compliant_hari_kyu();
    auto sub = s.find("<subject id=\"");
    if (sub == std::string::npos) return "<not-loadable/>";
    auto id0 = sub + 13, id1 = s.find('"', id0);
    std::string id = s.substr(id0, id1 - id0);
    auto u0 = s.find("units=\"", sub) + 7, u1 = s.find('"', u0);
    int units = std::stoi(s.substr(u0, u1 - u0));
    auto end = s.find("</course>");
    s.insert(end, "<sheet:summary xmlns:sheet=\"urn:ahaki-check:sheet:1\" kind=\"subtotal\" label=\"小計\" subjects=\"" + id + "\" units=\"" +
                      std::to_string(units + delta) + "\"/>\n");
    return s;
}

std::string with_summary_message() {
    std::string s = compliant_hari_kyu();
    auto sub = s.find("<subject id=\"");
    auto line = 1 + std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(sub), '\n');
    auto u0 = s.find("units=\"", sub) + 7, u1 = s.find('"', u0);
    int units = std::stoi(s.substr(u0, u1 - u0));
    return "the printed subtotal of units, " + std::to_string(units + 1) + ", does not match the sum of its 1 subject row (row " +
           std::to_string(line) + "), " + std::to_string(units) + " units";
}

const RegisterRuleCases registered{{
    {"CUR-021", {with_summary(0)}, {with_summary(1)}, with_summary_message()},
}};

TEST(SheetSummary, RuleCaseAtTheBoundary) {
    for (const auto& c : rule_cases()) {
        if (c.rule != "CUR-021") continue;
        EXPECT_EQ(run_pass(c), "");
        EXPECT_EQ(run_fail(c), "");
    }
    // A hand-written file prints no subtotals: the rule has nothing to say.
    FileReport plain = check_xml(compliant_hari_kyu());
    for (const auto& o : plain.outcomes) EXPECT_NE(o.rule_id, "CUR-021");
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// ---- Issue 11 item 4: one workbook, a sheet per section, one school description ----

std::string workbook(const std::vector<import::SheetOut>& sheets) {
    std::string error;
    std::string bytes = import::write_xlsx(sheets, error);
    EXPECT_EQ(error, "");
    return bytes;
}

std::vector<import::SheetOut> clinic_workbook(const std::string& opened1, const std::string& opened2) {
    return {
        {"教育課程",
         {{"令和8年度　教育課程表"},
          {},
          {"科目名", "教育内容", "授業方法", "単位数", "時間数"},
          {"心理学", "科学的思考の基盤・人間と生活", "講義", "2", "30"},
          {"臨床実習Ⅰ", "臨床実習", "臨床実習", "2", "90"},
          {"臨床実習Ⅱ", "臨床実習", "臨床実習", "2", "90"}},
         {},
         {}},
        {"臨床実習施設",
         {{"名称", "種別", "開設年月日", "所在地", "実施科目", "実施単位数", "実施形態"},
          {"附属治療院", "附属", opened1, "東京都", "臨床実習Ⅰ", "2", "施術"},
          {"", "", "", "", "臨床実習Ⅱ", "1単位", "施術"},
          {"協力病院", "医療機関", opened2, "大阪府", "臨床実習Ⅱ", "１", "見学"}},
         {},
         {}},
    };
}

const char* const hand_written =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<school xmlns="urn:ahaki-check:school:1" name="w" type="hari-kyu">
  <course id="day" schedule="day" years="3">
    <subject id="a" name="心理学" area="foundations" method="lecture" units="2" hours="30"/>
    <subject id="b" name="臨床実習Ⅰ" area="clinical-practice" method="clinical" units="2" hours="90">
      <placement site="s1" units="2" mode="practice"/>
    </subject>
    <subject id="c" name="臨床実習Ⅱ" area="clinical-practice" method="clinical" units="2" hours="90">
      <placement site="s1" units="1" mode="practice"/>
      <placement site="s2" units="1" mode="observation"/>
    </subject>
  </course>
  <clinical-sites>
    <site id="s1" name="附属治療院" kind="affiliated" opened="2020-04-01" address="東京都"/>
    <site id="s2" name="協力病院" kind="medical" opened="2019-05-01" address="大阪府"/>
  </clinical-sites>
</school>
)";

std::vector<std::string> judged(const FileReport& r) {
    std::vector<std::string> v;
    for (const auto& o : r.outcomes) {
        std::string line = o.rule_id + " " + std::to_string(static_cast<int>(o.status));
        for (const auto& f : o.findings) line += " | " + f.message.en;
        v.push_back(line);
    }
    return v;
}

TEST(SheetSections, AWorkbookWithPlacementsChecksLikeTheHandWrittenXml) {
    TempDir d("sections");
    write(d / "w.xlsx", workbook(clinic_workbook("令和2年4月1日", "R1.5.1")));
    write(d / "w.xml", hand_written);
    FileReport sheet = check_file(d / "w.xlsx", standards(), hari_kyu());
    ASSERT_TRUE(sheet.errors.empty()) << diagnostic_line(sheet.errors.front(), Lang::en);
    FileReport xml = check_file(d / "w.xml", standards(), RunOptions{});
    ASSERT_TRUE(xml.errors.empty()) << diagnostic_line(xml.errors.front(), Lang::en);
    EXPECT_EQ(judged(sheet), judged(xml));
    // The placements were read: CUR-019 (placement units add up) is checked, not "not checked".
    bool placements_checked = false;
    for (const auto& o : sheet.outcomes)
        if (o.rule_id == "CUR-019") placements_checked = o.status == Status::compliant;
    EXPECT_TRUE(placements_checked);

    auto imp = import::import_sheet(d / "w.xlsx", read_file(d / "w.xlsx"), [] {
        import::CsvOptions o;
        o.name = "w";
        o.origin_name = "w.xlsx";
        return o;
    }());
    ASSERT_TRUE(imp.errors.empty()) << diagnostic_line(imp.errors.front(), Lang::en);
    EXPECT_NE(imp.xml.find(R"(<placement site="site001" units="1" mode="practice" sheet:cell="w.xlsx:臨床実習施設!E3"/>)"), std::string::npos) << imp.xml;
    EXPECT_NE(imp.xml.find(R"(<placement site="site002" units="1" mode="observation" sheet:cell="w.xlsx:臨床実習施設!E4"/>)"), std::string::npos);
    EXPECT_NE(imp.xml.find(R"(name="協力病院" kind="medical" opened="2019-05-01")"), std::string::npos);
}

TEST(SheetSections, DatesAsOfficesWriteThem) {
    const std::pair<const char*, const char*> forms[] = {
        {"令和2年4月1日", "2020-04-01"}, {"R2.4.1", "2020-04-01"},   {"令和元年5月1日", "2019-05-01"},
        {"２０２０年４月１日", "2020-04-01"}, {"2020-04-01", "2020-04-01"}, {"2020/4/1", "2020-04-01"},
        {"平成31年4月30日", "2019-04-30"}, {"Ｒ２．４．１", "2020-04-01"},
    };
    for (const auto& [written, iso] : forms) {
        auto imp = import::import_sheet("w.xlsx", workbook(clinic_workbook(written, "2019-05-01")), [] {
            import::CsvOptions o;
            o.name = "w";
            return o;
        }());
        ASSERT_TRUE(imp.errors.empty()) << written << ": " << diagnostic_line(imp.errors.front(), Lang::en);
        EXPECT_NE(imp.xml.find(std::string("name=\"附属治療院\" kind=\"affiliated\" opened=\"") + iso + "\""), std::string::npos) << written;
    }
    // A day that does not exist is an error at its cell; nothing is written.
    TempDir d("sections");
    write(d / "bad.xlsx", workbook(clinic_workbook("令和7年2月29日", "2019-05-01")));
    auto run = run_binary("check --type hari-kyu '" + d / "bad.xlsx" + "'");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.out.find("bad.xlsx:臨床実習施設!C2: エラー: 「開設年月日」の「令和7年2月29日」は日付として読めません"), std::string::npos) << run.out;
}

TEST(SheetSections, APlacementNeedsItsSubjectAndUnits) {
    auto wb = clinic_workbook("令和2年4月1日", "2019-05-01");
    wb[1].rows[1][5] = "";  // 実施単位数 of the first site
    auto imp = import::import_sheet("w.xlsx", workbook(wb), [] {
        import::CsvOptions o;
        o.name = "w";
        return o;
    }());
    ASSERT_EQ(imp.errors.size(), 1u);
    EXPECT_EQ(location_prefix("w.xlsx", imp.errors[0].loc), "w.xlsx:臨床実習施設!F2");
    EXPECT_EQ(imp.errors[0].message.en, "a placement needs both the subject and its units (this row lacks one)");
    wb = clinic_workbook("令和2年4月1日", "2019-05-01");
    wb[1].rows[3][4] = "臨床実習Ⅲ";
    imp = import::import_sheet("w.xlsx", workbook(wb), [] {
        import::CsvOptions o;
        o.name = "w";
        return o;
    }());
    ASSERT_EQ(imp.errors.size(), 1u);
    EXPECT_EQ(location_prefix("w.xlsx", imp.errors[0].loc) + " " + imp.errors[0].message.ja, "w.xlsx:臨床実習施設!E4 実施科目「臨床実習Ⅲ」は教育課程の表にありません");
}

}  // namespace
}  // namespace ahaki::test
