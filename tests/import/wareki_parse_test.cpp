// 和暦 dates as clinics write them: every form, both ends of every era, the 平成→令和
// normalisation, and every error with its exact message in both languages.
#include <gtest/gtest.h>

#include "model/wareki_parse.hpp"

namespace ahaki::test {
namespace {

namespace wp = wareki_parse;

std::string ok(std::string_view text) {
    auto p = wp::parse(text);
    EXPECT_TRUE(p.date) << text << ": " << p.error.en;
    EXPECT_FALSE(p.normalised) << text;
    return p.date ? p.date->str() : "";
}

/// "message (expected)" of a refused date, in one language.
std::string error(std::string_view text, Lang L) {
    auto p = wp::parse(text);
    EXPECT_FALSE(p.date) << text << " read as " << (p.date ? p.date->str() : "");
    return L == Lang::ja ? p.error.ja + "（" + p.expected.ja + "）" : p.error.en + " (" + p.expected.en + ")";
}

TEST(WarekiParse, IsoAndGregorianForms) {
    EXPECT_EQ(ok("2024-10-01"), "2024-10-01");
    EXPECT_EQ(ok("2024/10/1"), "2024-10-01");
    EXPECT_EQ(ok("2024.1.9"), "2024-01-09");
    EXPECT_EQ(ok("2024年10月1日"), "2024-10-01");
    EXPECT_EQ(ok("  2024-02-29\u3000"), "2024-02-29");     // leap year; spaces around
    EXPECT_EQ(ok("２０２４－１０－０１"), "2024-10-01");  // full-width digits and dash
}

TEST(WarekiParse, KanjiEraForms) {
    EXPECT_EQ(ok("令和6年10月1日"), "2024-10-01");
    EXPECT_EQ(ok("令和06年10月01日"), "2024-10-01");
    EXPECT_EQ(ok("令和元年5月1日"), "2019-05-01");
    EXPECT_EQ(ok("令和1年5月1日"), "2019-05-01");
    EXPECT_EQ(ok("令和６年１０月１日"), "2024-10-01");    // 全角
    EXPECT_EQ(ok("令和 6年10月 1日"), "2024-10-01");      // padded as on printed forms
    EXPECT_EQ(ok("令和6年10月1"), "2024-10-01");          // 日 left out
    EXPECT_EQ(ok("平成31年4月30日"), "2019-04-30");
    EXPECT_EQ(ok("平成元年1月8日"), "1989-01-08");
    EXPECT_EQ(ok("昭和64年1月7日"), "1989-01-07");
    EXPECT_EQ(ok("昭和元年12月25日"), "1926-12-25");
    EXPECT_EQ(ok("大正15年12月25日"), "1926-12-25");      // the day of a change is in both eras
    EXPECT_EQ(ok("大正元年7月30日"), "1912-07-30");
    EXPECT_EQ(ok("明治45年7月30日"), "1912-07-30");
    EXPECT_EQ(ok("明治6年1月1日"), "1873-01-01");
    EXPECT_EQ(ok("令和6年2月29日"), "2024-02-29");
}

TEST(WarekiParse, LetterForms) {
    EXPECT_EQ(ok("R6.10.1"), "2024-10-01");
    EXPECT_EQ(ok("R06.10.01"), "2024-10-01");
    EXPECT_EQ(ok("r6.10.1"), "2024-10-01");
    EXPECT_EQ(ok("R6/10/1"), "2024-10-01");
    EXPECT_EQ(ok("R6-10-1"), "2024-10-01");
    EXPECT_EQ(ok("R元.5.1"), "2019-05-01");
    EXPECT_EQ(ok("R6年10月1日"), "2024-10-01");
    EXPECT_EQ(ok("Ｒ６．１０．１"), "2024-10-01");
    EXPECT_EQ(ok("H31.4.30"), "2019-04-30");
    EXPECT_EQ(ok("S64.1.7"), "1989-01-07");
    EXPECT_EQ(ok("S25.4.1"), "1950-04-01");
    EXPECT_EQ(ok("T14.3.3"), "1925-03-03");
    EXPECT_EQ(ok("M40.1.1"), "1907-01-01");
}

TEST(WarekiParse, HeiseiAfterItsEndIsReadAsReiwaWithAWarning) {
    auto p = wp::parse("平成31年5月1日");
    ASSERT_TRUE(p.date);
    EXPECT_EQ(p.date->str(), "2019-05-01");
    EXPECT_TRUE(p.normalised);
    EXPECT_EQ(p.warning.ja, "平成31年5月1日 を 令和元年5月1日 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(p.warning.en, "read 平成31年5月1日 as 令和元年5月1日 (2019-05-01): 平成 ended on 2019-04-30");
    p = wp::parse("平成32年1月6日");
    ASSERT_TRUE(p.date);
    EXPECT_EQ(p.date->str(), "2020-01-06");
    EXPECT_TRUE(p.normalised);
    EXPECT_EQ(p.warning.ja, "平成32年1月6日 を 令和2年1月6日 として読みました（平成は平成31年4月30日まで）");
    p = wp::parse("H31.5.7");
    ASSERT_TRUE(p.date);
    EXPECT_EQ(p.date->str(), "2019-05-07");
    EXPECT_TRUE(p.normalised);
    EXPECT_EQ(p.warning.en, "read H31.5.7 as 令和元年5月7日 (2019-05-07): 平成 ended on 2019-04-30");
    // A 平成 date after its end that does not exist is still an error.
    EXPECT_EQ(error("平成32年2月30日", Lang::en), "平成32年2月30日 does not exist (2020-02 has 29 days) (a day of that month)");
}

TEST(WarekiParse, DatesThatDoNotExist) {
    EXPECT_EQ(error("令和7年2月29日", Lang::ja), "令和7年2月29日 は存在しない日付です（2025年2月は28日まで）（その月にある日）");
    EXPECT_EQ(error("令和7年2月29日", Lang::en), "令和7年2月29日 does not exist (2025-02 has 28 days) (a day of that month)");
    EXPECT_EQ(error("R6.4.31", Lang::en), "R6.4.31 does not exist (2024-04 has 30 days) (a day of that month)");
    EXPECT_EQ(error("2025-02-29", Lang::ja), "2025-02-29 は存在しない日付です（2025年2月は28日まで）（その月にある日）");
    EXPECT_EQ(error("令和6年13月1日", Lang::ja), "令和6年13月1日: 13月はありません（1月〜12月）");
    EXPECT_EQ(error("令和6年13月1日", Lang::en), "令和6年13月1日: there is no month 13 (a month from 1 to 12)");
    EXPECT_EQ(error("2024-00-10", Lang::en), "2024-00-10: there is no month 0 (a month from 1 to 12)");
    EXPECT_EQ(error("令和6年1月0日", Lang::en), "令和6年1月0日 does not exist (2024-01 has 31 days) (a day of that month)");
    EXPECT_EQ(error("令和0年5月1日", Lang::ja), "令和0年5月1日: 令和0年はありません（最初の年は元年）（令和元年（1年）から）");
    EXPECT_EQ(error("令和0年5月1日", Lang::en),
              "令和0年5月1日: there is no year 0 of 令和 (the first year is 元年) (years of 令和 from 元年 (1))");
    EXPECT_EQ(error("1900-02-29", Lang::en), "1900-02-29 does not exist (1900-02 has 28 days) (a day of that month)");
}

TEST(WarekiParse, EraDatesOutsideTheirEra) {
    EXPECT_EQ(error("昭和65年1月1日", Lang::ja),
              "昭和65年1月1日 は昭和の終わり（昭和64年1月7日）より後です（昭和の日付は昭和64年1月7日まで（それより後は平成））");
    EXPECT_EQ(error("昭和65年1月1日", Lang::en),
              "昭和65年1月1日 is after the end of 昭和 (1989-01-07) (昭和 dates end on 1989-01-07 (later dates are 平成))");
    EXPECT_EQ(error("S64.1.8", Lang::en), "S64.1.8 is after the end of 昭和 (1989-01-07) (昭和 dates end on 1989-01-07 (later dates are 平成))");
    EXPECT_EQ(error("大正15年12月26日", Lang::en),
              "大正15年12月26日 is after the end of 大正 (1926-12-25) (大正 dates end on 1926-12-25 (later dates are 昭和))");
    EXPECT_EQ(error("令和1年4月1日", Lang::ja),
              "令和1年4月1日 は令和の始まり（令和元年5月1日）より前です（令和の日付は令和元年5月1日から（それより前は平成））");
    EXPECT_EQ(error("令和1年4月1日", Lang::en),
              "令和1年4月1日 is before the start of 令和 (2019-05-01) (令和 dates start on 2019-05-01 (earlier dates are 平成))");
    EXPECT_EQ(error("令和元年4月30日", Lang::en),
              "令和元年4月30日 is before the start of 令和 (2019-05-01) (令和 dates start on 2019-05-01 (earlier dates are 平成))");
    EXPECT_EQ(error("平成元年1月7日", Lang::en),
              "平成元年1月7日 is before the start of 平成 (1989-01-08) (平成 dates start on 1989-01-08 (earlier dates are 昭和))");
    EXPECT_EQ(error("昭和元年12月24日", Lang::en),
              "昭和元年12月24日 is before the start of 昭和 (1926-12-25) (昭和 dates start on 1926-12-25 (earlier dates are 大正))");
    EXPECT_EQ(error("明治5年12月2日", Lang::ja),
              "明治5年12月2日 は太陽暦の採用（明治6年1月1日）より前の日付です（旧暦の日付は読めません）（明治6年1月1日以降の日付）");
}

TEST(WarekiParse, TextThatIsNotADate) {
    const std::string expected_en = " (a date such as 2024-10-01, 2024/10/1, 令和6年10月1日, 令和元年5月1日 or R6.10.1)";
    EXPECT_EQ(error("", Lang::en), "not a date: ''" + expected_en);
    EXPECT_EQ(error("令和六年十月一日", Lang::en), "not a date: '令和六年十月一日'" + expected_en);  // kanji numerals
    EXPECT_EQ(error("R6.10", Lang::en), "not a date: 'R6.10'" + expected_en);
    EXPECT_EQ(error("R6.10/1", Lang::en), "not a date: 'R6.10/1'" + expected_en);          // mixed separators
    EXPECT_EQ(error("令和6年10.1", Lang::en), "not a date: '令和6年10.1'" + expected_en);
    EXPECT_EQ(error("R123.1.1", Lang::en), "not a date: 'R123.1.1'" + expected_en);
    EXPECT_EQ(error("24-10-01", Lang::en), "not a date: '24-10-01'" + expected_en);
    EXPECT_EQ(error("2024-10-01T00:00", Lang::en), "not a date: '2024-10-01T00:00'" + expected_en);
    EXPECT_EQ(error("X6.1.1", Lang::en), "not a date: 'X6.1.1'" + expected_en);
    EXPECT_EQ(error("2024-010-01", Lang::en), "not a date: '2024-010-01'" + expected_en);
    EXPECT_EQ(error("令和", Lang::ja),
              "日付として読めません: 「令和」（2024-10-01、2024/10/1、令和6年10月1日、令和元年5月1日、R6.10.1 のような日付）");
}

TEST(WarekiParse, FormatsAsClinicsWrite) {
    EXPECT_EQ(wp::format(Date{2019, 5, 1}), "令和元年5月1日");
    EXPECT_EQ(wp::format(Date{2019, 4, 30}), "平成31年4月30日");
    EXPECT_EQ(wp::format(Date{2025, 4, 30}), "令和7年4月30日");
    EXPECT_EQ(wp::format(Date{1989, 1, 7}), "昭和64年1月7日");
    EXPECT_EQ(wp::format(Date{1926, 12, 25}), "昭和元年12月25日");
    EXPECT_EQ(wp::format(Date{1850, 1, 1}), "1850-01-01");
    // Every day formatted and read back is the same day (1873..2100).
    for (long n = Date{1873, 1, 1}.days(); n <= Date{2100, 12, 31}.days(); n += 13) {
        const Date d = Date::from_days(n);
        auto p = wp::parse(wp::format(d));
        ASSERT_TRUE(p.date) << wp::format(d);
        EXPECT_EQ(*p.date, d);
        EXPECT_FALSE(p.normalised);
    }
}

}  // namespace
}  // namespace ahaki::test
