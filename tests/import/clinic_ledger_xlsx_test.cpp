// Visit ledgers as Excel workbooks (import --kind clinic LEDGER.xlsx): the real-layout workbook of
// tests/import/sheets (make_ledgers.py: a sheet before the ledger, a title above the header, date
// cells in 和暦 and yyyy/m/d formats, a formula with its saved result, numbers for yen and km) gives
// exactly the XML and the findings of the same sheet saved as CSV, in the 1900 and the 1904 date
// systems and with ISO 8601 (type d) date cells; Excel serial dates at their boundaries; every bad workbook a refusal at its sheet cell.
#include <gtest/gtest.h>

#include <fstream>

#include "import/clinic_ledger.hpp"
#include "import/grid.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

using import::LedgerOptions;
using import::LedgerResult;

LedgerOptions options() {
    LedgerOptions o;
    o.name = "青葉鍼灸院";
    return o;
}

std::string sheet_file(const std::string& name) { return source_dir() + "/tests/import/sheets/" + name; }
std::string bad_file(const std::string& name) { return source_dir() + "/tests/bad-input/files/" + name; }

LedgerResult import_file(const std::string& path, const LedgerOptions& o = options()) {
    return import::import_ledger(path.substr(path.rfind('/') + 1), read_file(path), o);
}

TEST(ClinicLedgerWorkbook, TheSheetGivesTheXmlOfTheSameSheetSavedAsCsv) {
    auto csv = import_file(sheet_file("ledger-layout.csv"));
    ASSERT_TRUE(csv.errors.empty()) << diagnostic_line(csv.errors.front(), Lang::en);
    auto x = import_file(sheet_file("ledger-layout.xlsx"));
    ASSERT_TRUE(x.errors.empty()) << diagnostic_line(x.errors.front(), Lang::en);
    EXPECT_EQ(x.encoding, "xlsx");
    EXPECT_EQ(x.sheet, "来院記録");  // by its name, after the 集計 sheet
    EXPECT_EQ(x.xml, csv.xml);
    EXPECT_EQ(x.ignored_columns, std::vector<std::string>{"備考"});
    EXPECT_EQ(x.patients, 5u);
    EXPECT_EQ(x.visits, 9u);
    EXPECT_EQ(x.claims, 7u);
    // The 1904 date system: other serial numbers, the same days.
    auto y = import_file(sheet_file("ledger-1904.xlsx"));
    ASSERT_TRUE(y.errors.empty()) << diagnostic_line(y.errors.front(), Lang::en);
    EXPECT_EQ(y.xml, csv.xml);
    // Date cells of type d (ISO 8601 date and time, as Strict Open XML writes them): the same days.
    auto z = import_file(sheet_file("ledger-isodate.xlsx"));
    ASSERT_TRUE(z.errors.empty()) << diagnostic_line(z.errors.front(), Lang::en);
    EXPECT_EQ(z.xml, csv.xml);
    // What the cells say: a 和暦 date cell, a yyyy/m/d date cell, a formula's saved result, a number for km,
    // the header on row 3 (a title and a blank row above it).
    EXPECT_NE(x.xml.find("    <consent id=\"pt-0001-c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"佐藤一郎\" disease=\"lumbago\" ledger:row=\"4\"/>\n"),
              std::string::npos) << x.xml;
    EXPECT_NE(x.xml.find("<visit date=\"2024-11-06\" consent=\"pt-0001-c1\" techniques=\"hari\" place=\"home\" home-visit=\"sudden\" distance-km=\"3.2\""),
              std::string::npos);
    EXPECT_NE(x.xml.find("birth-date=\"1950-04-01\""), std::string::npos);
    EXPECT_NE(x.xml.find("<end date=\"2024-09-30\" outcome=\"cured\" ledger:row=\"11\"/>"), std::string::npos);
    EXPECT_NE(x.xml.find("month=\"2024-10\" total=\"7840\""), std::string::npos) << x.xml;  // 4100 + 1870 (a formula) + 1870
}

TEST(ClinicLedgerWorkbook, CheckingTheImportsGivesTheSameFindings) {
    TempDir dir("ledger-xlsx");
    const std::string a = dir / "a.xml", b = dir / "b.xml";
    auto ia = run_binary("import --kind clinic --name 青葉鍼灸院 -o '" + a + "' '" + sheet_file("ledger-layout.xlsx") + "'");
    ASSERT_EQ(ia.exit_code, 0) << ia.err;
    EXPECT_NE(ia.err.find("患者 5 人、施術 9 日、申請 7 件を変換しました（xlsx、シート 来院記録）"), std::string::npos) << ia.err;
    auto ib = run_binary("import --kind clinic --name 青葉鍼灸院 -o '" + b + "' '" + sheet_file("ledger-layout.csv") + "'");
    ASSERT_EQ(ib.exit_code, 0) << ib.err;
    EXPECT_EQ(read_file(a), read_file(b));
    auto ca = run_binary("check --lang en '" + a + "'"), cb = run_binary("check --lang en '" + b + "'");
    EXPECT_EQ(ca.exit_code, cb.exit_code);
    EXPECT_NE(ca.out.find("CLM-"), std::string::npos) << ca.out;  // the clinic rules ran
    auto same = [&](std::string s, const std::string& path) {
        for (auto p = s.find(path); p != std::string::npos; p = s.find(path)) s.replace(p, path.size(), "X");
        return s;
    };
    EXPECT_EQ(same(ca.out, a), same(cb.out, b));
}

// A sheet built in the test: the header on row 1, one treatment row on row 2 whose cells are given.
import::Grid one_row(const std::vector<std::pair<std::string, bool>>& cells) {
    import::Grid g;
    g.workbook = true;
    g.name = "来院記録";
    const std::vector<std::string> head = {"患者番号", "患者氏名", "生年月日", "同意日", "同意医師", "同意疾病", "施術日", "術式"};
    g.rows.resize(2);
    for (std::uint32_t c = 0; c < head.size(); ++c) g.rows[0].push_back(import::Cell{head[c], 1, c + 1, false, false});
    for (std::uint32_t c = 0; c < cells.size(); ++c) g.rows[1].push_back(import::Cell{cells[c].first, 2, c + 1, cells[c].second, false});
    g.row_lines = {1, 2};
    return g;
}

/// The ISO visit date a serial number in the 施術日 cell is read as, or the first error.
std::string visit_of_serial(const std::string& serial, bool date1904, Lang L = Lang::en) {
    auto r = import::convert_ledger("l.xlsx", one_row({{"P1", false}, {"山田花子", false}, {"", false}, {date1904 ? "0" : "1", true}, {"佐藤一郎", false},
                                                       {"腰痛症", false}, {serial, true}, {"はり", false}}),
                                    options(), date1904);
    if (!r.errors.empty()) return diagnostic_line(r.errors.front(), L);
    auto p = r.xml.find("<visit date=\"");
    return p == std::string::npos ? r.xml : r.xml.substr(p + 13, 10);
}

TEST(ClinicLedgerWorkbook, SerialDatesInThe1900And1904Systems) {
    EXPECT_EQ(visit_of_serial("45581", false), "2024-10-16");
    EXPECT_EQ(visit_of_serial("45581.75", false), "2024-10-16");  // a time of day: the same treatment day
    EXPECT_EQ(visit_of_serial("44119", true), "2024-10-16");
    EXPECT_EQ(visit_of_serial("1", false), "1900-01-01");
    EXPECT_EQ(visit_of_serial("59", false), "1900-02-28");
    EXPECT_EQ(visit_of_serial("61", false), "1900-03-01");
    EXPECT_EQ(visit_of_serial("0", true), "1904-01-01");
    EXPECT_EQ(visit_of_serial("60", false),
              "l.xlsx:来院記録!G2: error: 施術日: the date serial number 60 is 1900-02-29, which does not exist (Excel's 1900 leap-year bug) "
              "(expected: a date (a date cell, or text such as 令和6年10月1日))");
    EXPECT_EQ(visit_of_serial("60", false, Lang::ja),
              "l.xlsx:来院記録!G2: エラー: 施術日: 日付のシリアル値 60 は存在しない 1900年2月29日です（Excel の1900年うるう年の誤り）"
              "（期待: 日付（日付のセルか、令和6年10月1日 のような文字））");
    auto starts = [](const std::string& s, const std::string& prefix) { return s.substr(0, prefix.size()) == prefix ? prefix : s; };
    const std::string at = "l.xlsx:来院記録!G2: error: 施術日: ";
    EXPECT_EQ(starts(visit_of_serial("0", false), at + "the date serial number 0 is no date"), at + "the date serial number 0 is no date");
    EXPECT_EQ(starts(visit_of_serial("-3", false), at + "the date serial number -3 is negative"), at + "the date serial number -3 is negative");
    EXPECT_EQ(starts(visit_of_serial("2958466", false), at + "the date serial number 2958466 is too large"),
              at + "the date serial number 2958466 is too large");
    EXPECT_EQ(visit_of_serial("2958465", false), "9999-12-31");
    // A number in the consent-date column is a date too (serial 1 = 1900-01-01 there, before the visit).
    // Text in a date cell is read as text: 和暦 by the one parser, with its era rule.
    auto r = import::convert_ledger("l.xlsx", one_row({{"P1", false}, {"山田花子", false}, {"昭和64年1月8日", false}, {"45575", true},
                                                       {"佐藤一郎", false}, {"腰痛症", false}, {"令和元年4月30日", false}, {"はり", false}}),
                                    options());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(diagnostic_line(r.errors[0], Lang::en),
              "l.xlsx:来院記録!G2: error: 施術日: 令和元年4月30日 is outside its era (令和, from 2019-05-01) "
              "(expected: 令和 dates run from 2019-05-01; earlier dates are 平成)");
}

TEST(ClinicLedgerWorkbook, NumbersForYenAndDistance) {
    import::Grid g = one_row({{"P1", false}, {"山田花子", false}, {"", false}, {"45575", true}, {"佐藤一郎", false}, {"腰痛症", false},
                              {"45581", true}, {"はり", false}});
    g.rows[0].push_back(import::Cell{"金額", 1, 9, false, false});
    g.rows[1].push_back(import::Cell{"1610.5", 2, 9, true, false});
    auto r = import::convert_ledger("l.xlsx", g, options());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(diagnostic_line(r.errors[0], Lang::en), "l.xlsx:来院記録!I2: error: 金額: amounts are whole yen (no decimals) (expected: whole yen (e.g. 1,610))");
    g.rows[1][8].text = "1610";
    auto ok = import::convert_ledger("l.xlsx", g, options());
    ASSERT_TRUE(ok.errors.empty()) << diagnostic_line(ok.errors.front(), Lang::en);
    EXPECT_NE(ok.xml.find("total=\"1610\""), std::string::npos);
    // A value right of the header's last column: no header says what it is.
    g.rows[1].push_back(import::Cell{"メモ", 2, 10, false, false});
    auto extra = import::convert_ledger("l.xlsx", g, options());
    ASSERT_EQ(extra.errors.size(), 1u);
    EXPECT_EQ(diagnostic_line(extra.errors[0], Lang::en),
              "l.xlsx:来院記録!J2: error: a value 'メモ' in a column without a header (expected: values only in the 9 columns with a header)");
    // An empty required cell past the row's last value is located at its own column.
    import::Grid short_row = one_row({{"P1", false}, {"山田花子", false}, {"", false}, {"45575", true}, {"佐藤一郎", false}, {"腰痛症", false}, {"45581", true}});
    auto e = import::convert_ledger("l.xlsx", short_row, options());
    ASSERT_EQ(e.errors.size(), 1u);
    EXPECT_EQ(location_prefix(e.errors[0].file, e.errors[0].loc), "l.xlsx:来院記録!H2");
}

TEST(ClinicLedgerWorkbook, AHeaderOfTwoMergedRowsIsReadOnce) {
    import::Grid g = one_row({{"P1", false}, {"山田花子", false}, {"", false}, {"45575", true}, {"佐藤一郎", false}, {"腰痛症", false},
                              {"45581", true}, {"はり", false}});
    std::vector<import::Cell> copy = g.rows[0];
    for (auto& c : copy) {
        c.line = 2;
        c.merged = true;
    }
    for (auto& c : g.rows[1]) c.line = 3;
    g.rows.insert(g.rows.begin() + 1, copy);
    g.row_lines = {1, 2, 3};
    auto r = import::convert_ledger("l.xlsx", g, options());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_EQ(r.visits, 1u);
    EXPECT_NE(r.xml.find("<visit date=\"2024-10-16\" consent=\"pt-P1-c1\" techniques=\"hari\" ledger:row=\"3\"/>"), std::string::npos) << r.xml;
    // The same cells typed again (not merged) are a row, and refused as one.
    for (auto& c : g.rows[1]) c.merged = false;
    EXPECT_FALSE(import::convert_ledger("l.xlsx", g, options()).errors.empty());
}

struct Refusal {
    const char* file;
    const char* where;    ///< location_prefix of the first error
    const char* message;  ///< the start of its English message
};

TEST(ClinicLedgerWorkbook, BadWorkbooksAreRefusalsAtTheirSheetCell) {
    const Refusal cases[] = {
        {"ledger-formula-without-result.xlsx", "f:来院記録!R5", "the formula in 来院記録!R5 has no saved result"},
        {"ledger-date-does-not-exist.xlsx", "f:来院記録!H6", "施術日: 令和7年2月29日 does not exist (2025-02 has 28 days)"},
        {"ledger-before-era.xlsx", "f:来院記録!H7", "施術日: 令和元年4月30日 is outside its era (令和, from 2019-05-01)"},
        {"ledger-serial-1900-02-29.xlsx", "f:来院記録!H5", "施術日: the date serial number 60 is 1900-02-29, which does not exist"},
        {"ledger-no-header.xlsx", "f:料金表!A1", "no ledger header row found"},
        {"ledger-encrypted.xlsx", "f", "a password-protected workbook or an old-format (.xls) workbook"},
        {"ledger-truncated.xlsx", "f", "cannot read the workbook (.xlsx): a broken zip archive"},
        {"ledger-era-before-start.csv", "f:4:24", "同意日: 令和元年4月30日 is outside its era (令和, from 2019-05-01)"},
    };
    TempDir dir("ledger-bad");
    for (const auto& c : cases) {
        auto r = import::import_ledger("f", read_file(bad_file(c.file)), options());
        ASSERT_FALSE(r.errors.empty()) << c.file;
        EXPECT_TRUE(r.xml.empty()) << c.file;
        EXPECT_EQ(location_prefix("f", r.errors[0].loc), c.where) << c.file;
        EXPECT_EQ(r.errors[0].message.en.substr(0, std::string(c.message).size()), c.message) << c.file << ": " << r.errors[0].message.en;
        const std::string out = dir / "out.xml";
        auto run = run_binary("import --kind clinic -o '" + out + "' '" + bad_file(c.file) + "'");
        EXPECT_EQ(run.exit_code, 2) << c.file;
        EXPECT_TRUE(dir.entries().empty()) << c.file << ": nothing is written";
    }
}

TEST(ClinicLedgerWorkbook, TheSheetIsChosenByNameOrByOption) {
    // --sheet: the 集計 sheet has no ledger header; a sheet that does not exist is named with the ones that do.
    LedgerOptions o = options();
    o.sheet = "集計";
    auto s = import_file(sheet_file("ledger-layout.xlsx"), o);
    ASSERT_FALSE(s.errors.empty());
    EXPECT_EQ(location_prefix(s.errors[0].file, s.errors[0].loc), "ledger-layout.xlsx:集計!A1");
    o.sheet = "来院";
    auto n = import_file(sheet_file("ledger-layout.xlsx"), o);
    ASSERT_EQ(n.errors.size(), 1u);
    EXPECT_EQ(diagnostic_line(n.errors[0], Lang::ja), "ledger-layout.xlsx: エラー: シート「来院」がありません（期待: 次のシートのいずれか: 集計、来院記録）");
    o.sheet = "来院記録";
    EXPECT_TRUE(import_file(sheet_file("ledger-layout.xlsx"), o).errors.empty());
    auto run = run_binary("import --kind clinic --sheet 集計 '" + sheet_file("ledger-layout.xlsx") + "'");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find("ledger-layout.xlsx:集計!A1: エラー: 施術台帳の見出し行が見つかりません"), std::string::npos) << run.err;
}

TEST(ClinicLedgerTemplate, TheTemplateReadsBackOnceFilledIn) {
    TempDir dir("ledger-template");
    auto t = run_binary("template --kind clinic -o '" + (dir / "施術台帳.xlsx") + "' --csv '" + dir.str() + "'");
    ASSERT_EQ(t.exit_code, 0) << t.err;
    // The empty workbook: the header is found on row 3 below the title and the instruction row.
    auto empty = import_file(dir / "施術台帳.xlsx");
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(diagnostic_line(empty.errors[0], Lang::en),
              "施術台帳.xlsx:施術台帳!A3: error: no treatment rows (expected: one row per treatment day below the header)");
    // The CSV filled in from row 4 (the required columns first, then the optional ones).
    std::string csv = read_file(dir / "施術台帳.csv");
    ASSERT_NE(csv.find("患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,生年月日,"), std::string::npos) << csv;
    csv += "P1,山田花子,令和6年10月10日,佐藤一郎,腰痛症,令和6年10月16日,はり,S25.4.1,初回,書面,,○,,,,,,,,1610\r\n";
    auto filled = import::import_ledger("施術台帳.csv", csv, options());
    ASSERT_TRUE(filled.errors.empty()) << diagnostic_line(filled.errors.front(), Lang::en);
    EXPECT_TRUE(filled.ignored_columns.empty());
    EXPECT_NE(filled.xml.find("<visit date=\"2024-10-16\" consent=\"pt-P1-c1\" techniques=\"hari\" first-exam=\"true\" ledger:row=\"4\"/>"),
              std::string::npos) << filled.xml;
    auto bad = run_binary("template --kind hospital -o '" + (dir / "x.xlsx") + "'");
    EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace ahaki::test
