#pragma once
#include <cstdint>
#include <string>

namespace ahaki {

/// 1-based line and column (column counted in characters, so it survives
/// re-encoding from Shift_JIS or UTF-16). line == 0 means "no location".
struct Loc {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    /// XPath-like path of the element, e.g. /school/course[@id='day']/subject[@id='bio1']
    std::string path;
    /// Spreadsheet origin. Without ':' it is a cell of the finding's own file, a
    /// workbook ("教育課程!E12"; line and column are then its row and column
    /// number); with ':' it names the sheet a generated XML was imported from
    /// ("教育課程.xlsx:教育課程!E12", "教育課程.csv:12:3"). Empty otherwise.
    std::string cell = {};  // (a default initializer: Loc{line, col, path} stays warning-free)
    bool known() const { return line != 0; }
    bool operator==(const Loc&) const = default;
};

}  // namespace ahaki
