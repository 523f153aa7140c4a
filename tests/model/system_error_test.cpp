// System errors are said in the user's language (an output that cannot be written, a file that cannot be read).
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

#include "model/system_error.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

TEST(SystemError, CommonErrorsInJapaneseAndTheLibrarysEnglish) {
    EXPECT_EQ(system_error_text(ENOENT).ja, "ファイルまたはディレクトリがありません");
    EXPECT_EQ(system_error_text(ENOENT).en, std::strerror(ENOENT));
    EXPECT_EQ(system_error_text(ENOSPC).ja, "デバイスに空き容量がありません");
    EXPECT_EQ(system_error_text(EACCES).ja, "アクセスが許可されていません");
    // One the table does not have: the library's words and the number, in both.
    const Text other = system_error_text(EHOSTUNREACH);
    EXPECT_EQ(other.en, std::string(std::strerror(EHOSTUNREACH)) + " (errno " + std::to_string(EHOSTUNREACH) + ")");
    EXPECT_EQ(other.ja, std::string(std::strerror(EHOSTUNREACH)) + "（errno " + std::to_string(EHOSTUNREACH) + "）");
}

TEST(SystemError, AnOutputThatCannotBeWrittenSaysWhyInBothLanguages) {
    const std::string school = source_dir() + "/curricula/compliant/hari.xml";
    auto ja = run_binary("check --format json=/nonexistent-ahaki-dir/r.json '" + school + "'");
    EXPECT_EQ(ja.exit_code, 2);
    EXPECT_EQ(ja.err, "エラー: /nonexistent-ahaki-dir/r.json に書き込めません: ファイルまたはディレクトリがありません\n");
    auto en = run_binary("check --lang en --format json=/nonexistent-ahaki-dir/r.json '" + school + "'");
    EXPECT_EQ(en.err, "error: cannot write /nonexistent-ahaki-dir/r.json: No such file or directory\n");
    auto t = run_binary("template -o /nonexistent-ahaki-dir/t.xlsx");
    EXPECT_EQ(t.exit_code, 2);
    EXPECT_EQ(t.err, "エラー: /nonexistent-ahaki-dir/t.xlsx に書き込めません: ファイルまたはディレクトリがありません\n");
}

TEST(SystemError, TheTemplatesOutputNameIsEscaped) {
    auto t = run_binary("template -o \"$(printf '/nonexistent-ahaki-dir/\\033[31mred.xlsx')\"");  // an ESC in the name
    EXPECT_EQ(t.exit_code, 2);
    EXPECT_EQ(t.err.find('\x1b'), std::string::npos) << t.err;
    EXPECT_NE(t.err.find("\\x1B[31mred.xlsx"), std::string::npos) << t.err;
}

}  // namespace
}  // namespace ahaki::test
