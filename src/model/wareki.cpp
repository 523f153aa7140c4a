#include "model/wareki.hpp"

#include <array>

#include "model/fold_width.hpp"

namespace ahaki::wareki {
namespace {

const std::array<Era, 5> eras = {{
    {"明治", 'M', "Meiji", 1868, Date{1873, 1, 1}, Date{1912, 7, 30}},
    {"大正", 'T', "Taisho", 1912, Date{1912, 7, 30}, Date{1926, 12, 25}},
    {"昭和", 'S', "Showa", 1926, Date{1926, 12, 25}, Date{1989, 1, 7}},
    {"平成", 'H', "Heisei", 1989, Date{1989, 1, 8}, Date{2019, 4, 30}},
    {"令和", 'R', "Reiwa", 2019, Date{2019, 5, 1}, std::nullopt},
}};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/// Full-width digits, letters and punctuation to ASCII; spaces (ASCII, U+3000) dropped;
/// the dashes people type for '-' (U+2010, U+2212, U+30FC, U+FF0D) to '-'.
std::string normalise(std::string_view text) {
    const std::string s = narrow_ascii(text);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
        const std::string_view rest = std::string_view(s).substr(i);
        if (rest.substr(0, 3) == "\xE3\x80\x80") { i += 3; continue; }  // U+3000
        bool dash = false;
        for (std::string_view d : {"\xE2\x80\x90", "\xE2\x88\x92", "\xE3\x83\xBC"})  // ‐ − ー
            if (rest.substr(0, d.size()) == d) { out += '-'; i += d.size(); dash = true; break; }
        if (dash) continue;
        out += s[i++];
    }
    return out;
}

std::string_view trim(std::string_view s) { return trim_space(s); }

/// Reads 1..max_digits ASCII digits.
bool digits(std::string_view& s, std::size_t max_digits, int& value, std::size_t min_digits = 1) {
    std::size_t n = 0;
    value = 0;
    while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') value = value * 10 + (s[n++] - '0');
    if (n < min_digits || (n < s.size() && s[n] >= '0' && s[n] <= '9')) return false;
    s.remove_prefix(n);
    return true;
}

bool eat(std::string_view& s, std::string_view token) {
    if (s.substr(0, token.size()) != token) return false;
    s.remove_prefix(token.size());
    return true;
}

std::string show(std::string_view text) {  // the cell as written, cut for the message
    std::string_view t = trim(text);
    if (t.size() <= 60) return std::string(t);
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    return std::string(t.substr(0, cut)) + "…";
}

std::string year_text(int era_year) { return era_year == 1 ? std::string("元") : std::to_string(era_year); }

std::string written(const Era& e, int year, int month, int day) {
    return std::string(e.name) + year_text(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}
std::string written(const Era& e, const Date& d) { return written(e, d.year - e.gannen + 1, d.month, d.day); }

std::size_t index_of(const Era& e) { return static_cast<std::size_t>(&e - eras.data()); }

/// The era's range as clinics write it and in ISO: (平成元年1月8日〜平成31年4月30日, 1989-01-08 to 2019-04-30).
Text range(const Era& e) {
    if (!e.last) return {written(e, e.first) + "から", "from " + e.first.str()};
    return {written(e, e.first) + "〜" + written(e, *e.last), e.first.str() + " to " + e.last->str()};
}

enum class Outside { year_zero, before };

/// "… is outside its era" with the era's range; `what` is the date or month as written.
void outside(Text& error, Text& expected, Text& problem, const std::string& what, const Era& e, Outside why) {
    const std::string n(e.name);
    const Text r = range(e);
    problem = {n + "の期間（" + r.ja + "）の外です", "outside its era (" + n + ", " + r.en + ")"};
    error = {what + " は" + problem.ja, what + " is " + problem.en};
    Text hint;
    if (why == Outside::year_zero) hint = {"。最初の年は元年（1年）", "; the first year is 元年 (1)"};
    else if (why == Outside::before && index_of(e) > 0) hint = {"。それより前は" + std::string(eras[index_of(e) - 1].name), "; earlier dates are " + std::string(eras[index_of(e) - 1].name)};
    expected = {n + "の日付は" + r.ja + hint.ja, n + " dates run " + r.en + hint.en};
}

/// Which era, if any: the kanji name or its letter (R6.10.1, r6.10.1).
const Era* era_prefix(std::string_view& s) {
    for (const auto& e : eras) {
        if (eat(s, e.name)) return &e;
        if (!s.empty() && (s.front() == e.letter || s.front() == e.letter + ('a' - 'A'))) {
            s.remove_prefix(1);
            return &e;
        }
    }
    return nullptr;
}


}  // namespace

const Era* eras_begin() { return eras.data(); }
const Era* eras_end() { return eras.data() + eras.size(); }

const Era* era_of(const Date& d) {
    for (auto it = eras.rbegin(); it != eras.rend(); ++it)
        if (d >= it->first) return &*it;
    return nullptr;
}

std::string format(const Date& d) {
    const Era* e = era_of(d);
    // An era year of three digits (令和100年 is 2118) is no date anyone writes, and parse reads two:
    // such a date (a typing slip for a year) is shown in ISO form, which reads back as the same day.
    if (!e || d.year - e->gannen + 1 > max_era_year) return d.str();
    return written(*e, d);
}

std::string format_month(int year, int month) {
    // The era the month ends in (令和元年5月, not 平成31年5月).
    const Era* e = era_of(Date::from_days(Date{year, month, 1}.add_months(1).days() - 1));
    if (!e || year - e->gannen + 1 > max_era_year) return std::to_string(year) + "年" + std::to_string(month) + "月";
    return std::string(e->name) + year_text(year - e->gannen + 1) + "年" + std::to_string(month) + "月";
}

const Text& accepted_forms() {
    static const Text t{"2024-10-01、2024/10/1、令和6年10月1日、令和元年5月1日、R6.10.1 のような日付",
                        "a date such as 2024-10-01, 2024/10/1, 令和6年10月1日, 令和元年5月1日 or R6.10.1"};
    return t;
}

const Text& accepted_month_forms() {
    static const Text t{"2024-10、令和6年10月、R6.10 のような年月", "a month such as 2024-10, 令和6年10月 or R6.10"};
    return t;
}

namespace {

Parsed not_a_date(std::string_view text) {
    Parsed p;
    p.problem = {"日付として読めません", "not a date"};
    p.error = {"日付として読めません: 「" + show(text) + "」", "not a date: '" + show(text) + "'"};
    p.expected = accepted_forms();
    return p;
}

/// Month and day exist? Otherwise the error.
template <class P>
bool check_day(P& p, const std::string& as_written, int y, int m, int d) {
    if (m < 1 || m > 12) {
        p.problem = {std::to_string(m) + "月はありません", "there is no month " + std::to_string(m)};
        p.error = {as_written + ": " + std::to_string(m) + "月はありません", as_written + ": there is no month " + std::to_string(m)};
        p.expected = {"1月〜12月", "a month from 1 to 12"};
        return false;
    }
    if (d < 1 || d > month_days(y, m)) {
        const std::string n = std::to_string(month_days(y, m));
        p.problem = {"存在しない日付です（" + std::to_string(y) + "年" + std::to_string(m) + "月は" + n + "日まで）",
                     "does not exist (" + std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + " has " + n + " days)"};
        p.error = {as_written + " は存在しない日付です（" + std::to_string(y) + "年" + std::to_string(m) + "月は" + n + "日まで）",
                   as_written + " does not exist (" + std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + " has " + n +
                       " days)"};
        p.expected = {"その月にある日", "a day of that month"};
        return false;
    }
    return true;
}

/// Separator after the year: 年 (then 月 and 日) or one of . / - (used twice).
bool separator(std::string_view& s, char& sep) {
    if (eat(s, "年")) { sep = 'k'; return true; }
    if (!s.empty() && (s.front() == '.' || s.front() == '/' || s.front() == '-')) {
        sep = s.front();
        s.remove_prefix(1);
        return true;
    }
    return false;
}
bool second_separator(std::string_view& s, char sep) {
    if (sep == 'k') return eat(s, "月");
    if (s.empty() || s.front() != sep) return false;
    s.remove_prefix(1);
    return true;
}

}  // namespace

Parsed parse(std::string_view text) {
    const std::string norm = normalise(text);
    std::string_view s = norm;
    if (s.empty()) return not_a_date(text);

    const Era* era = era_prefix(s);
    int y = 0, m = 0, d = 0;
    char sep = 0;
    if (era == nullptr) {  // Gregorian: 2024-10-01, 2024/10/1, 2024.10.1, 2024年10月1日
        if (!digits(s, 4, y, 4) || !separator(s, sep) || !digits(s, 2, m) || !second_separator(s, sep) || !digits(s, 2, d)) return not_a_date(text);
        if (sep == 'k') eat(s, "日");
        if (!s.empty() || y < 1) return not_a_date(text);
        Parsed p;
        if (!check_day(p, show(text), y, m, d)) return p;
        p.date = Date{y, m, d};
        return p;
    }

    // Era year: digits or 元 (元年); then 年…月…日 or one punctuation mark twice.
    bool gannen = false;
    if (eat(s, "元")) { gannen = true; y = 1; }
    else if (!digits(s, max_era_digits, y)) return not_a_date(text);
    if (!separator(s, sep) || !digits(s, 2, m) || !second_separator(s, sep) || !digits(s, 2, d)) return not_a_date(text);
    if (sep == 'k') eat(s, "日");
    if (!s.empty()) return not_a_date(text);

    Parsed p;
    const std::string as_written = show(text);
    if (y == 0 && !gannen) {
        outside(p.error, p.expected, p.problem, as_written, *era, Outside::year_zero);
        return p;
    }
    const int gy = era->gannen + y - 1;
    if (!check_day(p, as_written, gy, m, d)) return p;
    const Date date{gy, m, d};
    if (date < era->first) {
        if (index_of(*era) == 0) {
            p.problem = {"太陽暦の採用（明治6年1月1日）より前の日付です（旧暦の日付は読めません）",
                         "before the Gregorian calendar was adopted (明治6年1月1日, 1873-01-01); lunisolar dates cannot be read"};
            p.error = {as_written + " は太陽暦の採用（明治6年1月1日）より前の日付です（旧暦の日付は読めません）",
                       as_written + " is before the Gregorian calendar was adopted (明治6年1月1日, 1873-01-01); lunisolar dates cannot be read"};
            p.expected = {"明治6年1月1日以降の日付", "a date from 明治6年1月1日 (1873-01-01) on"};
            return p;
        }
        outside(p.error, p.expected, p.problem, as_written, *era, Outside::before);
        return p;
    }
    p.date = date;
    if (era->last && date > *era->last) {  // the era's last year, after its last day: the next era's date
        p.normalised = true;
        p.written_era = era;
        p.warning = {as_written + " を " + format(date) + " として読みました（" + std::string(era->name) + "は" + written(*era, *era->last) + "まで）",
                     "read " + as_written + " as " + format(date) + " (" + date.str() + "): " + std::string(era->name) + " ended on " +
                         era->last->str()};
    }
    return p;
}

ParsedMonth parse_month(std::string_view text) {
    ParsedMonth pm;
    const std::string norm = normalise(text);
    std::string_view s = norm;
    auto bad = [&] {
        pm.problem = {"年月として読めません", "not a month"};
        pm.error = {"年月として読めません: 「" + show(text) + "」", "not a month: '" + show(text) + "'"};
        pm.expected = accepted_month_forms();
        return pm;
    };
    const Era* era = era_prefix(s);
    int y = 0, m = 0;
    bool gannen = false;
    if (era == nullptr) {
        if (!digits(s, 4, y, 4) || y < 1) return bad();
    } else if (eat(s, "元")) {
        gannen = true;
        y = 1;
    } else if (!digits(s, max_era_digits, y)) {
        return bad();
    }
    char sep = 0;
    if (!separator(s, sep) || !digits(s, 2, m)) return bad();
    if (sep == 'k') eat(s, "月");
    if (!s.empty()) return bad();
    const std::string as_written = show(text);
    if (m < 1 || m > 12) {
        pm.problem = {std::to_string(m) + "月はありません", "there is no month " + std::to_string(m)};
        pm.error = {as_written + ": " + std::to_string(m) + "月はありません", as_written + ": there is no month " + std::to_string(m)};
        pm.expected = {"1月〜12月", "a month from 1 to 12"};
        return pm;
    }
    if (era == nullptr) {
        pm.year = y;
        pm.month = m;
        pm.ok = true;
        return pm;
    }
    if (y == 0 && !gannen) {
        outside(pm.error, pm.expected, pm.problem, as_written, *era, Outside::year_zero);
        return pm;
    }
    const int gy = era->gannen + y - 1;
    const Date first{gy, m, 1};
    const Date last{gy, m, month_days(gy, m)};
    if (last < era->first) {
        outside(pm.error, pm.expected, pm.problem, as_written, *era, Outside::before);
        return pm;
    }
    pm.year = gy;
    pm.month = m;
    pm.ok = true;
    if (era->last && first > *era->last) {
        pm.normalised = true;
        pm.written_era = era;
        pm.warning = {as_written + " を " + format_month(gy, m) + " として読みました（" + std::string(era->name) + "は" + written(*era, *era->last) + "まで）",
                      "read " + as_written + " as " + format_month(gy, m) + " (" + std::to_string(gy) + "-" + (m < 10 ? "0" : "") +
                          std::to_string(m) + "): " + std::string(era->name) + " ended on " + era->last->str()};
    }
    return pm;
}

}  // namespace ahaki::wareki
