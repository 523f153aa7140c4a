#pragma once
// The one escaping layer every writer uses for strings that come from input
// (school, subject and teacher names, waiver reasons, file names, messages that
// quote them). Per format:
//  - terminal(): text output, stderr, GitHub lines, JUnit and HTML text. C0
//    controls, DEL and bytes that are not UTF-8 become \xNN; C1 controls, the
//    bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//    U+2066–U+2069), U+2028, U+2029 and the non-characters U+FFFE/U+FFFF become
//    \uXXXX. Nothing of the input can start a new line, move the cursor,
//    recolour the terminal or reorder what is shown.
//  - repair_utf8(): JSON and SARIF. Only bytes that are not UTF-8 change, each
//    to the text \xNN (written \\xNN inside a JSON string), so the document is
//    valid UTF-8 whatever bytes a file name has.
//  - shown(): terminal() of a string capped at `max` bytes: the first bytes
//    (whole characters) and "…(N B)" with the full size.
#include <cstddef>
#include <string>
#include <string_view>

namespace ahaki::escape {

/// Longest input string (a name, a path, a reason) echoed as it is.
constexpr std::size_t max_shown = 512;
/// Longest message shown (messages quote input strings).
constexpr std::size_t max_message = 4096;

/// True if s is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view s);
/// Escaped for a terminal or a log line (see above); not shortened. A string that
/// starts with "::" or "##" (a GitHub workflow command at a line start) gets its
/// first character as \x3A or \x23. `keep_lines`: '\n' and '\t' stay as they are
/// (for HTML and XML text, where they cannot start anything).
std::string terminal(std::string_view s, bool keep_lines = false);
/// Appends terminal(s) to out.
void append_terminal(std::string& out, std::string_view s, bool keep_lines = false);
/// terminal(s), cut to at most `max` bytes of s (at a character) plus "…(N B)".
std::string shown(std::string_view s, std::size_t max = max_shown);
/// s cut to at most `max` bytes (at a character) plus "…(N B)"; unchanged when short enough.
std::string capped(std::string_view s, std::size_t max);
/// In place: every byte that is not part of valid UTF-8 becomes \xNN (`json`: \\xNN).
void repair_utf8(std::string& s, bool json);

}  // namespace ahaki::escape
