#pragma once
// Dates as Japanese forms write them (和暦): the one reader and writer of era dates, used by the
// clinic reader (model/clinic), the visit-ledger import (import/clinic_ledger) and the reports.
//
// Forms read: 令和6年10月1日, 令和元年5月1日, 令和 6年10月 1日, R6.10.1, R06/10/01, r6-10-1, R6年10月1日
// (letters M T S H R, either case; full-width digits, letters and punctuation; spaces between the
// parts), and the Gregorian forms 2024-10-01, 2024/10/1, 2024.10.1, 2024年10月1日. Months (a claim
// month): 2024-10, 2024/10, 2024年10月, 令和6年10月, R6.10.
//
// Eras (the calendar, not regulated numbers): 明治 from 明治6年1月1日 (1873-01-01, the adoption of
// the Gregorian calendar; earlier 明治 dates were lunisolar) to 1912-07-30, 大正 1912-07-30 to
// 1926-12-25, 昭和 1926-12-25 to 1989-01-07, 平成 1989-01-08 to 2019-04-30, 令和 from 2019-05-01.
// The day of a change belongs to both eras (明治45年7月30日 = 大正元年7月30日); dates are written
// in the later one.
//
// One rule for a date outside its era:
//   - after the era's last day, in its last year or in a year it never reached (平成31年5月1日,
//     昭和64年1月8日, 平成32年1月6日, 昭和65年): the date is real and forms printed before a change keep
//     the old era's name, so it is read as the next era's date and flagged `normalised` (a warning:
//     CLM-019 in a clinic file, a notice in an import). ryoyohi.md §5, after the MHLW notice of
//     2019-04-22: 平成31年5月 and 平成32年 are accepted and read as 令和, never rejected;
//   - year 0 (令和0年), or a day before the era began (令和元年4月30日, 平成元年1月7日): an error
//     "outside its era" naming the era's range;
//   - a day that does not exist (令和7年2月29日, 13月, 4月31日): an error.
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/text.hpp"

namespace ahaki::wareki {

struct Era {
    std::string_view name;    ///< 令和
    char letter;              ///< R
    std::string_view roman;   ///< Reiwa
    int gannen;               ///< the Gregorian year of 元年 (year 1)
    Date first;               ///< first day written in this era (明治: 1873-01-01)
    std::optional<Date> last; ///< last day (none for the current era)
};

/// 明治 to 令和, oldest first.
const Era* eras_begin();
const Era* eras_end();
/// The era a date is written in (the later one on the day of a change); null before 1873.
const Era* era_of(const Date& d);

/// The era year has at most two digits (昭和64 is the longest an era has run): parse reads no more and
/// format writes a date further into an era in ISO form.
inline constexpr std::size_t max_era_digits = 2;
inline constexpr int max_era_year = 99;

/// 令和6年10月16日; 令和元年5月1日; dates before 明治6年 and from 令和100年 (2118) in ISO form.
std::string format(const Date& d);
/// 令和6年10月 (a claim month: the era its last day is in); 2118年1月 from 令和100年.
std::string format_month(int year, int month);

struct Parsed {
    std::optional<Date> date;  ///< set when the text is a date
    /// Written in an era's last year after that era ended (平成31年5月1日): read as the next era's date.
    bool normalised = false;
    const Era* written_era = nullptr;  ///< when normalised: the era the text names (平成)
    Text warning;                      ///< when normalised: what was read as what
    Text error;                        ///< when !date: what is wrong, quoting the text (for a cell)
    Text problem;                      ///< when !date: what is wrong, without the text (for `attr="…": problem`)
    Text expected;                     ///< when !date: what was expected
};

/// Parses one date. Surrounding white space (ASCII and U+3000) is ignored.
Parsed parse(std::string_view text);

/// What parse() accepts, for "expected" messages.
const Text& accepted_forms();

/// A month: 2024-10, 2024/10, 2024年10月, 令和6年10月, R6.10; the same era rule (a month is in an era
/// when one of its days is; 平成31年5月 is read as 令和元年5月, normalised).
struct ParsedMonth {
    int year = 0, month = 0;
    bool ok = false;
    bool normalised = false;
    const Era* written_era = nullptr;
    Text warning, error, problem, expected;
};
ParsedMonth parse_month(std::string_view text);

/// What parse_month() accepts.
const Text& accepted_month_forms();

}  // namespace ahaki::wareki
