// Display widths: what every fixed-width table (the text report's area table, `rules`, the help) pads by.
#include <gtest/gtest.h>

#include "model/fold_width.hpp"

namespace ahaki::test {
namespace {

TEST(DisplayWidth, KanjiAndKanaTakeTwoColumnsAsciiOne) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("CUR-001"), 7u);
    EXPECT_EQ(display_width("基礎分野"), 8u);
    EXPECT_EQ(display_width("はり師 2年"), 10u);  // 3 kana/kanji, a space, a digit, a kanji
    EXPECT_EQ(display_width("é"), 1u);             // two bytes: one column
}

TEST(DisplayWidth, AStrayByteCountsOnceAndNeverReadsPastTheEnd) {
    EXPECT_EQ(display_width("\x80\x80"), 2u);
    EXPECT_EQ(display_width("\xE5"), 2u);  // a cut lead byte: one (wide) character, not a read past the end
}

TEST(DisplayWidth, PaddingCountsColumnsNotBytes) {
    EXPECT_EQ(pad_right("単位", 6), "単位  ");
    EXPECT_EQ(pad_left("単位", 6), "  単位");
    EXPECT_EQ(pad_left("12", 4), "  12");
    EXPECT_EQ(pad_right("教育内容", 4), "教育内容");  // wider than asked: unchanged, never cut
    EXPECT_EQ(pad_left("units", 3), "units");
}

}  // namespace
}  // namespace ahaki::test
