#pragma once
// `ahaki-check diff OLD NEW`: changes since the last submission (engine/diff.hpp), as text, JSON or HTML.
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

int cmd_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
