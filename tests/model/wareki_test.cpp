// 和暦 (model/wareki.hpp), the one era reader of the clinic reader and the ledger import: every
// form, both ends of every era with the one rule (the last year after the end day: normalised with
// a warning; a year the era never reached, year 0, a day before the era: an error naming the era's
// range; a day that does not exist: an error), every message exactly in both languages.
#include <gtest/gtest.h>

#include "model/wareki.hpp"

namespace ahaki::wareki {
namespace {

std::string ok(std::string_view text) {
    auto p = parse(text);
    EXPECT_TRUE(p.date) << text << ": " << p.error.en;
    EXPECT_FALSE(p.normalised) << text;
    return p.date ? p.date->str() : "";
}

/// "message (expected)" of a refused date, in one language.
std::string error(std::string_view text, Lang L) {
    auto p = parse(text);
    EXPECT_FALSE(p.date) << text << " read as " << (p.date ? p.date->str() : "");
    EXPECT_FALSE(p.problem.en.empty()) << text;
    return L == Lang::ja ? p.error.ja + "（" + p.expected.ja + "）" : p.error.en + " (" + p.expected.en + ")";
}

/// The ISO date a normalised text was read as, and its warning in one language.
std::string normalised(std::string_view text, Lang L) {
    auto p = parse(text);
    EXPECT_TRUE(p.date) << text << ": " << p.error.en;
    EXPECT_TRUE(p.normalised) << text;
    if (!p.date) return "";
    return p.date->str() + " " + p.warning.in(L);
}

TEST(Wareki, FormatsEraBoundariesAndGannen) {
    EXPECT_EQ(format(Date{1989, 1, 7}), "昭和64年1月7日");
    EXPECT_EQ(format(Date{1989, 1, 8}), "平成元年1月8日");
    EXPECT_EQ(format(Date{2019, 4, 30}), "平成31年4月30日");
    EXPECT_EQ(format(Date{2019, 5, 1}), "令和元年5月1日");
    EXPECT_EQ(format(Date{2024, 10, 16}), "令和6年10月16日");
    EXPECT_EQ(format(Date{1926, 12, 25}), "昭和元年12月25日");  // the day of a change: the later era
    EXPECT_EQ(format(Date{1912, 7, 30}), "大正元年7月30日");
    EXPECT_EQ(format(Date{1873, 1, 1}), "明治6年1月1日");
    EXPECT_EQ(format(Date{1872, 12, 31}), "1872-12-31");  // lunisolar 明治: not written in 和暦
    EXPECT_EQ(format(Date{2117, 12, 31}), "令和99年12月31日");
    EXPECT_EQ(format(Date{2118, 1, 1}), "2118-01-01");  // 令和100年: three digits, which no one writes
    EXPECT_EQ(format(Date{3034, 1, 29}), "3034-01-29");  // found by ahaki-fuzz-ledger (it was 令和1016年1月29日)
    EXPECT_EQ(format_month(2117, 12), "令和99年12月");
    EXPECT_EQ(format_month(2118, 1), "2118年1月");
    EXPECT_EQ(format_month(2019, 4), "平成31年4月");
    EXPECT_EQ(format_month(2019, 5), "令和元年5月");
    EXPECT_EQ(format_month(1989, 1), "平成元年1月");
}

TEST(Wareki, IsoAndGregorianForms) {
    EXPECT_EQ(ok("2024-10-01"), "2024-10-01");
    EXPECT_EQ(ok("2024/10/1"), "2024-10-01");
    EXPECT_EQ(ok("2024.1.9"), "2024-01-09");
    EXPECT_EQ(ok("2024年10月1日"), "2024-10-01");
    EXPECT_EQ(ok("  2024-02-29\u3000"), "2024-02-29");     // leap year; spaces around
    EXPECT_EQ(ok("２０２４－１０－０１"), "2024-10-01");  // full-width digits and dash
}

TEST(Wareki, KanjiEraForms) {
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

TEST(Wareki, LetterForms) {
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

TEST(Wareki, TheLastYearOfAnEraAfterItsEndIsReadAsTheNextEraWithAWarning) {
    EXPECT_EQ(normalised("平成31年5月1日", Lang::ja), "2019-05-01 平成31年5月1日 を 令和元年5月1日 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(normalised("平成31年5月1日", Lang::en), "2019-05-01 read 平成31年5月1日 as 令和元年5月1日 (2019-05-01): 平成 ended on 2019-04-30");
    EXPECT_EQ(normalised("H31.12.31", Lang::en), "2019-12-31 read H31.12.31 as 令和元年12月31日 (2019-12-31): 平成 ended on 2019-04-30");
    EXPECT_EQ(normalised("昭和64年1月8日", Lang::ja), "1989-01-08 昭和64年1月8日 を 平成元年1月8日 として読みました（昭和は昭和64年1月7日まで）");
    EXPECT_EQ(normalised("S64.1.8", Lang::en), "1989-01-08 read S64.1.8 as 平成元年1月8日 (1989-01-08): 昭和 ended on 1989-01-07");
    EXPECT_EQ(normalised("大正15年12月26日", Lang::en), "1926-12-26 read 大正15年12月26日 as 昭和元年12月26日 (1926-12-26): 大正 ended on 1926-12-25");
    EXPECT_EQ(normalised("明治45年7月31日", Lang::en), "1912-07-31 read 明治45年7月31日 as 大正元年7月31日 (1912-07-31): 明治 ended on 1912-07-30");
    auto p = parse("平成31年5月1日");
    ASSERT_NE(p.written_era, nullptr);
    EXPECT_EQ(p.written_era->name, "平成");
    // The last day itself is no change.
    EXPECT_FALSE(parse("平成31年4月30日").normalised);
    EXPECT_FALSE(parse("昭和64年1月7日").normalised);
    // A date after the end that does not exist is still an error.
    EXPECT_EQ(error("平成31年6月31日", Lang::en), "平成31年6月31日 does not exist (2019-06 has 30 days) (a day of that month)");
}

TEST(Wareki, AYearTheEraNeverReachedIsReadInTheNextEra) {
    // ryoyohi.md §5 (MHLW notice of 2019-04-22): 平成32年 is accepted and read as 令和, with a warning.
    auto p = parse("平成32年1月6日");
    ASSERT_TRUE(p.date);
    EXPECT_EQ(*p.date, (Date{2020, 1, 6}));
    EXPECT_TRUE(p.normalised);
    EXPECT_EQ(p.warning.ja, "平成32年1月6日 を 令和2年1月6日 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(p.warning.en, "read 平成32年1月6日 as 令和2年1月6日 (2020-01-06): 平成 ended on 2019-04-30");
    EXPECT_EQ(*parse("昭和65年1月1日").date, (Date{1990, 1, 1}));
    EXPECT_EQ(*parse("H32.1.6").date, (Date{2020, 1, 6}));
    EXPECT_EQ(*parse("大正16年1月1日").date, (Date{1927, 1, 1}));
    EXPECT_TRUE(parse("大正16年1月1日").normalised);
    EXPECT_EQ(error("平成32年2月30日", Lang::en), "平成32年2月30日 does not exist (2020-02 has 29 days) (a day of that month)");
}

TEST(Wareki, YearZeroIsOutsideItsEra) {
    EXPECT_EQ(error("令和0年5月1日", Lang::ja), "令和0年5月1日 は令和の期間（令和元年5月1日から）の外です（令和の日付は令和元年5月1日から。最初の年は元年（1年））");
    EXPECT_EQ(error("令和0年5月1日", Lang::en), "令和0年5月1日 is outside its era (令和, from 2019-05-01) (令和 dates run from 2019-05-01; the first year is 元年 (1))");
    // 令和 has no end: any year of it is read.
    EXPECT_EQ(ok("令和99年1月1日"), "2117-01-01");
}

TEST(Wareki, ADayBeforeTheEraBeganIsOutsideItsEra) {
    EXPECT_EQ(error("令和元年4月30日", Lang::ja),
              "令和元年4月30日 は令和の期間（令和元年5月1日から）の外です（令和の日付は令和元年5月1日から。それより前は平成）");
    EXPECT_EQ(error("令和元年4月30日", Lang::en),
              "令和元年4月30日 is outside its era (令和, from 2019-05-01) (令和 dates run from 2019-05-01; earlier dates are 平成)");
    EXPECT_EQ(error("R1.4.1", Lang::en), "R1.4.1 is outside its era (令和, from 2019-05-01) (令和 dates run from 2019-05-01; earlier dates are 平成)");
    EXPECT_EQ(error("平成元年1月7日", Lang::en),
              "平成元年1月7日 is outside its era (平成, 1989-01-08 to 2019-04-30) (平成 dates run 1989-01-08 to 2019-04-30; earlier dates are 昭和)");
    EXPECT_EQ(error("昭和元年12月24日", Lang::en),
              "昭和元年12月24日 is outside its era (昭和, 1926-12-25 to 1989-01-07) (昭和 dates run 1926-12-25 to 1989-01-07; earlier dates are 大正)");
    EXPECT_EQ(error("大正元年7月29日", Lang::en),
              "大正元年7月29日 is outside its era (大正, 1912-07-30 to 1926-12-25) (大正 dates run 1912-07-30 to 1926-12-25; earlier dates are 明治)");
    EXPECT_EQ(error("明治5年12月2日", Lang::ja),
              "明治5年12月2日 は太陽暦の採用（明治6年1月1日）より前の日付です（旧暦の日付は読めません）（明治6年1月1日以降の日付）");
    EXPECT_EQ(parse("令和元年4月30日").problem.en, "outside its era (令和, from 2019-05-01)");
}

TEST(Wareki, DatesThatDoNotExist) {
    EXPECT_EQ(error("令和7年2月29日", Lang::ja), "令和7年2月29日 は存在しない日付です（2025年2月は28日まで）（その月にある日）");
    EXPECT_EQ(error("令和7年2月29日", Lang::en), "令和7年2月29日 does not exist (2025-02 has 28 days) (a day of that month)");
    EXPECT_EQ(parse("令和7年2月29日").problem.ja, "存在しない日付です（2025年2月は28日まで）");
    EXPECT_EQ(error("R6.4.31", Lang::en), "R6.4.31 does not exist (2024-04 has 30 days) (a day of that month)");
    EXPECT_EQ(error("2025-02-29", Lang::ja), "2025-02-29 は存在しない日付です（2025年2月は28日まで）（その月にある日）");
    EXPECT_EQ(error("令和6年13月1日", Lang::ja), "令和6年13月1日: 13月はありません（1月〜12月）");
    EXPECT_EQ(error("令和6年13月1日", Lang::en), "令和6年13月1日: there is no month 13 (a month from 1 to 12)");
    EXPECT_EQ(error("2024-00-10", Lang::en), "2024-00-10: there is no month 0 (a month from 1 to 12)");
    EXPECT_EQ(error("令和6年1月0日", Lang::en), "令和6年1月0日 does not exist (2024-01 has 31 days) (a day of that month)");
    EXPECT_EQ(error("1900-02-29", Lang::en), "1900-02-29 does not exist (1900-02 has 28 days) (a day of that month)");
}

TEST(Wareki, TextThatIsNotADate) {
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
    EXPECT_EQ(parse("令和").problem.en, "not a date");
}

TEST(Wareki, MonthsFollowTheSameRule) {
    auto m = parse_month("R6.10");
    EXPECT_TRUE(m.ok);
    EXPECT_EQ(m.year, 2024);
    EXPECT_EQ(m.month, 10);
    for (const char* s : {"2024-10", "2024/10", "2024年10月", "令和6年10月", "令和６年１０月", "R06.10"}) {
        auto x = parse_month(s);
        EXPECT_TRUE(x.ok && x.year == 2024 && x.month == 10 && !x.normalised) << s << ": " << x.error.en;
    }
    EXPECT_TRUE(parse_month("昭和64年1月").ok);  // 1989-01-01..07 are 昭和
    EXPECT_FALSE(parse_month("昭和64年1月").normalised);
    EXPECT_TRUE(parse_month("平成元年1月").ok);  // 1989-01-08.. are 平成
    EXPECT_FALSE(parse_month("平成31年4月").normalised);
    auto n = parse_month("平成31年5月");
    EXPECT_TRUE(n.ok && n.normalised);
    EXPECT_EQ(n.warning.ja, "平成31年5月 を 令和元年5月 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(n.warning.en, "read 平成31年5月 as 令和元年5月 (2019-05): 平成 ended on 2019-04-30");
    EXPECT_TRUE(parse_month("S64.2").normalised);
    auto e = parse_month("令和元年4月");  // April 2019 is 平成
    EXPECT_FALSE(e.ok);
    EXPECT_EQ(e.error.en, "令和元年4月 is outside its era (令和, from 2019-05-01)");
    EXPECT_EQ(e.expected.en, "令和 dates run from 2019-05-01; earlier dates are 平成");
    auto later = parse_month("平成32年1月");  // read as 令和2年1月, as dates are
    EXPECT_TRUE(later.ok && later.normalised);
    EXPECT_EQ(later.year, 2020);
    EXPECT_EQ(later.warning.ja, "平成32年1月 を 令和2年1月 として読みました（平成は平成31年4月30日まで）");
    EXPECT_EQ(parse_month("令和0年5月").problem.en, "outside its era (令和, from 2019-05-01)");
    EXPECT_EQ(parse_month("2024-13").problem.en, "there is no month 13");
    EXPECT_EQ(parse_month("2024-10-01").problem.en, "not a month");
    EXPECT_EQ(parse_month("2024-10-01").error.en, "not a month: '2024-10-01'");
}

TEST(Wareki, EveryDayFormattedReadsBackAsTheSameDay) {
    // To 9999 (ISO years have four digits): every date the tool can show reads back as itself.
    for (long n = Date{1873, 1, 1}.days(); n <= Date{9999, 12, 31}.days(); n += n < Date{2200, 1, 1}.days() ? 13 : 997) {
        const Date d = Date::from_days(n);
        auto p = parse(format(d));
        ASSERT_TRUE(p.date) << format(d);
        EXPECT_EQ(*p.date, d);
        EXPECT_FALSE(p.normalised);
    }
}

}  // namespace
}  // namespace ahaki::wareki
