#pragma once
// A scratch directory for one test: unique to the process and the instance (ctest runs
// tests in parallel, and the plain and sanitizer builds may run at the same time), created
// empty, and removed with everything in it when the object goes away. A `static TempDir`
// lives as long as the test process.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace ahaki::test {

struct TempDir {
    std::filesystem::path path;

    explicit TempDir(const std::string& tag = "test") {
        static std::atomic<int> n{0};
        path = std::filesystem::path(::testing::TempDir()) /
               ("ahaki-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string str() const { return path.string(); }
    /// The path of `name` inside the directory.
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    /// The names in the directory, sorted.
    std::vector<std::string> entries() const {
        std::vector<std::string> v;
        for (const auto& e : std::filesystem::directory_iterator(path)) v.push_back(e.path().filename().string());
        std::sort(v.begin(), v.end());
        return v;
    }
};

}  // namespace ahaki::test
