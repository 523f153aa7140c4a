// Guarantees: identical input gives byte-identical output in every format (and
// whatever the number of jobs); an output file is never left partly written,
// even when the run fails or is interrupted; inputs are never modified; the
// size limit stops runaway inputs with a clear message.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "cli/output.hpp"
#include "report/formats.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string work(const std::string& name) {
    static const TempDir root("guarantees");  // removed when the test process ends
    std::string d = root / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::vector<std::string> temps_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

/// Inputs for the output tests: every example and some invalid files.
std::string inputs() {
    std::string s = source_dir();
    return "'" + s + "/curricula' '" + s + "/tests/bad-input/files/id-duplicate.xml' '" + s +
           "/tests/bad-input/files/sjis-declared-utf8.xml' '" + s + "/tests/bad-input/files/empty.xml'";
}

/// Runs once with every format written to `dir`, returns name -> bytes.
std::map<std::string, std::string> run_all_formats(const std::string& dir, const std::string& options) {
    std::string args = "check " + options;
    for (const auto& f : formats()) args += " --format " + std::string(f.name) + "=" + dir + "/out." + std::string(f.name);
    RunResult r = run_binary(args + " " + inputs());
    EXPECT_EQ(r.exit_code, 2) << r.err;  // the invalid files make it 2
    EXPECT_EQ(r.err, "");
    std::map<std::string, std::string> out;
    for (const auto& f : formats()) {
        std::string p = dir + "/out." + std::string(f.name);
        EXPECT_TRUE(fs::exists(p)) << p;
        out[std::string(f.name)] = read_file(p);
        EXPECT_FALSE(out[std::string(f.name)].empty()) << f.name;
    }
    EXPECT_TRUE(temps_in(dir).empty());
    return out;
}

TEST(Guarantees, IdenticalInputGivesByteIdenticalOutputInEveryFormat) {
    for (std::string lang : {"ja", "en"}) {
        auto a = run_all_formats(work("det-a"), "--lang " + lang + " --jobs 1");
        auto b = run_all_formats(work("det-b"), "--lang " + lang + " --jobs 1");
        auto c = run_all_formats(work("det-c"), "--lang " + lang + " --jobs 2");
        auto d = run_all_formats(work("det-d"), "--lang " + lang + " --jobs 2");
        for (const auto& [name, bytes] : a) {
            EXPECT_EQ(bytes, b[name]) << name << " differs between two identical runs (" << lang << ")";
            EXPECT_EQ(bytes, c[name]) << name << " differs between --jobs 1 and --jobs 2 (" << lang << ")";
            EXPECT_EQ(bytes, d[name]) << name << " differs between two --jobs 2 runs (" << lang << ")";
        }
    }
}

struct Stamp {
    std::string bytes;
    fs::file_time_type mtime;
    fs::perms perms;
};

std::map<std::string, Stamp> stamp(const std::vector<std::string>& roots) {
    std::map<std::string, Stamp> out;
    for (const auto& root : roots)
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file()) out[e.path().string()] = {read_file(e.path().string()), e.last_write_time(), e.status().permissions()};
    return out;
}

TEST(Guarantees, InputFilesAreNeverModified) {
    std::vector<std::string> roots = {source_dir() + "/curricula", source_dir() + "/tests/bad-input/files"};
    auto before = stamp(roots);
    ASSERT_GT(before.size(), 40u);
    std::string dir = work("inputs");
    std::string args = "check --complete";
    for (const auto& f : formats()) args += " --format " + std::string(f.name) + "=" + dir + "/out." + std::string(f.name);
    RunResult r = run_binary(args + " '" + roots[0] + "' '" + roots[1] + "'");
    EXPECT_EQ(r.exit_code, 2);
    auto after = stamp(roots);
    ASSERT_EQ(before.size(), after.size()) << "files appeared or disappeared next to the inputs";
    for (const auto& [path, s] : before) {
        const Stamp& t = after.at(path);
        EXPECT_EQ(s.bytes, t.bytes) << path << " was modified";
        EXPECT_EQ(s.mtime, t.mtime) << path << " was touched";
        EXPECT_EQ(s.perms, t.perms) << path << " changed permissions";
    }
}

TEST(Guarantees, AFailedWriteLeavesNoFileAndNoTemporary) {
    std::string dir = work("failed-write");
    // The target is a directory: the rename fails, the temporary is removed.
    fs::create_directories(dir + "/out.json");
    RunResult r = run_binary("check --lang en --format json=" + dir + "/out.json '" + source_dir() +
                             "/curricula/compliant/hari-kyu.xml'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("error: cannot write " + dir + "/out.json: "), std::string::npos) << r.err;
    EXPECT_TRUE(temps_in(dir).empty());
    // The directory does not exist: nothing is created.
    RunResult m = run_binary("check --lang en --format json=" + dir + "/missing/out.json '" + source_dir() +
                             "/curricula/compliant/hari-kyu.xml'");
    EXPECT_EQ(m.exit_code, 2);
    EXPECT_NE(m.err.find("error: cannot write " + dir + "/missing/out.json: No such file or directory"), std::string::npos) << m.err;
    EXPECT_FALSE(fs::exists(dir + "/missing"));
}

TEST(Guarantees, AFailedRunStillWritesCompleteFilesAtomically) {
    // Exit 2 (invalid input) is a result, not a failure to write: the report is whole.
    std::string dir = work("invalid-run");
    RunResult r = run_binary("check --format json=" + dir + "/out.json '" + source_dir() + "/tests/bad-input/files/empty.xml'");
    EXPECT_EQ(r.exit_code, 2);
    std::string json = read_file(dir + "/out.json");
    ASSERT_FALSE(json.empty());
    EXPECT_EQ(json.back(), '\n');
    EXPECT_NE(json.find("\"invalid\""), std::string::npos);
    EXPECT_TRUE(temps_in(dir).empty());
}

// A signal while the temporary file is being written removes it and leaves
// the old target untouched. Forks a child that writes a large file and kills it
// as soon as its temporary exists.
TEST(Guarantees, SignalDuringTheWriteRemovesTheTemporary) {
    int hits = 0;
    for (int attempt = 0; attempt < 6 && hits < 2; ++attempt) {
        std::string dir = work("signal-" + std::to_string(attempt));
        std::string target = dir + "/out.json";
        std::ofstream(target) << "old report\n";
        int sig = attempt % 2 ? SIGINT : SIGTERM;
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            std::string content(256u << 20, 'x');
            auto why = cli::write_atomically(target, content);
            ::_exit(why ? 3 : 0);
        }
        bool seen = false;
        for (int i = 0; i < 20000 && !seen; ++i) {
            seen = !temps_in(dir).empty();
            if (!seen) std::this_thread::sleep_for(100us);
        }
        if (seen) ::kill(child, sig);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(temps_in(dir).empty()) << "temporary left behind";
        std::string now = read_file(target);
        if (WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), sig);
            EXPECT_EQ(now, "old report\n") << "the old output was damaged";
            ++hits;
        } else {
            EXPECT_EQ(WEXITSTATUS(status), 0);
            EXPECT_EQ(now.size(), 256u << 20) << "a finished write must be complete";
        }
        fs::remove_all(dir);
    }
    EXPECT_GE(hits, 1) << "the signal never arrived during a write; the test did not test anything";
}

// The binary interrupted in the middle of a big run: the old output stays as it was.
TEST(Guarantees, InterruptedRunLeavesTheOldOutput) {
    std::string dir = work("interrupted");
    std::string input = dir + "/big.xml";
    {
        std::ofstream o(input);
        o << "<school xmlns=\"urn:ahaki-check:school:1\" name=\"大きな学校\" type=\"hari-kyu\">\n"
             "  <course id=\"day\" schedule=\"day\" years=\"3\">\n";
        for (int i = 0; i < 300000; ++i)
            o << "    <subject id=\"s" << i << "\" name=\"科目" << i
              << "\" area=\"foundations\" method=\"lecture\" units=\"1\" hours=\"15\"/>\n";
        o << "  </course>\n</school>\n";
    }
    for (int sig : {SIGTERM, SIGINT}) {
        std::string target = dir + "/out.json";
        std::ofstream(target) << "old report\n";
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::execl(AHAKI_BINARY, AHAKI_BINARY, "check", "--format", ("json=" + target).c_str(), input.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(300ms);
        ::kill(child, sig);
        int status = 0;
        ::waitpid(child, &status, 0);
        std::string now = read_file(target);
        if (WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), sig);
            EXPECT_EQ(now, "old report\n");
        } else {
            // Finished before the signal (a very fast machine): then the output is whole.
            EXPECT_EQ(WEXITSTATUS(status), 1);
            EXPECT_EQ(now.substr(0, 1), "{");
            EXPECT_EQ(now.back(), '\n');
        }
        EXPECT_TRUE(temps_in(dir).empty());
    }
}

TEST(Guarantees, SizeLimitStopsRunawayInputsWithAClearMessage) {
    std::string file = source_dir() + "/curricula/compliant/hari-kyu.xml";
    auto size = fs::file_size(file);
    RunResult small = run_binary("check --lang en --max-file-size " + std::to_string(size - 1) + " '" + file + "'");
    EXPECT_EQ(small.exit_code, 2);
    EXPECT_NE(small.out.find(file + ": error: file too large (" + std::to_string(size) + " bytes, limit " +
                             std::to_string(size - 1) + " bytes; change it with --max-file-size)"),
              std::string::npos)
        << small.out;
    RunResult ja = run_binary("check --max-file-size " + std::to_string(size - 1) + " '" + file + "'");
    EXPECT_NE(ja.out.find(file + ": エラー: ファイルが大きすぎます（" + std::to_string(size) + " バイト、上限 " +
                          std::to_string(size - 1) + " バイト。--max-file-size で変更できます）"),
              std::string::npos)
        << ja.out;
    RunResult exact = run_binary("check --max-file-size " + std::to_string(size) + " '" + file + "'");
    EXPECT_EQ(exact.exit_code, 0) << exact.out;
    // The default is 64 MiB.
    RunResult help = run_binary("check --help --lang en");
    EXPECT_NE(help.out.find("--max-file-size arg (=67108864)"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace ahaki::test
