// --jobs is validated (no wrap-around of negative numbers, a sane upper bound)
// and never starts more threads than there are files.
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
