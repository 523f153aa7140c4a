// Real-layout sheets (tests/import/sheets, written by make_sheets.py): a title
// above the header, a 分野 column, merged or blank group cells, 小計 and 合計
// rows, full-width digits, years such as 1・2, in CSV UTF-8, CSV CP932 and .xlsx.
// Each is checked directly and must give the units and hours of the plain table;
// every finding points at the sheet; bad workbooks are located refusals.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/engine.hpp"
#include "engine/sheet_input.hpp"
#include "import/csv.hpp"
#include "import/names.hpp"
#include "import/xlsx.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

std::string sheet(const std::string& name) { return source_dir() + "/tests/import/sheets/" + name; }

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

std::string summary_of(const FileReport& r) {
    std::string s;
    if (r.courses.empty()) return "no course";
    for (const auto& a : r.courses[0].areas) s += std::string(info(areas(), a.area).code) + "=" + a.units.str() + "/" + a.hours.str() + " ";
    return s + "total=" + r.courses[0].total_units.str() + "/" + r.courses[0].total_hours.str();
}

TEST(SheetCheck, EveryLayoutGivesThePlainTablesUnitsAndHours) {
    const std::string expected =
        "foundations=14/300 body-structure-function=12/345 disease-prevention-recovery=12/360 health-welfare-ethics=3/60 "
        "basic-theory=9/270 clinical-theory=13/390 social-theory=2/30 practical-training=15/600 clinical-practice=4/180 "
        "integrated=10/300 total=94/2835";
    FileReport plain = check_file(sheet("plain.csv"), standards(), hari_kyu());
    ASSERT_TRUE(plain.errors.empty()) << diagnostic_line(plain.errors.front(), Lang::en);
    EXPECT_EQ(summary_of(plain), expected);
    for (const char* f : {"layout-utf8.csv", "layout-cp932.csv", "layout.xlsx"}) {
        FileReport r = check_file(sheet(f), standards(), hari_kyu());
        ASSERT_TRUE(r.errors.empty()) << f << ": " << diagnostic_line(r.errors.front(), Lang::en);
        EXPECT_EQ(summary_of(r), expected) << f;
        EXPECT_EQ(r.courses[0].subject_count, 34u) << f;
        // The same requirements with the same statuses as the plain table, plus the printed subtotals (CUR-021), all matching.
        std::vector<const Outcome*> rest;
        std::size_t summaries = 0;
        for (const auto& o : r.outcomes) {
            if (o.rule_id != "CUR-021") {
                rest.push_back(&o);
                continue;
            }
            EXPECT_EQ(o.status, Status::compliant) << f << " " << o.scope;
            ++summaries;
        }
        EXPECT_EQ(summaries, 4u) << f;  // a 小計 after each 分野 and the 合計
        ASSERT_EQ(rest.size(), plain.outcomes.size()) << f;
        for (std::size_t i = 0; i < rest.size(); ++i) {
            EXPECT_EQ(rest[i]->rule_id + " " + rest[i]->scope, plain.outcomes[i].rule_id + " " + plain.outcomes[i].scope);
            EXPECT_EQ(rest[i]->status, plain.outcomes[i].status) << rest[i]->rule_id;
        }
    }
}

TEST(SheetCheck, WhatWasReadGenerouslyIsNotedOncePerColumn) {
    FileReport x = check_file(sheet("layout.xlsx"), standards(), hari_kyu());
    std::vector<std::string> notes;
    for (const auto& n : x.notices) notes.push_back(location_prefix("l.xlsx", n.loc) + " " + n.message.ja);
    EXPECT_EQ(notes, (std::vector<std::string>{
                         "l.xlsx:教育課程!E27 列「単位数」の全角数字は半角として読みました（この列で最初: この行）",
                         "l.xlsx:教育課程!F27 列「時間数」の全角数字は半角として読みました（この列で最初: この行）",
                         "l.xlsx:教育課程!A5 列「分野」の結合セルの値を 31 行に使いました（最初: この行）",
                         "l.xlsx:教育課程!B5 列「教育内容」の結合セルの値を 24 行に使いました（最初: この行）",
                     }));
    FileReport c = check_file(sheet("layout-cp932.csv"), standards(), hari_kyu());
    EXPECT_EQ(c.encoding, "CP932");
    ASSERT_EQ(c.notices.size(), 4u);
    EXPECT_EQ(location_prefix("c.csv", c.notices[3].loc) + " " + c.notices[3].message.en,
              "c.csv:5:2 24 blank cells of the column 教育内容 were filled from the row above (first: this row)");
}

/// A workbook written by the tool's own writer (inline strings only).
std::string temp_xlsx(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
    import::SheetOut s;
    s.name = "教育課程";
    s.rows = rows;
    std::string error;
    std::string bytes = import::write_xlsx({s}, error);
    EXPECT_TRUE(error.empty()) << error;
    std::string path = (std::filesystem::temp_directory_path() / ("ahaki-sheet-" + std::to_string(::getpid()) + "-" + name)).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

TEST(SheetCheck, FindingsPointAtTheSheetCellInEveryFormat) {
    // 臨床実習 with 3 units (4 needed), and a lecture of 1 unit with 40 hours (15-30 per unit).
    std::string path = temp_xlsx("short.xlsx", {{"教育課程表"}, {}, {"教育内容", "科目名", "授業方法", "単位数", "時間数"},
                                                 {"臨床実習", "臨床実習Ⅰ", "臨床実習", "3", "135"},
                                                 {"人体の構造と機能", "解剖学", "講義", "1", "40"}});
    FileReport r = check_file(path, standards(), hari_kyu());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    std::string cur001, cur004;
    for (const auto& o : r.outcomes)
        for (const auto& f : o.findings) {
            if (f.rule_id == "CUR-001" && o.scope.find("clinical-practice") != std::string::npos) cur001 = f.loc.cell;
            if (f.rule_id == "CUR-004") cur004 = f.loc.cell;
        }
    EXPECT_EQ(cur001, "教育課程!A4");  // the area's first row
    EXPECT_EQ(cur004.substr(0, 13), "教育課程!");
    EXPECT_NE(cur004.find("5"), std::string::npos) << cur004;  // row 5, the lecture
    for (const char* fmt : {"text", "sarif", "github", "json", "junit"}) {
        auto run = run_binary(std::string("check --type はりきゅう --format ") + fmt + " '" + path + "'");
        EXPECT_EQ(run.exit_code, 1) << fmt << run.err;
        EXPECT_NE(run.out.find("教育課程!A4"), std::string::npos) << fmt << "\n" << run.out.substr(0, 2000);
    }
    auto xml_named = run_binary("check '" + path + "'");  // no --type: a located refusal
    EXPECT_EQ(xml_named.exit_code, 2);
    EXPECT_NE(xml_named.out.find("--type"), std::string::npos) << xml_named.out;
    std::filesystem::remove(path);
}

TEST(SheetCheck, ImportedXmlNamesTheSheetRowToo) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "青葉鍼灸専門学校";
    opt.origin_name = "layout.xlsx";
    auto imp = import::import_sheet("layout.xlsx", read_file(sheet("layout.xlsx")), opt);
    ASSERT_TRUE(imp.errors.empty()) << diagnostic_line(imp.errors.front(), Lang::en);
    EXPECT_EQ(imp.sheet, "教育課程");  // the first sheet is instructions, not a curriculum
    EXPECT_NE(imp.xml.find("name=\"解剖学Ⅰ\""), std::string::npos);  // rich text without its phonetic guide
    EXPECT_NE(imp.xml.find("name=\"英語\" area=\"foundations\" method=\"seminar\" units=\"2\" hours=\"60\" year=\"2\" sheet:cell=\"layout.xlsx:教育課程!C7\" sheet:years=\"1-2\""),
              std::string::npos);
    EXPECT_NE(imp.xml.find("covers=\"social-security professional-ethics\" sheet:cell=\"layout.xlsx:教育課程!C23\" sheet:note=\"社会保障制度及び職業倫理を含む\""),
              std::string::npos);
    auto loaded = load_school(SourceText("school.xml", imp.xml, "UTF-8"));
    ASSERT_TRUE(loaded.school);
    EXPECT_EQ(loaded.school->courses[0].subjects[0].loc.cell, "layout.xlsx:教育課程!C4");
    Loc l = loaded.school->courses[0].subjects[0].loc;
    EXPECT_EQ(location_prefix("school.xml", l), "school.xml:" + std::to_string(l.line) + ":" + std::to_string(l.column) + "(layout.xlsx:教育課程!C4)");
}

struct Refusal {
    const char* file;
    const char* where;    ///< location_prefix of the first error
    const char* message;  ///< the start of its English message
};

TEST(SheetCheck, BadWorkbooksAreLocatedRefusals) {
    const Refusal cases[] = {
        {"bad-formula.xlsx", "f:教育課程!D2", "the formula in 教育課程!D2 has no saved result"},
        {"not-curriculum.xlsx", "f:教育課程!A1", "no curriculum header row found"},
        {"bomb.xlsx", "f", "a part of the workbook (xl/sharedStrings.xml) is too large once unpacked"},
        {"encrypted.xlsx", "f", "a password-protected workbook or an old-format (.xls) workbook"},
        {"truncated.xlsx", "f", "cannot read the workbook (.xlsx): a broken zip archive"},
    };
    for (const auto& c : cases) {
        FileReport r = check_file(sheet(c.file), standards(), hari_kyu());
        ASSERT_FALSE(r.errors.empty()) << c.file;
        EXPECT_EQ(r.verdict(), Verdict::invalid);
        EXPECT_EQ(location_prefix("f", r.errors[0].loc), c.where) << c.file;
        EXPECT_EQ(r.errors[0].message.en.substr(0, std::string(c.message).size()), c.message) << c.file << ": " << r.errors[0].message.en;
        auto run = run_binary(std::string("check --type hari-kyu '") + sheet(c.file) + "'");
        EXPECT_EQ(run.exit_code, 2) << c.file;
    }
}

TEST(SheetCheck, ZipLimitsAreCountedOnWhatComesOut) {
    std::vector<Diagnostic> errors;
    import::XlsxLimits tight;
    tight.max_total = 1000;  // the layout workbook's parts are larger
    auto wb = import::read_xlsx("l.xlsx", read_file(sheet("layout.xlsx")), errors, tight);
    EXPECT_TRUE(wb.sheets.empty());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].message.en.find("too large once unpacked"), std::string::npos);
    errors.clear();
    auto ok = import::read_xlsx("l.xlsx", read_file(sheet("layout.xlsx")), errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_EQ(ok.sheets.size(), 2u);
    EXPECT_EQ(ok.sheets[1].name, "教育課程");
}

TEST(SheetNames, EveryWayOfWritingAnAreaForTheFacilityType) {
    using import::match_area;
    auto area_of = [](std::string_view s, FacilityType t) -> std::string {
        auto m = match_area(s, t);
        if (!m) return "none";
        return std::string(info(areas(), m->area).code) + (m->type_ok ? "" : " (other type)");
    };
    const auto hk = FacilityType::hari_kyu, ahk = FacilityType::anma_hari_kyu;
    EXPECT_EQ(area_of("科学的思考の基盤・人間と生活", hk), "foundations");
    EXPECT_EQ(area_of("保健医療福祉とあん摩マッサージ指圧、はり及びきゆうの理念", ahk), "health-welfare-ethics");
    EXPECT_EQ(area_of("基礎はり学・基礎きゆう学", hk), "basic-theory");
    EXPECT_EQ(area_of("基礎はり学・基礎きゅう学", hk), "basic-theory");       // きゅう = きゆう
    EXPECT_EQ(area_of("基礎鍼灸学", hk), "basic-theory");                     // 鍼灸
    EXPECT_EQ(area_of("臨床　はり学･臨床きゆう学", hk), "clinical-theory");  // spaces and a half-width dot
    EXPECT_EQ(area_of("社会あマ指学", ahk), "social-theory");
    EXPECT_EQ(area_of("社会あマ指学", hk), "social-theory (other type)");     // a はりきゅう school teaches no あマ指
    EXPECT_EQ(area_of("実習（臨床実習前施術実技試験を含む）", hk), "practical-training");
    EXPECT_EQ(area_of("専門基礎分野", hk), "none");  // a group, never "corrected" to an area
    EXPECT_EQ(import::area_label(Area::basic_theory, hk), "基礎はり学・基礎きゆう学");
    EXPECT_EQ(import::area_label(Area::basic_theory, ahk), "基礎あん摩マッサージ指圧学・基礎はり学・基礎きゆう学");
    EXPECT_EQ(import::match_facility_type("はり師きゅう師養成施設"), FacilityType::hari_kyu);
    EXPECT_EQ(import::match_facility_type("はりきゅう"), FacilityType::hari_kyu);
    EXPECT_EQ(import::match_facility_type("あはき"), FacilityType::anma_hari_kyu);
    EXPECT_EQ(import::match_facility_type("anma-kyu"), FacilityType::anma_kyu);
    EXPECT_FALSE(import::match_facility_type("鍼灸院"));
    EXPECT_EQ(import::match_method("臨床実習"), Method::clinical);
    EXPECT_EQ(import::match_method("講"), Method::lecture);
}

TEST(SheetNames, AGroupNameInTheAreaColumnIsNotMovedToAnotherArea) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "x";
    auto r = import::import_sheet("g.csv", "分野,教育内容,科目名,授業方法,単位数,時間数\n専門基礎分野,専門基礎分野,解剖学,講義,3,90\n"
                                           "専門分野,人体の構造と機能,生理学,講義,2,60\n", opt);
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(location_prefix("g.csv", r.errors[0].loc) + " " + r.errors[0].message.ja, "g.csv:2:8 「専門基礎分野」は分野の名前です。教育内容を書いてください");
    EXPECT_EQ(r.errors[0].expected.ja, "専門基礎分野の教育内容: 人体の構造と機能、疾病の成り立ち、予防及び回復の促進、保健医療福祉とはり及びきゆうの理念");
    EXPECT_EQ(r.errors[1].message.ja, "教育内容「人体の構造と機能」は専門基礎分野ですが、分野の列は「専門分野」です");
}

TEST(SheetNames, FullWidthDigitsAndYearsSpreadOverYears) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "x";
    auto r = import::import_sheet("y.csv", "科目名,教育内容,授業方法,単位数,時間数,配当年次\n英語,基礎分野,演習,２,６０,１～３年\n"
                                           "心理学,基礎分野,講義,２,３０,1・2\n", opt);
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    ASSERT_EQ(r.notices.size(), 3u);  // one per column, not one per cell; and 基礎分野 read as the area once
    EXPECT_EQ(r.notices[0].message.ja, "教育内容「基礎分野」は「科学的思考の基盤・人間と生活」として読みました（この書き方で最初: この行）");
    EXPECT_EQ(location_prefix("y.csv", r.notices[0].loc), "y.csv:2:4");
    EXPECT_NE(r.xml.find("units=\"2\" hours=\"60\" year=\"3\" sheet:cell=\"y.csv:2:1\" sheet:years=\"1-3\""), std::string::npos) << r.xml;
}

TEST(SheetWriting, FormulaLookingTextIsNeutralised) {
    EXPECT_EQ(import::csv_field("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(import::csv_field("+1"), "'+1");
    EXPECT_EQ(import::csv_field("-1"), "'-1");
    EXPECT_EQ(import::csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(import::csv_field("\tx"), "'\tx");
    EXPECT_EQ(import::csv_field("\rx"), "\"'\rx\"");
    EXPECT_EQ(import::csv_field("解剖学"), "解剖学");
    // In a workbook: an inline string (never a formula) with Excel's quote prefix; read back as the same text.
    std::string path = temp_xlsx("formula.xlsx", {{"=HYPERLINK(\"http://x\")", "@x"}});
    std::vector<Diagnostic> errors;
    auto wb = import::read_xlsx(path, read_file(path), errors);
    ASSERT_TRUE(errors.empty());
    ASSERT_EQ(wb.sheets.size(), 1u);
    EXPECT_EQ(wb.sheets[0].rows[0][0].text, "=HYPERLINK(\"http://x\")");
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

std::string whole_workbook(std::vector<std::vector<std::string>> teachers_extra = {}) {
    std::vector<import::SheetOut> sheets(5);
    sheets[0].name = "教育課程";
    sheets[0].rows = {{"分野", "教育内容", "科目名", "授業方法", "単位数", "時間数"},
                      {"専門分野", "基礎はり学・基礎きゆう学", "東洋医学概論", "講義", "3", "90"},
                      {"", "", "経絡経穴概論", "講義", "3", "90"},
                      {"", "臨床実習", "臨床実習", "臨床実習", "4", "180"}};
    sheets[1].name = "教員一覧";
    sheets[1].rows = {{"教員一覧"}, {"氏名", "専任・兼任", "役職", "教員経験年数", "資格", "担当科目"},
                      {"田中一郎", "専任", "校長", "25", "はり師免許、きゅう師免許", "東洋医学概論、経絡経穴概論"},
                      {"佐藤花子", "非常勤", "", "3", "医師", ""}};
    for (auto& r : teachers_extra) sheets[1].rows.push_back(r);
    sheets[2].name = "臨床実習施設";
    sheets[2].rows = {{"名称", "種別", "開設年月日", "所在地"}, {"附属臨床実習センター", "附属", "2020/4/1", "仙台市"},
                      {"さくら鍼灸治療院", "施術所", "2019年10月1日", ""}};
    sheets[3].name = "校舎・設備";
    sheets[3].rows = {{"区分", "名称", "数量", "水道", "給湯", "集団実習の配置", "所有"}, {"校舎", "", "", "", "", "", "設置者所有"},
                      {"図書室", "図書室（2階）", "", "", "", "", ""}, {"実習室", "実技室", "", "○", "○", "○", ""},
                      {"器械器具等", "施術用ベッド", "３０", "", "", "", ""}};
    sheets[4].name = "表簿";
    sheets[4].rows = {{"表簿の名称", "保存年限"}, {"学籍簿", "20"}, {"出席簿", "5"}};
    std::string error;
    std::string bytes = import::write_xlsx(sheets, error);
    EXPECT_TRUE(error.empty());
    return bytes;
}

TEST(SheetSections, OneWorkbookWithASheetPerSectionIsOneSchool) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "青葉鍼灸専門学校";
    opt.origin_name = "school.xlsx";
    auto imp = import::import_sheet("school.xlsx", whole_workbook(), opt);
    ASSERT_TRUE(imp.errors.empty()) << diagnostic_line(imp.errors.front(), Lang::en);
    EXPECT_EQ(imp.sections, (std::vector<std::string>{"教員一覧", "臨床実習施設", "校舎・設備", "表簿"}));
    auto loaded = load_school(SourceText("school.xml", imp.xml, "UTF-8"));
    ASSERT_TRUE(loaded.school) << (loaded.errors.empty() ? imp.xml : diagnostic_line(loaded.errors.front(), Lang::en) + "\n" + imp.xml);
    const School& s = *loaded.school;
    ASSERT_TRUE(s.teachers && s.sites);
    const auto& ts = s.teachers->list;
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(ts[0].name, "田中一郎");
    EXPECT_EQ(ts[0].employment, Employment::full_time);
    EXPECT_EQ(ts[0].role, TeacherRole::head);
    EXPECT_EQ(ts[0].qualifications.size(), 2u);
    EXPECT_EQ(ts[0].teaches.size(), 2u);
    EXPECT_EQ(ts[1].employment, Employment::part_time);
    ASSERT_EQ(s.sites->size(), 2u);
    EXPECT_EQ((*s.sites)[0].kind, SiteKind::affiliated);
    EXPECT_EQ((*s.sites)[1].details.opened->str(), "2019-10-01");
    ASSERT_TRUE(s.premises);
    EXPECT_TRUE(s.premises->library);
    ASSERT_EQ(s.premises->practice_rooms.size(), 1u);
    EXPECT_EQ(s.premises->practice_rooms[0].hot_water, true);
    ASSERT_TRUE(s.equipment);
    EXPECT_EQ(s.equipment->items.at(0).quantity.str(), "30");
    ASSERT_TRUE(s.records);
    EXPECT_EQ(s.records->books.size(), 2u);
    EXPECT_NE(imp.xml.find("name=\"田中一郎\" employment=\"full-time\" role=\"head\" years-teaching=\"25\" sheet:cell=\"school.xlsx:教員一覧!A3\""),
              std::string::npos) << imp.xml;
}

TEST(SheetSections, ABadCellInASectionIsLocatedOnItsSheet) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "x";
    auto imp = import::import_sheet("s.xlsx", whole_workbook({{"鈴木", "常勤", "", "x", "柔道整復師", "解剖学"}}), opt);
    std::vector<std::string> got;
    for (const auto& d : imp.errors) got.push_back(location_prefix("s.xlsx", d.loc) + " " + d.message.ja);
    EXPECT_EQ(got, (std::vector<std::string>{
                       "s.xlsx:教員一覧!B5 「専任・兼任」の「常勤」は使えません",
                       "s.xlsx:教員一覧!D5 「教員経験年数」の「x」は数ではありません",
                       "s.xlsx:教員一覧!E5 資格「柔道整復師」は一覧にありません",
                       "s.xlsx:教員一覧!F5 担当科目「解剖学」は教育課程の表にありません",
                   }));
    EXPECT_TRUE(imp.xml.empty());
}

TEST(SheetTemplate, WritesAWorkbookAndCsvsThatReadBackAsTheLayout) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("ahaki-template-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto r = run_binary("template --type はりきゅう -o '" + (dir / "t.xlsx").string() + "' --csv '" + (dir / "csv").string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<Diagnostic> errors;
    auto wb = import::read_xlsx("t.xlsx", read_file((dir / "t.xlsx").string()), errors);
    ASSERT_TRUE(errors.empty());
    std::vector<std::string> names;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"教育課程", "教員一覧", "臨床実習施設", "校舎・設備", "表簿", "選択肢"}));
    EXPECT_EQ(wb.sheets[0].rows[2][1].text, "教育内容");
    // The drop-down of 教育内容 offers the names 別表第一 gives a はりきゅう school.
    std::string xml = read_file((dir / "t.xlsx").string());
    bool found = false;
    for (const auto& row : wb.sheets.back().rows)
        found = found || (!row.empty() && row[0].text == "基礎はり学・基礎きゆう学");
    EXPECT_TRUE(found);
    EXPECT_NE(read_file((dir / "csv" / "教育課程.csv").string()).find("分野,教育内容,科目名,授業方法,単位数,時間数,配当年次,備考\r\n"),
              std::string::npos);
    // An empty template is not a curriculum yet: a located refusal, exit 2.
    auto check = run_binary("check --type hari-kyu '" + (dir / "t.xlsx").string() + "'");
    EXPECT_EQ(check.exit_code, 2);
    EXPECT_NE(check.out.find("t.xlsx:教育課程!A3: エラー: 科目の行がありません"), std::string::npos) << check.out;
    fs::remove_all(dir);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// Damaged workbooks (bytes flipped, cut, zeroed): never a crash (the sanitizer
// build runs this too), always either a school description or a located error.
TEST(SheetRobustness, MutatedWorkbooksGiveXmlOrErrors) {
    const std::string good = read_file(sheet("layout.xlsx"));
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "x";
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u; };
    std::size_t refused = 0, read = 0;
    for (int i = 0; i < 300; ++i) {
        std::string bytes = good;
        switch (i % 3) {
            case 0:
                for (int k = 0; k < 4; ++k) bytes[next() % bytes.size()] = static_cast<char>(next());
                break;
            case 1: bytes.resize(next() % bytes.size()); break;
            default: {
                std::size_t at = next() % bytes.size();
                for (std::size_t k = at; k < std::min(bytes.size(), at + 64); ++k) bytes[k] = 0;
            }
        }
        auto r = import::import_sheet("m.xlsx", bytes, opt);
        EXPECT_NE(r.xml.empty(), r.errors.empty()) << i;
        (r.errors.empty() ? read : refused) += 1;
        for (const auto& d : r.errors) EXPECT_FALSE(d.message.ja.empty() || d.message.en.empty());
    }
    EXPECT_GT(refused, 100u);  // the zip's checksums catch most damage
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

TEST(SheetCheck, AHeaderOfTwoMergedRowsIsReadOnce) {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "x";
    auto r = import::import_sheet("t.xlsx", read_file(sheet("two-row-header.xlsx")), opt);
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_EQ(r.subjects, 2u);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// Excel date serials, shared by the school sheets and the clinic ledger (import/xlsx.hpp).
std::string serial(const std::string& text, bool date1904) {
    Text problem;
    auto d = import::excel_serial_date(text, date1904, problem);
    return d ? d->str() : "error: " + problem.en;
}

TEST(ExcelSerialDate, BothDateSystemsAtTheirBoundaries) {
    EXPECT_EQ(serial("45383", false), "2024-04-01");
    EXPECT_EQ(serial("43921", true), "2024-04-01");  // 1,462 days fewer in the 1904 system
    EXPECT_EQ(serial("45383.75", false), "2024-04-01");  // a time of day is dropped
    EXPECT_EQ(serial("1", false), "1900-01-01");
    EXPECT_EQ(serial("59", false), "1900-02-28");
    EXPECT_EQ(serial("61", false), "1900-03-01");
    EXPECT_EQ(serial("60", false), "error: the date serial number 60 is 1900-02-29, which does not exist (Excel's 1900 leap-year bug)");
    EXPECT_EQ(serial("0", false), "error: the date serial number 0 is no date (Excel shows it as 1900-01-00)");
    EXPECT_EQ(serial("0", true), "1904-01-01");
    EXPECT_EQ(serial("2958465", false), "9999-12-31");
    EXPECT_EQ(serial("2958466", false), "error: the date serial number 2958466 is too large (up to 9999-12-31)");
    EXPECT_EQ(serial("-1", false), "error: the date serial number -1 is negative");
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// The 教員一覧 columns of 6(7), 6(11), 14(1) and the employment period; the 校舎 row's lease and shared use (10(5), 10(6)).
std::string workbook_with(std::vector<std::vector<std::string>> teachers, std::vector<std::vector<std::string>> premises) {
    std::vector<import::SheetOut> sheets(3);
    sheets[0].name = "教育課程";
    sheets[0].rows = {{"分野", "教育内容", "科目名", "授業方法", "単位数", "時間数"},
                      {"専門分野", "基礎はり学・基礎きゆう学", "東洋医学概論", "講義", "3", "90"}};
    sheets[1].name = "教員一覧";
    sheets[1].rows = std::move(teachers);
    sheets[2].name = "校舎・設備";
    sheets[2].rows = std::move(premises);
    std::string error;
    std::string bytes = import::write_xlsx(sheets, error);
    EXPECT_TRUE(error.empty());
    return bytes;
}

import::CsvOptions hari_kyu_options() {
    import::CsvOptions opt;
    opt.type = FacilityType::hari_kyu;
    opt.name = "青葉鍼灸専門学校";
    opt.origin_name = "school.xlsx";
    return opt;
}

TEST(SheetSections, TeachersPeriodsAndTheBuildingsLeaseAreRead) {
    auto bytes = workbook_with(
        {{"氏名", "専任・兼任", "資格", "担当科目", "臨床に従事", "実習調整者", "資格確認日", "採用年月日", "退職年月日", "生年月日"},
         {"田中一郎", "専任", "はり師免許、きゅう師免許", "東洋医学概論", "○", "○", "令和2年3月1日", "2020/4/1", "", "1970-04-01"},
         {"佐藤花子", "兼任", "医師", "", "×", "", "", "R3.4.1", "令和8年3月31日", ""}},
        {{"区分", "名称", "所有", "賃貸借の開始日", "賃貸借の終了日", "併用", "併用の内容"},
         {"校舎", "", "賃貸借", "2020-04-01", "2040-03-31", "○", "夜間は地域の公民館"},
         {"図書室", "図書室", "", "", "", "", ""}});
    auto imp = import::import_sheet("school.xlsx", bytes, hari_kyu_options());
    ASSERT_TRUE(imp.errors.empty()) << diagnostic_line(imp.errors.front(), Lang::en);
    auto loaded = load_school(SourceText("school.xml", imp.xml, "UTF-8"));
    ASSERT_TRUE(loaded.school) << (loaded.errors.empty() ? imp.xml : diagnostic_line(loaded.errors.front(), Lang::en) + "\n" + imp.xml);
    const auto& ts = loaded.school->teachers->list;
    ASSERT_EQ(ts.size(), 2u);
    EXPECT_EQ(ts[0].clinical_engagement, true);
    EXPECT_TRUE(ts[0].placement_coordinator);
    EXPECT_EQ(ts[0].documents_verified->str(), "2020-03-01");
    EXPECT_EQ(ts[0].employed_from->str(), "2020-04-01");
    EXPECT_FALSE(ts[0].employed_until);
    EXPECT_EQ(ts[0].birth_date->str(), "1970-04-01");
    EXPECT_EQ(ts[1].clinical_engagement, false);
    EXPECT_FALSE(ts[1].placement_coordinator);
    EXPECT_EQ(ts[1].employed_from->str(), "2021-04-01");
    EXPECT_EQ(ts[1].employed_until->str(), "2026-03-31");
    const auto& p = *loaded.school->premises;
    EXPECT_EQ(p.lease_start->str(), "2020-04-01");
    EXPECT_EQ(p.lease_end->str(), "2040-03-31");
    EXPECT_EQ(p.shared_use, true);
    EXPECT_EQ(p.shared_use_note, "夜間は地域の公民館");
    // Each attribute keeps its cell (a finding about it points at the sheet).
    EXPECT_NE(imp.xml.find("<premises ownership=\"leased\" lease-start=\"2020-04-01\" lease-end=\"2040-03-31\" shared-use=\"true\" "
                           "shared-use-note=\"夜間は地域の公民館\">"), std::string::npos) << imp.xml;
}

TEST(SheetSections, ABuildingRowAloneIsThePremisesWithItsLease) {
    auto bytes = workbook_with({{"氏名", "専任・兼任"}, {"田中一郎", "専任"}},
                               {{"区分", "名称", "所有", "賃貸借の開始日", "賃貸借の終了日"}, {"校舎", "", "賃貸借", "2020-04-01", "2021-03-31"}});
    const std::string path = (std::filesystem::temp_directory_path() / ("ahaki-sheet-" + std::to_string(::getpid()) + "-lease.xlsx")).string();
    std::ofstream(path, std::ios::binary) << bytes;
    auto run = run_binary("check --type hari-kyu --lang en --format json '" + path + "'");
    std::filesystem::remove(path);
    // No intake date in a sheet: the one-year lease is for review (PRM-005), at the 校舎 row's cells.
    EXPECT_NE(run.out.find("\"rule\":\"PRM-005\",\"scope\":\"premises\",\"label\":\"ownership or lease of the premises\",\"status\":\"needs-review\","
                           "\"basis\":\"computed\",\"citation\":\"指導要領 10(5)\",\"measured\":{\"text\":\"lease 2020-04-01 to 2021-03-31 (1 year)\"}"),
              std::string::npos) << run.out.substr(0, 3000);
    EXPECT_NE(run.out.find("\"cell\":\"校舎・設備!C2\""), std::string::npos) << run.out.substr(0, 3000);
}

TEST(SheetSections, ABuildingsLeaseOnAnotherRowIsRefusedAtItsCell) {
    auto bytes = workbook_with({{"氏名", "専任・兼任", "雇用開始日"}, {"田中一郎", "専任", "2020-02-30"}},
                               {{"区分", "名称", "所有", "賃貸借の終了日"}, {"校舎", "", "設置者所有", ""}, {"図書室", "図書室", "", "2040-03-31"}});
    auto imp = import::import_sheet("s.xlsx", bytes, hari_kyu_options());
    std::vector<std::string> got;
    for (const auto& d : imp.errors) got.push_back(location_prefix("s.xlsx", d.loc) + " " + d.message.ja + " | " + d.message.en);
    EXPECT_EQ(got, (std::vector<std::string>{
                       "s.xlsx:教員一覧!C2 「雇用開始日」の「2020-02-30」は日付として読めません: 2020-02-30 は存在しない日付です（2020年2月は29日まで） | "
                       "'2020-02-30' in 雇用開始日 is not a date: 2020-02-30 does not exist (2020-02 has 29 days)",
                       "s.xlsx:校舎・設備!D3 「賃貸借の終了日」は区分「校舎」の行に書きます | the 賃貸借の終了日 belongs on the row 校舎",
                   }));
    EXPECT_TRUE(imp.xml.empty());
}

}  // namespace
}  // namespace ahaki::test
