#pragma once
// A はり・きゅう clinic (施術所) as its description states it: patients, their
// doctors' consents, treatment days, ends of treatment, monthly claims, and
// what the clinic records (施術録, 受領委任, practitioners). Plain structs: no
// XML, no rules. The fixed core is ../shared/reference/clinic-format.md;
// schemas/clinic.xsd documents the whole format.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/location.hpp"

namespace ahaki::clinic {

enum class Disease { neuralgia, rheumatism, cervicobrachial, frozen_shoulder, lumbago, whiplash, other };
enum class ConsentKind { initial, renewal };
enum class ConsentForm { written, verbal };
enum class Technique { hari, kyu };
enum class Place { clinic, home };
enum class HomeVisit { sudden, regular };
enum class EndOutcome { cured, stopped, transferred };
/// Items of the treatment record (施術録) seed 002 第7章 lists.
enum class RecordItem { eligibility, card_checked, consent_doctor, disease, dates, outcome, count, content, fees, findings };
inline constexpr std::size_t record_item_count = 10;
enum class InsuranceType { kenpo, senin, kokuho, kyosai, koki, other };

std::span<const CodeInfo<Disease>> diseases();
std::span<const CodeInfo<ConsentKind>> consent_kinds();
std::span<const CodeInfo<ConsentForm>> consent_forms();
std::span<const CodeInfo<Technique>> techniques();
std::span<const CodeInfo<Place>> places();
std::span<const CodeInfo<HomeVisit>> home_visits();
std::span<const CodeInfo<EndOutcome>> end_outcomes();
std::span<const CodeInfo<RecordItem>> record_items();
std::span<const CodeInfo<InsuranceType>> insurance_types();

inline const CodeInfo<Disease>& info(Disease v) { return ahaki::info(diseases(), v); }
inline const CodeInfo<EndOutcome>& info(EndOutcome v) { return ahaki::info(end_outcomes(), v); }
inline const CodeInfo<RecordItem>& info(RecordItem v) { return ahaki::info(record_items(), v); }
inline const CodeInfo<InsuranceType>& info(InsuranceType v) { return ahaki::info(insurance_types(), v); }

struct Month {
    int year = 0, month = 0;
    auto operator<=>(const Month&) const = default;
    static Month of(const Date& d) { return {d.year, d.month}; }
    int index() const { return year * 12 + month - 1; }
    Date first() const { return Date{year, month, 1}; }
    Date last() const { return Date::from_days(first().add_months(1).days() - 1); }
    std::string str() const;  ///< YYYY-MM
};

struct Consent {
    std::string id;
    ConsentKind kind = ConsentKind::initial;
    Date date;
    std::string doctor;
    Disease disease = Disease::other;
    std::string disease_name;          ///< for `other`: the name on the form
    std::optional<Date> period_end;    ///< 加療期間 written on the form
    ConsentForm form = ConsentForm::written;
    // Extensions (schemas/clinic.xsd).
    std::string doctor_address;        ///< 同意医師の住所
    std::string institution;           ///< 医療機関名
    std::optional<Date> onset;         ///< 発病年月日
    Loc loc;
};

/// The liaison with the doctor a sudden home visit needs from 2024-10 (施術者→医師の連絡).
struct Liaison {
    std::string doctor, institution;
    std::optional<Date> date;
    bool empty() const { return doctor.empty() && institution.empty() && !date; }
};

struct Visit {
    Date date;
    std::string consent_id;
    std::size_t consent = 0;           ///< index into Patient::consents
    bool hari = false, kyu = false;
    bool first_exam = false;
    bool electro = false;
    Place place = Place::clinic;
    std::optional<HomeVisit> home_visit;
    std::optional<Decimal> distance_km;
    std::string building;
    std::string reason;
    // Extensions.
    bool travel_fee = true;            ///< 往療料 claimed for this home visit (false: not claimed)
    std::string absolute_reason;       ///< 16 km を超える往療の絶対的な理由
    bool report = false;               ///< 施術報告書交付料 claimed (施術報告書を交付)
    bool special_area = false;         ///< 特別地域加算
    Liaison liaison;                   ///< for a sudden home visit
    std::string practitioner;          ///< id of a practitioner (optional)
    Loc loc;
    Loc consent_loc;                   ///< of the consent attribute (for reference errors)
    int technique_count() const { return (hari ? 1 : 0) + (kyu ? 1 : 0); }
};

struct End {
    Date date;
    EndOutcome outcome = EndOutcome::cured;
    Loc loc;
    Loc date_loc;
};

/// A period the patient was in hospital, or received 療養の給付 for a disease.
struct Period {
    Date from;
    std::optional<Date> to;            ///< open: still
    std::optional<Disease> disease;    ///< for 療養の給付: the disease treated
    std::string disease_name;
    std::string institution;
    Loc loc;
    bool contains(const Date& d) const { return d >= from && (!to || d <= *to); }
};

struct Insurance {
    InsuranceType type = InsuranceType::other;
    std::string insurer_number;        ///< 保険者番号
    std::string symbol, number;        ///< 記号・番号
    std::optional<Date> valid_until;
    std::string public_payer;          ///< 公費負担者番号
    std::string public_recipient;      ///< 公費受給者番号
    std::optional<int> copay_percent;  ///< 一部負担金の割合 (10, 20, 30)
    Loc loc;
};

struct Patient {
    std::string id, name;
    std::optional<Date> birth;
    std::string sex;
    std::vector<Insurance> insurance;
    std::vector<Consent> consents;
    std::vector<Visit> visits;         ///< in file order (validated: consent dated on or before each visit)
    std::vector<End> ends;             ///< in date order (validated)
    std::vector<Period> inpatient;     ///< 入院期間
    std::vector<Period> medical_care;  ///< 療養の給付を受けた期間（同一疾病）
    Loc loc;
};

struct Claim {
    std::string id;
    std::string patient_id;
    std::size_t patient = 0;           ///< index into Clinic::patients
    Month month;
    std::int64_t total = 0;            ///< 合計（円）
    // Extensions.
    bool statement_of_reasons = false; ///< 施術継続理由・状態記入書 attached
    std::optional<std::int64_t> copayment;  ///< 一部負担金（円）
    std::optional<std::int64_t> requested;  ///< 請求金額（円）
    Loc loc;
};

struct Practitioner {
    std::string id, name;
    bool hari = false, kyu = false;    ///< licences held
    std::string licence_number;
    bool manager = false;              ///< 施術管理者
    Loc loc;
};

/// What the clinic keeps as its treatment records (施術録, seed 002 第7章).
struct Records {
    std::optional<int> retention_years;
    std::vector<RecordItem> items;
    Loc loc;
};

/// A date written in an era's last year after that era ended, read as the next era's date.
struct NormalisedDate {
    std::string written;
    Date date;
    Loc loc;
    std::string era;  ///< the era written (平成)
    Date era_last;    ///< its last day (2019-04-30)
};

struct Clinic {
    std::string name;
    std::string address;
    std::string registration;          ///< 受領委任の登録記号番号
    std::vector<Practitioner> practitioners;
    std::optional<Records> records;
    std::vector<Patient> patients;
    std::vector<Claim> claims;
    std::vector<NormalisedDate> normalised_dates;
    Loc loc;
};

}  // namespace ahaki::clinic
