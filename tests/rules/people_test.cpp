// Founder (FND), school rules (SRL), students (STU), teachers (TCH) and the
// checks across submissions (XSB): a passing and a failing case per rule at its
// boundary, with the exact message. The cases are registered for the rule
// catalogue test (catalogue_a_test.cpp) and run here too.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "support/helpers.hpp"
#include "support/rule_cases.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

/// The complete example with one edit; a missing anchor yields a file that
/// does not load, so the case fails visibly.
std::string edit(const std::string& from, const std::string& to) {
    std::string s = complete_hari_kyu();
    auto pos = s.find(from);
    if (pos == std::string::npos) return "<not-loadable/><!-- fixture edit not found -->";
    return s.replace(pos, from.size(), to);
}
std::string edit2(const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
    std::string s = edit(a, b);
    auto pos = s.find(c);
    if (pos == std::string::npos) return "<not-loadable/>";
    return s.replace(pos, c.size(), d);
}
std::string example(const std::string& rel) { return read_file(source_dir() + "/curricula/non-compliant/" + rel); }

/// The embedded standard with the required number of full-time teachers for
/// hari-kyu filled in (it is UNKNOWN in the shipped data).
const StandardSet& standard_with_full_time_min(int n) {
    static std::map<int, StandardSet> cache;
    auto it = cache.find(n);
    if (it != cache.end()) return it->second;
    std::string text = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    std::string from = "<param key=\"full-time-teachers-min\" type=\"hari-kyu\"/>";
    text.replace(text.find(from), from.size(),
                 "<param key=\"full-time-teachers-min\" type=\"hari-kyu\" value=\"" + std::to_string(n) + "\" provenance=\"ORD\"/>");
    StandardLoad l = read_standard("test-standard.xml", text);
    StandardSet set;
    if (l.standard) set.editions.push_back(std::move(*l.standard));
    return cache.emplace(n, std::move(set)).first->second;
}

const std::string item_line(const std::string& code) {
    std::string s = complete_hari_kyu();
    auto pos = s.find("<item code=\"" + code + "\"");
    auto start = s.rfind('\n', pos) + 1;
    auto end = s.find('\n', pos) + 1;
    return s.substr(start, end - start);
}

RuleCase srl(const std::string& id, const std::string& code, const std::string& what) {
    return {id, {complete_hari_kyu()}, {edit(item_line(code), "")},
            "the school rules do not state the " + what + " (add <item code=\"" + code + "\">)"};
}

const RegisterRuleCases registered{{
    {"FND-001", {complete_hari_kyu()},
     {edit("<founder kind=\"incorporated-school\" name=\"学校法人青葉学園\"/>", "<founder kind=\"for-profit-company\" name=\"株式会社青葉教育\"/>")},
     "the founder \"株式会社青葉教育\" is a for-profit company; a founder must in principle be the state, a local government or a "
     "non-profit corporation"},
    {"FND-001", {edit("kind=\"incorporated-school\"", "kind=\"social-welfare\"")},
     {edit("<founder kind=\"incorporated-school\" name=\"学校法人青葉学園\"/>", "<founder kind=\"individual\" name=\"青葉太郎\"/>")},
     "the founder \"青葉太郎\" (individual) is not one of the founders the guideline expects in principle (state, local "
     "government, non-profit corporation); check the reason for the exception (articles of incorporation, registry certificate)"},
    srl("SRL-001", "name", "name of the facility"),
    srl("SRL-002", "location", "location"),
    srl("SRL-003", "curriculum", "curriculum"),
    srl("SRL-004", "type-capacity-years-classes", "facility type and, per course, the intake per year, years of study and number of classes"),
    srl("SRL-005", "holidays-teaching-days", "holidays and required teaching days per year"),
    srl("SRL-006", "staff", "staff titles and numbers, and the number of full-time teachers"),
    srl("SRL-007", "admission", "admission requirements, selection and procedure"),
    srl("SRL-008", "progression-graduation", "criteria for progression, graduation, withdrawal and expulsion"),
    srl("SRL-009", "fees", "kinds and amounts of fees, and a clause that no other fees are collected"),
    {"SRL-009", {complete_hari_kyu()}, {edit("no-other-fees=\"true\"", "no-other-fees=\"false\"")},
     "the school rules do not state that no fees other than those listed are collected (no-other-fees=\"true\")"},
    {"STU-001",
     {edit("<intake course=\"day\" capacity=\"30\" classes=\"1\"/>",
           "<intake course=\"day\" capacity=\"30\" classes=\"1\"/><enrolment course=\"day\" year=\"2026\" admitted=\"30\"/>")},
     {edit("<intake course=\"day\" capacity=\"30\" classes=\"1\"/>",
           "<intake course=\"day\" capacity=\"30\" classes=\"1\"/><enrolment course=\"day\" year=\"2026\" admitted=\"31\"/>")},
     "course day (day course): 31 students admitted in 2026, above the capacity of 30"},
    {"STU-001", {complete_hari_kyu()}, {edit("<intake course=\"day\" capacity=\"30\" classes=\"1\"/>", "")},
     "course day (day course): no intake capacity is stated (<intake course=\"day\" capacity=\"…\">)"},
    {"STU-002", {complete_hari_kyu()}, {edit("certificates-checked=\"true\"", "certificates-checked=\"false\"")},
     "admission eligibility is not checked with a graduation or prospective-graduation certificate"},
    {"STU-003", {edit("selection=\"written-exam interview\"", "selection=\"interview\"")},
     {edit("selection=\"written-exam interview\"", "selection=\"documents\"")},
     "entrants are selected by documents only, without a written examination or interview; check the selection guidelines "
     "to judge whether it is appropriate"},
    {"STU-003", {edit("selection=\"written-exam interview\"", "selection=\"written-exam\"")},
     {edit("selection=\"written-exam interview\"", "selection=\"\"")}, "no selection method is stated"},
    {"STU-004", {complete_hari_kyu()}, {edit("mid-year-admission=\"false\"", "mid-year-admission=\"true\"")},
     "students are admitted mid-year; the time of admission must be fixed and no mid-year admission made"},
    {"STU-005", {edit("transfers=\"accredited-equivalent-year\"", "transfers=\"none\"")},
     {edit("transfers=\"accredited-equivalent-year\"", "transfers=\"other\"")},
     "the transfer policy is \"other\"; transfers are allowed only between equivalent years of accredited facilities"},
    {"STU-006", {complete_hari_kyu()},
     {edit("poor-attendance-blocks-progression=\"true\"", "poor-attendance-blocks-progression=\"false\"")},
     "students with poor attendance may still progress or graduate"},
    {"STU-006", {complete_hari_kyu()}, {edit("attendance-tracked=\"true\"", "attendance-tracked=\"false\"")},
     "students' attendance is not tracked"},
    {"STU-007", {complete_hari_kyu()}, {edit("health-checks=\"true\"", "health-checks=\"false\"")},
     "no health checks or other health measures for students are in place"},
    {"TCH-001", {edit("      <head-declaration", "      <other-post employer=\"青葉大学\" title=\"非常勤講師\" full-time=\"false\"/>\n      <head-declaration")},
     {edit("      <head-declaration", "      <other-post employer=\"青葉総合病院\" title=\"院長\" full-time=\"true\"/>\n      <head-declaration")},
     "the head 田中一郎 holds a full-time post at \"青葉総合病院\" (only part-time posts such as a university lecturer are allowed)"},
    {"TCH-001", {complete_hari_kyu()}, {edit("no-imprisonment=\"true\"", "no-imprisonment=\"false\"")},
     "the head 田中一郎 has been sentenced to imprisonment or heavier (指導要領 6(1)イ)"},
    {"TCH-001", {complete_hari_kyu()}, {edit("role=\"head\"", "role=\"teacher\"")}, "no head of the facility (role=\"head\") is described"},
    {"TCH-002", {complete_hari_kyu()}, {edit("post=\"assistant-professor\" years=\"3\"", "post=\"assistant-professor\" years=\"2\"")},
     "teacher 山本恵 (t-univ) teaches \"心理学\": the qualifications held (university teacher) are not among the equivalents of "
     "指導要領 6(2) (served 2 years as 助教 (required: at least 3, 指導要領 6(2)ア, 6(3)ウ)); the primary qualifications of the "
     "別表第二 row foundations (基礎分野) are not in the standard data (UNKNOWN): check the licences and CV by hand"},
    {"TCH-002", {complete_hari_kyu()},
     {edit("      <qualification code=\"university-teacher\" field=\"心理学\" post=\"assistant-professor\" years=\"3\"/>\n", "")},
     "teacher 山本恵 (t-univ) teaches \"心理学\": no licence or qualification is described"},
    {"TCH-003", {complete_hari_kyu()},
     {edit("      <teaches subject=\"d-reh\"/>", "      <teaches subject=\"d-reh\"/>\n      <teaches subject=\"d-hyg\"/>")},
     "teacher 渡辺翔 (t-rehab) teaches \"衛生学・公衆衛生学\": a physical therapist may teach only rehabilitation medicine; check "
     "that \"衛生学・公衆衛生学\" is rehabilitation medicine"},
    {"TCH-003", {edit("<qualification code=\"physician\" date=\"1990-05-01\" number=\"100009\"/>", "<qualification code=\"dentist\" date=\"1990-05-01\" number=\"100009\"/>")},
     {edit2("<qualification code=\"physician\" date=\"1990-05-01\" number=\"100009\"/>", "<qualification code=\"dentist\" date=\"1990-05-01\" number=\"100009\"/>",
            "      <qualification code=\"doctorate\" date=\"1996-03-31\" field=\"医学\"/>\n", "")},
     "teacher 伊藤昌平 (t-medicine) teaches \"病理学概論\": a dentist may teach only content other than clinical medicine; "
     "check that \"病理学概論\" is not clinical medicine"},
    {"TCH-004", {complete_hari_kyu()},
     {edit("      <qualification code=\"masters\" date=\"2012-03-31\" field=\"鍼灸学\"/>\n", "")},
     "teacher 佐藤花子 (t-director) teaches \"経絡経穴概論\": the qualifications held (acupuncturist licence, moxibustion "
     "practitioner licence) are not among the equivalents of 指導要領 6(4); the primary qualifications of the 別表第二 row "
     "professional studies (専門分野) are not in the standard data (UNKNOWN): check the licences and CV by hand"},
    {"TCH-005", {edit("      <teaches subject=\"t-meri\"/>", "      <other-post employer=\"青葉大学\" full-time=\"false\"/>\n      <teaches subject=\"t-meri\"/>")},
     {edit("      <teaches subject=\"t-meri\"/>", "      <other-post employer=\"みどり鍼灸専門学校\" full-time=\"true\"/>\n      <teaches subject=\"t-meri\"/>")},
     "the full-time teacher 佐藤花子 (t-director) also holds a full-time post at \"みどり鍼灸専門学校\"; a teacher is full-time "
     "at one facility only"},
    {"TCH-006", {complete_hari_kyu()},
     {edit("      <teaches subject=\"t-meri\"/>", "      <other-post employer=\"青葉整骨院\" full-time=\"false\"/>\n      <teaches subject=\"t-meri\"/>")},
     "the full-time teacher 佐藤花子 (t-director) also works part-time at \"青葉整骨院\"; check the working hours to judge "
     "whether the teacher works principally here"},
    {"TCH-007", {complete_hari_kyu()},
     {edit("weekly-class-hours=\"14\" clinical-engagement=\"true\"", "weekly-class-hours=\"14\" clinical-engagement=\"false\"")},
     "the full-time teacher 鈴木健 (t-practice) does not practise at the clinical sites"},
    {"TCH-007", {complete_hari_kyu()},
     {edit("weekly-class-hours=\"14\" clinical-engagement=\"true\"", "weekly-class-hours=\"14\"")},
     "the full-time teacher 鈴木健 (t-practice) does not practise at the clinical sites (clinical-engagement not stated)"},
    {"TCH-008", {edit("years-teaching=\"12\"", "years-teaching=\"4\"")},
     {edit2("years-teaching=\"12\"", "years-teaching=\"4\"", "years-teaching=\"5\"", "years-teaching=\"4\"")},
     "full-time teachers with at least 5 years teaching あはき: 1 (required: at least 2, 指導要領 6(8))"},
    {"TCH-009", {complete_hari_kyu()}, {edit("weekly-class-hours=\"15\"", "weekly-class-hours=\"15.5\"")},
     "teacher 佐藤花子 (t-director) teaches 15.5 class hours a week (standard: 15, 指導要領 6(9))"},
    {"TCH-010", {complete_hari_kyu()}, {edit("attendance-recorded=\"true\"", "attendance-recorded=\"false\"")},
     "teachers' attendance is not recorded"},
    {"TCH-011", {complete_hari_kyu()}, {edit(" placement-coordinator=\"true\"", "")},
     "clinical practice is held at 施術所 or medical institutions, but 0 full-time teachers are placement coordinators "
     "(placement-coordinator=\"true\"; required: at least 1, 指導要領 6(11))"},
    {"TCH-011", {complete_hari_kyu()},
     {edit2(" placement-coordinator=\"true\"", "", "employment=\"part-time\" weekly-class-hours=\"2\"",
            "employment=\"part-time\" placement-coordinator=\"true\" weekly-class-hours=\"2\"")},
     "clinical practice is held at 施術所 or medical institutions, but 0 full-time teachers are placement coordinators "
     "(placement-coordinator=\"true\"; required: at least 1, 指導要領 6(11))"},
    {"TCH-012", {complete_hari_kyu()},
     {edit("<teacher id=\"t-clinic\" name=\"高橋誠\" employment=\"full-time\"", "<teacher id=\"t-clinic\" name=\"高橋誠\" employment=\"part-time\"")},
     "full-time teachers: 3 (required: at least 4, 認定規則 第2条)",
     [] () -> const StandardSet& { return standard_with_full_time_min(4); }},
    {"TCH-013", {complete_hari_kyu()},
     {edit("<teacher id=\"t-info\" name=\"小林大輔\" employment=\"part-time\" weekly-class-hours=\"2\" documents-verified=\"2025-09-01\">",
           "<teacher id=\"t-info\" name=\"小林大輔\" employment=\"part-time\" weekly-class-hours=\"2\">")},
     "teacher 小林大輔 (t-info): no date on which the qualifications were verified with licences and CV (documents-verified)"},
    {"TCH-014", {complete_hari_kyu()}, {edit("      <teaches subject=\"f-info\"/>\n", "")},
     "no teacher is described for \"情報処理演習\" (add <teaches subject=\"f-info\"> to its teacher)"},
    {"XSB-001",
     {example("XSB-002-clinic-shared-by-two-schools/a.xml"), example("XSB-002-clinic-shared-by-two-schools/b.xml")},
     {example("XSB-001-teacher-full-time-at-two-schools/a.xml"), example("XSB-001-teacher-full-time-at-two-schools/b.xml")},
     "the full-time teacher 佐藤花子 (hari-licence 100003) is also a full-time teacher in case-2.xml; a teacher is full-time at "
     "one facility only"},
    {"XSB-002",
     {example("XSB-001-teacher-full-time-at-two-schools/a.xml"), example("XSB-001-teacher-full-time-at-two-schools/b.xml")},
     {example("XSB-002-clinic-shared-by-two-schools/a.xml"), example("XSB-002-clinic-shared-by-two-schools/b.xml")},
     "the clinical site \"みどり治療院\" is also a clinical site of case-2.xml; check that its capacity and supervision suffice "
     "for every school's practice"},
}};

}  // namespace

TEST(PeopleRules, EveryRegisteredCaseHolds) {
    for (const auto& c : rule_cases()) {
        std::string_view id = c.rule;
        if (!(id.starts_with("FND") || id.starts_with("SRL") || id.starts_with("STU") || id.starts_with("TCH") ||
              id.starts_with("XSB")))
            continue;
        EXPECT_EQ(run_pass(c), "") << c.rule << ": " << c.fail_message_en;
        EXPECT_EQ(run_fail(c), "") << c.rule << ": " << c.fail_message_en;
    }
}

TEST(PeopleRules, CompleteExampleHasNoErrorOrWarning) {
    for (const char* f : {"hari-kyu.xml", "anma-hari-kyu.xml"}) {
        auto r = check_xml(read_file(source_dir() + "/curricula/complete/" + f), CheckOptions{true});
        ASSERT_TRUE(r.errors.empty()) << f;
        auto c = r.counts();
        EXPECT_EQ(c[0], 0u) << f;
        EXPECT_EQ(c[1], 0u) << f;
        // Only numbers the standard data does not have yet need a person: the required number
        // of full-time teachers (TCH-012) and the 別表 equipment list (EQP-001).
        EXPECT_EQ(findings_of(r, "TCH-012").size() + findings_of(r, "EQP-001").size(), c[2]) << f;
    }
}

TEST(PeopleRules, CurriculumOnlyFileReportsPeopleSectionsNotChecked) {
    auto r = check_xml(compliant_hari_kyu());
    ASSERT_TRUE(r.errors.empty());
    for (const char* id : {"FND-001", "SRL-001", "SRL-009", "STU-001", "STU-007", "TCH-001", "TCH-004", "TCH-012", "TCH-014"}) {
        auto os = outcomes_of(r, id);
        ASSERT_EQ(os.size(), 1u) << id;
        EXPECT_EQ(os[0]->status, Status::not_checked) << id;
    }
    EXPECT_EQ(r.verdict(), Verdict::partially_checked);
    auto complete = check_xml(compliant_hari_kyu(), CheckOptions{true});
    auto f = findings_of(complete, "TCH-001");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::error);
    EXPECT_EQ(f[0]->message.en,
              "cannot be checked: no teachers (<teachers>) described (checked as a complete application: --complete)");
}

TEST(PeopleRules, UnknownFullTimeTeacherCountIsAReview) {
    auto r = check_xml(complete_hari_kyu());
    auto f = findings_of(r, "TCH-012");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0]->severity, Severity::review);
    EXPECT_EQ(f[0]->message.en,
              "4 full-time teachers: the required number is not in the standard data (認定規則 第2条, UNKNOWN); check the number "
              "for the facility type and classes by hand");
}

TEST(PeopleRules, StatedPolicyMissingIsNotChecked) {
    auto r = check_xml(edit(" health-checks=\"true\"", ""));
    auto os = outcomes_of(r, "STU-007");
    ASSERT_EQ(os.size(), 1u);
    EXPECT_EQ(os[0]->status, Status::not_checked);
}

}  // namespace ahaki::test

namespace ahaki::test {

// The qualification lists of 別表第二 are data: every code in them must be a
// qualification code of the input format, every condition one the rules know.
TEST(PeopleRules, StandardQualificationListsUseKnownCodes) {
    const Standard& st = standards().editions.back();
    for (std::string_view row : {"foundations", "basic-medical", "specialised"}) {
        const Threshold& t = st.get({"teacher-equivalent-qualifications", std::nullopt, std::nullopt, std::nullopt, row});
        ASSERT_TRUE(t.known()) << row;
        std::istringstream in(t.text);
        std::string token;
        int n = 0;
        while (in >> token) {
            ++n;
            std::string code = token.substr(0, token.find(':'));
            std::string cond = token.find(':') == std::string::npos ? "" : token.substr(token.find(':') + 1);
            EXPECT_TRUE(parse_code(qualification_codes(), code).has_value()) << row << ": " << token;
            EXPECT_TRUE(cond.empty() || cond == "assistant-min-years" || cond == "not-clinical-medicine" ||
                        cond == "rehabilitation-medicine")
                << row << ": " << token;
        }
        EXPECT_GT(n, 0) << row;
        EXPECT_FALSE(st.get({"teacher-primary-qualifications", std::nullopt, std::nullopt, std::nullopt, row}).known()) << row;
    }
}

}  // namespace ahaki::test
