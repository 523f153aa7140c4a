#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ahaki {

/// A calendar date (proleptic Gregorian). Only valid dates can be built.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    static bool valid(int y, int m, int d);
    /// Days since 1970-01-01 (negative before).
    long days() const;
    static Date from_days(long days);
    Date add_months(int months) const;  ///< day clamped to the month's end
    Date add_years(int years) const { return add_months(years * 12); }
    std::string str() const;  ///< YYYY-MM-DD
    auto operator<=>(const Date&) const = default;
};

/// Whole years elapsed from `from` to `to` (as in an age).
int whole_years_between(const Date& from, const Date& to);

/// Minutes since midnight, 0..1440.
struct TimeOfDay {
    int minutes = 0;
    std::string str() const;
    auto operator<=>(const TimeOfDay&) const = default;
};

}  // namespace ahaki
