// Encodings: the same school written in UTF-8 (with/without BOM), UTF-16LE/BE
// with BOM, Shift_JIS, CP932 and EUC-JP loads the same names, gives the same
// JSON report, and locates findings and errors at the same line:column.
// Fixtures are made here with iconv(3) from a UTF-8 example.
#include <gtest/gtest.h>
#include <iconv.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string iconv_to(const std::string& utf8, const char* to) {
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        ADD_FAILURE() << "iconv cannot convert to " << to;
        return {};
    }
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t o_left = out.size();
    std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    iconv_close(cd);
    EXPECT_NE(r, static_cast<std::size_t>(-1)) << "cannot convert the fixture to " << to << " at byte " << (utf8.size() - in_left);
    out.resize(out.size() - o_left);
    return out;
}

// A non-compliant school (CUR-004 fires on 関係法規) whose offending subject
// follows Japanese text on its line, and whose name has the characters Windows
// code pages treat specially: Ⅰ ① ～ (U+FF5E) and 表ソ能 (0x5C as second byte).
std::string original(bool cp932_extras) {
    std::string xml = read_file(source_dir() + "/curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml");
    xml = replace_once(xml, "    <subject id=\"h-law\"", "    <!-- 関係法規の時間数が多い --><subject id=\"h-law\"");
    xml = replace_once(xml, "name=\"関係法規\"", cp932_extras ? "name=\"関係法規Ⅰ①～\\表ソ能\"" : "name=\"関係法規（表・ソ・能）\"");
    if (!cp932_extras) {
        // Strict JIS X 0208 has no Roman numerals (they are NEC extensions).
        for (auto [from, to] : {std::pair{"Ⅰ", "１"}, std::pair{"Ⅱ", "２"}, std::pair{"Ⅲ", "３"}, std::pair{"Ⅳ", "４"}})
            for (auto p = xml.find(from); p != std::string::npos; p = xml.find(from)) xml.replace(p, std::string(from).size(), to);
    }
    return xml;
}

struct Variant {
    std::string label;     ///< the test's name for it
    std::string declared;  ///< encoding="…" written in the file ("" keeps UTF-8)
    const char* iconv;     ///< what iconv converts to
    std::string bom;
};

std::string make(const std::string& utf8, const Variant& v) {
    std::string text = utf8;
    if (!v.declared.empty()) text = replace_once(text, "encoding=\"UTF-8\"", "encoding=\"" + v.declared + "\"");
    return v.bom + iconv_to(text, v.iconv);
}

std::string dir() {
    static const TempDir d("encoding");  // removed when the test process ends
    return d.str();
}

std::string write_variant(const std::string& name, const std::string& bytes) {
    fs::create_directories(dir() + "/" + name);
    std::string path = dir() + "/" + name + "/school.xml";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

/// The JSON report with the file's path and the encoding it was read in made neutral.
std::string neutral_json(const std::string& json, const std::string& path) {
    std::string s = json;
    for (auto p = s.find(path); p != std::string::npos; p = s.find(path)) s.replace(p, path.size(), "school.xml");
    return std::regex_replace(s, std::regex("\"encoding\":\"[^\"]*\""), "\"encoding\":\"-\"");
}

const std::vector<Variant> all_variants = {
    {"utf8", "", "UTF-8", ""},
    {"utf8_bom", "", "UTF-8", "\xEF\xBB\xBF"},
    {"utf16le_bom", "UTF-16", "UTF-16LE", "\xFF\xFE"},
    {"utf16be_bom", "UTF-16", "UTF-16BE", "\xFE\xFF"},
    {"utf16le_bom_undeclared_", "", "UTF-16LE", "\xFF\xFE"},
    {"cp932", "CP932", "CP932", ""},
    {"windows31j", "Windows-31J", "CP932", ""},
    {"shift_jis_as_windows_writes_it", "Shift_JIS", "CP932", ""},
    {"shift_jis_strict", "Shift_JIS", "SHIFT_JIS", ""},
    {"euc_jp", "EUC-JP", "EUC-JP", ""},
    {"euc_jp_ms", "EUC-JP", "EUC-JP-MS", ""},
};

bool has_cp932_extras(const Variant& v) {
    std::string e = v.iconv;
    return e == "CP932" || e == "EUC-JP-MS" || e.rfind("UTF", 0) == 0;
}

class Encodings : public ::testing::TestWithParam<Variant> {};

TEST_P(Encodings, ReadsTheSameSchoolAsUtf8) {
    const Variant& v = GetParam();
    std::string utf8 = original(has_cp932_extras(v));
    std::string text = utf8;
    if (v.label.find("undeclared") != std::string::npos)
        text = replace_once(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>");
    std::string bytes = make(text, v);
    ASSERT_NE(bytes, utf8.substr(0, 0));

    // The model: identical subject names, in order.
    LoadResult a = load_xml(utf8);
    ReadResult read = decode_source("school.xml", bytes);
    ASSERT_FALSE(read.error) << read.error->message.en;
    LoadResult b = load_school(*read.source);
    ASSERT_TRUE(a.school && b.school) << (b.errors.empty() ? "" : b.errors[0].message.en);
    ASSERT_EQ(a.school->courses.size(), b.school->courses.size());
    for (std::size_t c = 0; c < a.school->courses.size(); ++c) {
        const auto& sa = a.school->courses[c].subjects;
        const auto& sb = b.school->courses[c].subjects;
        ASSERT_EQ(sa.size(), sb.size());
        for (std::size_t i = 0; i < sa.size(); ++i) {
            EXPECT_EQ(sa[i].name, sb[i].name);
            EXPECT_EQ(sa[i].loc.line, sb[i].loc.line);
            EXPECT_EQ(sa[i].loc.column, sb[i].loc.column);
        }
    }
    EXPECT_EQ(a.school->name, b.school->name);

    // The report: byte-identical JSON once path and encoding are neutral.
    std::string upath = write_variant(v.label + "-utf8", utf8);
    std::string path = write_variant(v.label, bytes);
    RunResult ru = run_binary("check --format json --lang ja '" + upath + "'");
    RunResult rv = run_binary("check --format json --lang ja '" + path + "'");
    EXPECT_EQ(ru.exit_code, 1) << ru.out << ru.err;
    EXPECT_EQ(rv.exit_code, 1) << rv.out << rv.err;
    EXPECT_EQ(neutral_json(rv.out, path), neutral_json(ru.out, upath));

    // The CUR-004 finding is where it is in the UTF-8 file: line 30, after the
    // 17-character comment "<!-- 関係法規の時間数が多い -->" and 4 spaces.
    RunResult text_out = run_binary("check --lang en '" + path + "'");
    std::string name = has_cp932_extras(v) ? "関係法規Ⅰ①～\\表ソ能" : "関係法規（表・ソ・能）";
    EXPECT_NE(text_out.out.find(path + ":30:" + std::to_string(5 + 20) + ": error: \"" + name + "\" (lecture)"), std::string::npos)
        << text_out.out;
}

INSTANTIATE_TEST_SUITE_P(All, Encodings, ::testing::ValuesIn(all_variants),
                         [](const auto& info) { return info.param.label; });

// A load error after Japanese text: same line:column in every encoding.
TEST(Encodings, ErrorColumnsCountCharactersNotBytes) {
    for (const auto& v : all_variants) {
        if (v.label.find("undeclared") != std::string::npos) continue;
        std::string utf8 = replace_once(original(has_cp932_extras(v)), "units=\"1\" hours=\"31\"", "units=\"一\" hours=\"31\"");
        std::string path = write_variant("err-" + v.label, make(utf8, v));
        RunResult r = run_binary("check --lang en '" + path + "'");
        EXPECT_EQ(r.exit_code, 2) << v.label;
        // Line 30: 4 spaces, the comment (20 characters), then <subject … units="一": the value starts at column 99.
        std::string line = utf8.substr(0, utf8.find("units=\"一\""));
        std::size_t line_start = line.rfind('\n') + 1;
        std::size_t col = 1;
        for (std::size_t i = line_start; i < line.size(); ++i)
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
        col += std::string("units=\"").size();
        EXPECT_NE(r.out.find(path + ":30:" + std::to_string(col) + ": error: units=\"一\": not a number"), std::string::npos)
            << v.label << "\n" << r.out;
    }
}

// Encodings that cannot be read are refused by name, located at the declaration.
TEST(Encodings, UnreadableEncodingsAreRefused) {
    for (std::string name : {"ISO-2022-KR", "foo", "UTF-7", "ISO-2022-JP", "EBCDIC-JP-E"}) {
        std::string xml = replace_once(original(false), "encoding=\"UTF-8\"", "encoding=\"" + name + "\"");
        std::string path = write_variant("bad-" + name, xml);
        RunResult r = run_binary("check --lang en '" + path + "'");
        EXPECT_EQ(r.exit_code, 2) << name;
        EXPECT_NE(r.out.find(path + ":1:31: error: encoding \"" + name +
                             "\" is not supported (expected: UTF-8, UTF-16 (with BOM), Shift_JIS, CP932 or EUC-JP)"),
                  std::string::npos)
            << r.out;
        RunResult ja = run_binary("check --lang ja '" + path + "'");
        EXPECT_NE(ja.out.find(path + ":1:31: エラー: 文字コード \"" + name + "\" には対応していません"), std::string::npos) << ja.out;
    }
}

// Windows' Shift_JIS: Ⅰ ① ～ and the 0x5C trail byte of 表 decode to what was meant.
TEST(Encodings, Cp932CharactersDecodeExactly) {
    std::string sjis = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
                       "<school xmlns=\"urn:ahaki-check:school:1\" name=\"" +
                       iconv_to("Ⅰ①～\\表", "CP932") + "\" type=\"hari\"><course id=\"c\" schedule=\"day\" years=\"3\"/></school>\n";
    ReadResult r = decode_source("x.xml", sjis);
    ASSERT_FALSE(r.error) << r.error->message.en;
    EXPECT_EQ(r.source->encoding(), "CP932");
    EXPECT_NE(r.source->text().find("name=\"Ⅰ①～\\表\""), std::string::npos) << r.source->text();
}

}  // namespace
}  // namespace ahaki::test
