#pragma once
// A progress line on standard error while many files are checked, only when
// standard error is a terminal: "\r[ 12/200] 6% …", redrawn at most every
// 100 ms, erased when the run ends so it never mixes with the report.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>

#include "model/text.hpp"

namespace ahaki::cli {

class Progress {
public:
    Progress(std::ostream& err, Lang lang, std::chrono::milliseconds interval = std::chrono::milliseconds(100))
        : err_(err), lang_(lang), interval_(interval) {}
    ~Progress() { finish(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Thread-safe; called by the workers after each file.
    void update(std::size_t done, std::size_t total);
    /// Erases the line (idempotent).
    void finish();

private:
    std::ostream& err_;
    Lang lang_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
    bool shown_ = false;
};

}  // namespace ahaki::cli
