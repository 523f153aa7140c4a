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

/// "臨床実習Ⅱ → さくら鍼灸治療院（1単位）" for every placement with units at a 施術所 or a
/// 医療機関等 (指導要領 6(11) turns on these, not on the list of sites).
std::vector<Text> external_placements(const School& school);

/// When students are first placed at a site (指導要領 9(4)イ): the start of the earliest
/// year of a subject placed there, counted from its course's intake (or the planned start).
struct PlacementTime {
    Date date;
    Text what;  ///< 臨床実習Ⅱ（3年次）の開始 / the start of 臨床実習Ⅱ (year 3)
};
std::optional<PlacementTime> first_placement(const School& school, const Site& site, const std::optional<StartDate>& start);

/// Whether the space-separated word list of a text parameter holds `word`.
bool has_word(const std::string& list, std::string_view word);
/// Who accredits the school's type (指導要領 1; standard data accrediting-authority).
Authority authority_of(const RuleContext& ctx);
/// Whether a procedure clause (establishment-plan, capacity-plan, application, fee-plan,
/// opinion-letters) concerns the school's type (standard data procedure-applies-to). When it
/// does not, records the requirement as not applicable, with the reading of the clause.
bool procedure_applies(const RuleContext& ctx, Emitter& em, std::string_view item, const std::string& scope, const Text& label);

}  // namespace ahaki::rules
