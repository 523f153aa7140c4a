// The CLI with clinic descriptions: every output format, --ryoyohi (a data file
// replaces the embedded one; a broken one is located, exit 2), the ryoyohi
// listing, and the HTML ledger (input text escaped).
#include <gtest/gtest.h>

#include <fstream>

#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {

std::string ex(const std::string& name) {
    std::string s(1, '\'');  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "'" + std::string
    s += source_dir();
    s += "/curricula/clinics/";
    s += name;
    s += '\'';
    return s;
}

TEST(ClinicCli, EveryFormatReportsTheClinicFindings) {
    for (const char* format : {"text", "json", "sarif", "junit", "github", "html"}) {
        RunResult r = run_binary(std::string("check --lang en --format ") + format + " " + ex("non-compliant/CLM-006-total-differs.xml"));
        EXPECT_EQ(r.exit_code, 1) << format << r.err;
        EXPECT_NE(r.out.find("CLM-006"), std::string::npos) << format;
    }
    RunResult ok = run_binary("check --format junit " + ex("compliant/2024-10-aoba.xml"));
    EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(ClinicCli, RyoyohiFileReplacesTheEmbeddedData) {
    TempDir d("clinic-cli");
    std::string data = read_file(source_dir() + "/schemas/ryoyohi/ryoyohi.xml");
    // The 2024-10 edition with a treatment fee (2 techniques) of 1,800 instead of 1,770.
    auto pos = data.rfind("<fee item=\"treatment-2\" yen=\"1770\"");
    ASSERT_NE(pos, std::string::npos);
    data.replace(pos, std::string("<fee item=\"treatment-2\" yen=\"1770\"").size(), "<fee item=\"treatment-2\" yen=\"1800\"");
    {
        std::ofstream(d / "r.xml", std::ios::binary) << data;
    }
    RunResult r = run_binary("check --lang en --ryoyohi " + d / "r.xml" + " " + ex("non-compliant/CLM-006-total-differs.xml"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("the claim for 2024-10 totals ¥6,070 but its visits compute to ¥6,030 (difference +¥40)"), std::string::npos) << r.out;
    RunResult list = run_binary("ryoyohi --lang en --ryoyohi " + d / "r.xml");
    EXPECT_EQ(list.exit_code, 0);
    EXPECT_NE(list.out.find("treatment fee (2 techniques) 1800 SECONDARY"), std::string::npos) << list.out;

    {
        std::ofstream(d / "bad.xml", std::ios::binary)
            << "<ryoyohi xmlns=\"urn:ahaki-check:ryoyohi:1\" id=\"x\" title-ja=\"x\" title-en=\"x\">\n"
               "  <edition from=\"2024-10-01\" name=\"x\">\n    <fee item=\"first-exam-1\" yen=\"1950\" mark=\"GUESS\"/>\n  </edition>\n</ryoyohi>\n";
    }
    RunResult bad = run_binary("check --lang en --ryoyohi " + d / "bad.xml" + " " + ex("compliant/2024-10-aoba.xml"));
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find(d / "bad.xml" + ":3:47: error: mark=\"GUESS\": unknown provenance mark"), std::string::npos) << bad.err;
    EXPECT_EQ(bad.out, "");
}

TEST(ClinicCli, RyoyohiListsTheEditionsWithTheirMarks) {
    RunResult r = run_binary("ryoyohi --lang en");
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"2010-06-01 平成22年6月改定", "initial examination fee (1 technique) 1405,", "2014-04-01 平成26年4月改定 [date INFERRED]",
                          "initial examination fee (1 technique) UNKNOWN", "up to 4km UNKNOWN", "訪問施術料1 (1+ patients) 3910 SECONDARY / 4070",
                          "consent-months 2018-10-01: 6 NOTICE", "sudden-interval-days 2024-10-01: 14 SECONDARY"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
}

TEST(ClinicCli, HtmlLedgerEscapesTheClinicsText) {
    TempDir d("clinic-cli");
    {
        std::ofstream(d / "c.xml", std::ios::binary)
            << "<clinic xmlns=\"urn:ahaki-check:clinic:1\" name=\"&lt;script&gt;院\">\n"
               "  <patient id=\"p1\" name=\"&lt;b&gt;花子\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\"/>\n"
               "    <visit date=\"2024-10-16\" consent=\"c1\" techniques=\"hari\"/></patient>\n"
               "  <claim patient=\"p1\" month=\"2024-10\" total=\"1610\"/>\n</clinic>\n";
    }
    RunResult r = run_binary("check --format html " + d / "c.xml");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("<script>"), std::string::npos);
    EXPECT_EQ(r.out.find("<b>花子"), std::string::npos);
    EXPECT_NE(r.out.find("&lt;b&gt;花子（p1）"), std::string::npos);
    EXPECT_NE(r.out.find("<section class=\"ledger\">"), std::string::npos);
    EXPECT_NE(r.out.find("令和6年10月16日</td><td>施術料（1術） 1,610円</td><td class=\"y\">1,610円</td>"), std::string::npos);
    RunResult t = run_binary("check " + d / "c.xml");
    EXPECT_NE(t.out.find("令和6年10月分（申請 2024-10）: 請求 1,610円 / 計算 1,610円"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace ahaki::test
