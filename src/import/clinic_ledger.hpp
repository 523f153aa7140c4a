#pragma once
// Visit-ledger import: a clinic's treatment days as receipt software exports them (one row per
// treatment day: patient, consent, 施術日, 術式, 電療, 往療 and distance, …) -> the clinic
// description XML (urn:ahaki-check:clinic:1). Dates in 和暦 or ISO (model/wareki.hpp).
// Every bad cell is reported at its row and column with what was expected, and nothing is
// produced unless the whole ledger converts. A 平成 date after the era's end is read as 令和 and
// reported as a warning.
//
// The rows come from a row source: CSV today (import_ledger_csv); any table whose cells carry
// their row and column (an .xlsx sheet) can be given to convert_ledger directly.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/csv.hpp"
#include "xml/diagnostic.hpp"

namespace ahaki::import {

struct LedgerOptions {
    std::string name;  ///< the clinic's name (the CLI defaults it to the file's stem)
    CsvEncoding encoding = CsvEncoding::automatic;
    std::size_t max_errors = 100;
};

struct LedgerResult {
    std::string xml;                   ///< empty when there are errors
    std::vector<Diagnostic> errors;    ///< in row order
    std::vector<Diagnostic> warnings;  ///< dates normalised (平成 after its end), in row order
    std::string encoding;
    std::size_t patients = 0, consents = 0, visits = 0, ends = 0, claims = 0;
    std::vector<std::string> ignored_columns;  ///< headers that are not part of the ledger format
};

/// The namespace of the attributes that record where each element came from (ledger:row).
inline constexpr std::string_view ledger_namespace = "urn:ahaki-check:ledger:1";

/// rows[0] is the header row; cells carry their line (row) and column.
LedgerResult convert_ledger(const std::string& file, const std::vector<CsvRow>& rows, const LedgerOptions& options);

/// Bytes of a CSV file (UTF-8 with or without BOM, or CP932) -> convert_ledger.
LedgerResult import_ledger_csv(const std::string& file, std::string_view bytes, const LedgerOptions& options);

/// The columns, for --help: "施術日/date/…" per column, ja or en, required ones first.
std::string ledger_columns_help(bool japanese);

}  // namespace ahaki::import
