// Outputs never destroy anything: an output that is an input, two outputs to one
// file, directories and block devices are refused before anything is written;
// FIFOs and character devices are written to, never replaced; a symlink stays a
// symlink; modes follow the umask or the replaced file; no temporary is left
// after any signal that can be caught; long output names work.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/output.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string compliant() { return source_dir() + "/curricula/compliant/hari-kyu.xml"; }

std::string q(const std::string& s) { return "'" + s + "'"; }

std::vector<std::string> temps_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().string());
    return out;
}

void write(const std::string& path, const std::string& content) { std::ofstream(path, std::ios::binary) << content; }

/// Runs `check` in both languages and expects exit 2 with exactly these stderr lines.
void expect_refused(const std::string& args, const std::string& ja, const std::string& en) {
    RunResult j = run_binary("check " + args);
    EXPECT_EQ(j.exit_code, 2) << j.err;
    EXPECT_EQ(j.err, "エラー: " + ja + "\n");
    EXPECT_EQ(j.out, "");
    RunResult e = run_binary("check --lang en " + args);
    EXPECT_EQ(e.exit_code, 2) << e.err;
    EXPECT_EQ(e.err, "error: " + en + "\n");
}

TEST(OutputSafety, AnOutputThatIsACheckedFileIsRefusedBeforeAnythingIsWritten) {
    TempDir d("out-input");
    std::string in = d / "school.xml";
    fs::copy_file(compliant(), in);
    std::string before = read_file(in);
    fs::create_symlink("school.xml", d / "link.xml");
    fs::create_hard_link(in, d / "hard.xml");
    // The same file under its own name, through a symlink, through a hard link; the other output is not written either.
    for (std::string out : {in, d / "link.xml", d / "hard.xml", d / "." + std::string("/school.xml")}) {
        expect_refused("--format text=" + q(d / "other.txt") + " --format json=" + q(out) + " " + q(in),
                       "出力先 " + out + " は入力 " + in + " と同じファイルです（入力は上書きしません）",
                       "the output " + out + " is the input " + in + " (an input is never overwritten)");
        EXPECT_EQ(read_file(in), before);
        EXPECT_FALSE(fs::exists(d / "other.txt"));
    }
    // A file found in a checked directory.
    expect_refused("--format junit=" + q(in) + " " + q(d.str()),
                   "出力先 " + in + " は入力 " + d / "hard.xml" + " と同じファイルです（入力は上書きしません）",
                   "the output " + in + " is the input " + d / "hard.xml" + " (an input is never overwritten)");
    EXPECT_EQ(read_file(in), before);
    EXPECT_TRUE(temps_in(d.str()).empty());
}

TEST(OutputSafety, AnOutputThatIsTheWaiverOrAStandardFileIsRefused) {
    TempDir d("out-aux");
    std::string waivers = d / "waivers.xml", standard = d / "standard.xml";
    fs::copy_file(source_dir() + "/tests/report/fixtures/waivers.xml", waivers);
    fs::copy_file(source_dir() + "/schemas/standards/ahaki-2018.xml", standard);
    std::string w = read_file(waivers), s = read_file(standard);
    expect_refused("--waivers " + q(waivers) + " --format sarif=" + q(waivers) + " " + q(compliant()),
                   "出力先 " + waivers + " は入力 " + waivers + " と同じファイルです（入力は上書きしません）",
                   "the output " + waivers + " is the input " + waivers + " (an input is never overwritten)");
    expect_refused("--standard " + q(standard) + " --format html=" + q(standard) + " " + q(compliant()),
                   "出力先 " + standard + " は入力 " + standard + " と同じファイルです（入力は上書きしません）",
                   "the output " + standard + " is the input " + standard + " (an input is never overwritten)");
    EXPECT_EQ(read_file(waivers), w);
    EXPECT_EQ(read_file(standard), s);
}

TEST(OutputSafety, StandardOutputThatIsAnInputIsRefused) {
    TempDir d("out-stdout");
    std::string in = d / "school.xml";
    fs::copy_file(compliant(), in);
    std::string before = read_file(in);
    RunResult r = run_binary("check --lang en --format json " + q(in) + " >>" + q(in));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: standard output is the input " + in + " (an input is never overwritten)\n");
    EXPECT_EQ(read_file(in), before);
}

TEST(OutputSafety, TwoOutputsToOneFileAreRefused) {
    TempDir d("out-twice");
    fs::create_directories(d / "sub");
    std::string a = d / "r.json", b = d / "sub/../r.json";
    expect_refused("--format json=" + q(a) + " --format sarif=" + q(b) + " " + q(compliant()),
                   "出力先 " + a + " と " + b + " は同じファイルです（出力ごとに別のファイルを指定します）",
                   "two outputs go to the same file: " + a + " and " + b + " (give each output its own file)");
    EXPECT_FALSE(fs::exists(a));
    // An existing file reached through a symlink.
    write(a, "old\n");
    fs::create_symlink("r.json", d / "l.json");
    expect_refused("--format json=" + q(a) + " --format sarif=" + q(d / "l.json") + " " + q(compliant()),
                   "出力先 " + a + " と " + d / "l.json" + " は同じファイルです（出力ごとに別のファイルを指定します）",
                   "two outputs go to the same file: " + a + " and " + d / "l.json" + " (give each output its own file)");
    EXPECT_EQ(read_file(a), "old\n");
    // /dev/stdout is standard output.
    RunResult r = run_binary("check --lang en --format text --format json=/dev/stdout " + q(compliant()));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("error: only one format can go to standard output"), std::string::npos) << r.err;
    RunResult ok = run_binary("check --lang en --format json=/dev/stdout " + q(compliant()));
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_EQ(ok.out.substr(0, 2), "{\"");
}

TEST(OutputSafety, DirectoriesAndBlockDevicesAreRefused) {
    TempDir d("out-kinds");
    expect_refused("--format json=" + q(d.str()) + " " + q(compliant()), "" + d.str() + " に書き込めません: ディレクトリです",
                   "cannot write " + d.str() + ": it is a directory");
    if (::geteuid() != 0) GTEST_SKIP() << "making a block device node needs root";
    std::string blk = d / "disk";
    // A block device number no disk uses here (loop device 250): refused before it is opened.
    ASSERT_EQ(::mknod(blk.c_str(), S_IFBLK | 0600, makedev(7, 250)), 0) << std::strerror(errno);
    expect_refused("--format json=" + q(blk) + " " + q(compliant()),
                   blk + " に書き込めません: ブロックデバイスです（報告書はブロックデバイスには書きません）",
                   "cannot write " + blk + ": it is a block device (reports are never written to a block device)");
    struct stat st {};
    ASSERT_EQ(::lstat(blk.c_str(), &st), 0);
    EXPECT_TRUE(S_ISBLK(st.st_mode));
}

// As root in a container a replaced device node would be gone for good: the
// report is written into the device, and the node stays what it was.
TEST(OutputSafety, ACharacterDeviceIsWrittenToAndNotReplaced) {
    if (::geteuid() != 0) GTEST_SKIP() << "making a device node needs root";
    TempDir d("out-device");
    std::string dev = d / "null";
    ASSERT_EQ(::mknod(dev.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0) << std::strerror(errno);  // the numbers of /dev/null
    fs::create_symlink("null", d / "null-link");
    for (std::string format : {"json", "html", "sarif", "junit", "github", "text"}) {
        RunResult r = run_binary("check --lang en --format " + format + "=" + q(dev) + " --format github-summary=" +
                                 q(d / "null-link") + " " + q(compliant()));
        EXPECT_EQ(r.exit_code, 0) << format << ": " << r.err;
        EXPECT_EQ(r.err, "");
        struct stat st {};
        ASSERT_EQ(::lstat(dev.c_str(), &st), 0);
        EXPECT_TRUE(S_ISCHR(st.st_mode)) << format << ": the device node was replaced";
        EXPECT_EQ(st.st_rdev, makedev(1, 3));
        ASSERT_EQ(::lstat((d / "null-link").c_str(), &st), 0);
        EXPECT_TRUE(S_ISLNK(st.st_mode));
    }
    EXPECT_TRUE(temps_in(d.str()).empty());
}

TEST(OutputSafety, AFifoIsStreamedInto) {
    TempDir d("out-fifo");
    std::string fifo = d / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string got;
    std::thread reader([&] { got = read_file(fifo); });
    RunResult r = run_binary("check --lang en --format json=" + q(fifo) + " " + q(compliant()) + " " + q(compliant()));
    reader.join();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    ASSERT_GT(got.size(), 2u);
    EXPECT_EQ(got.substr(0, 2), "{\"");
    EXPECT_EQ(got.substr(got.size() - 3), "]}\n");
    struct stat st {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_TRUE(temps_in(d.str()).empty());
    // Two outputs into one FIFO would interleave: refused.
    expect_refused("--format json=" + q(fifo) + " --format sarif=" + q(fifo) + " " + q(compliant()),
                   "出力先 " + fifo + " と " + fifo + " は同じファイルです（出力ごとに別のファイルを指定します）",
                   "two outputs go to the same file: " + fifo + " and " + fifo + " (give each output its own file)");
}

TEST(OutputSafety, ASymlinkStaysASymlinkAndItsTargetIsReplacedInItsOwnDirectory) {
    TempDir d("out-symlink");
    fs::create_directories(d / "real");
    fs::create_directories(d / "links");
    write(d / "real/report.json", "old\n");
    ::chmod((d / "real/report.json").c_str(), 0640);
    fs::create_symlink("../real/report.json", d / "links/report.json");
    RunResult r = run_binary("check --format json=" + q(d / "links/report.json") + " " + q(compliant()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_symlink(d / "links/report.json"));
    EXPECT_EQ(fs::read_symlink(d / "links/report.json"), "../real/report.json");
    std::string now = read_file(d / "real/report.json");
    EXPECT_EQ(now.substr(0, 2), "{\"");
    struct stat st {};
    ASSERT_EQ(::stat((d / "real/report.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_TRUE(temps_in(d / "real").empty());
    EXPECT_TRUE(temps_in(d / "links").empty());
    // A dangling link: the file it names is created.
    fs::create_symlink("../real/new.json", d / "links/new.json");
    RunResult n = run_binary("check --format sarif=" + q(d / "links/new.json") + " " + q(compliant()));
    EXPECT_EQ(n.exit_code, 0) << n.err;
    EXPECT_TRUE(fs::is_symlink(d / "links/new.json"));
    EXPECT_TRUE(fs::is_regular_file(d / "real/new.json"));
    // A loop.
    fs::create_symlink("b", d / "a");
    fs::create_symlink("a", d / "b");
    expect_refused("--format json=" + q(d / "a") + " " + q(compliant()),
                   d / "a" + " に書き込めません: シンボリックリンクが多すぎます（循環しています）",
                   "cannot write " + d / "a" + ": Too many levels of symbolic links");
}

TEST(OutputSafety, NewReportsFollowTheUmaskAndReplacedOnesKeepTheirMode) {
    TempDir d("out-mode");
    mode_t old = ::umask(027);
    RunResult r = run_binary("check --format json=" + q(d / "new.json") + " --format html=" + q(d / "new.html") + " " + q(compliant()));
    ::umask(077);
    write(d / "kept.json", "old\n");
    ::chmod((d / "kept.json").c_str(), 0604);
    RunResult k = run_binary("check --format json=" + q(d / "kept.json") + " " + q(compliant()));
    ::umask(old);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(k.exit_code, 0) << k.err;
    struct stat st {};
    ASSERT_EQ(::stat((d / "new.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    ASSERT_EQ(::stat((d / "new.html").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    ASSERT_EQ(::stat((d / "kept.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0604u);
    EXPECT_NE(read_file(d / "kept.json"), "old\n");
}

TEST(OutputSafety, LongOutputNamesWork) {
    TempDir d("out-long");
    for (std::size_t n : {240u, 250u, 255u}) {
        std::string name = std::string(n - 5, 'r') + ".json";
        RunResult r = run_binary("check --format json=" + q(d / name) + " " + q(compliant()));
        EXPECT_EQ(r.exit_code, 0) << n << ": " << r.err;
        EXPECT_TRUE(fs::is_regular_file(d / name)) << n;
    }
    // Japanese: cut at a character, not inside one.
    std::string ja;
    while (ja.size() + 3 <= 250) ja += "報";
    RunResult r = run_binary("check --format json=" + q(d / ja) + " " + q(compliant()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(temps_in(d.str()).empty());
}

// Every signal that ends a process and can be caught: the temporary goes with it.
TEST(OutputSafety, NoTemporaryIsLeftAfterAnyCatchableSignal) {
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXFSZ, SIGXCPU, SIGVTALRM,
                    SIGPROF, SIGPOLL, SIGPWR, SIGSYS, SIGTRAP}) {
        TempDir d("out-signal");
        std::string target = d / "out.json";
        write(target, "old report\n");
        int ready[2];
        ASSERT_EQ(::pipe(ready), 0);
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            struct rlimit none {0, 0};
            ::setrlimit(RLIMIT_CORE, &none);  // SIGQUIT, SIGXFSZ… would dump core
            cli::AtomicFile f(target);
            if (!f.open()) ::_exit(3);
            std::string chunk(1 << 16, 'x');
            (void)!::write(ready[1], "r", 1);
            for (;;) {
                f.write(chunk);
                std::this_thread::sleep_for(1ms);
            }
        }
        ::close(ready[1]);
        char c = 0;
        ASSERT_EQ(::read(ready[0], &c, 1), 1);
        ::close(ready[0]);
        EXPECT_EQ(temps_in(d.str()).size(), 1u);
        ::kill(child, sig);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFSIGNALED(status)) << strsignal(sig);
        if (WIFSIGNALED(status)) {
            EXPECT_EQ(WTERMSIG(status), sig);
        }
        EXPECT_TRUE(temps_in(d.str()).empty()) << "temporary left behind after " << strsignal(sig);
        EXPECT_EQ(read_file(target), "old report\n");
    }
}

TEST(OutputSafety, TheSignalListCoversEveryAsynchronousTerminatingSignal) {
    auto list = cli::cleanup_signals();
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXFSZ, SIGXCPU, SIGVTALRM,
                    SIGPROF, SIGPOLL, SIGPWR, SIGSYS, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGSEGV})
        EXPECT_NE(std::find(list.begin(), list.end(), sig), list.end()) << strsignal(sig);
}

}  // namespace
}  // namespace ahaki::test
