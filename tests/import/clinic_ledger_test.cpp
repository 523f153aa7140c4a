// Visit-ledger import (import --kind clinic): the XML it writes, the encodings, every date form in
// a cell, and every bad cell located at its row and column with the exact message in ja and en.
#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdlib>
#include <fstream>

#include "import/clinic_ledger.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

using import::convert_ledger;
using import::import_ledger_csv;
using import::LedgerOptions;
using import::LedgerResult;

LedgerOptions options() {
    LedgerOptions o;
    o.name = "青葉鍼灸院";
    return o;
}

LedgerResult run(const std::string& csv) { return import_ledger_csv("l.csv", csv, options()); }

/// The only error of an import as the CLI prints it (file:line:col: error: … (expected: …)).
std::string only_error(const std::string& csv, Lang L = Lang::en) {
    auto r = run(csv);
    EXPECT_EQ(r.errors.size(), 1u) << (r.errors.size() > 1 ? diagnostic_line(r.errors[1], L) : r.xml);
    EXPECT_TRUE(r.xml.empty());
    return r.errors.empty() ? std::string() : diagnostic_line(r.errors.front(), L);
}

std::string to_cp932(const std::string& utf8) {
    iconv_t cd = iconv_open("CP932", "UTF-8");
    EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

// Columns: 1 患者番号, 2 患者氏名, 3 同意日, 4 同意医師, 5 同意疾病, 6 施術日, 7 術式, 8 電療, 9 往療,
// 10 往療距離, 11 往療理由, 12 転帰, 13 金額
const std::string head = "患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,電療,往療,往療距離,往療理由,転帰,金額\n";
const std::string good_row = "P1,山田花子,令和6年10月10日,佐藤一郎,腰痛症,令和6年10月16日,はり,,,,,,1610\n";

/// A ledger of one row whose cell `col` (1-based, of `head`) is `value`.
std::string with_cell(int col, const std::string& value) {
    std::vector<std::string> cells = {"P1", "山田花子", "令和6年10月10日", "佐藤一郎", "腰痛症", "令和6年10月16日", "はり", "", "", "", "", "", "1610"};
    cells[static_cast<std::size_t>(col - 1)] = value;
    std::string row;
    for (std::size_t k = 0; k < cells.size(); ++k) row += (k ? "," : "") + cells[k];
    return head + row + "\n";
}

TEST(ClinicLedger, WritesTheCoreFormatWithTheLedgerRowOfEachElement) {
    auto r = run("\xEF\xBB\xBF患者番号,患者氏名,生年月日,同意日,同意医師,同意疾病,施術日,術式,初検,電療,往療,往療距離,建物,往療理由,転帰,金額\n"
                 "P001,山田花子,S25.4.1,令和6年10月10日,佐藤一郎,腰痛症,令和6年10月16日,はり・きゅう,○,○,,,,,,4100\n"
                 "P001,山田花子,S25.4.1,令和6年10月10日,佐藤一郎,腰痛症,R6.10.23,はり・きゅう,,○,,,,,,1870\n"
                 "P001,山田花子,,令和6年10月10日,佐藤一郎,腰痛症,2024-11-06,はり,,,突発,3.2km,,急性の腰痛で歩行困難,,\"3,910\"\n"
                 "P002,鈴木一郎,昭和30年1月2日,令和元年5月7日,高木誠,変形性膝関節症,令和元年5月8日,きゅう,○,,定期,１２．５,\"特養 <あおば>\",歩行困難,治癒,0\n");
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_EQ(r.xml,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<!-- Converted by ahaki-check import (kind clinic) from a visit ledger; ledger:row is the ledger line each element came from. -->\n"
              "<clinic xmlns=\"urn:ahaki-check:clinic:1\" xmlns:ledger=\"urn:ahaki-check:ledger:1\" name=\"青葉鍼灸院\">\n"
              "  <patient id=\"pt-P001\" name=\"山田花子\" birth-date=\"1950-04-01\" ledger:patient=\"P001\" ledger:row=\"2\">\n"
              "    <consent id=\"pt-P001-c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"佐藤一郎\" disease=\"lumbago\" ledger:row=\"2\"/>\n"
              "    <visit date=\"2024-10-16\" consent=\"pt-P001-c1\" techniques=\"hari kyu\" first-exam=\"true\" electro=\"true\" ledger:row=\"2\"/>\n"
              "    <visit date=\"2024-10-23\" consent=\"pt-P001-c1\" techniques=\"hari kyu\" electro=\"true\" ledger:row=\"3\"/>\n"
              "    <visit date=\"2024-11-06\" consent=\"pt-P001-c1\" techniques=\"hari\" place=\"home\" home-visit=\"sudden\" distance-km=\"3.2\" "
              "reason=\"急性の腰痛で歩行困難\" ledger:row=\"4\"/>\n"
              "  </patient>\n"
              "  <patient id=\"pt-P002\" name=\"鈴木一郎\" birth-date=\"1955-01-02\" ledger:patient=\"P002\" ledger:row=\"5\">\n"
              "    <consent id=\"pt-P002-c1\" kind=\"initial\" date=\"2019-05-07\" doctor=\"高木誠\" disease=\"other\" disease-name=\"変形性膝関節症\" ledger:row=\"5\"/>\n"
              "    <visit date=\"2019-05-08\" consent=\"pt-P002-c1\" techniques=\"kyu\" first-exam=\"true\" place=\"home\" home-visit=\"regular\" "
              "distance-km=\"12.5\" building=\"特養 &lt;あおば&gt;\" reason=\"歩行困難\" ledger:row=\"5\"/>\n"
              "    <end date=\"2019-05-08\" outcome=\"cured\" ledger:row=\"5\"/>\n"
              "  </patient>\n"
              "  <claim id=\"cl-2024-10-pt-P001\" patient=\"pt-P001\" month=\"2024-10\" total=\"5970\"/>\n"
              "  <claim id=\"cl-2024-11-pt-P001\" patient=\"pt-P001\" month=\"2024-11\" total=\"3910\"/>\n"
              "  <claim id=\"cl-2019-05-pt-P002\" patient=\"pt-P002\" month=\"2019-05\" total=\"0\"/>\n"
              "</clinic>\n");
    EXPECT_EQ(r.encoding, "UTF-8");
    EXPECT_EQ(r.patients, 2u);
    EXPECT_EQ(r.visits, 4u);
    EXPECT_EQ(r.claims, 3u);
    EXPECT_EQ(r.ends, 1u);
    EXPECT_TRUE(r.warnings.empty());
}

TEST(ClinicLedger, Cp932AndEnglishHeadersGiveTheSameXml) {
    const std::string ja = head + good_row;
    const std::string en = "patient,name,consent-date,doctor,disease,date,techniques,electro,home-visit,distance-km,reason,outcome,amount\n"
                           "P1,山田花子,2024-10-10,佐藤一郎,lumbago,2024-10-16,hari,false,,,,,1610\n";
    auto a = run(ja), b = import_ledger_csv("l.csv", to_cp932(ja), options()), c = run(en);
    ASSERT_TRUE(a.errors.empty() && b.errors.empty() && c.errors.empty());
    EXPECT_EQ(b.encoding, "CP932");
    EXPECT_EQ(a.xml, b.xml);
    EXPECT_EQ(a.xml, c.xml);
}

TEST(ClinicLedger, VisitsAreWrittenInDateOrderWithEndsBetweenCourses) {
    auto r = run("患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,転帰\n"
                 "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.11.6,はり,\n"
                 "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,治癒\n"
                 "P1,山田花子,R6.12.1,佐藤一郎,腰痛症,R6.12.2,はり,\n");
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    const auto v1 = r.xml.find("date=\"2024-10-16\""), end = r.xml.find("<end date=\"2024-10-16\""), v2 = r.xml.find("date=\"2024-11-06\"");
    ASSERT_NE(end, std::string::npos);
    EXPECT_LT(v1, end);
    EXPECT_LT(end, v2);
    EXPECT_EQ(r.claims, 0u);  // no amount column: no claims
    EXPECT_EQ(r.consents, 2u);
}

TEST(ClinicLedger, ConsentKindIsInferredWhereTheLedgerDoesNotSayIt) {
    const std::string h = "患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,転帰\n";
    auto r = import_ledger_csv("l.csv",
                               h + "P1,山田花子,R6.4.1,佐藤一郎,腰痛症,R6.4.2,はり,\n"
                                   "P1,山田花子,R6.9.25,佐藤一郎,腰痛症,R6.10.2,はり,治癒\n"   // renewal (same disease)
                                   "P1,山田花子,R6.11.1,佐藤一郎,腰痛症,R6.11.5,はり,\n"       // after a cure: initial
                                   "P1,山田花子,R6.11.20,佐藤一郎,五十肩,R6.11.21,きゅう,\n",  // another disease: initial
                               options());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_NE(r.xml.find("id=\"pt-P1-c1\" kind=\"initial\" date=\"2024-04-01\""), std::string::npos) << r.xml;
    EXPECT_NE(r.xml.find("id=\"pt-P1-c2\" kind=\"renewal\" date=\"2024-09-25\""), std::string::npos) << r.xml;
    EXPECT_NE(r.xml.find("id=\"pt-P1-c3\" kind=\"initial\" date=\"2024-11-01\""), std::string::npos) << r.xml;
    EXPECT_NE(r.xml.find("id=\"pt-P1-c4\" kind=\"initial\" date=\"2024-11-20\" doctor=\"佐藤一郎\" disease=\"frozen-shoulder\""),
              std::string::npos);
    // A consent-kind column says it explicitly.
    auto e = import_ledger_csv("l.csv",
                               "患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,同意区分,同意方法\n"
                               "P1,山田花子,H30.4.1,佐藤一郎,腰痛症,H30.4.2,はり,再同意,口頭\n",
                               options());
    ASSERT_TRUE(e.errors.empty());
    EXPECT_NE(e.xml.find("kind=\"renewal\" date=\"2018-04-01\" doctor=\"佐藤一郎\" disease=\"lumbago\" form=\"verbal\""), std::string::npos) << e.xml;
}

TEST(ClinicLedger, PatientNumbersThatAreNotIdentifiersGetASerial) {
    auto r = run(head + "患者１,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,,,,,0\n");
    ASSERT_TRUE(r.errors.empty());
    EXPECT_NE(r.xml.find("<patient id=\"pt1\" name=\"山田花子\" ledger:patient=\"患者１\""), std::string::npos) << r.xml;
}

// ---- Dates in cells -------------------------------------------------------

TEST(ClinicLedgerDates, EveryFormInACell) {
    for (const char* v : {"令和6年10月16日", "令和６年１０月１６日", "R6.10.16", "r06/10/16", "2024-10-16", "2024/10/16", "令和 6年10月16日"}) {
        auto r = run(with_cell(6, v));
        ASSERT_TRUE(r.errors.empty()) << v << ": " << diagnostic_line(r.errors.front(), Lang::en);
        EXPECT_NE(r.xml.find("<visit date=\"2024-10-16\""), std::string::npos) << v;
        EXPECT_TRUE(r.warnings.empty()) << v;
    }
    auto gannen = run(with_cell(3, "令和元年5月1日"));
    ASSERT_TRUE(gannen.errors.empty());
    EXPECT_NE(gannen.xml.find("date=\"2019-05-01\""), std::string::npos);
}

TEST(ClinicLedgerDates, TheLastYearOfAnEraAfterItsEndIsNormalisedWithAWarningAtItsCell) {
    auto r = run(head + "P1,山田花子,平成31年5月1日,佐藤一郎,腰痛症,H31.12.26,はり,,,,,,0\n");
    ASSERT_TRUE(r.errors.empty());
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_EQ(location_prefix(r.warnings[0].file, r.warnings[0].loc), "l.csv:2:9");
    EXPECT_EQ(r.warnings[0].message.ja, "同意日: 平成31年5月1日 を 令和元年5月1日 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(r.warnings[0].message.en, "同意日: read 平成31年5月1日 as 令和元年5月1日 (2019-05-01): 平成 ended on 2019-04-30");
    EXPECT_EQ(location_prefix(r.warnings[1].file, r.warnings[1].loc), "l.csv:2:28");
    EXPECT_EQ(r.warnings[1].message.en, "施術日: read H31.12.26 as 令和元年12月26日 (2019-12-26): 平成 ended on 2019-04-30");
    EXPECT_NE(r.xml.find("date=\"2019-05-01\""), std::string::npos);
    EXPECT_NE(r.xml.find("<visit date=\"2019-12-26\""), std::string::npos);
    // 昭和64年1月8日 is 平成元年1月8日 (a birth date on an old form).
    auto s = run("患者番号,患者氏名,生年月日,同意日,同意医師,同意疾病,施術日,術式\nP1,山田花子,昭和64年1月8日,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり\n");
    ASSERT_TRUE(s.errors.empty());
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0].message.en, "生年月日: read 昭和64年1月8日 as 平成元年1月8日 (1989-01-08): 昭和 ended on 1989-01-07");
    EXPECT_NE(s.xml.find("birth-date=\"1989-01-08\""), std::string::npos);
}

TEST(ClinicLedgerDates, ADayThatDoesNotExistIsAnErrorAtItsCell) {
    EXPECT_EQ(only_error(with_cell(6, "令和7年2月29日"), Lang::ja),
              "l.csv:2:29: エラー: 施術日: 令和7年2月29日 は存在しない日付です（2025年2月は28日まで）（期待: その月にある日）");
    EXPECT_EQ(only_error(with_cell(6, "令和7年2月29日")),
              "l.csv:2:29: error: 施術日: 令和7年2月29日 does not exist (2025-02 has 28 days) (expected: a day of that month)");
    EXPECT_EQ(only_error(with_cell(3, "R6.9.31")),
              "l.csv:2:9: error: 同意日: R6.9.31 does not exist (2024-09 has 30 days) (expected: a day of that month)");
}

TEST(ClinicLedgerDates, AnEraDateOutsideItsEraIsAnErrorAtItsCell) {
    EXPECT_EQ(only_error(with_cell(3, "平成元年1月7日"), Lang::ja),
              "l.csv:2:9: エラー: 同意日: 平成元年1月7日 は平成の期間（平成元年1月8日〜平成31年4月30日）の外です"
              "（期待: 平成の日付は平成元年1月8日〜平成31年4月30日。それより前は昭和）");
    EXPECT_EQ(only_error(with_cell(6, "令和1年4月1日")),
              "l.csv:2:29: error: 施術日: 令和1年4月1日 is outside its era (令和, from 2019-05-01) "
              "(expected: 令和 dates run from 2019-05-01; earlier dates are 平成)");
    EXPECT_EQ(only_error(with_cell(6, "平成元年1月7日")),
              "l.csv:2:29: error: 施術日: 平成元年1月7日 is outside its era (平成, 1989-01-08 to 2019-04-30) "
              "(expected: 平成 dates run 1989-01-08 to 2019-04-30; earlier dates are 昭和)");
    EXPECT_EQ(only_error(with_cell(6, "令和0年5月1日")),
              "l.csv:2:29: error: 施術日: 令和0年5月1日 is outside its era (令和, from 2019-05-01) "
              "(expected: 令和 dates run from 2019-05-01; the first year is 元年 (1))");
}

TEST(ClinicLedgerDates, TextThatIsNotADate) {
    EXPECT_EQ(only_error(with_cell(6, "10月16日")),
              "l.csv:2:29: error: 施術日: not a date: '10月16日' (expected: a date such as 2024-10-01, 2024/10/1, 令和6年10月1日, 令和元年5月1日 or R6.10.1)");
    EXPECT_EQ(only_error(with_cell(6, "")),
              "l.csv:2:29: error: 施術日: empty (expected: a date such as 2024-10-01, 2024/10/1, 令和6年10月1日, 令和元年5月1日 or R6.10.1)");
}

// ---- Bad cells ------------------------------------------------------------

TEST(ClinicLedgerErrors, HeaderProblems) {
    EXPECT_EQ(only_error("患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術\nP1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり\n", Lang::ja),
              "l.csv:1:1: エラー: 見出し行に列「術式」がありません（「術」のことですか?）"
              "（期待: 見出し techniques/術式/施術内容/施術の種類）");
    EXPECT_EQ(only_error("患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,施術日\n"),
              "l.csv:1:32: error: the column '施術日' appears twice (expected: each column once)");
    EXPECT_EQ(only_error(""), "l.csv:1:1: error: the ledger is empty (expected: a header row and one row per treatment day)");
    // Bytes of a zip are read as a workbook (clinic_ledger_xlsx_test.cpp): a broken one is refused.
    EXPECT_EQ(only_error(std::string("PK\x03\x04\x14\x00", 6) + "[Content_Types].xml", Lang::ja).substr(0, 78),
              "l.csv: エラー: ブック（.xlsx）として読めません（壊れた zip");
    EXPECT_EQ(only_error("\xFF\xFE" + head), "l.csv:1:1: error: UTF-16 CSV files are not supported (expected: a file saved as "
                                              "\"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\" (CP932))");
    EXPECT_EQ(only_error(head), "l.csv:1:1: error: no treatment rows (expected: one row per treatment day below the header)");
    auto r = run("備考," + head.substr(0, head.size() - 1) + ",備考2\n,P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,,,,,0,x\n");
    ASSERT_TRUE(r.errors.empty());
    EXPECT_EQ(r.ignored_columns, (std::vector<std::string>{"備考", "備考2"}));
}

TEST(ClinicLedgerErrors, RowProblems) {
    EXPECT_EQ(only_error(head + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,,,,,1,610\n"),
              "l.csv:2:46: error: too many fields (14, the header has 13); quote values that contain a comma (expected: 13 fields)");
    EXPECT_EQ(only_error(with_cell(1, "")), "l.csv:2:1: error: 患者番号: empty (expected: the patient's number)");
    EXPECT_EQ(only_error(with_cell(4, ""), Lang::ja), "l.csv:2:20: エラー: 同意医師: 空です（期待: 同意した医師の氏名）");
    EXPECT_EQ(only_error(with_cell(7, "あんま")),
              "l.csv:2:40: error: 術式: 'あんま' is not allowed (expected: one of hari kyu/hari+kyu/hari-kyu/はり・きゅう/はりきゅう/はり、きゅう/"
              "はり･きゅう/はり きゅう/鍼灸/鍼・灸/2術/２術; hari/はり/鍼/針/1術（はり）; kyu/きゅう/灸/1術（きゅう）)");
    EXPECT_EQ(only_error(with_cell(8, "たまに")),
              "l.csv:2:43: error: 電療: 'たまに' is not allowed (expected: one of true/yes/1/○/〇/有/あり/レ/✓/済; false/no/0/×/無/なし/-)");
}

TEST(ClinicLedgerErrors, HomeVisitsAndDistances) {
    std::string home = with_cell(9, "突発");
    EXPECT_EQ(only_error(home), "l.csv:2:47: error: 往療距離: a home visit without its distance (expected: the one-way straight-line distance in km (e.g. 3.2))");
    EXPECT_EQ(only_error(head + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,突発,3200m,,,0\n"),
              "l.csv:2:43: error: 往療距離: not a distance: '3200m' (expected: the one-way straight-line distance in km (e.g. 3.2))");
    EXPECT_EQ(only_error(head + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,突発,-2,,,0\n", Lang::ja),
              "l.csv:2:43: エラー: 往療距離: 負の距離は使えません（期待: 片道の直線距離（km、例 3.2））");
    EXPECT_EQ(only_error(with_cell(10, "2.5")),
              "l.csv:2:45: error: 往療距離: a home-visit distance of 2.5 km on a row without a home visit (expected: a distance only on home-visit rows)");
    EXPECT_EQ(only_error(with_cell(11, "歩行困難")),
              "l.csv:2:46: error: 往療理由: a home-visit reason on a row without a home visit (expected: a reason only on home-visit rows)");
    EXPECT_TRUE(run(with_cell(10, "0")).errors.empty());  // exporters write 0 for no distance
    auto km = run(head + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,往療,16.000 km,,,0\n");
    ASSERT_TRUE(km.errors.empty()) << diagnostic_line(km.errors.front(), Lang::en);
    EXPECT_NE(km.xml.find("place=\"home\" distance-km=\"16\" "), std::string::npos) << km.xml;  // the kind left to the checker
}

TEST(ClinicLedgerErrors, Amounts) {
    EXPECT_EQ(only_error(with_cell(13, "-1610")), "l.csv:2:48: error: 金額: a negative amount is not allowed (expected: whole yen (e.g. 1,610))");
    EXPECT_EQ(only_error(with_cell(13, "1610.5"), Lang::ja), "l.csv:2:48: エラー: 金額: 金額は円単位の整数です（小数は使えません）（期待: 円単位の整数（例 1,610））");
    EXPECT_EQ(only_error(with_cell(13, "\"16,10\"")), "l.csv:2:48: error: 金額: misplaced thousands separator: '16,10' (expected: whole yen (e.g. 1,610))");
    EXPECT_EQ(only_error(with_cell(13, "")), "l.csv:2:48: error: 金額: empty (expected: the day's amount in yen (0 allowed))");
    for (const char* v : {"1610", "\"1,610\"", "1610円", "¥1610", "１６１０"}) {
        auto r = run(with_cell(13, v));
        ASSERT_TRUE(r.errors.empty()) << v;
        EXPECT_NE(r.xml.find("total=\"1610\""), std::string::npos) << v;
    }
}

TEST(ClinicLedgerErrors, RowsThatContradictEachOther) {
    EXPECT_EQ(only_error(with_cell(6, "令和6年10月9日"), Lang::ja),
              "l.csv:2:29: エラー: 施術日: 施術日 令和6年10月9日 が同意日 令和6年10月10日 より前です（期待: 同意日以後の施術日）");
    EXPECT_EQ(only_error(head + good_row + "P1,山田一子,令和6年10月10日,佐藤一郎,腰痛症,令和6年10月17日,はり,,,,,,1610\n"),
              "l.csv:3:4: error: 患者氏名: patient P1 is named '山田一子' here but '山田花子' on line 2 "
              "(expected: the same name for the same patient number)");
    EXPECT_EQ(only_error(head + good_row + "P1,山田花子,令和6年10月10日,高木誠,腰痛症,令和6年10月17日,はり,,,,,,1610\n", Lang::ja),
              "l.csv:3:20: エラー: 同意医師: 同じ同意（同意日 令和6年10月10日）の内容「高木誠」が 2 行目の「佐藤一郎」と違います"
              "（期待: 同じ同意の行はすべて同じ値）");
    EXPECT_EQ(only_error(head + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,,,,治癒,0\n"
                                "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,,,,中止,0\n"),
              "l.csv:3:43: error: 転帰: the outcome of 2024-10-16 differs from line 2 (expected: one outcome per end date)");
    EXPECT_EQ(only_error(with_cell(12, "全快"), Lang::ja),
              "l.csv:2:47: エラー: 転帰: 「全快」は使えません（期待: cured/治癒、stopped/中止、transferred/転医 のいずれか）");
    const std::string h = "患者番号,患者氏名,同意日,同意医師,同意疾病,施術日,術式,転帰,施術終了日\n";
    EXPECT_EQ(only_error(h + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,治癒,R6.10.15\n"),
              "l.csv:2:42: error: 施術終了日: the end date 2024-10-15 is before the treatment day 2024-10-16 of its row "
              "(expected: on or after the row's treatment day)");
    EXPECT_EQ(only_error(h + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,,R6.10.20\n"),
              "l.csv:2:40: error: 施術終了日: an end date without its outcome (expected: the outcome (治癒, 中止, 転医) on the same row)");
    // Two ends with no treatment day between them (the first end needs none before it: every end lies
    // on or after its own row's treatment day).
    EXPECT_EQ(only_error(h + "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.16,はり,治癒,R6.10.20\n"
                             "P1,山田花子,R6.10.10,佐藤一郎,腰痛症,R6.10.17,はり,中止,R6.10.25\n", Lang::ja),
              "l.csv:3:42: エラー: 施術終了日: 施術終了 令和6年10月25日 と前の施術終了 令和6年10月20日（2 行目）の間に施術日がありません"
              "（期待: 施術の経過ごとに1つの施術終了）");
    // Two treatments on one day are kept: the checker reports them (CLM-005), the import does not hide them.
    auto twice = run(head + good_row + good_row);
    ASSERT_TRUE(twice.errors.empty());
    EXPECT_EQ(twice.visits, 2u);
    EXPECT_NE(twice.xml.find("total=\"3220\""), std::string::npos);
}

TEST(ClinicLedgerErrors, EveryBadRowIsReportedAndNothingIsWritten) {
    auto r = run(head + good_row + "P2,鈴木一郎,R6.10.10,高木誠,腰痛症,R7.2.29,はり,,,,,,0\n" + good_row +
                 "P3,佐藤三郎,R0.1.1,高木誠,腰痛症,R6.10.16,はり,,,,,,0\n");
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_TRUE(r.xml.empty());
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_EQ(r.errors[0].loc.line, 3u);
    EXPECT_EQ(r.errors[1].loc.line, 5u);
    EXPECT_EQ(r.errors[1].loc.column, 9u);
}

TEST(ClinicLedgerDates, AYearTheEraNeverReachedIsReadInTheNextEraWithAWarning) {
    // ryoyohi.md §5 (MHLW notice of 2019-04-22): 平成32年 is accepted, read as 令和2年, and warned.
    auto r = run(with_cell(6, "平成32年1月6日"));
    ASSERT_EQ(r.errors.size(), 1u);  // the day is real: the error is the consent, dated later
    EXPECT_EQ(diagnostic_line(r.errors[0], Lang::en),
              "l.csv:2:29: error: 施術日: the treatment day 2020-01-06 is before the consent's date 2024-10-10 "
              "(expected: a treatment day on or after the consent's date)");
    auto ok = run(with_cell(3, "昭和65年1月1日"));  // a consent 1990-01-01 (平成2年), before the visit
    ASSERT_TRUE(ok.errors.empty()) << diagnostic_line(ok.errors.front(), Lang::en);
    ASSERT_EQ(ok.warnings.size(), 1u);
    EXPECT_EQ(location_prefix(ok.warnings[0].file, ok.warnings[0].loc), "l.csv:2:9");
    EXPECT_EQ(ok.warnings[0].message.ja, "同意日: 昭和65年1月1日 を 平成2年1月1日 として読みました（昭和は昭和64年1月7日まで）");
    EXPECT_NE(ok.xml.find("date=\"1990-01-01\""), std::string::npos);
}

// ---- The command ------------------------------------------------------------

TEST(ClinicLedgerCommand, WritesTheFileOrNothing) {
    TempDir dir("ledger");
    const std::string csv = dir / "青葉鍼灸院.csv", out = dir / "clinic.xml";
    {
        std::ofstream f(csv, std::ios::binary);
        f << head << "P1,山田花子,平成31年5月7日,佐藤一郎,腰痛症,令和元年5月8日,はり,,,,,,1195\n";
    }
    auto r = run_binary("import --kind clinic -o '" + out + "' '" + csv + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(csv + ":2:9: 警告: 同意日: 平成31年5月7日 を 令和元年5月7日 として読みました（平成は平成31年4月30日まで）"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("患者 1 人、施術 1 日、申請 1 件を変換しました（UTF-8）"), std::string::npos) << r.err;
    const std::string xml = read_file(out);
    EXPECT_NE(xml.find("name=\"青葉鍼灸院\""), std::string::npos);  // the default name: the file's stem
    EXPECT_NE(xml.find("<visit date=\"2019-05-08\""), std::string::npos);

    const std::string bad = dir / "bad.csv", out2 = dir / "bad.xml";
    {
        std::ofstream f(bad, std::ios::binary);
        f << head << "P1,山田花子,令和6年10月10日,佐藤一郎,腰痛症,令和7年2月29日,はり,,,,,,1610\n";
    }
    auto e = run_binary("import --kind=clinic --lang en -o '" + out2 + "' '" + bad + "'");
    EXPECT_EQ(e.exit_code, 2);
    EXPECT_NE(e.err.find(bad + ":2:29: error: 施術日: 令和7年2月29日 does not exist (2025-02 has 28 days)"), std::string::npos) << e.err;
    EXPECT_NE(e.err.find("no output file was written"), std::string::npos);
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"bad.csv", "clinic.xml", "青葉鍼灸院.csv"}));

    auto kind = run_binary("import --kind hospital '" + csv + "'");
    EXPECT_EQ(kind.exit_code, 2);
    EXPECT_NE(kind.err.find("--kind は school か clinic です"), std::string::npos) << kind.err;
    auto help = run_binary("import --kind clinic --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("date/visit-date/施術日/施術年月日（必須）"), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// The fixture: a receipt-software export with a BOM, 全角 dates, 往療 of both kinds, a cure with
// its end date, a renewal, a disease outside the six, and a column of its own (備考).
TEST(ClinicLedgerFixture, ConvertsInUtf8AndCp932Alike) {
    const std::string bytes = read_file(source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv");
    auto r = import::import_ledger_csv("clinic-ledger-ja.csv", bytes, options());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_EQ(r.patients, 5u);
    EXPECT_EQ(r.visits, 14u);
    EXPECT_EQ(r.consents, 5u);
    EXPECT_EQ(r.ends, 1u);
    EXPECT_EQ(r.claims, 7u);
    EXPECT_EQ(r.ignored_columns, std::vector<std::string>{"備考"});
    EXPECT_NE(r.xml.find("<end date=\"2024-09-30\" outcome=\"cured\" ledger:row=\"13\"/>"), std::string::npos);
    EXPECT_NE(r.xml.find("birth-date=\"1958-03-21\""), std::string::npos);
    auto s = import::import_ledger_csv("clinic-ledger-ja.csv", to_cp932(bytes.substr(3)), options());
    ASSERT_TRUE(s.errors.empty());
    EXPECT_EQ(s.encoding, "CP932");
    EXPECT_EQ(s.xml, r.xml);
}

}  // namespace
}  // namespace ahaki::test

#include "engine/kinds.hpp"
#include "xml/clinic/load_clinic.hpp"

namespace ahaki::test {
namespace {

// What the import writes, the clinic reader loads and the clinic rules check: the fixture's
// claims are the clinic's own sums, which the checker compares with the fees of the edition.
TEST(ClinicLedgerFixture, TheXmlLoadsWithTheClinicReaderAndKeepsTheLedgerRows) {
    const std::string bytes = read_file(source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv");
    auto r = import::import_ledger_csv("clinic-ledger-ja.csv", bytes, options());
    ASSERT_TRUE(r.errors.empty());
    auto loaded = load_clinic(SourceText("ledger.xml", r.xml, "UTF-8"));
    ASSERT_TRUE(loaded.clinic) << diagnostic_line(loaded.errors.front(), Lang::en);
    const auto& c = *loaded.clinic;
    ASSERT_EQ(c.patients.size(), 5u);
    EXPECT_EQ(c.patients[0].visits.size(), 5u);
    EXPECT_EQ(c.patients[3].ends.size(), 1u);
    EXPECT_EQ(c.claims.size(), 7u);
    // Each visit's XML line carries its ledger row: the 4th visit of 山田花子 is ledger line 5.
    const auto line = c.patients[0].visits[3].loc.line;
    std::size_t at = 0;
    for (std::uint32_t l = 1; l < line; ++l) at = r.xml.find('\n', at) + 1;
    const std::string text = r.xml.substr(at, r.xml.find('\n', at) - at);
    EXPECT_NE(text.find("date=\"2024-11-06\""), std::string::npos) << text;
    EXPECT_NE(text.find("ledger:row=\"5\""), std::string::npos) << text;
}

TEST(ClinicLedgerCommand, TheConvertedLedgerIsChecked) {
    TempDir dir("ledger-check");
    const std::string out = dir / "clinic.xml";
    auto r = run_binary("import --kind clinic --name 青葉鍼灸院 -o '" + out + "' '" + source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {  // what it writes is the documented format
        int rc = std::system(("xmllint --noout --schema '" + source_dir() + "/schemas/clinic.xsd' '" + out + "' 2>/dev/null").c_str());
        EXPECT_EQ(rc, 0);
    }
    auto check = run_binary("check --lang en '" + out + "'");
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    // The ledger's own amounts agree with the fees computed (no CLM-006); the one finding is the
    // disease outside the six (変形性膝関節症), for the insurer to judge.
    EXPECT_NE(check.out.find(out + ": needs review (clinic \"青葉鍼灸院\""), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("review: the consented disease \"変形性膝関節症\" is not one of the six"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("2024-11 (claim cl-2024-11-pt-0001): claimed ¥5,780 / computed ¥5,780"), std::string::npos) << check.out;
    EXPECT_EQ(check.out.find("CLM-006"), std::string::npos) << check.out;
    EXPECT_EQ(check.out.find("error:"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// Mutated ledgers (bytes flipped, cut, quotes, separators and full-width digits inserted): never a
// crash, always either XML that the clinic reader loads or at least one located error.
TEST(ClinicLedgerRobustness, MutatedLedgersGiveXmlOrLocatedErrors) {
    const std::string base = read_file(source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv");
    std::uint64_t state = 0x2545F4914F6CDD1Dull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const std::string inserts[] = {"\"", ",", "\n", "\r", std::string(1, '\0'), "\xFF", "\x81", "年", "元", "１", "-", "."};
    std::size_t converted = 0;
    for (int round = 0; round < 400; ++round) {
        std::string s = base;
        const int edits = 1 + static_cast<int>(next() % 3);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const std::size_t at = next() % s.size();
            switch (next() % 4) {
                case 0: s[at] = static_cast<char>(next()); break;
                case 1: s.insert(at, inserts[next() % std::size(inserts)]); break;
                case 2: s.erase(at, 1 + next() % 8); break;
                case 3: s.resize(at); break;
            }
        }
        auto r = import::import_ledger_csv("m.csv", s, options());
        ASSERT_NE(r.xml.empty(), r.errors.empty()) << round;
        for (const auto& d : r.errors) EXPECT_FALSE(d.message.ja.empty() || d.message.en.empty()) << round;
        if (!r.xml.empty()) {
            ++converted;
            auto loaded = load_clinic(SourceText("m.xml", r.xml, "UTF-8"));
            ASSERT_TRUE(loaded.clinic) << round << ": " << diagnostic_line(loaded.errors.front(), Lang::en);
        }
    }
    EXPECT_GT(converted, 0u);
}

}  // namespace
}  // namespace ahaki::test
