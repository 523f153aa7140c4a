#include "model/people.hpp"

namespace ahaki {
namespace {

constexpr CodeInfo<FounderKind> founder_kind_table[] = {
    {FounderKind::national, "national", "国", "the state"},
    {FounderKind::local_government, "local-government", "地方公共団体", "local government"},
    {FounderKind::incorporated_school, "incorporated-school", "学校法人", "incorporated educational institution (学校法人)"},
    {FounderKind::social_welfare, "social-welfare", "社会福祉法人", "social welfare corporation"},
    {FounderKind::public_interest_incorporated, "public-interest-incorporated", "公益社団法人・公益財団法人",
     "public interest incorporated association or foundation"},
    {FounderKind::general_incorporated, "general-incorporated", "一般社団法人・一般財団法人",
     "general incorporated association or foundation"},
    {FounderKind::nonprofit, "nonprofit", "特定非営利活動法人", "specified non-profit corporation (NPO)"},
    {FounderKind::medical_corporation, "medical-corporation", "医療法人", "medical corporation"},
    {FounderKind::for_profit_company, "for-profit-company", "営利法人（株式会社等）", "for-profit company"},
    {FounderKind::individual, "individual", "個人", "individual"},
    {FounderKind::other, "other", "その他", "other"},
};

constexpr CodeInfo<RuleItem> rule_item_table[] = {
    {RuleItem::name, "name", "養成施設の名称", "name of the facility"},
    {RuleItem::location, "location", "位置", "location"},
    {RuleItem::curriculum, "curriculum", "教育課程", "curriculum"},
    {RuleItem::type_capacity_years_classes, "type-capacity-years-classes",
     "養成施設の種類及び教育課程ごとの1学年の定員、修業年限及び学級数",
     "facility type and, per course, the intake per year, years of study and number of classes"},
    {RuleItem::holidays_teaching_days, "holidays-teaching-days", "休日及び年間必要授業日数",
     "holidays and required teaching days per year"},
    {RuleItem::staff, "staff", "教職員の職名及び定員並びに専任教員の定員",
     "staff titles and numbers, and the number of full-time teachers"},
    {RuleItem::admission, "admission", "入学資格、入学者の選考の方法、入学手続",
     "admission requirements, selection and procedure"},
    {RuleItem::progression_graduation, "progression-graduation", "進級、卒業、退学及び除籍の基準",
     "criteria for progression, graduation, withdrawal and expulsion"},
    {RuleItem::fees, "fees", "生徒納付金の種類及び金額並びに定められた納付金以外には徴収しない旨の規定",
     "kinds and amounts of fees, and a clause that no other fees are collected"},
};

constexpr CodeInfo<Employment> employment_table[] = {
    {Employment::full_time, "full-time", "専任", "full-time"},
    {Employment::part_time, "part-time", "非常勤（兼任）", "part-time"},
};

constexpr CodeInfo<TeacherRole> teacher_role_table[] = {
    {TeacherRole::head, "head", "施設長（校長）", "head of the facility"},
    {TeacherRole::academic_director, "academic-director", "教務主任", "academic director"},
    {TeacherRole::teacher, "teacher", "教員", "teacher"},
};

constexpr CodeInfo<QualificationCode> qualification_table[] = {
    {QualificationCode::anma_licence, "anma-licence", "あん摩マッサージ指圧師免許", "anma-massage-shiatsu licence"},
    {QualificationCode::hari_licence, "hari-licence", "はり師免許", "acupuncturist licence"},
    {QualificationCode::kyu_licence, "kyu-licence", "きゅう師免許", "moxibustion practitioner licence"},
    {QualificationCode::teacher_training, "teacher-training", "教員養成機関（教員養成課程）修了",
     "completed a teacher-training course"},
    {QualificationCode::physician, "physician", "医師", "physician"},
    {QualificationCode::dentist, "dentist", "歯科医師", "dentist"},
    {QualificationCode::masters, "masters", "大学院修士課程修了", "master's degree"},
    {QualificationCode::doctorate, "doctorate", "大学院博士課程修了", "doctorate"},
    {QualificationCode::university_teacher, "university-teacher", "大学の教員", "university teacher"},
    {QualificationCode::high_school_licence, "high-school-licence", "高等学校教諭の相当教科の免許状",
     "high-school teacher licence in the matching subject"},
    {QualificationCode::physical_therapist, "physical-therapist", "理学療法士", "physical therapist"},
    {QualificationCode::occupational_therapist, "occupational-therapist", "作業療法士", "occupational therapist"},
    {QualificationCode::pre1989_teacher_training_graduate, "pre1989-teacher-training-graduate",
     "改正前の教員養成機関卒業者（平成元年改正時に在職）", "teacher-training graduate under the pre-1989 rules, in post in 1989"},
    {QualificationCode::pre1989_table3_teacher, "pre1989-table3-teacher",
     "改正前の別表第3第3号該当者（平成元年改正時に在職、講習会受講）",
     "teacher under item 3 of the pre-1989 table 3, in post in 1989 with further training"},
    {QualificationCode::pre1989_ahaki_teacher, "pre1989-ahaki-teacher",
     "旧別表第3のあはき教員（平成元年改正時に在職、講習会受講）",
     "anma/hari/kyu teacher under the pre-1989 table 3, in post in 1989 with further training"},
};

constexpr CodeInfo<UniversityPost> university_post_table[] = {
    {UniversityPost::professor, "professor", "教授", "professor"},
    {UniversityPost::associate_professor, "associate-professor", "准教授", "associate professor"},
    {UniversityPost::lecturer, "lecturer", "講師", "lecturer"},
    {UniversityPost::assistant_professor, "assistant-professor", "助教", "assistant professor (助教)"},
    {UniversityPost::assistant, "assistant", "助手", "assistant (助手)"},
};

constexpr CodeInfo<SelectionMethod> selection_table[] = {
    {SelectionMethod::written_exam, "written-exam", "筆記試験", "written examination"},
    {SelectionMethod::interview, "interview", "面接試験", "interview"},
    {SelectionMethod::essay, "essay", "小論文", "essay"},
    {SelectionMethod::practical_exam, "practical-exam", "実技試験", "practical examination"},
    {SelectionMethod::documents, "documents", "書類選考", "documents only"},
};

constexpr CodeInfo<TransferPolicy> transfer_table[] = {
    {TransferPolicy::none, "none", "転入学を受け入れない", "no transfers"},
    {TransferPolicy::accredited_equivalent_year, "accredited-equivalent-year", "認定施設の相当学年からのみ",
     "only from the equivalent year of an accredited facility"},
    {TransferPolicy::other, "other", "その他", "other"},
};

}  // namespace

std::span<const CodeInfo<FounderKind>> founder_kinds() { return founder_kind_table; }
std::span<const CodeInfo<RuleItem>> rule_items() { return rule_item_table; }
std::span<const CodeInfo<Employment>> employments() { return employment_table; }
std::span<const CodeInfo<TeacherRole>> teacher_roles() { return teacher_role_table; }
std::span<const CodeInfo<QualificationCode>> qualification_codes() { return qualification_table; }
std::span<const CodeInfo<UniversityPost>> university_posts() { return university_post_table; }
std::span<const CodeInfo<SelectionMethod>> selection_methods() { return selection_table; }
std::span<const CodeInfo<TransferPolicy>> transfer_policies() { return transfer_table; }

}  // namespace ahaki
