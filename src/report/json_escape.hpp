#pragma once
// JSON string escaping for the report writers, with exactly the escapes of
// boost::json's serializer: '"' and '\\', the control characters below 0x20
// (\b \t \n \f \r, the others as \u00XX); every other byte, 0x7f and the bytes
// of invalid UTF-8 included, is copied as it is.
#include <cstddef>
#include <string_view>

namespace ahaki::json_escape {

/// The most bytes write_escaped() writes for an input of n bytes (every byte as \u00XX).
constexpr std::size_t max_escaped_size(std::size_t n) { return 6 * n; }

/// Writes the bytes of s, escaped, at out (no quotes), which has room for
/// max_escaped_size(s.size()) bytes; returns the end of what was written. Escapes are
/// byte by byte, so a string may be written in parts.
char* write_escaped(char* out, std::string_view s);

}  // namespace ahaki::json_escape
