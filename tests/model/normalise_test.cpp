// Folding of names, numbers and addresses for the checks across submissions and the
// subject-to-field mapping (model/normalise.hpp).
#include <gtest/gtest.h>

#include "model/normalise.hpp"

namespace ahaki {
namespace {

TEST(Normalise, FoldsWidthSpacesAndInvisibleCharacters) {
    EXPECT_EQ(fold_text("ＡＢＣ１２３"), "abc123");
    EXPECT_EQ(fold_text("山田　太郎"), "山田太郎");
    EXPECT_EQ(fold_text("山田 太郎", true), "山田 太郎");
    EXPECT_EQ(fold_text("1\xE2\x80\x8B" "2\xEF\xBB\xBF" "3"), "123");  // zero-width space, BOM
    EXPECT_EQ(fold_text("ｶﾞｸｾｲ"), "ガクセイ");                         // half-width katakana, voiced mark composed
    EXPECT_EQ(fold_text("ﾊﾟﾝ"), "パン");
    EXPECT_EQ(fold_text("解剖学Ⅱ"), "解剖学II");
    EXPECT_EQ(fold_text("①"), "1");
    EXPECT_EQ(fold_text("2\xE2\x88\x92" "3"), "2-3");  // minus sign
}

TEST(Normalise, LicenceNumbers) {
    EXPECT_EQ(licence_number_key("第１２３４５号"), "12345");
    EXPECT_EQ(licence_number_key("第 12345 号"), "12345");
    EXPECT_EQ(licence_number_key("No. 12345"), "12345");
    EXPECT_EQ(licence_number_key("12\xE2\x80\x8C" "345"), "12345");
    EXPECT_NE(licence_number_key("12345"), licence_number_key("123456"));
}

TEST(Normalise, Addresses) {
    EXPECT_EQ(address_key("東京都新宿区西新宿2丁目8番1号"), "東京都新宿区西新宿2-8-1");
    EXPECT_EQ(address_key("東京都新宿区西新宿二丁目８－１"), "東京都新宿区西新宿2-8-1");
    EXPECT_EQ(address_key("〒163-8001 東京都新宿区西新宿2-8-1"), "東京都新宿区西新宿2-8-1");
    EXPECT_EQ(address_key("仙台市青葉区一番町十二丁目3"), "仙台市青葉区一番町12-3");
    EXPECT_EQ(address_key("仙台市青葉区一番町4の5の6"), "仙台市青葉区一番町4-5-6");
    EXPECT_NE(address_key("東京都新宿区西新宿2-8-1"), address_key("東京都新宿区西新宿2-8-2"));
}

}  // namespace
}  // namespace ahaki
