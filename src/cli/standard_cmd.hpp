#pragma once
// `ahaki-check standard`: every threshold and table of the standard with its provenance
// (issue 10, item 8), and how to fill in an UNKNOWN value with --standard.
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

int cmd_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
