#include <gtest/gtest.h>

#include "rules/format.hpp"

namespace ahaki {
namespace {

TEST(FormatNum, GroupsThousands) {
    EXPECT_EQ(fmt::num(Decimal::from_int(0)), "0");
    EXPECT_EQ(fmt::num(Decimal::from_int(999)), "999");
    EXPECT_EQ(fmt::num(Decimal::from_int(1000)), "1,000");
    EXPECT_EQ(fmt::num(Decimal::from_int(12345)), "12,345");
    EXPECT_EQ(fmt::num(Decimal::from_int(123456)), "123,456");
    EXPECT_EQ(fmt::num(Decimal::from_int(1234567)), "1,234,567");
    EXPECT_EQ(fmt::num(Decimal::from_milli(1000500)), "1,000.5");
    EXPECT_EQ(fmt::num(Decimal::from_milli(-1234000)), "-1,234");
    EXPECT_EQ(fmt::num(Decimal::from_milli(-999000)), "-999");
}

TEST(FormatCat, JoinsPiecesOfEveryKind) {
    const std::string id = "t01";
    const std::string_view row = "専門分野";
    EXPECT_EQ(fmt::cat({}), "");
    EXPECT_EQ(fmt::cat({"", id, ""}), "t01");
    EXPECT_EQ(fmt::cat({"teacher=", id, " subject=", std::string("s1")}), "teacher=t01 subject=s1");
    EXPECT_EQ(fmt::cat({"教員（", id, "）", row}), "教員（t01）専門分野");
    const std::string long_piece(100, 'x');  // past the small-string buffer
    EXPECT_EQ(fmt::cat({long_piece, "-", long_piece}), long_piece + "-" + long_piece);
}

}  // namespace
}  // namespace ahaki
