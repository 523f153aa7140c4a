#pragma once
// Plain structs of a school description. No XML, no JSON, no I/O: rules see
// only this. Every element keeps the location it was read from.
#include <optional>
#include <string>
#include <vector>

#include "model/codes.hpp"
#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/facility.hpp"
#include "model/location.hpp"
#include "model/people.hpp"

namespace ahaki {

struct Site {
    std::string id;
    std::string name;
    SiteKind kind = SiteKind::affiliated;
    SiteDetails details;  ///< §9: opening date, supervisors, patients… (model/facility.hpp)
    Loc loc;
};

struct Placement {
    std::string site_id;
    std::size_t site_index = 0;  ///< index into School::sites, resolved by the loader
    Decimal units;
    std::optional<PlacementMode> mode;  ///< placement/@mode: observation (見学) or practice; absent: not stated
    Loc loc;
};

struct Subject {
    std::string id;
    std::string name;
    Area area = Area::foundations;
    Method method = Method::lecture;
    Decimal units;
    Decimal hours;
    std::optional<int> year;
    std::vector<Content> covers;
    std::vector<Placement> placements;
    Loc loc;
};

struct Session {
    std::vector<Weekday> days;
    TimeOfDay start;
    TimeOfDay end;
    bool unavoidable = false;
    std::string reason;
    Loc loc;
};

struct Timetable {
    int weeks_per_year = 0;
    std::vector<Session> sessions;
    Loc loc;
};

/// A 小計/合計 row printed on the sheet a course was imported from (sheet:summary,
/// schemas/school.xsd): what it prints and which subject rows it sums, so that a
/// printed figure that does not match its rows is a finding at that row (CUR-021).
struct SheetSummary {
    bool total = false;                 ///< 合計 (else 小計)
    std::string label;                  ///< as printed: 小計, 専門基礎分野 小計, 合計
    std::string scope;                  ///< what it sums, in the sheet's words (人体の構造と機能, 専門基礎分野); may be empty
    std::vector<std::string> subjects;  ///< ids of the subject rows it sums
    std::optional<Decimal> units, hours;
    Loc loc, units_loc, hours_loc;      ///< the row, and its printed units and hours cells
};

struct Course {
    std::string id;
    Schedule schedule = Schedule::day;
    int years = 0;
    bool visually_impaired = false;
    std::optional<Date> intake;
    std::optional<Decimal> credit_transfer_units;
    Loc credit_transfer_loc;
    std::vector<Subject> subjects;
    std::optional<Timetable> timetable;
    Loc loc;
    /// The summary rows of the sheet it was imported from (empty for a hand-written file).
    std::vector<SheetSummary> sheet_summaries;
};

struct School {
    std::string name;
    FacilityType type = FacilityType::anma;
    std::vector<Course> courses;
    /// Present when the file has a clinical-sites section (even an empty one).
    std::optional<std::vector<Site>> sites;
    // Facility sections (model/facility.hpp); absent when the file has no such element.
    std::optional<Premises> premises;
    std::optional<Equipment> equipment;
    std::optional<Finance> finance;
    std::optional<Records> records;
    std::optional<Procedure> procedure;
    // Issue 3, part A (model/people.hpp): absent sections make their rules "not checked".
    std::optional<Founder> founder;
    std::optional<SchoolRules> school_rules;
    std::optional<Teachers> teachers;
    std::optional<Students> students;
    /// Issue 10 (model/people.hpp): the accreditations that form one facility with this one (§6(5)).
    std::optional<OneFacility> one_facility;
    Loc loc;

    const Site& site_of(const Placement& p) const { return (*sites)[p.site_index]; }
};

}  // namespace ahaki
