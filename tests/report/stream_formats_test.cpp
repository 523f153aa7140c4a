// The streaming writers of SARIF, JUnit, GitHub and the GitHub summary, and streamed
// runs with waivers, write the same bytes as the whole-run writers.
#include <gtest/gtest.h>

#include "engine/streamed.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "report/stream.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"
#include "xml/waiver_reader.hpp"

namespace ahaki {
namespace {

std::vector<std::string> files() {
    Expanded e = expand_paths({test::source_dir() + "/curricula"});
    std::vector<std::string> f = e.files;
    f.insert(f.end(), e.files.begin(), e.files.end());  // every file twice: checks across submissions
    f.push_back(test::source_dir() + "/curricula/no-such-file.xml");
    f.push_back(test::source_dir() + "/tests/bad-input/files/empty.xml");
    return f;
}

RunReport base_run() {
    RunReport run;
    run.standards = &test::standards();
    run.run_errors.push_back(Diagnostic{"dir", Loc{}, Text{"ディレクトリ", "directory"}, {}});
    return run;
}

const Date today{2026, 6, 1};

std::string whole(const std::string& format, const std::vector<std::string>& fs, const WriteContext& c, const WaiverSet* w) {
    RunReport run = base_run();
    RunOptions options;
    run.files = check_files(fs, test::standards(), options);
    cross_check(run.files);
    if (w) {
        run.waivers = w;
        run.waiver_notices = apply_waivers(*w, run.files, today).notices;
    }
    return find_format(format)->write(run, c);
}

std::string streamed(const std::string& format, const std::vector<std::string>& fs, const WriteContext& c, unsigned jobs,
                     const WaiverSet* w) {
    RunReport run = base_run();
    run.waivers = w;
    std::string out;
    auto writer = make_stream_writer(format, c, [&](std::string_view b) {
        out.append(b);
        return true;
    });
    EXPECT_TRUE(writer) << format;
    if (!writer) return {};
    EXPECT_TRUE(writer->begin(run));
    RunOptions options;
    options.cross_check = true;  // as whole(), which compares the submissions (cross_check)
    options.jobs = jobs;
    std::vector<std::size_t> matched;
    struct Part {
        Fragment f;
        std::vector<std::size_t> m;
    };
    auto failed = stream_files<Part>(
        fs, test::standards(), options,
        [&](std::size_t, FileReport&& r) {
            Part p;
            if (w) apply_waivers_to(*w, r, today, p.m);
            p.f = writer->render(r);
            return p;
        },
        [&](std::size_t, Part&& p) {
            if (matched.size() < p.m.size()) matched.resize(p.m.size());
            for (std::size_t k = 0; k < p.m.size(); ++k) matched[k] += p.m[k];
            EXPECT_TRUE(writer->append(std::move(p.f)));
        });
    EXPECT_FALSE(failed);
    if (w) run.waiver_notices = waiver_notices(*w, matched, today);
    EXPECT_TRUE(writer->end(run));
    return out;
}

TEST(StreamFormats, JunitGithubAndSummarySameBytesAsWholeRun) {
    auto fs = files();
    for (Lang lang : {Lang::ja, Lang::en})
        // HTML is written from the whole run (its per-school pages lay out the models): not streamed.
        for (const char* format : {"sarif", "junit", "github", "github-summary"}) {
            WriteContext c{lang, false};
            std::string expected = whole(format, fs, c, nullptr);
            ASSERT_FALSE(expected.empty());
            for (unsigned jobs : {1u, 3u}) EXPECT_EQ(streamed(format, fs, c, jobs, nullptr), expected) << format << " " << jobs;
        }
    // Past the annotation cap: the plain lines and the count line are there.
    std::string gh = whole("github", fs, WriteContext{Lang::en, false}, nullptr);
    EXPECT_NE(gh.find("ahaki-check: the following "), std::string::npos);
}

TEST(StreamFormats, RunsWithWaiversSameBytesAsWholeRun) {
    WaiverLoad wl = read_waivers_file(test::source_dir() + "/tests/report/fixtures/waivers.xml");
    ASSERT_TRUE(wl.set);
    auto fs = files();
    for (const char* format : {"text", "json", "sarif", "junit", "github", "github-summary"}) {
        WriteContext c{Lang::en, false};
        std::string expected = whole(format, fs, c, &*wl.set);
        ASSERT_NE(expected.find("W-old"), std::string::npos) << format;  // the expired waiver's notice
        ASSERT_NE(expected.find("the extra law lecture hour"), std::string::npos) << format;  // a waived finding
        for (unsigned jobs : {1u, 2u}) EXPECT_EQ(streamed(format, fs, c, jobs, &*wl.set), expected) << format << " " << jobs;
    }
}

// One file (no spool, no checks across submissions) and none.
TEST(StreamFormats, OneFileAndNoFileSameBytesAsWholeRun) {
    std::vector<std::string> one{test::source_dir() + "/curricula/compliant/hari.xml"};
    for (const auto& f : formats()) {
        std::string name(f.name);
        if (name == "text" || name == "json") continue;  // stream_test.cpp
        if (name == "html") continue;                      // written from the whole run
        for (Lang lang : {Lang::ja, Lang::en}) {
            WriteContext c{lang, false};
            EXPECT_EQ(streamed(name, one, c, 2, nullptr), whole(name, one, c, nullptr)) << name;
            EXPECT_EQ(streamed(name, {}, c, 2, nullptr), whole(name, {}, c, nullptr)) << name;
        }
    }
}

}  // namespace
}  // namespace ahaki
