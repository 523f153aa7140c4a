#pragma once
// What the 療養費 rules make of a clinic's visits: each consent's period and
// each visit's fee items, computed from the edition in force on the treatment
// day. The CLM-* rules and the clinic's report summary both read this, so the
// amounts a finding states are the amounts the ledger prints.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/clinic/clinic.hpp"
#include "model/text.hpp"
#include "standard/ryoyohi.hpp"

namespace ahaki::claims {

/// Why a fee a visit claims is not paid (its line then computes 0 yen).
enum class Denied { none, over_distance, same_building, sudden_interval, regular_visit, report_interval, not_in_edition };

struct FeeLine {
    Text item;                      ///< 初検料（2術）, 往療料（2kmまで）, 訪問施術料1（1術）…
    std::string code;               ///< first-exam-2, travel, visit-tier-1 … (machine formats)
    std::int64_t yen = 0;           ///< 0 when unknown or denied
    bool unknown = false;           ///< the edition's value is UNKNOWN (or no edition applies)
    Denied denied = Denied::none;
    Mark mark = Mark::seed;
    std::string source;
    Text note;                      ///< why denied, or how it was computed
};

struct VisitFees {
    const FeeEdition* edition = nullptr;
    std::vector<FeeLine> lines;
    std::int64_t total = 0;
    bool unknown = false;
};

struct ConsentPeriod {
    bool known = false;             ///< false: no consent rule applies on the consent's date
    Date start, end;
    int months = 0;
    bool limited_by_form = false;   ///< the written 加療期間 ends earlier
    const RuleParam* months_param = nullptr;
};

struct PatientCalc {
    std::vector<std::size_t> order;        ///< visit indices by date (stable)
    std::vector<VisitFees> fees;           ///< parallel to Patient::visits
    std::vector<ConsentPeriod> periods;    ///< parallel to Patient::consents
};

struct ClaimCalc {
    std::vector<std::size_t> visits;       ///< the patient's visits in the claim month, by date
    std::int64_t computed = 0;
    bool unknown = false;
};

struct Calc {
    std::vector<PatientCalc> patients;     ///< parallel to Clinic::patients
    std::vector<ClaimCalc> claims;         ///< parallel to Clinic::claims
};

Calc compute(const clinic::Clinic& c, const Ryoyohi& data);

/// 「1,234円」/ "¥1,234".
std::string yen(std::int64_t v);
Text yen_text(std::int64_t v);
/// A date as the messages say it: 令和6年10月16日 / 2024-10-16.
Text date_text(const Date& d);
Text month_text(const clinic::Month& m);
/// 「令和6年10月16日: 初検料（2術）2,230円 + … = 4,100円」
Text visit_line(const clinic::Visit& v, const VisitFees& f);

}  // namespace ahaki::claims
