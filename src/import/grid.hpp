#pragma once
// A sheet as the importers see it: rows of cells, each with where it sits in
// the file the office gave (a CSV line and column, or a workbook cell), so
// that every message and finding can point at the sheet itself.
#include <cstdint>
#include <string>
#include <vector>

#include "model/location.hpp"

namespace ahaki::import {

struct Cell {
    std::string text;          ///< UTF-8, as shown (numbers in their shortest form)
    std::uint32_t line = 0;    ///< CSV: line; workbook: row (1-based)
    std::uint32_t column = 0;  ///< CSV: column in characters; workbook: column number (A = 1)
    bool number = false;       ///< stored as a number in the workbook
    bool merged = false;       ///< copied from the top-left cell of a merged range
};

struct Grid {
    std::string name;        ///< the sheet's name (workbooks), empty for a CSV
    bool workbook = false;
    bool date1904 = false;   ///< the workbook counts date serials from 1904-01-01 (workbookPr date1904)
    std::vector<std::vector<Cell>> rows;  ///< rows[i] is row i+1 (workbooks) or the i-th CSV record
    std::vector<std::uint32_t> row_lines; ///< the line (CSV) or row number (workbook) of each row
};

/// "E12" for column 5, row 12.
std::string cell_name(std::uint32_t column, std::uint32_t row);
/// Column letters -> number ("A" = 1, "AA" = 27); 0 when not letters.
std::uint32_t column_number(std::string_view letters);

/// Where a cell is, as a location: a CSV line and column, or the workbook cell
/// (line = row, column = column number, cell = "教育課程!E12").
Loc cell_loc(const Grid& g, std::uint32_t line, std::uint32_t column);

}  // namespace ahaki::import
