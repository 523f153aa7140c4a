#pragma once
// The two foldings every reader of typed cells needs (the ledger import, the 和暦 reader): white
// space trimmed (ASCII and the ideographic space U+3000) and full-width ASCII narrowed.
#include <string>
#include <string_view>

namespace ahaki {

/// ASCII white space and U+3000 trimmed from both ends.
std::string_view trim_space(std::string_view s);

/// Full-width ASCII (U+FF01..U+FF5E: ０-９, Ａ-Ｚ, ．, －, …) to ASCII; everything else unchanged.
std::string narrow_ascii(std::string_view s);

}  // namespace ahaki
