// The HTML report written while the run goes (html=FILE and html=DIR/) has the
// bytes of the whole-run writers (write_html, write_html_pages), with and
// without the checks across submissions, on one thread or several.
#include <gtest/gtest.h>

#include <map>

#include "engine/spool.hpp"
#include "engine/streamed.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "report/stream.hpp"
#include "support/helpers.hpp"
#include "xml/waiver_reader.hpp"

namespace ahaki {
namespace {

/// Schools and clinics, every file twice (the checks across submissions find the copies), one that
/// does not exist and one that does not load.
std::vector<std::string> corpus() {
    Expanded e = expand_paths({test::source_dir() + "/curricula"});
    std::vector<std::string> f = e.files;
    f.insert(f.end(), e.files.begin(), e.files.end());
    f.push_back(test::source_dir() + "/curricula/no-such-file.xml");
    f.push_back(test::source_dir() + "/tests/bad-input/files/empty.xml");
    return f;
}

const Date today{2026, 6, 1};

RunReport base_run() {
    RunReport run;
    run.standards = &test::standards();
    run.run_errors.push_back(Diagnostic{"dir", Loc{}, Text{"ディレクトリ", "directory"}, {}});
    return run;
}

RunOptions run_options(bool cross, unsigned jobs) {
    RunOptions o;
    o.keep_models = true;  // as the CLI does for HTML: the 教育課程表 lays out each course's subjects
    o.cross_check = cross;
    o.jobs = jobs;
    return o;
}

/// The whole run, as the CLI's path without streaming.
RunReport whole_run(const std::vector<std::string>& fs, bool cross, const WaiverSet* w) {
    RunReport run = base_run();
    run.files = check_files(fs, test::standards(), run_options(cross, 0));
    if (cross) cross_check(run.files);
    if (w) {
        run.waivers = w;
        run.waiver_notices = apply_waivers(*w, run.files, today).notices;
    }
    return run;
}

/// Feeds a streamed run to `writer` as the CLI does.
void stream_run(StreamWriter& writer, const std::vector<std::string>& fs, bool cross, unsigned jobs, const WaiverSet* w) {
    RunReport run = base_run();
    run.waivers = w;
    ASSERT_TRUE(writer.begin(run));
    std::vector<std::size_t> matched;
    struct Part {
        Fragment f;
        std::vector<std::size_t> m;
    };
    auto failed = stream_files<Part>(
        fs, test::standards(), run_options(cross, jobs),
        [&](std::size_t, FileReport&& r) {
            Part p;
            if (w) apply_waivers_to(*w, r, today, p.m);
            p.f = writer.render(r);
            return p;
        },
        [&](std::size_t, Part&& p) {
            if (matched.size() < p.m.size()) matched.resize(p.m.size());
            for (std::size_t k = 0; k < p.m.size(); ++k) matched[k] += p.m[k];
            EXPECT_TRUE(writer.append(std::move(p.f)));
        });
    EXPECT_FALSE(failed);
    if (w) run.waiver_notices = waiver_notices(*w, matched, today);
    EXPECT_TRUE(writer.end(run));
}

std::string streamed(const std::vector<std::string>& fs, const HtmlOptions& o, bool cross, unsigned jobs,
                     const WaiverSet* w = nullptr) {
    std::string out;
    auto writer = make_html_stream(o, [&](std::string_view b) {
        out.append(b);
        return true;
    });
    stream_run(*writer, fs, cross, jobs, w);
    return out;
}

/// Pages by name, as a directory would hold them; `fail_at` > 0: open() of that page (1-based) fails.
struct Pages final : PageSink {
    std::map<std::string, std::string> pages;
    std::vector<std::string> order;
    std::string current;
    std::size_t fail_at = 0;
    bool open(const std::string& name) override {
        if (fail_at && order.size() + 1 == fail_at) return false;
        if (pages.count(name)) ADD_FAILURE() << "page written twice: " << name;
        current = name;
        order.push_back(name);
        pages[name];
        return true;
    }
    bool write(std::string_view b) override { return pages[current].append(b), true; }
    bool close() override { return true; }
};

std::map<std::string, std::string> whole_pages(const RunReport& run, const HtmlOptions& o) {
    std::map<std::string, std::string> m;
    for (auto& p : write_html_pages(run, o)) {
        EXPECT_FALSE(m.count(p.name)) << p.name;
        m[p.name] = std::move(p.html);
    }
    return m;
}

TEST(HtmlStream, SameBytesAsTheWholeRunWithChecksAcrossSubmissions) {
    const auto fs = corpus();
    const RunReport run = whole_run(fs, true, nullptr);
    for (Lang L : {Lang::ja, Lang::en})
        for (bool full : {false, true}) {
            const HtmlOptions o{L, full};
            const std::string expected = write_html(run, o);
            // What makes the comparison worth it: the checks across submissions, a clinic's ledger and the
            // 教育課程表 from the kept model (its subject rows), which the spool must carry between the passes.
            ASSERT_NE(expected.find("XSB-001"), std::string::npos);
            ASSERT_NE(expected.find("<table class=\"sheet\">"), std::string::npos);
            ASSERT_NE(expected.find("<td class=\"area\" rowspan="), std::string::npos);
            ASSERT_NE(expected.find("style=\"page: f1\""), std::string::npos);
            for (unsigned jobs : {1u, 2u}) EXPECT_EQ(streamed(fs, o, true, jobs), expected) << int(L) << full << jobs;
        }
}

TEST(HtmlStream, SameBytesAsTheWholeRunWithoutChecksAcrossSubmissions) {
    const auto fs = corpus();
    const RunReport run = whole_run(fs, false, nullptr);
    for (Lang L : {Lang::ja, Lang::en}) {
        const HtmlOptions o{L, false};
        const std::string expected = write_html(run, o);
        ASSERT_NE(expected, write_html(whole_run(fs, true, nullptr), o));  // the checks across submissions add to it
        for (unsigned jobs : {1u, 3u}) EXPECT_EQ(streamed(fs, o, false, jobs), expected) << jobs;
    }
}

TEST(HtmlStream, WithWaiversSameBytesAsTheWholeRun) {
    WaiverLoad wl = read_waivers_file(test::source_dir() + "/tests/report/fixtures/waivers.xml");
    ASSERT_TRUE(wl.set);
    const auto fs = corpus();
    const HtmlOptions o{Lang::en, false};
    const std::string expected = write_html(whole_run(fs, true, &*wl.set), o);
    ASSERT_NE(expected.find("the extra law lecture hour"), std::string::npos);  // a waived finding's reason
    EXPECT_EQ(streamed(fs, o, true, 2, &*wl.set), expected);
}

// One file: no named pages, the school's name in the title, no overall box; none: the overall box alone.
TEST(HtmlStream, OneFileAndNoFileSameBytesAsTheWholeRun) {
    const std::vector<std::string> one{test::source_dir() + "/curricula/complete/hari-kyu.xml"};
    const std::vector<std::string> clinic{test::source_dir() + "/curricula/clinics/compliant/2024-10-aoba.xml"};
    for (Lang L : {Lang::ja, Lang::en}) {
        const HtmlOptions o{L, false};
        for (bool cross : {false, true}) {
            const std::string expected = write_html(whole_run(one, cross, nullptr), o);
            ASSERT_EQ(expected.find("style=\"page: f0\""), std::string::npos);
            EXPECT_EQ(streamed(one, o, cross, 2), expected);
            EXPECT_EQ(streamed(clinic, o, cross, 1), write_html(whole_run(clinic, cross, nullptr), o));
            EXPECT_EQ(streamed({}, o, cross, 2), write_html(whole_run({}, cross, nullptr), o));
        }
    }
    // Two files: both named, the first one first.
    std::vector<std::string> two{one[0], clinic[0]};
    const HtmlOptions o{Lang::ja, true};
    const std::string expected = write_html(whole_run(two, true, nullptr), o);
    ASSERT_NE(expected.find("<section class=\"file first\" style=\"page: f0\">"), std::string::npos);
    ASSERT_NE(expected.find("<section class=\"file\" style=\"page: f1\">"), std::string::npos);
    EXPECT_EQ(streamed(two, o, true, 2), expected);
}

TEST(HtmlStream, PagesSameAsTheWholeRun) {
    const auto fs = corpus();
    for (bool cross : {false, true}) {
        const RunReport run = whole_run(fs, cross, nullptr);
        for (Lang L : {Lang::ja, Lang::en}) {
            const HtmlOptions o{L, false};
            const auto expected = whole_pages(run, o);
            ASSERT_EQ(expected.size(), fs.size() + 1);
            for (unsigned jobs : {1u, 2u}) {
                Pages pages;
                auto writer = make_html_pages_stream(o, pages);
                stream_run(*writer, fs, cross, jobs, nullptr);
                EXPECT_EQ(pages.pages, expected) << cross << jobs;
                // The index last: it links only to pages already written.
                ASSERT_FALSE(pages.order.empty());
                EXPECT_EQ(pages.order.back(), "index.html");
                EXPECT_EQ(pages.order.front(), "001-" + std::string(expected.begin()->first.substr(4)));
            }
        }
    }
    // One file and none: the index is there, with its table.
    for (std::vector<std::string> fs1 : {std::vector<std::string>{fs[0]}, std::vector<std::string>{}}) {
        Pages pages;
        auto writer = make_html_pages_stream(HtmlOptions{}, pages);
        stream_run(*writer, fs1, true, 2, nullptr);
        EXPECT_EQ(pages.pages, whole_pages(whole_run(fs1, true, nullptr), HtmlOptions{}));
        EXPECT_NE(pages.pages["index.html"].find("<table class=\"files\">"), std::string::npos);
    }
}

TEST(HtmlStream, PagesAreWrittenOnlyAtTheEndAndAFailureStopsThere) {
    const std::vector<std::string> fs{test::source_dir() + "/curricula/complete/hari-kyu.xml",
                                      test::source_dir() + "/curricula/complete/anma-hari-kyu.xml"};
    Pages pages;
    pages.fail_at = 2;
    auto writer = make_html_pages_stream(HtmlOptions{}, pages);
    RunReport run = base_run();
    ASSERT_TRUE(writer->begin(run));
    RunOptions options = run_options(false, 1);
    for (const auto& f : fs) ASSERT_TRUE(writer->file(check_file(f, test::standards(), options)));
    EXPECT_TRUE(pages.order.empty());  // nothing before end(): a run that fails midway replaces no page
    EXPECT_FALSE(writer->end(run));
    EXPECT_EQ(pages.order, std::vector<std::string>{"001-hari-kyu.html"});
}

TEST(HtmlStream, HtmlStreamsLikeEveryOtherFormat) {
    for (const auto& f : formats()) EXPECT_NE(make_stream_writer(f.name, WriteContext{}, {}), nullptr) << f.name;
    // --html-detail full reaches the streamed writer through the context.
    const std::vector<std::string> one{test::source_dir() + "/curricula/complete/hari-kyu.xml"};
    std::string out;
    WriteContext c;
    c.html_full = true;
    auto w = make_stream_writer("html", c, [&](std::string_view b) { return out.append(b), true; });
    stream_run(*w, one, false, 1, nullptr);
    EXPECT_EQ(out, write_html(whole_run(one, false, nullptr), HtmlOptions{Lang::ja, true}));
    EXPECT_NE(out, write_html(whole_run(one, false, nullptr), HtmlOptions{Lang::ja, false}));
}

// The spool carries the parts of the model the reports show: courses and their subjects.
TEST(HtmlStream, SpoolKeepsTheCoursesSubjects) {
    RunOptions options = run_options(false, 1);
    FileReport r = check_file(test::source_dir() + "/curricula/complete/anma-hari-kyu.xml", test::standards(), options);
    ASSERT_TRUE(r.school);
    std::string bytes;
    spool::write(bytes, r);
    auto back = spool::read(bytes);
    ASSERT_TRUE(back);
    ASSERT_TRUE(back->school);
    ASSERT_EQ(back->school->courses.size(), r.school->courses.size());
    for (std::size_t i = 0; i < r.school->courses.size(); ++i) {
        const Course &a = r.school->courses[i], &b = back->school->courses[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.visually_impaired, b.visually_impaired);
        ASSERT_EQ(a.subjects.size(), b.subjects.size());
        for (std::size_t k = 0; k < a.subjects.size(); ++k) {
            EXPECT_EQ(a.subjects[k].id, b.subjects[k].id);
            EXPECT_EQ(a.subjects[k].name, b.subjects[k].name);
            EXPECT_EQ(a.subjects[k].area, b.subjects[k].area);
            EXPECT_EQ(a.subjects[k].method, b.subjects[k].method);
            EXPECT_EQ(a.subjects[k].units, b.subjects[k].units);
            EXPECT_EQ(a.subjects[k].hours, b.subjects[k].hours);
            EXPECT_EQ(a.subjects[k].year, b.subjects[k].year);
        }
    }
    // The page from the report read back is the page from the report with its whole model.
    const HtmlOptions o{Lang::ja, true};
    RunReport one = base_run(), two = base_run();
    one.files.push_back(r);
    two.files.push_back(*back);
    EXPECT_EQ(write_html(two, o), write_html(one, o));
    // Without a model nothing is added to the spool but the mark that there is none.
    r.school.reset();
    std::string plain;
    spool::write(plain, r);
    EXPECT_LT(plain.size(), bytes.size());
    auto none = spool::read(plain);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->school);
}

}  // namespace
}  // namespace ahaki
