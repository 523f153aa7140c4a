// The reports spooled between the two passes of a streamed multi-file run
// (engine/spool.hpp): every field survives the round trip, damaged bytes are
// refused, and a spool that cannot be written or read is an error, not a pass.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <limits>

#include "engine/spool.hpp"

namespace ahaki {
namespace {

Text text(const std::string& s) { return Text{s + "（日本語）", s + " (English)"}; }
Loc loc(std::uint32_t line, const std::string& path) { return Loc{line, line + 7, path}; }

Finding finding(int n, bool waived) {
    Finding f;
    f.rule_id = "TCH-00" + std::to_string(n);
    f.severity = Severity::review;
    f.loc = loc(100u + static_cast<std::uint32_t>(n), "/school/teachers/teacher[@id='t" + std::to_string(n) + "']");
    f.message = text("message " + std::to_string(n));
    f.notes = {text("note a"), text("note b"), Text{}};
    f.measured = Value{Decimal::from_milli(-1500), text("units"), text("at least")};
    f.required = Value{std::nullopt, Text{}, text("a licence")};
    f.citation = "指導要領 6(5)";
    if (waived) {
        f.waiver_reason = "approved on 2024-04-01";
        f.waiver_id = "";  // present but empty is not absent
    }
    return f;
}

/// Every field of every type set, to a value other than its default; optionals
/// both present and absent.
FileReport full_report() {
    FileReport r;
    r.path = "dir/学校 \"a\".xml";
    r.encoding = "Shift_JIS";
    r.errors = {Diagnostic{"dir/学校.xml", loc(std::numeric_limits<std::uint32_t>::max(), "/school/@x"), text("wrong"),
                           text("expected")},
                Diagnostic{"other.xml", Loc{}, text("second"), Text{}}};
    r.school_name = "青葉鍼灸専門学校";
    r.type = FacilityType::anma_hari_kyu;
    r.standard_id = "ahaki-2018";
    Outcome a;
    a.rule_id = "CUR-001";
    a.scope = "course=day area=foundations";
    a.label = text("label");
    a.status = Status::not_checked;
    a.measured = Value{Decimal::from_milli(std::numeric_limits<std::int64_t>::min()), text("hours"), Text{}};
    a.required = Value{Decimal::from_milli(std::numeric_limits<std::int64_t>::max()), text("hours"), text("or more")};
    a.loc = loc(12, "/school/course[@id='day']");
    a.findings = {finding(1, true), finding(2, false)};
    Outcome b;
    b.rule_id = "XSB-002";
    b.status = Status::needs_review;
    r.outcomes = {a, b};
    CourseSummary c;
    c.id = "day";
    c.schedule = Schedule::night;
    c.years = -3;
    c.standard_id = "ahaki-2018";
    for (std::size_t i = 0; i < area_count; ++i) {
        c.areas[i].area = static_cast<Area>(area_count - 1 - i);
        c.areas[i].units = Decimal::from_milli(static_cast<std::int64_t>(i) * 1250 + 1);
        c.areas[i].hours = Decimal::from_int(static_cast<std::int64_t>(i) * 30 + 7);
        if (i % 2) c.areas[i].min_units = Decimal::from_int(static_cast<std::int64_t>(i));
    }
    c.total_units = Decimal::from_milli(85500);
    c.total_hours = Decimal::from_int(2550);
    c.min_total_units = Decimal::from_int(77);
    c.subject_count = 123456789012u;
    c.loc = loc(3, "/school/course[@id='day']");
    r.courses = {c, CourseSummary{}};
    r.cross_keys = {CrossKey{CrossKey::Kind::site, "A|さくら鍼灸治療院", "s1", text("site"), loc(40, "/school/sites/site"), {}, {}, {}},
                    CrossKey{CrossKey::Kind::full_time_teacher, "hari-licence 100001", "t1", text("teacher"), Loc{}, "2010-04-01",
                             "2030-03-31", {}},
                    CrossKey{CrossKey::Kind::person, "佐藤花子", "t1", text("teacher"), Loc{}, {}, {}, "F|1972-06-15"}};
    return r;
}

void expect_same(const FileReport& a, const FileReport& b) {
    EXPECT_EQ(a.path, b.path);
    EXPECT_EQ(a.encoding, b.encoding);
    EXPECT_EQ(a.errors, b.errors);
    EXPECT_EQ(a.school_name, b.school_name);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.standard_id, b.standard_id);
    EXPECT_EQ(a.outcomes, b.outcomes);
    EXPECT_EQ(a.courses, b.courses);
    EXPECT_EQ(a.cross_keys, b.cross_keys);
    // `school`: only the courses and their subjects are spooled (tests/report/html_stream_test.cpp).
}

std::string bytes_of(const FileReport& r) {
    std::string out;
    spool::write(out, r);
    return out;
}

TEST(Spool, EveryFieldSurvivesTheRoundTrip) {
    const FileReport r = full_report();
    auto back = spool::read(bytes_of(r));
    ASSERT_TRUE(back);
    expect_same(*back, r);
}

TEST(Spool, DefaultReportSurvivesTheRoundTrip) {
    auto back = spool::read(bytes_of(FileReport{}));
    ASSERT_TRUE(back);
    expect_same(*back, FileReport{});
    EXPECT_FALSE(back->type);
}

TEST(Spool, DamagedBytesAreRefused) {
    const std::string bytes = bytes_of(full_report());
    for (std::size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(spool::read(std::string_view(bytes).substr(0, n))) << n;
    EXPECT_FALSE(spool::read(bytes + '\0'));
    // A count larger than the bytes left is refused before anything is allocated.
    EXPECT_FALSE(spool::read(std::string(12, '\xFF')));
}

TEST(Spool, ReadsBackEveryReportInAnyOrder) {
    ReportSpool s;
    ASSERT_TRUE(s.error().empty());
    std::vector<FileReport> reports(5, full_report());
    for (std::size_t i = 0; i < reports.size(); ++i) {
        reports[i].path = "file-" + std::to_string(i) + ".xml";
        if (i == 2) reports[i] = FileReport{};
        ASSERT_TRUE(s.append(bytes_of(reports[i])));
    }
    ASSERT_TRUE(s.finish());
    EXPECT_EQ(s.size(), reports.size());
    for (std::size_t i : {4u, 0u, 2u, 3u, 1u}) {
        Text why;
        auto back = s.read(i, why);
        ASSERT_TRUE(back) << why.en;
        expect_same(*back, reports[i]);
    }
}

TEST(Spool, FullDiskIsAnError) {
    std::FILE* full = std::fopen("/dev/full", "w+");
    if (!full) GTEST_SKIP() << "no /dev/full";
    ReportSpool s(full);
    // Buffered writes may only fail when flushed: either way the spool reports it.
    bool ok = true;
    for (int i = 0; i < 10 && ok; ++i) ok = s.append(bytes_of(full_report()));
    ok = ok && s.finish();
    EXPECT_FALSE(ok);
    EXPECT_EQ(s.error().en.rfind("cannot write the temporary file that holds the reports: ", 0), 0u) << s.error().en;
    EXPECT_FALSE(s.error().ja.empty());
    EXPECT_FALSE(s.append("x"));  // stays failed
}

TEST(Spool, NoFileIsAnError) {
    ReportSpool s(nullptr);
    EXPECT_FALSE(s.append("x"));
    EXPECT_FALSE(s.finish());
    EXPECT_EQ(s.error().en.rfind("cannot create the temporary file that holds the reports", 0), 0u) << s.error().en;
}

TEST(Spool, ReportsThatDoNotComeBackAreAnError) {
    // /dev/null takes the bytes and gives nothing back.
    std::FILE* null = std::fopen("/dev/null", "w+");
    ASSERT_TRUE(null);
    ReportSpool s(null);
    ASSERT_TRUE(s.append(bytes_of(full_report())));
    ASSERT_TRUE(s.finish());
    Text why;
    EXPECT_FALSE(s.read(0, why));
    EXPECT_EQ(why.en, "cannot read the temporary file that holds the reports: unexpected end of file");
}

}  // namespace
}  // namespace ahaki
