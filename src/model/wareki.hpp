#pragma once
// Dates as Japanese forms write them (和暦): 令和6年10月16日, R6.10.16, 元年.
// Claims, insurance cards and 施術録 are dated this way; reports for clinics
// show dates so, machine formats keep the ISO date beside them.
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
    Date first;               ///< first day of the era
};

/// 明治 to 令和, oldest first (明治 from 1868-01-25 as the calendar reform dates it).
const Era* eras_begin();
const Era* eras_end();
/// The era a date falls in (null before 明治).
const Era* era_of(const Date& d);

/// 令和6年10月16日; 令和元年5月1日; dates before 明治 in ISO form.
std::string format(const Date& d);
/// 令和6年10月 (a claim month).
std::string format_month(int year, int month);

struct Parsed {
    std::optional<Date> date;
    /// Written in an era after that era ended (平成31年5月1日): read as the
    /// matching date of the next era, which `normalised_to` spells.
    bool normalised = false;
    std::string normalised_to;
    /// Why the text is not a date (empty when `date` is set).
    Text problem;
};

/// Reads an ISO date (2024-10-16) or a 和暦 date: 令和6年10月16日, 令和元年5月1日,
/// R6.10.16, R06/10/16, R6-10-16 (letters M T S H R, either case; full-width
/// digits and punctuation accepted). Refuses dates that do not exist
/// (令和7年2月29日) and dates before their era began (令和1年4月30日).
Parsed parse(std::string_view text);

/// A month: 2024-10, 令和6年10月, R6.10.
struct ParsedMonth {
    int year = 0, month = 0;
    bool ok = false;
    bool normalised = false;
    Text problem;
};
ParsedMonth parse_month(std::string_view text);

}  // namespace ahaki::wareki
