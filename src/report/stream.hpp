#pragma once
// Writing a report while the run is going, file by file, so a run over many
// files does not keep every FileReport (check_files_each). Only some formats can
// (text, json); the others take the whole RunReport (formats.hpp). The bytes are
// the same either way.
#include <array>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "report/formats.hpp"
#include "report/json_parts.hpp"
#include "report/report.hpp"

namespace ahaki {

/// Where the bytes go: returns false when they could not be written.
using ByteSink = std::function<bool(std::string_view)>;

/// One file's part of a streamed report, rendered (on any thread) but not yet
/// written, and what it adds to the run's totals.
struct Fragment {
    std::string bytes;
    std::string second, third;  ///< further parts some formats keep apart (GitHub: findings after every load error)
    std::array<std::size_t, 4> counts{};  ///< a format's own per-file counters (JUnit: tests, failures, errors, skipped)
    json_parts::Totals totals;  ///< of this one file
};

/// Per file, the work is split so that the expensive part can run on the worker
/// threads: render() is pure (safe to call from several threads at once, for any
/// file, in any order), append() is cheap and gets the files in input order, one
/// call at a time.
class StreamWriter {
public:
    virtual ~StreamWriter() = default;
    /// `run` has everything but the files (run errors, standards, complete).
    virtual bool begin(const RunReport& run) = 0;
    virtual Fragment render(const FileReport& f) const = 0;
    virtual bool append(Fragment&& fragment) = 0;
    bool file(const FileReport& f) { return append(render(f)); }
    virtual bool end(const RunReport& run) = 0;
};

/// A streaming writer for the format, or nullptr when it has none.
std::unique_ptr<StreamWriter> make_stream_writer(std::string_view format, const WriteContext& context, ByteSink sink);

}  // namespace ahaki
