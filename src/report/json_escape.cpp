#include "report/json_escape.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ahaki::json_escape {
namespace {

/// Per byte: 0 if it is copied as it is, else the character after the backslash ('u': \u00XX).
constexpr std::array<char, 256> escapes = [] {
    std::array<char, 256> t{};
    for (std::size_t c = 0; c < 0x20; ++c) t[c] = 'u';
    t['\b'] = 'b';
    t['\t'] = 't';
    t['\n'] = 'n';
    t['\f'] = 'f';
    t['\r'] = 'r';
    t['"'] = '"';
    t['\\'] = '\\';
    return t;
}();

bool needs_escape(char c) { return escapes[static_cast<unsigned char>(c)] != 0; }

/// True if any of the 8 bytes at p needs an escape. Exact (no false positives), by the
/// "has a byte less than n" / "has a zero byte" bit tricks on one 64-bit word.
bool any_needs_escape8(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    bool control = ((x - ones * 0x20) & ~x & highs) != 0;
    return control || has_zero(x ^ (ones * '"')) || has_zero(x ^ (ones * '\\'));
}

#if defined(__SSE2__)
/// One bit per byte of the 16 at p (bit i: byte i) that needs an escape.
unsigned escape_mask16(const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));  // unaligned load, no type punning
    // Unsigned x <= 0x1f: SSE2 has only signed byte compares, and bytes >= 0x80 are common (UTF-8).
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x);
    const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))));
}
#endif

/// The first byte in [p, end) that needs an escape, or end. Report strings rarely need
/// one, so whole words are tested (16 bytes with SSE2, else 8), the last one overlapping
/// bytes already seen; what is shorter than a word goes byte by byte.
const char* find_escape(const char* p, const char* end) {
#if defined(__SSE2__)
    if (end - p >= 16) {
        for (; end - p >= 16; p += 16)
            if (unsigned m = escape_mask16(p)) return p + std::countr_zero(m);
        if (p == end) return end;
        const char* last = end - 16;
        const unsigned m = escape_mask16(last) >> (p - last);  // drop the bytes already seen
        return m ? p + std::countr_zero(m) : end;
    }
#endif
    if (end - p >= 8) {
        while (end - p >= 8 && !any_needs_escape8(p)) p += 8;
        if (end - p < 8 && (p == end || !any_needs_escape8(end - 8))) return end;
    }
    while (p != end && !needs_escape(*p)) ++p;
    return p;
}

}  // namespace

char* write_escaped(char* out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const char* in = s.data();
    const char* const end = in + s.size();
    for (;;) {
        const char* e = find_escape(in, end);
        if (e != in) {  // copy the run of plain bytes at once
            std::memcpy(out, in, static_cast<std::size_t>(e - in));
            out += e - in;
        }
        if (e == end) return out;
        const auto c = static_cast<unsigned char>(*e);
        const char x = escapes[c];
        *out++ = '\\';
        *out++ = x;
        if (x == 'u') {
            *out++ = '0';
            *out++ = '0';
            *out++ = hex[c >> 4];
            *out++ = hex[c & 15];
        }
        in = e + 1;
    }
}

}  // namespace ahaki::json_escape
