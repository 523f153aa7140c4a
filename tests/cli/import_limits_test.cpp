// import has check's limits: the same input size limit, only regular files or
// standard input (bounded), never an output over its own CSV, and it writes
// only what check accepts.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string q(const std::string& s) { return "'" + s + "'"; }
std::string csv() { return source_dir() + "/tests/import/fixtures/hari-kyu-ja.csv"; }

TEST(ImportLimits, AnOutputOverTheCsvIsRefused) {
    TempDir d("import-out");
    std::string in = d / "c.csv";
    fs::copy_file(csv(), in);
    fs::create_symlink("c.csv", d / "link.xml");
    std::string before = read_file(in);
    for (std::string out : {in, d / "link.xml"}) {
        RunResult en = run_binary("import --lang en --type hari-kyu -o " + q(out) + " " + q(in));
        EXPECT_EQ(en.exit_code, 2);
        EXPECT_EQ(en.err, "error: the output " + out + " is the input " + in + " (an input is never overwritten)\n");
        RunResult ja = run_binary("import --type hari-kyu -o " + q(out) + " " + q(in));
        EXPECT_EQ(ja.err, "エラー: 出力先 " + out + " は入力 " + in + " と同じファイルです（入力は上書きしません）\n");
    }
    RunResult redirected = run_binary("import --lang en --type hari-kyu " + q(in) + " >>" + q(in));
    EXPECT_EQ(redirected.exit_code, 2);
    EXPECT_EQ(redirected.err, "error: standard output is the input " + in + " (an input is never overwritten)\n");
    EXPECT_EQ(read_file(in), before);
}

TEST(ImportLimits, OnlyRegularFilesOrStandardInputAreRead) {
    TempDir d("import-kinds");
    std::string fifo = d / "pipe.csv";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    RunResult en = run_binary("import --lang en --type hari-kyu " + q(fifo));
    EXPECT_EQ(en.exit_code, 2);
    EXPECT_EQ(en.err, fifo + ": error: not a regular file (FIFOs and devices are not read; pass standard input as -) "
                             "(expected: a readable CSV file (or - for standard input))\n");
    RunResult ja = run_binary("import --type hari-kyu " + q(fifo));
    EXPECT_EQ(ja.err, fifo + ": エラー: 通常のファイルではありません（FIFO やデバイスは読みません。標準入力は - で渡します）"
                             "（期待: 読み取れる CSV ファイル（または標準入力 -））\n");
    RunResult dir = run_binary("import --lang en --type hari-kyu " + q(d.str()));
    EXPECT_EQ(dir.err, d.str() + ": error: it is a directory (expected: a readable CSV file (or - for standard input))\n");
    // Standard input, with a name.
    RunResult piped = run_binary("import --lang en --type hari-kyu --name 東洋学院 - <" + q(csv()));
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_NE(piped.out.find("name=\"東洋学院\""), std::string::npos);
    RunResult nameless = run_binary("import --lang en --type hari-kyu - <" + q(csv()));
    EXPECT_EQ(nameless.exit_code, 2);
    EXPECT_EQ(nameless.err, "error: give the school name with --name when reading standard input\nsee ahaki-check import --help\n");
}

TEST(ImportLimits, TheSizeLimitIsCheckSOwn) {
    auto size = fs::file_size(csv());
    std::string limit = std::to_string(size - 1);
    RunResult en = run_binary("import --lang en --type hari-kyu --max-file-size " + limit + " " + q(csv()));
    EXPECT_EQ(en.exit_code, 2);
    EXPECT_EQ(en.err, csv() + ": error: file too large (" + std::to_string(size) + " bytes, limit " + limit +
                          " bytes; change it with --max-file-size) (expected: a readable CSV file (or - for standard input))\n");
    RunResult ja = run_binary("import --type hari-kyu --max-file-size " + limit + " " + q(csv()));
    EXPECT_EQ(ja.err, csv() + ": エラー: ファイルが大きすぎます（" + std::to_string(size) + " バイト、上限 " + limit +
                          " バイト。--max-file-size で変更できます）（期待: 読み取れる CSV ファイル（または標準入力 -））\n");
    // Standard input is cut at the limit, not read to its end.
    RunResult piped = run_binary("import --lang en --type hari-kyu --name x --max-file-size 100 - </dev/zero");
    EXPECT_EQ(piped.exit_code, 2);
    EXPECT_EQ(piped.err, "-: error: file too large (limit 100 bytes; change it with --max-file-size) "
                         "(expected: a readable CSV file (or - for standard input))\n");
    // What it writes must fit the limit too (the XML is larger than the CSV).
    RunResult out = run_binary("import --lang en --type hari-kyu --max-file-size " + std::to_string(size) + " " + q(csv()));
    EXPECT_EQ(out.exit_code, 2);
    EXPECT_NE(out.err.find(csv() + ": error: the converted XML is too large "), std::string::npos) << out.err;  // after the import's notes
    // The default is check's 64 MiB.
    RunResult help = run_binary("import --help --lang en");
    EXPECT_NE(help.out.find("--max-file-size arg (=67108864)"), std::string::npos) << help.out;
}

TEST(ImportLimits, ANameThatIsNotUtf8IsRefused) {
    RunResult en = run_binary("import --lang en --type hari-kyu --name \"$(printf '\\377\\376')\" " + q(csv()));
    EXPECT_EQ(en.exit_code, 2);
    EXPECT_EQ(en.err, "error: the school name (--name or the file's name) is not UTF-8 text\nsee ahaki-check import --help\n");
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

std::string ledger() { return source_dir() + "/tests/import/sheets/ledger-layout.csv"; }

// import --kind clinic has the same limits as import and check.
TEST(ImportLimits, TheClinicLedgerImportReadsOnlyRegularFilesOrStandardInputWithALimit) {
    TempDir d("import-ledger-kinds");
    std::string fifo = d / "pipe.csv";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    RunResult en = run_binary("import --kind clinic --lang en " + q(fifo));
    EXPECT_EQ(en.exit_code, 2);
    EXPECT_EQ(en.err, fifo + ": error: not a regular file (FIFOs and devices are not read; pass standard input as -) "
                             "(expected: a readable ledger (CSV or .xlsx, or - for standard input))\n");
    RunResult ja = run_binary("import --kind clinic " + q(fifo));
    EXPECT_EQ(ja.err, fifo + ": エラー: 通常のファイルではありません（FIFO やデバイスは読みません。標準入力は - で渡します）"
                             "（期待: 読み取れる施術台帳（CSV か .xlsx、または標準入力 -））\n");
    const std::string size = std::to_string(fs::file_size(ledger()));
    RunResult at_limit = run_binary("import --kind clinic --lang en --max-file-size " + size + " " + q(ledger()));
    EXPECT_EQ(at_limit.exit_code, 0) << at_limit.err;
    const std::string below = std::to_string(fs::file_size(ledger()) - 1);
    RunResult over = run_binary("import --kind clinic --lang en --max-file-size " + below + " " + q(ledger()));
    EXPECT_EQ(over.exit_code, 2);
    EXPECT_EQ(over.err, ledger() + ": error: file too large (" + size + " bytes, limit " + below +
                            " bytes; change it with --max-file-size) (expected: a readable ledger (CSV or .xlsx, or - for standard input))\n");
    RunResult piped = run_binary("import --kind clinic --lang en --name 青葉鍼灸院 - <" + q(ledger()));
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_NE(piped.out.find("name=\"青葉鍼灸院\""), std::string::npos);
    RunResult nameless = run_binary("import --kind clinic --lang en - <" + q(ledger()));
    EXPECT_EQ(nameless.exit_code, 2);
    EXPECT_EQ(nameless.err, "error: give the clinic name with --name when reading standard input\nsee ahaki-check import --kind clinic --help\n");
}

TEST(ImportLimits, MoreRowsThanCheckReadsAreRefusedAtTheRowWhereTheLimitIsPassed) {
    // 20,005 subjects: the school element, the course and 19,998 subjects fit in check's 20,000 elements,
    // so the sheet's line 20,000 (the 19,999th subject) is the first that check would refuse.
    TempDir d("import-many");
    std::string in = d / "many.csv", out = d / "many.xml";
    {
        std::ofstream f(in);
        f << "科目名,教育内容,授業方法,単位数,時間数\n";
        for (int i = 0; i < 20005; ++i) f << "科目" << i << ",人体の構造と機能,講義,2,60\n";
    }
    RunResult ja = run_binary("import --type hari -o " + q(out) + " " + q(in));
    EXPECT_EQ(ja.exit_code, 2);
    EXPECT_EQ(ja.err, in + ":20000:1: エラー: 要素が多すぎます（20000 個まで。学校の記述に必要なのは数百個です。--max-elements で変更できます）"
                           "（期待: 20000 個までの要素）\n変換しませんでした。出力ファイルは作っていません。\n");
    EXPECT_FALSE(fs::exists(out));
    RunResult en = run_binary("import --lang en --type hari -o " + q(out) + " " + q(in));
    EXPECT_EQ(en.err, in + ":20000:1: error: too many elements (at most 20000; a school description needs a few hundred; change it with "
                           "--max-elements) (expected: at most 20000 elements)\nnothing converted; no output file was written.\n");
    // The same limit for check of the sheet itself, and one --max-elements for both.
    EXPECT_NE(run_binary("check --type hari " + q(in)).out.find(in + ":20000:1: エラー: 要素が多すぎます"), std::string::npos);
    RunResult more = run_binary("import --type hari --max-elements 30000 -o " + q(out) + " " + q(in));
    EXPECT_EQ(more.exit_code, 0) << more.err;
    EXPECT_EQ(run_binary("check --max-elements 30000 " + q(out)).exit_code, 1);  // read, and short of every area's units
    EXPECT_EQ(run_binary("check " + q(out)).exit_code, 2);
}

TEST(ImportLimits, ALedgerOverTheElementLimitIsRefusedAtItsRow) {
    const std::string ledger = source_dir() + "/tests/import/fixtures/clinic-ledger-ja.csv";
    RunResult r = run_binary("import --kind clinic --name x --max-elements 10 " + q(ledger));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, ledger + ":7:1: エラー: 要素が多すぎます（10 個まで。施術所の1年分の記述でも数万個までです。--max-elements で変更できます）"
                              "（期待: 10 個までの要素）\n変換しませんでした。出力ファイルは作っていません。\n");
    const std::string book = source_dir() + "/tests/import/sheets/ledger-layout.xlsx";
    RunResult x = run_binary("import --kind clinic --lang en --name x --max-elements 10 " + q(book));
    EXPECT_EQ(x.exit_code, 2);
    EXPECT_EQ(x.err.substr(0, x.err.find(": error")), book + ":来院記録!A9");
}

}  // namespace
}  // namespace ahaki::test
