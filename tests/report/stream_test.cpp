// The streaming path (check_files_each + StreamWriter) writes the same bytes as
// the whole-run writers, in input order; the direct JSON writer escapes like boost::json.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "report/report.hpp"
#include "engine/streamed.hpp"
#include "report/stream.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki {
namespace {

std::vector<std::string> curricula_files() {
    Expanded e = expand_paths({test::source_dir() + "/curricula"});
    EXPECT_TRUE(e.errors.empty());
    // Twice over, plus a missing file, so out-of-order completion and load errors are exercised.
    std::vector<std::string> files = e.files;
    files.insert(files.end(), e.files.begin(), e.files.end());
    files.push_back(test::source_dir() + "/curricula/no-such-file.xml");
    return files;
}

RunReport run_with_an_error() {
    RunReport run;
    run.standards = &test::standards();
    run.run_errors.push_back(Diagnostic{"x", Loc{}, Text{"ディレクトリ", "directory"}, {}});
    return run;
}

/// check_files_each and StreamWriter::file (no checks across submissions), or,
/// with `cross`, the CLI's path: stream_files, rendering on the worker threads.
std::string streamed(const std::string& format, const std::vector<std::string>& files, Lang lang, unsigned jobs,
                     bool cross = false) {
    RunReport run = run_with_an_error();
    std::string out;
    auto w = make_stream_writer(format, WriteContext{lang, false}, [&](std::string_view b) {
        out.append(b);
        return true;
    });
    EXPECT_TRUE(w);
    EXPECT_TRUE(w->begin(run));
    RunOptions options;
    options.jobs = jobs;
    options.cross_check = cross;
    std::size_t expected_index = 0;
    if (cross) {
        auto failed = stream_files<Fragment>(
            files, test::standards(), options,
            [&](std::size_t i, FileReport&& f) {
                EXPECT_EQ(f.path, files[i]);
                return w->render(f);
            },
            [&](std::size_t i, Fragment&& f) {
                EXPECT_EQ(i, expected_index++);
                EXPECT_TRUE(w->append(std::move(f)));
            });
        EXPECT_FALSE(failed) << (failed ? failed->en : "");
    } else {
        check_files_each(files, test::standards(), options, [&](std::size_t i, FileReport&& f) {
            EXPECT_EQ(i, expected_index++);
            EXPECT_EQ(f.path, files[i]);
            EXPECT_TRUE(w->file(f));
        });
    }
    EXPECT_EQ(expected_index, files.size());
    EXPECT_TRUE(w->end(run));
    return out;
}

std::string whole(const std::string& format, const std::vector<std::string>& files, Lang lang, bool cross = false) {
    RunReport run = run_with_an_error();
    RunOptions options;
    options.jobs = 1;
    run.files = check_files(files, test::standards(), options);
    if (cross) cross_check(run.files);
    return format == "json" ? write_json(run, lang) : write_text(run, TextOptions{lang, false, true});
}

TEST(Stream, SameBytesAsWholeRunWriters) {
    auto files = curricula_files();
    for (Lang lang : {Lang::ja, Lang::en})
        for (const char* format : {"json", "text"}) {
            std::string expected = whole(format, files, lang);
            EXPECT_EQ(streamed(format, files, lang, 1), expected) << format;
            EXPECT_EQ(streamed(format, files, lang, 2), expected) << format;
            EXPECT_EQ(streamed(format, files, lang, 3), expected) << format;
        }
}

// Every file twice: each teacher and site conflicts with its copy, which another
// worker checks; the missing file is left out of "checked against N others".
TEST(Stream, ChecksAcrossSubmissionsSameBytesAsWholeRun) {
    auto files = curricula_files();
    for (Lang lang : {Lang::ja, Lang::en})
        for (const char* format : {"json", "text"}) {
            std::string expected = whole(format, files, lang, true);
            ASSERT_NE(expected.find("XSB-001"), std::string::npos);
            ASSERT_NE(expected.find("XSB-002"), std::string::npos);
            for (unsigned jobs : {1u, 2u, 3u}) EXPECT_EQ(streamed(format, files, lang, jobs, true), expected) << format << jobs;
        }
}

// A file that does not load is reported as invalid and left out of the checks
// across submissions: a.xml is "checked against 1 other" (b.xml); compliant/hari-kyu.xml
// is the same school as a.xml (name and type), a resubmission, said and not compared.
TEST(Stream, FileThatDoesNotLoadInAMultiFileRun) {
    const std::string src = test::source_dir();
    std::vector<std::string> files{src + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools/a.xml",
                                   src + "/tests/bad-input/files/bare-ampersand.xml",
                                   src + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools/b.xml",
                                   src + "/curricula/compliant/hari-kyu.xml"};
    for (unsigned jobs : {1u, 2u, 4u}) {
        std::string out = streamed("json", files, Lang::en, jobs, true);
        EXPECT_EQ(out, whole("json", files, Lang::en, true));
        EXPECT_NE(out.find("checked against 1 other submissions"), std::string::npos);
        EXPECT_NE(out.find("is another version of the same school"), std::string::npos);
        EXPECT_NE(out.find("bare-ampersand.xml"), std::string::npos);
        EXPECT_NE(out.find("is also a full-time teacher in " + files[2]), std::string::npos);
    }
}

// A file that loads but that no edition of the standard applies to (intake before
// 2018-04-01) is invalid: like a file that does not load, it is left out of the checks
// across submissions, in streamed and whole runs alike (its teacher, who is also
// full-time in a.xml and b.xml, does not make a.xml's finding name it).
TEST(Stream, FileWithoutAnEditionIsLeftOutOfTheChecksAcrossSubmissions) {
    const std::string src = test::source_dir();
    const std::string pair = src + "/curricula/non-compliant/XSB-001-teacher-full-time-at-two-schools/";
    test::TempDir dir("stream-edition");
    {
        std::ofstream(dir / "old.xml", std::ios::binary)
            << test::replace_once(test::read_file(pair + "b.xml"), "intake=\"2026-04-01\"", "intake=\"2017-04-01\"");
    }
    std::vector<std::string> files{pair + "a.xml", dir / "old.xml", pair + "b.xml", src + "/curricula/compliant/hari-kyu.xml"};
    for (unsigned jobs : {1u, 2u}) {
        std::string out = streamed("json", files, Lang::en, jobs, true);
        EXPECT_EQ(out, whole("json", files, Lang::en, true)) << jobs;
        EXPECT_NE(out.find("no edition of the standard applies to the intake 2017-04-01"), std::string::npos);
        EXPECT_NE(out.find("checked against 1 other submissions"), std::string::npos);
        EXPECT_NE(out.find("is also a full-time teacher in " + files[2] + ";"), std::string::npos) << out;
        EXPECT_EQ(out.find("is also a full-time teacher in " + files[1]), std::string::npos);
    }
}

// The temporary file of a multi-file run cannot grow (a full disk, here a file
// size limit): the run stops with a clear error and exit code 2.
TEST(Stream, SpoolThatCannotBeWrittenIsARunError) {
    const std::string dir = test::source_dir() + "/curricula";
    // SIGXFSZ ignored, so the write fails (EFBIG) instead of killing the process; stdout is a pipe, not limited.
    const std::string cmd = "sh -c \"trap '' XFSZ; ulimit -f 8; exec '" + std::string(AHAKI_BINARY) +
                            "' check --lang en --cross-check --format text '" + dir + "' 2>&1\"";
    FILE* p = ::popen(cmd.c_str(), "r");
    ASSERT_TRUE(p);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    int status = ::pclose(p);
    ASSERT_TRUE(WIFEXITED(status)) << out;
    EXPECT_EQ(WEXITSTATUS(status), 2) << out;
    EXPECT_NE(out.find("error: cannot write the temporary file that holds the reports: File too large"), std::string::npos)
        << out;
}

TEST(Stream, OneFileHasNothingToCompareWith) {
    std::vector<std::string> one{test::source_dir() + "/curricula/compliant/hari-kyu.xml"};
    std::string out = streamed("json", one, Lang::en, 2, true);
    EXPECT_EQ(out, whole("json", one, Lang::en, true));
    EXPECT_NE(out.find("no other submission to compare with"), std::string::npos);
    // Without --cross-check: not compared, in streamed and whole runs alike.
    std::string plain = streamed("json", one, Lang::en, 2, false);
    EXPECT_EQ(plain, whole("json", one, Lang::en, false));
    EXPECT_NE(plain.find("not compared with other submissions"), std::string::npos);
}

TEST(Stream, EmptyRun) {
    EXPECT_EQ(streamed("json", {}, Lang::en, 2), whole("json", {}, Lang::en));
    EXPECT_EQ(streamed("text", {}, Lang::en, 2), whole("text", {}, Lang::en));
}

TEST(Stream, EveryFormatStreams) {
    // HTML too (tests/report/html_stream_test.cpp): the spool keeps the courses' subjects its 教育課程表 lays out.
    for (const auto& f : formats()) EXPECT_NE(make_stream_writer(f.name, WriteContext{}, {}), nullptr) << f.name;
    EXPECT_EQ(make_stream_writer("no-such-format", WriteContext{}, {}), nullptr);
}

/// Every ASCII character but NUL, then Japanese text and a full-width digit.
std::string ascii_and_japanese() {
    std::string s;
    for (int c = 1; c < 128; ++c) s.push_back(static_cast<char>(c));
    return s + "日本語\xEF\xBC\x91";
}

TEST(Json, EscapesLikeBoostJson) {
    const std::string weird = ascii_and_japanese();
    RunReport run;
    FileReport f;
    f.path = weird;
    f.school_name = weird;
    f.type = FacilityType::hari_kyu;
    run.files.push_back(f);
    std::string out = write_json(run, Lang::en);
    std::string quoted = boost::json::serialize(boost::json::string(weird));
    EXPECT_NE(out.find("\"path\":" + quoted), std::string::npos);
    auto parsed = boost::json::parse(out);
    EXPECT_EQ(parsed.at("files").at(0).at("path").as_string(), weird);
    EXPECT_EQ(parsed.at("files").at(0).at("school").at("name").as_string(), weird);
}

// The writer buffers its output in blocks: strings of every length up to many times the
// block (escaped in parts), and pieces that straddle block boundaries, come out whole.
TEST(Json, LongStringsAndManyPiecesLikeBoostJson) {
    const std::string weird = ascii_and_japanese();
    RunReport run;
    FileReport f;
    f.type = FacilityType::hari_kyu;
    std::vector<std::string> labels;
    for (std::size_t n : {0u, 1u, 300u, 341u, 342u, 2047u, 2048u, 5000u, 20000u}) {
        std::string s;  // n bytes of valid UTF-8
        while (s.size() + weird.size() <= n) s += weird;
        s.resize(n, '"');
        labels.push_back(s);
    }
    for (std::size_t i = 0; i < 200; ++i) {
        Outcome o;
        o.rule_id = "CUR-001";
        o.label = Text{labels[i % labels.size()], labels[i % labels.size()]};
        f.outcomes.push_back(o);
    }
    run.files.push_back(f);
    std::string out = write_json(run, Lang::en);
    auto parsed = boost::json::parse(out);
    const auto& reqs = parsed.at("files").at(0).at("requirements").as_array();
    ASSERT_EQ(reqs.size(), 200u);
    for (std::size_t i = 0; i < reqs.size(); ++i) EXPECT_EQ(reqs[i].at("label").as_string(), labels[i % labels.size()]) << i;
    for (const auto& l : labels)
        EXPECT_NE(out.find("\"label\":" + boost::json::serialize(boost::json::string(l)) + ","), std::string::npos) << l.size();
}

TEST(Json, FractionalNumbersLikeBoostJson) {
    RunReport run;
    FileReport f;
    CourseSummary c;
    c.total_units = Decimal::from_milli(1500);
    c.total_hours = Decimal::from_milli(2250);
    f.courses.push_back(c);
    run.files.push_back(f);
    std::string out = write_json(run, Lang::en);
    EXPECT_NE(out.find("\"total_units\":" + boost::json::serialize(boost::json::value(1.5))), std::string::npos);
    EXPECT_NE(out.find("\"total_hours\":" + boost::json::serialize(boost::json::value(2.25))), std::string::npos);
}

}  // namespace
}  // namespace ahaki
