#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ahaki::cli {

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, flushed, then renamed over the target. On failure nothing is
/// left behind and the reason is returned.
std::optional<std::string> write_atomically(const std::string& path, const std::string& content);

/// The same, written piece by piece: open() makes the temporary file, write()
/// appends, commit() flushes and renames it over the target. Destroyed without
/// commit(), it removes the temporary file. Errors are kept and returned by commit().
class AtomicFile {
public:
    explicit AtomicFile(std::string path) : path_(std::move(path)) {}
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();
    bool open();
    bool write(std::string_view data);
    std::optional<std::string> commit();
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::string tmp_;
    int fd_ = -1;
    int slot_ = -1;  ///< in the table the signal handler cleans up
    std::optional<std::string> error_;
};

}  // namespace ahaki::cli
