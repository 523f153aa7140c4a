#pragma once
// The 療養費 rules for はり・きゅう as data, by date: fee editions (each fee
// applies to treatments on or after its edition's date, until the next) and
// dated parameters (consent months, distances, intervals). Every value keeps
// its provenance mark as ../shared/reference/ryoyohi.md gives it; an UNKNOWN
// value has no amount and rules report `review` (CLM-016) for a date it falls on.
// Loaded from schemas/ryoyohi/ryoyohi.xml (embedded) or --ryoyohi FILE.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/text.hpp"

namespace ahaki {

enum class Mark { seed, notice, secondary, inferred, unknown };
std::string_view mark_code(Mark m);  ///< SEED, NOTICE, SECONDARY, INFERRED, UNKNOWN
std::optional<Mark> parse_mark(std::string_view s);
/// What a finding resting on a value of this mark should add (empty for SEED).
Text mark_note(Mark m, std::string_view source);

/// Fee items of an edition (yen).
enum class FeeItem { first_exam_1, first_exam_2, treatment_1, treatment_2, electro, travel_sudden, report, special_area };
inline constexpr std::size_t fee_item_count = 8;
std::string_view fee_item_code(FeeItem f);  ///< first-exam-1, …
std::optional<FeeItem> parse_fee_item(std::string_view s);
Text fee_item_text(FeeItem f);              ///< 初検料（1術）…

struct FeeValue {
    bool present = false;                   ///< the item exists in this edition
    std::optional<std::int64_t> yen;        ///< empty when UNKNOWN
    Mark mark = Mark::unknown;
    std::string source;
};

/// 往療料 by one-way distance: the first band whose limit is >= the distance.
struct DistanceBand {
    Decimal up_to_km;
    FeeValue fee;
};

/// 訪問施術料 (from 2024-10): by the number of patients treated in one building that day.
struct VisitTier {
    std::string name;                       ///< 訪問施術料1 …
    int min_patients = 1;                   ///< the tier applies from this many patients
    FeeValue one, two;                      ///< 1術 / 2術
};

struct FeeEdition {
    Date from;
    std::string name;                       ///< 平成22年6月改定
    std::string source;
    Mark date_mark = Mark::seed;            ///< how the start date itself is known
    FeeValue fees[fee_item_count];
    std::vector<DistanceBand> bands;        ///< distance-based 往療料 (before 2024-10)
    std::vector<VisitTier> tiers;           ///< 訪問施術料 (regular home visits, from 2024-10)
    const FeeValue& fee(FeeItem f) const { return fees[static_cast<std::size_t>(f)]; }
};

/// A dated rule parameter: the value from `from` until the next entry of the same name.
struct RuleParam {
    std::string name;
    Date from;
    std::int64_t value = 0;
    Mark mark = Mark::seed;
    std::string source;
};

struct Ryoyohi {
    std::string id;
    Text title;
    std::string origin;                     ///< "embedded" or the file
    std::vector<FeeEdition> editions;       ///< by date
    std::vector<RuleParam> params;          ///< by name, then date

    /// The edition in force on a treatment day (null before the first).
    const FeeEdition* edition(const Date& d) const;
    /// The parameter in force on a date (null before its first entry, or never defined).
    const RuleParam* param(std::string_view name, const Date& d) const;
};

/// The parameters a data file must define (each at least once).
std::span<const std::string_view> ryoyohi_param_names();

struct RyoyohiLoad;
/// The embedded data (parsed once); never null in a correct build.
const Ryoyohi& embedded_ryoyohi();

}  // namespace ahaki
