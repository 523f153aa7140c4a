// Curriculum rules CUR-001..CUR-020: for each, the compliant fixture passes at
// the boundary and a one-step change fails it with the exact message.
#include <gtest/gtest.h>

#include "support/helpers.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

struct Edit {
    std::string from, to;
};

std::string edited(const std::string& base, const std::vector<Edit>& edits) {
    std::string s = base;
    for (const auto& e : edits) s = replace_once(s, e.from, e.to);
    return s;
}

std::string night() { return read_file(source_dir() + "/curricula/compliant/night-hari-kyu.xml"); }

/// Asserts the rule has no finding and at least one compliant outcome.
void expect_pass(const FileReport& r, std::string_view rule) {
    ASSERT_TRUE(r.errors.empty()) << r.errors.front().message.en;
    EXPECT_TRUE(findings_of(r, rule).empty()) << rule << ": " << findings_of(r, rule).front()->message.en;
    auto outcomes = outcomes_of(r, rule);
    ASSERT_FALSE(outcomes.empty()) << rule << " produced no outcome";
    for (const auto* o : outcomes) EXPECT_EQ(o->status, Status::compliant) << rule << " " << o->scope;
}

/// Asserts the rule's first finding has this severity and message (ja).
const Finding& expect_fail(const FileReport& r, std::string_view rule, Severity sev, const std::string& ja) {
    static const Finding none;
    EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front().message.en);
    auto fs = findings_of(r, rule);
    EXPECT_FALSE(fs.empty()) << rule << " did not fire";
    if (fs.empty()) return none;
    EXPECT_EQ(fs.front()->severity, sev);
    EXPECT_EQ(fs.front()->message.ja, ja);
    EXPECT_FALSE(fs.front()->message.en.empty());
    return *fs.front();
}

TEST(Cur001AreaUnits, AreaNamesFollowTheFacilityType) {
    // 基礎あはき学 is the project's short name; a はりきゅう school reads the name 別表第一 gives its row.
    auto below = check_xml(edited(compliant_hari_kyu(), {{R"(area="basic-theory" method="lecture" units="3")", R"(area="basic-theory" method="lecture" units="1")"}}));
    const auto& f = expect_fail(below, "CUR-001", Severity::error,
                                "基礎はり学・基礎きゆう学: 8単位（必要: 9単位以上、認定規則 第2条第3号 別表第一）。あと1単位必要です");
    EXPECT_EQ(f.message.en, "basic theory: 8 units (required: at least 9, 認定規則 第2条第3号 別表第一); add 1 unit");
    expect_pass(check_xml(edited(compliant_hari_kyu(), {{R"(area="basic-theory" method="lecture" units="3" hours="60")",
                                                         R"(area="basic-theory" method="lecture" units="2" hours="60")"}})),
                "CUR-001");
}

TEST(Cur001AreaUnits, PassesAtMinimumAndFailsOneBelow) {
    // 実習 is 16 units; 15 is the minimum for hari-kyu.
    auto at_min = check_xml(edited(compliant_hari_kyu(), {{R"(id="p-hari3" name="はり実技Ⅲ" area="practical-training" method="skills" units="2" hours="60")",
                                                          R"(id="p-hari3" name="はり実技Ⅲ" area="practical-training" method="skills" units="1" hours="45")"}}));
    expect_pass(at_min, "CUR-001");
    auto below = check_xml(edited(compliant_hari_kyu(),
                                  {{R"(units="2" hours="60" year="3"/>
    <subject id="p-kyu1")", R"(units="1" hours="45" year="3"/>
    <subject id="p-kyu1")"},
                                   {R"(id="p-kyu3" name="きゅう実技Ⅲ" area="practical-training" method="skills" units="2" hours="60")",
                                    R"(id="p-kyu3" name="きゅう実技Ⅲ" area="practical-training" method="skills" units="1" hours="45")"}}));
    const auto& f = expect_fail(below, "CUR-001", Severity::error,
                                "実習: 14単位（必要: 15単位以上、認定規則 第2条第3号 別表第一）。あと1単位必要です");
    EXPECT_EQ(f.message.en, "practical training: 14 units (required: at least 15, 認定規則 第2条第3号 別表第一); add 1 unit");
    ASSERT_TRUE(f.measured.number && f.required.number);
    EXPECT_EQ(f.measured.number->str(), "14");
    EXPECT_EQ(f.required.number->str(), "15");
    EXPECT_EQ(f.loc.line, 23u);  // the <course> element
}

/// A minimal school of one course with one lecture subject per area at `units[i]`.
std::string minimal_school(const std::string& type, const std::vector<int>& units, int hours_per_unit = 30) {
    static const char* area_codes[] = {"foundations", "body-structure-function", "disease-prevention-recovery",
                                       "health-welfare-ethics", "basic-theory", "clinical-theory", "social-theory",
                                       "practical-training", "clinical-practice", "integrated"};
    std::string s = R"(<school xmlns="urn:ahaki-check:school:1" name="最小校" type=")" + type + R"("><course id="c" schedule="day" years="3">)";
    for (std::size_t i = 0; i < units.size(); ++i) {
        bool clinical = std::string(area_codes[i]) == "clinical-practice";
        int h = clinical ? 45 : hours_per_unit;
        s += R"(<subject id="s)" + std::to_string(i) + R"(" name="科目)" + std::to_string(i) + R"(" area=")" + area_codes[i] +
             R"(" method=")" + (clinical ? "clinical" : "lecture") + R"(" units=")" + std::to_string(units[i]) + R"(" hours=")" +
             std::to_string(units[i] * h) + R"("/>)";
    }
    return s + "</course></school>";
}

TEST(Cur002TotalUnits, PassesAtTotalAndFailsOneBelow) {
    // hari-kyu: the area minimums add up to exactly the total of 94.
    auto at = check_xml(minimal_school("hari-kyu", {14, 12, 12, 3, 9, 13, 2, 15, 4, 10}));
    expect_pass(at, "CUR-002");
    auto below = check_xml(minimal_school("hari-kyu", {14, 12, 12, 3, 9, 13, 2, 15, 4, 9}));
    expect_fail(below, "CUR-002", Severity::error,
                "総単位数: 93単位（はり師きゅう師養成施設の必要: 94単位以上、はり師及びきゅう師養成施設指導ガイドライン（指導要領 8(4) 相当））。あと1単位必要です");
    auto notes = findings_of(below, "CUR-002").front()->notes;
    ASSERT_EQ(notes.size(), 1u);  // the GL-HK provenance is stated
    EXPECT_NE(notes[0].en.find("GL-HK"), std::string::npos);
}

TEST(Cur002TotalUnits, DerivedThresholdIsSaidToBeDerived) {
    auto below = check_xml(minimal_school("hari", {14, 12, 12, 3, 8, 11, 2, 12, 4, 9}));
    const auto& f = expect_fail(below, "CUR-002", Severity::error,
                                "総単位数: 87単位（はり師養成施設の必要: 88単位以上、指導要領 8(4) 相当（仮定 ASSUMED））。あと1単位必要です");
    ASSERT_FALSE(f.notes.empty());
    EXPECT_NE(f.notes[0].en.find("assumption"), std::string::npos);
}

TEST(Cur003TotalHours, PassesAtTotalAndFailsOneHourBelow) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-003");  // exactly 2,655 hours
    auto below = check_xml(edited(compliant_hari_kyu(), {{R"(name="総合演習Ⅰ" area="integrated" method="seminar" units="2" hours="60")",
                                                          R"(name="総合演習Ⅰ" area="integrated" method="seminar" units="2" hours="59")"}}));
    expect_fail(below, "CUR-003", Severity::error,
                "総時間数: 2,654時間（はり師きゅう師養成施設の必要: 2,655時間以上、はり師及びきゅう師養成施設指導ガイドライン（指導要領 8(4) 相当））。あと1時間必要です");
}

TEST(Cur004HoursPerUnit, LectureAt15And30PassesAndJustOutsideFails) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-004");  // 15 h/unit and 30 h/unit lectures and seminars
    auto low = check_xml(edited(compliant_hari_kyu(), {{R"(name="科学的思考の基礎" area="foundations" method="lecture" units="2" hours="30")",
                                                        R"(name="科学的思考の基礎" area="foundations" method="lecture" units="2" hours="29")"}}));
    const auto& f = expect_fail(low, "CUR-004", Severity::error,
                                "「科学的思考の基礎」（講義）: 29時間/2単位 = 1単位14.5時間（必要: 講義は1単位15〜30時間、指導要領 8(2)）。時間数を30時間以上にするか単位数を減らしてください");
    EXPECT_EQ(f.message.en,
              "\"科学的思考の基礎\" (lecture): 29 hours / 2 units = 14.5 hours per unit (required for a lecture: 15 to 30 hours per "
              "unit, 指導要領 8(2)); raise the hours to at least 30 or lower the units");
    EXPECT_EQ(f.loc.line, 25u);
    auto high = check_xml(edited(compliant_hari_kyu(), {{R"(name="英語" area="foundations" method="seminar" units="2" hours="60")",
                                                         R"(name="英語" area="foundations" method="seminar" units="2" hours="61")"}}));
    expect_fail(high, "CUR-004", Severity::error,
                "「英語」（演習）: 61時間/2単位 = 1単位30.5時間（必要: 演習は1単位15〜30時間、指導要領 8(2)）。時間数を60時間以下にするか単位数を増やしてください");
}

TEST(Cur004HoursPerUnit, EachOffendingSubjectIsReported) {
    auto two = check_xml(edited(compliant_hari_kyu(), {{R"(units="2" hours="30" year="1"/>)", R"(units="2" hours="29" year="1"/>)"},
                                                        {R"(name="英語" area="foundations" method="seminar" units="2" hours="60")",
                                                         R"(name="英語" area="foundations" method="seminar" units="2" hours="61")"}}));
    EXPECT_EQ(findings_of(two, "CUR-004").size(), 2u);
}

TEST(Cur005ClinicalHours, FortyFivePassesAndMoreFails) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-005");
    auto over = check_xml(edited(compliant_hari_kyu(), {{R"(method="clinical" units="2" hours="90")", R"(method="clinical" units="2" hours="91")"}}));
    expect_fail(over, "CUR-005", Severity::error,
                "「臨床実習Ⅰ」（臨床実習）: 91時間/2単位 = 1単位45.5時間（必要: 臨床実習は1単位45時間、指導要領 8(3)）。時間数を90時間以下にするか単位数を増やしてください");
}

TEST(Cur006Years, ThreePassesTwoFails) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-006");
    auto two = check_xml(edited(compliant_hari_kyu(), {{R"(schedule="day" years="3")", R"(schedule="day" years="2")"}}));
    expect_fail(two, "CUR-006", Severity::error, "修業年限: 2年（必要: 3年以上、認定規則 第2条第2号）");
}

TEST(Cur007VisuallyImpaired, UnknownYearsAreAReview) {
    auto vi = check_xml(edited(compliant_hari_kyu(), {{R"(schedule="day" years="3")", R"(schedule="day" years="3" visually-impaired="true")"}}));
    expect_fail(vi, "CUR-007", Severity::review,
                "視覚障害者の課程（修業年限 3年）: 必要な修業年限が基準データにありません（認定規則 第5条）。条文で確認してください");
    // UNKNOWN is for the machine formats and notes, not the Japanese message.
    const auto* f = findings_of(vi, "CUR-007").front();
    EXPECT_EQ(f->notes.at(0).ja, "基準データの値: UNKNOWN");
    EXPECT_EQ(f->required.text.ja, "不明");
    EXPECT_TRUE(findings_of(vi, "CUR-006").empty());
    EXPECT_EQ(vi.verdict(), Verdict::needs_review);
}

TEST(Cur007VisuallyImpaired, OnceTheNumberIsFilledInItIsChecked) {
    // A reviewer fills the number in a standard file: no rebuild, the rule compares.
    std::string st = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    st = replace_once(st, R"(<param key="min-years-visually-impaired" type="hari-kyu"/>)",
                      R"(<param key="min-years-visually-impaired" type="hari-kyu" value="4" provenance="ORD"/>)");
    auto loaded = read_standard("filled.xml", st);
    ASSERT_TRUE(loaded.standard) << loaded.errors.front().message.en;
    StandardSet set;
    set.editions.push_back(*loaded.standard);
    auto source = decode_source("vi.xml", edited(compliant_hari_kyu(), {{R"(schedule="day" years="3")", R"(schedule="day" years="4" visually-impaired="true")"}}));
    RunOptions ro;
    auto at = check_source(*source.source, set, ro);
    expect_pass(at, "CUR-007");
    source = decode_source("vi.xml", edited(compliant_hari_kyu(), {{R"(schedule="day" years="3")", R"(schedule="day" years="3" visually-impaired="true")"}}));
    auto below = check_source(*source.source, set, ro);
    expect_fail(below, "CUR-007", Severity::error, "視覚障害者の課程の修業年限: 3年（必要: 4年以上、認定規則 第5条）");
}

TEST(Cur008MedicalPlacements, OneUnitPassesTwoFail) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-008");
    auto two = check_xml(edited(compliant_hari_kyu(), {{R"(<placement site="clinic-b" units="1"/>)", R"(<placement site="hosp" units="1"/>)"}}));
    const auto& f = expect_fail(two, "CUR-008", Severity::error,
                                "医療機関等での臨床実習: 2単位（上限: 1単位、見学実習に限る、指導要領 9(3)）。1単位を附属施設か施術所に移してください");
    ASSERT_FALSE(f.notes.empty());
    EXPECT_EQ(f.notes[0].ja, "実施先: 市立中央病院（1単位）、市立中央病院（1単位）");
}

TEST(Cur009CorePlacements, ThreeUnitsPassTwoFail) {
    auto three = check_xml(edited(compliant_hari_kyu(), {{R"(name="みどり治療院" kind="clinic")", R"(name="みどり治療院" kind="medical")"}}));
    expect_pass(three, "CUR-009");
    auto two = check_xml(edited(compliant_hari_kyu(), {{R"(name="みどり治療院" kind="clinic")", R"(name="みどり治療院" kind="medical")"},
                                                        {R"(name="さくら鍼灸治療院" kind="clinic")", R"(name="さくら鍼灸治療院" kind="medical")"}}));
    expect_fail(two, "CUR-009", Severity::error,
                "附属の臨床実習施設・施術所での臨床実習: 2単位（必要: 3単位以上、認定規則 別表第一 備考（仮定 ASSUMED））。あと1単位必要です");
}

TEST(Cur008And009, NotCheckedWithoutPlacementsAndErrorsWithComplete) {
    std::string no_placements = minimal_school("hari-kyu", {14, 12, 12, 3, 9, 13, 2, 15, 4, 10});
    auto r = check_xml(no_placements);
    for (auto id : {"CUR-008", "CUR-009", "CUR-019"}) {
        auto os = outcomes_of(r, id);
        ASSERT_EQ(os.size(), 1u);
        EXPECT_EQ(os[0]->status, Status::not_checked) << id;
    }
    EXPECT_EQ(r.verdict(), Verdict::needs_review);  // CUR-015: no content is marked in this minimal school
    std::string compliant_without = compliant_hari_kyu();
    for (const char* p : {R"(<placement site="fuzoku" units="2"/>)", R"(<placement site="clinic-a" units="1"/>)",
                          R"(<placement site="clinic-b" units="1"/>)", R"(<placement site="hosp" units="1" mode="observation"/>)"})
        compliant_without = replace_once(compliant_without, p, "");
    EXPECT_EQ(check_xml(compliant_without).verdict(), Verdict::partially_checked);
    auto complete = check_xml(no_placements, CheckOptions{true});
    expect_fail(complete, "CUR-008", Severity::error,
                "臨床実習の実施先（subject/placement）が記載されていないため確認できません（完全な申請として確認: --complete）");
    EXPECT_EQ(complete.verdict(), Verdict::non_compliant);
}

TEST(Cur010NightHours, FourHoursPassFourAndAHalfFail) {
    expect_pass(check_xml(night()), "CUR-010");
    auto over = check_xml(edited(night(), {{R"(start="18:00" end="22:00")", R"(start="18:00" end="22:30")"}}));
    auto fs = findings_of(over, "CUR-010");
    EXPECT_EQ(fs.size(), 5u);  // one per weekday
    expect_fail(over, "CUR-010", Severity::error, "月曜の18:00以降の授業: 4.5時間（上限: 1日4時間、指導要領 8(6)）");
}

TEST(Cur011NightDaytime, UnmarkedIsErrorMarkedIsReview) {
    expect_pass(check_xml(night()), "CUR-011");
    const std::string extra = R"(<session days="mon tue wed thu fri" start="18:00" end="22:00"/>)";
    auto unmarked = check_xml(edited(night(), {{extra, extra + R"(<session days="sat" start="13:00" end="17:00"/>)"}}));
    expect_fail(unmarked, "CUR-011", Severity::error,
                "土 13:00〜17:00 は昼間（18:00より前）の授業です。夜間課程では特にやむを得ない場合に限られます（指導要領 8(6)）。時間を改めるか、unavoidable=\"true\" と理由を記載してください");
    auto marked = check_xml(edited(night(), {{extra, extra + R"(<session days="sat" start="13:00" end="17:00" unavoidable="true" reason="実技のため"/>)"}}));
    expect_fail(marked, "CUR-011", Severity::review,
                "土 13:00〜17:00 は昼間（18:00より前）の授業で、やむを得ないものとされています（理由: 実技のため）。理由が認められるか確認してください（指導要領 8(6)）");
}

TEST(Cur012DayNight, EndingAt18PassesLaterFails) {
    auto at = check_xml(edited(compliant_hari_kyu(), {{R"(start="13:00" end="17:00")", R"(start="13:00" end="18:00")"}}));
    expect_pass(at, "CUR-012");
    auto late = check_xml(edited(compliant_hari_kyu(), {{R"(start="13:00" end="17:00")", R"(start="13:00" end="18:30")"}}));
    expect_fail(late, "CUR-012", Severity::error,
                "月火水木金 13:00〜18:30 は夜間（18:00以降）の授業です。昼間課程では特にやむを得ない場合に限られます（指導要領 8(5)）。時間を改めるか、unavoidable=\"true\" と理由を記載してください");
}

TEST(Cur013YearlyPlan, TwentyEightWeeksFitTwentySevenDoNot) {
    auto fits = check_xml(edited(compliant_hari_kyu(), {{R"(weeks-per-year="35")", R"(weeks-per-year="28")"}}));
    expect_pass(fits, "CUR-013");
    auto tight = check_xml(edited(compliant_hari_kyu(), {{R"(weeks-per-year="35")", R"(weeks-per-year="27")"}}));
    expect_fail(tight, "CUR-013", Severity::error,
                "1年次の科目の授業時間数 960時間が、年間に授業できる945時間（週35時間×年27週=年945時間）を超えています");
}

TEST(Cur014CreditTransfer, SevenPassesMoreFailsAbsentIsNotChecked) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-014");
    auto over = check_xml(edited(compliant_hari_kyu(), {{R"(credit-transfer-units="7")", R"(credit-transfer-units="7.5")"}}));
    const auto& f = expect_fail(over, "CUR-014", Severity::error, "基礎分野の既修得単位の認定: 7.5単位まで（上限: 7単位、指導要領 8(9)）");
    EXPECT_EQ(f.loc.line, 23u);
    auto absent = check_xml(edited(compliant_hari_kyu(), {{R"( credit-transfer-units="7")", ""}}));
    ASSERT_EQ(outcomes_of(absent, "CUR-014").size(), 1u);
    EXPECT_EQ(outcomes_of(absent, "CUR-014")[0]->status, Status::not_checked);
}

TEST(Cur015RequiredContents, MarkedPassesUnmarkedIsReviewWrongAreaIsError) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-015");
    auto unmarked = check_xml(edited(compliant_hari_kyu(), {{R"( covers="kinesiology")", ""}}));
    expect_fail(unmarked, "CUR-015", Severity::review,
                "人体の構造と機能に含めるべき「運動学」をどの科目で教えるかが示されていません（候補: 「運動学」。その科目の備考に「運動学」と書いてください）");
    EXPECT_EQ(findings_of(unmarked, "CUR-015").front()->notes.at(0).ja, "XML では扱う科目に covers=\"kinesiology\" を付けます");
    auto wrong = check_xml(edited(compliant_hari_kyu(), {{R"( covers="kinesiology")", ""},
                                                         {R"(units="2" hours="30" year="1"/>)", R"(units="2" hours="30" year="1" covers="kinesiology"/>)"}}));
    expect_fail(wrong, "CUR-015", Severity::error,
                "「運動学」を扱う科目として「科学的思考の基礎」（科学的思考の基盤・人間と生活）が指定されていますが、人体の構造と機能の科目で教える必要があります（認定規則 別表第一 備考）");
}

TEST(Cur016ZeroUnits, WarningForZeroUnitSubject) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-016");
    auto zero = check_xml(edited(compliant_hari_kyu(), {{R"(name="高齢者ケア論" area="integrated" method="lecture" units="2")",
                                                         R"(name="高齢者ケア論" area="integrated" method="lecture" units="0")"}}));
    expect_fail(zero, "CUR-016", Severity::warning, "「高齢者ケア論」の単位数が0です（30時間）。単位数を記入するか、科目を削除してください");
    // Its 30 hours on no unit are outside the lecture range too (they would fill 8(4)'s total with nothing the 別表 counts).
    expect_fail(zero, "CUR-004", Severity::error,
                "「高齢者ケア論」（講義）: 30時間/0単位。単位のない授業時間は1単位の時間数の範囲に入りません（指導要領 8(2)）。単位数を書くか、時間数を他の科目に含めてください");
    // 0 units and 0 hours: only the warning (no division by zero units).
    auto empty = check_xml(edited(compliant_hari_kyu(), {{R"(name="高齢者ケア論" area="integrated" method="lecture" units="2" hours="30")",
                                                          R"(name="高齢者ケア論" area="integrated" method="lecture" units="0" hours="0")"}}));
    EXPECT_TRUE(findings_of(empty, "CUR-004").empty());
    EXPECT_FALSE(findings_of(empty, "CUR-016").empty());
}

TEST(Cur017DuplicateNames, WarningOnSecondOccurrence) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-017");
    auto dup = check_xml(edited(compliant_hari_kyu(), {{R"(name="高齢者ケア論")", R"(name="総合演習Ⅰ")"}}));
    expect_fail(dup, "CUR-017", Severity::warning,
                "科目名「総合演習Ⅰ」が同じ課程に2回あります（最初: 80行）。Ⅰ・Ⅱなどで区別してください");
}

TEST(Cur018SubjectYear, LastYearPassesBeyondFails) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-018");
    auto beyond = check_xml(edited(compliant_hari_kyu(), {{R"(units="2" hours="30" year="3"/>
    <timetable)", R"(units="2" hours="30" year="4"/>
    <timetable)"}}));
    expect_fail(beyond, "CUR-018", Severity::error, "「高齢者ケア論」の配当年次 4年が修業年限 3年を超えています");
}

TEST(Cur019PlacementSum, MustEqualSubjectUnits) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-019");
    auto short_by_one = check_xml(edited(compliant_hari_kyu(), {{R"(<placement site="clinic-b" units="1"/>)", ""}}));
    expect_fail(short_by_one, "CUR-019", Severity::error,
                "「臨床実習Ⅱ」の実施先の単位の合計は2単位ですが、科目は3単位です（全単位の実施先を記載してください）");
}

TEST(Cur020ClinicalMethod, ClinicalPracticeMustUseClinicalMethod) {
    expect_pass(check_xml(compliant_hari_kyu()), "CUR-020");
    auto practical = check_xml(edited(compliant_hari_kyu(), {{R"(method="clinical" units="2" hours="90")", R"(method="practical" units="2" hours="90")"}}));
    expect_fail(practical, "CUR-020", Severity::error,
                "「臨床実習Ⅰ」は臨床実習の科目ですが授業方法が実習です（必要: 授業方法「臨床実習」、1単位45時間、指導要領 8(3)）");
    EXPECT_EQ(findings_of(practical, "CUR-020").front()->notes.at(0).ja, "XML では method=\"clinical\"");
}

TEST(Verdict, CompliantCurriculumIsPartiallyCheckedAndRulesAreAllEvaluated) {
    auto r = check_xml(compliant_hari_kyu());
    // A curriculum-only file: the curriculum passes, the other sections are "not checked", never "compliant".
    EXPECT_EQ(r.verdict(), Verdict::partially_checked);
    for (const auto& o : r.outcomes) {
        EXPECT_TRUE(o.findings.empty()) << o.rule_id << " " << o.findings.front().message.en;
        if (o.rule_id.rfind("CUR", 0) == 0) {
            EXPECT_NE(o.status, Status::not_checked) << o.rule_id;
        }
    }
    for (const auto& rule : all_rules()) {
        if (rule.id == "CUR-007" || rule.id == "CUR-010" || rule.id == "CUR-011") continue;  // not applicable to a day course
        if (rule.id == "CUR-021") continue;  // printed subtotals: only a file imported from a sheet has them
        if (rule.id.substr(0, 3) != "CUR") continue;
        EXPECT_FALSE(outcomes_of(r, rule.id).empty()) << rule.id;
    }
}

}  // namespace
}  // namespace ahaki::test
