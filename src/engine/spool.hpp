#pragma once
// Reports kept on disk between the two passes of a streamed multi-file run:
// every file is checked once (pass 1), its report written in a compact binary
// form to an unnamed temporary file, and read back (pass 2) once the checks
// across submissions know every file's keys. Memory stays flat however many
// files there are. The disk holds about as much as the JSON report (reports
// keep both languages): ≈ 150 kB per typical 29 kB input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.hpp"
#include "model/text.hpp"

namespace ahaki {

namespace spool {

/// Appends the binary form of `report` to `out`: every field, and of `school` (the
/// model, when the run keeps it for the HTML report) only the courses and their
/// subjects (id, name, area, method, units, hours, year), which is what a report shows.
void write(std::string& out, const FileReport& report);
/// A report written by write(); nothing when the bytes are not exactly one.
std::optional<FileReport> read(std::string_view bytes);

}  // namespace spool

/// An unnamed temporary file (std::tmpfile: gone when closed or when the
/// process dies) of reports appended in input order and read back by number.
class ReportSpool {
public:
    ReportSpool();
    /// Takes ownership of `file` (null: could not be created); tests pass a file that cannot be written.
    explicit ReportSpool(std::FILE* file);
    ReportSpool(const ReportSpool&) = delete;
    ReportSpool& operator=(const ReportSpool&) = delete;
    ~ReportSpool();

    /// Appends the next report, as spool::write made it (in input order). False
    /// once writing has failed: see error().
    bool append(std::string_view bytes);
    /// After the last append: flushes to the file. False when the reports did not all reach it.
    bool finish();
    /// Report `i` (thread-safe after finish(): positioned reads). Nothing when it
    /// cannot be read back; `why` then says so.
    std::optional<FileReport> read(std::size_t i, Text& why) const;
    std::size_t size() const { return offsets_.size() - 1; }
    /// Why append or finish failed.
    const Text& error() const { return error_; }

private:
    bool fail(int err);
    std::FILE* file_;
    std::vector<std::uint64_t> offsets_{0};  ///< report i is bytes [offsets_[i], offsets_[i + 1])
    Text error_;
};

}  // namespace ahaki
