#include <gtest/gtest.h>

#include <sstream>

#include "cli/progress.hpp"

namespace ahaki::cli {
namespace {

TEST(Progress, RedrawsOneLineAndErasesIt) {
    std::ostringstream err;
    {
        Progress p(err, Lang::en, std::chrono::milliseconds(0));
        p.update(1, 12);
        p.update(12, 12);
        p.finish();
        p.finish();  // idempotent
    }
    EXPECT_EQ(err.str(), "\r\x1b[K[ 1/12] 8% checking…\r\x1b[K[12/12] 100% checking…\r\x1b[K");
}

TEST(Progress, ThrottlesButAlwaysShowsTheLastFile) {
    std::ostringstream err;
    Progress p(err, Lang::ja, std::chrono::hours(1));
    p.update(1, 3);
    p.update(2, 3);  // within the interval: skipped
    p.update(3, 3);  // the end: always drawn
    p.finish();
    EXPECT_EQ(err.str(), "\r\x1b[K[1/3] 33% 確認中…\r\x1b[K[3/3] 100% 確認中…\r\x1b[K");
}

TEST(Progress, NothingShownNothingErased) {
    std::ostringstream err;
    { Progress p(err, Lang::en); }
    EXPECT_EQ(err.str(), "");
}

}  // namespace
}  // namespace ahaki::cli
