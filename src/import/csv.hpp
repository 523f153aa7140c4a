#pragma once
// Spreadsheet import: a CSV curriculum (one subject per row) -> the school
// description XML. Rows are checked strictly; every bad field is reported with
// file:line:column, what is wrong and what was expected, and nothing is
// produced unless the whole file converts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/codes.hpp"
#include "xml/diagnostic.hpp"

namespace ahaki::import {

enum class CsvEncoding { automatic, utf8, cp932 };

struct CsvOptions {
    FacilityType type = FacilityType::hari_kyu;
    std::string name;               ///< school name (the CLI defaults it to the file's stem)
    std::string course_id = "day";
    Schedule schedule = Schedule::day;
    int years = 3;
    CsvEncoding encoding = CsvEncoding::automatic;
    std::size_t max_errors = 100;
    std::string sheet;              ///< workbooks: the sheet to read (default: the first with a curriculum header)
    std::string origin_name;        ///< how the generated XML names the sheet file (default: `file`)
};

/// One field with where it starts (1-based line, column in characters).
struct CsvField {
    std::string text;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};
struct CsvRow {
    std::vector<CsvField> fields;
    std::uint32_t line = 0;
};

/// RFC 4180 with the usual spreadsheet habits: quoted fields with "" escapes,
/// commas and newlines inside quotes, CRLF or LF line ends. `text` is UTF-8
/// without a BOM. An unterminated quote is reported in `errors`.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors);

/// Parsed CSV records as a sheet (cells at their line and column), for the importers that read grids.
struct Grid;
Grid grid_of_csv(const std::vector<CsvRow>& rows);

/// Bytes -> UTF-8 text (BOM removed). Automatic: valid UTF-8, otherwise CP932.
struct Decoded {
    std::string text;
    std::string encoding;  ///< "UTF-8" or "CP932"
    std::optional<Diagnostic> error;
};
Decoded decode_csv(const std::string& file, std::string_view bytes, CsvEncoding encoding);

/// Where one generated <subject> came from: its line in the generated XML and
/// the sheet cells of its fields (for the direct check, which points findings
/// at the sheet).
struct SubjectOrigin {
    std::uint32_t xml_line = 0;
    Loc row;     ///< the subject name's cell
    Loc area, method, units, hours, year;
    std::string area_code;
    std::vector<std::pair<std::string, Loc>> attrs;  ///< other sections: attribute -> its cell
};

struct ImportResult {
    std::string xml;                 ///< empty when there are errors
    std::vector<Diagnostic> errors;  ///< in file order
    std::vector<Diagnostic> notices; ///< what was read generously: filled-down cells, full-width digits, skipped rows
    std::string encoding;            ///< "UTF-8", "CP932" or "xlsx"
    std::string sheet;               ///< the workbook sheet read (empty for a CSV)
    std::vector<std::string> sections;  ///< the other sheets read (教員一覧, 臨床実習施設, 校舎・設備, 表簿)
    std::size_t subjects = 0;
    std::vector<std::string> ignored_columns;  ///< headers that are not part of the format (reported, not silent)
    std::vector<SubjectOrigin> origins;        ///< one per subject, in order
    Loc header;                                ///< the header row (first cell)
    std::uint32_t xml_school_line = 0, xml_course_line = 0;
};
/// A curriculum sheet -> XML: a workbook (.xlsx, recognised by its bytes) or a CSV.
ImportResult import_sheet(const std::string& file, std::string_view bytes, const CsvOptions& options);
/// The same (kept for callers that only ever pass CSV).
ImportResult import_csv(const std::string& file, std::string_view bytes, const CsvOptions& options);

/// The namespace of the origin annotations on generated XML (schemas/school.xsd).
inline constexpr std::string_view sheet_namespace = "urn:ahaki-check:sheet:1";

/// Neutralises text a spreadsheet would run as a formula (=, +, -, @, tab, CR
/// first) by a leading apostrophe, and quotes it for a CSV field.
std::string csv_field(std::string_view text);

}  // namespace ahaki::import
