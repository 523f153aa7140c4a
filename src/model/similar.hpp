#pragma once
// How far apart two words are, for "did you mean" hints (attribute names,
// codes, CSV headers). Counted in code points, so a kanji is one letter.
#include <cstddef>
#include <string_view>

namespace ahaki {

/// Levenshtein distance between two UTF-8 strings, in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace ahaki
