#include "cli/output.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace ahaki::cli {
namespace {

// The temporary files being written (several when reports stream to several
// files), so that SIGINT/SIGTERM/SIGHUP can remove them before the process
// dies: an interrupted run leaves the old output or none, never a stray
// temporary. Only async-signal-safe calls in the handler.
constexpr int max_pending = 32;
char pending_temp[max_pending][4096];
volatile std::sig_atomic_t pending_used[max_pending] = {};

extern "C" void remove_temps_and_die(int sig) {
    for (int i = 0; i < max_pending; ++i)
        if (pending_used[i]) ::unlink(pending_temp[i]);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install_cleanup_handlers() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring
        struct sigaction sa {};
        sa.sa_handler = remove_temps_and_die;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

/// Blocks the cleanup signals while the table changes.
struct SignalsBlocked {
    sigset_t old;
    SignalsBlocked() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
        ::pthread_sigmask(SIG_BLOCK, &set, &old);
    }
    ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old, nullptr); }
};

/// Called with the signals blocked.
int add_pending(const std::string& path) {
    if (path.size() >= sizeof pending_temp[0]) return -1;
    for (int i = 0; i < max_pending; ++i)
        if (!pending_used[i]) {
            std::memcpy(pending_temp[i], path.c_str(), path.size() + 1);
            pending_used[i] = 1;
            return i;
        }
    return -1;
}

}  // namespace

std::optional<std::string> write_atomically(const std::string& path, const std::string& content) {
    AtomicFile f(path);
    if (!f.open()) return f.commit();
    f.write(content);
    return f.commit();
}

AtomicFile::~AtomicFile() {
    SignalsBlocked b;
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(tmp_.c_str());
    }
    if (slot_ >= 0) pending_used[slot_] = 0;
}

bool AtomicFile::open() {
    namespace fs = std::filesystem;
    fs::path target(path_);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "." + string + "...".
    std::string name(".");
    name.append(target.filename().string()).append(".tmp-XXXXXX");
    tmp_ = (dir / name).string();
    install_cleanup_handlers();
    SignalsBlocked b;  // created and registered as one step
    fd_ = ::mkstemp(tmp_.data());
    if (fd_ < 0) {
        error_ = std::string(std::strerror(errno));
        return false;
    }
    slot_ = add_pending(tmp_);
    return true;
}

bool AtomicFile::write(std::string_view data) {
    if (fd_ < 0 || error_) return false;
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t w = ::write(fd_, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            error_ = std::string(std::strerror(errno));
            return false;
        }
        p += w;
        left -= static_cast<std::size_t>(w);
    }
    return true;
}

std::optional<std::string> AtomicFile::commit() {
    if (fd_ < 0 && !error_) error_ = std::string("not open");
    if (!error_ && (::fsync(fd_) != 0 || ::fchmod(fd_, 0644) != 0)) error_ = std::string(std::strerror(errno));
    SignalsBlocked b;  // renamed (or removed) and no longer pending, as one step
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!error_ && std::rename(tmp_.c_str(), path_.c_str()) != 0) error_ = std::string(std::strerror(errno));
    if (error_ && !tmp_.empty()) ::unlink(tmp_.c_str());
    if (slot_ >= 0) pending_used[slot_] = 0;
    slot_ = -1;
    return error_;
}

}  // namespace ahaki::cli
