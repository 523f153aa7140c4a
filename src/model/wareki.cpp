#include "model/wareki.hpp"

#include <array>
#include <string>

namespace ahaki::wareki {
namespace {

constexpr std::array<Era, 5> era_table{{
    {"明治", 'M', "Meiji", Date{1868, 1, 25}},
    {"大正", 'T', "Taisho", Date{1912, 7, 30}},
    {"昭和", 'S', "Showa", Date{1926, 12, 25}},
    {"平成", 'H', "Heisei", Date{1989, 1, 8}},
    {"令和", 'R', "Reiwa", Date{2019, 5, 1}},
}};

/// Full-width digits and the punctuation forms clinics type, folded to ASCII.
std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xEF && i + 2 < s.size()) {
            unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            // U+FF10..U+FF19 (０..９): EF BC 90..99; U+FF0E ．: EF BC 8E; U+FF0F ／: EF BC 8F; U+FF0D －: EF BC 8D
            if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) { out += static_cast<char>('0' + (b2 - 0x90)); i += 3; continue; }
            if (b1 == 0xBC && b2 == 0x8E) { out += '.'; i += 3; continue; }
            if (b1 == 0xBC && b2 == 0x8F) { out += '/'; i += 3; continue; }
            if (b1 == 0xBC && b2 == 0x8D) { out += '-'; i += 3; continue; }
            // Ｒ Ｈ Ｓ Ｔ Ｍ (U+FF21..): EF BC A1..BA
            if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) { out += static_cast<char>('A' + (b2 - 0xA1)); i += 3; continue; }
        }
        out += s[i];
        ++i;
    }
    // trim ASCII and ideographic spaces
    auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
    std::size_t a = 0, b = out.size();
    while (a < b && is_space(out[a])) ++a;
    while (b > a && is_space(out[b - 1])) --b;
    return out.substr(a, b - a);
}

bool read_int(std::string_view s, std::size_t& i, int& v, std::size_t max_digits) {
    std::size_t start = i;
    v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < max_digits) v = v * 10 + (s[i++] - '0');
    return i > start && !(i < s.size() && s[i] >= '0' && s[i] <= '9');
}

const Era* era_by_prefix(std::string_view s, std::size_t& i) {
    for (const auto& e : era_table) {
        if (s.substr(i).starts_with(e.name)) { i += e.name.size(); return &e; }
        if (i < s.size() && (s[i] == e.letter || s[i] == e.letter + ('a' - 'A'))) { ++i; return &e; }
    }
    return nullptr;
}

const Era* next_era(const Era* e) {
    return e + 1 == era_table.data() + era_table.size() ? nullptr : e + 1;
}

/// The era and era year of a date written as (era, year, month, day); checks the era bounds.
struct EraResult {
    std::optional<Date> date;
    bool normalised = false;
    Text problem;
};

EraResult from_era(const Era* e, int ey, int m, int d, bool month_only) {
    EraResult r;
    int y = e->first.year + ey - 1;
    if (ey < 1) {
        r.problem = {"元号の年は1（元年）以上です", "an era year starts at 1 (元年)"};
        return r;
    }
    if (!Date::valid(y, m, d)) {
        r.problem = {"存在しない日付です", "this date does not exist"};
        return r;
    }
    Date date{y, m, d};
    // A month is inside the era when its last day is (令和元年5月 is a month of 令和).
    Date probe = month_only ? Date{y, m, 1}.add_months(1) : date;
    if (month_only) probe = Date::from_days(probe.days() - 1);
    if (probe < e->first) {
        r.problem = {std::string(e->name) + "は" + format(e->first) + "からです（" + std::string(e->name) + "の期間外の日付）",
                     std::string(e->roman) + " began on " + e->first.str() + " (the date lies outside the era)"};
        return r;
    }
    if (const Era* n = next_era(e); n && (month_only ? Date{y, m, 1} >= n->first : date >= n->first)) r.normalised = true;
    r.date = date;
    return r;
}

}  // namespace

const Era* eras_begin() { return era_table.data(); }
const Era* eras_end() { return era_table.data() + era_table.size(); }

const Era* era_of(const Date& d) {
    const Era* found = nullptr;
    for (const auto& e : era_table)
        if (d >= e.first) found = &e;
    return found;
}

std::string format_month(int year, int month) {
    // The era the month ends in (令和元年5月, not 平成31年5月).
    const Era* e = era_of(Date::from_days(Date{year, month, 1}.add_months(1).days() - 1));
    if (!e) return std::to_string(year) + "年" + std::to_string(month) + "月";
    int ey = year - e->first.year + 1;
    return std::string(e->name) + (ey == 1 ? std::string("元") : std::to_string(ey)) + "年" + std::to_string(month) + "月";
}

std::string format(const Date& d) {
    const Era* e = era_of(d);
    if (!e) return d.str();
    int ey = d.year - e->first.year + 1;
    return std::string(e->name) + (ey == 1 ? std::string("元") : std::to_string(ey)) + "年" + std::to_string(d.month) + "月" +
           std::to_string(d.day) + "日";
}

Parsed parse(std::string_view text) {
    Parsed p;
    std::string s = fold(text);
    const Text bad_form{"日付として読めません", "not a date"};
    if (s.empty()) {
        p.problem = {"値が空です", "the value is empty"};
        return p;
    }
    // ISO: YYYY-MM-DD, strictly.
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && s[0] >= '0' && s[0] <= '9') {
        std::size_t i = 0;
        int y, m, d;
        bool ok = read_int(s, i, y, 4) && i == 4 && (++i, read_int(s, i, m, 2)) && i == 7 && (++i, read_int(s, i, d, 2)) && i == 10;
        if (!ok) { p.problem = bad_form; return p; }
        if (!Date::valid(y, m, d)) { p.problem = {"存在しない日付です", "this date does not exist"}; return p; }
        p.date = Date{y, m, d};
        return p;
    }
    std::size_t i = 0;
    const Era* e = era_by_prefix(s, i);
    if (!e) { p.problem = bad_form; return p; }
    int ey = 0, m = 0, d = 0;
    bool kanji = false;
    if (s.substr(i).starts_with("元")) {
        ey = 1;
        i += std::string_view("元").size();
    } else if (!read_int(s, i, ey, 3)) {
        p.problem = bad_form;
        return p;
    }
    if (s.substr(i).starts_with("年")) {
        kanji = true;
        i += std::string_view("年").size();
    } else if (i < s.size() && (s[i] == '.' || s[i] == '/' || s[i] == '-')) {
        ++i;
    } else {
        p.problem = bad_form;
        return p;
    }
    if (!read_int(s, i, m, 2)) { p.problem = bad_form; return p; }
    if (kanji) {
        if (!s.substr(i).starts_with("月")) { p.problem = bad_form; return p; }
        i += std::string_view("月").size();
    } else {
        if (i >= s.size() || (s[i] != '.' && s[i] != '/' && s[i] != '-')) { p.problem = bad_form; return p; }
        ++i;
    }
    if (!read_int(s, i, d, 2)) { p.problem = bad_form; return p; }
    if (kanji) {
        if (!s.substr(i).starts_with("日")) { p.problem = bad_form; return p; }
        i += std::string_view("日").size();
    }
    if (i != s.size()) { p.problem = bad_form; return p; }
    EraResult r = from_era(e, ey, m, d, false);
    if (!r.date) { p.problem = r.problem; return p; }
    p.date = r.date;
    p.normalised = r.normalised;
    if (r.normalised) p.normalised_to = format(*r.date);
    return p;
}

ParsedMonth parse_month(std::string_view text) {
    ParsedMonth pm;
    std::string s = fold(text);
    const Text bad_form{"年月として読めません", "not a month"};
    if (s.size() == 7 && s[4] == '-' && s[0] >= '0' && s[0] <= '9') {
        std::size_t i = 0;
        int y, m;
        bool ok = read_int(s, i, y, 4) && i == 4 && (++i, read_int(s, i, m, 2)) && i == 7;
        if (!ok || y < 1 || m < 1 || m > 12) { pm.problem = ok ? Text{"存在しない月です", "no such month"} : bad_form; return pm; }
        pm.year = y;
        pm.month = m;
        pm.ok = true;
        return pm;
    }
    std::size_t i = 0;
    const Era* e = era_by_prefix(s, i);
    if (!e) { pm.problem = bad_form; return pm; }
    int ey = 0, m = 0;
    bool kanji = false;
    if (s.substr(i).starts_with("元")) { ey = 1; i += std::string_view("元").size(); }
    else if (!read_int(s, i, ey, 3)) { pm.problem = bad_form; return pm; }
    if (s.substr(i).starts_with("年")) { kanji = true; i += std::string_view("年").size(); }
    else if (i < s.size() && (s[i] == '.' || s[i] == '/' || s[i] == '-')) ++i;
    else { pm.problem = bad_form; return pm; }
    if (!read_int(s, i, m, 2)) { pm.problem = bad_form; return pm; }
    if (kanji) {
        if (!s.substr(i).starts_with("月")) { pm.problem = bad_form; return pm; }
        i += std::string_view("月").size();
    }
    if (i != s.size()) { pm.problem = bad_form; return pm; }
    if (m < 1 || m > 12) { pm.problem = {"存在しない月です", "no such month"}; return pm; }
    EraResult r = from_era(e, ey, m, 1, true);
    if (!r.date) { pm.problem = r.problem; return pm; }
    pm.year = r.date->year;
    pm.month = m;
    pm.ok = true;
    pm.normalised = r.normalised;
    return pm;
}

}  // namespace ahaki::wareki
