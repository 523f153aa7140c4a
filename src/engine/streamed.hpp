#pragma once
// Streamed runs (the CLI's path when every output format can be written file by
// file): reports are checked, rendered and written as the run goes and not kept.
//
// With more than one file the checks across submissions (XSB) need every file's
// keys before any report is final. Each file is still checked only once: pass 1
// checks every file in parallel, writes its report to a temporary file
// (engine/spool.hpp) and indexes its keys; pass 2 reads the reports back in
// parallel, adds the XSB outcomes and prepares (renders) them.
#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/cross.hpp"
#include "engine/engine.hpp"
#include "engine/ordered.hpp"
#include "engine/spool.hpp"

namespace ahaki {

/// Pass 1 of a streamed multi-file run: checks every file (with progress),
/// appends its report to `spool` and adds its keys to `index`, in input order.
/// Returns the error when the spool could not be written (the run then stops).
std::optional<Text> check_into_spool(const std::vector<std::string>& files, const StandardSet& standards,
                                     const RunOptions& options, ReportSpool& spool, CrossIndex& index);

/// Checks every file on worker threads and, with options.cross_check, adds the
/// checks across submissions (even for one file: it then says there was nothing to compare); then `prepare(i, FileReport&&) -> T` runs on the
/// worker thread too (several at once: it must be thread-safe; this is where
/// reports are rendered) and `sink(i, T&&)` in input order, one call at a time.
/// Memory stays flat however many files there are. Returns a run error (the
/// temporary file of reports could not be written or read back), after which
/// `sink` may have seen only some of the files.
template <class T, class Prepare, class Sink>
std::optional<Text> stream_files(const std::vector<std::string>& files, const StandardSet& standards,
                                 const RunOptions& options, Prepare&& prepare, Sink&& sink) {
    if (!options.cross_check) {  // no checks across submissions: no spool
        auto check = checker(files, standards, options);
        map_in_order<T>(files.size(), options.jobs, [&](std::size_t i) { return prepare(i, check(i)); }, sink);
        return std::nullopt;
    }
    ReportSpool spool;
    CrossIndex index;
    if (auto why = check_into_spool(files, standards, options, spool, index)) return why;
    std::mutex m;
    std::optional<Text> failed;
    std::atomic<bool> stop{false};
    map_in_order<std::optional<T>>(
        files.size(), options.jobs,
        [&](std::size_t i) -> std::optional<T> {
            if (stop) return std::nullopt;
            Text why;
            std::optional<FileReport> report = spool.read(i, why);
            if (!report) {
                std::lock_guard lock(m);
                if (!failed) failed = std::move(why);
                stop = true;
                return std::nullopt;
            }
            index.apply(i, *report);
            return prepare(i, std::move(*report));
        },
        [&](std::size_t i, std::optional<T>&& prepared) {
            if (prepared && !stop) sink(i, std::move(*prepared));
        });
    return failed;
}

}  // namespace ahaki
