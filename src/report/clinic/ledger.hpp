#pragma once
// The clinic kind's summary for the reports: per patient, the consent periods as
// a timeline, and per month the visits with the fee items computed, the claimed
// and the computed total side by side (in HTML a month ledger to print and lay
// beside the 申請書). Rendered once per format and language (KindSummary).
#include <vector>

#include "engine/engine.hpp"
#include "model/clinic/clinic.hpp"
#include "rules/claims/compute.hpp"
#include "standard/ryoyohi.hpp"

namespace ahaki {

KindSummary clinic_summary(const clinic::Clinic& c, const Ryoyohi& data, const claims::Calc& calc,
                           const std::vector<Outcome>& outcomes, const RunOptions::SummaryParts& parts = {});

/// The fee editions and dated rules of a 療養費 data set, with their provenance marks
/// (ahaki-check ryoyohi).
std::string ryoyohi_listing(const Ryoyohi& data, Lang lang);

}  // namespace ahaki
