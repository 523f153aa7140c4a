// Directory scans: hidden folders skipped, files that are not ours skipped with
// a notice (named explicitly: an error), a report written into the checked
// directory not read by the next run, near misses left to the loader.
#include <gtest/gtest.h>

#include <fstream>

#include "engine/engine.hpp"
#include "engine/scan.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

TEST(Scan, RootTableHasSchoolAndClinic) {
    ASSERT_EQ(document_roots().size(), 2u);
    for (const auto& r : document_roots()) EXPECT_EQ(classify_root(r.name, r.ns), RootPeek::Kind::ours) << r.name;
    EXPECT_EQ(classify_root("a:school", "urn:ahaki-check:school:1"), RootPeek::Kind::ours);
    EXPECT_EQ(classify_root("testsuites", ""), RootPeek::Kind::foreign);
    EXPECT_EQ(classify_root("waivers", "urn:ahaki-check:waivers:1"), RootPeek::Kind::foreign);
    // Near misses are errors the loader explains, never skipped.
    EXPECT_EQ(classify_root("school", ""), RootPeek::Kind::unknown);
    EXPECT_EQ(classify_root("School", "urn:other"), RootPeek::Kind::unknown);
    EXPECT_EQ(classify_root("schools", "urn:ahaki-check:school:2"), RootPeek::Kind::unknown);
    EXPECT_EQ(classify_root("clinic", "urn:ahaki-check:clinic:1 "), RootPeek::Kind::unknown);
}

TEST(Scan, PeeksPastPrologInEveryEncoding) {
    TempDir d("scan");
    write(d / "a.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- <school> -->\n<!DOCTYPE x [<!ENTITY e \"<y>\">]>\n"
                       "<p:report xmlns:p=\"urn:x\" a='1'>");
    auto a = peek_root(d / "a.xml");
    EXPECT_EQ(a.kind, RootPeek::Kind::foreign);
    EXPECT_EQ(a.name, "p:report");
    EXPECT_EQ(a.ns, "urn:x");
    std::string u16 = "\xFF\xFE";
    for (char c : std::string("<school xmlns=\"urn:ahaki-check:school:1\" name=\"x\">")) u16 += std::string{c, '\0'};
    write(d / "b.xml", u16);
    EXPECT_EQ(peek_root(d / "b.xml").kind, RootPeek::Kind::ours);
    // Truncated or malformed: not known, so it is read and its error reported.
    write(d / "c.xml", "<testsuites name=\"x");
    EXPECT_EQ(peek_root(d / "c.xml").kind, RootPeek::Kind::unknown);
    write(d / "d.xml", "garbage <testsuites/>");
    EXPECT_EQ(peek_root(d / "d.xml").kind, RootPeek::Kind::unknown);
}

TEST(Scan, DirectoryRunSkipsHiddenAndForeignAndItsOwnReport) {
    TempDir d("scan-dir");
    std::filesystem::create_directories(d.path / "sub");
    std::filesystem::create_directories(d.path / ".git");
    std::string school = read_file(source_dir() + "/curricula/compliant/hari.xml");
    write(d / "sub/school.xml", school);
    write(d / ".git/school.xml", school);  // hidden folder: not a submission
    write(d / ".draft.xml", school);       // hidden file
    write(d / "pom.xml", "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>\n");

    auto first = run_binary("check --lang en --format junit=" + d / "report.xml" + " '" + d.str() + "'");
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.err, d / "pom.xml" + ": notice: skipped: the root element is <project> (http://maven.apache.org/POM/4.0.0), "
                              "not an ahaki-check document (ahaki-check documents: <school> (school description), <clinic> (clinic claims))\n");
    // The next run finds its own JUnit report in the directory and skips it.
    auto second = run_binary("check --lang en --format text '" + d.str() + "'");
    EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
    EXPECT_NE(second.err.find(d / "report.xml" + ": notice: skipped: the root element is <testsuites>"), std::string::npos) << second.err;
    EXPECT_NE(second.out.find("sub/school.xml: partially checked"), std::string::npos) << second.out;
    EXPECT_EQ(second.out.find(".git"), std::string::npos) << second.out;
    EXPECT_EQ(second.out.find(".draft"), std::string::npos) << second.out;
    std::size_t verdicts = 0;
    for (std::size_t at = 0; (at = second.out.find(": partially checked (", at)) != std::string::npos; ++at) ++verdicts;
    EXPECT_EQ(verdicts, 1u) << second.out;

    // Named explicitly, the same file is an error.
    auto named = run_binary("check --lang en '" + d / "report.xml" + "'");
    EXPECT_EQ(named.exit_code, 2);
    EXPECT_NE(named.out.find("report.xml:2:1: error: the root element is <testsuites>"), std::string::npos) << named.out;
}

TEST(Scan, DirectoryOfOnlyForeignFilesIsAnError) {
    TempDir d("scan-none");
    write(d / "report.xml", "<testsuites/>");
    auto r = run_binary("check --lang en '" + d.str() + "'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("the directory contains no ahaki-check document (1 .xml file(s) of other kinds)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ahaki::test
