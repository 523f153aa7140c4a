// The JSON string escaper (word-at-a-time fast path) writes exactly what a plain
// byte-by-byte escaper with boost::json's escapes writes, for every byte value and
// for random byte strings, invalid UTF-8 included.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <random>
#include <string>

#include "report/json_escape.hpp"

namespace ahaki {
namespace {

std::string reference(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) out += std::string("\\u00") + hex[c >> 4] + hex[c & 15];
                else out += ch;
        }
    }
    return out + "\"";
}

std::string escaped(std::string_view s) {
    std::string out(json_escape::max_escaped_size(s.size()), '\0');
    char* end = json_escape::write_escaped(out.data(), s);
    out.resize(static_cast<std::size_t>(end - out.data()));
    return '"' + out + '"';
}

TEST(JsonEscape, EveryByteValueAloneAndAtEveryPositionOfAWord) {
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        ASSERT_EQ(escaped(std::string(1, c)), reference(std::string(1, c))) << b;
        // At each position of strings longer and shorter than the 8- and 16-byte words, so the
        // word test, the overlapping last word and the byte loop all see it.
        for (std::size_t len : {2u, 7u, 8u, 9u, 15u, 16u, 17u, 23u, 31u, 32u, 33u, 47u})
            for (std::size_t at = 0; at < len; ++at) {
                std::string s(len, 'a');
                s[at] = c;
                ASSERT_EQ(escaped(s), reference(s)) << b << " at " << at << " of " << len;
            }
    }
}

TEST(JsonEscape, RandomByteStrings) {
    std::mt19937 rng(20261121);
    // Mostly plain ASCII and UTF-8 lead/continuation bytes, with a few bytes to escape.
    const std::string pool = std::string("abcXYZ 019/.:=") + "\"\\\b\t\n\f\r" + std::string(1, '\0') + "\x01\x1f\x7f" +
                             "\x80\xbf\xc0\xc3\xe3\xef\xf0\xf4\xf8\xfe\xff" + "あ";
    std::uniform_int_distribution<std::size_t> len(0, 70), pick(0, pool.size() - 1), any(0, 255);
    for (int i = 0; i < 20000; ++i) {
        std::string s(len(rng), ' ');
        for (auto& ch : s) ch = i % 4 == 0 ? static_cast<char>(any(rng)) : pool[pick(rng)];
        ASSERT_EQ(escaped(s), reference(s)) << i;
    }
}

TEST(JsonEscape, SameAsBoostJsonOnValidUtf8) {
    for (std::string s : {std::string(), std::string("plain"), std::string("教員 山田（t1）が担当する「解剖学」"),
                          std::string("tab\there \"quoted\" back\\slash\nnew\x01\x1f line \x7f"),
                          std::string("exactly8"), std::string("sixteen bytes!!!")})
        EXPECT_EQ(escaped(s), boost::json::serialize(boost::json::string(s))) << s;
}

TEST(JsonEscape, EmptyViewWithoutData) { EXPECT_EQ(escaped(std::string_view()), "\"\""); }

}  // namespace
}  // namespace ahaki
