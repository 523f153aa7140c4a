// Spreadsheet import: the CSV parser, the encodings, every kind of bad row
// (located, with what was expected), and the round trip into `check`.
#include <gtest/gtest.h>
#include <iconv.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "import/csv.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

using import::CsvEncoding;
using import::CsvOptions;
using import::import_csv;
using import::parse_csv;

std::string fixture(const std::string& name) { return source_dir() + "/tests/import/fixtures/" + name; }

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

CsvOptions hari_kyu_options() {
    CsvOptions o;
    o.type = FacilityType::hari_kyu;
    o.name = "青葉鍼灸専門学校";
    return o;
}

/// The only error of an import, as "line:col: message (expected)" in one language.
std::string only_error(const import::ImportResult& r, Lang L = Lang::en) {
    EXPECT_EQ(r.errors.size(), 1u);
    EXPECT_TRUE(r.xml.empty());
    if (r.errors.empty()) return {};
    const auto& d = r.errors.front();
    return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message.in(L) + " (" + d.expected.in(L) + ")";
}

const std::string header_en = "subject,area,method,units,hours,year\n";

// ---- The parser -----------------------------------------------------------

TEST(CsvParser, QuotesEmbeddedCommasNewlinesAndCrlf) {
    std::vector<Diagnostic> errors;
    auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x,\r\nlast,row,end", "t.csv", errors);
    ASSERT_TRUE(errors.empty());
    ASSERT_EQ(rows.size(), 3u);
    ASSERT_EQ(rows[0].fields.size(), 3u);
    EXPECT_EQ(rows[0].fields[1].text, "b,c");
    EXPECT_EQ(rows[0].fields[2].text, "say \"hi\"");
    EXPECT_EQ(rows[0].fields[2].column, 9u);
    EXPECT_EQ(rows[1].fields[0].text, "two\nlines");  // CRLF inside quotes becomes one line break
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_EQ(rows[1].fields[1].line, 3u);  // after the embedded line break
    EXPECT_EQ(rows[1].fields[1].column, 8u);
    EXPECT_EQ(rows[1].fields[2].text, "");
    EXPECT_EQ(rows[2].line, 4u);
    EXPECT_EQ(rows[2].fields[2].text, "end");
}

TEST(CsvParser, ColumnsCountCharactersNotBytes) {
    std::vector<Diagnostic> errors;
    auto rows = parse_csv("解剖学Ⅰ,講義\n", "t.csv", errors);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].fields[1].column, 6u);
}

TEST(CsvParser, EmptyLinesAreSkippedAndLoneCrEndsALine) {
    std::vector<Diagnostic> errors;
    auto rows = parse_csv("a\r\n\r\n\nb\rc\n", "t.csv", errors);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].fields[0].text, "b");
    EXPECT_EQ(rows[1].line, 4u);
    EXPECT_EQ(rows[2].line, 5u);
}

TEST(CsvParser, UnterminatedQuoteIsLocated) {
    std::vector<Diagnostic> errors;
    parse_csv("a,b\nc,\"open\n", "t.csv", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].loc.line, 2u);
    EXPECT_EQ(errors[0].loc.column, 3u);
    EXPECT_EQ(errors[0].message.en, "the quote \" is never closed");
}

// ---- Whole files ------------------------------------------------------------

TEST(CsvImport, JapaneseFixtureConvertsAndChecksCleanly) {
    std::string bytes = read_file(fixture("hari-kyu-ja.csv"));
    auto r = import_csv("hari-kyu-ja.csv", bytes, hari_kyu_options());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_EQ(r.encoding, "UTF-8");
    EXPECT_EQ(r.subjects, 45u);
    // 備考 is kept (as sheet:note), and every subject records the row it came from.
    EXPECT_TRUE(r.ignored_columns.empty());
    EXPECT_NE(r.xml.find("<school xmlns=\"urn:ahaki-check:school:1\" xmlns:sheet=\"urn:ahaki-check:sheet:1\" name=\"青葉鍼灸専門学校\" type=\"hari-kyu\">"), std::string::npos);
    EXPECT_NE(r.xml.find("<course id=\"day\" schedule=\"day\" years=\"3\" sheet:cell=\"hari-kyu-ja.csv:1:1\">"), std::string::npos);
    EXPECT_NE(r.xml.find("<subject id=\"day-s001\" name=\"科学的思考の基礎\" area=\"foundations\" method=\"lecture\" units=\"2\" "
                         "hours=\"30\" year=\"1\" sheet:cell=\"hari-kyu-ja.csv:2:1\"/>"),
              std::string::npos);
    EXPECT_NE(r.xml.find("name=\"コミュニケーション論\" area=\"foundations\" method=\"seminar\" units=\"2\" hours=\"60\" year=\"1\" "
                         "covers=\"communication\" sheet:cell=\"hari-kyu-ja.csv:8:1\"/>"),
              std::string::npos);
    EXPECT_NE(r.xml.find("sheet:note=\"週2回, &quot;英会話&quot;を含む&#10;（外部講師）\""), std::string::npos);
    EXPECT_NE(r.xml.find("covers=\"social-security professional-ethics\""), std::string::npos);
    // 臨床実習 is both an area and a method; each column reads its own vocabulary.
    EXPECT_NE(r.xml.find("area=\"clinical-practice\" method=\"clinical\""), std::string::npos);
    EXPECT_NE(r.xml.find("area=\"practical-training\" method=\"skills\""), std::string::npos);

    FileReport report = check_xml(r.xml);
    ASSERT_TRUE(report.errors.empty());
    EXPECT_EQ(report.counts(), (std::array<std::size_t, 4>{0, 0, 0, 0}));
    // No placements, no credit transfer: those requirements are not checked, never passed silently.
    EXPECT_EQ(report.verdict(), Verdict::partially_checked);
}

TEST(CsvImport, Cp932GivesTheSameXmlAsUtf8) {
    std::string utf8 = read_file(fixture("hari-kyu-ja.csv"));
    std::string sjis = to_cp932(utf8.substr(3));  // a CP932 file has no BOM
    ASSERT_NE(sjis, utf8);
    auto same_origin = hari_kyu_options();
    same_origin.origin_name = "課程.csv";  // the origin names the file; the rest must not differ
    auto a = import_csv("u.csv", utf8, same_origin);
    auto b = import_csv("s.csv", sjis, same_origin);
    ASSERT_TRUE(b.errors.empty()) << diagnostic_line(b.errors.front(), Lang::en);
    EXPECT_EQ(b.encoding, "CP932");
    EXPECT_EQ(a.xml, b.xml);

    auto forced = same_origin;
    forced.encoding = CsvEncoding::cp932;
    EXPECT_EQ(import_csv("s.csv", sjis, forced).xml, a.xml);
}

TEST(CsvImport, Cp932ReadAsUtf8IsRefusedWithItsPosition) {
    auto opt = hari_kyu_options();
    opt.encoding = CsvEncoding::utf8;
    std::string sjis = to_cp932(header_en + "解剖学,foundations,lecture,2,30,1\n");
    EXPECT_EQ(only_error(import_csv("s.csv", sjis, opt)),
              "2:1: byte 0x89 is not valid UTF-8 (UTF-8 text (for a CP932 file use --encoding cp932))");
}

TEST(CsvImport, NeitherUtf8NorCp932IsRefused) {
    // 0xA0 alone is not a CP932 lead byte in iconv's table; 0xFF never is.
    std::string bytes = header_en + "ok,foundations,lecture,2,30,1\nx\xFF,foundations,lecture,2,30,1\n";
    EXPECT_EQ(only_error(import_csv("b.csv", bytes, hari_kyu_options())),
              "3:2: byte 0xFF is neither UTF-8 nor CP932 (a file saved as UTF-8 or CP932 (Shift_JIS))");
}

TEST(CsvImport, EnglishHeadersCodesAndNamesAreAccepted) {
    std::string csv = "Subject,Area,Method,Units,Hours\n"
                      "Anatomy,body-structure-function,lecture,3,60\n"
                      "Seminar,foundations,Seminar,2,60\n";
    auto r = import_csv("e.csv", csv, hari_kyu_options());
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_NE(r.xml.find("<subject id=\"day-s001\" name=\"Anatomy\" area=\"body-structure-function\" method=\"lecture\" units=\"3\" "
                         "hours=\"60\" sheet:cell=\"e.csv:2:1\"/>"),
              std::string::npos);
    EXPECT_NE(r.xml.find("name=\"Seminar\" area=\"foundations\" method=\"seminar\""), std::string::npos);
}

TEST(CsvImport, NamesAreEscapedAndOptionsShapeTheCourse) {
    auto opt = hari_kyu_options();
    opt.name = "A & B <学校> \"x\"";
    opt.course_id = "night1";
    opt.schedule = Schedule::night;
    opt.years = 4;
    auto r = import_csv("n.csv", header_en + "\"<b>&\"\"\",foundations,lecture,0.5,7.5,2年\n", opt);
    ASSERT_TRUE(r.errors.empty()) << diagnostic_line(r.errors.front(), Lang::en);
    EXPECT_NE(r.xml.find("name=\"A &amp; B &lt;学校&gt; &quot;x&quot;\""), std::string::npos);
    EXPECT_NE(r.xml.find("<course id=\"night1\" schedule=\"night\" years=\"4\" sheet:cell=\"n.csv:1:1\">"), std::string::npos);
    EXPECT_NE(r.xml.find("<subject id=\"night1-s001\" name=\"&lt;b&gt;&amp;&quot;\" area=\"foundations\" method=\"lecture\" "
                         "units=\"0.5\" hours=\"7.5\" year=\"2\" sheet:cell=\"n.csv:2:1\"/>"),
              std::string::npos);
    auto loaded = load_xml(r.xml);
    ASSERT_TRUE(loaded.school);
    EXPECT_EQ(loaded.school->name, "A & B <学校> \"x\"");
    EXPECT_EQ(loaded.school->courses[0].subjects[0].name, "<b>&\"");
}

// ---- Bad rows: each located, with what was expected -------------------------

TEST(CsvImportErrors, UnknownAreaIsNamedWithoutGuessingAnotherArea) {
    auto r = import_csv("b.csv", "科目名,教育内容,授業方法,単位数,時間数\n解剖学,人体の構造と機構,講義,3,60\n生理学,人体の構造と機構,講義,3,60\n",
                        hari_kyu_options());
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].loc.line, 2u);
    EXPECT_EQ(r.errors[0].loc.column, 5u);
    EXPECT_EQ(r.errors[0].message.ja, "教育内容「人体の構造と機構」は別表第一にありません");
    // The list of areas, in the words of the facility type, once; not again on every line.
    EXPECT_EQ(r.errors[0].expected.ja, "別表第一の教育内容: 科学的思考の基盤・人間と生活、人体の構造と機能、疾病の成り立ち、予防及び回復の促進、"
                                       "保健医療福祉とはり及びきゆうの理念、基礎はり学・基礎きゆう学、臨床はり学・臨床きゆう学、社会はり学・社会きゆう学、"
                                       "実習、臨床実習、総合領域");
    EXPECT_EQ(r.errors[1].expected.ja, "別表第一の教育内容（一覧は最初のエラーに）");
    EXPECT_EQ(r.errors[0].message.en, "the area '人体の構造と機構' is not one of 別表第一");
}

TEST(CsvImportErrors, UnknownMethodNamesTheNearestCode) {
    auto r = import_csv("b.csv", header_en + "Anatomy,foundations,lectur,3,60,1\n", hari_kyu_options());
    EXPECT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].loc.line, 2u);
    EXPECT_EQ(r.errors[0].loc.column, 21u);
    EXPECT_EQ(r.errors[0].message.en, "the method 'lectur' is not one of the methods");
}

TEST(CsvImportErrors, NumbersAreStrict) {
    struct Case {
        std::string units, hours, message;
    } cases[] = {
        {"3単位x", "60", "units '3単位x': not a number (3単位x)"},
        {"-1", "60", "units '-1': negative numbers are not allowed"},
        {"1e2", "60", "units '1e2': exponent notation is not allowed"},
        {"1000", "60", "units '1000': too large (at most 999)"},
        {"2", "\"1,000\"", "hours '1,000': commas are not allowed (remove the thousands separator)"},
        {"0.1234", "60", "units '0.1234': at most 3 decimals are allowed"},
        {"", "60", "the units is empty"},
    };
    for (const auto& c : cases) {
        auto r = import_csv("b.csv", header_en + "Anatomy,foundations,lecture," + c.units + "," + c.hours + ",1\n", hari_kyu_options());
        ASSERT_EQ(r.errors.size(), 1u) << c.units << " " << c.hours;
        EXPECT_EQ(r.errors[0].message.en, c.message);
        EXPECT_EQ(r.errors[0].loc.line, 2u);
        EXPECT_EQ(r.errors[0].loc.column, c.message.rfind("hours", 0) == 0 ? 31u : 29u) << c.message;
        EXPECT_TRUE(r.xml.empty());
    }
}

TEST(CsvImportErrors, UnquotedThousandsSeparatorIsTooManyFields) {
    EXPECT_EQ(only_error(import_csv("b.csv", header_en + "Anatomy,foundations,lecture,2,1,000,1\n", hari_kyu_options())),
              "2:37: too many fields (7, the header has 6); quote values that contain a comma (6 fields)");
}

TEST(CsvImportErrors, YearOutOfRange) {
    EXPECT_EQ(only_error(import_csv("b.csv", header_en + "Anatomy,foundations,lecture,2,30,0\n", hari_kyu_options())),
              "2:34: the year '0' cannot be read (a year from 1 to 20 (e.g. 1, 1年, 1・2, 1～3年))");
}

TEST(CsvImportErrors, EmptySubjectName) {
    EXPECT_EQ(only_error(import_csv("b.csv", header_en + " ,foundations,lecture,2,30,1\n", hari_kyu_options())),
              "2:1: the subject name is empty (the subject's name)");
}

TEST(CsvImportErrors, EveryBadRowIsReportedAfterAnEmbeddedLineBreak) {
    std::string bytes = read_file(fixture("hari-kyu-ja.csv"));
    // Lines 9 and 11 come after the quoted cell with a line break (lines 5-6) and a blank row (10).
    bytes = replace_once(bytes, "人間と社会,基礎分野,講義,3,45,2", "人間と社会,基礎分野,講議,3,45,2");
    bytes = replace_once(bytes, "解剖学Ⅰ,人体の構造と機能,講義,3,60,1", "解剖学Ⅰ,人体の構造と機能,講義,三,60,1");
    auto r = import_csv("f.csv", bytes, hari_kyu_options());
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(diagnostic_line(r.errors[0], Lang::en),
              "f.csv:9:12: error: the method '講議' is not one of the methods (expected: 講義 (lecture), 演習 (seminar), "
              "実験 (experiment), 実習 (practical), 実技 (skills) or 臨床実習 (clinical))");
    EXPECT_EQ(location_prefix("f.csv", r.errors[1].loc) + " " + r.errors[1].message.ja, "f.csv:11:18 単位数「三」: 数値ではありません（三）");
    EXPECT_TRUE(r.xml.empty());
}

TEST(CsvImportErrors, HeaderProblems) {
    auto missing = import_csv("h.csv", "subject,area,method,unit,hour\nA,foundations,lecture,1,15\n", hari_kyu_options());
    EXPECT_TRUE(missing.errors.empty());  // "unit"/"hour" are accepted spellings
    auto typo = import_csv("h.csv", "subject,area,methd,units,hours\nA,foundations,lecture,1,15\n", hari_kyu_options());
    EXPECT_EQ(only_error(typo), "1:1: the header row has no '授業方法' (method) column (a column headed 授業方法)");
    auto twice = import_csv("h.csv", "subject,科目名,area,method,units,hours\n", hari_kyu_options());
    EXPECT_EQ(only_error(twice), "1:9: the column '科目名' appears twice (each column once)");
    auto empty = import_csv("h.csv", "", hari_kyu_options());
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(empty.errors[0].message.en, "the CSV file is empty");
    EXPECT_EQ(only_error(import_csv("h.csv", header_en, hari_kyu_options())),
              "1:1: no subject rows (one row per subject below the header)");
    EXPECT_EQ(only_error(import_csv("h.csv", std::string("\xFF\xFEs\0", 4), hari_kyu_options())).substr(0, 44),
              "1:1: UTF-16 CSV files are not supported (a f");
}

TEST(CsvImportErrors, OptionsAreValidatedToo) {
    CsvOptions unnamed;  // no school name
    auto r = import_csv("o.csv", header_en + "A,foundations,lecture,1,15,1\n", unnamed);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message.en, "the school name is empty or has a control character");
    auto spaced = hari_kyu_options();
    spaced.course_id = "day 1";
    EXPECT_EQ(import_csv("o.csv", header_en + "A,foundations,lecture,1,15,1\n", spaced).errors.at(0).message.en,
              "the course id is empty or contains spaces");
}

TEST(CsvImportErrors, UnknownRequiredContent) {
    auto r = import_csv("c.csv", "科目名,教育内容,授業方法,単位数,時間数,含む内容\n運動学,人体の構造と機能,講義,2,60,運動額\n",
                        hari_kyu_options());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(location_prefix("c.csv", r.errors[0].loc) + " " + r.errors[0].message.ja,
              "c.csv:2:22 備考の内容「運動額」は別表第一 備考の事項にありません");
}

// ---- The command ---------------------------------------------------------

TEST(ImportCommand, WritesXmlThatValidatesAndChecks) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("ahaki-import-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string out = (dir / "school.xml").string();
    auto r = run_binary("import --type hari-kyu --name 青葉鍼灸専門学校 -o '" + out + "' '" + fixture("hari-kyu-ja.csv") + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("45 科目を変換しました（UTF-8）"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("形式にないため取り込みませんでした"), std::string::npos) << r.err;  // 備考 is kept
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        int rc = std::system(("xmllint --noout --schema '" + source_dir() + "/schemas/school.xsd' '" + out + "' 2>/dev/null").c_str());
        EXPECT_EQ(rc, 0);
    }
    auto check = run_binary("check '" + out + "'");
    EXPECT_EQ(check.exit_code, 0) << check.out;

    // CP932 through the command too (written as bytes, converted here with iconv).
    fs::create_directories(dir / "cp932");
    std::string sjis_path = (dir / "cp932" / "hari-kyu-ja.csv").string();  // same name: the origin annotations name the file
    {
        std::ofstream f(sjis_path, std::ios::binary);
        f << to_cp932(read_file(fixture("hari-kyu-ja.csv")).substr(3));
    }
    auto s = run_binary("import --type hari-kyu --name 青葉鍼灸専門学校 '" + sjis_path + "'");
    ASSERT_EQ(s.exit_code, 0) << s.err;
    EXPECT_EQ(s.out, read_file(out));
    fs::remove_all(dir);
}

TEST(ImportCommand, BadRowsExitTwoAndWriteNothing) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("ahaki-import-bad-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string csv = (dir / "bad.csv").string();
    {
        std::ofstream f(csv, std::ios::binary);
        f << header_en << "Anatomy,foundations,lecture,2,30,1\nPhysiology,fondations,lecture,x,30,1\n";
    }
    std::string out = (dir / "out.xml").string();
    auto r = run_binary("import --lang en --type hari-kyu -o '" + out + "' '" + csv + "'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(csv + ":3:12: error: the area 'fondations' is not one of 別表第一"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(csv + ":3:31: error: units 'x': not a number (x)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no output file was written"), std::string::npos);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);  // no temporary left behind

    auto no_type = run_binary("import '" + csv + "'");
    EXPECT_EQ(no_type.exit_code, 2);
    EXPECT_NE(no_type.err.find("--type を指定してください"), std::string::npos);
    auto missing = run_binary("import --type hari-kyu '" + (dir / "nope.csv").string() + "'");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("ファイルを読めません"), std::string::npos);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// Mutated spreadsheets (bytes flipped, cut, quotes and separators inserted):
// never a crash (the sanitizer build runs this too), and always either XML
// that loads or at least one located error — never both, never neither.
TEST(CsvImportRobustness, MutatedInputsGiveXmlOrLocatedErrors) {
    const std::string base = read_file(source_dir() + "/tests/import/fixtures/hari-kyu-ja.csv");
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const char inserts[] = {'"', ',', '\n', '\r', '\0', '\xFF', '\x81', ' '};
    std::size_t converted = 0;
    for (int round = 0; round < 600; ++round) {
        std::string s = base;
        int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            std::size_t at = next() % s.size();
            switch (next() % 4) {
                case 0: s[at] = static_cast<char>(next()); break;
                case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), inserts[next() % sizeof inserts]); break;
                case 2: s.erase(at, 1 + next() % 8); break;
                case 3: s.resize(at); break;
            }
        }
        auto r = import::import_csv("m.csv", s, hari_kyu_options());
        ASSERT_NE(r.xml.empty(), r.errors.empty()) << round;
        for (const auto& d : r.errors) EXPECT_FALSE(d.message.ja.empty() || d.message.en.empty()) << round;
        if (!r.xml.empty()) {
            ++converted;
            auto loaded = load_xml(r.xml);
            ASSERT_TRUE(loaded.school.has_value()) << round << ": " << (loaded.errors.empty() ? std::string() : diagnostic_line(loaded.errors[0], Lang::en));
        }
    }
    EXPECT_GT(converted, 0u);
}

}  // namespace
}  // namespace ahaki::test
