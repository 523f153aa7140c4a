#pragma once
// `ahaki-check import`: a CSV curriculum -> a school description (XML).
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/text.hpp"

namespace ahaki::cli {

int cmd_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// Reads a regular file (or standard input for "-") of at most `limit` bytes into `bytes`; the
/// reason when it cannot (a FIFO, a device, a directory, too large). Shared by every import.
std::optional<Text> read_bounded(const std::string& path, std::size_t limit, std::string& bytes);

}  // namespace ahaki::cli
