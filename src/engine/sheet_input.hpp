#pragma once
// Spreadsheets as input of `check`: a .xlsx workbook or a .csv curriculum is
// converted in memory (import/csv.hpp), checked like any school description,
// and every location is moved back to the sheet (the CSV's line and column, or
// the workbook's sheet and cell), so nothing points at a file the office never saw.
// Recognised by extension; one small entry point beside the XML kinds.
#include <string>

#include "engine/engine.hpp"
#include "import/csv.hpp"

namespace ahaki {

/// .xlsx, .xlsm or .csv (any case).
bool is_sheet_path(const std::string& path);

/// Moves a location in the XML a sheet was converted to back to the sheet: the cell an attribute came
/// from, else the row of the element, else (an area's requirement) the area's first row, else the header.
Loc sheet_location(const import::ImportResult& imp, const Loc& xml_loc, std::string_view scope = {});

FileReport check_sheet_file(const std::string& path, const StandardSet& standards, const RunOptions& options);

}  // namespace ahaki
