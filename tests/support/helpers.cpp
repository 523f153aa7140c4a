#include "support/helpers.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ahaki::test {

std::string source_dir() {
    if (const char* e = std::getenv("AHAKI_SOURCE_DIR")) return e;
    return AHAKI_SOURCE_DIR;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const StandardSet& standards() {
    static const StandardSet set = [] {
        auto l = load_standards({});
        if (!l.errors.empty()) throw std::runtime_error("embedded standard does not load");
        return l.set;
    }();
    return set;
}

LoadResult load_xml(const std::string& xml) {
    ReadResult r = decode_source("test.xml", xml);
    if (r.error) {
        LoadResult lr;
        lr.errors.push_back(*r.error);
        return lr;
    }
    return load_school(*r.source);
}

FileReport check_xml(const std::string& xml, CheckOptions options) {
    ReadResult r = decode_source("test.xml", xml);
    if (r.error) {
        FileReport f;
        f.path = "test.xml";
        f.errors.push_back(*r.error);
        return f;
    }
    RunOptions ro;
    ro.check = options;
    return check_source(*r.source, standards(), ro);
}

std::vector<const Finding*> findings_of(const FileReport& r, std::string_view rule_id) {
    std::vector<const Finding*> out;
    for (const auto& o : r.outcomes)
        for (const auto& f : o.findings)
            if (f.rule_id == rule_id) out.push_back(&f);
    return out;
}

std::vector<const Outcome*> outcomes_of(const FileReport& r, std::string_view rule_id) {
    std::vector<const Outcome*> out;
    for (const auto& o : r.outcomes)
        if (o.rule_id == rule_id) out.push_back(&o);
    return out;
}

std::string compliant_hari_kyu() {
    static const std::string text = read_file(source_dir() + "/curricula/compliant/hari-kyu.xml");
    return text;
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << "fixture does not contain: " << from;
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
    return s;
}

RunResult run_binary(const std::string& args) {
    std::string err_file = ::testing::TempDir() + "ahaki-stderr-" + std::to_string(::getpid()) + ".txt";
    std::string cmd = std::string(AHAKI_BINARY) + " " + args + " 2>" + err_file;
    RunResult r{-1, {}, {}};
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err_file);
    std::remove(err_file.c_str());
    return r;
}

}  // namespace ahaki::test
