#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

/// `ahaki-check template`: an empty workbook (and optionally CSVs) with the
/// headers of every section, an instruction row and drop-down lists.
int cmd_template(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
