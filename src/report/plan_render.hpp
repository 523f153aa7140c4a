#pragma once
// The fix plan (engine/plan.hpp) in words, for text, HTML and JSON.
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "engine/engine.hpp"

namespace ahaki::report {

/// Identifier of a step kind in JSON: change-subject, add-subject, set-years, …
std::string_view plan_kind_code(PlanStep::Kind k);
/// One step as a sentence without the reason: 「はり実技Ⅰ」: 単位数 3→4、時間数 90→120（4単位の実技は120〜180時間）
std::string plan_step_text(const PlanStep& p, Lang L, const std::optional<FacilityType>& type = std::nullopt);
/// The course totals before and after the plan: 総単位数 84→86（必要 86以上）、総時間数 …
std::string plan_totals_text(const FileReport& f, const std::string& course_id, Lang L);
/// The plan as JSON (schemas/report.schema.json, "plan"): one object per step.
boost::json::array plan_json(const FileReport& f, Lang L);
/// The plan as text lines (indented), or "" when there is none.
std::string plan_text(const FileReport& f, Lang L);

}  // namespace ahaki::report
