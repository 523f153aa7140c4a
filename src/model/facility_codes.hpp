#pragma once
// Code tables (with Japanese and English names) of the facility sections.
#include <span>

#include "model/codes.hpp"
#include "model/facility.hpp"

namespace ahaki {

std::span<const CodeInfo<Ownership>> ownerships();
std::span<const CodeInfo<Authority>> authorities();
std::span<const CodeInfo<AdLabel>> ad_labels();
std::span<const CodeInfo<OpinionBody>> opinion_bodies();
std::span<const CodeInfo<RetentionStart>> retention_starts();
std::span<const CodeInfo<RecordKind>> record_kinds();
std::span<const CodeInfo<PlacementMode>> placement_modes();

/// The item of 指導要領 §12 a record belongs to: 1..7.
int record_clause(RecordKind k);
// Who accredits each type (指導要領 §1) and which types §2, §3, §11(4) and 記2 concern are
// standard data (accrediting-authority, procedure-applies-to), read by rules/facility_common.

inline const CodeInfo<Ownership>& info(Ownership v) { return info(ownerships(), v); }
inline const CodeInfo<Authority>& info(Authority v) { return info(authorities(), v); }
inline const CodeInfo<AdLabel>& info(AdLabel v) { return info(ad_labels(), v); }
inline const CodeInfo<OpinionBody>& info(OpinionBody v) { return info(opinion_bodies(), v); }
inline const CodeInfo<RetentionStart>& info(RetentionStart v) { return info(retention_starts(), v); }
inline const CodeInfo<RecordKind>& info(RecordKind v) { return info(record_kinds(), v); }
inline const CodeInfo<PlacementMode>& info(PlacementMode v) { return info(placement_modes(), v); }

}  // namespace ahaki
