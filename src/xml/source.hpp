#pragma once
// A file's text as UTF-8, with a map from byte offsets to line:column.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.hpp"
#include "xml/diagnostic.hpp"

namespace ahaki {

class SourceText {
public:
    SourceText() = default;
    SourceText(std::string path, std::string utf8, std::string encoding);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    /// The encoding the file was read in (UTF-8, UTF-16LE, CP932, EUC-JP…).
    const std::string& encoding() const { return encoding_; }
    /// 1-based line and column (in characters) of a byte offset into text().
    /// O(log lines + 1 KiB): safe to call for every finding, even on one-line files.
    Loc locate(std::size_t offset) const;
    /// Same, looking for the line from `line_hint` (0-based) first and leaving
    /// the offset's line there: offsets asked in file order cost a step or two
    /// instead of a binary search.
    Loc locate(std::size_t offset, std::size_t& line_hint) const;

private:
    static constexpr std::size_t checkpoint_stride = 1024;
    std::string path_;
    std::string text_;
    std::string encoding_;
    std::vector<std::uint32_t> line_starts_;
    /// Column (0-based, in characters) at every checkpoint_stride-th byte.
    std::vector<std::uint32_t> checkpoint_columns_;
};

struct ReadLimits {
    std::size_t max_file_bytes = 64u * 1024u * 1024u;
    /// Elements of ahaki-check's namespaces in one file (xml::ParseLimits; --max-elements).
    /// 0: each kind's own default (a school 20,000, a clinic 200,000: a visit is an element).
    std::size_t max_elements = 0;
};

/// Reads a file and converts it to UTF-8 (BOM, XML declaration; UTF-8,
/// UTF-16 with BOM, Shift_JIS/CP932, EUC-JP). On failure returns the located reason.
struct ReadResult {
    std::optional<SourceText> source;
    std::optional<Diagnostic> error;
};
/// `root`: the root element of the kind of file expected (school, waivers,
/// standard, clinic), for the message about an empty file.
ReadResult read_source(const std::string& path, const ReadLimits& limits = {}, std::string_view root = "school");
/// Same, from bytes already in memory (tests, fuzzing, stdin).
ReadResult decode_source(const std::string& path, std::string bytes, std::string_view root = "school");
/// The error for an XML declaration that does not start the file.
Diagnostic misplaced_declaration(const std::string& path, Loc loc);

/// Offset of the first byte of `text` that is not valid UTF-8 (overlong,
/// surrogate, beyond U+10FFFF, truncated, stray continuation) or is a control
/// character XML forbids; text.size() when there is none.
std::size_t first_invalid_utf8(std::string_view text);
/// Offset of the first character of valid UTF-8 `text` that is a non-character
/// (U+FFFE, U+FFFF, U+FDD0..U+FDEF, U+nFFFE, U+nFFFF) or U+FEFF (a BOM after the
/// start), with the code point in `cp`; text.size() when there is none.
std::size_t first_disallowed_char(std::string_view text, std::uint32_t& cp);

}  // namespace ahaki
