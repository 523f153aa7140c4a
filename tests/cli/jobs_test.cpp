// --jobs is validated (no wrap-around of negative numbers, a sane upper bound)
// and never starts more threads than there are files; so are the limits' options of check and import,
// and Boost's own option errors are said in the user's language.
#include <gtest/gtest.h>

#include "engine/ordered.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

std::string file() {
    std::string s("'");  // built with append(): GCC 12 warns falsely (-Wrestrict) on "'" + string
    return s.append(source_dir()).append("/curricula/compliant/hari.xml'");
}

TEST(Jobs, BadValuesAreRefusedInBothLanguages) {
    for (std::string bad : {"-1", "257", "4294967297", "abc", "1.5", "", " 2"}) {
        RunResult en = run_binary("check --lang en --jobs '" + bad + "' " + file());
        EXPECT_EQ(en.exit_code, 2) << bad;
        EXPECT_EQ(en.err, "error: --jobs: '" + bad + "' is not a whole number from 0 to 256 (0: all cores)\nsee ahaki-check --help\n");
        RunResult ja = run_binary("check --jobs '" + bad + "' " + file());
        EXPECT_EQ(ja.err, "エラー: --jobs に '" + bad + "' は使えません（0〜256 の整数。0 は全コア）\nahaki-check --help で使い方を表示します\n");
    }
    for (std::string good : {"0", "1", "256"}) {
        RunResult r = run_binary("check --jobs " + good + " " + file());
        EXPECT_EQ(r.exit_code, 0) << good << r.err;
    }
}

TEST(Jobs, LimitsAreWholeNumbersWithoutWrapAround) {
    // Boost reads "-5" into an unsigned as 18446744073709551611: a limit that would silently lift every bound.
    struct Case {
        std::string command, option, value, range;
    };
    const std::string csv = "'" + source_dir() + "/tests/import/fixtures/hari-kyu-ja.csv'";
    const std::string ledger = "'" + source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv'";
    for (const Case& c : {Case{"check " + file(), "--max-file-size", "-5", "1〜1099511627776"},
                          Case{"check " + file(), "--max-file-size", "0", "1〜1099511627776"},
                          Case{"check " + file(), "--max-file-size", "99999999999999999999999", "1〜1099511627776"},
                          Case{"check " + file(), "--max-elements", "-1", "0〜100000000"},
                          Case{"check " + file(), "--years", "-3", "1〜20"},
                          Case{"import --type hari " + csv, "--max-file-size", "-1", "1〜1099511627776"},
                          Case{"import --type hari " + csv, "--max-elements", "1e3", "0〜100000000"},
                          Case{"import --kind clinic --name x " + ledger, "--max-file-size", "-1", "1〜1099511627776"},
                          Case{"import --kind clinic --name x " + ledger, "--max-elements", "-1", "0〜100000000"}}) {
        RunResult r = run_binary(c.command + " " + c.option + " '" + c.value + "'");
        EXPECT_EQ(r.exit_code, 2) << c.command << " " << c.option;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "エラー: " + c.option + " に '" + c.value + "' は使えません（" + c.range + " の整数）")
            << c.command;
    }
    RunResult en = run_binary("check --lang en --max-elements -1 " + file());
    EXPECT_EQ(en.err, "error: --max-elements: '-1' is not a whole number from 0 to 100000000\nsee ahaki-check --help\n");
    // At the bounds: accepted.
    EXPECT_EQ(run_binary("check --max-file-size 1099511627776 --max-elements 100000000 " + file()).exit_code, 0);
}

TEST(Jobs, OptionErrorsAreInTheUsersLanguage) {
    RunResult unknown = run_binary("check --bogus " + file());
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err, "エラー: 未知のオプション --bogus（--help で一覧を表示します）\nahaki-check --help で使い方を表示します\n");
    RunResult twice = run_binary("check --lang en --lang ja " + file());
    EXPECT_EQ(twice.err, "エラー: オプション --lang は1回だけ指定できます\nahaki-check --help で使い方を表示します\n");
    RunResult en = run_binary("check --lang en --bogus " + file());
    EXPECT_EQ(en.err, "error: unrecognised option '--bogus'\nsee ahaki-check --help\n");
}

TEST(Jobs, NeverMoreThreadsThanFiles) {
    EXPECT_EQ(job_count(256, 3), 3u);
    EXPECT_EQ(job_count(2, 1), 1u);
    EXPECT_EQ(job_count(0, 1), 1u);
    EXPECT_EQ(job_count(5, 0), 1u);
    EXPECT_EQ(job_count(4, 100), 4u);
    EXPECT_GE(job_count(0, 1000), 1u);
}

}  // namespace
}  // namespace ahaki::test
