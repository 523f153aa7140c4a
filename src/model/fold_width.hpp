#pragma once
// The two foldings every reader of typed cells needs (the ledger import, the 和暦 reader): white
// space trimmed (ASCII and the ideographic space U+3000) and full-width ASCII narrowed; and the
// display width every fixed-width table (the text report, the CLI's help and listings) pads by.
#include <string>
#include <string_view>

namespace ahaki {

/// ASCII white space and U+3000 trimmed from both ends.
std::string_view trim_space(std::string_view s);

/// Full-width ASCII (U+FF01..U+FF5E: ０-９, Ａ-Ｚ, ．, －, …) to ASCII; everything else unchanged.
std::string narrow_ascii(std::string_view s);


/// Bytes of the UTF-8 sequence a lead byte starts (1 for ASCII and for a stray byte).
inline std::size_t utf8_sequence_length(unsigned char lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// Columns a string takes on a terminal or in a fixed-width report: characters of three bytes or more
/// (U+0800 and up: in practice kanji, kana and full-width forms) two, others one.
std::size_t display_width(std::string_view s);

/// `s` followed by spaces up to `width` display columns (unchanged if already as wide).
std::string pad_right(std::string_view s, std::size_t width);

/// Spaces then `s`, right-aligned in `width` display columns (unchanged if already as wide).
std::string pad_left(std::string_view s, std::size_t width);

}  // namespace ahaki
