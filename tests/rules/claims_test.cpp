// CLM-*: a passing and a failing case at each rule's boundary (inline clinic
// descriptions, registered in the rule catalogue), the exact messages, and the
// fee and consent computations the rules rest on.
#include <gtest/gtest.h>

#include "report/report.hpp"
#include "rules/claims/compute.hpp"
#include "support/helpers.hpp"
#include "support/rule_cases.hpp"
#include "xml/clinic/load_clinic.hpp"

namespace ahaki::test {
namespace {

std::string clinic(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clinic xmlns=\"urn:ahaki-check:clinic:1\" name=\"テスト鍼灸院\">\n" + body +
           "</clinic>\n";
}
/// One patient with an initial consent c1 (lumbago) of `consent_date` and the given visits.
std::string patient(const std::string& consent_date, const std::string& visits, const std::string& id = "pt1",
                    const std::string& extra_consents = "") {
    return "<patient id=\"" + id + "\" name=\"患者" + id + "\">\n<consent id=\"" + id + "-c1\" kind=\"initial\" date=\"" + consent_date +
           "\" doctor=\"佐藤一郎\" disease=\"lumbago\"/>\n" + extra_consents + visits + "</patient>\n";
}
std::string visit(const std::string& date, const std::string& attrs = "", const std::string& consent = "pt1-c1") {
    return "<visit date=\"" + date + "\" consent=\"" + consent + "\" techniques=\"hari kyu\" " + attrs + "/>\n";
}
std::string home(const std::string& date, const std::string& km, const std::string& attrs = "", const std::string& consent = "pt1-c1") {
    return visit(date, "place=\"home\" home-visit=\"sudden\" distance-km=\"" + km + "\" reason=\"歩行困難\" " + attrs, consent);
}
std::string claim(const std::string& month, const std::string& total, const std::string& attrs = "", const std::string& pt = "pt1") {
    return "<claim patient=\"" + pt + "\" month=\"" + month + "\" total=\"" + total + "\" " + attrs + "/>\n";
}

const std::string core_example = clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\" electro=\"true\"") +
                                                                   visit("2024-10-23", "electro=\"true\"")) +
                                        claim("2024-10", "5970"));

const std::string records_all =
    "<records retention-years=\"5\" items=\"eligibility card-checked consent-doctor disease dates outcome count content fees findings\"/>\n";

// A year of visits: first treatment 2023-09-01, then n visits in 2024-09 from the 2nd.
std::string year_patient(int visits_in_month) {
    std::string v = visit("2023-09-01", "first-exam=\"true\"");
    for (int i = 0; i < visits_in_month; ++i) v += visit("2024-09-" + std::string(i + 2 < 10 ? "0" : "") + std::to_string(i + 2));
    return patient("2023-08-25", v);
}

const RegisterRuleCases registered{{
    {"CLM-001",  // after 中止 treatment may resume within the period (第8章5); after 治癒 it needs a new consent
     {clinic(patient("2024-10-10", visit("2024-10-16") + "<end date=\"2024-10-16\" outcome=\"stopped\"/>\n" + visit("2024-10-30")))},
     {clinic(patient("2024-10-10", visit("2024-10-16") + "<end date=\"2024-10-16\" outcome=\"cured\"/>\n" + visit("2024-10-30")))},
     "the treatment on 2024-10-30 is under consent pt1-c1, whose course ended on 2024-10-16 (cured): treatment after a cure needs a new "
     "(initial) consent"},
    {"CLM-001",
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"") + visit("2025-04-30")))},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"") + visit("2025-05-07")))},
     "treatment on 2025-05-07 after the consent period (2024-10-16 to 2025-04-30)"},
    {"CLM-001",
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\" "
             "period-end=\"2024-12-31\"/>" + visit("2024-10-16", "", "c1") + visit("2024-12-31", "", "c1") + "</patient>\n")},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\" "
             "period-end=\"2024-12-31\"/>" + visit("2024-10-16", "", "c1") + visit("2025-01-06", "", "c1") + "</patient>\n")},
     "treatment on 2025-01-06 after the consent period (2024-10-16 to 2024-12-31)"},
    {"CLM-001",  // before 2018-10-01: three months; a start on the 15th ends at the end of the month after next
     {clinic(patient("2018-06-01", visit("2018-06-15") + visit("2018-08-31")))},
     {clinic(patient("2018-06-01", visit("2018-06-15") + visit("2018-09-01")))},
     "treatment on 2018-09-01 after the consent period (2018-06-15 to 2018-08-31)"},
    {"CLM-002",
     {core_example},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"other\" "
             "disease-name=\"変形性膝関節症\"/></patient>\n")},
     "the consented disease \"変形性膝関節症\" is not one of the six (neuralgia, rheumatism, cervicobrachial syndrome, frozen shoulder, "
     "lumbago, after-effects of a cervical sprain): the insurer decides case by case"},
    {"CLM-003",  // before 2018-10 a verbal renewal was allowed, recorded with the doctor's address (第3章4)
     {clinic(patient("2010-06-10", visit("2010-06-14") + visit("2010-09-06", "", "pt1-c2"), "pt1",
                     "<consent id=\"pt1-c2\" kind=\"renewal\" date=\"2010-08-30\" doctor=\"佐藤一郎\" disease=\"lumbago\" form=\"verbal\" "
                     "doctor-address=\"仙台市青葉区\"/>\n"))},
     {clinic(patient("2010-06-10", visit("2010-06-14") + visit("2010-09-06", "", "pt1-c2"), "pt1",
                     "<consent id=\"pt1-c2\" kind=\"renewal\" date=\"2010-08-30\" doctor=\"佐藤一郎\" disease=\"lumbago\" form=\"verbal\"/>\n"))},
     "the verbal renewal of 2010-08-30 does not record the consenting doctor's address (doctor-address): a verbal renewal is recorded on "
     "the claim and in the 施術録 with the doctor's address, name, date and disease"},
    {"CLM-003",
     {clinic(patient("2018-06-01", visit("2018-06-04"), "pt1",
                     "<consent id=\"r1\" kind=\"renewal\" date=\"2018-09-30\" doctor=\"佐藤一郎\" disease=\"lumbago\" form=\"verbal\" "
                     "doctor-address=\"仙台市青葉区\"/>\n"))},
     {clinic(patient("2018-06-01", visit("2018-06-04"), "pt1",
                     "<consent id=\"r1\" kind=\"renewal\" date=\"2018-10-01\" doctor=\"佐藤一郎\" disease=\"lumbago\" form=\"verbal\"/>\n"))},
     "the renewal of 2018-10-01 is verbal: from 2018-10-01 a renewal needs a written consent"},
    {"CLM-004",
     {core_example,
      // 第4章2: after a cure, a new disease under a new initial consent, even in the same month.
      clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-01\" doctor=\"d\" disease=\"lumbago\"/>"
             "<consent id=\"c2\" kind=\"initial\" date=\"2024-10-20\" doctor=\"d\" disease=\"frozen-shoulder\"/>" +
             visit("2024-10-02", "first-exam=\"true\"", "c1") + visit("2024-10-21", "first-exam=\"true\"", "c2") +
             "<end date=\"2024-10-10\" outcome=\"cured\"/></patient>\n")},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"") + visit("2024-10-23", "first-exam=\"true\"")))},
     "initial examination fee claimed on 2024-10-23: treatment is continuing (previous visit 2024-10-16); it is paid only once"},
    {"CLM-004",  // a relapse (after a cure, a new consent for the same disease) is a review
     {core_example},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-01\" doctor=\"d\" disease=\"lumbago\"/>"
             "<consent id=\"c2\" kind=\"initial\" date=\"2024-12-20\" doctor=\"d\" disease=\"lumbago\"/>" +
             visit("2024-10-02", "first-exam=\"true\"", "c1") + visit("2024-12-21", "first-exam=\"true\"", "c2") +
             "<end date=\"2024-10-10\" outcome=\"cured\"/></patient>\n")},
     "initial examination fee on 2024-12-21: after the end on 2024-10-10 (cured), a new consent for the same disease: whether it is a "
     "relapse is judged from the consent"},
    {"CLM-005",
     {core_example},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"") + visit("2024-10-16")))},
     "more than one treatment on 2024-10-16 (the fee is paid once a day, whatever the diseases or sites)"},
    {"CLM-006",
     {core_example},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\" electro=\"true\"") + visit("2024-10-23", "electro=\"true\"")) +
             claim("2024-10", "6000"))},
     "the claim for 2024-10 totals ¥6,000 but its visits compute to ¥5,970 (difference +¥30)"},
    {"CLM-006",  // 2010 edition, 往療料 by distance band: 4 km is the 2,660 band, 4.001 km the 3,460 band
     {clinic(patient("2010-07-01", home("2010-07-05", "4", "first-exam=\"true\"")) + claim("2010-07", "5610"))},
     {clinic(patient("2010-07-01", home("2010-07-05", "4.001", "first-exam=\"true\"")) + claim("2010-07", "5610"))},
     "the claim for 2010-07 totals ¥5,610 but its visits compute to ¥6,410 (difference -¥800)"},
    {"CLM-007",
     {clinic(patient("2024-09-01", home("2024-09-02", "16")))},
     {clinic(patient("2024-09-01", home("2024-09-02", "16.5")))},
     "the home visit on 2024-09-02 is 16.5 km one way, over 16 km: without an absolute reason no home-visit fee is paid at all, not only "
     "the part beyond"},
    {"CLM-007",
     {clinic(patient("2024-09-01", home("2024-09-02", "16", "absolute-reason=\"近隣に施術所がない離島\"")))},
     {clinic(patient("2024-09-01", home("2024-09-02", "16.5", "absolute-reason=\"近隣に施術所がない離島\"")))},
     "the home visit on 2024-09-02 is 16.5 km one way, over 16 km; the absolute reason \"近隣に施術所がない離島\" is recorded: the insurer "
     "decides whether the fee is paid"},
    {"CLM-008",
     {clinic(patient("2024-09-01", home("2024-09-03", "3", "building=\"ひまわり荘\"")) +
             patient("2024-09-01", home("2024-09-03", "3", "building=\"ひまわり荘\" travel-fee=\"false\"", "pt2-c1"), "pt2"))},
     {clinic(patient("2024-09-01", home("2024-09-03", "3", "building=\"ひまわり荘\"")) +
             patient("2024-09-01", home("2024-09-03", "3", "building=\"ひまわり荘\"", "pt2-c1"), "pt2"))},
     "on 2024-09-03 a home-visit fee is billed for each of 2 patients in one building (ひまわり荘): only one is paid for the building"},
    {"CLM-008",  // from 2024-10 too, for sudden visits (ryoyohi.md §3 gives the rule no end); regular ones are 訪問施術料
     {clinic(patient("2024-10-01", home("2024-11-05", "3", "building=\"ひまわり荘\"")) +
             patient("2024-10-01", home("2024-11-05", "3", "building=\"ひまわり荘\" travel-fee=\"false\"", "pt2-c1"), "pt2"))},
     {clinic(patient("2024-10-01", home("2024-11-05", "3", "building=\"ひまわり荘\"")) +
             patient("2024-10-01", home("2024-11-05", "3", "building=\"ひまわり荘\"", "pt2-c1"), "pt2"))},
     "on 2024-11-05 a home-visit fee is billed for each of 2 patients in one building (ひまわり荘): only one is paid for the building"},
    {"CLM-009",  // a home visit that does not say whether it was sudden or regular: its fee is not assumed
     {clinic(patient("2024-09-01", home("2024-09-03", "3")))},
     {clinic(patient("2024-09-01", visit("2024-09-03", "place=\"home\" distance-km=\"3\" reason=\"歩行困難\"")))},
     "the home visit on 2024-09-03 does not say whether it was sudden or regular (home-visit): no home-visit fee is paid for a regular, "
     "planned visit (第6章2), so the fee cannot be computed"},
    {"CLM-009",
     {clinic(patient("2024-10-10", home("2024-11-06", "3")))},
     {clinic(patient("2024-10-10", visit("2024-11-06", "place=\"home\" home-visit=\"sudden\" distance-km=\"3\"")))},
     "the home visit on 2024-11-06 has no reason recorded (the claim states each home-visit day and its reason)"},
    {"CLM-010",
     {clinic(patient("2024-10-10", home("2024-11-06", "3") + home("2024-11-21", "3")))},
     {clinic(patient("2024-10-10", home("2024-11-06", "3") + home("2024-11-20", "3")))},
     "the home-visit fee on 2024-11-20 is within 14 days of the sudden home visit on 2024-11-06: no further home-visit fee within 14 days "
     "of a sudden visit"},
    {"CLM-011",
     {core_example},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"")) + claim("2024-10", "3840") + claim("2024-10", "3840"))},
     "more than one claim for 2024-10 (one claim per patient and month)"},
    {"CLM-011",
     {core_example},
     {clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"")) + claim("2024-12", "0"))},
     "a claim for 2024-12, a month without a visit"},
    {"CLM-012",
     {clinic(records_all + patient("2024-10-10", visit("2024-10-16")))},
     {clinic("<records retention-years=\"4\" items=\"eligibility card-checked consent-doctor disease dates outcome count content fees findings\"/>\n" +
             patient("2024-10-10", visit("2024-10-16")))},
     "treatment records are kept 4 years; keep them 5 years from the day treatment was completed (seed 002 第7章 gives this as what the "
     "associations instruct their members: a warning)"},
    {"CLM-012",
     {clinic(records_all + patient("2024-10-10", visit("2024-10-16")))},
     {clinic("<records retention-years=\"5\" items=\"eligibility consent-doctor disease dates outcome count content fees findings\"/>\n" +
             patient("2024-10-10", visit("2024-10-16")))},
     "treatment records lack items of 第7章: the card checked at the start of each month (seed 002 第7章 gives this as what the "
     "associations instruct their members: a warning)"},
    {"CLM-013",
     {clinic(patient("2024-10-10", visit("2024-10-16", "report=\"true\"") + visit("2025-04-02", "report=\"true\"")))},
     {clinic(patient("2024-10-10", visit("2024-10-16", "report=\"true\"") + visit("2025-03-31", "report=\"true\"")))},
     "the treatment report fee of 2025-03 (2025-03-31) is within 5 months of the last one (2024-10): not paid when one was paid in the 5 "
     "months before"},
    {"CLM-014",
     {clinic(year_patient(15) + claim("2024-09", "0")), clinic(year_patient(16) + claim("2024-09", "0", "statement-of-reasons=\"true\""))},
     {clinic(year_patient(16) + claim("2024-09", "0"))},
     "16 visits in 2024-09, at least 1 year(s) after the first treatment (2023-09-01): the statement of reasons for continuing must be "
     "attached"},
    {"CLM-015",
     {core_example},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\"/>" +
             visit("2024-10-16", "", "c1") + visit("2024-10-23", "", "c1") +
             "<inpatient from=\"2024-10-20\" to=\"2024-10-25\" institution=\"市民病院\"/></patient>\n")},
     "the treatment on 2024-10-23 is during a hospital stay (2024-10-20 to 2024-10-25): no 療養費 for an inpatient"},
    {"CLM-015",
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\"/>" +
             visit("2024-10-16", "", "c1") + "<medical-care from=\"2024-10-01\" disease=\"neuralgia\"/></patient>\n")},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\"/>" +
             visit("2024-10-16", "", "c1") + "<medical-care from=\"2024-10-01\" disease=\"lumbago\"/></patient>\n")},
     "the treatment on 2024-10-16 is alongside medical care for the same disease (lumbago, from 2024-10-01)"},
    {"CLM-016",
     {core_example},
     {clinic(patient("2015-05-25", visit("2015-06-01", "first-exam=\"true\"")) + claim("2015-06", "2960"))},
     "the amount of the initial examination fee (2 techniques) on 2015-06-01 is not in the 療養費 data (UNKNOWN in the edition of "
     "2014-04-01): the total of ¥2,960 for 2015-06 cannot be verified"},
    {"CLM-017",
     {core_example},
     {clinic("<patient id=\"pt1\" name=\"p\"><consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"d\" disease=\"lumbago\" "
             "form=\"verbal\"/></patient>\n")},
     "the initial consent of 2024-10-10 is verbal: a first consent needs the doctor's written consent (or a certificate); only a renewal "
     "could be verbal"},
    {"CLM-018",
     {clinic(patient("2024-09-01", home("2024-09-02", "3")))},
     {clinic(patient("2024-09-01", visit("2024-09-02", "place=\"home\" home-visit=\"regular\" distance-km=\"3\" reason=\"通所困難\"")))},
     "a home-visit fee is claimed for the regular, planned visit on 2024-09-02: the fee is paid only for visits truly needed when the "
     "patient cannot come"},
    {"CLM-020",
     {clinic(patient("2024-10-10", home("2024-11-06", "3", "liaison-doctor=\"佐藤一郎\" liaison-institution=\"佐藤医院\" liaison-date=\"R6.11.6\"")))},
     {clinic(patient("2024-10-10", home("2024-11-06", "3", "liaison-doctor=\"佐藤一郎\"")))},
     "the sudden home visit on 2024-11-06 does not record the liaison with the doctor (missing: medical institution, date; stated on the "
     "claim from 2024-10-01)"},
    {"CLM-020",  // before 2024-10-01 no liaison is asked for: the rule has nothing to check in September
     {clinic(patient("2024-09-01", home("2024-09-30", "3") + home("2024-10-01", "3", "liaison-doctor=\"d\" liaison-institution=\"i\" liaison-date=\"2024-10-01\"")))},
     {clinic(patient("2024-09-01", home("2024-09-30", "3") + home("2024-10-01", "3")))},
     "the sudden home visit on 2024-10-01 does not record the liaison with the doctor (missing: doctor, medical institution, date; stated "
     "on the claim from 2024-10-01)"},
    {"CLM-019",
     {core_example},
     {clinic(patient("2019-05-01", visit("平成31年5月7日")))},
     "\"平成31年5月7日\" is written in an era after it ended: read as 2019-05-07 (Reiwa)"},
}};

const Finding* first_of(const FileReport& r, std::string_view id) {
    auto f = findings_of(r, id);
    return f.empty() ? nullptr : f.front();
}

TEST(ClaimsRules, MessagesInJapaneseUseWarekiDatesAndYen) {
    auto r = check_xml(clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\"") + visit("2025-05-07"))));
    ASSERT_TRUE(r.errors.empty());
    const Finding* f = first_of(r, "CLM-001");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->message.ja, "同意期間（令和6年10月16日〜令和7年4月30日）を過ぎた施術日 令和7年5月7日");
    EXPECT_EQ(f->loc.line, 6u);
    EXPECT_EQ(f->loc.path, "/clinic/patient[@id='pt1']/visit[2]/@date");

    auto t = check_xml(clinic(patient("2024-10-10", visit("2024-10-16", "first-exam=\"true\" electro=\"true\"") +
                                                        visit("2024-10-23", "electro=\"true\"")) +
                              claim("2024-10", "6000")));
    const Finding* g = first_of(t, "CLM-006");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->message.ja, "令和6年10月分の請求額 6,000円 が、施術日から計算した額 5,970円 と違います（差 +30円）");
    ASSERT_EQ(g->notes.size(), 3u);  // two visits and the provenance of the fees used
    EXPECT_EQ(g->notes[0].ja, "令和6年10月16日: 初検料（2術） 2,230円 + 施術料（2術） 1,770円 + 電療料 100円 = 4,100円");
    EXPECT_EQ(g->notes[1].ja, "令和6年10月23日: 施術料（2術） 1,770円 + 電療料 100円 = 1,870円");
    EXPECT_EQ(g->notes[2].en, "provenance of the fees used: SECONDARY (schemas/ryoyohi/ryoyohi.xml)");
}

TEST(ClaimsRules, NormalisedEraDateIsAWarningInJapanese) {
    auto r = check_xml(clinic(patient("2019-05-01", visit("平成31年5月7日"))));
    const Finding* f = first_of(r, "CLM-019");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->message.ja, "「平成31年5月7日」は元号が変わった後の日付のため、令和元年5月7日として読みました（旧元号は平成31年4月30日まで）");
    // A year the era never reached is read the same way, never rejected (ryoyohi.md §5): 平成32年 is 令和2年.
    auto y = check_xml(clinic(patient("2020-01-06", visit("平成32年1月10日"))));
    ASSERT_TRUE(y.errors.empty()) << y.errors.front().message.en;
    const Finding* g = first_of(y, "CLM-019");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->severity, Severity::warning);
    EXPECT_EQ(g->message.ja, "「平成32年1月10日」は元号が変わった後の日付のため、令和2年1月10日として読みました（旧元号は平成31年4月30日まで）");
    EXPECT_EQ(g->message.en, "\"平成32年1月10日\" is written in an era after it ended: read as 2020-01-10 (Reiwa)");
}

TEST(ClaimsRules, AFindingOnAnInferredEditionDateSaysSo) {
    // The 2014-04 edition's start date is INFERRED (ryoyohi.md): a difference computed from it says it rests on it.
    auto r = check_xml(clinic(patient("2014-04-01", visit("2014-04-10")) + claim("2014-04", "1000")));
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message.en;
    const Finding* f = first_of(r, "CLM-006");
    ASSERT_NE(f, nullptr);
    bool said = false;
    for (const auto& n : f->notes)
        said = said || n.en == "the start date 2014-04-01 of the fee edition 平成26年4月改定 is INFERRED: this difference rests on it";
    EXPECT_TRUE(said);
    // A claim in an edition whose date is known (2024-10) has no such note.
    auto k = check_xml(clinic(patient("2024-10-10", visit("2024-10-16")) + claim("2024-10", "1000")));
    const Finding* g = first_of(k, "CLM-006");
    ASSERT_NE(g, nullptr);
    for (const auto& n : g->notes) EXPECT_EQ(n.en.find("INFERRED"), std::string::npos) << n.en;
}

// ---- The computations ----

claims::Calc calc_of(const std::string& xml, clinic::Clinic& keep) {
    ReadResult r = decode_source("t.xml", xml);
    EXPECT_TRUE(r.source.has_value());
    ClinicLoad l = load_clinic(*r.source);
    EXPECT_TRUE(l.errors.empty()) << (l.errors.empty() ? "" : l.errors.front().message.en);
    keep = std::move(*l.clinic);
    return claims::compute(keep, embedded_ryoyohi());
}

TEST(ClaimsCompute, WorkedConsentEndsOfTheReference) {
    // ryoyohi.md 2: 2010-06-10 → 2010-08-31; 2010-06-20 → 2010-09-30; 2024-10-15 → 2025-03-31;
    // 2024-10-16 → 2025-04-30; 2025-09-15 → 2026-02-28 (a renewal starts on its date).
    const std::pair<const char*, const char*> cases[] = {{"2010-06-10", "2010-08-31"}, {"2010-06-20", "2010-09-30"},
                                                         {"2024-10-15", "2025-03-31"}, {"2024-10-16", "2025-04-30"},
                                                         {"2025-09-15", "2026-02-28"}, {"2018-09-30", "2018-12-31"},
                                                         {"2018-10-01", "2019-03-31"}};
    for (auto [start, end] : cases) {
        clinic::Clinic c;
        auto calc = calc_of(clinic("<patient id=\"p\" name=\"p\"><consent id=\"r\" kind=\"renewal\" date=\"" + std::string(start) +
                                   "\" doctor=\"d\" disease=\"lumbago\"/></patient>\n"),
                            c);
        ASSERT_TRUE(calc.patients[0].periods[0].known) << start;
        EXPECT_EQ(calc.patients[0].periods[0].end.str(), end) << start;
    }
}

TEST(ClaimsCompute, FeesComeFromTheEditionOfTheTreatmentDay) {
    // 2024-05-31 is the 2022-06 edition (施術料2術 1,610, 電療料 34); 2024-06-01 the 2024-06 edition (1,770, 100).
    clinic::Clinic c;
    auto calc = calc_of(clinic(patient("2024-05-01", visit("2024-05-31", "electro=\"true\"") + visit("2024-06-01", "electro=\"true\""))), c);
    EXPECT_EQ(calc.patients[0].fees[0].total, 1610 + 34);
    EXPECT_EQ(calc.patients[0].fees[1].total, 1770 + 100);
    EXPECT_EQ(calc.patients[0].fees[1].edition->from.str(), "2024-06-01");
}

TEST(ClaimsCompute, DistanceBandsAndVisitTiers) {
    clinic::Clinic c;
    // 2010: up to 2 km 1,860; over 2 up to 4 2,660; over 4 up to 6 3,460; over 6 up to 16 4,260.
    auto calc = calc_of(clinic(patient("2010-07-01", home("2010-07-02", "2") + home("2010-07-03", "2.001") + home("2010-07-04", "6.5") +
                                                         home("2010-07-05", "16"))),
                        c);
    const std::int64_t t2 = 1495;
    EXPECT_EQ(calc.patients[0].fees[0].total, t2 + 1860);
    EXPECT_EQ(calc.patients[0].fees[1].total, t2 + 2660);
    EXPECT_EQ(calc.patients[0].fees[2].total, t2 + 4260);
    EXPECT_EQ(calc.patients[0].fees[3].total, t2 + 4260);
    // 2024-10: regular visits are 訪問施術料 by patients in the building that day (1 → tier 1, 3 → tier 3).
    std::string reg = "place=\"home\" home-visit=\"regular\" distance-km=\"1\" reason=\"通所困難\" building=\"A棟\"";
    auto tiers = calc_of(clinic(patient("2024-10-01", visit("2024-10-02", reg)) +
                                patient("2024-10-01", visit("2024-10-03", reg, "b-c1"), "b") +
                                patient("2024-10-01", visit("2024-10-03", reg, "c-c1"), "c") +
                                patient("2024-10-01", visit("2024-10-03", reg + " electro=\"true\"", "d-c1"), "d")),
                         c);
    EXPECT_EQ(tiers.patients[0].fees[0].total, 4070);
    EXPECT_EQ(tiers.patients[1].fees[0].total, 2230);
    EXPECT_EQ(tiers.patients[3].fees[0].total, 2230 + 100);
}

TEST(ClaimsCompute, UnknownValuesAreNeverInvented) {
    clinic::Clinic c;
    // 2014-04 edition: distance additions UNKNOWN; up to 2 km known (1,800 INFERRED).
    auto calc = calc_of(clinic(patient("2015-01-05", home("2015-01-06", "2") + home("2015-01-07", "3"))), c);
    EXPECT_FALSE(calc.patients[0].fees[0].unknown);
    EXPECT_EQ(calc.patients[0].fees[0].total, 1510 + 1800);
    EXPECT_TRUE(calc.patients[0].fees[1].unknown);
}

}  // namespace
}  // namespace ahaki::test

namespace ahaki::test {
namespace {

// The element limit is the kind's own (README "Strict XML"): a clinic's visits are elements,
// so a clinic file may hold far more than a school's 20,000 (element 20,001 is the visit on line 20,002).
std::string clinic_with_visits(int n) {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clinic xmlns=\"urn:ahaki-check:clinic:1\" name=\"青葉鍼灸院\">\n"
                    "<patient id=\"pt1\" name=\"山田花子\">\n<consent id=\"c1\" kind=\"initial\" date=\"2024-10-10\" doctor=\"佐藤一郎\" disease=\"lumbago\"/>\n";
    const Date d{2024, 10, 16};
    for (int i = 0; i < n; ++i) x += "<visit date=\"" + Date::from_days(d.days() + i).str() + "\" consent=\"c1\" techniques=\"hari\"/>\n";
    return x + "</patient>\n</clinic>\n";
}

TEST(ClinicLimits, AClinicFileHasItsOwnElementLimit) {
    const std::string xml = clinic_with_visits(25000);
    ClinicLoad by_default = load_clinic(SourceText("big.xml", xml, "UTF-8"));
    EXPECT_TRUE(by_default.clinic.has_value()) << (by_default.errors.empty() ? "" : diagnostic_line(by_default.errors.front(), Lang::en));
    LoadOptions o;
    o.limits.max_elements = 20000;
    ClinicLoad capped = load_clinic(SourceText("big.xml", xml, "UTF-8"), o);
    ASSERT_FALSE(capped.errors.empty());
    EXPECT_EQ(diagnostic_line(capped.errors.front(), Lang::en),
              "big.xml:20002:1: error: too many elements (at most 20000; a clinic's year of visits needs tens of thousands at most; "
              "change it with --max-elements) (expected: at most 20000 elements)");
}

}  // namespace
}  // namespace ahaki::test
