// SourceText::locate with a line hint (the loader asks in file order) gives the
// same line:column as a direct count, whatever the hint.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "xml/source.hpp"

namespace ahaki::test {
namespace {

/// Line and column of `offset` counted from the start (CR, LF and CRLF end a line; columns count characters).
std::pair<std::uint32_t, std::uint32_t> counted(const std::string& t, std::size_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= t.size() || t[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

TEST(Locate, HintedEqualsCounted) {
    std::mt19937 rng(7);
    const std::string pieces[] = {"<a b=\"c\"/>", "\n", "\r\n", "\r", "  ", "青葉", "\xF0\x9F\x98\x80", std::string(1500, 'x')};
    for (int round = 0; round < 40; ++round) {
        std::string t;
        const int n = 1 + static_cast<int>(rng() % 300);
        for (int k = 0; k < n; ++k) t += pieces[rng() % (round % 3 == 0 ? std::size(pieces) : std::size(pieces) - 1)];
        SourceText src("f.xml", t, "UTF-8");
        std::size_t hint = 0;
        std::size_t offset = 0;
        for (int probe = 0; probe < 300; ++probe) {
            // Mostly forward, sometimes back, sometimes a stale or absurd hint.
            if (rng() % 5 == 0) offset = rng() % (t.size() + 2);
            else offset = std::min(t.size() + 1, offset + rng() % 200);
            if (rng() % 17 == 0) hint = rng() % 100000;
            const Loc hinted = src.locate(offset, hint);
            const auto [line, column] = counted(t, std::min(offset, t.size()));
            ASSERT_EQ(hinted.line, line) << "offset " << offset;
            ASSERT_EQ(hinted.column, column) << "offset " << offset;
            ASSERT_EQ(hint, line - 1);
            const Loc plain = src.locate(offset);
            ASSERT_EQ(plain.line, line);
            ASSERT_EQ(plain.column, column);
        }
    }
}

}  // namespace
}  // namespace ahaki::test
