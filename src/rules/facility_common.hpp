#pragma once
// Helpers shared by the facility rules (sites, premises, finance, records, procedure).
#include <optional>
#include <string>

#include "model/facility_codes.hpp"
#include "rules/rule.hpp"

namespace ahaki::rules {

/// The date classes start, which the §9(4) and §2/§3 checks count from: the planned
/// start of the procedure section, or else the earliest course intake.
struct StartDate {
    Date date;
    Text source;  ///< 授業開始予定日 / the planned start of classes …
    Loc loc;
};
std::optional<StartDate> start_date(const School& school);
extern const Text start_date_missing;

/// A decimal standard value as whole months (years × 12 for year parameters).
int whole_months(const Threshold& t, bool years);

/// "YYYY-MM-DD" in both languages.
inline std::string ds(const Date& d) { return d.str(); }

/// 「名前」 / "name" labels for an element of a site.
inline std::string site_scope(const Site& s) { return "site=" + s.id; }
Text site_label(const Site& s, const Text& what);

/// Joins texts with 「、」 / ", ".
Text join_texts(const std::vector<Text>& parts);

/// Message with the rule's citation appended: 「…（指導要領 9(4)ア）」 / "… (指導要領 9(4)ア)".
Text cited(const Text& message, std::string_view citation);

}  // namespace ahaki::rules
