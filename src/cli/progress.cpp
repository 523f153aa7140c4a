#include "cli/progress.hpp"

#include <string>

namespace ahaki::cli {

void Progress::update(std::size_t done, std::size_t total) {
    std::lock_guard lock(mutex_);
    auto now = std::chrono::steady_clock::now();
    if (shown_ && done < total && now - last_ < interval_) return;
    last_ = now;
    shown_ = true;
    std::string n = std::to_string(total);
    std::string d = std::to_string(done);
    if (d.size() < n.size()) d.insert(0, n.size() - d.size(), ' ');
    std::size_t percent = total ? done * 100 / total : 100;
    err_ << "\r\x1b[K[" << d << "/" << n << "] " << percent << "% "
         << (lang_ == Lang::ja ? "確認中…" : "checking…") << std::flush;
}

void Progress::finish() {
    std::lock_guard lock(mutex_);
    if (!shown_) return;
    shown_ = false;
    err_ << "\r\x1b[K" << std::flush;
}

}  // namespace ahaki::cli
