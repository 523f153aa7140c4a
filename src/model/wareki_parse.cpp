#include "model/wareki_parse.hpp"

#include <array>

namespace ahaki::wareki_parse {
namespace {

const std::array<EraInfo, 5> eras = {{
    {Era::meiji, "明治", 'M', 1868, Date{1873, 1, 1}, Date{1912, 7, 30}},
    {Era::taisho, "大正", 'T', 1912, Date{1912, 7, 30}, Date{1926, 12, 25}},
    {Era::showa, "昭和", 'S', 1926, Date{1926, 12, 25}, Date{1989, 1, 7}},
    {Era::heisei, "平成", 'H', 1989, Date{1989, 1, 8}, Date{2019, 4, 30}},
    {Era::reiwa, "令和", 'R', 2019, Date{2019, 5, 1}, std::nullopt},
}};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/// Full-width digits, letters and punctuation to ASCII; spaces (ASCII, U+3000) dropped;
/// the dashes people type for '-' (U+2010, U+2212, U+30FC, U+FF0D) to '-'.
std::string normalise(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
        if (c == 0xE3 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') { i += 3; continue; }  // U+3000
        if (c == 0xEF && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            // U+FF01..U+FF5E -> U+0021..U+007E
            unsigned cp = 0;
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) cp = 0xFF00u + (b2 - 0x80u);
            else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) cp = 0xFF40u + (b2 - 0x80u);
            if (cp != 0) {
                out += static_cast<char>(cp - 0xFF00u + 0x20u);
                i += 3;
                continue;
            }
        }
        const std::string_view rest = s.substr(i);
        bool dash = false;
        for (std::string_view d : {"\xE2\x80\x90", "\xE2\x88\x92", "\xE3\x83\xBC"})  // ‐ − ー
            if (rest.substr(0, d.size()) == d) { out += '-'; i += d.size(); dash = true; break; }
        if (dash) continue;
        out += s[i];
        ++i;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
        else if (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
        else break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
        else break;
    }
    return s;
}

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

std::string written(const EraInfo& e, int year, int month, int day) {
    return std::string(e.kanji) + (year == 1 ? std::string("元") : std::to_string(year)) + "年" + std::to_string(month) + "月" +
           std::to_string(day) + "日";
}

Parsed fail(std::string_view text) {
    Parsed p;
    p.error = {"日付として読めません: 「" + show(text) + "」", "not a date: '" + show(text) + "'"};
    p.expected = accepted_forms();
    return p;
}

/// Month and day exist? Otherwise the error.
bool check_day(Parsed& p, const std::string& as_written, int y, int m, int d) {
    if (m < 1 || m > 12) {
        p.error = {as_written + ": " + std::to_string(m) + "月はありません", as_written + ": there is no month " + std::to_string(m)};
        p.expected = {"1月〜12月", "a month from 1 to 12"};
        return false;
    }
    if (d < 1 || d > month_days(y, m)) {
        const std::string n = std::to_string(month_days(y, m));
        p.error = {as_written + " は存在しない日付です（" + std::to_string(y) + "年" + std::to_string(m) + "月は" + n + "日まで）",
                   as_written + " does not exist (" + std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + " has " + n +
                       " days)"};
        p.expected = {"その月にある日", "a day of that month"};
        return false;
    }
    return true;
}

}  // namespace

const EraInfo& info(Era e) { return eras[static_cast<std::size_t>(e)]; }

std::optional<Era> era_of(const Date& d) {
    for (auto it = eras.rbegin(); it != eras.rend(); ++it)
        if (d >= it->first) return it->era;
    return std::nullopt;
}

std::string format(const Date& d) {
    auto e = era_of(d);
    if (!e) return d.str();
    const EraInfo& ei = info(*e);
    return written(ei, d.year - ei.gannen + 1, d.month, d.day);
}

const Text& accepted_forms() {
    static const Text t{"2024-10-01、2024/10/1、令和6年10月1日、令和元年5月1日、R6.10.1 のような日付",
                        "a date such as 2024-10-01, 2024/10/1, 令和6年10月1日, 令和元年5月1日 or R6.10.1"};
    return t;
}

Parsed parse(std::string_view text) {
    const std::string norm = normalise(text);
    std::string_view s = norm;
    if (s.empty()) return fail(text);

    // Which era, if any: the kanji name or its letter (R6.10.1, r6.10.1).
    const EraInfo* era = nullptr;
    for (const auto& e : eras) {
        if (eat(s, e.kanji)) { era = &e; break; }
        if (s.front() == e.letter || s.front() == e.letter + ('a' - 'A')) {
            s.remove_prefix(1);
            era = &e;
            break;
        }
    }

    int y = 0, m = 0, d = 0;
    if (era == nullptr) {  // Gregorian: 2024-10-01, 2024/10/1, 2024.10.1, 2024年10月1日
        if (!digits(s, 4, y, 4)) return fail(text);
        char sep = 0;
        if (eat(s, "年")) sep = 'k';
        else if (!s.empty() && (s.front() == '-' || s.front() == '/' || s.front() == '.')) { sep = s.front(); s.remove_prefix(1); }
        else return fail(text);
        if (!digits(s, 2, m)) return fail(text);
        if (sep == 'k' ? !eat(s, "月") : !(!s.empty() && s.front() == sep && (s.remove_prefix(1), true))) return fail(text);
        if (!digits(s, 2, d)) return fail(text);
        if (sep == 'k') eat(s, "日");
        if (!s.empty()) return fail(text);
        Parsed p;
        const std::string as_written = show(text);
        if (y < 1 || !check_day(p, as_written, y, m, d)) {
            if (y < 1) return fail(text);
            return p;
        }
        p.date = Date{y, m, d};
        return p;
    }

    // Era year: digits or 元 (元年); then 年…月…日 or one punctuation mark twice.
    bool gannen = false;
    if (eat(s, "元")) { gannen = true; y = 1; }
    else if (!digits(s, 2, y)) return fail(text);
    char sep = 0;
    if (eat(s, "年")) sep = 'k';
    else if (!s.empty() && (s.front() == '.' || s.front() == '/' || s.front() == '-')) { sep = s.front(); s.remove_prefix(1); }
    else return fail(text);
    if (!digits(s, 2, m)) return fail(text);
    if (sep == 'k' ? !eat(s, "月") : !(!s.empty() && s.front() == sep && (s.remove_prefix(1), true))) return fail(text);
    if (!digits(s, 2, d)) return fail(text);
    if (sep == 'k') eat(s, "日");
    if (!s.empty()) return fail(text);

    Parsed p;
    const std::string as_written = show(text);
    if (y == 0 && !gannen) {
        p.error = {as_written + ": " + std::string(era->kanji) + "0年はありません（最初の年は元年）",
                   as_written + ": there is no year 0 of " + std::string(era->kanji) + " (the first year is 元年)"};
        p.expected = {std::string(era->kanji) + "元年（1年）から", "years of " + std::string(era->kanji) + " from 元年 (1)"};
        return p;
    }
    const int gy = era->gannen + y - 1;
    if (!check_day(p, as_written, gy, m, d)) return p;
    const Date date{gy, m, d};
    if (date < era->first) {
        if (era->era == Era::meiji) {
            p.error = {as_written + " は太陽暦の採用（明治6年1月1日）より前の日付です（旧暦の日付は読めません）",
                       as_written + " is before the Gregorian calendar was adopted (明治6年1月1日, 1873-01-01); lunisolar dates cannot be read"};
            p.expected = {"明治6年1月1日以降の日付", "a date from 明治6年1月1日 (1873-01-01) on"};
            return p;
        }
        const EraInfo& before = eras[static_cast<std::size_t>(era->era) - 1];
        p.error = {as_written + " は" + std::string(era->kanji) + "の始まり（" + format(era->first) + "）より前です",
                   as_written + " is before the start of " + std::string(era->kanji) + " (" + era->first.str() + ")"};
        p.expected = {std::string(era->kanji) + "の日付は" + format(era->first) + "から（それより前は" + std::string(before.kanji) + "）",
                      std::string(era->kanji) + " dates start on " + era->first.str() + " (earlier dates are " + std::string(before.kanji) + ")"};
        return p;
    }
    if (era->last && date > *era->last) {
        const EraInfo& after = eras[static_cast<std::size_t>(era->era) + 1];
        const std::string last_written = written(*era, era->last->year - era->gannen + 1, era->last->month, era->last->day);
        if (era->era == Era::heisei) {  // forms still printed with 平成: read as 令和, with a warning
            p.date = date;
            p.normalised = true;
            p.warning = {as_written + " を " + format(date) + " として読みました（平成は" + last_written + "まで）",
                         "read " + as_written + " as " + format(date) + " (" + date.str() + "): 平成 ended on " + era->last->str()};
            return p;
        }
        p.error = {as_written + " は" + std::string(era->kanji) + "の終わり（" + last_written + "）より後です",
                   as_written + " is after the end of " + std::string(era->kanji) + " (" + era->last->str() + ")"};
        p.expected = {std::string(era->kanji) + "の日付は" + last_written + "まで（それより後は" + std::string(after.kanji) + "）",
                      std::string(era->kanji) + " dates end on " + era->last->str() + " (later dates are " + std::string(after.kanji) + ")"};
        return p;
    }
    p.date = date;
    return p;
}

}  // namespace ahaki::wareki_parse
