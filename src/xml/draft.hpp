#pragma once
// `ahaki-check plan -o draft.xml`: the school description with the fix plan
// applied (engine/plan.hpp). Everything else of the file is kept as it was
// (comments, order, other sections); the draft is UTF-8, whatever the input's
// encoding, and says at its top that it is a draft.
#include <optional>
#include <string>
#include <vector>

#include "engine/plan.hpp"
#include "model/text.hpp"
#include "xml/source.hpp"

namespace ahaki {

struct DraftResult {
    std::optional<std::string> xml;  ///< the draft, UTF-8
    Text error;                      ///< why not, when xml is empty
};
DraftResult apply_plan(const SourceText& source, const std::vector<PlanStep>& plan);

}  // namespace ahaki
