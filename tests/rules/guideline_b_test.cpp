// Issue 10, items 4–8: boundary cases of the clinical-site, premises, school-rules, fee,
// deadline and provenance checks, each built by editing a complete example. A case
// with an empty message must produce no finding of its rule (and at least one
// outcome); otherwise a finding with exactly that message and severity.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "rules/catalogue_b.hpp"
#include "support/helpers.hpp"
#include "xml/source.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

const char* const HK = "curricula/complete/hari-kyu.xml";
const char* const AHK = "curricula/complete/anma-hari-kyu.xml";

struct Case {
    const char* name;
    const char* rule;
    const char* base;
    Edits edits;
    const char* message_ja;  ///< empty: no finding of the rule
    Severity severity = Severity::error;
    /// Replacements in the embedded standard (e.g. another deadline reading); empty: embedded.
    Edits standard_edits = {};
};

StandardSet edited_standard(const Edits& edits) {
    std::string s = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    for (const auto& [from, to] : edits) s = replace_once(std::move(s), from, to);
    auto src = decode_source("edited-standard.xml", s);
    auto l = read_standard(*src.source);
    EXPECT_TRUE(l.errors.empty()) << (l.errors.empty() ? "" : l.errors.front().message.en);
    StandardSet set;
    if (l.standard) set.editions.push_back(std::move(*l.standard));
    return set;
}

FileReport run(const Case& c) {
    std::string xml = read_file(source_dir() + "/" + c.base);
    for (const auto& [from, to] : c.edits) xml = replace_once(std::move(xml), from, to);
    if (c.standard_edits.empty()) return check_xml(xml);
    StandardSet set = edited_standard(c.standard_edits);
    auto src = decode_source("test.xml", xml);
    return check_source(*src.source, set, RunOptions{});
}

// Deadlines (item 7): 民法 140/143 counted back, the last day is the day before the same
// date N months/years earlier; that same date is the boundary day (review).
const Edits plan(const char* start, const char* submitted) {
    return {{"planned-start=\"2026-04-01\"", std::string("planned-start=\"") + start + "\""},
            {"plan-submitted=\"2025-03-31\"", std::string("plan-submitted=\"") + submitted + "\""}};
}
/// A capacity increase on `effective`, its plan (§2(2)) and change application (§3) submitted on the given days.
const Edits capacity(const char* effective, const char* plan_on, const char* application_on) {
    return {{"<advertising start=\"2025-04-15\"", std::string("<capacity-increase effective=\"") + effective + "\" plan-submitted=\"" + plan_on +
                                                      "\" application-submitted=\"" + application_on + "\"/>\n    <advertising start=\"2025-04-15\""}};
}
const Edits application(const char* start, const char* submitted) {
    return {{"planned-start=\"2026-04-01\"", std::string("planned-start=\"") + start + "\""},
            {"application-submitted=\"2025-09-30\"", std::string("application-submitted=\"") + submitted + "\""}};
}
const Edits fee_plan(const char* effective, const char* submitted) {
    return {{"effective=\"2027-04-01\" plan-submitted=\"2026-12-31\"",
             std::string("effective=\"") + effective + "\" plan-submitted=\"" + submitted + "\""}};
}

const std::vector<Case>& cases() {
    static const std::vector<Case> table = {
        // ---- item 7: deadlines under 民法 140/143
        {"plan_civil_last_day", "PRC-001", AHK, plan("2026-04-01", "2025-03-31"), ""},
        {"plan_boundary_day", "PRC-001", AHK, plan("2026-04-01", "2025-04-01"),
         "設置計画書の提出 2025-04-01 は授業開始予定日 2026-04-01 の1年前の日です。日常の読み方では期限内（2025-04-01 まで）ですが、"
         "民法 140条・143条による計算では期限は 2025-03-31 で、1日遅れています。早い方の 2025-03-31 までに提出したか確認してください"
         "（指導要領 2(1)、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        {"plan_late_both", "PRC-001", AHK, plan("2026-04-01", "2025-04-02"),
         "設置計画書の提出 2025-04-02 は授業開始予定日 2026-04-01 の1年前（2025-04-01）より後です（必要: 民法 140条・143条により 2025-03-31 まで、指導要領 2(1)）"},
        // a leap day: one year before 2028-02-29 is 2027-02-28 (everyday), 2027-02-27 (民法)
        {"capacity_leap_day_civil", "PRC-002", AHK, capacity("2028-02-29", "2027-02-27", "2027-08-28"), ""},
        {"capacity_leap_day_boundary", "PRC-002", AHK, capacity("2028-02-29", "2027-02-28", "2027-08-28"),
         "定員変更計画書の提出 2027-02-28 は定員の変更日 2028-02-29 の1年前の日です。日常の読み方では期限内（2027-02-28 まで）ですが、"
         "民法 140条・143条による計算では期限は 2027-02-27 で、1日遅れています。早い方の 2027-02-27 までに提出したか確認してください"
         "（指導要領 2(2)、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        {"capacity_leap_day_late", "PRC-002", AHK, capacity("2028-02-29", "2027-03-01", "2027-08-28"),
         "定員変更計画書の提出 2027-03-01 は定員の変更日 2028-02-29 の1年前（2027-02-28）より後です（必要: 民法 140条・143条により 2027-02-27 まで、指導要領 2(2)）"},
        {"capacity_leap_day_application_boundary", "PRC-003", AHK, capacity("2028-02-29", "2027-02-27", "2027-08-29"),
         "変更の承認の申請 2027-08-29 は定員の変更日 2028-02-29 の6か月前の日です。日常の読み方では期限内（2027-08-29 まで）ですが、"
         "民法 140条・143条による計算では期限は 2027-08-28 で、1日遅れています。早い方の 2027-08-28 までに提出したか確認してください"
         "（指導要領 3、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        // the day before a 1st of March in a leap year is 29 February
        {"capacity_first_of_march_civil", "PRC-002", AHK, capacity("2029-03-01", "2028-02-29", "2028-08-31"), ""},
        {"capacity_first_of_march_boundary", "PRC-002", AHK, capacity("2029-03-01", "2028-03-01", "2028-08-31"),
         "定員変更計画書の提出 2028-03-01 は定員の変更日 2029-03-01 の1年前の日です。日常の読み方では期限内（2028-03-01 まで）ですが、"
         "民法 140条・143条による計算では期限は 2028-02-29 で、1日遅れています。早い方の 2028-02-29 までに提出したか確認してください"
         "（指導要領 2(2)、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        // a month end: 6 months before 2026-03-31 is 2025-09-30 (no 31 September), 民法 2025-09-29
        {"application_month_end_civil", "PRC-003", AHK, application("2026-03-31", "2025-09-29"), ""},
        {"application_month_end_boundary", "PRC-003", AHK, application("2026-03-31", "2025-09-30"),
         "認定の申請 2025-09-30 は授業開始予定日 2026-03-31 の6か月前の日です。日常の読み方では期限内（2025-09-30 まで）ですが、"
         "民法 140条・143条による計算では期限は 2025-09-29 で、1日遅れています。早い方の 2025-09-29 までに提出したか確認してください"
         "（指導要領 3、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        {"application_month_end_late", "PRC-003", AHK, application("2026-03-31", "2025-10-01"),
         "認定の申請 2025-10-01 は授業開始予定日 2026-03-31 の6か月前（2025-09-30）より後です（必要: 民法 140条・143条により 2025-09-29 まで、指導要領 3）"},
        // 3 months before 31 May is the end of February
        {"fee_plan_february_civil", "PRC-004", AHK, fee_plan("2027-05-31", "2027-02-27"), ""},
        {"fee_plan_february_boundary", "PRC-004", AHK, fee_plan("2027-05-31", "2027-02-28"),
         "納付金「実習費（年額）」の経理計画書の提出 2027-02-28 は新設・改定日 2027-05-31 の3か月前の日です。日常の読み方では期限内（2027-02-28 まで）ですが、"
         "民法 140条・143条による計算では期限は 2027-02-27 で、1日遅れています。早い方の 2027-02-27 までに提出したか確認してください"
         "（指導要領 11(4)、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        {"fee_plan_january_first", "PRC-004", AHK, fee_plan("2027-04-01", "2027-01-01"),
         "納付金「実習費（年額）」の経理計画書の提出 2027-01-01 は新設・改定日 2027-04-01 の3か月前の日です。日常の読み方では期限内（2027-01-01 まで）ですが、"
         "民法 140条・143条による計算では期限は 2026-12-31 で、1日遅れています。早い方の 2026-12-31 までに提出したか確認してください"
         "（指導要領 11(4)、民法 138, 140, 143（仮定 ASSUMED））",
         Severity::review},
        // the everyday reading in the standard data: the same date passes
        {"plan_everyday_reading", "PRC-001", AHK, plan("2026-04-01", "2025-04-01"), "", Severity::error,
         {{"<param key=\"deadline-reading\" value=\"civil-code\"", "<param key=\"deadline-reading\" value=\"everyday\""}}},
        {"plan_everyday_reading_late", "PRC-001", AHK, plan("2026-04-01", "2025-04-02"),
         "設置計画書の提出 2025-04-02 は授業開始予定日 2026-04-01 の1年前（2025-04-01）より後です（必要: 2025-04-01 まで、指導要領 2(1)）",
         Severity::error,
         {{"<param key=\"deadline-reading\" value=\"civil-code\"", "<param key=\"deadline-reading\" value=\"everyday\""}}},
        // ---- item 4: clinical sites
        // 9(4)イ at placement time: moving 臨床実習Ⅱ to year 2 makes the 施術所 4 years old when students arrive
        {"years_open_at_placement", "SIT-004", HK, {{"name=\"臨床実習Ⅱ\" area=\"clinical-practice\" method=\"clinical\" units=\"3\" hours=\"135\" year=\"3\"",
                                                     "name=\"臨床実習Ⅱ\" area=\"clinical-practice\" method=\"clinical\" units=\"3\" hours=\"135\" year=\"2\""}},
         "さくら鍼灸治療院: 開業実績4年（開設 2023-04-01、臨床実習Ⅱ（2年次）の開始 2027-04-01 まで）（必要: 実習を行う時点で5年以上、指導要領 9(4)イ）"},
        // a 施術所 with no placement is judged at the planned start
        {"years_open_no_placement", "SIT-004", HK,
         {{"<placement site=\"clinic-a\" units=\"1\"/>", "<placement site=\"clinic-b\" units=\"1\"/>"},
          {"<placement site=\"clinic-b\" units=\"1\"/>\n      <placement site=\"clinic-b\" units=\"1\"/>", "<placement site=\"clinic-b\" units=\"2\"/>"}},
         "さくら鍼灸治療院: 開業実績3年（開設 2023-04-01、授業開始予定日（この施設への実習の配置なし） 2026-04-01 まで）（必要: 実習を行う時点で5年以上、指導要領 9(4)イ）"},
        // 9(4)ウ: years of practice declared without the day practice began: the order cannot be computed
        {"supervisor_years_only", "SIT-005", HK, {{"practice-since=\"2018-02-12\"", "practice-years=\"5\""}},
         "さくら鍼灸治療院: 佐藤 一郎 は実務5年・講習会修了 2023-02-12 と記載されていますが、実務を始めた日（supervisor/@practice-since）がないため、"
         "5年以上実務に従事した後に講習会を修了したかを計算できません。実務経験証明書と修了証で確認してください（指導要領 9(4)ウ）",
         Severity::review},
        // the course taken before the 5 years were up fails even if the supervisor has practised long since
        {"supervisor_course_too_early", "SIT-005", HK, {{"practice-since=\"2018-02-12\" course-completed=\"2023-02-12\"", "practice-since=\"2010-04-01\" course-completed=\"2014-03-31\""}},
         "さくら鍼灸治療院: 要件を満たす臨床実習指導者がいません: 佐藤 一郎（教員資格なし、実務開始 2010-04-01、講習会まで実務3年、講習会修了 2014-03-31）"
         "（必要: 教員の資格、又は実務5年以上の後に臨床実習指導者講習会を修了、指導要領 9(4)ウ）"},
        // 9(4)エ: the year just before the application (2025-09-30); ending 1 month before it (2025-08-29) still passes
        {"patients_lag_boundary", "SIT-006", HK, {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-08-30\" to=\"2025-08-29\""}}, ""},
        {"patients_older_period", "SIT-006", HK, {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-08-29\" to=\"2025-08-28\""}},
         "さくら鍼灸治療院: 平均受診者数の期間 2024-08-29〜2025-08-28 は認定申請 2025-09-30 の直前の1年間ではなく、古い期間です"
         "（必要: 期間の終わりが 2025-08-29 以後、指導要領 9(4)エ（仮定 ASSUMED））"},
        {"patients_fiscal_year_too_old", "SIT-006", HK, {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-04-01\" to=\"2025-03-31\""}},
         "さくら鍼灸治療院: 平均受診者数の期間 2024-04-01〜2025-03-31 は認定申請 2025-09-30 の直前の1年間ではなく、古い期間です"
         "（必要: 期間の終わりが 2025-08-29 以後、指導要領 9(4)エ（仮定 ASSUMED））"},
        {"patients_several_years", "SIT-006", HK, {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2023-09-01\" to=\"2025-08-31\""}},
         "さくら鍼灸治療院: 平均受診者数の期間 2023-09-01〜2025-08-31 は1年を超えています（複数年の平均は使えません。必要: 過去1年間の平均、指導要領 9(4)エ）"},
        // 9(3): a medical placement that does not say what it is cannot be checked
        {"medical_mode_observation", "SIT-010", HK, {}, ""},
        // 6(11): listed sites without placements there need no coordinator; a placement does
        {"coordinator_not_needed_without_placements", "TCH-011", HK,
         {{" placement-coordinator=\"true\"", ""},
          {"<placement site=\"clinic-a\" units=\"1\"/>\n      <placement site=\"clinic-b\" units=\"1\"/>\n      <placement site=\"hosp\" units=\"1\" mode=\"observation\"/>",
           "<placement site=\"fuzoku\" units=\"3\"/>"}},
         ""},
        {"coordinator_needed_for_one_placement", "TCH-011", HK,
         {{" placement-coordinator=\"true\"", ""},
          {"<placement site=\"clinic-a\" units=\"1\"/>\n      <placement site=\"clinic-b\" units=\"1\"/>\n      <placement site=\"hosp\" units=\"1\" mode=\"observation\"/>",
           "<placement site=\"fuzoku\" units=\"2\"/>\n      <placement site=\"hosp\" units=\"1\" mode=\"observation\"/>"}},
         "施術所・医療機関等で臨床実習を行うのに、専任教員の実習調整者（placement-coordinator=\"true\"）が 0人です（必要: 1人以上、指導要領 6(11)）"},
        // ---- item 5: premises, school rules, fees
        {"lease_ends_before_first_cohort", "PRM-005", HK,
         {{"ownership=\"owned\"", "ownership=\"leased\" lease-start=\"2016-04-01\" lease-end=\"2029-03-30\""}},
         "校舎の賃貸借 2016-04-01〜2029-03-30 が、課程「day」（昼間課程、修業年限3年）の第1期生（2026-04-01 入学）が修了する 2029-03-31 より前に終わります"
         "（必要: 少なくとも 2029-03-31 まで、指導要領 10(5)）"},
        // to the last day of the first cohort's course: only the review of an unknown minimum length remains
        {"lease_covers_first_cohort", "PRM-005", HK,
         {{"ownership=\"owned\"", "ownership=\"leased\" lease-start=\"2016-04-01\" lease-end=\"2029-03-31\""}},
         "校舎は賃貸借（2016-04-01〜2029-03-31、13年）: 確実かつ長期にわたる契約か、賃貸借契約書で確認してください（年数の基準なし、指導要領 10(5)）",
         Severity::review},
        {"rules_curriculum_match", "SRL-003", HK, {}, ""},
        {"rules_units_differ", "SRL-003", HK, {{"<area-rule area=\"foundations\" units=\"15\"", "<area-rule area=\"foundations\" units=\"14\""}},
         "学則（第5条）と記載された内容が違います: 課程「day」の科学的思考の基盤・人間と生活の単位数 学則 14、記載 15（指導要領 5(3)）"},
        {"rules_hours_differ", "SRL-003", HK, {{"units=\"5\" hours=\"225\"/>", "units=\"5\" hours=\"270\"/>"}},
         "学則（第5条）と記載された内容が違います: 課程「day」の臨床実習の時間数 学則 270、記載 225（指導要領 5(3)）"},
        {"rules_schedule_differs", "SRL-003", HK, {{"<course-rule course=\"day\" schedule=\"day\"", "<course-rule course=\"day\" schedule=\"night\""}},
         "学則（第5条）と記載された内容が違います: 課程「day」の昼間・夜間の別 学則 夜間課程、記載 昼間課程（指導要領 5(3)）"},
        {"rules_area_missing", "SRL-003", HK, {{"      <area-rule area=\"integrated\" units=\"11\" hours=\"225\"/>\n", ""}},
         "学則（第5条）に課程「day」の総合領域の単位数・時間数の定めがありません（記載された教育課程と比べられません、指導要領 5(3)）"},
        {"rules_capacity_match", "SRL-004", HK, {}, ""},
        {"rules_intake_differs", "SRL-004", HK, {{"years=\"3\" intake=\"30\" classes=\"1\">", "years=\"3\" intake=\"40\" classes=\"1\">"}},
         "学則（第4条）と記載された内容が違います: 課程「day」の1学年の定員 学則 40、記載 30（指導要領 5(4)）"},
        {"rules_years_differ", "SRL-004", HK, {{"years=\"3\" intake=\"30\" classes=\"1\">", "years=\"4\" intake=\"30\" classes=\"1\">"}},
         "学則（第4条）と記載された内容が違います: 課程「day」の修業年限 学則 4、記載 3（指導要領 5(4)）"},
        {"rules_classes_differ", "SRL-004", HK, {{"years=\"3\" intake=\"30\" classes=\"1\">", "years=\"3\" intake=\"30\" classes=\"2\">"}},
         "学則（第4条）と記載された内容が違います: 課程「day」の学級数 学則 2、記載 1（指導要領 5(4)）"},
        {"rules_type_differs", "SRL-004", HK, {{"facility-type=\"hari-kyu\"", "facility-type=\"anma-hari-kyu\""}},
         "学則（第4条）と記載された内容が違います: 養成施設の種類 学則 あん摩マッサージ指圧師はり師きゅう師養成施設、記載 はり師きゅう師養成施設（指導要領 5(4)）"},
        {"fees_match_rules", "FIN-003", HK, {}, ""},
        // without the 学則's fees the check rests on the flags (declared)
        {"fees_flags_only", "FIN-003", HK,
         {{"    <fee-rule fee=\"entrance\" amount=\"200000\"/>\n    <fee-rule fee=\"tuition\" amount=\"900000\"/>\n    <fee-rule fee=\"practice\" amount=\"150000\"/>\n", ""},
          {"in-school-rules=\"true\"", "in-school-rules=\"false\""}},
         "生徒納付金「入学金」（200,000円）が学則に定められていません（指導要領 11(3)）"},
        // ---- item 8: ASSUMED values say so
        {"assumed_room_minimum", "PRM-004", HK,
         {{"    <practice-room id=\"room-1\" name=\"実技室（はり・きゅう）\" water=\"true\" hot-water=\"true\" group-layout=\"true\"/>\n", ""}},
         "実習室: 0室（必要: 1室以上、指導要領 10(2)(3)（仮定 ASSUMED））"},
        // §11(4) is addressed to the Minister: a hari-kyu school (the governor's) is not concerned
        {"fee_plan_governor_type", "PRC-004", HK, fee_plan("2027-04-01", "2027-03-31"), ""},
    };
    return table;
}

class GuidelineB : public ::testing::TestWithParam<std::size_t> {};

TEST_P(GuidelineB, Boundary) {
    const Case& c = cases()[GetParam()];
    SCOPED_TRACE(std::string(c.rule) + " " + c.name);
    ASSERT_NE(find_rule(c.rule), nullptr);
    FileReport r = run(c);
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message.ja;
    auto found = findings_of(r, c.rule);
    if (std::string(c.message_ja).empty()) {
        EXPECT_FALSE(outcomes_of(r, c.rule).empty());
        for (const auto* f : found) ADD_FAILURE() << "unexpected: " << f->message.ja;
        return;
    }
    std::string got;
    bool match = false;
    for (const auto* f : found) {
        got += f->message.ja + "\n";
        if (f->message.ja == c.message_ja) {
            match = true;
            EXPECT_EQ(f->severity, c.severity);
            EXPECT_FALSE(f->message.en.empty());
        }
    }
    EXPECT_TRUE(match) << "findings of " << c.rule << ":\n" << got;
}

INSTANTIATE_TEST_SUITE_P(Items4to8, GuidelineB, ::testing::Range<std::size_t>(0, cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) { return std::string(cases()[info.param].name); });

// Item 6: every requirement says what it rests on, and a declaration is never shown as a computed 適合.
TEST(GuidelineBBasis, DeclaredComputedAndNotChecked) {
    FileReport r = check_xml(read_file(source_dir() + "/" + HK));
    ASSERT_TRUE(r.errors.empty());
    auto fin = outcomes_of(r, "FIN-001");
    ASSERT_EQ(fin.size(), 1u);
    EXPECT_EQ(fin[0]->status, Status::compliant);
    EXPECT_EQ(fin[0]->basis, Basis::declared);
    EXPECT_FALSE(fin[0]->evidence.ja.empty());
    EXPECT_EQ(status_text(fin[0]->status, fin[0]->basis).ja, "適合（申告）");
    EXPECT_EQ(status_text(fin[0]->status, fin[0]->basis).en, "compliant (declared)");
    // the school rules' fees are stated: FIN-003 is computed; the curriculum comparison too
    for (const char* id : {"FIN-003", "SRL-003", "SRL-004", "TCH-011", "SIT-004", "PRC-001"})
        for (const auto* o : outcomes_of(r, id)) EXPECT_EQ(o->basis, Basis::computed) << id;
    // an article alone is a declaration, with the article as the evidence
    auto srl = outcomes_of(r, "SRL-001");
    ASSERT_EQ(srl.size(), 1u);
    EXPECT_EQ(srl[0]->basis, Basis::declared);
    EXPECT_EQ(srl[0]->evidence.ja, "学則 第1条 の条文");
    // a curriculum-only file: the facility requirements are not checked, with that basis
    FileReport c = check_xml(compliant_hari_kyu());
    for (const auto* o : outcomes_of(c, "FIN-001")) {
        EXPECT_EQ(o->status, Status::not_checked);
        EXPECT_EQ(o->basis, Basis::not_checked);
    }
}

TEST(GuidelineBBasis, EveryDeclaredRuleExistsAndTheTableIsSorted) {
    auto ids = declared_rule_ids();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_NE(find_rule(ids[i]), nullptr) << ids[i];
        if (i) {
            EXPECT_LT(ids[i - 1], ids[i]);
        }
    }
}

TEST(GuidelineBBasis, ReportsShowTheBasis) {
    std::string file = source_dir() + "/" + HK;
    RunResult json = run_binary("check --format json " + file);
    EXPECT_NE(json.out.find("\"basis\":\"declared\""), std::string::npos);
    EXPECT_NE(json.out.find("\"basis\":\"computed\""), std::string::npos);
    EXPECT_NE(json.out.find("\"evidence\":"), std::string::npos);
    RunResult text = run_binary("check " + file);
    EXPECT_NE(text.out.find("適合のうち申告によるもの"), std::string::npos);
    RunResult en = run_binary("check --lang en --format html " + file);
    EXPECT_NE(en.out.find("compliant (declared)"), std::string::npos);
    RunResult ex = run_binary("explain FIN-001");
    EXPECT_NE(ex.out.find("根拠の種類: 申告"), std::string::npos);
    RunResult ex2 = run_binary("explain CUR-001 --lang en");
    EXPECT_NE(ex2.out.find("basis: computed"), std::string::npos);
}

// Item 8: `standard` prints every threshold with its provenance and how to fill an UNKNOWN.
TEST(GuidelineBStandard, PrintsEveryKeyWithProvenance) {
    RunResult r = run_binary("standard");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const auto& spec : param_specs()) EXPECT_NE(r.out.find(std::string(spec.key) + "\n"), std::string::npos) << spec.key;
    EXPECT_NE(r.out.find("[ADVISORY:"), std::string::npos);
    EXPECT_NE(r.out.find("[ASSUMED:"), std::string::npos);
    EXPECT_NE(r.out.find("ahaki-check check --standard"), std::string::npos);
    RunResult en = run_binary("standard --lang en");
    EXPECT_NE(en.out.find("To fill one in"), std::string::npos);
    RunResult bad = run_binary("standard --bogus");
    EXPECT_EQ(bad.exit_code, 2);
}

// Item 8: a word a text parameter cannot hold is refused with its location.
TEST(GuidelineBStandard, UnknownWordInATextParameterIsRefused) {
    std::string s = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    s = replace_once(s, "<param key=\"deadline-reading\" value=\"civil-code\"", "<param key=\"deadline-reading\" value=\"civil\"");
    auto src = decode_source("bad-standard.xml", s);
    auto l = read_standard(*src.source);
    ASSERT_FALSE(l.errors.empty());
    EXPECT_NE(l.errors.front().message.en.find("unknown word: civil"), std::string::npos) << l.errors.front().message.en;
    EXPECT_GT(l.errors.front().loc.line, 0);
}

}  // namespace
}  // namespace ahaki::test
