// 和暦: formatting at the era boundaries, and parsing the forms clinics write.
#include <gtest/gtest.h>

#include "model/wareki.hpp"

namespace ahaki::wareki {
namespace {

TEST(Wareki, FormatsEraBoundariesAndGannen) {
    EXPECT_EQ(format(Date{1989, 1, 7}), "昭和64年1月7日");
    EXPECT_EQ(format(Date{1989, 1, 8}), "平成元年1月8日");
    EXPECT_EQ(format(Date{2019, 4, 30}), "平成31年4月30日");
    EXPECT_EQ(format(Date{2019, 5, 1}), "令和元年5月1日");
    EXPECT_EQ(format(Date{2024, 10, 16}), "令和6年10月16日");
    EXPECT_EQ(format(Date{1926, 12, 25}), "昭和元年12月25日");
    EXPECT_EQ(format_month(2019, 4), "平成31年4月");
    EXPECT_EQ(format_month(2019, 5), "令和元年5月");
}

TEST(Wareki, ParsesTheFormsClinicsWrite) {
    for (const char* s : {"令和6年10月1日", "R6.10.1", "R06.10.01", "r6/10/1", "R6-10-1", "令和６年１０月１日", "Ｒ６．１０．１", "2024-10-01"}) {
        Parsed p = parse(s);
        ASSERT_TRUE(p.date) << s << ": " << p.problem.en;
        EXPECT_EQ(p.date->str(), "2024-10-01") << s;
        EXPECT_FALSE(p.normalised) << s;
    }
    EXPECT_EQ(parse("令和元年5月1日").date->str(), "2019-05-01");
    EXPECT_EQ(parse("H31.4.30").date->str(), "2019-04-30");
    EXPECT_EQ(parse("平成元年1月8日").date->str(), "1989-01-08");
    EXPECT_EQ(parse("S25.4.1").date->str(), "1950-04-01");
}

TEST(Wareki, OldEraAfterItsEndIsReadAsTheNewEraWithAFlag) {
    Parsed p = parse("平成31年5月1日");
    ASSERT_TRUE(p.date);
    EXPECT_EQ(p.date->str(), "2019-05-01");
    EXPECT_TRUE(p.normalised);
    EXPECT_EQ(p.normalised_to, "令和元年5月1日");
    Parsed q = parse("H32.1.6");
    ASSERT_TRUE(q.date);
    EXPECT_EQ(q.date->str(), "2020-01-06");
    EXPECT_TRUE(q.normalised);
    EXPECT_FALSE(parse("平成31年4月30日").normalised);
    ParsedMonth m = parse_month("平成31年5月");
    EXPECT_TRUE(m.ok);
    EXPECT_TRUE(m.normalised);
    EXPECT_FALSE(parse_month("平成31年4月").normalised);
}

TEST(Wareki, RefusesDatesThatDoNotExistOrLieBeforeTheirEra) {
    EXPECT_FALSE(parse("令和7年2月29日").date);
    EXPECT_EQ(parse("令和7年2月29日").problem.en, "this date does not exist");
    EXPECT_TRUE(parse("令和6年2月29日").date);  // 2024 is a leap year
    EXPECT_FALSE(parse("令和元年4月30日").date);
    EXPECT_EQ(parse("令和元年4月30日").problem.en, "Reiwa began on 2019-05-01 (the date lies outside the era)");
    EXPECT_FALSE(parse("平成元年1月7日").date);
    EXPECT_FALSE(parse("令和0年5月1日").date);
    for (const char* s : {"", "令和", "令和6年10月", "令和6年10月1", "R6.10", "R6..10.1", "X6.10.1", "2024-1-01", "2024-10-01x", "令和6年13月1日",
                          "R6.10.1日"})
        EXPECT_FALSE(parse(s).date) << s;
    EXPECT_FALSE(parse_month("2024-13").ok);
    EXPECT_FALSE(parse_month("2024-10-01").ok);
    EXPECT_FALSE(parse_month("令和元年4月").ok);  // April 2019 is 平成
    EXPECT_TRUE(parse_month("R6.10").ok);
}

}  // namespace
}  // namespace ahaki::wareki
