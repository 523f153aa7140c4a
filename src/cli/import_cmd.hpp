#pragma once
// `ahaki-check import`: a CSV curriculum -> a school description (XML).
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

int cmd_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
