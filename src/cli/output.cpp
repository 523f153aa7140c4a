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

// The temporary file being written, so that SIGINT/SIGTERM/SIGHUP can remove it
// before the process dies: an interrupted run leaves the old output or none,
// never a stray temporary. Only async-signal-safe calls in the handler.
char pending_temp[4096];
volatile std::sig_atomic_t have_pending_temp = 0;

extern "C" void remove_temp_and_die(int sig) {
    if (have_pending_temp) ::unlink(pending_temp);
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
        sa.sa_handler = remove_temp_and_die;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

/// Blocks the cleanup signals while the pending name changes.
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

void clear_pending() {
    SignalsBlocked b;
    have_pending_temp = 0;
}

}  // namespace

std::optional<std::string> write_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "." + string + "...".
    std::string name(".");
    name.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string tmpl = (dir / name).string();
    install_cleanup_handlers();
    int fd;
    {
        SignalsBlocked b;
        fd = ::mkstemp(tmpl.data());
        if (fd >= 0 && tmpl.size() < sizeof pending_temp) {
            std::memcpy(pending_temp, tmpl.c_str(), tmpl.size() + 1);
            have_pending_temp = 1;
        }
    }
    if (fd < 0) return std::string(std::strerror(errno));
    struct Pending {
        ~Pending() { clear_pending(); }
    } pending;
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t w = ::write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) continue;
            std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return why;
        }
        p += w;
        left -= static_cast<std::size_t>(w);
    }
    if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
        std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(tmpl.c_str());
        return why;
    }
    ::close(fd);
    int renamed;
    {
        SignalsBlocked b;  // renamed and no longer pending, as one step
        renamed = std::rename(tmpl.c_str(), path.c_str());
        if (renamed == 0) have_pending_temp = 0;
    }
    if (renamed != 0) {
        std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return why;
    }
    return std::nullopt;
}

}  // namespace ahaki::cli
