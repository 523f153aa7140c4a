// ahaki-bench-floor: the benchmark's floor. Reads each file into memory and parses it with
// pugixml (load_buffer), touching nothing else, over all files given (files or directories,
// whose *.xml files are taken, recursively), in one process, on --jobs threads (default: all
// cores, like the checker). Prints only the number of files parsed. Exit 2 if any file could
// not be read or parsed, so a broken corpus cannot pass for a fast one.
//
//   floor [--jobs N] PATH...
#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool read_file(const std::string& path, std::vector<char>& buf) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return false;
    buf.clear();
    char chunk[65536];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0) buf.insert(buf.end(), chunk, chunk + n);
    const bool ok = std::ferror(f) == 0;
    std::fclose(f);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--jobs" || a == "-j") {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "usage: floor [--jobs N] PATH...\n");
                return 2;
            }
            jobs = static_cast<unsigned>(std::max(1L, std::strtol(argv[++i], nullptr, 10)));
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::recursive_directory_iterator(a, ec))
                if (e.is_regular_file() && e.path().extension() == ".xml") found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.emplace_back(a);
        }
    }
    std::atomic<std::size_t> next{0}, parsed{0}, failed{0};
    auto work = [&] {
        std::vector<char> buf;
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            pugi::xml_document doc;
            if (read_file(files[i], buf) &&
                doc.load_buffer(buf.data(), buf.size(), pugi::parse_default, pugi::encoding_auto)) {
                parsed.fetch_add(1);
            } else {
                failed.fetch_add(1);
                std::fprintf(stderr, "floor: cannot read or parse %s\n", files[i].c_str());
            }
        }
    };
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work);
        work();
    }
    std::printf("%zu\n", parsed.load());
    return failed.load() == 0 ? 0 : 2;
}
