#include "cli/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace ahaki::cli {

std::optional<std::string> write_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Built with append(): GCC 12 warns falsely (-Wrestrict) on "." + string + "...".
    std::string name(".");
    name.append(target.filename().string()).append(".tmp-XXXXXX");
    std::string tmpl = (dir / name).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return std::string(std::strerror(errno));
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
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return why;
    }
    return std::nullopt;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        ::unlink(tmp_.c_str());
    }
}

bool AtomicFile::open() {
    namespace fs = std::filesystem;
    fs::path target(path_);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name(".");
    name.append(target.filename().string()).append(".tmp-XXXXXX");
    tmp_ = (dir / name).string();
    fd_ = ::mkstemp(tmp_.data());
    if (fd_ < 0) error_ = std::string(std::strerror(errno));
    return fd_ >= 0;
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
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!error_ && std::rename(tmp_.c_str(), path_.c_str()) != 0) error_ = std::string(std::strerror(errno));
    if (error_) ::unlink(tmp_.c_str());
    return error_;
}

}  // namespace ahaki::cli
