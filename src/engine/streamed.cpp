#include "engine/streamed.hpp"

namespace ahaki {

std::optional<Text> check_into_spool(const std::vector<std::string>& files, const StandardSet& standards,
                                     const RunOptions& options, ReportSpool& spool, CrossIndex& index) {
    struct Checked {
        std::string bytes;            // the report, spool::write'd on the worker
        std::vector<CrossKey> keys;   // for the index
        bool checked = false;         // counted by the checks across submissions
    };
    std::atomic<bool> failed{false};
    std::atomic<std::size_t> done{0}, size_hint{0};
    map_in_order<Checked>(
        files.size(), options.jobs,
        [&](std::size_t i) {
            Checked c;
            if (failed) return c;  // the run is lost: skip the work
            FileReport r = check_file(files[i], standards, options);
            // As in cross_check (whole runs): a file counts when it was checked, i.e. it
            // loaded and an edition of the standard applies to it.
            c.checked = r.errors.empty();
            if (options.progress) options.progress(done.fetch_add(1) + 1, files.size());
            // About the previous report's size, so the string is not grown (and copied) by doubling.
            std::size_t h = size_hint.load(std::memory_order_relaxed);
            c.bytes.reserve(h + h / 4);
            spool::write(c.bytes, r);
            size_hint.store(c.bytes.size(), std::memory_order_relaxed);
            c.keys = std::move(r.cross_keys);
            return c;
        },
        [&](std::size_t i, Checked&& c) {
            if (failed || !spool.append(c.bytes)) {
                failed = true;
                return;
            }
            index.add(i, files[i], c.keys, c.checked);
        });
    if (failed || !spool.finish()) return spool.error();
    return std::nullopt;
}

}  // namespace ahaki
