#pragma once
// GitHub Actions workflow commands: escaping and the annotation cap.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "report/formats.hpp"

namespace ahaki {

/// GitHub shows at most this many annotations of each kind (error, warning, notice) per step.
inline constexpr std::size_t github_annotations_per_kind = 10;

/// Escapes the message of a workflow command: % CR LF.
std::string github_escape_data(std::string_view s);
/// Escapes a property value (file, title): % CR LF : ,
std::string github_escape_property(std::string_view s);

struct GithubCounts {
    std::size_t total = 0;      ///< annotations the run would make
    std::size_t annotated = 0;  ///< those within the cap
};
GithubCounts github_counts(const RunReport& run);

std::string write_github(const RunReport& run, const WriteContext& c);
/// Streaming writers of `github` and (`summary`) `github-summary`: the same bytes, bounded memory.
class StreamWriter;
std::unique_ptr<StreamWriter> make_github_stream(const WriteContext& c, std::function<bool(std::string_view)> sink, bool summary);
std::string write_github_summary(const RunReport& run, const WriteContext& c);

}  // namespace ahaki
