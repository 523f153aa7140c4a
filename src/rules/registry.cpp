// The registry of every rule, sorted by id. Ids are stable forever: a removed
// rule's id is never reused (keep a comment line in its place).
#include <algorithm>

#include "rules/curriculum/curriculum.hpp"
#include "rules/people/people.hpp"
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
    {"FND-001", Severity::error, Section::founder, "指導要領 4",
     {"設置者", "Founder"},
     {"設置者（<founder kind=\"…\">）が国、地方公共団体又は営利を目的としない法人であることを確認します。営利法人はエラー、"
      "個人・その他は原則に当たらないため要確認（定款・登記事項証明書を確認）です。",
      "Checks that the founder (<founder kind=\"…\">) is the state, a local government or a non-profit corporation. A "
      "for-profit company is an error; an individual or other founder is not what the guideline expects in principle and "
      "is a review (check the articles of incorporation and registry certificate)."},
     check_founder},
    {"SRL-001", Severity::error, Section::school_rules, "指導要領 5(1)",
     {"学則: 養成施設の名称", "School rules: name of the facility"},
     {"学則（<school-rules>）に「養成施設の名称」を定めた条（<item code=\"name\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the name of the facility (<item code=\"name\">)."},
     check_school_rules_item<RuleItem::name>},
    {"SRL-002", Severity::error, Section::school_rules, "指導要領 5(2)",
     {"学則: 位置", "School rules: location"},
     {"学則（<school-rules>）に「位置」を定めた条（<item code=\"location\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the location (<item code=\"location\">)."},
     check_school_rules_item<RuleItem::location>},
    {"SRL-003", Severity::error, Section::school_rules, "指導要領 5(3)",
     {"学則: 教育課程（課程の別、教育内容ごとの単位数・時間数）", "School rules: curriculum (kind of course, units and hours per area)"},
     {"学則（<school-rules>）に「教育課程（課程の別、教育内容ごとの単位数・時間数）」を定めた条（<item code=\"curriculum\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the curriculum (kind of course, units and hours per area) (<item code=\"curriculum\">)."},
     check_school_rules_item<RuleItem::curriculum>},
    {"SRL-004", Severity::error, Section::school_rules, "指導要領 5(4)",
     {"学則: 種類・1学年の定員・修業年限・学級数", "School rules: type, intake per year, years and classes"},
     {"学則（<school-rules>）に「種類・1学年の定員・修業年限・学級数」を定めた条（<item code=\"type-capacity-years-classes\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the type, intake per year, years and classes (<item code=\"type-capacity-years-classes\">)."},
     check_school_rules_item<RuleItem::type_capacity_years_classes>},
    {"SRL-005", Severity::error, Section::school_rules, "指導要領 5(5)",
     {"学則: 休日及び年間必要授業日数", "School rules: holidays and required teaching days"},
     {"学則（<school-rules>）に「休日及び年間必要授業日数」を定めた条（<item code=\"holidays-teaching-days\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the holidays and required teaching days (<item code=\"holidays-teaching-days\">)."},
     check_school_rules_item<RuleItem::holidays_teaching_days>},
    {"SRL-006", Severity::error, Section::school_rules, "指導要領 5(6)",
     {"学則: 教職員の職名・定員と専任教員の定員", "School rules: staff titles and numbers, full-time teachers"},
     {"学則（<school-rules>）に「教職員の職名・定員と専任教員の定員」を定めた条（<item code=\"staff\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the staff titles and numbers, full-time teachers (<item code=\"staff\">)."},
     check_school_rules_item<RuleItem::staff>},
    {"SRL-007", Severity::error, Section::school_rules, "指導要領 5(7)",
     {"学則: 入学資格・選考方法・入学手続", "School rules: admission requirements, selection and procedure"},
     {"学則（<school-rules>）に「入学資格・選考方法・入学手続」を定めた条（<item code=\"admission\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the admission requirements, selection and procedure (<item code=\"admission\">)."},
     check_school_rules_item<RuleItem::admission>},
    {"SRL-008", Severity::error, Section::school_rules, "指導要領 5(8)",
     {"学則: 進級・卒業・退学・除籍の基準", "School rules: progression, graduation, withdrawal and expulsion"},
     {"学則（<school-rules>）に「進級・卒業・退学・除籍の基準」を定めた条（<item code=\"progression-graduation\">）があることを確認します。",
      "Checks that the school rules (<school-rules>) state the progression, graduation, withdrawal and expulsion (<item code=\"progression-graduation\">)."},
     check_school_rules_item<RuleItem::progression_graduation>},
    {"SRL-009", Severity::error, Section::school_rules, "指導要領 5(9)",
     {"学則: 生徒納付金と他の納付金を徴収しない旨", "School rules: fees and the no-other-fees clause"},
     {"学則（<school-rules>）に「生徒納付金と他の納付金を徴収しない旨」を定めた条（<item code=\"fees\">）があることを確認します。あわせて、定められた納付金以外は徴収しない旨の規定（no-other-fees=\"true\"）を確認します。",
      "Checks that the school rules (<school-rules>) state the fees and the no-other-fees clause (<item code=\"fees\">). Also checks the clause that no other fees are collected (no-other-fees=\"true\")."},
     check_school_rules_item<RuleItem::fees>},
    {"STU-001", Severity::error, Section::students, "指導要領 7(1)",
     {"生徒の定員の遵守", "Intake within capacity"},
     {"課程ごとに1学年の定員（<intake course capacity>）が記載され、各年度の入学者数（<enrolment admitted>）が定員を超えないことを確認します。",
      "Checks that each course states its intake capacity (<intake course capacity>) and that no year's intake (<enrolment admitted>) exceeds it."},
     check_student_capacity},
    {"STU-002", Severity::error, Section::students, "指導要領 7(2)",
     {"入学資格の審査", "Admission eligibility checked with certificates"},
     {"入学資格を卒業証明書又は卒業見込証明書で審査していること（students/@certificates-checked）を確認します。",
      "Checks that eligibility is checked with a graduation or prospective-graduation certificate (students/@certificates-checked)."},
     check_admission_certificates},
    {"STU-003", Severity::error, Section::students, "指導要領 7(3)",
     {"入学者の選考", "Selection of entrants"},
     {"入学者の選考の方法（students/@selection）に筆記試験又は面接試験が含まれることを確認します。方法の記載がなければエラー、"
      "それ以外の方法だけなら要確認です。",
      "Checks that the selection (students/@selection) includes a written examination or an interview. No method: error; "
      "other methods only: review."},
     check_selection},
    {"STU-004", Severity::error, Section::students, "指導要領 7(4)",
     {"途中入学の禁止", "No mid-year admission"},
     {"途中入学を行っていないこと（students/@mid-year-admission=\"false\"）を確認します。",
      "Checks that no student is admitted mid-year (students/@mid-year-admission=\"false\")."},
     check_mid_year_admission},
    {"STU-005", Severity::error, Section::students, "指導要領 7(5)",
     {"転学", "Transfers"},
     {"転学を認定施設の相当学年相互の間に限っていること（students/@transfers が none 又は accredited-equivalent-year）を確認します。",
      "Checks that transfers are only between equivalent years of accredited facilities (students/@transfers none or accredited-equivalent-year)."},
     check_transfers},
    {"STU-006", Severity::error, Section::students, "指導要領 7(6)",
     {"出席状況の把握", "Attendance tracked"},
     {"生徒の出席状況を把握し（@attendance-tracked）、出席不良者の進級・卒業を認めないこと（@poor-attendance-blocks-progression）を確認します。",
      "Checks that attendance is tracked (@attendance-tracked) and that poor attendance blocks progression and graduation "
      "(@poor-attendance-blocks-progression)."},
     check_student_attendance},
    {"STU-007", Severity::error, Section::students, "指導要領 7(7)",
     {"健康診断等の保健衛生上の措置", "Health checks"},
     {"健康診断の実施等、保健衛生上必要な措置（students/@health-checks）を確認します。",
      "Checks that health checks and other health measures are in place (students/@health-checks)."},
     check_health_checks},
    {"TCH-001", Severity::error, Section::teachers, "指導要領 6(1)",
     {"施設長の要件", "Eligibility of the head"},
     {"施設長（role=\"head\"）がちょうど1人記載され、他に常勤の職がなく（大学の非常勤講師等は可）、医事に関する法令違反の刑事処分・"
      "禁錮以上の刑がなく、養成への熱意と能力を申告していること（<head-declaration>）を確認します。",
      "Checks that exactly one head (role=\"head\") is described, holds no other full-time post (a part-time university "
      "post is allowed), and declares no sanction under medical laws, no sentence of imprisonment or heavier, and "
      "commitment to training (<head-declaration>)."},
     check_head},
    {"TCH-002", Severity::error, Section::teachers, "指導要領 6(2)",
     {"基礎分野の担当教員の資格", "Qualification of teachers of foundations"},
     {"基礎分野の科目を担当する各教員（<teaches>）が別表第二の資格を持つことを確認します。同等以上の者（大学の教員、助教は勤務3年以上; "
      "高等学校の相当教科の免許状）は基準データ teacher-equivalent-qualifications、本来の資格は teacher-primary-qualifications "
      "（UNKNOWN）。同等の資格を持たない教員は、本来の資格が不明の間は要確認、資格の記載がなければエラーです。",
      "Checks that each teacher of a foundations subject (<teaches>) qualifies under 別表第二. The equivalents (university "
      "teacher, a 助教 only with 3 years; high-school licence in the subject) are standard data "
      "(teacher-equivalent-qualifications); the row's primary qualifications (teacher-primary-qualifications) are "
      "UNKNOWN, so a teacher holding none of the equivalents is a review until they are filled in; no qualification at all "
      "is an error."},
     check_teachers_foundations},
    {"TCH-003", Severity::error, Section::teachers, "指導要領 6(3)",
     {"専門基礎分野の担当教員の資格", "Qualification of teachers of basic professional studies"},
     {"専門基礎分野（人体の構造と機能、疾病の成り立ち・予防・回復、保健医療福祉）の科目の担当教員の資格を確認します。同等以上の者: "
      "歯科医師（臨床医学以外）、修士・博士、大学の教員、平成元年改正時の在職者、理学療法士・作業療法士（リハビリテーション医学に限る）。"
      "条件付きの資格は要確認、本来の資格（UNKNOWN）のみの教員も要確認です。",
      "Checks the qualification of the teachers of basic professional studies (body structure, disease and recovery, "
      "health and welfare). Equivalents: dentist (not clinical medicine), master's or doctorate, university teacher, "
      "teachers in post at the 1989 amendment, PT/OT (rehabilitation medicine only). A conditional equivalent is a "
      "review; a teacher relying on the row's primary qualifications (UNKNOWN) is a review."},
     check_teachers_basic_medical},
    {"TCH-004", Severity::error, Section::teachers, "指導要領 6(4)",
     {"専門分野の担当教員の資格", "Qualification of teachers of professional studies"},
     {"専門分野（基礎・臨床・社会あはき学、実習、臨床実習、総合領域）の科目の担当教員の資格を確認します。同等以上の者: 修士・博士、"
      "大学の教員、旧規則のあはき教員（平成元年改正時に在職）。本来の資格（あはき師で教員養成課程修了など）は UNKNOWN のため要確認です。",
      "Checks the qualification of the teachers of professional studies (basic, clinical and social theory, practical "
      "training, clinical practice, integrated). Equivalents: master's or doctorate, university teacher, older-rule "
      "teachers in post in 1989. The primary qualifications (licensed practitioners who completed teacher training, …) "
      "are UNKNOWN, so such teachers are a review."},
     check_teachers_specialised},
    {"TCH-005", Severity::error, Section::teachers, "指導要領 6(5)",
     {"専任教員は1つの養成施設に限る", "Full-time at one facility only"},
     {"専任教員に他の常勤の職（<other-post full-time=\"true\">）がないことを確認します。複数の申請をまとめて確認すると、"
      "同じ免許番号の教員が複数の施設で専任かどうかも XSB-001 で確認します。",
      "Checks that no full-time teacher holds another full-time post (<other-post full-time=\"true\">). When several "
      "submissions are checked together, XSB-001 also finds a licence number that is full-time at several facilities."},
     check_full_time_one_facility},
    {"TCH-006", Severity::review, Section::teachers, "指導要領 6(6)",
     {"専任教員は専ら当該施設で従事", "Full-time teachers work only here"},
     {"専任教員に兼務（<other-post full-time=\"false\">）があれば、専ら当該施設の養成に従事しているかを勤務時間で確認する要確認とします。",
      "A full-time teacher with a part-time post elsewhere (<other-post full-time=\"false\">) is a review: check the "
      "working hours to judge whether the teacher works principally here."},
     check_full_time_only_here},
    {"TCH-007", Severity::warning, Section::teachers, "指導要領 6(7)",
     {"専任教員の臨床能力の向上", "Full-time teachers keep up clinical skills"},
     {"専任教員が臨床実習施設で臨床に携わっていること（teacher/@clinical-engagement）を確認します。努力義務のため警告です。",
      "Checks that each full-time teacher practises at the clinical sites (teacher/@clinical-engagement). The clause asks "
      "for an effort, so a miss is a warning."},
     check_clinical_engagement},
    {"TCH-008", Severity::error, Section::teachers, "指導要領 6(8)",
     {"経験5年以上の専任教員2人以上", "At least 2 full-time teachers with 5 years' experience"},
     {"あはき教育の経験年数（teacher/@years-teaching）が experienced-teacher-min-years 以上の専任教員が "
      "experienced-teachers-min-count 人以上いることを確認します。",
      "Checks that at least experienced-teachers-min-count full-time teachers have taught あはき for at least "
      "experienced-teacher-min-years years (teacher/@years-teaching)."},
     check_experienced_teachers},
    {"TCH-009", Severity::warning, Section::teachers, "指導要領 6(9)",
     {"1教員の1週間の授業時間数", "Weekly class hours per teacher"},
     {"教員ごとの1週間の授業時間数（teacher/@weekly-class-hours）を標準（teacher-weekly-class-hours-standard、15時間）と比べます。"
      "標準のため、超えると警告です。",
      "Compares each teacher's weekly class hours (teacher/@weekly-class-hours) with the standard "
      "(teacher-weekly-class-hours-standard, 15 hours); it is a standard, so exceeding it is a warning."},
     check_weekly_hours},
    {"TCH-010", Severity::error, Section::teachers, "指導要領 6(10)",
     {"教員の出勤状況の記録", "Teacher attendance recorded"},
     {"教員の出勤状況を記録していること（teachers/@attendance-recorded）を確認します。",
      "Checks that teachers' attendance is recorded (teachers/@attendance-recorded)."},
     check_teacher_attendance},
    {"TCH-011", Severity::error, Section::teachers, "指導要領 6(11)",
     {"実習調整者の配置", "Placement coordinator"},
     {"施術所（clinic）又は医療機関等（medical）の臨床実習施設があるとき、専任教員のうち実習調整者（placement-coordinator=\"true\"）が "
      "placement-coordinators-min-count 人以上いることを確認します。",
      "When clinical practice is held at a 施術所 (clinic) or a medical institution (medical), checks that at least "
      "placement-coordinators-min-count full-time teachers are placement coordinators (placement-coordinator=\"true\")."},
     check_placement_coordinator},
    {"TCH-012", Severity::error, Section::teachers, "認定規則 第2条",
     {"専任教員の数", "Number of full-time teachers"},
     {"専任教員の数を、種類ごとの必要数（full-time-teachers-min）と比べます。この数は入手できていない（UNKNOWN）ため、"
      "値が入るまでは人数を示して要確認とします。",
      "Compares the number of full-time teachers with the required number for the facility type (full-time-teachers-min). "
      "That number was not available (UNKNOWN): until it is filled in, the rule reports the count as a review."},
     check_full_time_count},
    {"TCH-013", Severity::error, Section::teachers, "指導要領 14(1)",
     {"教員資格の書類による確認", "Teacher qualifications verified with documents"},
     {"各教員の資格を免許証・履歴書等で確認した日（teacher/@documents-verified）があることを確認します。",
      "Checks that each teacher's qualifications were verified with licences and CV, with the date (teacher/@documents-verified)."},
     check_documents_verified},
    {"TCH-014", Severity::review, Section::teachers, "指導要領 14(1)",
     {"科目の担当教員", "Every subject has a teacher"},
     {"教員を記載したとき、すべての科目に担当教員（<teaches>）がいることを確認します。担当が分からない科目は、資格を確認できないため要確認です。",
      "When teachers are described, checks that every subject has a teacher (<teaches>); a subject without one cannot have "
      "its teacher's qualification checked, so it is a review."},
     check_subjects_have_teachers},
    {"XSB-001", Severity::error, Section::cross_file, "指導要領 6(5)",
     {"複数の施設で専任の教員", "Teacher full-time at several facilities"},
     {"複数のファイルをまとめて確認するとき、同じ免許・登録番号（qualification/@code と @number）の教員が2つ以上の施設で専任なら、"
      "それぞれのファイルでエラーとします。",
      "When several files are checked in one run, a teacher identified by a licence or registration number "
      "(qualification/@code and @number) who is full-time at more than one facility is an error in each file."},
     check_nothing_in_one_file},
    {"XSB-002", Severity::review, Section::cross_file, "指導要領 9(1)",
     {"複数の施設が使う臨床実習施設", "Clinical site relied on by several schools"},
     {"複数のファイルをまとめて確認するとき、同じ臨床実習施設（附属施設を除き、名称で同定）を複数の学校が使っていれば、"
      "受入れ人数と指導体制を確認する要確認とします。",
      "When several files are checked in one run, a clinical site (other than an affiliated one, identified by its name) "
      "used by several schools is a review: check its capacity and supervision for all of them."},
     check_nothing_in_one_file},
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
