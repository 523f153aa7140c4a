#pragma once
// Visit-ledger import: a clinic's treatment days as receipt software exports them (one row per
// treatment day: patient, consent, 施術日, 術式, 電療, 往療 and distance, …) -> the clinic
// description XML (urn:ahaki-check:clinic:1). Dates in 和暦 or ISO (model/wareki.hpp).
// Every bad cell is reported at its row and column with what was expected, and nothing is
// produced unless the whole ledger converts. A date in an era's last year after its end
// (平成31年5月1日) is read in the next era and reported as a warning (model/wareki.hpp: one rule).
//
// The rows come from a CSV file (UTF-8 with or without BOM, or CP932: import/csv.hpp) or a sheet
// of an .xlsx workbook (import/xlsx.hpp), both as a Grid whose cells carry where they are, so every
// message points at the CSV line and column or at the sheet cell (来院記録!B7). In a workbook a
// number in a date column is a date cell (an Excel serial date, 1900 or 1904 date system); a
// formula gives its saved result. Rows above the header (a title, instructions) are skipped.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/csv.hpp"
#include "import/grid.hpp"
#include "import/xlsx.hpp"
#include "xml/diagnostic.hpp"

namespace ahaki::import {

struct LedgerOptions {
    std::string name;  ///< the clinic's name (the CLI defaults it to the file's stem)
    CsvEncoding encoding = CsvEncoding::automatic;
    std::size_t max_errors = 100;
    std::string sheet;  ///< workbooks: the sheet to read (default: one named as ledgers are, else the first with a ledger header)
};

struct LedgerResult {
    std::string xml;                   ///< empty when there are errors
    std::vector<Diagnostic> errors;    ///< in row order
    std::vector<Diagnostic> warnings;  ///< dates normalised (an era's last year after its end: 平成31年5月1日), in row order
    std::string encoding;              ///< "UTF-8", "CP932" or "xlsx"
    std::string sheet;                 ///< the workbook sheet read (empty for a CSV)
    std::size_t patients = 0, consents = 0, visits = 0, ends = 0, claims = 0;
    std::vector<std::string> ignored_columns;  ///< headers that are not part of the ledger format
};

/// The namespace of the attributes that record where each element came from (ledger:row).
inline constexpr std::string_view ledger_namespace = "urn:ahaki-check:ledger:1";

/// A table whose header is the first row (of the first 30) naming three or more ledger columns.
/// `date1904`: the workbook counts dates from 1904-01-01 (workbook.xml date1904).
LedgerResult convert_ledger(const std::string& file, const Grid& grid, const LedgerOptions& options, bool date1904 = false);

/// Bytes of an .xlsx workbook (recognised by its bytes) or a CSV file -> convert_ledger.
LedgerResult import_ledger(const std::string& file, std::string_view bytes, const LedgerOptions& options);
/// The same (the name callers that began with CSV use).
LedgerResult import_ledger_csv(const std::string& file, std::string_view bytes, const LedgerOptions& options);

/// The ledger template (ahaki-check template --kind clinic): one sheet 施術台帳 with a title, an
/// instruction row and the header (row 3), drop-down lists for the columns with fixed values.
SheetOut ledger_template();

/// The columns, for --help: "施術日/date/…" per column, ja or en, required ones first.
std::string ledger_columns_help(bool japanese);

}  // namespace ahaki::import
