#pragma once
// Writing outputs without destroying anything: a report replaces a regular file
// atomically (a temporary file in the target's own directory, renamed over it,
// keeping the file's mode), is streamed into a FIFO or a character device, and
// is refused for anything else (a directory, a block device, a socket), for an
// input of the run and for a second output to the same file.
#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"

namespace ahaki::cli {

/// Where and how an output path is written (after following symbolic links).
struct OutputTarget {
    enum class Kind { replace, create, stream };
    Kind kind = Kind::create;
    std::string final_path;  ///< the file renamed over (a symlink's target), or the path opened to stream
    mode_t mode = 0;         ///< kind replace: the existing file's mode, kept
    uid_t uid = 0;
    gid_t gid = 0;
    /// Identity: the file's device and inode, or for a new file the directory's and the name.
    dev_t dev = 0;
    ino_t ino = 0;
    std::string new_name;
    bool character_device = false;  ///< kind stream: a device (several outputs may share it), not a FIFO
};

/// How `path` would be written, or why it cannot be (the message says what the path is).
struct OutputPlan {
    std::optional<OutputTarget> target;
    Text refusal;
};
OutputPlan plan_output(const std::string& path);

/// Refuses, before anything is written, an output that is or resolves to one of
/// the inputs (device and inode after following links), two outputs that are the
/// same file, and outputs that cannot be written safely (plan_output). With
/// `stdout_used`, standard output is compared with the inputs too. Returns the
/// whole error line (without "error: "), in both languages.
std::optional<Text> check_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs,
                                  bool stdout_used);

/// "エラー: PATH に書き込めません: WHY" / "error: cannot write PATH: WHY" and a newline (the path escaped).
std::string cannot_write_line(const std::string& path, const Text& why, Lang lang);

/// Writes `content` to `path` (see AtomicFile). On failure nothing is left
/// behind and the reason is returned (in both languages).
std::optional<Text> write_atomically(const std::string& path, const std::string& content);

/// The same, written piece by piece: open() makes the temporary file (or opens
/// the FIFO or device), write() appends, commit() flushes and renames it over
/// the target. Destroyed without commit(), it removes the temporary file. Errors
/// are kept and returned by commit(). A temporary file is removed when the
/// process dies of any signal that can be caught.
class AtomicFile {
public:
    explicit AtomicFile(std::string path) : path_(std::move(path)) {}
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();
    bool open();
    bool write(std::string_view data);
    std::optional<Text> commit();
    const std::string& path() const { return path_; }
    /// After open(): true when the bytes go straight to a FIFO or device (not atomic).
    bool streaming() const { return streaming_; }

private:
    void discard();
    std::string path_;
    std::string tmp_name_;  ///< in dir_fd_
    std::string final_name_;
    int dir_fd_ = -1;
    int fd_ = -1;
    int slot_ = -1;  ///< in the table the signal handler cleans up
    bool streaming_ = false;
    std::optional<Text> error_;
};

/// The signals after which temporary files are removed (for tests).
std::vector<int> cleanup_signals();

}  // namespace ahaki::cli
