// Directories and repeats: every entry of a checked directory that cannot be
// checked is reported (exit 2, never a silent 0), and each file is checked once
// however many times and under whatever names it is given.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>

#include "engine/engine.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string compliant() { return source_dir() + "/curricula/compliant/hari-kyu.xml"; }

TEST(ExpandPaths, TheSameFileUnderSeveralNamesIsCheckedOnce) {
    TempDir d("expand-repeat");
    fs::create_directories(d / "sub");
    fs::copy_file(compliant(), d / "sub/a.xml");
    fs::create_hard_link(d / "sub/a.xml", d / "sub/hard.xml");
    fs::create_symlink("a.xml", d / "sub/link.xml");
    Expanded e = expand_paths({d / "sub/a.xml", d.str(), d / "sub/./a.xml", d / "sub/link.xml", d / "sub/a.xml"});
    EXPECT_TRUE(e.errors.empty());
    ASSERT_EQ(e.files.size(), 1u);
    EXPECT_EQ(e.files[0], d / "sub/a.xml");
    // Through the binary: one file, exit 0.
    RunResult r = run_binary("check --lang en '" + d.str() + "' '" + d / "sub/a.xml" + "'");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out.find("1 files"), std::string::npos) << "one file gives no total line: " << r.out;
    EXPECT_EQ(r.out.rfind(d / "sub/a.xml: ", 0), 0u) << r.out;
    // A missing file given twice is reported once.
    Expanded m = expand_paths({d / "missing.xml", d / "missing.xml"});
    EXPECT_EQ(m.files.size(), 1u);
}

TEST(ExpandPaths, DifferentFilesWithTheSameContentAreBothChecked) {
    TempDir d("expand-copies");
    fs::copy_file(compliant(), d / "a.xml");
    fs::copy_file(compliant(), d / "b.xml");
    Expanded e = expand_paths({d.str()});
    EXPECT_EQ(e.files, (std::vector<std::string>{d / "a.xml", d / "b.xml"}));
}

TEST(ExpandPaths, EveryBadEntryIsReportedInOrderAndTheGoodOnesAreChecked) {
    TempDir d("expand-bad");
    fs::copy_file(compliant(), d / "good.xml");
    fs::create_symlink("nowhere", d / "dangling.xml");
    fs::create_symlink("dangling-other", d / "notes.txt");  // not *.xml: not ours
    ASSERT_EQ(::mkfifo((d / "pipe.xml").c_str(), 0644), 0);
    ASSERT_EQ(::mkfifo((d / "pipe.txt").c_str(), 0644), 0);
    fs::create_directories(d / "linked");
    fs::copy_file(compliant(), d / "linked/other.xml");
    fs::create_symlink("linked", d / "via-link");  // a symlinked directory is followed
    Expanded e = expand_paths({d.str()});
    ASSERT_EQ(e.errors.size(), 2u);
    EXPECT_EQ(e.errors[0].file, d / "dangling.xml");
    EXPECT_EQ(e.errors[0].message.en, "a symbolic link whose target does not exist");
    EXPECT_EQ(e.errors[1].file, d / "pipe.xml");
    EXPECT_EQ(e.files, (std::vector<std::string>{d / "good.xml", d / "linked/other.xml"}));
    RunResult r = run_binary("check --lang en '" + d.str() + "'");
    EXPECT_EQ(r.exit_code, 2);
}

TEST(ExpandPaths, ADeviceNamedXmlInADirectoryIsReported) {
    if (::geteuid() != 0) GTEST_SKIP() << "making a device node needs root";
    TempDir d("expand-device");
    fs::copy_file(compliant(), d / "good.xml");
    ASSERT_EQ(::mknod((d / "null.xml").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
    RunResult en = run_binary("check --lang en '" + d.str() + "'");
    EXPECT_EQ(en.exit_code, 2);
    EXPECT_EQ(en.out.substr(0, en.out.find('\n')),
              d / "null.xml" + ": error: a device (devices found in a directory are not read) (expected: a readable school description file (*.xml))");
    RunResult ja = run_binary("check '" + d.str() + "'");
    EXPECT_EQ(ja.out.substr(0, ja.out.find('\n')),
              d / "null.xml" + ": エラー: デバイスです（ディレクトリの中のデバイスは読みません）（期待: 学校の記述（*.xml）の読めるファイル）");
    struct stat st {};
    ASSERT_EQ(::lstat((d / "null.xml").c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(ExpandPaths, AnUnreadableSubdirectoryIsReported) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
    TempDir d("expand-unreadable");
    fs::copy_file(compliant(), d / "good.xml");
    fs::create_directories(d / "closed");
    ::chmod((d / "closed").c_str(), 0);
    Expanded e = expand_paths({d.str()});
    ::chmod((d / "closed").c_str(), 0755);
    ASSERT_EQ(e.errors.size(), 1u);
    EXPECT_EQ(e.errors[0].file, d / "closed");
    EXPECT_EQ(e.errors[0].message.en, "cannot read the directory: Permission denied");
}

}  // namespace
}  // namespace ahaki::test
