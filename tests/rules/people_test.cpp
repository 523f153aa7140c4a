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
     "teacher 山本恵 (t-univ) teaches \"心理学\": the qualifications held (university teacher (心理学・社会学)) are not among the "
     "equivalents of 指導要領 6(2) (served 2 years as 助教 (required: at least 3, 指導要領 6(2)ア, 6(3)ウ))"},
    {"TCH-002", {complete_hari_kyu()},
     {edit("      <qualification code=\"university-teacher\" field=\"心理学・社会学\" post=\"assistant-professor\" years=\"3\"/>\n", "")},
     "teacher 山本恵 (t-univ) teaches \"心理学\": no licence or qualification is described"},
    // 6(2)ア: the recorded field against the subject (standard data <subject-fields>, INTERPRETED).
    {"TCH-002", {edit("field=\"心理学・社会学\"", "field=\"心理学（臨床心理学）・社会学\"")},
     {edit("field=\"心理学・社会学\"", "field=\"法学\"")},
     "teacher 山本恵 (t-univ) teaches \"心理学\": the qualifications held (university teacher (法学)) are not among the equivalents "
     "of 指導要領 6(2) (the field \"法学\" of the university teacher does not include \"心理学\" (psychology; the standard data's "
     "mapping of subjects to fields (INTERPRETED)))"},
    {"TCH-002", {complete_hari_kyu()}, {edit("field=\"心理学・社会学\"", "field=\"人間科学\"")},
     "teacher 山本恵 (t-univ) teaches \"心理学\": the field \"人間科学\" of the university teacher is not in the standard data's "
     "mapping of subjects to fields (INTERPRETED), so whether it includes \"心理学\" cannot be judged; check the CV and licence"},
    // 6(2)イ: the licence's 教科, written as offices write it (full-width, the licence's full name).
    {"TCH-002", {edit("number=\"100011\" field=\"英語\"", "number=\"100011\" field=\"高等学校教諭一種免許状（外国語（英語））\"")},
     {edit("number=\"100011\" field=\"英語\"", "number=\"100011\" field=\"国語\"")},
     "teacher 中村陽子 (t-english) teaches \"英語\": the qualifications held (high-school teacher licence in the matching subject "
     "(国語)) are not among the equivalents of 指導要領 6(2) (the licence subject (教科) \"国語\" of the high-school teacher licence "
     "in the matching subject does not include \"英語\" (English; the standard data's mapping of subjects to fields (INTERPRETED)))"},
    {"TCH-002", {complete_hari_kyu()}, {edit("name=\"生物学\"", "name=\"総合教養演習\"")},
     "teacher 加藤理沙 (t-science) teaches \"総合教養演習\": \"総合教養演習\" is not in the standard data's mapping of subjects to fields (INTERPRETED), so whether the licence subject "
     "(教科) \"理科\" of the high-school teacher licence in the matching subject includes it cannot be judged; check the CV and licence"},
    // 6(3)カ: a physical therapist for リハビリテーション医学 only.
    {"TCH-003", {complete_hari_kyu()},
     {edit("      <teaches subject=\"d-reh\"/>", "      <teaches subject=\"d-reh\"/>\n      <teaches subject=\"d-hyg\"/>")},
     "teacher 渡辺翔 (t-rehab) teaches \"衛生学・公衆衛生学\": the qualifications held (physical therapist) are not among the "
     "equivalents of 指導要領 6(3) (a physical therapist may teach only rehabilitation medicine (指導要領 6(3)カ); "
     "\"衛生学・公衆衛生学\" is hygiene and public health (the standard data's mapping of subjects to fields (INTERPRETED)))"},
    // 6(3)ア: a dentist for anything but 臨床医学: 病理学概論 passes, 臨床医学総論 fails.
    {"TCH-003",
     {edit2("<qualification code=\"physician\" date=\"1990-05-01\" number=\"100009\"/>\n      <qualification code=\"doctorate\" date=\"1996-03-31\" field=\"医学\"/>",
            "<qualification code=\"dentist\" date=\"1990-05-01\" number=\"100009\"/>",
            "      <teaches subject=\"d-gen\"/>\n      <teaches subject=\"d-spec\"/>\n", "")},
     {edit("<qualification code=\"physician\" date=\"1990-05-01\" number=\"100009\"/>\n      <qualification code=\"doctorate\" date=\"1996-03-31\" field=\"医学\"/>",
           "<qualification code=\"dentist\" date=\"1990-05-01\" number=\"100009\"/>")},
     "teacher 伊藤昌平 (t-medicine) teaches \"臨床医学総論\": the qualifications held (dentist) are not among the equivalents of "
     "指導要領 6(3) (a dentist may teach only content other than clinical medicine (指導要領 6(3)ア); \"臨床医学総論\" is clinical "
     "medicine (clinical medicine, the standard data's mapping of subjects to fields (INTERPRETED)))"},
    // 6(3)ウ: a university teacher whose field the mapping knows, but not for this subject.
    {"TCH-003", {complete_hari_kyu()}, {edit("field=\"社会保障法・医事法・生命倫理\"", "field=\"経済学\"")},
     "teacher 木村法子 (t-law) teaches \"関係法規\": the qualifications held (university teacher (経済学)) are not among the "
     "equivalents of 指導要領 6(3) (the field \"経済学\" of the university teacher does not include \"関係法規\" (relevant laws; the "
     "standard data's mapping of subjects to fields (INTERPRETED)))"},
    {"TCH-004", {complete_hari_kyu()},
     {edit("      <qualification code=\"masters\" date=\"2012-03-31\" field=\"鍼灸学\"/>\n", "")},
     "teacher 佐藤花子 (t-director) teaches \"経絡経穴概論\": the qualifications held (acupuncturist licence, moxibustion "
     "practitioner licence) are not among the equivalents of 指導要領 6(4); the primary qualifications of the 別表第二 row "
     "professional studies (専門分野) are not in the standard data (UNKNOWN): check the licences and CV by hand"},
    // 6(4)ア: a master's whose field does not include the subject; the licences may still be a primary qualification.
    {"TCH-004", {edit("date=\"2020-03-31\" field=\"鍼灸学\"", "date=\"2020-03-31\" field=\"東洋医学\"")},
     {edit("date=\"2020-03-31\" field=\"鍼灸学\"", "date=\"2020-03-31\" field=\"心理学\"")},
     "teacher 高橋誠 (t-clinic) teaches \"きゅう実技Ⅰ\": the qualifications held (acupuncturist licence, moxibustion practitioner "
     "licence, master's degree (心理学)) are not among the equivalents of 指導要領 6(4) (the field \"心理学\" of the master's degree "
     "does not include \"きゅう実技Ⅰ\" (anma, hari and kyu studies; the standard data's mapping of subjects to fields "
     "(INTERPRETED))); the primary qualifications of the 別表第二 row professional studies (専門分野) are not in the standard data "
     "(UNKNOWN): check the licences and CV by hand"},
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
    // 14(1): a qualification obtained after the verification date is a finding, not a load error; the same day passes.
    {"TCH-013", {edit("<qualification code=\"physician\" date=\"1990-05-01\"", "<qualification code=\"physician\" date=\"2025-09-01\"")},
     {edit("<qualification code=\"physician\" date=\"1990-05-01\"", "<qualification code=\"physician\" date=\"2025-09-02\"")},
     "teacher 伊藤昌平 (t-medicine): the qualification \"physician\" was obtained on 2025-09-02, after the documents were verified (2025-09-01); "
     "verify it again with the licence and CV and record that date"},
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
     "the clinical site \"みどり治療院\" is also a clinical site of case-2.xml (same registration number); check that its capacity "
     "and supervision suffice for every school's practice"},
    {"XSB-003",
     {example("XSB-001-teacher-full-time-at-two-schools/a.xml"), example("XSB-001-teacher-full-time-at-two-schools/b.xml")},
     {example("XSB-003-full-time-teacher-part-time-elsewhere/a.xml"), example("XSB-003-full-time-teacher-part-time-elsewhere/b.xml")},
     "the full-time teacher 佐藤花子 (hari-licence 100003) is described as a part-time teacher in case-2.xml in an overlapping "
     "period; a full-time teacher works principally at this facility: check the actual duties"},
    {"XSB-004",
     {example("XSB-001-teacher-full-time-at-two-schools/a.xml"), example("XSB-001-teacher-full-time-at-two-schools/b.xml")},
     {example("XSB-004-resubmission/v1.xml"), example("XSB-004-resubmission/v2.xml")},
     "case-2.xml is another version of the same school (\"青葉鍼灸専門学校\", same type): a resubmission; they are not compared "
     "with each other"},
    // 6(5) second sentence inside a file: a full-time post in another accreditation of the same facility.
    {"TCH-005",
     {edit2("  <teachers attendance-recorded=\"true\">",
            "  <one-facility name=\"青葉医療学院\"><accreditation id=\"acc-anma\" type=\"anma\" name=\"青葉医療学院 あん摩マッサージ指圧師科\"/></one-facility>\n"
            "  <teachers attendance-recorded=\"true\">",
            "      <teaches subject=\"t-meri\"/>",
            "      <other-post employer=\"青葉医療学院 あん摩マッサージ指圧師科\" full-time=\"true\" same-facility=\"acc-anma\"/>\n      <teaches subject=\"t-meri\"/>")},
     {edit2("  <teachers attendance-recorded=\"true\">",
            "  <one-facility name=\"青葉医療学院\"><accreditation id=\"acc-anma\" type=\"anma\"/></one-facility>\n  <teachers attendance-recorded=\"true\">",
            "      <teaches subject=\"t-meri\"/>", "      <other-post employer=\"青葉医療学院 あん摩マッサージ指圧師科\" full-time=\"true\"/>\n      <teaches subject=\"t-meri\"/>")},
     "the full-time teacher 佐藤花子 (t-director) also holds a full-time post at \"青葉医療学院 あん摩マッサージ指圧師科\"; a teacher is "
     "full-time at one facility only"},
    {"TCH-006",
     {edit2("  <teachers attendance-recorded=\"true\">",
            "  <one-facility name=\"青葉医療学院\"><accreditation id=\"acc-anma\" type=\"anma\"/></one-facility>\n  <teachers attendance-recorded=\"true\">",
            "      <teaches subject=\"t-meri\"/>",
            "      <other-post employer=\"青葉医療学院 あん摩マッサージ指圧師科\" full-time=\"false\" same-facility=\"acc-anma\"/>\n      <teaches subject=\"t-meri\"/>")},
     {edit("      <teaches subject=\"t-meri\"/>", "      <other-post employer=\"青葉医療学院 あん摩マッサージ指圧師科\" full-time=\"false\"/>\n      <teaches subject=\"t-meri\"/>")},
     "the full-time teacher 佐藤花子 (t-director) also works part-time at \"青葉医療学院 あん摩マッサージ指圧師科\"; check the working "
     "hours to judge whether the teacher works principally here"},
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

// Severities and the Japanese wording of the field checks (指導要領 6(2)–(4), 14(1)).
TEST(PeopleRules, FieldChecksSeverityAndJapanese) {
    auto r1 = check_xml(edit("field=\"心理学・社会学\"", "field=\"法学\""));
    auto mismatch = findings_of(r1, "TCH-002");
    ASSERT_FALSE(mismatch.empty());
    EXPECT_EQ(mismatch[0]->severity, Severity::error);
    EXPECT_EQ(mismatch[0]->message.ja,
              "教員 山本恵（t-univ）が「心理学」を担当: 保有資格（大学の教員（法学））は指導要領 6(2)の同等以上の者に当たりません"
              "（大学の教員の専攻分野「法学」は「心理学」（心理学）を含みません（基準データの科目と分野の対応表（INTERPRETED）））");
    auto r2 = check_xml(edit("field=\"心理学・社会学\"", "field=\"人間科学\""));
    auto unknown = findings_of(r2, "TCH-002");
    ASSERT_FALSE(unknown.empty());
    EXPECT_EQ(unknown[0]->severity, Severity::review);
    EXPECT_EQ(unknown[0]->message.ja,
              "教員 山本恵（t-univ）が「心理学」を担当: 大学の教員の専攻分野「人間科学」は基準データの科目と分野の対応表（INTERPRETED）に"
              "ないため、「心理学」を含むか判断できません。履歴書・免許状で確認してください");
    // A field the mapping leaves to a person (fields-review): review, not error.
    auto r3 = check_xml(edit("field=\"心理学・社会学\"", "field=\"心理学\""));
    auto maybe = findings_of(r3, "TCH-002");
    ASSERT_EQ(maybe.size(), 1u);  // 人間と社会 (sociology): 心理学 may include it
    EXPECT_EQ(maybe[0]->severity, Severity::review);
    EXPECT_EQ(maybe[0]->message.en,
              "teacher 山本恵 (t-univ) teaches \"人間と社会\": whether the field \"心理学\" of the university teacher includes "
              "\"人間と社会\" (sociology) is not settled by the standard data's mapping of subjects to fields (INTERPRETED); check "
              "the CV and licence");
    // 東洋医学 is not 医学: a word inside a longer word of the table does not count.
    auto r4 = check_xml(edit("<qualification code=\"doctorate\" date=\"1996-03-31\" field=\"医学\"/>",
                                               "<qualification code=\"doctorate\" date=\"1996-03-31\" field=\"東洋医学\"/>"));
    auto oriental = findings_of(r4, "TCH-003");
    ASSERT_FALSE(oriental.empty());
    EXPECT_EQ(oriental[0]->severity, Severity::review);  // the physician licence may be a primary qualification (UNKNOWN)
    auto r5 = check_xml(edit("<qualification code=\"physician\" date=\"1990-05-01\" number=\"100009\"/>\n      "
                                              "<qualification code=\"doctorate\" date=\"1996-03-31\" field=\"医学\"/>",
                                              "<qualification code=\"dentist\" date=\"1990-05-01\" number=\"100009\"/>"));
    auto dentist = findings_of(r5, "TCH-003");
    ASSERT_FALSE(dentist.empty());
    EXPECT_EQ(dentist[0]->severity, Severity::error);
    auto r6 = check_xml(edit("<qualification code=\"physician\" date=\"1990-05-01\"", "<qualification code=\"physician\" date=\"2025-09-02\""));
    auto late = findings_of(r6, "TCH-013");
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0]->severity, Severity::error);
    EXPECT_EQ(late[0]->message.ja,
              "教員 伊藤昌平（t-medicine）: 「医師」の取得日 2025-09-02 は書類の確認日 2025-09-01 より後です。取得後の免許証・履歴書で確認し直し、"
              "確認日を記載してください");
}

// Without the mapping in the standard data, a field is never judged: review.
TEST(PeopleRules, StandardWithoutMappingMakesFieldChecksReviews) {
    std::string text = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    auto a = text.find("  <subject-fields"), b = text.find("</subject-fields>");
    ASSERT_NE(a, std::string::npos);
    text.erase(a, b + std::string("</subject-fields>").size() - a);
    StandardLoad l = read_standard("no-mapping.xml", text);
    ASSERT_TRUE(l.standard) << (l.errors.empty() ? "" : l.errors[0].message.en);
    StandardSet set;
    set.editions.push_back(std::move(*l.standard));
    auto r = check_together({complete_hari_kyu()}, set);
    auto f = findings_of(r[0], "TCH-002");
    ASSERT_FALSE(f.empty());
    EXPECT_EQ(f[0]->severity, Severity::review);
    EXPECT_EQ(f[0]->message.en.find("the standard data has no mapping of subjects to fields (<subject-fields>)") != std::string::npos, true)
        << f[0]->message.en;
}

TEST(PeopleRules, OneFacilityInputErrors) {
    auto unknown = check_xml(edit("      <teaches subject=\"t-meri\"/>",
                                  "      <other-post employer=\"x\" full-time=\"true\" same-facility=\"acc-anma\"/>\n      <teaches subject=\"t-meri\"/>"));
    ASSERT_EQ(unknown.errors.size(), 1u);
    EXPECT_EQ(unknown.errors[0].message.en, "same-facility=\"acc-anma\" refers to no <accreditation> of <one-facility> in this file");
    auto own = check_xml(edit("  <teachers attendance-recorded=\"true\">",
                              "  <one-facility name=\"青葉医療学院\"><accreditation id=\"acc\" type=\"hari-kyu\"/></one-facility>\n  <teachers attendance-recorded=\"true\">"));
    ASSERT_EQ(own.errors.size(), 1u);
    EXPECT_EQ(own.errors[0].message.en.find("is this file's own (school/@type)") != std::string::npos, true) << own.errors[0].message.en;
    auto empty = check_xml(edit("  <teachers attendance-recorded=\"true\">", "  <one-facility name=\"青葉医療学院\"/>\n  <teachers attendance-recorded=\"true\">"));
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_EQ(empty.errors[0].message.en, "<one-facility> has no <accreditation>");
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
            std::string conds = token.find(':') == std::string::npos ? "" : token.substr(token.find(':') + 1);
            EXPECT_TRUE(parse_code(qualification_codes(), code).has_value()) << row << ": " << token;
            std::istringstream list(conds);
            for (std::string cond; std::getline(list, cond, ',');)
                EXPECT_TRUE(cond == "assistant-min-years" || cond == "not-clinical-medicine" || cond == "rehabilitation-medicine" ||
                            cond == "field" || cond == "licence-subject")
                    << row << ": " << token;
        }
        EXPECT_GT(n, 0) << row;
        EXPECT_FALSE(st.get({"teacher-primary-qualifications", std::nullopt, std::nullopt, std::nullopt, row}).known()) << row;
    }
}

}  // namespace ahaki::test
