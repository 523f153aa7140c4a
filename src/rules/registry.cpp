// The registry of every rule, sorted by id. Ids are stable forever: a removed
// rule's id is never reused (keep a comment line in its place).
#include <algorithm>

#include "rules/claims/claims.hpp"
#include "rules/curriculum/curriculum.hpp"
#include "rules/facility_rules.hpp"
#include "rules/people/people.hpp"
#include "rules/rule.hpp"

namespace ahaki {
namespace {

using namespace ahaki::rules;

const Rule rule_table[] = {
    {"ADV-001", Severity::error, Section::procedure, "指導要領 13(1)",
     {"広告の開始時期と表示", "Advertising: when it may start and how it is labelled"},
     {"広告（procedure/advertising）ごとに、開始日が設置計画書の受理日（procedure/@plan-accepted）以後であること、"
      "表示が「設置計画中」（認定申請書の提出日以後に始まる広告は「申請中」）であることを確認します。",
      "For each advertising campaign (procedure/advertising), checks that it starts on or after the day the establishment "
      "plan was accepted (procedure/@plan-accepted) and is labelled 設置計画中 (申請中 once the application has been "
      "submitted)."},
     check_advertising},
    {"ADV-002", Severity::error, Section::procedure, "指導要領 13(2)",
     {"学生募集の開始時期と表示", "Recruitment: when it may start and how it is labelled"},
     {"学生募集（procedure/recruitment）ごとに、開始日が認定申請書の受理日（procedure/@application-accepted）以後であり、"
      "「申請中」と表示していることを確認します。",
      "For each recruitment campaign (procedure/recruitment), checks that it starts on or after the day the application "
      "was accepted (procedure/@application-accepted) and is labelled 申請中."},
     check_recruitment},
    {"AUT-001", Severity::error, Section::procedure, "指導要領 1",
     {"認定者と申請の宛先", "Who accredits, and where the submission is addressed"},
     {"施設の種類から認定者を示します（あん摩マッサージ指圧師を含む種類は厚生労働大臣（都道府県知事を経由）、はり・きゅう・はりきゅうは"
      "都道府県知事。基準データ accrediting-authority）。申請の宛先（procedure/@addressed-to）が違えばエラーです。",
      "Names who accredits the facility type (types including anma: the Minister of Health, Labour and Welfare, through "
      "the prefectural governor; hari, kyu, hari-kyu: the prefectural governor) and flags a submission addressed "
      "(procedure/@addressed-to) to the wrong one."},
     check_authority},
    // CLM-*: clinic claims (rules/claims/); their checks run on clinic descriptions (engine/kinds.cpp).
    {"CLM-001", Severity::error, Section::claims, "留意事項 第3章4・第5章1",
     {"同意期間内の施術", "Visits within the consent period"},
     {"同意ごとに、同意期間（初回の同意は初療の日から、再同意は再同意日から、同意日に適用される月数（consent-months: 平成30年10月1日より前は3月、以後は6月）。開始が15日以前なら月数−1月後の月末、16日以降なら月数後の月末まで）を求め、同意書の加療期間（period-end）が短ければそれまでとし、その同意による施術日が期間内にあることを確認します。",
      "For each consent, computes its period (an initial consent from the first treatment under it, a renewal from its date; the months in force on the consent's date (consent-months: 3 before 2018-10-01, 6 from then); a start on day 1-15 ends on the last day of the month (months - 1) later, day 16 or later on the last day of the month (months) later; a shorter written period-end limits it) and checks every visit under it lies within."},
     check_clinic_rule_in_school},
    {"CLM-002", Severity::review, Section::claims, "留意事項 第2章2・3",
     {"6疾患以外の同意疾病", "Consented disease outside the six"},
     {"同意疾病が神経痛、リウマチ、頸腕症候群、五十肩、腰痛症、頸椎捻挫後遺症以外（disease=\"other\"）なら、保険者が個別に判断するため要確認です。",
      "A consent for a disease other than the six covered ones (disease=\"other\") is judged by the insurer case by case: a review."},
     check_clinic_rule_in_school},
    {"CLM-003", Severity::error, Section::claims, "平成30年6月20日 保医発0620第1号",
     {"口頭の再同意", "Verbal re-consent"},
     {"再同意（kind=\"renewal\"）が口頭（form=\"verbal\"）で、その日付に口頭の再同意が認められない（verbal-renewal-allowed=0、平成30年10月1日以降）ならエラーです。"
      "認められていた日付でも、同意した医師の住所（doctor-address）の記録がなければエラーです（第3章4: 医師の住所・氏名・同意年月日・病名を付記）。",
      "A renewal obtained verbally (form=\"verbal\") on a date when verbal renewals are no longer accepted (verbal-renewal-allowed=0, from 2018-10-01) is an error; "
      "so is one from before without the consenting doctor's address (doctor-address): 第3章4 has it recorded with the doctor's name, date and disease."},
     check_clinic_rule_in_school},
    {"CLM-004", Severity::error, Section::claims, "留意事項 第4章",
     {"初検料の算定", "Initial examination fee"},
     {"初検料（first-exam=\"true\"）は患者の最初の施術日、又は治癒（end outcome=\"cured\"）の後に新しい初回の同意で別の疾病を施術する日に限ります。施術継続中（間に end がない）や同じ同意のままの算定はエラー、施術終了の後の同じ疾病の新しい同意（再発）や中止・転医の後の新しい同意は要確認です。",
      "The initial examination fee (first-exam=\"true\") is paid on the patient's first treatment, or after a cure (end outcome=\"cured\") for another disease under a new initial consent. Claimed during a continuing course (no end in between) or under the same consent it is an error; after an end, a new consent for the same disease (a relapse) or after a stop or transfer is a review."},
     check_clinic_rule_in_school},
    {"CLM-005", Severity::error, Section::claims, "留意事項 第5章5",
     {"1日1回の施術料", "One treatment a day"},
     {"同じ患者の同じ日に施術日（visit）が2つ以上あればエラーです（施術料は疾病の数や部位にかかわらず1日1回）。",
      "Two or more visits of one patient on one day are an error (the fee is paid once a day, whatever the number of diseases or sites)."},
     check_clinic_rule_in_school},
    {"CLM-006", Severity::error, Section::claims, "療養費の算定基準（施術日の版）",
     {"請求額と計算額", "Claimed total against the computed fees"},
     {"申請書（claim）ごとに、その月の施術日の料金を施術日に適用される版（schemas/ryoyohi）から計算し（初検料・施術料の1術/2術、電療料、往療料の距離区分又は定額、訪問施術料の区分、施術報告書交付料、特別地域加算。算定できない料金は0円）、請求額（total）と比べます。違えば計算した項目を施術日ごとに示します。",
      "For each claim, computes the fees of the month's visits from the edition in force on each treatment day (schemas/ryoyohi: initial examination and treatment fee for 1 or 2 techniques, electrotherapy, home-visit fee by distance band or flat, home-treatment fee tier, report fee, special area addition; fees not payable count 0) and compares them with the claimed total; a difference lists each computed item per day."},
     check_clinic_rule_in_school},
    {"CLM-007", Severity::error, Section::claims, "留意事項 第6章5",
     {"片道16kmを超える往療", "Home visit beyond 16 km"},
     {"往療料を算定する往療（travel-fee が false でない）の片道距離（distance-km）が max-travel-km（16km）を超えればエラーです（往療料は全額不支給）。絶対的な理由（absolute-reason）が記録されていれば要確認です。",
      "A home visit billed with a fee (travel-fee not false) more than max-travel-km (16 km) one way is an error (no fee at all); when an absolute reason (absolute-reason) is recorded it is a review."},
     check_clinic_rule_in_school},
    {"CLM-008", Severity::error, Section::claims, "留意事項 第6章6",
     {"同一建物の複数患者の往療料", "Several patients in one building"},
     {"同じ日に同じ建物（building）の複数の患者にそれぞれ往療料を算定していればエラーです（one-travel-fee-per-building=1、第6章6。終わりの定めはありません）。"
      "令和6年10月からの定期的な訪問は訪問施術料で、その区分が同じ建物の患者数を数えるため、この規則の対象は突発的な往療です。",
      "A home-visit fee billed for each of several patients in one building (building) on one day is an error (one-travel-fee-per-building=1, "
      "第6章6, with no end date). From 2024-10-01 regular visits are billed as 訪問施術料, whose tier counts the building's patients, so the "
      "rule applies to sudden visits."},
     check_clinic_rule_in_school},
    {"CLM-009", Severity::review, Section::claims, "留意事項 第6章1・7",
     {"往療を必要とした理由", "Reason for a home visit"},
     {"往療（place=\"home\"）ごとに往療を必要とした理由（reason）と、突発的か定期的・計画的か（home-visit）があることを確認します。"
      "理由は申請書の摘要欄に記入が必要なため、区分は往療料（定期的な往療には支給できない、第6章2）を決めるため、ないものは要確認です（区分のない日の料金は計算せず、その月の合計は確認できません）。",
      "Checks that each home visit (place=\"home\") records its reason (reason) and whether it was sudden or regular (home-visit): the claim "
      "states the reason, and the kind decides the home-visit fee (none for a regular visit, 第6章2); a missing one is a review, and the day's "
      "fee is not computed (the month's total cannot be verified)."},
     check_clinic_rule_in_school},
    {"CLM-010", Severity::error, Section::claims, "令和6年10月 往療料の見直し",
     {"突発的な往療の後14日以内の往療料", "Home-visit fee within 14 days of a sudden visit"},
     {"sudden-interval-days（令和6年10月1日から14日）の期間、突発的な往療（往療料を算定）の日から14日以内（月をまたいでも）の往療料はエラーです。",
      "From 2024-10-01 (sudden-interval-days, 14), a home-visit fee within 14 calendar days after a sudden visit billed with one is an error, across month ends."},
     check_clinic_rule_in_school},
    {"CLM-011", Severity::error, Section::claims, "留意事項 第8章3",
     {"1患者1月1通の申請書", "One claim per patient and month"},
     {"同じ患者・同じ施術年月の申請書が2通以上あるか、施術日のない月の申請書があればエラーです。",
      "Two claims for one patient and month, or a claim for a month without a visit, are errors."},
     check_clinic_rule_in_school},
    {"CLM-012", Severity::warning, Section::claims, "留意事項 第7章",
     {"施術録の保管と記載事項", "Treatment records: retention and contents"},
     {"施術録（records）の保管年数（retention-years）が record-retention-years（施術完結の日から5年）以上であり、第7章の記載事項（items）がすべてあることを確認します。第7章は団体の周知指導として示されているため警告です。",
      "Checks that treatment records (records) are kept at least record-retention-years (5 years from the end of treatment) and hold every item of 第7章 (items). Seed 002 gives this as the associations' instruction, so a miss is a warning."},
     check_clinic_rule_in_school},
    {"CLM-013", Severity::error, Section::claims, "疑義解釈 平成30年10月1日 問26",
     {"施術報告書交付料の間隔", "Interval of treatment report fees"},
     {"施術報告書交付料（report=\"true\"）は、前 report-interval-months（5月）以内に支給されていれば算定できません。",
      "The treatment report fee (report=\"true\") is not paid if one was paid in the report-interval-months (5) months before the month of issue."},
     check_clinic_rule_in_school},
    {"CLM-014", Severity::error, Section::claims, "施術継続理由・状態記入書（平成29年7月〜）",
     {"月16回以上の施術の理由書", "Statement of reasons for 16 or more visits a month"},
     {"初療から statement-after-years（1年）以上たった月（その月の最初の施術日で判断）の施術が statement-min-visits（16回）以上なら、申請書に施術継続理由・状態記入書（statement-of-reasons=\"true\"）が必要です。",
      "When the month's first visit is statement-after-years (1) or more after the first treatment and the month has statement-min-visits (16) or more visits, the claim needs the statement of reasons (statement-of-reasons=\"true\")."},
     check_clinic_rule_in_school},
    {"CLM-015", Severity::error, Section::claims, "留意事項 第5章2・4",
     {"入院中・療養の給付との併用", "Inpatient, or alongside medical care"},
     {"入院期間（inpatient）中の施術、及び同じ疾病の療養の給付（medical-care）の期間中の施術はエラーです。",
      "A treatment during a hospital stay (inpatient), or during medical care for the same disease (medical-care), is an error."},
     check_clinic_rule_in_school},
    {"CLM-016", Severity::review, Section::claims, "療養費データ（schemas/ryoyohi）",
     {"料金の値が不明", "Fee value unknown for the treatment day"},
     {"申請書の月の施術に必要な料金が、施術日の版で UNKNOWN（又は適用できる版がない）なら、項目と日付を示して要確認とします。金額は作りません。",
      "When a fee a claim's visits need is UNKNOWN in the edition of the treatment day (or no edition applies), names the item and date as a review; no amount is invented."},
     check_clinic_rule_in_school},
    {"CLM-017", Severity::error, Section::claims, "留意事項 第3章",
     {"初回の同意の同意書", "Initial consent in writing"},
     {"初回の同意（kind=\"initial\"）が口頭（form=\"verbal\"）ならエラーです。口頭で足りるのは再同意だけです。",
      "An initial consent (kind=\"initial\") that is verbal (form=\"verbal\") is an error: only a renewal could be verbal."},
     check_clinic_rule_in_school},
    {"CLM-018", Severity::error, Section::claims, "留意事項 第6章2",
     {"定期的な往療の往療料", "Home-visit fee for a regular visit"},
     {"訪問施術料のない版（令和6年10月より前）で、定期的・計画的な往療（home-visit=\"regular\"）に往療料を算定していればエラーです（regular-travel-paid=0）。",
      "In editions without the home-treatment fee (before 2024-10), a home-visit fee claimed for a regular, planned visit (home-visit=\"regular\") is an error (regular-travel-paid=0)."},
     check_clinic_rule_in_school},
    {"CLM-019", Severity::warning, Section::claims, "平成31年4月22日 改元に伴う通知",
     {"元号が変わった後の旧元号の日付", "Date written in an era after it ended"},
     {"旧元号のまま書かれた改元後の日付（例 平成31年5月1日）は新元号の日付（令和元年5月1日）として読み、警告します。",
      "A date written in an era after it ended (e.g. 平成31年5月1日) is read as the new era's date (令和元年5月1日), with a warning."},
     check_clinic_rule_in_school},
    {"CLM-020", Severity::warning, Section::claims, "令和6年10月 往療料の見直し",
     {"突発的な往療の医師への連絡", "Liaison with the doctor for a sudden home visit"},
     {"sudden-liaison-required の期間（令和6年10月1日から、SECONDARY）、往療料を算定する突発的な往療に、連絡した医師（liaison-doctor）・医療機関（liaison-institution）・連絡日（liaison-date）があることを確認します。出典が転載のみのため警告です。",
      "While sudden-liaison-required applies (from 2024-10-01, SECONDARY), checks that each sudden home visit billed with a fee records the doctor (liaison-doctor), institution (liaison-institution) and date (liaison-date) of the liaison; the source is a reprint only, so a miss is a warning."},
     check_clinic_rule_in_school},
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
    {"CUR-021", Severity::error, Section::curriculum, "指導要領 5(3)",
     {"表の小計・合計と科目の行", "Printed subtotals and totals against their rows"},
     {"表（.xlsx / .csv）から読んだ課程で、表に印字された小計・合計の行（sheet:summary）の単位数・時間数が、その行がまとめる科目の行の合計と"
      "一致することを確認します。学則の教育課程の表は教育内容ごとの単位数・時間数を示すものなので、合わない小計はどちらかの誤りです。"
      "小計はその分野・教育内容の科目（名前のない「小計」は前の小計の後の科目）、合計はすべての科目をまとめます。手で書いた XML には小計がないため対象外です。",
      "For a course read from a sheet (.xlsx / .csv), checks that each printed 小計 (subtotal) or 合計 (total) row (sheet:summary) "
      "equals the units and hours of the subject rows it stands for. The school rules state the units and hours per area, so a "
      "subtotal that does not add up means one of the two is wrong. A subtotal sums the subjects of its field or area (a bare 小計: "
      "those since the previous subtotal), a total all subjects. A hand-written XML file prints no subtotals and is not concerned."},
     check_sheet_summaries},
    {"EQP-001", Severity::error, Section::equipment, "指導要領 10(7)",
     {"別表の器械器具・標本・模型・図書", "Equipment, specimens, models and books of 別表"},
     {"備品目録（equipment/item）を基準データの備品リスト（list key=\"equipment\"）と品目コードで照合し、数量が最低数以上であることを確認します。"
      "別表の本文は入手できておらず（UNKNOWN）、リストが埋まるまでは目録を人が別表と照合する要確認として報告します。",
      "Matches the inventory (equipment/item) by item code against the standard's equipment list (list "
      "key=\"equipment\") and checks each quantity. The text of 別表 was not available (UNKNOWN): until the list is "
      "filled in, the rule reports a review finding to compare the inventory with 別表 by hand."},
     check_equipment},
    {"FIN-001", Severity::error, Section::finance, "指導要領 11(1)",
     {"財政上の健全な運営", "Sound finances"},
     {"運営が財政上健全であること（finance/@sound）とその根拠資料（finance/@evidence）を確認します。"
      "健全でないとする記載はエラー、根拠資料の記載がなければ要確認です。",
      "Checks that the school states sound finances (finance/@sound) and names the evidence (finance/@evidence). Not "
      "sound: error; no evidence named: review."},
     check_sound_finances},
    {"FIN-002", Severity::error, Section::finance, "指導要領 11(2)",
     {"経理の区分", "Separate accounts"},
     {"養成施設の経理が養成施設以外の経理と明確に区分されていること（finance/@separate-accounts）を確認します。",
      "Checks that the school's accounts are kept apart from the founder's other accounts (finance/@separate-accounts)."},
     check_separate_accounts},
    {"FIN-003", Severity::error, Section::finance, "指導要領 11(3)",
     {"学則で定めた以外の納付金を徴収しないこと", "Only the fees of the school rules are collected"},
     {"各生徒納付金（finance/fee）を学則の定める納付金と金額（school-rules/fee-rule）と照合し、学則にない納付金と金額の違いを指摘します（計算）。"
      "学則の納付金が書かれていなければ、finance/fee/@in-school-rules と finance/@other-fees の申告によります。金額が適当かは報告の一覧を見て人が判断します。",
      "Compares each fee (finance/fee) with the fees and amounts the school rules set (school-rules/fee-rule): a fee they "
      "do not set, or a different amount, is a finding (computed). Without school-rules/fee-rule it rests on the "
      "declarations finance/fee/@in-school-rules and finance/@other-fees. Whether the amounts are reasonable is for the "
      "reviewer, from the list in the report."},
     check_fees_in_rules},
    {"FIN-004", Severity::error, Section::finance, "指導要領 11(4)",
     {"納付金の新設・改定の経理計画書の内容", "Contents of the accounting plan for a new or changed fee"},
     {"納付金の新設・改定（finance/fee-change）ごとに、改定しない場合と改定した場合の翌年度の経理計画書があり、納付金名と金額が"
      "記載されていることを確認します。提出期限は PRC-004。",
      "For each new or changed fee (finance/fee-change), checks that next year's plans without and with the change are "
      "attached and the fee's name and amount are given. The deadline is PRC-004."},
     check_fee_change_plan},
    {"FND-001", Severity::error, Section::founder, "指導要領 4",
     {"設置者", "Founder"},
     {"設置者（<founder kind=\"…\">）が国、地方公共団体又は営利を目的としない法人であることを確認します。営利法人はエラー、"
      "個人・その他は原則に当たらないため要確認（定款・登記事項証明書を確認）です。",
      "Checks that the founder (<founder kind=\"…\">) is the state, a local government or a non-profit corporation. A "
      "for-profit company is an error; an individual or other founder is not what the guideline expects in principle and "
      "is a review (check the articles of incorporation and registry certificate)."},
     check_founder},
    {"OPN-001", Severity::error, Section::procedure, "通知 記2",
     {"関係団体等の意見書", "Opinion letters of the professional bodies and schools for the blind"},
     {"あん摩マッサージ指圧師を含む種類の設置計画書に、全日本鍼灸マッサージ師会・日本あん摩マッサージ指圧師会・日本盲人会連合の"
      "都道府県の組織と盲学校の意見書（procedure/opinion-letter）が添えられていることを確認します。団体は基準データ opinion-bodies、"
      "対象の種類は procedure-applies-to です。他の種類には適用しません。",
      "For facility types including anma, checks that the establishment plan carries opinion letters "
      "(procedure/opinion-letter) of the prefectural branches of 全日本鍼灸マッサージ師会, 日本あん摩マッサージ指圧師会 "
      "and 日本盲人会連合, and of the schools for the blind. Not applicable to other types."},
     check_opinion_letters},
    {"PRC-001", Severity::error, Section::procedure, "指導要領 2(1)",
     {"設置計画書の提出期限", "Deadline of the establishment plan"},
     {"設置計画書の提出日（procedure/@plan-submitted）が授業開始予定日（@planned-start）の1年前（plan-lead-years）までであることを"
      "日付から確認します。期限は基準データ deadline-reading（民法 140条・143条）で数え、同じ日付の1年前の前日が最後の日です。"
      "その翌日（日常の読み方の最後の日）は両方の日を示して要確認、それ以後はエラーです。対象の種類は procedure-applies-to（大臣が認定する種類）です。",
      "Checks from the dates that the establishment plan (procedure/@plan-submitted) was submitted at least 1 year "
      "(plan-lead-years) before the planned start (@planned-start), counted as deadline-reading says (民法 140/143: the "
      "last day is the day before the same date a year earlier; the same date itself, the everyday reading's last day, "
      "is a review with both days; later is an error). The types it concerns are procedure-applies-to (the Minister's)."},
     check_plan_deadline},
    {"PRC-002", Severity::error, Section::procedure, "指導要領 2(2)",
     {"定員変更計画書の提出期限", "Deadline of the capacity-change plan"},
     {"定員の増加（procedure/capacity-increase）ごとに、定員変更計画書の提出日が変更日の1年前（capacity-plan-lead-years）までで"
      "あることを確認します。あん摩マッサージ指圧師を含む種類に適用します。",
      "For each capacity increase (procedure/capacity-increase), checks that the plan was submitted at least 1 year "
      "(capacity-plan-lead-years) before the change. Applies to types including anma."},
     check_capacity_plan_deadline},
    {"PRC-003", Severity::error, Section::procedure, "指導要領 3",
     {"認定申請・変更承認申請の期限", "Deadline of the application"},
     {"認定の申請日（procedure/@application-submitted）が授業開始予定日の6か月前（application-lead-months）まで、"
      "定員の変更の承認の申請が変更日の6か月前までであることを確認します。あん摩マッサージ指圧師を含む種類に適用します。",
      "Checks that the application (procedure/@application-submitted) was made at least 6 months "
      "(application-lead-months) before the planned start, and each change application 6 months before the change. "
      "Applies to types including anma."},
     check_application_deadline},
    {"PRC-004", Severity::error, Section::finance, "指導要領 11(4)",
     {"経理計画書の提出期限", "Deadline of the accounting plan"},
     {"納付金の新設・改定（finance/fee-change）ごとに、経理計画書の提出日（@plan-submitted）が新設・改定日（@effective）の"
      "3か月前（fee-plan-lead-months）までであることを、民法 140条・143条の数え方（deadline-reading）で確認します（境界の日は要確認）。"
      "11(4) は厚生労働大臣への提出を定めるため、大臣が認定する種類だけに適用します（procedure-applies-to、ASSUMED）。",
      "For each new or changed fee (finance/fee-change), checks that the accounting plan (@plan-submitted) was "
      "submitted at least 3 months (fee-plan-lead-months) before the change (@effective), counted under 民法 140/143 "
      "(deadline-reading; the boundary day is a review). 11(4) sends the plan to the Minister, so it applies to the "
      "types the Minister accredits (procedure-applies-to, ASSUMED)."},
     check_fee_plan_deadline},
    {"PRM-001", Severity::error, Section::premises, "指導要領 10(1)",
     {"図書室", "Library"},
     {"校舎（premises）に図書室（library）があることを確認します。", "Checks that the premises include a library (premises/library)."},
     check_library},
    {"PRM-002", Severity::error, Section::premises, "指導要領 10(2)",
     {"実習室の水道設備と給湯施設", "Running water and hot water in practice rooms"},
     {"各実習室（premises/practice-room）に水道設備（@water）と給湯施設（@hot-water）があることを確認します。",
      "Checks that each practice room (premises/practice-room) has running water (@water) and hot water (@hot-water)."},
     check_room_water},
    {"PRM-003", Severity::error, Section::premises, "指導要領 10(3)",
     {"実習室の机と椅子の配置", "Practice rooms laid out for group practice"},
     {"各実習室で、生徒数人を一組として実習を行えるよう机と椅子が配置されていること（@group-layout）を確認します。",
      "Checks that each practice room has desks and chairs laid out for practice in groups of a few students (@group-layout)."},
     check_room_layout},
    {"PRM-004", Severity::error, Section::premises, "指導要領 10(4)",
     {"実習室の数", "Number of practice rooms"},
     {"実習室の数が施設の種類ごとの最低数（practice-rooms-min）以上であることを確認します。あはき施設は2室（10(4)）、"
      "他の種類は1室（10(2)(3) から導いた値、DERIVED）です。",
      "Checks the number of practice rooms against the minimum for the facility type (practice-rooms-min): 2 for "
      "anma-hari-kyu (10(4)); 1 for the other types (DERIVED from 10(2)(3))."},
     check_room_count},
    {"PRM-005", Severity::error, Section::premises, "指導要領 10(5)",
     {"校舎の所有・賃貸借", "Premises owned, or leased securely and long-term"},
     {"校舎が設置者所有（premises/@ownership=\"owned\"）であるか、賃貸借なら期間（@lease-start, @lease-end）が授業開始前に"
      "終わらず、各課程の第1期生が修了する日（入学日から修業年限を経た日の前日）より前に終わらないことを日付から計算します（違えば課程と期を示すエラー）。"
      "「長期」の年数は定められていない（lease-min-years は UNKNOWN）ため、それ以外の賃貸借は契約書を見る要確認です。",
      "Computes from the dates that the premises are owned by the founder, or leased (@lease-start, @lease-end) for a term "
      "that neither ends before classes start nor before the first cohort of each course has finished it (the day before "
      "intake + years; an error naming the course and cohort). No number of years defines a long-term lease "
      "(lease-min-years is UNKNOWN), so any other lease is reported for review of the contract."},
     check_ownership},
    {"PRM-006", Severity::review, Section::premises, "指導要領 10(6)",
     {"校舎の他の目的との併用", "Premises not shared with other uses"},
     {"校舎が他の目的に併用されていないこと（premises/@shared-use）を確認します。併用は原則として認められないため、"
      "併用していれば理由と区分を人が確認する要確認です。",
      "Checks that the premises are not also used for other purposes (premises/@shared-use). Sharing is excluded only "
      "in principle, so shared premises are reported for review of the reason and separation."},
     check_shared_use},
    {"REC-001", Severity::error, Section::records, "指導要領 12(1)",
     {"学則・日課表・学校日誌の保存", "School rules, daily schedule and school diary kept"},
     {"学則、日課表、学校日誌が備えられ（records/record）、保存期間（@retention-years）が基準（record-retention-years、5年）以上で"
      "あることを確認します。",
      "Checks that the school rules, daily schedule and school diary are kept (records/record) for at least the "
      "retention period (record-retention-years, 5 years)."},
     check_records_1},
    {"REC-002", Severity::error, Section::records, "指導要領 12(2)",
     {"職員の名簿・履歴書・出勤簿の保存", "Staff list, CVs and attendance book kept"},
     {"職員の名簿、履歴書、出勤簿が備えられ、5年以上保存されることを確認します。",
      "Checks that the staff list, staff CVs and staff attendance book are kept for at least 5 years."},
     check_records_2},
    {"REC-003", Severity::error, Section::records, "指導要領 12(3)",
     {"学籍簿・出席簿・健康診断の表簿の保存", "Student register, attendance and health-check records kept"},
     {"学籍簿（20年）、出席簿、健康診断に関する表簿（5年）が備えられ、それぞれの期間以上保存されることを確認します。",
      "Checks that the student register (20 years), the attendance book and the health-check records (5 years) are kept "
      "for at least those periods."},
     check_records_3},
    {"REC-004", Severity::error, Section::records, "指導要領 12(4)",
     {"入学者選考・成績考査の表簿の保存", "Admission and grade records kept"},
     {"入学者の選考及び成績考査に関する表簿が備えられ、5年以上保存されることを確認します。",
      "Checks that the admission selection and grade records are kept for at least 5 years."},
     check_records_4},
    {"REC-005", Severity::error, Section::records, "指導要領 12(5)",
     {"資産原簿・出納簿・予算決算の表簿の保存", "Asset ledger, cash book and budget records kept"},
     {"資産原簿、出納簿、予算決算に関する表簿が備えられ、5年以上保存されることを確認します。",
      "Checks that the asset ledger, cash book and budget and accounts records are kept for at least 5 years."},
     check_records_5},
    {"REC-006", Severity::error, Section::records, "指導要領 12(6)",
     {"備品の目録の保存", "Equipment catalogue kept"},
     {"器械器具、標本及び模型、図書並びにその他の備品の目録が備えられ、5年以上保存されることを確認します。",
      "Checks that the catalogue of instruments, specimens, models, books and other equipment is kept for at least 5 years."},
     check_records_6},
    {"REC-007", Severity::error, Section::records, "指導要領 12(7)",
     {"往復文書処理簿の保存", "Correspondence log kept"},
     {"往復文書処理簿が備えられ、5年以上保存されることを確認します。",
      "Checks that the correspondence log is kept for at least 5 years."},
     check_records_7},
    {"REC-008", Severity::warning, Section::sites, "療養費の支給基準 第7章",
     {"療養費を請求する施設の施術録の保存", "Treatment records of a site that claims 療養費"},
     {"療養費を請求する臨床実習施設（site/@claims-insurance=\"true\"）が施術録を施術完結の日から5年間（record-retention-years "
      "item=treatment-records）以上保存すること（site/treatment-records）を、記載された年数と起算日から計算します。"
      "第7章はこの期間を施術者団体が会員に指導している事項として示し「参考にされたい」とするだけなので、基準データでは"
      "出典区分を ADVISORY とし、指摘は警告で、そのことを述べます。",
      "For each clinical site that claims 療養費 (site/@claims-insurance=\"true\"), computes from the stated years and "
      "starting day whether its treatment records are kept for at least 5 years from the day treatment ended "
      "(site/treatment-records). 第7章 gives the period only as what the practitioners' associations instruct their "
      "members (「参考にされたい」), so the standard data marks it ADVISORY and the finding is a warning that says so."},
     check_treatment_records},
    {"SIT-001", Severity::error, Section::sites, "指導要領 9(1)",
     {"附属の臨床実習施設と施術所の確保", "An affiliated facility and a 施術所 secured"},
     {"臨床実習施設（clinical-sites）に附属の臨床実習施設（kind=\"affiliated\"）と施術所（kind=\"clinic\"）が"
      "それぞれ1つ以上あることを確認します。",
      "Checks that the clinical sites include an affiliated clinical facility (kind=\"affiliated\") and a 施術所 "
      "(kind=\"clinic\")."},
     check_sites_secured},
    {"SIT-002", Severity::error, Section::sites, "指導要領 9(2)",
     {"附属の臨床実習施設の要件", "What makes a facility affiliated"},
     {"附属の臨床実習施設が、養成施設が教育を目的として設置したもの（@established-by-school）で、養成施設の教員が直接指導に"
      "当たるもの（@supervised-by-teachers）であることを確認します。",
      "Checks that each affiliated facility was set up by the school for teaching (@established-by-school) and is "
      "supervised directly by the school's teachers (@supervised-by-teachers)."},
     check_affiliated_site},
    {"SIT-003", Severity::error, Section::sites, "指導要領 9(4)ア",
     {"施術所: 到達目標", "施術所: attainment goals"},
     {"各施術所に臨床実習の到達目標が設定されていること（site/@attainment-goals）を確認します。",
      "Checks that each 施術所 has attainment goals for clinical practice (site/@attainment-goals)."},
     check_clinic_goals},
    {"SIT-004", Severity::error, Section::sites, "指導要領 9(4)イ",
     {"施術所: 5年以上の開業実績", "施術所: open at least 5 years"},
     {"各施術所の開設日（site/@opened）から、学生がそこで実習を始める時点までの満年数を計算し、基準（clinic-min-years-open、5年）"
      "以上であることを確認します。時点は、その施術所に配置された科目（subject/placement）の最も早い配当年次（subject/@year、"
      "なければ1年次とみなす）の開始日（課程の course/@intake、なければ procedure/@planned-start から数える）で、配置のない施術所は"
      "授業開始予定日です。使った日付を記載値に示します。",
      "Computes the whole years from each 施術所's opening date (site/@opened) to the time students are first placed "
      "there and checks them against clinic-min-years-open (5). That time is the start of the earliest year "
      "(subject/@year; none: year 1) of a subject placed at the site (subject/placement), counted from the course's "
      "intake (or procedure/@planned-start); a site with no placement is judged at the planned start. The date used "
      "is shown with the measured value."},
     check_clinic_years_open},
    {"SIT-005", Severity::error, Section::sites, "指導要領 9(4)ウ",
     {"施術所: 臨床実習指導者", "施術所: a qualified supervisor"},
     {"各施術所に、教員の資格を有する者（@teacher-qualified、申告）、又は実務を始めた日（@practice-since）から講習会の修了日"
      "（@course-completed）までの満年数が基準（supervisor-min-practice-years、5年）以上である者、つまり5年以上実務に従事した"
      "後にあはき師臨床実習指導者講習会を修了した臨床実習指導者（site/supervisor）がいることを、日付から計算して確認します。"
      "実務年数（@practice-years）だけでは順序を計算できないため要確認とします。",
      "Checks that each 施術所 has a supervisor (site/supervisor) who either holds a teacher's qualification "
      "(@teacher-qualified, declared) or completed the supervisor course after at least 5 years of practice: the "
      "whole years from the day practice began (@practice-since) to the course (@course-completed) are computed "
      "against supervisor-min-practice-years (5). Years of practice alone (@practice-years) cannot show the order and "
      "are reported for review."},
     check_clinic_supervisor},
    {"SIT-006", Severity::error, Section::sites, "指導要領 9(4)エ",
     {"施術所: 施術日の平均受診者数", "施術所: average patients per treatment day"},
     {"各施術所の平均受診者数（site/patients/@per-day）が基準（clinic-min-patients-per-day、5名）以上で、その期間（@from〜@to）が"
      "ちょうど1年（clinic-patient-period-years。短い期間も複数年の平均も不可）、しかも申請（procedure/@application-submitted、"
      "なければ設置計画書の提出、授業開始予定日）の直前の1年間であることを日付から計算します。期間の終わりが申請より前で、"
      "申請の clinic-patient-period-max-lag-months（1か月、仮定 ASSUMED: 月単位の集計を認める）前より後であることを求めます。",
      "Computes that each 施術所's average patients per treatment day (site/patients/@per-day) is at least "
      "clinic-min-patients-per-day (5), over a period (@from to @to) of exactly clinic-patient-period-years (1; neither "
      "shorter nor an average over several years) that is the year just before the application "
      "(procedure/@application-submitted, else the plan submission, else the planned start): it must end before the "
      "application and not more than clinic-patient-period-max-lag-months (1, ASSUMED: monthly figures allowed) before it."},
     check_clinic_patients},
    {"SIT-007", Severity::error, Section::sites, "指導要領 9(4)オ",
     {"施術所: 施設・設備の利用", "施術所: facilities and equipment usable"},
     {"各施術所で臨床実習に必要な施設及び設備を利用できること（site/@facilities-usable）を確認します。",
      "Checks that the facilities and equipment needed for clinical practice can be used at each 施術所 (site/@facilities-usable)."},
     check_clinic_facilities},
    {"SIT-008", Severity::error, Section::sites, "指導要領 9(4)カ",
     {"施術所: 開設者の行政処分", "施術所: opener never sanctioned"},
     {"各施術所の開設者が過去も含め療養費申請資格停止等の行政処分を受けていないこと（site/@opener-sanctioned, site/sanction）を"
      "確認します。",
      "Checks that the opener of each 施術所 has never (past included) been subject to an administrative sanction such as "
      "suspension from 療養費 claims (site/@opener-sanctioned, site/sanction)."},
     check_clinic_sanctions},
    {"SIT-009", Severity::error, Section::sites, "指導要領 9(4)キ",
     {"施術所: 患者の文書による同意", "施術所: patients' written consent"},
     {"各施術所で臨床実習を行うことについて患者から文書による同意を得ること（site/@written-consent）を確認します。",
      "Checks that each 施術所 obtains patients' written consent to clinical practice (site/@written-consent)."},
     check_clinic_consent},
    {"SIT-010", Severity::error, Section::sites, "指導要領 9(3)",
     {"医療機関等での臨床実習は見学実習", "Clinical practice at medical institutions is observation only"},
     {"医療機関等（site/@kind=\"medical\"）に配置された臨床実習（subject/placement）ごとに、実習の内容（placement/@mode）が"
      "見学実習（observation）であることを確認します。施術を伴う実習（practice）はエラー、記載がなければ未確認です。"
      "単位数の上限（1単位）は CUR-008 です。",
      "For each placement (subject/placement) at a medical institution (site/@kind=\"medical\"), checks that what "
      "students do there (placement/@mode) is observation; hands-on practice is an error, no mode is not checked. "
      "The 1-unit limit is CUR-008."},
     check_medical_observation},
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
     {"学則（<school-rules>）に「教育課程（課程の別、教育内容ごとの単位数・時間数）」を定めた条（<item code=\"curriculum\">）があることを確認します。"
      "学則の課程ごとの定め（course-rule の昼間・夜間の別、視覚障害者の課程の別、area-rule の教育内容ごとの単位数・時間数）があれば、"
      "記載された課程の科目の合計と照合し、違い・定めのない課程や教育内容を指摘します（計算）。なければ条の記載のみ（申告）です。",
      "Checks that the school rules (<school-rules>) state the curriculum (kind of course, units and hours per area) (<item code=\"curriculum\">). "
      "When they state each course (course-rule: day or night, visually impaired route; area-rule: units and hours per area), "
      "these are compared with the sums of the subjects of the course described, and a difference or a course or area "
      "they do not state is a finding (computed); otherwise the article alone is the basis (declared)."},
     check_school_rules_item<RuleItem::curriculum>},
    {"SRL-004", Severity::error, Section::school_rules, "指導要領 5(4)",
     {"学則: 種類・1学年の定員・修業年限・学級数", "School rules: type, intake per year, years and classes"},
     {"学則（<school-rules>）に「種類・1学年の定員・修業年限・学級数」を定めた条（<item code=\"type-capacity-years-classes\">）があることを確認します。"
      "学則の種類（school-rules/@facility-type）と課程ごとの修業年限・1学年の定員・学級数（course-rule）があれば、school/@type、"
      "course/@years、students/intake と照合します（計算）。なければ条の記載のみ（申告）です。",
      "Checks that the school rules (<school-rules>) state the type, intake per year, years and classes (<item code=\"type-capacity-years-classes\">). "
      "When they state the type (school-rules/@facility-type) and per course the years, intake and classes (course-rule), these "
      "are compared with school/@type, course/@years and students/intake (computed); otherwise the article alone (declared)."},
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
      "（UNKNOWN）。大学の教員の専攻分野と免許状の教科（qualification/@field）は、担当するすべての科目と基準データの対応表 "
      "<subject-fields>（解釈 INTERPRETED）で比べます: 科目を含めば適合、表にある別の分野・教科ならエラー、表が人に委ねるか表にない"
      "分野・科目なら、科目と分野を示して要確認です。指導要領の列挙にない資格（医師、免許など）を持つ教員は、本来の資格が不明の間は要確認、"
      "資格の記載がなければエラーです。",
      "Checks that each teacher of a foundations subject (<teaches>) qualifies under 別表第二. The equivalents (university "
      "teacher, a 助教 only with 3 years; high-school licence in the subject) are standard data "
      "(teacher-equivalent-qualifications); the row's primary qualifications (teacher-primary-qualifications) are "
      "UNKNOWN. The field of a university post and the 教科 of a licence (qualification/@field) are compared with every "
      "subject taught through the standard data's mapping <subject-fields> (an interpretation, INTERPRETED): a field that "
      "includes the subject passes, another field the mapping knows is an error, a field or subject the mapping leaves to a "
      "person or does not know is a review naming both. A teacher who also holds a qualification the guideline does not list "
      "(physician, practitioner licences) is a review while the primary qualifications are UNKNOWN; no qualification at all "
      "is an error."},
     check_teachers_foundations},
    {"TCH-003", Severity::error, Section::teachers, "指導要領 6(3)",
     {"専門基礎分野の担当教員の資格", "Qualification of teachers of basic professional studies"},
     {"専門基礎分野（人体の構造と機能、疾病の成り立ち・予防・回復、保健医療福祉）の科目の担当教員の資格を確認します。同等以上の者: "
      "歯科医師（臨床医学以外）、修士・博士、大学の教員、平成元年改正時の在職者、理学療法士・作業療法士（リハビリテーション医学に限る）。"
      "修士・博士・大学の教員の専攻分野は担当科目と対応表 <subject-fields>（INTERPRETED）で比べ、歯科医師が対応表で臨床医学の科目、"
      "理学療法士・作業療法士がリハビリテーション医学以外の科目を担当すればエラー、表で決まらなければ要確認です。本来の資格（UNKNOWN）"
      "に当たりうる資格を持つ教員は要確認です。",
      "Checks the qualification of the teachers of basic professional studies (body structure, disease and recovery, "
      "health and welfare). Equivalents: dentist (not clinical medicine), master's or doctorate, university teacher, "
      "teachers in post at the 1989 amendment, PT/OT (rehabilitation medicine only). The field of a master's, doctorate or "
      "university post is compared with the subject through the mapping <subject-fields> (INTERPRETED); a dentist teaching a "
      "subject the mapping calls clinical medicine, or PT/OT teaching anything but rehabilitation medicine, is an error; "
      "what the mapping cannot decide is a review. A teacher relying on the row's primary qualifications (UNKNOWN) is a review."},
     check_teachers_basic_medical},
    {"TCH-004", Severity::error, Section::teachers, "指導要領 6(4)",
     {"専門分野の担当教員の資格", "Qualification of teachers of professional studies"},
     {"専門分野（基礎・臨床・社会あはき学、実習、臨床実習、総合領域）の科目の担当教員の資格を確認します。同等以上の者: 修士・博士、"
      "大学の教員、旧規則のあはき教員（平成元年改正時に在職）。修士・博士・大学の教員の専攻分野は担当科目と対応表 <subject-fields>"
      "（INTERPRETED）で比べます（6(4)ア）。本来の資格（あはき師で教員養成課程修了など）は UNKNOWN のため要確認です。",
      "Checks the qualification of the teachers of professional studies (basic, clinical and social theory, practical "
      "training, clinical practice, integrated). Equivalents: master's or doctorate, university teacher, older-rule "
      "teachers in post in 1989; the field of a master's, doctorate or university post is compared with the subject through "
      "the mapping <subject-fields> (INTERPRETED, 6(4)ア). The primary qualifications (licensed practitioners who completed "
      "teacher training, …) are UNKNOWN, so such teachers are a review."},
     check_teachers_specialised},
    {"TCH-005", Severity::error, Section::teachers, "指導要領 6(5)",
     {"専任教員は1つの養成施設に限る", "Full-time at one facility only"},
     {"専任教員に他の常勤の職（<other-post full-time=\"true\">）がないことを確認します。複数の申請をまとめて確認すると、"
      "同じ免許番号の教員が複数の施設で専任かどうかも XSB-001 で確認します。same-facility を付けた職（<one-facility> の認定、"
      "指導要領 6(5) 後段）は他の施設ではありません。",
      "Checks that no full-time teacher holds another full-time post (<other-post full-time=\"true\">). When several "
      "submissions are checked together, XSB-001 also finds a licence number that is full-time at several facilities. A "
      "post marked same-facility (an accreditation of <one-facility>, 指導要領 6(5) second sentence) is not another facility."},
     check_full_time_one_facility},
    {"TCH-006", Severity::review, Section::teachers, "指導要領 6(6)",
     {"専任教員は専ら当該施設で従事", "Full-time teachers work only here"},
     {"専任教員に兼務（<other-post full-time=\"false\">）があれば、専ら当該施設の養成に従事しているかを勤務時間で確認する要確認とします。"
      "same-facility を付けた職（<one-facility> の別の認定、指導要領 6(5) 後段）は当該施設内です。複数の申請の照合は XSB-003。",
      "A full-time teacher with a part-time post elsewhere (<other-post full-time=\"false\">) is a review: check the "
      "working hours to judge whether the teacher works principally here. A post marked same-facility (another accreditation "
      "of <one-facility>, 指導要領 6(5) second sentence) is here. Across submissions: XSB-003."},
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
     {"臨床実習が実際に施術所（clinic）又は医療機関等（medical）に配置されているとき（subject/placement の単位数が0より大きい。"
      "施設が一覧にあるだけでは不要）、専任教員のうち実習調整者（placement-coordinator=\"true\"）が "
      "placement-coordinators-min-count 人以上いることを確認します。指摘には該当する配置を示します。",
      "When clinical practice is actually placed at a 施術所 (clinic) or a medical institution (medical) (a "
      "subject/placement with units; a listed site alone does not count), checks that at least "
      "placement-coordinators-min-count full-time teachers are placement coordinators (placement-coordinator=\"true\"); "
      "the finding names those placements."},
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
     {"各教員の資格を免許証・履歴書等で確認した日（teacher/@documents-verified）があり、その日が各資格の取得日（qualification/@date）"
      "以後であることを確認します。確認日より後に取得した資格は確認されていないため、エラーです（入力エラーではなく指摘）。",
      "Checks that each teacher's qualifications were verified with licences and CV, with the date (teacher/@documents-verified), "
      "and that the date is on or after each qualification was obtained (qualification/@date): a qualification obtained after "
      "the verification was not verified by it, an error (a finding, not an input error)."},
     check_documents_verified},
    {"TCH-014", Severity::review, Section::teachers, "指導要領 14(1)",
     {"科目の担当教員", "Every subject has a teacher"},
     {"教員を記載したとき、すべての科目に担当教員（<teaches>）がいることを確認します。担当が分からない科目は、資格を確認できないため要確認です。",
      "When teachers are described, checks that every subject has a teacher (<teaches>); a subject without one cannot have "
      "its teacher's qualification checked, so it is a review."},
     check_subjects_have_teachers},
    {"XSB-001", Severity::error, Section::cross_file, "指導要領 6(5)",
     {"複数の施設で専任の教員", "Teacher full-time at several facilities"},
     {"--cross-check で複数の申請を照合するとき、免許の種類と番号（qualification/@code と @number。全角数字、「第…号」、空白、"
      "ゼロ幅文字を正規化）が同じ教員が、雇用期間（employed-from〜employed-until。記載がなければ期間は開いているとみなす）の重なる"
      "2つ以上の施設で専任ならエラーです。期間が重ならなければ情報、同じ one-facility の別の認定（指導要領 6(5) 後段）なら情報です。"
      "氏名と生年月日（teacher/@birth-date）、または氏名だけが同じで免許番号が異なる専任教員は「同一人物の可能性」として要確認です。"
      "同じファイルの重複と同じ学校の再提出（XSB-004）とは照合しません。--cross-check がない、または照合できる申請がなければ未確認です。"
      "各校の報告に照合した申請を示します。",
      "With --cross-check, a teacher identified by licence kind and number (qualification/@code and @number, normalised: "
      "full-width digits, 第…号, spaces, zero-width characters) who is full-time at two or more facilities in overlapping "
      "employment periods (employed-from to employed-until; absent dates are open) is an error in each file. Periods that do "
      "not overlap, or another accreditation of the same one-facility (指導要領 6(5) second sentence), are information. "
      "Full-time teachers with the same name and date of birth (teacher/@birth-date), or the same name alone, but other "
      "licence numbers are a review: possibly the same person. Duplicates and resubmissions (XSB-004) are not compared. "
      "Without --cross-check, or with nothing to compare, the requirement is not checked; each report names the submissions "
      "it was compared with."},
     check_across_submissions},
    {"XSB-002", Severity::review, Section::cross_file, "指導要領 9(1)",
     {"複数の施設が使う臨床実習施設", "Clinical site relied on by several schools"},
     {"--cross-check で複数の申請を照合するとき、附属施設以外の臨床実習施設を登録番号（site/@registration）又は正規化した所在地"
      "（site/@address。全角・半角、空白、丁目・番地・号、漢数字の丁目を統一）で同定し、複数の学校が使っていれば受入れ人数と指導体制を"
      "確認する要確認とします。名称だけでは同定しません（登録番号も所在地もない施設は未確認）。",
      "With --cross-check, identifies each clinical site other than an affiliated one by its registration number "
      "(site/@registration) or its normalised address (site/@address: full-width forms, spaces, 丁目/番地/号, kanji numbers "
      "before 丁目); a site used by several schools is a review of its capacity and supervision. A name alone does not "
      "identify a site: a site with neither is not checked."},
     check_across_submissions},
    {"XSB-003", Severity::review, Section::cross_file, "指導要領 6(6)",
     {"他の施設で非常勤の専任教員", "Full-time teacher part-time at another school"},
     {"--cross-check で複数の申請を照合するとき、ある施設で専任の教員（免許の種類と番号で同定）が、雇用期間の重なる他の施設の申請に"
      "非常勤の教員として記載されていれば、専ら当該施設の養成に従事しているかを確認する要確認とします（TCH-006 はファイル内の兼務の申告）。"
      "同じ one-facility の別の認定は当該施設とみなします。氏名（と生年月日）だけが一致する非常勤教員は「同一人物の可能性」として要確認です。",
      "With --cross-check, a teacher (identified by licence kind and number) who is full-time at one facility and described "
      "as a part-time teacher in another submission, in an overlapping employment period, is a review: check that the "
      "teacher works principally at the facility (TCH-006 covers posts declared in the file). Another accreditation of the "
      "same one-facility counts as the facility itself. A part-time teacher matching only by name (and date of birth) is a "
      "review: possibly the same person."},
     check_across_submissions},
    {"XSB-004", Severity::info, Section::cross_file, "指導要領 6(5), 9(1)",
     {"同じ申請の重複・再提出", "The same submission twice, or a resubmission"},
     {"--cross-check で複数の申請を照合するとき、内容が同じファイル（同じファイルを2回指定）と、学校名（空白・全角半角を区別しない）と"
      "種類が同じ別の版（再提出）を見分けて情報として示し、互いには照合しません（違反として報告しない）。同じ one-facility の別の認定も示します。",
      "With --cross-check, recognises a file with the same content (the same file given twice) and another version of the "
      "same school (same name, regardless of spaces and full-width forms, and same type: a resubmission), says so as "
      "information and does not compare them with each other (no breach is reported). Other accreditations of the same "
      "one-facility are named too."},
     check_across_submissions},
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
