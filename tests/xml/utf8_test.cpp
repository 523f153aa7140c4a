// first_invalid_utf8 (the fast validator every file goes through) against a
// plain byte-by-byte reference written from the Unicode table of well-formed
// UTF-8 (Table 3-7), on every byte value, every 2- and 3-byte combination,
// 4-byte boundaries, truncations and random text.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "xml/source.hpp"

namespace ahaki::test {
namespace {

/// Length of the well-formed sequence at t[i], or 0.
std::size_t reference_sequence(std::string_view t, std::size_t i) {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
    auto in = [&](std::size_t k, unsigned lo, unsigned hi) { return k < t.size() && at(k) >= lo && at(k) <= hi; };
    const unsigned c = at(i);
    if (c >= 0xC2 && c <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0) return in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED) return in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0) return in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4) return in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

std::size_t reference_first_invalid(std::string_view t) {
    for (std::size_t i = 0; i < t.size();) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
            ++i;
            continue;
        }
        const std::size_t n = reference_sequence(t, i);
        if (n == 0) return i;
        i += n;
    }
    return t.size();
}

/// before + middle + after (appended: GCC 12 warns falsely (-Wrestrict) on "literal" + string).
std::string between(std::string_view before, const std::string& middle, std::string_view after) {
    std::string t(before);
    t.append(middle).append(after);
    return t;
}

void expect_same(const std::string& t) {
    ASSERT_EQ(first_invalid_utf8(t), reference_first_invalid(t)) << "text of " << t.size() << " bytes";
}

std::string bytes(std::initializer_list<unsigned> values) {
    std::string s;
    for (unsigned v : values) s.push_back(static_cast<char>(v));
    return s;
}

TEST(Utf8, EveryByteAtEveryOffsetOfTheEightByteSteps) {
    for (std::size_t prefix = 0; prefix <= 17; ++prefix)
        for (unsigned b = 0; b < 256; ++b) {
            std::string t(prefix, 'a');
            t += static_cast<char>(b);
            expect_same(t);
            expect_same(between(t, "", "0123456789abcdef"));
        }
}

TEST(Utf8, EveryTwoByteCombination) {
    for (unsigned a = 0; a < 256; ++a)
        for (unsigned b = 0; b < 256; ++b) {
            expect_same(bytes({a, b}));
            expect_same(between("0123456789", bytes({a, b}), "0123456789"));
        }
}

TEST(Utf8, EveryThreeByteSequenceOfThreeByteLeads) {
    for (unsigned a = 0xE0; a <= 0xEF; ++a)
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned c = 0; c < 256; ++c) expect_same(between("<", bytes({a, b, c}), "\xE3\x81\x82>"));
}

TEST(Utf8, FourByteLeadsAtTheirBoundaries) {
    const unsigned edges[] = {0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF};
    for (unsigned a = 0xF0; a <= 0xFF; ++a)
        for (unsigned b = 0; b < 256; ++b)
            for (unsigned c : edges)
                for (unsigned d : edges) expect_same(between("x", bytes({a, b, c, d}), "y"));
}

TEST(Utf8, TruncatedSequencesAtTheEnd) {
    for (unsigned a = 0x80; a < 256; ++a) {
        expect_same(between("         ", bytes({a}), ""));
        expect_same(between("         ", bytes({a, 0x80}), ""));
        expect_same(between("         ", bytes({a, 0x90, 0x80}), ""));
        expect_same(between("         ", bytes({a, 0xA0, 0x80}), ""));
    }
}

TEST(Utf8, KnownCases) {
    EXPECT_EQ(first_invalid_utf8(""), 0u);
    EXPECT_EQ(first_invalid_utf8("<a b=\"青葉\">\r\n\t</a>"), 21u);  // valid: the size
    EXPECT_EQ(first_invalid_utf8("abc\xC0\xAF"), 3u);               // overlong '/'
    EXPECT_EQ(first_invalid_utf8("abcdefghij\xE0\x80\xAF"), 10u);   // overlong 3-byte
    EXPECT_EQ(first_invalid_utf8("ab\xED\xA0\x80"), 2u);            // surrogate U+D800
    EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);          // U+110000
    EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x98\x80!"), 5u);         // U+1F600 is fine
    EXPECT_EQ(first_invalid_utf8("abcdefgh\x01"), 8u);              // control character
    EXPECT_EQ(first_invalid_utf8("\xE3\x81\x82\xE3\x81"), 3u);      // truncated at the end
    EXPECT_EQ(first_invalid_utf8("\x80"), 0u);                      // stray continuation
}

TEST(Utf8, RandomText) {
    // Tokens weighted towards what files contain, with every kind of defect.
    const std::string tokens[] = {"<school name=\"", "\">\n  ", "\t", "\r\n", "a", "0123456789", "青葉鍼灸",
                                  "\xC3\xA9", "\xF0\x9F\x98\x80", "\xEF\xBC\x91", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                  "\xEE\x80\x80", "\xF4\x8F\xBF\xBF"};
    const std::string defects[] = {"\x01", "\x1F", "\x7F", "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF",
                                   "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                                   "\xFF", "\xE3\x81", "\xE3", "\xF0\x9F\x98", "\xC3"};
    std::mt19937 rng(20240401);
    for (int round = 0; round < 20000; ++round) {
        std::string t;
        const int pieces = static_cast<int>(rng() % 40);
        for (int k = 0; k < pieces; ++k) {
            if (rng() % 50 == 0) t += defects[rng() % std::size(defects)];
            else if (rng() % 20 == 0) t.push_back(static_cast<char>(rng() % 256));
            else t += tokens[rng() % std::size(tokens)];
        }
        expect_same(t);
    }
}

TEST(Utf8, DecodeSourceReportsTheFirstBadByteWhereItIs) {
    auto error_of = [](const std::string& bytes) {
        auto r = decode_source("f.xml", bytes);
        EXPECT_TRUE(r.error.has_value());
        return r.error.value_or(Diagnostic{});
    };
    Diagnostic d = error_of("<a>\n  <b n=\"青葉\xED\xA0\x80\"/></a>");
    EXPECT_EQ(d.loc.line, 2u);
    EXPECT_EQ(d.loc.column, 11u);  // columns count characters: 青葉 are two
    EXPECT_EQ(d.message.en.rfind("byte 0xED is not valid UTF-8", 0), 0u) << d.message.en;
    d = error_of("<a>\n\n<b>\x01</b></a>");
    EXPECT_EQ(d.loc.line, 3u);
    EXPECT_EQ(d.loc.column, 4u);
    EXPECT_EQ(d.message.en, "control character 0x01 is not allowed in XML");
    d = error_of("<a>0123456789\xF4\x90\x80\x80</a>");
    EXPECT_EQ(d.loc.line, 1u);
    EXPECT_EQ(d.loc.column, 14u);
    EXPECT_EQ(d.message.en.rfind("byte 0xF4 is not valid UTF-8", 0), 0u) << d.message.en;
}

}  // namespace
}  // namespace ahaki::test
