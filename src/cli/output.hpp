#pragma once
#include <optional>
#include <string>

namespace ahaki::cli {

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, flushed, then renamed over the target. On failure nothing is
/// left behind and the reason is returned.
std::optional<std::string> write_atomically(const std::string& path, const std::string& content);

}  // namespace ahaki::cli
