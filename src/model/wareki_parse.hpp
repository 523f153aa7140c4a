#pragma once
// Reading dates as clinics and receipt software write them: 和暦 (令和6年10月1日, 令和元年5月1日,
// R6.10.1, H31.4.30, S64/1/7, full-width digits, spaces between the parts) and the Gregorian
// forms (2024-10-01, 2024/10/1, 2024年10月1日).
//
// Eras (the calendar, not regulated numbers): 明治 from 明治6年1月1日 (1873-01-01, the adoption
// of the Gregorian calendar; earlier 明治 dates were lunisolar) to 1912-07-30, 大正 1912-07-30 to
// 1926-12-25, 昭和 1926-12-25 to 1989-01-07, 平成 1989-01-08 to 2019-04-30, 令和 from 2019-05-01.
// (The day of a change belongs to both eras, as 明治45年7月30日 = 大正元年7月30日.)
//
// A 平成 date after 2019-04-30 (平成31年5月1日, 平成32年…) is read as the matching 令和 date and
// flagged `normalised` (the MHLW notice of 2019-04-22 accepts forms still printed with 平成). Any
// other date outside its era (昭和65年, 昭和64年1月8日, 令和元年4月30日, 令和1年4月1日), a year 0, and
// a day that does not exist (令和7年2月29日, 13月, 4月31日) are errors.
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/text.hpp"

namespace ahaki::wareki_parse {

enum class Era { meiji, taisho, showa, heisei, reiwa };

struct EraInfo {
    Era era;
    std::string_view kanji;  ///< 令和
    char letter;             ///< R
    int gannen;              ///< the Gregorian year of 元年 (year 1)
    Date first;              ///< first day
    std::optional<Date> last;
};
const EraInfo& info(Era e);

/// The era a Gregorian date is written in today (the later era on the day of a change), if any.
std::optional<Era> era_of(const Date& d);

/// 令和6年10月1日 / 令和元年5月1日 (year 1 is 元年). Dates before 明治6年 are written as ISO.
std::string format(const Date& d);

struct Parsed {
    std::optional<Date> date;  ///< set when the text is a date
    bool normalised = false;   ///< a 平成 date after the era's end, read as 令和 (warning)
    Text warning;              ///< when normalised: what was read as what
    Text error;                ///< when !date: what is wrong
    Text expected;             ///< when !date: what was expected
};

/// Parses one cell. Surrounding white space (ASCII and U+3000) is ignored.
Parsed parse(std::string_view text);

/// What parse() accepts, for "expected" messages.
const Text& accepted_forms();

}  // namespace ahaki::wareki_parse
