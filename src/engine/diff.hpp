#pragma once
// `ahaki-check diff OLD NEW` (指導要領 14(1)): what changed between two
// submissions of a school: teachers added, removed or changed (qualifications,
// employment, subjects), each to be re-verified with documents; subjects and
// hours; the course numbers, intake and clinical sites; and which findings
// appear or disappear.
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace ahaki {

struct DiffItem {
    enum class What { teacher, subject, course, intake, site, finding };
    enum class Change { added, removed, changed };
    What what = What::teacher;
    Change change = Change::changed;
    std::string key;   ///< the id (course/subject, teacher, site) or the finding's rule and scope
    std::string name;  ///< as the school names it; for a finding, its message
    std::vector<Text> details;  ///< "雇用 専任→非常勤", "時間数 60→45"…
    bool reverify = false;      ///< a teacher to re-verify with documents (指導要領 14(1))
    Loc old_loc, new_loc;
};

/// Both reports must have been checked with their models kept (RunOptions::keep_models).
std::vector<DiffItem> diff_reports(const FileReport& old_report, const FileReport& new_report, Lang lang);

std::string_view diff_what_code(DiffItem::What w);      ///< teacher, subject, course, intake, site, finding
std::string_view diff_change_code(DiffItem::Change c);  ///< added, removed, changed

}  // namespace ahaki
