// The streamed HTML report through the CLI: html=FILE and html=DIR/ in one run (--jobs 2,
// --cross-check, --html-detail full) have the bytes of the whole-run writers for the same
// files; a page of html=DIR/ is checked like any output before anything is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/cross.hpp"
#include "report/report.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

namespace fs = std::filesystem;

std::string q(const std::string& s) { return "'" + s + "'"; }

std::vector<std::string> some_files() {
    const std::string c = source_dir() + "/curricula/";
    return {c + "complete/hari-kyu.xml", c + "complete/anma-hari-kyu.xml", c + "non-compliant/CUR-001-practical-training-below-minimum.xml",
            c + "clinics/compliant/2024-10-aoba.xml", source_dir() + "/tests/bad-input/files/empty.xml"};
}

TEST(HtmlStreamCli, FileAndPagesAreTheWholeRunsBytes) {
    TempDir d("html-stream-cli");
    const auto files = some_files();
    for (bool full : {false, true}) {
        // Built with append(): GCC 12 warns falsely (-Wrestrict) on a chain of string + string.
        std::string args = "check --lang en --cross-check --jobs 2 --fail-on never";
        if (full) args.append(" --html-detail full");
        args.append(" --format html=").append(q(d / "r.html")).append(" --format html=").append(q(d / "pages/"));
        for (const auto& f : files) args.append(" ").append(q(f));
        RunResult r = run_binary(args);
        ASSERT_EQ(r.exit_code, 2) << r.err;  // empty.xml cannot be checked
        RunOptions options;
        options.keep_models = true;
        RunReport run;
        run.standards = &standards();
        run.files = check_files(files, standards(), options);
        cross_check(run.files);
        const HtmlOptions o{Lang::en, full};
        EXPECT_EQ(read_file(d / "r.html"), write_html(run, o)) << full;
        std::size_t n = 0;
        for (const auto& page : write_html_pages(run, o)) {
            EXPECT_EQ(read_file(d / ("pages/" + page.name)), page.html) << page.name;
            ++n;
        }
        EXPECT_EQ(n, files.size() + 1);
        EXPECT_EQ(static_cast<std::size_t>(std::distance(fs::directory_iterator(d.path / "pages"), fs::directory_iterator())), n);
    }
}

TEST(HtmlStreamCli, APageThatIsALinkToAnInputIsRefusedBeforeAnythingIsWritten) {
    TempDir d("html-stream-link");
    const std::string school = read_file(source_dir() + "/curricula/complete/hari-kyu.xml");
    std::ofstream(d / "a.xml") << school;
    fs::create_directories(d.path / "out");
    fs::create_symlink(d / "a.xml", d / "out/001-a.html");
    RunResult r = run_binary("check --lang en --format html=" + q(d / "out/") + " " + q(d / "a.xml"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "error: the output " + d / "out/001-a.html" + " is the input " + d / "a.xml" + " (an input is never overwritten)\n");
    EXPECT_EQ(read_file(d / "a.xml"), school);
    EXPECT_FALSE(fs::exists(d / "out/index.html"));
    // A page that is a directory: refused too, with the reason, and nothing written.
    fs::remove(d / "out/001-a.html");
    fs::create_directories(d.path / "out/001-a.html");
    RunResult dir = run_binary("check --lang en --format html=" + q(d / "out/") + " " + q(d / "a.xml"));
    EXPECT_EQ(dir.exit_code, 2);
    EXPECT_EQ(dir.err, "error: cannot write " + d / "out/001-a.html" + ": it is a directory\n");
    EXPECT_FALSE(fs::exists(d / "out/index.html"));
    // Once the way is clear, the pages are written.
    fs::remove(d / "out/001-a.html");
    EXPECT_EQ(run_binary("check --format html=" + q(d / "out/") + " " + q(d / "a.xml")).exit_code, 0);
    EXPECT_TRUE(fs::is_regular_file(d / "out/001-a.html"));
    EXPECT_TRUE(fs::is_regular_file(d / "out/index.html"));
}

}  // namespace
}  // namespace ahaki::test
