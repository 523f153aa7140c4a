#include "model/normalise.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace ahaki {
namespace {

/// Code points of a UTF-8 string; a malformed byte is kept as U+FFFD so that
/// two different malformed strings still compare by their other characters.
std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = true;
        for (std::size_t k = 1; k < n; ++k) {
            auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += n;
    }
    return out;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// NFKC of U+FF61..U+FF9F (half-width katakana and punctuation).
constexpr std::array<char16_t, 63> halfwidth_kana = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
    0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
    0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
    0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
    0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A};

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F;
}
bool is_invisible(char32_t c) {
    return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           c == 0xFEFF;
}
bool is_dash(char32_t c) { return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63; }

/// The voiced (+1) or semi-voiced (+2) form of a katakana or hiragana, or 0.
char32_t compose(char32_t base, char32_t mark) {
    auto in = [&](std::initializer_list<char32_t> l) {
        for (char32_t x : l)
            if (x == base || x - 0x60 == base) return true;  // katakana, or the hiragana 0x60 below
        return false;
    };
    if (mark == 0x3099) {
        if (base == 0x30A6) return 0x30F4;  // ウ゛ → ヴ
        if (in({0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1,
                0x30C4, 0x30C6, 0x30C8, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB}))
            return base + 1;
    } else if (mark == 0x309A) {
        if (in({0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB})) return base + 2;
    }
    return 0;
}

const char* const roman_upper[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

}  // namespace

std::string fold_text(std::string_view s, bool keep_spaces) {
    std::vector<char32_t> in = decode(s);
    std::vector<char32_t> cps;
    cps.reserve(in.size());
    bool pending_space = false;
    for (char32_t c : in) {
        if (is_invisible(c)) continue;
        if (is_space(c)) {
            pending_space = keep_spaces && !cps.empty();
            continue;
        }
        if (pending_space) {
            cps.push_back(' ');
            pending_space = false;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;            // full-width ASCII
        else if (c >= 0xFF61 && c <= 0xFF9F) c = halfwidth_kana[c - 0xFF61];  // half-width katakana
        else if (is_dash(c)) c = '-';
        if (c == 0x3099 || c == 0x309A) {  // a voiced mark: compose with the kana before it
            if (!cps.empty())
                if (char32_t v = compose(cps.back(), c)) {
                    cps.back() = v;
                    continue;
                }
            continue;  // a stray mark carries no letter of its own
        }
        if (c >= 0x2460 && c <= 0x2473) {  // ① … ⑳
            unsigned n = static_cast<unsigned>(c - 0x2460 + 1);
            if (n >= 10) cps.push_back(static_cast<char32_t>('0' + n / 10));
            cps.push_back(static_cast<char32_t>('0' + n % 10));
            continue;
        }
        if ((c >= 0x2160 && c <= 0x216B) || (c >= 0x2170 && c <= 0x217B)) {  // Ⅰ … Ⅻ, ⅰ … ⅻ
            for (const char* p = roman_upper[c >= 0x2170 ? c - 0x2170 : c - 0x2160]; *p; ++p)
                cps.push_back(static_cast<char32_t>(*p));
            continue;
        }
        if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
        cps.push_back(c);
    }
    std::string out;
    out.reserve(s.size());
    for (char32_t c : cps) encode(c, out);
    return out;
}

std::string licence_number_key(std::string_view s) {
    std::string k = fold_text(s);
    auto starts = [&](std::string_view p) { return k.size() >= p.size() && k.compare(0, p.size(), p) == 0; };
    auto ends = [&](std::string_view p) { return k.size() >= p.size() && k.compare(k.size() - p.size(), p.size(), p) == 0; };
    if (starts("第")) k.erase(0, std::string_view("第").size());
    else if (starts("no.")) k.erase(0, 3);
    else if (starts("no")) k.erase(0, 2);
    if (ends("号")) k.resize(k.size() - std::string_view("号").size());
    return k;
}

std::string person_name_key(std::string_view s) { return fold_text(s); }

std::string address_key(std::string_view s) {
    std::vector<char32_t> cps = decode(fold_text(s));
    std::size_t i = 0;
    if (!cps.empty() && cps[0] == 0x3012) {  // 〒 and the postal code
        i = 1;
        while (i < cps.size() && ((cps[i] >= '0' && cps[i] <= '9') || cps[i] == '-')) ++i;
    }
    auto kanji_digit = [](char32_t c) -> int {
        constexpr char32_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
        for (int k = 0; k < 10; ++k)
            if (d[k] == c) return k;
        return c == 0x5341 ? 10 : -1;  // 十
    };
    auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
    auto at = [&](std::size_t k, std::u32string_view w) {
        if (k + w.size() > cps.size()) return false;
        for (std::size_t m = 0; m < w.size(); ++m)
            if (cps[k + m] != w[m]) return false;
        return true;
    };
    std::u32string out;
    while (i < cps.size()) {
        // Kanji numerals before 丁目 (二丁目, 十二丁目) as digits.
        if (kanji_digit(cps[i]) >= 0) {
            std::size_t j = i;
            while (j < cps.size() && kanji_digit(cps[j]) >= 0) ++j;
            if (at(j, U"丁目")) {
                int value = 0, current = 0;
                for (std::size_t k = i; k < j; ++k) {
                    int d = kanji_digit(cps[k]);
                    if (d == 10) {
                        value += (current == 0 ? 1 : current) * 10;
                        current = 0;
                    } else {
                        current = current * 10 + d;
                    }
                }
                value += current;
                for (char c : std::to_string(value)) out.push_back(static_cast<char32_t>(c));
                i = j;
                continue;
            }
        }
        bool after_digit = !out.empty() && is_digit(out.back());
        if (after_digit) {
            bool sep = false;
            for (std::u32string_view w : {std::u32string_view(U"丁目"), std::u32string_view(U"番地"), std::u32string_view(U"番"),
                                          std::u32string_view(U"号"), std::u32string_view(U"の"), std::u32string_view(U"ー"),
                                          std::u32string_view(U"-")})
                if (at(i, w)) {
                    out.push_back('-');
                    i += w.size();
                    sep = true;
                    break;
                }
            if (sep) continue;
        }
        out.push_back(cps[i]);
        ++i;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    std::string r;
    for (char32_t c : out) encode(c, r);
    return r;
}

}  // namespace ahaki
