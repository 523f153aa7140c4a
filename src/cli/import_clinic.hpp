#pragma once
// `ahaki-check import --kind clinic`: a clinic's visit ledger (CSV) -> a clinic description (XML).
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

/// `args` without the --kind option.
int cmd_import_clinic(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
