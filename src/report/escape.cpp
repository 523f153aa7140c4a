#include "report/escape.hpp"

namespace ahaki::escape {
namespace {

constexpr char hex[] = "0123456789ABCDEF";

/// Length of the valid UTF-8 sequence at s[i], or 0 if the byte there does not start one.
std::size_t sequence_at(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t n;
    char32_t min;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07, min = 0x10000;
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool shown_as_code_point(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFFFE || cp == 0xFFFF;
}

void byte_escape(std::string& out, unsigned char c, bool json) {
    out += json ? "\\\\x" : "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
}

/// Where a cut at `max` bytes falls: not inside a UTF-8 sequence.
std::size_t cut_at(std::string_view s, std::size_t max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return cut;
}

}  // namespace

bool valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = sequence_at(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

void append_terminal(std::string& out, std::string_view s, bool keep_lines) {
    char32_t cp = 0;
    std::size_t i = 0;
    if (s.size() >= 2 && ((s[0] == ':' && s[1] == ':') || (s[0] == '#' && s[1] == '#'))) {
        byte_escape(out, static_cast<unsigned char>(s[0]), false);
        i = 1;
    }
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {  // the common case: a run of printable ASCII
            std::size_t j = i + 1;
            while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x20 && static_cast<unsigned char>(s[j]) < 0x7F) ++j;
            out.append(s, i, j - i);
            i = j;
            continue;
        }
        std::size_t n = c < 0x80 ? 1 : sequence_at(s, i, cp);
        if (keep_lines && (c == '\n' || c == '\t')) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (n == 0 || c < 0x80) {  // a control character, DEL, or a byte that is not UTF-8
            byte_escape(out, c, false);
            ++i;
            continue;
        }
        if (shown_as_code_point(cp)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
        } else {
            out.append(s, i, n);
        }
        i += n;
    }
}

std::string terminal(std::string_view s, bool keep_lines) {
    std::string out;
    out.reserve(s.size());
    append_terminal(out, s, keep_lines);
    return out;
}

std::string capped(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::string out(s.substr(0, cut_at(s, max)));
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "…(" + string + " B)".
    out.append("…(").append(std::to_string(s.size())).append(" B)");
    return out;
}

std::string shown(std::string_view s, std::size_t max) {
    if (s.size() <= max) return terminal(s);
    std::string out = terminal(s.substr(0, cut_at(s, max)));
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "…(" + string + " B)".
    out.append("…(").append(std::to_string(s.size())).append(" B)");
    return out;
}

void repair_utf8(std::string& s, bool json) {
    char32_t cp;
    std::size_t i = 0;
    for (; i < s.size(); ++i)  // the common case: valid, nothing copied
        if (static_cast<unsigned char>(s[i]) >= 0x80) {
            std::size_t n = sequence_at(s, i, cp);
            if (n == 0) break;
            i += n - 1;
        }
    if (i == s.size()) return;
    std::string out(s, 0, i);
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : sequence_at(s, i, cp);
        if (n == 0) {
            byte_escape(out, c, json);
            ++i;
        } else {
            out.append(s, i, n);
            i += n;
        }
    }
    s = std::move(out);
}

}  // namespace ahaki::escape
