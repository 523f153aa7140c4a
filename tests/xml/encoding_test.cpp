// Files written by Japanese offices: Shift_JIS/CP932, EUC-JP, UTF-16 are read
// correctly or refused, never misread; positions stay right after conversion.
#include <gtest/gtest.h>
#include <iconv.h>

#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

std::string convert(const std::string& utf8, const char* to) {
    iconv_t cd = iconv_open(to, "UTF-8");
    std::string out(utf8.size() * 4 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

std::string declared(const std::string& encoding) {
    return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" +
           R"(<school xmlns="urn:ahaki-check:school:1" name="青葉鍼灸専門学校" type="hari-kyu">
<course id="c" schedule="day" years="3">
<subject id="s1" name="人体の構造と機能Ⅰ～①" area="foundations" method="lecture" units="2" hours="29"/>
</course></school>)";
}

void expect_same_reading(const std::string& bytes, const std::string& encoding_label) {
    auto r = check_xml(bytes);
    ASSERT_TRUE(r.errors.empty()) << encoding_label << ": " << r.errors.front().message.en;
    EXPECT_EQ(r.school_name, "青葉鍼灸専門学校") << encoding_label;
    auto fs = findings_of(r, "CUR-004");
    ASSERT_EQ(fs.size(), 1u) << encoding_label;
    EXPECT_NE(fs[0]->message.ja.find("「人体の構造と機能Ⅰ～①」"), std::string::npos) << encoding_label << fs[0]->message.ja;
    EXPECT_EQ(fs[0]->loc.line, 4u) << encoding_label;
    EXPECT_EQ(fs[0]->loc.column, 1u) << encoding_label;
}

TEST(Encoding, ShiftJisAsWrittenByWindowsIsReadAsCp932) {
    expect_same_reading(convert(declared("Shift_JIS"), "CP932"), "Shift_JIS");
    expect_same_reading(convert(declared("windows-31j"), "CP932"), "windows-31j");
}

TEST(Encoding, EucJpAndUtf16WithBom) {
    expect_same_reading(convert(declared("EUC-JP"), "EUC-JP-MS"), "EUC-JP");
    expect_same_reading("\xFF\xFE" + convert(declared("UTF-16"), "UTF-16LE"), "UTF-16LE");
    expect_same_reading("\xFE\xFF" + convert(declared("UTF-16"), "UTF-16BE"), "UTF-16BE");
    expect_same_reading("\xEF\xBB\xBF" + declared("UTF-8"), "UTF-8 BOM");
}

TEST(Encoding, UndeclaredShiftJisIsRefusedWithAHint) {
    std::string bytes = convert(declared("UTF-8"), "CP932");
    auto r = check_xml(bytes);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].loc.line, 2u);
    EXPECT_EQ(r.errors[0].message.en,
              "byte 0x90 is not valid UTF-8 (if the file was saved as Shift_JIS, declare encoding=\"Shift_JIS\" in the XML declaration)");
}

TEST(Encoding, UnsupportedOrLyingDeclarationsAreRefused) {
    auto r = check_xml(declared("ISO-2022-KR"));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].message.en, "encoding \"ISO-2022-KR\" is not supported");
    EXPECT_EQ(r.errors[0].loc.line, 1u);
    EXPECT_EQ(r.errors[0].loc.column, 31u);
    auto lie = check_xml("\xFF\xFE" + convert(declared("Shift_JIS"), "UTF-16LE"));
    ASSERT_EQ(lie.errors.size(), 1u);
    EXPECT_EQ(lie.errors[0].message.en, "the file is UTF-16 (it has a BOM) but its XML declaration says encoding=\"Shift_JIS\"");
    // EUC-JP bytes declared as Shift_JIS are refused, not misread.
    auto wrong = check_xml(convert(declared("Shift_JIS"), "EUC-JP"));
    ASSERT_EQ(wrong.errors.size(), 1u);
    EXPECT_NE(wrong.errors[0].message.en.find("is not valid CP932"), std::string::npos) << wrong.errors[0].message.en;
}

}  // namespace
}  // namespace ahaki::test
