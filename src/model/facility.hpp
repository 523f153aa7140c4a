#pragma once
// The facility sections of a school description (指導要領 §1–§3, §9–§13): details of
// the clinical sites, premises, equipment, finance, records and procedure dates.
// Plain structs, no I/O. Optional members are what the file did not state: rules
// report those as not checked rather than guessing.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/location.hpp"

namespace ahaki {

// ---------------------------------------------------------------- clinical sites (§9)

/// 臨床実習指導者 (§9(4)ウ).
struct Supervisor {
    std::string name;
    std::optional<bool> teacher_qualified;   ///< holds a teacher's qualification
    std::optional<int> practice_years;       ///< years of practice (実務経験年数), as declared
    std::optional<Date> practice_since;      ///< the day practice began (実務に従事し始めた日): 9(4)ウ compares it with the course
    std::optional<Date> course_completed;    ///< あはき師臨床実習指導者講習会 completion date
    Loc loc;
};

/// Average patients per treatment day over a stated period (§9(4)エ).
struct PatientFigure {
    Decimal per_day;
    Date from;
    Date to;
    Loc loc;
};

/// An administrative sanction against the opener of a 施術所 (§9(4)カ).
struct Sanction {
    std::string kind;  ///< e.g. 療養費受領委任の取扱い中止
    std::optional<Date> date;
    Loc loc;
};

/// Retention of the 施術録 of a site that claims 療養費 (療養費 rules 第7章).
enum class RetentionStart { treatment_end, treatment_start, record_date };
struct TreatmentRecords {
    int retention_years = 0;
    RetentionStart counted_from = RetentionStart::treatment_end;
    Loc loc;
};

/// What a school states about one clinical site beyond its id, name and kind.
struct SiteDetails {
    std::optional<Date> opened;              ///< 開設日
    std::string address;
    std::string registration;                ///< 開設届出・登録番号
    std::optional<bool> established_by_school;  ///< §9(2), affiliated facilities
    std::optional<bool> supervised_by_teachers; ///< §9(2), affiliated facilities
    std::optional<bool> attainment_goals;    ///< §9(4)ア
    std::optional<bool> facilities_usable;   ///< §9(4)オ
    std::optional<bool> opener_sanctioned;   ///< §9(4)カ, past included
    std::optional<bool> written_consent;     ///< §9(4)キ
    std::optional<bool> claims_insurance;    ///< 療養費 claims (seed 002)
    std::vector<Supervisor> supervisors;
    std::optional<PatientFigure> patients;
    std::vector<Sanction> sanctions;
    std::optional<TreatmentRecords> treatment_records;
};

/// What students do at a placement (指導要領 9(3): at 医療機関等 only observation, 見学実習).
enum class PlacementMode { observation, practice };

// ---------------------------------------------------------------- premises (§10(1)–(6))

struct PracticeRoom {
    std::string id;
    std::string name;
    std::optional<bool> water;        ///< 水道設備
    std::optional<bool> hot_water;    ///< 給湯施設
    std::optional<bool> group_layout; ///< desks and chairs for groups of students
    Loc loc;
};

enum class Ownership { owned, leased };

struct Premises {
    std::optional<Ownership> ownership;
    std::optional<Date> lease_start;
    std::optional<Date> lease_end;
    std::optional<bool> shared_use;   ///< used for other purposes too (§10(6))
    std::string shared_use_note;
    bool library = false;             ///< a <library> element is present
    std::string library_name;
    Loc library_loc;
    std::vector<PracticeRoom> practice_rooms;
    Loc loc;
};

// ---------------------------------------------------------------- equipment (§10(7))

struct EquipmentItem {
    std::string code;
    std::string name;
    Decimal quantity;
    Loc loc;
};

struct Equipment {
    std::vector<EquipmentItem> items;
    Loc loc;
};

// ---------------------------------------------------------------- finance (§11)

struct Fee {
    std::string id;
    std::string name;
    Decimal amount;                      ///< yen
    std::optional<bool> in_school_rules; ///< stated in the 学則 (§11(3), §5(9))
    Loc loc;
};

/// A new fee or a changed amount (§11(4)).
struct FeeChange {
    std::string fee_id;                  ///< the fee changed (or created)
    std::size_t fee_index = 0;           ///< into Finance::fees, resolved by the loader
    Decimal new_amount;
    Date effective;
    std::optional<Date> plan_submitted;  ///< 経理計画書 submission date
    std::optional<bool> plan_without_change;  ///< ア next year's plan without the change
    std::optional<bool> plan_with_change;     ///< イ next year's plan with the change
    Loc loc;
};

struct Finance {
    std::optional<bool> sound;            ///< §11(1)
    std::string evidence;                 ///< documents showing it (決算書…)
    std::optional<bool> separate_accounts;///< §11(2)
    std::optional<bool> other_fees;       ///< fees collected beyond the 学則 (§11(3))
    std::vector<Fee> fees;
    std::vector<FeeChange> changes;
    Loc loc;
};

// ---------------------------------------------------------------- records (§12)

/// One 表簿 kept by the school and how many years it is kept.
enum class RecordKind {
    school_rules, daily_schedule, school_diary,              // §12(1)
    staff_list, staff_resumes, staff_attendance,             // §12(2)
    student_register, student_attendance, health_checks,    // §12(3)
    admission_selection, grades,                            // §12(4)
    asset_ledger, cash_book, budget_accounts,               // §12(5)
    equipment_catalogue,                                    // §12(6)
    correspondence_log,                                     // §12(7)
};
inline constexpr std::size_t record_kind_count = 16;

struct RecordBook {
    RecordKind kind = RecordKind::school_rules;
    int retention_years = 0;
    Loc loc;
};

struct Records {
    std::vector<RecordBook> books;
    Loc loc;
};

// ---------------------------------------------------------------- procedure (§1–§3, §13, cover notice)

enum class Authority { mhlw, governor };
enum class AdLabel { planning, applying, none };
enum class OpinionBody { zenshinkyo, nichima, blind_union, school_for_blind, other };

struct CapacityIncrease {
    Date effective;                       ///< the day the new capacity applies
    std::optional<Date> plan_submitted;   ///< 定員変更計画書 (様式2)
    std::optional<Date> application_submitted;  ///< 変更承認申請
    Loc loc;
};

struct Campaign {
    Date start;
    AdLabel label = AdLabel::none;
    Loc loc;
};

struct OpinionLetter {
    OpinionBody body = OpinionBody::other;
    std::string name;
    Loc loc;
};

struct Procedure {
    std::optional<Authority> addressed_to;
    std::string prefecture;
    std::optional<Date> planned_start;          ///< 授業開始予定日
    std::optional<Date> plan_submitted;         ///< 設置計画書 (様式1)
    std::optional<Date> plan_accepted;          ///< 設置計画書が受理された日
    std::optional<Date> application_submitted;  ///< 認定申請書
    std::optional<Date> application_accepted;   ///< 認定申請書が受理された日
    std::vector<CapacityIncrease> capacity_increases;
    std::vector<Campaign> advertising;
    std::vector<Campaign> recruitment;
    std::vector<OpinionLetter> opinions;
    Loc loc;
};

}  // namespace ahaki
