// The binary with several outputs, waivers, parallel jobs and the progress line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {
namespace fs = std::filesystem;

std::string src(const std::string& rel) { return "'" + source_dir() + "/" + rel + "'"; }

TEST(CliReports, TwoFilesAndTextOnStdoutInOneRun) {
    TempDir d("cli");
    auto r = run_binary("check --lang en --format text --format sarif=" + d / "out.sarif" + " --format junit=" + d / "out.xml" +
                        " " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("hari.xml: partially checked"), std::string::npos) << r.out;
    auto sarif = boost::json::parse(read_file(d / "out.sarif"));
    EXPECT_EQ(sarif.at("version").as_string(), "2.1.0");
    pugi::xml_document junit;
    ASSERT_TRUE(junit.load_file((d / "out.xml").c_str()));
    EXPECT_EQ(junit.child("testsuites").attribute("failures").as_int(), 0);
    EXPECT_GT(junit.child("testsuites").attribute("tests").as_int(), 30);
    EXPECT_EQ(d.entries(), (std::vector<std::string>{"out.sarif", "out.xml"}));  // no temporary file left
}

TEST(CliReports, EveryFormatIsListedAndAccepted) {
    auto help = run_binary("check --help --lang en");
    for (const char* name : {"text", "json", "sarif", "junit", "github", "github-summary"}) {
        EXPECT_NE(help.out.find(name), std::string::npos) << name;
        TempDir d("cli");
        auto r = run_binary("check --format " + std::string(name) + "=" + d / "out" + " " + src("curricula/compliant/kyu.xml"));
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    }
}

TEST(CliReports, UnwritableOutputFailsAndLeavesNothing) {
    TempDir d("cli");
    // The directory does not exist: mkstemp fails.
    auto r = run_binary("check --lang en --format sarif=" + d / "missing/out.sarif" + " " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("error: cannot write " + d / "missing/out.sarif"), std::string::npos) << r.err;
    // The target is a directory: refused before anything is written, the other output included.
    fs::create_directories(d / "taken.xml");
    auto r2 = run_binary("check --lang en --format junit=" + d / "taken.xml" + " --format json=" + d / "ok.json" + " " +
                         src("curricula/compliant/hari.xml"));
    EXPECT_EQ(r2.exit_code, 2);
    EXPECT_NE(r2.err.find("cannot write"), std::string::npos);
    EXPECT_NE(r2.err.find("error: cannot write " + d / "taken.xml" + ": it is a directory\n"), std::string::npos) << r2.err;
    EXPECT_EQ(d.entries(), (std::vector<std::string>{"taken.xml"}));
    EXPECT_TRUE(fs::is_empty(d / "taken.xml"));
}

TEST(CliReports, ExistingReportIsReplacedWhole) {
    TempDir d("cli");
    {
        std::ofstream(d / "r.json") << std::string(100000, 'x');
    }
    auto r = run_binary("check --format json=" + d / "r.json" + " " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(r.exit_code, 0);
    auto text = read_file(d / "r.json");
    EXPECT_EQ(text.find('x' + std::string(10, 'x')), std::string::npos);
    EXPECT_NO_THROW(boost::json::parse(text));
}

TEST(CliReports, ReportsAreWrittenForInputThatCouldNotBeChecked) {
    TempDir d("cli");
    {
        std::ofstream(d / "bad.xml") << "<school";
    }
    auto r = run_binary("check --format sarif=" + d / "out.sarif" + " " + d / "bad.xml");
    EXPECT_EQ(r.exit_code, 2);
    auto sarif = boost::json::parse(read_file(d / "out.sarif"));
    EXPECT_EQ(sarif.at("runs").at(0).at("results").at(0).at("ruleId").as_string(), "LOAD");
}

const std::string waivers = "tests/report/fixtures/waivers.xml";

TEST(CliWaivers, WaivedFindingNoLongerFails) {
    std::string file = src("curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml");
    EXPECT_EQ(run_binary("check " + file).exit_code, 1);
    auto r = run_binary("check --lang en --today 2026-06-01 --waivers " + src(waivers) + " " + file);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("(waived: "), std::string::npos);
    EXPECT_NE(r.out.find("waiver W-old (CUR-005) expired on 2026-05-31"), std::string::npos);
    EXPECT_NE(r.out.find("waiver W-none (CUR-001, target curricula/compliant/*.xml) matches no finding"), std::string::npos);
    // Expired and unmatched waivers are warnings: they fail with --fail-on warning.
    EXPECT_EQ(run_binary("check --fail-on warning --today 2026-06-01 --waivers " + src(waivers) + " " + file).exit_code, 1);
}

TEST(CliWaivers, ExpiredWaiverStopsApplying) {
    std::string file = src("curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml");
    EXPECT_EQ(run_binary("check --today 2026-12-31 --waivers " + src(waivers) + " " + file).exit_code, 0);
    EXPECT_EQ(run_binary("check --today 2027-01-01 --waivers " + src(waivers) + " " + file).exit_code, 1);
}

TEST(CliWaivers, WaivedFindingVisibleInEveryFormat) {
    TempDir d("cli");
    std::string file = src("curricula/non-compliant/CUR-004-lecture-hours-per-unit.xml");
    auto r = run_binary("check --lang en --today 2026-06-01 --waivers " + src(waivers) + " --format json=" + d / "r.json" +
                        " --format sarif=" + d / "r.sarif" + " --format junit=" + d / "r.xml" + " --format github=" + d / "gh.txt" +
                        " --format github-summary=" + d / "gh.md" + " " + file);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(d / "r.json").find("\"waiver\":{\"id\":\"W-law\""), std::string::npos);
    EXPECT_NE(read_file(d / "r.sarif").find("\"suppressions\":[{\"kind\":\"external\""), std::string::npos);
    EXPECT_NE(read_file(d / "r.xml").find("<skipped message=\"waived (W-law): "), std::string::npos);
    EXPECT_NE(read_file(d / "gh.txt").find("(waived)::"), std::string::npos);
    EXPECT_NE(read_file(d / "gh.md").find("(1 waived)"), std::string::npos);
}

TEST(CliWaivers, BadWaiverFileIsLocatedExit2) {
    TempDir d("cli");
    {
        std::ofstream(d / "w.xml") << "<waivers xmlns=\"urn:ahaki-check:waivers:1\">\n"
                                      "  <waiver id=\"W1\" rule=\"CUR-999\" file=\"a.xml\" reason=\"r\" expires=\"2027-03-31\"/>\n"
                                      "</waivers>\n";
    }
    auto r = run_binary("check --lang en --waivers " + d / "w.xml" + " " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(d / "w.xml" + ":2:25: error: rule=\"CUR-999\": no rule 'CUR-999' (did you mean CUR-009?) (expected: a rule id listed by "
                                       "ahaki-check rules)"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.out, "");
    auto missing = run_binary("check --lang en --waivers " + d / "none.xml" + " " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("none.xml"), std::string::npos);
    auto today = run_binary("check --lang en --today 2027-02-30 " + src("curricula/compliant/hari.xml"));
    EXPECT_EQ(today.exit_code, 2);
    EXPECT_NE(today.err.find("--today takes an existing date"), std::string::npos);
}

TEST(CliBatch, OutputIsTheSameWhateverTheNumberOfJobs) {
    for (const char* format : {"text", "json", "sarif", "junit", "github", "github-summary"}) {
        TempDir d("cli");
        std::string common = " --today 2026-06-01 --waivers " + src(waivers) + " --format " + format + " " + src("curricula");
        auto one = run_binary("check --jobs 1" + common);
        auto two = run_binary("check --jobs 2" + common);
        auto many = run_binary("check --jobs 7" + common);
        EXPECT_EQ(one.exit_code, 1);
        EXPECT_GT(one.out.size(), 1000u) << format;
        EXPECT_EQ(one.out, two.out) << format;
        EXPECT_EQ(one.out, many.out) << format;
    }
}

TEST(CliBatch, SummaryOverAllFiles) {
    auto r = run_binary("check --lang en --format json " + src("curricula"));
    auto j = boost::json::parse(r.out);
    const auto& s = j.at("summary");
    EXPECT_EQ(s.at("files").as_int64(), static_cast<std::int64_t>(j.at("files").as_array().size()));
    std::int64_t sum = 0;
    for (const auto& [k, v] : s.at("verdicts").as_object()) sum += v.as_int64();
    EXPECT_EQ(sum, s.at("files").as_int64());
    auto text = run_binary("check --lang en " + src("curricula"));
    EXPECT_NE(text.out.find(std::to_string(sum) + " files: "), std::string::npos);
}

TEST(CliBatch, NoProgressLineWhenStderrIsNotATerminal) {
    auto r = run_binary("check --format json " + src("curricula"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "");
}

TEST(CliBatch, ProgressLineOnATerminalIsErasedAtTheEnd) {
    if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) not installed";
    TempDir d("cli");
    // script(1) gives the program a terminal; the report goes to a file so only stderr is on it.
    std::string cmd = "script -qec \"" + std::string(AHAKI_BINARY) + " check --lang en --format json=" + d / "r.json" + " " +
                      source_dir() + "/curricula\" /dev/null > " + d / "tty.txt" + " 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()) == -1, false);
    std::string tty = read_file(d / "tty.txt");
    EXPECT_NE(tty.find("\r\x1b[K["), std::string::npos) << tty;
    EXPECT_NE(tty.find("100% checking"), std::string::npos) << tty;
    auto last = tty.rfind("\r\x1b[K");
    ASSERT_NE(last, std::string::npos);
    EXPECT_EQ(tty.find("checking", last), std::string::npos);  // erased: nothing after the last clear
    EXPECT_NO_THROW(boost::json::parse(read_file(d / "r.json")));
}

}  // namespace
}  // namespace ahaki::test
