#include "model/codes.hpp"

namespace ahaki {
namespace {

constexpr CodeInfo<FacilityType> facility_type_table[] = {
    {FacilityType::anma, "anma", "あん摩マッサージ指圧師養成施設", "anma-massage-shiatsu school"},
    {FacilityType::hari, "hari", "はり師養成施設", "acupuncture school"},
    {FacilityType::kyu, "kyu", "きゅう師養成施設", "moxibustion school"},
    {FacilityType::anma_hari, "anma-hari", "あん摩マッサージ指圧師はり師養成施設",
     "anma-massage-shiatsu and acupuncture school"},
    {FacilityType::anma_kyu, "anma-kyu", "あん摩マッサージ指圧師きゅう師養成施設",
     "anma-massage-shiatsu and moxibustion school"},
    {FacilityType::hari_kyu, "hari-kyu", "はり師きゅう師養成施設", "acupuncture and moxibustion school"},
    {FacilityType::anma_hari_kyu, "anma-hari-kyu", "あん摩マッサージ指圧師はり師きゅう師養成施設",
     "anma-massage-shiatsu, acupuncture and moxibustion school"},
};

constexpr CodeInfo<Area> area_table[] = {
    {Area::foundations, "foundations", "基礎分野", "foundations"},
    {Area::body_structure_function, "body-structure-function", "人体の構造と機能", "body structure and function"},
    {Area::disease_prevention_recovery, "disease-prevention-recovery", "疾病の成り立ち、予防及び回復の促進",
     "disease, prevention and recovery"},
    {Area::health_welfare_ethics, "health-welfare-ethics", "保健医療福祉とあはきの理念",
     "health, welfare and the ethos of the professions"},
    {Area::basic_theory, "basic-theory", "基礎あはき学", "basic theory"},
    {Area::clinical_theory, "clinical-theory", "臨床あはき学", "clinical theory"},
    {Area::social_theory, "social-theory", "社会あはき学", "social theory"},
    {Area::practical_training, "practical-training", "実習", "practical training"},
    {Area::clinical_practice, "clinical-practice", "臨床実習", "clinical practice"},
    {Area::integrated, "integrated", "総合領域", "integrated studies"},
};

constexpr CodeInfo<Method> method_table[] = {
    {Method::lecture, "lecture", "講義", "lecture"},
    {Method::seminar, "seminar", "演習", "seminar"},
    {Method::experiment, "experiment", "実験", "experiment"},
    {Method::practical, "practical", "実習", "practical"},
    {Method::skills, "skills", "実技", "skills"},
    {Method::clinical, "clinical", "臨床実習", "clinical practice"},
};

constexpr CodeInfo<Schedule> schedule_table[] = {
    {Schedule::day, "day", "昼間課程", "day course"},
    {Schedule::night, "night", "夜間課程", "night course"},
};

constexpr CodeInfo<SiteKind> site_kind_table[] = {
    {SiteKind::affiliated, "affiliated", "附属の臨床実習施設", "affiliated clinical facility"},
    {SiteKind::clinic, "clinic", "施術所", "practising clinic (施術所)"},
    {SiteKind::medical, "medical", "医療機関等", "medical or care institution"},
};

constexpr CodeInfo<Weekday> weekday_table[] = {
    {Weekday::mon, "mon", "月曜", "Monday"},   {Weekday::tue, "tue", "火曜", "Tuesday"},
    {Weekday::wed, "wed", "水曜", "Wednesday"}, {Weekday::thu, "thu", "木曜", "Thursday"},
    {Weekday::fri, "fri", "金曜", "Friday"},   {Weekday::sat, "sat", "土曜", "Saturday"},
    {Weekday::sun, "sun", "日曜", "Sunday"},
};

constexpr CodeInfo<Content> content_table[] = {
    {Content::communication, "communication", "コミュニケーション", "communication"},
    {Content::kinesiology, "kinesiology", "運動学", "kinesiology"},
    {Content::social_security, "social-security", "社会保障制度", "social security system"},
    {Content::professional_ethics, "professional-ethics", "職業倫理", "professional ethics"},
    {Content::oriental_medicine_overview, "oriental-medicine-overview", "東洋医学概論",
     "introduction to oriental medicine"},
    {Content::meridians_acupoints, "meridians-acupoints", "経絡経穴", "meridians and acupoints"},
    {Content::indication_judgement, "indication-judgement", "適応の判断", "judging indications"},
    {Content::pathophysiology, "pathophysiology", "病態生理学", "pathophysiology"},
    {Content::body_observation, "body-observation", "生体観察", "observation of the living body"},
    {Content::pre_clinical_skills_exam, "pre-clinical-skills-exam", "臨床実習前施術実技試験",
     "practical skills exam before clinical practice"},
};

constexpr Area content_area_table[] = {
    Area::foundations,     Area::body_structure_function, Area::health_welfare_ethics,
    Area::health_welfare_ethics, Area::basic_theory,      Area::basic_theory,
    Area::clinical_theory, Area::clinical_theory,         Area::clinical_theory,
    Area::practical_training,
};
static_assert(std::size(content_area_table) == content_count);
static_assert(std::size(facility_type_table) == facility_type_count);
static_assert(std::size(area_table) == area_count);
static_assert(std::size(method_table) == method_count);

}  // namespace

std::span<const CodeInfo<FacilityType>> facility_types() { return facility_type_table; }
std::span<const CodeInfo<Area>> areas() { return area_table; }
std::span<const CodeInfo<Method>> methods() { return method_table; }
std::span<const CodeInfo<Schedule>> schedules() { return schedule_table; }
std::span<const CodeInfo<SiteKind>> site_kinds() { return site_kind_table; }
std::span<const CodeInfo<Weekday>> weekdays() { return weekday_table; }
std::span<const CodeInfo<Content>> contents() { return content_table; }
Area content_area(Content c) { return content_area_table[static_cast<std::size_t>(c)]; }

}  // namespace ahaki
