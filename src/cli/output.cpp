#include "cli/output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "model/system_error.hpp"
#include "report/escape.hpp"

namespace ahaki::cli {
namespace {

// The temporary files being written (several when reports stream to several
// files), so that a signal can remove them before the process dies: an
// interrupted run leaves the old output or none, never a stray temporary. Each
// is a directory descriptor and a name (at most NAME_MAX bytes), so unlinkat()
// works whatever the length of the path. Only async-signal-safe calls in the handler.
constexpr int max_pending = 64;
char pending_name[max_pending][NAME_MAX + 1];
int pending_dir[max_pending];
volatile std::sig_atomic_t pending_used[max_pending] = {};

// Every signal whose default action ends the process and that can be caught.
// The fatal ones (SIGSEGV…) are taken only when nothing else handles them
// (a sanitizer's handler stays in place).
constexpr int terminating[] = {SIGINT,  SIGTERM, SIGHUP,  SIGPIPE,   SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                               SIGXFSZ, SIGXCPU, SIGVTALRM, SIGPROF, SIGPOLL, SIGPWR,  SIGSYS,  SIGTRAP,
#ifdef SIGSTKFLT
                               SIGSTKFLT,
#endif
                               SIGABRT, SIGBUS,  SIGFPE,  SIGILL,    SIGSEGV};
constexpr int fatal_from = sizeof terminating / sizeof terminating[0] - 5;  // SIGABRT onwards

extern "C" void remove_temps_and_die(int sig) {
    int saved = errno;
    for (int i = 0; i < max_pending; ++i)
        if (pending_used[i]) ::unlinkat(pending_dir[i], pending_name[i], 0);
    ::signal(sig, SIG_DFL);
    ::raise(sig);  // delivered when the handler returns (the signal is blocked while it runs)
    errno = saved;
}

void install_cleanup_handlers() {
    static std::atomic<bool> installed{false};
    if (installed.exchange(true)) return;
    for (int i = 0; i < static_cast<int>(std::size(terminating)); ++i) {
        int sig = terminating[i];
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring
        if (i >= fatal_from && (old.sa_flags & SA_SIGINFO || old.sa_handler != SIG_DFL)) continue;
        struct sigaction sa {};
        sa.sa_handler = remove_temps_and_die;
        sigemptyset(&sa.sa_mask);
        for (int s : terminating) sigaddset(&sa.sa_mask, s);  // one cleanup at a time
        ::sigaction(sig, &sa, nullptr);
    }
}

/// Blocks the cleanup signals (the asynchronous ones) while the table changes.
struct SignalsBlocked {
    sigset_t old;
    SignalsBlocked() {
        sigset_t set;
        sigemptyset(&set);
        for (int i = 0; i < fatal_from; ++i) sigaddset(&set, terminating[i]);
        ::pthread_sigmask(SIG_BLOCK, &set, &old);
    }
    ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old, nullptr); }
};

/// Called with the signals blocked.
int add_pending(int dir, const std::string& name) {
    if (name.size() > NAME_MAX) return -1;
    for (int i = 0; i < max_pending; ++i)
        if (!pending_used[i]) {
            std::memcpy(pending_name[i], name.c_str(), name.size() + 1);
            pending_dir[i] = dir;
            pending_used[i] = 1;
            return i;
        }
    return -1;
}

Text errno_text() { return system_error_text(errno); }

std::string dir_of(const std::string& p) {
    auto slash = p.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return p.substr(0, slash);
}

std::string base_of(const std::string& p) {
    auto slash = p.find_last_of('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

/// /dev/stdout, /dev/fd/N, /proc/self/fd/N…: links the kernel resolves to an open
/// descriptor (a pipe has no path). Opened as they are and written to, never replaced.
bool descriptor_link(const std::string& p) {
    if (p == "/dev/stdout" || p == "/dev/stderr") return true;
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"})
        if (p.rfind(prefix, 0) == 0) return true;
    if (p.rfind("/proc/", 0) == 0 && p.find("/fd/") != std::string::npos) return true;
    return false;
}

/// A temporary name for `name` that fits NAME_MAX: "." + name (cut at a character) + ".tmp-XXXXXX".
std::string temp_name(const std::string& name, std::mt19937_64& rng) {
    static constexpr char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    constexpr std::size_t suffix = 11;  // ".tmp-XXXXXX"
    std::size_t keep = std::min(name.size(), static_cast<std::size_t>(NAME_MAX) - 1 - suffix);
    while (keep > 0 && keep < name.size() && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    std::string t = ".";
    t.append(name, 0, keep).append(".tmp-");
    for (int i = 0; i < 6; ++i) t += chars[rng() % (sizeof chars - 1)];
    return t;
}

}  // namespace

std::vector<int> cleanup_signals() { return {std::begin(terminating), std::end(terminating)}; }

OutputPlan plan_output(const std::string& path) {
    OutputPlan plan;
    std::string p = path;
    for (int hops = 0; hops <= 40; ++hops) {
        if (descriptor_link(p)) {
            struct stat st {};
            if (::stat(p.c_str(), &st) != 0) {
                plan.refusal = errno_text();
                return plan;
            }
            OutputTarget t;
            t.kind = OutputTarget::Kind::stream;
            t.character_device = S_ISCHR(st.st_mode);
            t.final_path = p;
            t.dev = st.st_dev;
            t.ino = st.st_ino;
            plan.target = t;
            return plan;
        }
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) {
            if (errno != ENOENT) {
                plan.refusal = errno_text();
                return plan;
            }
            // A new file: its directory must exist.
            struct stat d {};
            if (::stat(dir_of(p).c_str(), &d) != 0) {
                plan.refusal = errno_text();
                return plan;
            }
            if (!S_ISDIR(d.st_mode)) {
                plan.refusal = system_error_text(ENOTDIR);
                return plan;
            }
            OutputTarget t;
            t.kind = OutputTarget::Kind::create;
            t.final_path = p;
            t.dev = d.st_dev;
            t.ino = d.st_ino;
            t.new_name = base_of(p);
            plan.target = t;
            return plan;
        }
        if (S_ISLNK(st.st_mode)) {
            std::string link(static_cast<std::size_t>(PATH_MAX), '\0');
            ssize_t n = ::readlink(p.c_str(), link.data(), link.size());
            if (n < 0 || static_cast<std::size_t>(n) >= link.size()) {
                plan.refusal = n < 0 ? errno_text() : system_error_text(ENAMETOOLONG);
                return plan;
            }
            link.resize(static_cast<std::size_t>(n));
            p = !link.empty() && link[0] == '/' ? link : dir_of(p) + "/" + link;
            continue;
        }
        OutputTarget t;
        t.final_path = p;
        t.dev = st.st_dev;
        t.ino = st.st_ino;
        if (S_ISREG(st.st_mode)) {
            t.kind = OutputTarget::Kind::replace;
            t.mode = st.st_mode & 07777;
            t.uid = st.st_uid;
            t.gid = st.st_gid;
        } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            t.kind = OutputTarget::Kind::stream;
            t.character_device = S_ISCHR(st.st_mode);
        } else if (S_ISDIR(st.st_mode)) {
            plan.refusal = {"ディレクトリです", "it is a directory"};
            return plan;
        } else if (S_ISBLK(st.st_mode)) {
            plan.refusal = {"ブロックデバイスです（報告書はブロックデバイスには書きません）",
                            "it is a block device (reports are never written to a block device)"};
            return plan;
        } else {
            plan.refusal = {"通常のファイル、FIFO、文字デバイスのどれでもありません（ソケットなど）",
                            "it is not a regular file, a FIFO or a character device (a socket?)"};
            return plan;
        }
        plan.target = t;
        return plan;
    }
    plan.refusal = system_error_text(ELOOP);
    return plan;
}

std::optional<Text> check_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs,
                                  bool stdout_used) {
    auto shown = [](const std::string& s) { return escape::terminal(s); };
    std::vector<OutputTarget> targets;
    for (const auto& o : outputs) {
        OutputPlan plan = plan_output(o);
        if (!plan.target)
            return Text{shown(o) + " に書き込めません: " + plan.refusal.ja, "cannot write " + shown(o) + ": " + plan.refusal.en};
        targets.push_back(*plan.target);
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            // Two reports into one file or FIFO would replace or interleave each other;
            // a character device (/dev/null) takes any number of them.
            if (targets[i].dev == targets[j].dev && targets[i].ino == targets[j].ino &&
                targets[i].new_name == targets[j].new_name && !targets[i].character_device)
                return Text{"出力先 " + shown(outputs[j]) + " と " + shown(outputs[i]) + " は同じファイルです（出力ごとに別のファイルを指定します）",
                            "two outputs go to the same file: " + shown(outputs[j]) + " and " + shown(outputs[i]) +
                                " (give each output its own file)"};
    struct stat out1 {};
    bool stdout_file = stdout_used && ::fstat(STDOUT_FILENO, &out1) == 0 && S_ISREG(out1.st_mode);
    if (targets.empty() && !stdout_file) return std::nullopt;
    for (const auto& in : inputs) {
        struct stat st {};
        if (::stat(in.c_str(), &st) != 0) continue;  // reported when it is read
        for (std::size_t i = 0; i < targets.size(); ++i)
            if (targets[i].new_name.empty() && targets[i].dev == st.st_dev && targets[i].ino == st.st_ino)
                return Text{"出力先 " + shown(outputs[i]) + " は入力 " + shown(in) + " と同じファイルです（入力は上書きしません）",
                            "the output " + shown(outputs[i]) + " is the input " + shown(in) + " (an input is never overwritten)"};
        if (stdout_file && out1.st_dev == st.st_dev && out1.st_ino == st.st_ino)
            return Text{"標準出力が入力 " + shown(in) + " と同じファイルです（入力は上書きしません）",
                        "standard output is the input " + shown(in) + " (an input is never overwritten)"};
    }
    return std::nullopt;
}

std::string cannot_write_line(const std::string& path, const Text& why, Lang lang) {
    return lang == Lang::ja ? "エラー: " + escape::shown(path) + " に書き込めません: " + escape::shown(why.ja, escape::max_message) + "\n"
                            : "error: cannot write " + escape::shown(path) + ": " + escape::shown(why.en, escape::max_message) + "\n";
}

std::optional<Text> write_atomically(const std::string& path, const std::string& content) {
    AtomicFile f(path);
    if (!f.open()) return f.commit();
    f.write(content);
    return f.commit();
}

void AtomicFile::discard() {
    SignalsBlocked b;
    if (fd_ >= 0) ::close(fd_);
    if (fd_ >= 0 && !streaming_ && dir_fd_ >= 0) ::unlinkat(dir_fd_, tmp_name_.c_str(), 0);
    fd_ = -1;
    if (slot_ >= 0) pending_used[slot_] = 0;
    slot_ = -1;
    if (dir_fd_ >= 0) ::close(dir_fd_);
    dir_fd_ = -1;
}

AtomicFile::~AtomicFile() { discard(); }

bool AtomicFile::open() {
    OutputPlan plan = plan_output(path_);
    if (!plan.target) {
        error_ = plan.refusal;
        return false;
    }
    const OutputTarget& t = *plan.target;
    if (t.kind == OutputTarget::Kind::stream) {
        // A FIFO, a device, a descriptor: written directly, never replaced (no O_CREAT, no O_TRUNC).
        fd_ = ::open(t.final_path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0) {
            error_ = errno_text();
            return false;
        }
        struct stat st {};
        if (::fstat(fd_, &st) != 0 || S_ISBLK(st.st_mode) || S_ISDIR(st.st_mode)) {  // changed since the plan
            error_ = Text{"FIFO でも文字デバイスでもありません", "not a FIFO or character device"};
            ::close(fd_);
            fd_ = -1;
            return false;
        }
        streaming_ = true;
        return true;
    }
    const std::string dir = dir_of(t.final_path);
    final_name_ = base_of(t.final_path);
    install_cleanup_handlers();
    dir_fd_ = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd_ < 0) {
        error_ = errno_text();
        return false;
    }
    std::random_device seed;
    std::mt19937_64 rng((static_cast<std::uint64_t>(seed()) << 32) ^ seed() ^ static_cast<std::uint64_t>(::getpid()));
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = temp_name(final_name_, rng);
        SignalsBlocked b;  // created and registered as one step
        // 0666: the kernel applies the umask, as for any new file.
        int fd = ::openat(dir_fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            error_ = errno_text();
            return false;
        }
        fd_ = fd;
        tmp_name_ = name;
        slot_ = add_pending(dir_fd_, tmp_name_);
        break;
    }
    if (fd_ < 0) {
        error_ = system_error_text(EEXIST);
        return false;
    }
    if (t.kind == OutputTarget::Kind::replace) {
        // Replacing keeps the file's owner (when allowed) and mode: reports hold
        // personal data, a file made private stays private.
        if (::geteuid() == 0) (void)!::fchown(fd_, t.uid, t.gid);
        if (::fchmod(fd_, t.mode) != 0) error_ = errno_text();
    }
    return !error_;
}

bool AtomicFile::write(std::string_view data) {
    if (fd_ < 0 || error_) return false;
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t w = ::write(fd_, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            error_ = errno_text();
            return false;
        }
        p += w;
        left -= static_cast<std::size_t>(w);
    }
    return true;
}

std::optional<Text> AtomicFile::commit() {
    if (fd_ < 0 && !error_) error_ = Text{"開かれていません", "not open"};
    if (streaming_) {
        if (fd_ >= 0 && ::close(fd_) != 0 && !error_) error_ = errno_text();
        fd_ = -1;
        return error_;
    }
    if (!error_ && ::fsync(fd_) != 0) error_ = errno_text();
    {
        SignalsBlocked b;  // renamed (or removed) and no longer pending, as one step
        if (fd_ >= 0 && ::close(fd_) != 0 && !error_) error_ = errno_text();
        if (fd_ >= 0 && !error_ && ::renameat(dir_fd_, tmp_name_.c_str(), dir_fd_, final_name_.c_str()) != 0)
            error_ = errno_text();
        if (fd_ >= 0 && error_) ::unlinkat(dir_fd_, tmp_name_.c_str(), 0);
        fd_ = -1;
        if (slot_ >= 0) pending_used[slot_] = 0;
        slot_ = -1;
    }
    discard();
    return error_;
}

}  // namespace ahaki::cli
