#pragma once
// The people sections of a school description: the founder (指導要領 §4), the
// school rules (学則, §5), the teachers (§6, §14(1)) and the students (§7).
// Plain structs, no I/O; every element keeps its location.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/location.hpp"

namespace ahaki {

/// 設置者の種別 (指導要領 §4).
enum class FounderKind {
    national,                      ///< 国
    local_government,              ///< 地方公共団体（地方独立行政法人を含む）
    incorporated_school,           ///< 学校法人
    social_welfare,                ///< 社会福祉法人
    public_interest_incorporated,  ///< 公益社団法人・公益財団法人
    general_incorporated,          ///< 一般社団法人・一般財団法人
    nonprofit,                     ///< 特定非営利活動法人
    medical_corporation,           ///< 医療法人
    for_profit_company,            ///< 株式会社等の営利法人
    individual,                    ///< 個人
    other,                         ///< その他
};

/// 学則に定める事項 (指導要領 §5(1)–(9)), in the clause's order.
enum class RuleItem {
    name,
    location,
    curriculum,
    type_capacity_years_classes,
    holidays_teaching_days,
    staff,
    admission,
    progression_graduation,
    fees,
};
inline constexpr std::size_t rule_item_count = 9;

enum class Employment { full_time, part_time };
enum class TeacherRole { head, academic_director, teacher };

/// Licences and qualifications a teacher may hold (認定規則 別表第二, 指導要領 §6(2)–(4)).
enum class QualificationCode {
    anma_licence,           ///< あん摩マッサージ指圧師免許
    hari_licence,           ///< はり師免許
    kyu_licence,            ///< きゅう師免許
    teacher_training,       ///< あはき教員養成機関（教員養成課程）修了
    physician,              ///< 医師
    dentist,                ///< 歯科医師
    masters,                ///< 大学院修士課程修了（担当科目を含む分野）
    doctorate,              ///< 大学院博士課程修了（担当科目を含む分野）
    university_teacher,     ///< 大学の教員（担当科目を含む分野）
    high_school_licence,    ///< 高等学校教諭の相当教科の免許状
    physical_therapist,     ///< 理学療法士
    occupational_therapist, ///< 作業療法士
    pre1989_teacher_training_graduate,  ///< 改正規則前の教員養成機関卒業者で平成元年に在職（§6(3)エ）
    pre1989_table3_teacher,             ///< 旧別表第3「解剖学…」第3号該当者で平成元年に在職（§6(3)オ）
    pre1989_ahaki_teacher,              ///< 旧別表第3のあはき教員で平成元年に在職（§6(4)イ）
};

/// 大学の教員の職 (for the 助教 condition of 指導要領 §6(2)ア, §6(3)ウ).
enum class UniversityPost { professor, associate_professor, lecturer, assistant_professor, assistant };

/// 入学者の選考の方法 (指導要領 §7(3)).
enum class SelectionMethod { written_exam, interview, essay, practical_exam, documents };

/// 転学の取扱い (指導要領 §7(5)).
enum class TransferPolicy { none, accredited_equivalent_year, other };

std::span<const CodeInfo<FounderKind>> founder_kinds();
std::span<const CodeInfo<RuleItem>> rule_items();
std::span<const CodeInfo<Employment>> employments();
std::span<const CodeInfo<TeacherRole>> teacher_roles();
std::span<const CodeInfo<QualificationCode>> qualification_codes();
std::span<const CodeInfo<UniversityPost>> university_posts();
std::span<const CodeInfo<SelectionMethod>> selection_methods();
std::span<const CodeInfo<TransferPolicy>> transfer_policies();

inline const CodeInfo<FounderKind>& info(FounderKind v) { return info(founder_kinds(), v); }
inline const CodeInfo<RuleItem>& info(RuleItem v) { return info(rule_items(), v); }
inline const CodeInfo<Employment>& info(Employment v) { return info(employments(), v); }
inline const CodeInfo<TeacherRole>& info(TeacherRole v) { return info(teacher_roles(), v); }
inline const CodeInfo<QualificationCode>& info(QualificationCode v) { return info(qualification_codes(), v); }
inline const CodeInfo<UniversityPost>& info(UniversityPost v) { return info(university_posts(), v); }
inline const CodeInfo<SelectionMethod>& info(SelectionMethod v) { return info(selection_methods(), v); }
inline const CodeInfo<TransferPolicy>& info(TransferPolicy v) { return info(transfer_policies(), v); }

struct Founder {
    FounderKind kind = FounderKind::other;
    std::string name;
    Loc loc;
};

struct RuleItemEntry {
    RuleItem code = RuleItem::name;
    std::string article;  ///< where the 学則 states it, e.g. 第3条
    Loc loc;
};

/// What the 学則 states for one education content of a course (§5(3)), issue 10 item 5.
struct AreaRule {
    Area area = Area::foundations;
    std::optional<Decimal> units;
    std::optional<Decimal> hours;
    Loc loc;
};

/// What the 学則 states about one course (§5(3) kind, schedule, units and hours per
/// area; §5(4) intake per year, years, classes), to compare with the course described.
struct CourseRule {
    std::string course_id;
    std::size_t course_index = 0;  ///< resolved by the loader
    std::optional<Schedule> schedule;
    std::optional<bool> visually_impaired;
    std::optional<int> years;
    std::optional<int> intake;   ///< 1学年の定員
    std::optional<int> classes;  ///< 学級数
    std::vector<AreaRule> areas;
    Loc loc;
};

/// A fee the 学則 names, with its amount (§5(9), compared under §11(3)).
struct FeeRule {
    std::string fee_id;            ///< the finance/fee it is (resolved by the loader)
    std::size_t fee_index = 0;
    Decimal amount;
    Loc loc;
};

struct SchoolRules {
    std::optional<Date> adopted;
    std::vector<RuleItemEntry> items;
    std::optional<FacilityType> facility_type;  ///< §5(4): the type the 学則 states
    Loc facility_type_loc;
    std::vector<CourseRule> courses;
    std::vector<FeeRule> fees;
    /// §5(9): the 学則 states that no fee other than those it lists is collected.
    std::optional<bool> no_other_fees;
    Loc no_other_fees_loc;
    Loc loc;
    const RuleItemEntry* find(RuleItem code) const {
        for (const auto& i : items)
            if (i.code == code) return &i;
        return nullptr;
    }
};

struct Qualification {
    QualificationCode code = QualificationCode::anma_licence;
    std::optional<Date> date;
    std::string number;  ///< licence or registration number (identifies the teacher across submissions)
    std::string field;   ///< field of study / 教科, for degrees, university posts and school licences
    std::optional<UniversityPost> post;
    std::optional<int> years;  ///< years in the university post
    Loc loc;
};

struct Teaching {
    std::string subject_id;
    std::size_t course_index = 0;   ///< resolved by the loader
    std::size_t subject_index = 0;  ///< resolved by the loader
    Loc loc;
};

struct OtherPost {
    std::string employer;
    std::string title;
    bool full_time = false;
    /// Id of an accreditation of the same facility (OneFacility), empty otherwise (§6(5) second sentence).
    std::string same_facility;
    std::size_t accreditation_index = 0;  ///< resolved by the loader when same_facility is set
    Loc loc;
};

/// Another accreditation (§1 type) of the same facility (指導要領 §6(5) second sentence).
struct Accreditation {
    std::string id;
    FacilityType type = FacilityType::anma;
    std::string name;
    Loc loc;
};

/// The accreditations that count as one facility with this file's school: its
/// teachers may be 専任 for each (指導要領 §6(5) second sentence).
struct OneFacility {
    std::string name;
    std::vector<Accreditation> others;
    Loc loc;
};

/// The head's declarations (指導要領 §6(1) ア–ウ).
struct HeadDeclaration {
    std::optional<bool> no_medical_law_sanction;  ///< ア
    std::optional<bool> no_imprisonment;          ///< イ
    std::optional<bool> committed;                ///< ウ
    Loc loc;
};

struct Teacher {
    std::string id;
    std::string name;
    Employment employment = Employment::full_time;
    TeacherRole role = TeacherRole::teacher;
    std::optional<int> years_teaching;  ///< years teaching あはき (§6(8))
    std::optional<Decimal> weekly_class_hours;
    std::optional<bool> clinical_engagement;  ///< §6(7)
    bool placement_coordinator = false;       ///< 実習調整者 (§6(11))
    std::optional<Date> documents_verified;   ///< §14(1)
    std::optional<Date> employed_from;
    std::optional<Date> employed_until;
    std::optional<Date> birth_date;  ///< identifies a person across submissions when numbers differ
    std::vector<Qualification> qualifications;
    std::vector<Teaching> teaches;
    std::vector<OtherPost> other_posts;
    std::optional<HeadDeclaration> head_declaration;
    Loc loc;
    Loc weekly_hours_loc;
    Loc years_loc;
    bool full_time() const { return employment == Employment::full_time; }
};

struct Teachers {
    std::vector<Teacher> list;
    std::optional<bool> attendance_recorded;  ///< §6(10)
    Loc attendance_loc;
    Loc loc;
};

struct Intake {
    std::string course_id;
    std::size_t course_index = 0;
    int capacity = 0;
    std::optional<int> classes;
    Loc loc;
};

struct Enrolment {
    std::string course_id;
    std::size_t course_index = 0;
    int year = 0;
    int admitted = 0;
    Loc loc;
};

struct Students {
    std::vector<Intake> intakes;
    std::vector<Enrolment> enrolments;
    std::optional<bool> certificates_checked;  ///< §7(2)
    std::optional<std::vector<SelectionMethod>> selection;  ///< §7(3)
    std::optional<bool> mid_year_admission;    ///< §7(4)
    std::optional<TransferPolicy> transfers;   ///< §7(5)
    std::optional<bool> attendance_tracked;    ///< §7(6)
    std::optional<bool> poor_attendance_blocks_progression;  ///< §7(6)
    std::optional<bool> health_checks;         ///< §7(7)
    Loc loc;
    Loc certificates_loc, selection_loc, mid_year_loc, transfers_loc, attendance_loc, blocks_loc, health_loc;
};

}  // namespace ahaki
