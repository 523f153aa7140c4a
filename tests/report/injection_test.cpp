// No injection anywhere: strings from input (file names, school and subject
// names, waiver reasons) are escaped by one layer per format (report/escape.hpp):
// no control character, bidirectional control or forged GitHub command reaches
// a terminal or a CI log; JSON, SARIF and JUnit stay valid UTF-8 whatever bytes
// a file name has; huge names are shortened.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "report/escape.hpp"
#include "report/formats.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string q(const std::string& s) { return "'" + s + "'"; }

TEST(Escape, TerminalEscapesEveryClassOfDangerousCharacter) {
    using escape::terminal;
    EXPECT_EQ(terminal("plain 東洋 text"), "plain 東洋 text");
    EXPECT_EQ(terminal("a\nb\rc\td"), "a\\x0Ab\\x0Dc\\x09d");
    EXPECT_EQ(terminal("\x1b[2J\x07\x7f"), "\\x1B[2J\\x07\\x7F");
    EXPECT_EQ(terminal(std::string("nul\0x", 5)), "nul\\x00x");
    EXPECT_EQ(terminal("\xc2\x85\xc2\x9b"), "\\u0085\\u009B");  // C1: NEL, CSI
    // Bidirectional controls: embeddings, overrides, isolates, marks, the Arabic letter mark.
    EXPECT_EQ(terminal("\u202a\u202b\u202c\u202d\u202e"), "\\u202A\\u202B\\u202C\\u202D\\u202E");
    EXPECT_EQ(terminal("\u2066\u2067\u2068\u2069"), "\\u2066\\u2067\\u2068\\u2069");
    EXPECT_EQ(terminal("\u200e\u200f\u061c\u2028\u2029"), "\\u200E\\u200F\\u061C\\u2028\\u2029");
    EXPECT_EQ(terminal("\xef\xbf\xbe"), "\\uFFFE");
    // Bytes that are not UTF-8: stray, truncated, overlong, surrogate, beyond U+10FFFF.
    EXPECT_EQ(terminal("\xff\xfe"), "\\xFF\\xFE");
    EXPECT_EQ(terminal("\xe6\x9d"), "\\xE6\\x9D");
    EXPECT_EQ(terminal("\xc0\xaf"), "\\xC0\\xAF");
    EXPECT_EQ(terminal("\xed\xa0\x80"), "\\xED\\xA0\\x80");
    EXPECT_EQ(terminal("\xf4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");
    // A GitHub command at the start of what is shown.
    EXPECT_EQ(terminal("::error::x"), "\\x3A:error::x");
    EXPECT_EQ(terminal("##[error]x"), "\\x23#[error]x");
    EXPECT_EQ(terminal("a::b"), "a::b");
    // keep_lines (HTML, XML text).
    EXPECT_EQ(terminal("a\nb\tc\rd", true), "a\nb\tc\\x0Dd");
}

TEST(Escape, ShownCapsLongStringsWithTheirSize) {
    std::string name(100000, 'x');
    EXPECT_EQ(escape::shown(name), std::string(512, 'x') + "…(100000 B)");
    EXPECT_EQ(escape::shown(name, 4), "xxxx…(100000 B)");
    std::string ja;
    for (int i = 0; i < 300; ++i) ja += "学";  // 900 bytes: cut at a character
    EXPECT_EQ(escape::shown(ja), ja.substr(0, 510) + "…(900 B)");
    EXPECT_EQ(escape::shown("short"), "short");
    EXPECT_EQ(escape::capped(name, 3), "xxx…(100000 B)");
}

TEST(Escape, RepairUtf8ChangesOnlyInvalidBytes) {
    std::string s = "ok 学校 \xff end \xe6";
    escape::repair_utf8(s, false);
    EXPECT_EQ(s, "ok 学校 \\xFF end \\xE6");
    std::string j = "\"\xfe\"";
    escape::repair_utf8(j, true);
    EXPECT_EQ(j, "\"\\\\xFE\"");
    EXPECT_TRUE(boost::json::parse(j).as_string() == "\\xFE");
    std::string valid = "\x1b\n学";
    escape::repair_utf8(valid, false);
    EXPECT_EQ(valid, "\x1b\n学");
}

/// A non-compliant school under a hostile file name: a newline followed by a
/// forged GitHub command, a terminal escape, a byte that is not UTF-8 and a
/// right-to-left override.
struct Hostile {
    TempDir dir{"injection"};
    std::string name = "bad\n::error file=a::forged\x1b[2J\xff\u202e.xml";
    std::string shown = "bad\\x0A::error file=a::forged\\x1B[2J\\xFF\\u202E.xml";
    std::string path = dir / name;
    Hostile() { fs::copy_file(source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml", path); }
};

bool no_raw_controls(const std::string& s, bool lines_ok) {
    for (unsigned char c : s)
        if ((c < 0x20 && !(lines_ok && (c == '\n' || c == '\t'))) || c == 0x7f) return false;
    return true;
}

TEST(Injection, EveryFormatEscapesAHostileFileName) {
    Hostile h;
    std::string args = "check --lang en";
    for (const auto& f : formats()) args += " --format " + std::string(f.name) + "=" + q(h.dir / ("out." + std::string(f.name)));
    RunResult r = run_binary(args + " " + q(h.path));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    for (const auto& f : formats()) {
        std::string name(f.name);
        std::string out = read_file(h.dir / ("out." + name));
        ASSERT_FALSE(out.empty()) << name;
        EXPECT_TRUE(escape::valid_utf8(out)) << name << " is not valid UTF-8";
        EXPECT_TRUE(no_raw_controls(out, true)) << name << " has a raw control character";
        // JSON and SARIF are data: they carry the text as it is (valid UTF-8, controls as \u00XX).
        if (name != "json" && name != "sarif") {
            EXPECT_EQ(out.find("\u202e"), std::string::npos) << name << " has a raw right-to-left override";
        }
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) {
            EXPECT_NE(line.rfind("::error file=a", 0), 0u) << name << " lets a file name forge a command: " << line;
            EXPECT_NE(line.rfind("::", 0) == 0 && line.rfind("::error file=", 0) != 0 && line.rfind("::warning file=", 0) != 0 &&
                          line.rfind("::notice file=", 0) != 0,
                      true)
                << name << ": " << line;
        }
    }
    // Text: the name shown escaped, exactly.
    std::string text = read_file(h.dir / "out.text");
    EXPECT_EQ(text.substr(0, text.find('\n')),
              h.dir / h.shown + ": non-compliant (acupuncture and moxibustion school \"青葉鍼灸専門学校\", standard ahaki-2018)");
    // GitHub: the name is one property value; its newline cannot end the command.
    std::string gh = read_file(h.dir / "out.github");
    EXPECT_EQ(gh.rfind("::error file=" + h.dir.str().substr(0, 0), 0), 0u);
    EXPECT_NE(gh.find("bad\\x0A%3A%3Aerror file=a%3A%3Aforged\\x1B[2J\\xFF\\u202E.xml,line=30,col=5,title=CUR-004"), std::string::npos) << gh;
    // JSON and SARIF: valid, the bytes that are not UTF-8 as \xNN text (the rest as it is).
    auto json = boost::json::parse(read_file(h.dir / "out.json"));
    std::string p(json.at("files").at(0).at("path").as_string());
    EXPECT_EQ(p, h.dir / "bad\n::error file=a::forged\x1b[2J\\xFF\u202e.xml");
    EXPECT_NO_THROW(boost::json::parse(read_file(h.dir / "out.sarif")));
    // JUnit: well-formed XML.
    pugi::xml_document junit;
    EXPECT_TRUE(junit.load_string(read_file(h.dir / "out.junit").c_str()));
    // HTML: the override is inert text.
    EXPECT_NE(read_file(h.dir / "out.html").find("forged\\x1B[2J\\xFF\\u202E.xml"), std::string::npos);
}

TEST(Injection, ALoadErrorOfAHostileFileNameIsShownEscapedInBothLanguages) {
    TempDir d("injection-load");
    std::string path = d / "x\n::warning::y\x1b]0;title\x07.xml";
    std::ofstream(path).flush();  // empty
    std::string shown = d / "x\\x0A::warning::y\\x1B]0;title\\x07.xml";
    RunResult en = run_binary("check --lang en " + q(path));
    EXPECT_EQ(en.exit_code, 2);
    auto second_line = [](const std::string& s) { return s.substr(s.find('\n') + 1, s.find('\n', s.find('\n') + 1) - s.find('\n') - 1); };
    EXPECT_EQ(en.out.substr(0, en.out.find('\n')), shown + ": could not be checked (invalid input)");
    EXPECT_EQ(second_line(en.out),
              shown + ":1:1: error: the file is empty (expected: an XML document with a <school> element)");
    RunResult ja = run_binary("check " + q(path));
    EXPECT_EQ(second_line(ja.out), shown + ":1:1: エラー: ファイルが空です（期待: <school> 要素を持つXML文書）");
    // Past the annotation cap too: every line is escaped.
    std::string many = "check --lang en --format github";
    for (int i = 0; i < 12; ++i) {
        std::string p = d / ("::error::f" + std::to_string(i) + "\n::error::forged.xml");
        std::ofstream(p).flush();
        many.append(" ").append(q(p));  // append(): GCC 12 warns falsely (-Wrestrict) on " " + string
    }
    RunResult gh = run_binary(many);
    EXPECT_EQ(gh.exit_code, 2);
    std::istringstream lines(gh.out);
    int annotations = 0, plain = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("::error file=", 0) == 0) ++annotations;
        else if (line.rfind(d.str(), 0) == 0) ++plain;
        EXPECT_EQ(line.find("\n::error::forged"), std::string::npos);
        EXPECT_NE(line.rfind("::error::", 0), 0u) << line;
    }
    EXPECT_EQ(annotations, 10);
    EXPECT_EQ(plain, 2);
    EXPECT_NE(gh.out.find(d / "::error::f10\\x0A::error::forged.xml:1:1: error: the file is empty"), std::string::npos) << gh.out;
}

TEST(Injection, NamesAndReasonsFromTheDocumentAreEscapedInTextAndGithub) {
    TempDir d("injection-names");
    // Character references put a newline, a C1 control and an override in the school name.
    std::string xml = replace_once(compliant_hari_kyu(), "name=\"青葉鍼灸専門学校\"", "name=\"青葉&#10;::error::x&#x85;&#x202E;校\"");
    xml = replace_once(xml, "hours=\"30\"", "hours=\"31\"");  // a finding
    std::ofstream(d / "s.xml") << xml;
    RunResult t = run_binary("check --lang en " + q(d / "s.xml"));
    EXPECT_EQ(t.out.substr(0, t.out.find('\n')),
              d / "s.xml" + ": partially checked (compliant as far as checked) (acupuncture and moxibustion school \"青葉\\x0A::error::x\\u0085\\u202E校\", standard ahaki-2018)");
    RunResult g = run_binary("check --lang en --format github-summary " + q(d / "s.xml"));
    EXPECT_EQ(g.out.find("\u202e"), std::string::npos);
    EXPECT_EQ(g.out.find("\n::"), std::string::npos);
}

TEST(Injection, AWaiverReasonIsEscapedInTextAndGithub) {
    TempDir d("injection-waiver");
    std::string school = d / "CUR-004-lecture-hours-per-unit.xml";
    fs::copy_file(source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml", school);
    std::ofstream(d / "waivers.xml") << "<waivers xmlns=\"urn:ahaki-check:waivers:1\">\n"
                                        "  <waiver id=\"W1\" rule=\"CUR-004\" file=\"CUR-004-lecture-hours-per-unit.xml\"\n"
                                        "          reason=\"ok&#10;::error::forged&#x202E;\" expires=\"2027-12-31\"/>\n</waivers>\n";
    RunResult t = run_binary("check --lang en --today 2026-06-01 --waivers " + q(d / "waivers.xml") + " " + q(school));
    EXPECT_EQ(t.exit_code, 0) << t.out << t.err;
    EXPECT_NE(t.out.find("(waived: ok\\x0A::error::forged\\u202E)"), std::string::npos) << t.out;
    RunResult g = run_binary("check --lang en --today 2026-06-01 --format github --waivers " + q(d / "waivers.xml") + " " + q(school));
    EXPECT_EQ(g.out.find("\n::error::forged"), std::string::npos) << g.out;
    EXPECT_NE(g.out.find("waived (W1): ok\\x0A::error::forged\\u202E"), std::string::npos) << g.out;
}

TEST(Injection, AHugeSchoolNameIsShortenedInEveryReport) {
    TempDir d("injection-huge");
    std::string name(1'000'000, 'N');
    std::string xml = replace_once(compliant_hari_kyu(), "name=\"青葉鍼灸専門学校\"", "name=\"" + name + "\"");
    std::ofstream(d / "s.xml") << xml;
    std::string args = "check --lang en";
    for (const auto& f : formats()) args += " --format " + std::string(f.name) + "=" + q(d / ("out." + std::string(f.name)));
    RunResult r = run_binary(args + " " + q(d / "s.xml"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const auto& f : formats()) {
        std::string out = read_file(d / ("out." + std::string(f.name)));
        EXPECT_LT(out.size(), 400'000u) << f.name << " repeats the 1 MB name";
        if (std::string(f.name) == "text" || std::string(f.name) == "html" || std::string(f.name) == "json") {
            EXPECT_NE(out.find(std::string(512, 'N') + "…(1000000 B)"), std::string::npos) << f.name;
        }
    }
}

}  // namespace
}  // namespace ahaki::test
