// GitHub annotations: escaping, the per-kind cap, and the summary's count of what was not annotated.
#include <gtest/gtest.h>

#include <sstream>

#include "report/github.hpp"
#include "report/run_fixture.hpp"

namespace ahaki::test {
namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

WriteContext en() {
    WriteContext c;
    c.lang = Lang::en;
    return c;
}

TEST(Github, EscapesDataAndProperties) {
    EXPECT_EQ(github_escape_data("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
    EXPECT_EQ(github_escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
}

TEST(Github, ErrorAnnotationHasFileLineColTitle) {
    auto run = make_run({report_for(school_variant(true, false, false), "dir/a,b:c.xml")});
    auto out = write_github(run, en());
    auto lines = lines_of(out);
    ASSERT_EQ(lines.size(), 1u) << out;
    EXPECT_EQ(lines[0].rfind("::error file=dir/a%2Cb%3Ac.xml,line=46,col=5,title=CUR-004 指導要領 8(2)::", 0), 0u) << lines[0];
    EXPECT_NE(lines[0].find("31 hours"), std::string::npos);
}

TEST(Github, ReviewIsNoticeAndNotesAreEscapedNewlines) {
    auto run = make_run({report_for(school_variant(false, true, false), "a.xml")});
    auto out = write_github(run, en());
    ASSERT_EQ(out.rfind("::notice file=a.xml,line=23,col=3,title=CUR-007", 0), 0u) << out;
    EXPECT_NE(out.find("%0A"), std::string::npos);  // the finding's note on a second line
    EXPECT_EQ(lines_of(out).size(), 1u);
}

TEST(Github, CapsEachKindAtTenAndSaysHowManyWereNotAnnotated) {
    std::vector<FileReport> files;
    for (int i = 0; i < 12; ++i) files.push_back(report_for(school_variant(true, false, false), "s" + std::to_string(i) + ".xml"));
    files.push_back(report_for(school_variant(false, true, false), "r.xml"));
    auto run = make_run(std::move(files));
    auto out = write_github(run, en());
    std::size_t errors = 0, notices = 0, plain = 0;
    for (const auto& l : lines_of(out)) {
        if (l.rfind("::error ", 0) == 0) ++errors;
        else if (l.rfind("::notice ", 0) == 0) ++notices;
        else if (l.find(": error: ") != std::string::npos) ++plain;
    }
    EXPECT_EQ(errors, github_annotations_per_kind);
    EXPECT_EQ(notices, 1u);  // notices have their own cap
    EXPECT_EQ(plain, 2u);    // the rest are still in the log
    EXPECT_NE(out.find("the following 2 findings were not annotated"), std::string::npos);
    auto gc = github_counts(run);
    EXPECT_EQ(gc.total, 13u);
    EXPECT_EQ(gc.annotated, 11u);
    auto md = write_github_summary(run, en());
    EXPECT_NE(md.find("2 findings were not annotated"), std::string::npos) << md;
    EXPECT_NE(md.find("| <code>s11.xml</code> | ❌ non-compliant | 1 | 0 | 0 | 0 |"), std::string::npos) << md;
    EXPECT_NE(md.find("All findings (13)"), std::string::npos);
}

TEST(Github, SummarySaysWhenEverythingWasAnnotated) {
    auto run = make_run({report_for(compliant_hari_kyu(), "ok.xml")});
    EXPECT_EQ(write_github(run, en()), "");
    auto md = write_github_summary(run, en());
    EXPECT_NE(md.find("0 compliant, 0 non-compliant, 0 need review, 1 partially checked"), std::string::npos) << md;  // curriculum only
    EXPECT_NE(md.find("Every finding was annotated (0)"), std::string::npos);
    WriteContext ja;
    EXPECT_NE(write_github_summary(run, ja).find("一部未確認 1"), std::string::npos) << write_github_summary(run, ja);
}

TEST(Github, SummaryEscapesMarkdownInCells) {
    auto run = make_run({report_for(school_variant(true, false, false), "a|b<i>.xml")});
    auto md = write_github_summary(run, en());
    EXPECT_NE(md.find("<code>a\\|b&lt;i&gt;.xml</code>"), std::string::npos) << md;
    EXPECT_EQ(md.find("<i>"), std::string::npos);
}

TEST(Github, WaivedFindingIsANoticeMarkedWaived) {
    auto run = make_run({report_for(school_variant(true, false, false), "a.xml")});
    WaiverSet set;
    set.file = "w.xml";
    set.waivers.push_back(Waiver{"W1", "CUR-004", "*.xml", "", "", "ok for now", Date{2030, 1, 1}, "", Loc{2, 3, ""}});
    run.waivers = &set;
    run.waiver_notices = apply_waivers(set, run.files, Date{2029, 1, 1}).notices;
    auto out = write_github(run, en());
    EXPECT_EQ(out.rfind("::notice file=a.xml,line=46,col=5,title=CUR-004 指導要領 8(2) (waived)::", 0), 0u) << out;
    EXPECT_NE(out.find("%0Awaived (W1): ok for now"), std::string::npos);
    EXPECT_NE(write_github_summary(run, en()).find("(1 waived)"), std::string::npos);
}

TEST(Github, ExpiredWaiverIsAWarningOnTheWaiverFile) {
    auto run = make_run({report_for(school_variant(true, false, false), "a.xml")});
    WaiverSet set;
    set.file = "ci/waivers.xml";
    set.waivers.push_back(Waiver{"W1", "CUR-004", "a.xml", "", "", "r", Date{2028, 12, 31}, "", Loc{5, 3, ""}});
    run.waivers = &set;
    run.waiver_notices = apply_waivers(set, run.files, Date{2029, 1, 1}).notices;
    auto lines = lines_of(write_github(run, en()));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].rfind("::warning file=ci/waivers.xml,line=5,col=3,title=waiver-expired W1::waiver W1 (CUR-004) expired on 2028-12-31", 0), 0u)
        << lines[0];
    EXPECT_EQ(lines[1].rfind("::error file=a.xml", 0), 0u);
}

}  // namespace
}  // namespace ahaki::test
