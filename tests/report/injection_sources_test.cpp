// No injection from the inputs added since the escaping layer (report/escape.hpp):
// a clinic's, a patient's and a doctor's names, a workbook's sheet name in every
// sheet-cell location (text, GitHub annotations and the lines past the annotation
// cap, SARIF, JUnit, JSON, HTML), the cells an import notice quotes, and the
// outputs of `plan`, `diff` and `import --kind clinic`. Each test feeds hostile
// strings through the binary and asserts the escaped output exactly, and that no
// format carries a raw control, C1, bidirectional control or line separator where
// a terminal, a CI log or a page would act on it.
#include <gtest/gtest.h>
#include <zip.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <sstream>

#include "report/escape.hpp"
#include "report/formats.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string q(const std::string& s) { return "'" + s + "'"; }

/// The hostile text, as XML character references (a newline, a carriage return, a forged GitHub
/// command at a line start, C1, an override, an isolate, a line separator, DEL, a tab, markup) ...
const std::string hostile_xml = "::error::FORGED&#10;::warning::F2&#13;&#x85;&#x202E;&#x2066;&#x2028;&#x7F;&#9;&lt;b&gt;`|*_";
/// ... as the reader decodes it ...
const std::string hostile = "::error::FORGED\n::warning::F2\r\u0085\u202e\u2066\u2028\x7f\t<b>`|*_";
/// ... and as every text-like format shows it (escape::terminal): at the start of a string the first ':'
/// is escaped too (no GitHub command), inside one the text after the first character is the same.
const std::string hostile_shown = "\\x3A:error::FORGED\\x0A::warning::F2\\x0D\\u0085\\u202E\\u2066\\u2028\\x7F\\x09<b>`|*_";
const std::string hostile_inner = ":" + hostile_shown.substr(4);

/// The first code point that must never reach a terminal, a log or a page raw, as "U+XXXX at N", or "".
std::string raw_danger(const std::string& s, bool json) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (n > 1) {
            cp = c & (0xFF >> (n + 1));
            for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        bool bad = (cp < 0x20 && cp != '\n' && !(cp == '\t' && !json)) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C ||
                   cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
                   cp == 0x2029;
        // JSON and SARIF are data for programs: they carry the text as it is, valid UTF-8 with controls as \u00XX.
        if (json) bad = cp < 0x20 && cp != '\n';
        if (bad) {
            char buf[40];
            std::snprintf(buf, sizeof buf, "U+%04X at %zu", static_cast<unsigned>(cp), i);
            return buf;
        }
        i += n;
    }
    return {};
}

/// Every line that starts with "::" is one of our annotations, whose properties (file, line, col, title)
/// cannot carry a ':' or ',' of their own; no line starts with "##[".
void expect_only_our_commands(const std::string& out, const std::string& what) {
    static const std::regex ours(R"(^::(error|warning|notice) file=[^:,]*(,line=[0-9]+)?(,col=[0-9]+)?,title=[^:,]*::.*$)");
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("::", 0) == 0) {
            EXPECT_TRUE(std::regex_match(line, ours)) << what << ": " << line;
        }
        EXPECT_NE(line.rfind("##[", 0), 0u) << what << ": " << line;
    }
}

/// Runs `check` with every format written to DIR/out.NAME and checks each for what may never be in it.
std::map<std::string, std::string> check_every_format(const TempDir& d, const std::string& args, int exit_code) {
    std::string cmd = "check --fail-on never " + args;
    for (const auto& f : formats()) cmd += " --format " + std::string(f.name) + "=" + q(d / ("out." + std::string(f.name)));
    RunResult r = run_binary(cmd);
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    EXPECT_EQ(raw_danger(r.err, false), "") << r.err;
    std::map<std::string, std::string> outs;
    for (const auto& f : formats()) {
        const std::string name(f.name);
        std::string out = read_file(d / ("out." + name));
        if (name != "github") {  // github: empty when there is nothing to annotate
            EXPECT_FALSE(out.empty()) << name;
        }
        EXPECT_TRUE(escape::valid_utf8(out)) << name << " is not valid UTF-8";
        const bool json = name == "json" || name == "sarif";
        EXPECT_EQ(raw_danger(out, json), "") << name;
        if (json) {
            EXPECT_NO_THROW(boost::json::parse(out)) << name;
        }
        if (name == "github" || name == "github-summary" || name == "text") expect_only_our_commands(out, name);
        if (name == "junit") {
            pugi::xml_document doc;
            EXPECT_TRUE(doc.load_string(out.c_str())) << "JUnit is not well-formed";
        }
        if (name == "html" || name == "github-summary") {
            EXPECT_EQ(out.find("<b>`"), std::string::npos) << name << " has the input's markup";
        }
        outs[name] = std::move(out);
    }
    return outs;
}

std::string line_with(const std::string& s, const std::string& needle) {
    auto at = s.find(needle);
    if (at == std::string::npos) return "(no line with " + needle + ")";
    auto from = s.rfind('\n', at);
    from = from == std::string::npos ? 0 : from + 1;
    return s.substr(from, s.find('\n', at) - from);
}

TEST(InjectionSources, ClinicPatientAndDoctorNamesInEveryFormat) {
    TempDir d("inj-clinic");
    std::string xml = read_file(source_dir() + "/curricula/clinics/non-compliant/CLM-006-total-differs.xml");
    xml = replace_once(xml, "name=\"例示鍼灸院\"", "name=\"院" + hostile_xml + "\"");
    xml = replace_once(xml, "name=\"山田花子\"", "name=\"患" + hostile_xml + "\"");
    xml = replace_once(xml, "doctor=\"佐藤一郎\"", "doctor=\"医" + hostile_xml + "\"");
    std::ofstream(d / "c.xml") << xml;
    auto outs = check_every_format(d, "--lang en " + q(d / "c.xml"), 0);
    // Text: the heading and the ledger's patient line, escaped by the one layer.
    EXPECT_EQ(line_with(outs["text"], "non-compliant"),
              d / "c.xml" + ": non-compliant (clinic \"院" + hostile_inner + "\", 療養費 data ryoyohi-2024-10)");
    EXPECT_EQ(line_with(outs["text"], "  patient "), "  patient 患" + hostile_inner + " (pt1)");
    // HTML: the same, and the markup as text.
    EXPECT_NE(outs["html"].find("患::error::FORGED\\x0A::warning::F2\\x0D\\u0085\\u202E\\u2066\\u2028\\x7F\\x09&lt;b&gt;`|*_"),
              std::string::npos);
    // JSON: data, the names exactly as the file has them.
    auto json = boost::json::parse(outs["json"]);
    const auto& summary = json.at("files").at(0).at("summary");
    EXPECT_EQ(std::string(summary.at("name").as_string()), "院" + hostile);
    EXPECT_EQ(std::string(summary.at("patients").at(0).at("name").as_string()), "患" + hostile);
    // In Japanese too.
    RunResult ja = run_binary("check --fail-on never " + q(d / "c.xml"));
    EXPECT_EQ(raw_danger(ja.out, false), "");
    EXPECT_EQ(line_with(ja.out, "  患者 "), "  患者 患" + hostile_inner + "（pt1）");
    expect_only_our_commands(ja.out, "text (ja)");
}

/// A copy of tests/import/sheets/layout.xlsx whose curriculum sheet has a hostile name and one
/// subject's hours changed (3 instead of 30), so the 小計 and the 合計 no longer match: two located
/// errors, each in a cell of that sheet.
void hostile_workbook(const std::string& path) {
    fs::copy_file(source_dir() + "/tests/import/sheets/layout.xlsx", path);
    int err = 0;
    zip_t* z = zip_open(path.c_str(), 0, &err);
    ASSERT_TRUE(z);
    auto entry = [&](const char* name) {
        zip_file_t* f = zip_fopen(z, name, 0);
        EXPECT_TRUE(f) << name;
        std::string s;
        char buf[4096];
        for (zip_int64_t n; f && (n = zip_fread(f, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
        if (f) zip_fclose(f);
        return s;
    };
    static std::string workbook, sheet;  // zip_source_buffer keeps pointers until zip_close
    workbook = replace_once(entry("xl/workbook.xml"), "name=\"教育課程\"", "name=\"" + hostile_xml + "\"");
    // Two hours cells that are not numbers: two input errors in cells of that sheet.
    sheet = replace_once(replace_once(entry("xl/worksheets/sheet2.xml"), "<c r=\"F5\"><v>30</v></c>", "<c r=\"F5\" t=\"inlineStr\"><is><t>x</t></is></c>"),
                         "<c r=\"F6\"><v>60</v></c>", "<c r=\"F6\" t=\"inlineStr\"><is><t>y</t></is></c>");
    for (auto [name, data] : {std::pair{"xl/workbook.xml", &workbook}, std::pair{"xl/worksheets/sheet2.xml", &sheet}}) {
        zip_source_t* src = zip_source_buffer(z, data->data(), data->size(), 0);
        ASSERT_TRUE(src);
        ASSERT_GE(zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8), 0) << zip_strerror(z);
    }
    ASSERT_EQ(zip_close(z), 0);
}

TEST(InjectionSources, WorkbookSheetNameInEveryFormatAndPastTheAnnotationCap) {
    TempDir d("inj-sheet");
    // Six workbooks, two errors each: ten annotations, then plain lines.
    std::string args = "--lang en --type hari-kyu";
    for (int i = 1; i <= 6; ++i) {
        hostile_workbook(d / ("s" + std::to_string(i) + ".xlsx"));
        args += " " + q(d / ("s" + std::to_string(i) + ".xlsx"));
    }
    auto outs = check_every_format(d, args, 2);
    // The workbook reader turns the controls a message must not carry (CR, DEL) into '?' and keeps
    // newlines and tabs; every format then escapes what is left.
    const std::string sheet_shown = "\\x3A:error::FORGED\\x0A::warning::F2?\\u0085\\u202E\\u2066\\u2028?\\x09<b>`|*_";
    const std::string sheet_data = "::error::FORGED\n::warning::F2?\u0085\u202e\u2066\u2028?\t<b>`|*_";
    // Text: the file, the line and column and the cell in the sheet.
    EXPECT_EQ(line_with(outs["text"], "s1.xlsx:5:6"),
              d / "s1.xlsx" + ":5:6(" + sheet_shown + "!F5): error: hours 'x': not a number (x) (expected: a number from 0 to 99999 (up to 3 decimals after '.'))")
        << outs["text"];
    // GitHub: an annotation whose message starts with the cell, and past the cap plain lines, all escaped.
    EXPECT_NE(outs["github"].find("::error file=" + d / "s1.xlsx" + ",line=5,col=6,title=LOAD::" + sheet_shown + "!F5: "),
              std::string::npos)
        << outs["github"];
    std::size_t annotations = 0, plain = 0;
    std::istringstream lines(outs["github"]);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("::error ", 0) == 0) ++annotations;
        if (line.rfind(d / "s6.xlsx:", 0) == 0) {
            ++plain;
            EXPECT_NE(line.find("(" + sheet_shown + "!"), std::string::npos) << line;
        }
    }
    EXPECT_EQ(annotations, 10u);
    EXPECT_EQ(plain, 6u) << outs["github"];  // its two errors and four import notices
    // The job summary: a table cell, its markdown characters escaped too.
    EXPECT_NE(outs["github-summary"].find("\\x3A:error::FORGED\\x0A::warning::F2?\\u0085\\u202E\\u2066\\u2028?\\x09&lt;b&gt;\\`\\|\\*\\_!F5"),
              std::string::npos);
    // JUnit and HTML: inert text.
    EXPECT_NE(outs["junit"].find("(\\x3A:error::FORGED\\x0A::warning::F2?\\u0085\\u202E\\u2066\\u2028?\\x09&lt;b&gt;`|*_!F5)"),
              std::string::npos);
    EXPECT_NE(outs["html"].find("(\\x3A:error::FORGED\\x0A::warning::F2?\\u0085\\u202E\\u2066\\u2028?\\x09&lt;b&gt;`|*_!F5)</span>"),
              std::string::npos);
    // JSON and SARIF: the cell as data.
    auto json = boost::json::parse(outs["json"]);
    EXPECT_EQ(std::string(json.at("files").at(0).at("errors").at(0).at("cell").as_string()), sheet_data + "!F5");
    EXPECT_NE(outs["sarif"].find(boost::json::serialize(boost::json::value(sheet_data + "!F5"))), std::string::npos);
}

TEST(InjectionSources, ImportNoticesQuoteTheCellEscaped) {
    TempDir d("inj-notice");
    // A row with only its first cell filled is not a subject row: the notice quotes the cell.
    std::string csv = read_file(source_dir() + "/tests/import/sheets/plain.csv");
    // (C0 controls other than TAB, LF and CR make the CSV a located refusal: tests/bad-input.)
    const std::string cell = "::error::FORGED\r\n::warning::F2\u0085\u202e\u2066\u2028\x7f\t<b>`|*_";
    csv.insert(csv.find('\n') + 1, "\"" + cell + "\",,,,,,,\n");
    std::ofstream(d / "h.csv") << csv;
    auto outs = check_every_format(d, "--lang en --type hari-kyu " + q(d / "h.csv"), 0);
    EXPECT_EQ(line_with(outs["text"], "note: "),
              d / "h.csv" + ":2:1: note: the row '::error::FORGED\\x0A::warning::F2\\u0085\\u202E\\u2066\\u2028\\x7F\\x09<b>`|*_' "
                            "is not a subject row and was skipped");
    RunResult ja = run_binary("check --fail-on never --type hari-kyu " + q(d / "h.csv"));
    EXPECT_EQ(line_with(ja.out, "注意: "), d / "h.csv" + ":2:1: 注意: 行「::error::FORGED\\x0A::warning::F2\\u0085\\u202E\\u2066"
                                                       "\\u2028\\x7F\\x09<b>`|*_」は科目の行ではないため読み飛ばしました");
}

TEST(InjectionSources, PlanAndDiffShowNamesAndFileNamesEscaped) {
    TempDir d("inj-plan");
    std::string xml = read_file(source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml");
    xml = replace_once(xml, "name=\"青葉鍼灸専門学校\"", "name=\"" + hostile_xml + "校\"");
    xml = replace_once(xml, "name=\"はり実技Ⅰ\"", "name=\"" + hostile_xml + "実技\"");
    xml = replace_once(xml, "name=\"科学的思考の基礎\"", "name=\"" + hostile_xml + "科学\"");
    // A file name with a newline, a forged command, an escape and a byte that is not UTF-8.
    const std::string old_path = d / "old\n::error::x\x1b[2J\xff.xml", new_path = d / "new.xml";
    std::ofstream(old_path) << xml;
    std::ofstream(new_path) << replace_once(xml, "hours=\"30\" year=\"1\"", "hours=\"45\" year=\"1\"");
    const std::string old_shown = d / "old\\x0A::error::x\\x1B[2J\\xFF.xml";
    for (const char* lang : {"en", "ja"}) {
        RunResult plan = run_binary(std::string("plan --lang ") + lang + " " + q(old_path));
        EXPECT_EQ(plan.exit_code, 1) << plan.err;
        EXPECT_EQ(raw_danger(plan.out, false), "") << plan.out;
        expect_only_our_commands(plan.out, "plan");
        EXPECT_EQ(plan.out.substr(0, plan.out.find('\n')), old_shown + ": " + hostile_shown + "校");
        RunResult diff = run_binary(std::string("diff --lang ") + lang + " " + q(old_path) + " " + q(new_path));
        EXPECT_EQ(diff.exit_code, 1) << diff.err;
        EXPECT_EQ(raw_danger(diff.out, false), "") << diff.out;
        expect_only_our_commands(diff.out, "diff");
        EXPECT_NE(diff.out.find(old_shown + "\n"), std::string::npos) << diff.out;
        EXPECT_NE(diff.out.find(": " + hostile_shown + "科学 (day/f-sci)"), std::string::npos) << diff.out;
    }
    RunResult plan = run_binary("plan --lang en " + q(old_path));
    EXPECT_NE(plan.out.find("    1. \"" + hostile_inner + "実技\" (practical training): "), std::string::npos) << plan.out;
    // JSON: valid UTF-8 whatever bytes the file name has (\xNN as text), names as data.
    for (const std::string& cmd : {"plan --format json " + q(old_path), "diff --format json " + q(old_path) + " " + q(new_path)}) {
        RunResult r = run_binary(cmd);
        EXPECT_TRUE(escape::valid_utf8(r.out)) << cmd;
        boost::json::value v;
        ASSERT_NO_THROW(v = boost::json::parse(r.out)) << cmd;
        const auto& o = v.as_object();
        std::string file(o.contains("file") ? o.at("file").as_string() : o.at("old").as_string());
        EXPECT_EQ(file, d / "old\n::error::x\x1b[2J\\xFF.xml") << cmd;
    }
    RunResult school = run_binary("plan --format json " + q(old_path));
    EXPECT_EQ(std::string(boost::json::parse(school.out).at("school").as_string()), hostile + "校");
    // HTML: inert.
    RunResult html = run_binary("diff --format html " + q(old_path) + " " + q(new_path));
    EXPECT_EQ(raw_danger(html.out, false), "");
    EXPECT_EQ(html.out.find("<b>`"), std::string::npos);
    EXPECT_NE(html.out.find(hostile_shown.substr(0, 40)), std::string::npos);
}

TEST(InjectionSources, PlanDiffAndClinicImportNeverWriteOverTheirInput) {
    TempDir d("inj-overwrite");
    const std::string school = read_file(source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml");
    std::ofstream(d / "a.xml") << school;
    std::ofstream(d / "b.xml") << school;
    fs::create_symlink(d / "a.xml", d / "link.xml");
    RunResult plan = run_binary("plan --lang en -o " + q(d / "link.xml") + " " + q(d / "a.xml"));
    EXPECT_EQ(plan.exit_code, 2);
    EXPECT_EQ(plan.err, "error: the output " + d / "link.xml" + " is the input " + d / "a.xml" + " (an input is never overwritten)\n");
    RunResult diff = run_binary("diff --lang en -o " + q(d / "b.xml") + " " + q(d / "a.xml") + " " + q(d / "b.xml"));
    EXPECT_EQ(diff.exit_code, 2);
    EXPECT_EQ(diff.err, "error: the output " + d / "b.xml" + " is the input " + d / "b.xml" + " (an input is never overwritten)\n");
    EXPECT_EQ(read_file(d / "a.xml"), school);
    EXPECT_EQ(read_file(d / "b.xml"), school);
    // What may be written still is.
    EXPECT_EQ(run_binary("plan -o " + q(d / "draft.xml") + " " + q(d / "a.xml")).exit_code, 1);
    EXPECT_TRUE(fs::exists(d / "draft.xml"));
    EXPECT_EQ(run_binary("diff -o " + q(d / "diff.txt") + " " + q(d / "a.xml") + " " + q(d / "b.xml")).exit_code, 0);
    EXPECT_TRUE(fs::exists(d / "diff.txt"));

    const std::string ledger = read_file(source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv");
    std::ofstream(d / "ledger.csv") << ledger;
    RunResult imp = run_binary("import --kind clinic --lang en -o " + q(d / "ledger.csv") + " " + q(d / "ledger.csv"));
    EXPECT_EQ(imp.exit_code, 2);
    EXPECT_NE(imp.err.find("error: the output " + d / "ledger.csv" + " is the input " + d / "ledger.csv" + " (an input is never overwritten)\n"),
              std::string::npos)
        << imp.err;
    EXPECT_EQ(read_file(d / "ledger.csv"), ledger);
}

TEST(InjectionSources, ClinicImportShowsColumnAndFileNamesEscaped) {
    TempDir d("inj-ledger");
    std::string csv = read_file(source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv");
    // An extra column whose heading is hostile: the note about it quotes it.
    std::istringstream in(csv);
    std::string out, line;
    bool first = true;
    while (std::getline(in, line)) {
        if (!line.empty()) line += first ? ",\"列\u009b2J::error::X\u202e\"" : ",";
        out += line + "\n";
        first = false;
    }
    const std::string path = d / "l\n::error::y.csv";
    std::ofstream(path) << out;
    RunResult r = run_binary("import --kind clinic --lang en -o " + q(d / "l.xml") + " " + q(path));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(raw_danger(r.err, false), "") << r.err;
    expect_only_our_commands(r.err, "import");
    EXPECT_NE(r.err.find("note: column '列\\u009B2J::error::X\\u202E' is not part of the format and was not imported\n"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(d / "l\\x0A::error::y.csv: converted "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ahaki::test
