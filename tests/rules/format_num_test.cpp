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

}  // namespace
}  // namespace ahaki
