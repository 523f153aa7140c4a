#pragma once
// `ahaki-check plan FILE`: the fix plan for a curriculum (engine/plan.hpp);
// `-o draft.xml` writes the description with the plan applied and checks it.
#include <iosfwd>
#include <string>
#include <vector>

namespace ahaki::cli {

int cmd_plan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ahaki::cli
