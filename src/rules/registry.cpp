// The registry of every rule, sorted by id. Ids are stable forever: a removed
// rule's id is never reused (keep a comment line in its place).
#include <algorithm>

#include "rules/curriculum/curriculum.hpp"
#include "rules/rule.hpp"

namespace ahaki {
namespace {

using namespace ahaki::rules;

const Rule rule_table[] = {
    {"CUR-001", Severity::error, Section::curriculum, "認定規則 第2条第3号 別表第一",
     {"教育内容ごとの単位数", "Units per education area"},
     {"課程ごとに、各教育内容（area）の科目の単位数を合計し、施設の種類に応じた別表第一の最低単位数と比べます。"
      "基準値は基準データ area-min-units。総合領域の行は導出値（DERIVED）です。",
      "For each course, sums the units of the subjects of each area and compares them with the 別表第一 minimum for the "
      "facility type (standard data: area-min-units). The 総合領域 row is DERIVED."},
     check_area_units},
    {"CUR-002", Severity::error, Section::curriculum, "指導要領 8(4)",
     {"総単位数", "Total units"},
     {"課程の全科目の単位数の合計が、施設の種類ごとの総単位数（total-min-units）以上であることを確認します。"
      "はり・きゅうの値は導出値、はりきゅうの値ははり師及びきゅう師養成施設指導ガイドラインによります。",
      "Checks that the units of all subjects of a course add up to the facility type's total (total-min-units). "
      "The hari and kyu values are DERIVED; the hari-kyu value comes from the はり師及びきゅう師 guideline (GL-HK)."},
     check_total_units},
    {"CUR-003", Severity::error, Section::curriculum, "指導要領 8(4)",
     {"総時間数", "Total hours"},
     {"課程の全科目の授業時間数の合計が、施設の種類ごとの総時間数（total-min-hours）以上であることを確認します。",
      "Checks that the class hours of all subjects of a course add up to the facility type's total (total-min-hours)."},
     check_total_hours},
    {"CUR-004", Severity::error, Section::curriculum, "指導要領 8(2)",
     {"1単位あたりの授業時間数", "Class hours per unit"},
     {"臨床実習以外の各科目について、時間数÷単位数が授業方法ごとの範囲（講義・演習15〜30時間、実験・実習・実技30〜45時間）"
      "に入っていることを確認します。外れた科目ごとに報告します。",
      "For every subject other than clinical practice, checks that hours / units lies in its method's range (lecture and "
      "seminar 15-30 hours, experiment, practical and skills 30-45). Each offending subject is reported."},
     check_hours_per_unit},
    {"CUR-005", Severity::error, Section::curriculum, "指導要領 8(3)",
     {"臨床実習の1単位の時間数", "Clinical practice hours per unit"},
     {"授業方法が臨床実習（clinical）の科目は、1単位を45時間の実習で構成する必要があります。科目ごとに確認します。",
      "A clinical practice subject (method clinical) must have 45 hours of practice per unit; checked per subject."},
     check_clinical_hours},
    {"CUR-006", Severity::error, Section::curriculum, "認定規則 第2条第2号",
     {"修業年限", "Years of study"},
     {"課程の修業年限（course/@years）が最低年限（min-years、3年）以上であることを確認します。視覚障害者の課程は CUR-007。",
      "Checks that a course's years (course/@years) are at least the minimum (min-years, 3). Visually impaired courses: CUR-007."},
     check_years},
    {"CUR-007", Severity::error, Section::curriculum, "認定規則 第5条",
     {"視覚障害者の課程の修業年限", "Years of study, visually impaired route"},
     {"visually-impaired=\"true\" の課程の修業年限を、基準データ min-years-visually-impaired と比べます。"
      "この数値は入手できていない（UNKNOWN）ため、値が入るまでは要確認（review）として報告します。",
      "Compares the years of a visually-impaired course with min-years-visually-impaired. That number was not available "
      "(UNKNOWN), so until it is filled in the rule reports a review finding."},
     check_years_visually_impaired},
    {"CUR-008", Severity::error, Section::placements, "指導要領 9(3)",
     {"医療機関等での臨床実習は1単位まで", "At most 1 unit of clinical practice at medical institutions"},
     {"臨床実習の実施先（placement）のうち、医療機関等（kind=\"medical\"）の単位の合計が上限（1単位、見学実習）以下であることを確認します。"
      "実施先の記載がなければ未確認です。",
      "Sums the placement units at medical institutions (kind=\"medical\") and checks them against the limit (1 unit, "
      "observation only). Not checked when no placements are described."},
     check_medical_placements},
    {"CUR-009", Severity::error, Section::placements, "認定規則 別表第一 備考",
     {"附属施設・施術所での臨床実習は3単位以上", "At least 3 units of clinical practice at the affiliated facility or a 施術所"},
     {"附属の臨床実習施設（affiliated）と施術所（clinic）での実施単位の合計が3単位以上であることを確認します。"
      "備考の本文は一部入手できず、附属施設又は施術所と解しています。",
      "Checks that at least 3 placement units are at the affiliated facility (affiliated) or a 施術所 (clinic). Part of "
      "the 備考 text was unavailable; it is read as the affiliated facility or a 施術所."},
     check_core_placements},
    {"CUR-010", Severity::error, Section::timetable, "指導要領 8(6)",
     {"夜間課程の夜間授業は1日4時間以内", "Night course: at most 4 class hours a day after 18:00"},
     {"夜間課程の時間割から、曜日ごとに18時以降の授業時間を合計し、上限（night-max-hours-per-day）と比べます。",
      "From a night course's timetable, adds up the class time after 18:00 on each weekday and compares it with the "
      "limit (night-max-hours-per-day)."},
     check_night_hours},
    {"CUR-011", Severity::error, Section::timetable, "指導要領 8(6)",
     {"夜間課程の昼間授業", "Daytime classes in a night course"},
     {"夜間課程で18時より前に始まる授業は、実習などやむを得ない場合に限られます。unavoidable=\"true\" がなければエラー、"
      "あれば理由を人が判断する要確認です。",
      "A night course may hold classes before 18:00 only when unavoidable (e.g. practicals). Unmarked: error; marked "
      "unavoidable=\"true\": review of the reason."},
     check_night_daytime},
    {"CUR-012", Severity::error, Section::timetable, "指導要領 8(5)",
     {"昼間課程の夜間授業", "Night classes in a day course"},
     {"昼間課程で18時以降に及ぶ授業は、特にやむを得ない場合に限られます。unavoidable=\"true\" がなければエラー、あれば要確認です。",
      "A day course may hold classes after 18:00 only when unavoidable. Unmarked: error; marked: review."},
     check_day_night_classes},
    {"CUR-013", Severity::error, Section::timetable, "指導要領 14(2)",
     {"年間授業計画で必要な単位を履修できること", "The yearly plan fits the hours"},
     {"時間割（週の授業時間×年間授業週数）で、各年次の科目の時間数と全体の時間数を授業できるかを確認します。"
      "14(2) は夜間課程について定めていますが、時間割を記載した課程はすべて同じ計算で確認します。",
      "Checks that the timetable (weekly class hours x weeks per year) can hold each year's subjects and the whole "
      "curriculum. 14(2) states this for night courses; every course that describes its timetable is checked the same way."},
     check_yearly_plan},
    {"CUR-014", Severity::error, Section::curriculum, "指導要領 8(9)",
     {"既修得単位の認定は7単位まで", "Credit transfer: at most 7 units"},
     {"課程が認める基礎分野の既修得単位（course/@credit-transfer-units）が上限（credit-transfer-max-units）以下であることを確認します。"
      "記載がなければ未確認です。",
      "Checks that the units of 基礎分野 a course credits for earlier study (course/@credit-transfer-units) do not exceed "
      "the limit (credit-transfer-max-units). Not checked when the course does not declare it."},
     check_credit_transfer},
    {"CUR-015", Severity::review, Section::curriculum, "認定規則 別表第一 備考",
     {"教育内容に含める事項", "Contents each area must include"},
     {"別表第一 備考が各教育内容に含めるよう求める事項（コミュニケーション、運動学、社会保障制度、職業倫理、東洋医学概論、経絡経穴、"
      "適応の判断、病態生理学、生体観察、臨床実習前施術実技試験）について、その教育内容の科目に subject/@covers で指定があるかを確認します。"
      "指定がなければ要確認、別の教育内容の科目に指定されていればエラーです。",
      "For each content 別表第一 備考 requires (communication, kinesiology, social security, professional ethics, "
      "oriental medicine, meridians and acupoints, judging indications, pathophysiology, observation of the living body, "
      "the skills exam before clinical practice) checks that a subject of the right area marks it in subject/@covers. "
      "Not marked: review; marked only on a subject of another area: error."},
     check_required_contents},
    {"CUR-016", Severity::warning, Section::curriculum, "指導要領 8(2)",
     {"単位数0の科目", "Subject with 0 units"},
     {"単位数が0の科目は、記入漏れか、単位に数えない科目です。審査で指摘されるため警告します。",
      "A subject with 0 units is either an omission or a subject that does not count; reviewers flag it, so it is a warning."},
     check_zero_units},
    {"CUR-017", Severity::warning, Section::curriculum, "指導要領 5(3)",
     {"同じ課程に同名の科目", "Two subjects with the same name in a course"},
     {"同じ課程に同じ名前の科目が2つあると、学則の教育課程の表と照合できません。",
      "Two subjects with the same name in one course cannot be matched with the curriculum table of the school rules."},
     check_duplicate_names},
    {"CUR-018", Severity::error, Section::curriculum, "認定規則 第2条第2号",
     {"修業年限を超える配当年次", "Subject year beyond the course's years"},
     {"科目の配当年次（subject/@year）が課程の修業年限を超えていないことを確認します。",
      "Checks that no subject is placed in a year (subject/@year) beyond the course's years."},
     check_subject_year},
    {"CUR-019", Severity::error, Section::placements, "指導要領 9(1)",
     {"臨床実習の実施先の単位の合計", "Placement units add up to the subject's units"},
     {"実施先を記載した課程で、臨床実習の各科目の実施先（placement）の単位の合計が科目の単位数と一致することを確認します。",
      "Where a course describes placements, checks that each clinical practice subject's placement units add up to its units."},
     check_placement_sum},
    {"CUR-020", Severity::error, Section::curriculum, "指導要領 8(3)",
     {"臨床実習の科目の授業方法", "Method of clinical practice subjects"},
     {"教育内容が臨床実習の科目は、授業方法を臨床実習（method=\"clinical\"）として1単位45時間で構成する必要があります。",
      "A subject counted toward clinical practice must use the clinical method (45 hours per unit)."},
     check_clinical_method},
};

}  // namespace

std::span<const Rule> all_rules() { return rule_table; }

const Rule* find_rule(std::string_view id) {
    auto it = std::lower_bound(std::begin(rule_table), std::end(rule_table), id,
                               [](const Rule& r, std::string_view v) { return r.id < v; });
    if (it == std::end(rule_table) || it->id != id) return nullptr;
    return &*it;
}

}  // namespace ahaki
