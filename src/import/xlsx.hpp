#pragma once
// Reading an Excel workbook (.xlsx: a zip of XML parts, ECMA-376) with libzip
// and pugixml: the sheets' names, shared and inline strings, numbers, the
// cached values of formulas and merged cells. Bounded: the archive's entries
// are limited in size, in total and in compression ratio (a zip bomb is refused,
// never unpacked), and every problem is a located Diagnostic.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "import/grid.hpp"
#include "model/date.hpp"
#include "model/text.hpp"
#include "xml/diagnostic.hpp"

namespace ahaki::import {

struct XlsxLimits {
    std::size_t max_entry = 64u << 20;   ///< uncompressed bytes of one part
    std::size_t max_total = 256u << 20;  ///< uncompressed bytes of all the parts read
    std::size_t max_ratio = 200;         ///< uncompressed / compressed, for parts over 1 MiB
    std::uint32_t max_rows = 100000;
    std::uint32_t max_columns = 256;
};

struct Workbook {
    std::vector<Grid> sheets;  ///< in the workbook's order
    bool date1904 = false;     ///< workbook.xml <workbookPr date1904="1"/>: date serials count from 1904-01-01
};

/// True when the bytes start like a zip archive ("PK\3\4").
bool looks_like_zip(std::string_view bytes);

/// Reads every worksheet (chart sheets and others are skipped). On error the
/// workbook is empty and `errors` says where and why.
Workbook read_xlsx(const std::string& file, std::string_view bytes, std::vector<Diagnostic>& errors,
                   const XlsxLimits& limits = {});

/// Writes a workbook: one sheet per grid (cells as inline strings or numbers),
/// with optional drop-down lists. Text that a spreadsheet would take for a
/// formula is written as text, so nothing the tool writes is ever evaluated.
struct DropDown {
    std::string range;                 ///< e.g. "C3:C200"
    std::vector<std::string> values;   ///< the allowed values
};
struct SheetOut {
    std::string name;
    std::vector<std::vector<std::string>> rows;
    std::vector<DropDown> drop_downs;
    std::vector<double> widths;  ///< column widths in characters (optional)
};
/// Text a spreadsheet would take for a formula (leading =, +, -, @, tab or CR).
bool formula_like(std::string_view s);

/// The .xlsx bytes, or an empty string and `error` set.
std::string write_xlsx(const std::vector<SheetOut>& sheets, std::string& error);

/// An Excel date serial number (a date cell stored as a number) -> the date. 1900 date system: 1 is
/// 1900-01-01 and 60 the 1900-02-29 that does not exist (Lotus 1-2-3's leap-year bug, kept by Excel),
/// so from 61 on the serial counts from 1899-12-30; 1904 date system (workbook.xml date1904): 0 is
/// 1904-01-01. A fraction is the time of day, which a treatment day does not need.
/// On failure `problem` says why (both languages).
std::optional<Date> excel_serial_date(std::string_view text, bool date1904, Text& problem);

}  // namespace ahaki::import
