#pragma once
// The standard's mapping of subjects to university fields and 高等学校 教科
// (指導要領 6(2)–(4): "担当科目を含む分野", "相当教科"; standard data
// <subject-fields>): which entries a subject name is, and whether a teacher's
// recorded field or licence 教科 includes it.
#include <string>
#include <string_view>
#include <vector>

#include "model/school.hpp"
#include "standard/standard.hpp"

namespace ahaki::rules {

/// The entries of the mapping a subject is (by the words of its name and its
/// area). Several: the subject covers them all (解剖生理学). None: not mapped.
std::vector<const SubjectField*> subject_entries(const SubjectFieldMap& map, const Subject& s);

enum class Fit { yes, maybe, no, unknown };

/// Whether a recorded university field includes every entry: yes, maybe (a
/// person decides), no (a field the mapping knows, but not this subject's), or
/// unknown (the mapping knows no word of the field). `recognised` gets the
/// field's words the mapping knows, joined with "・".
Fit field_fit(const SubjectFieldMap& map, const std::vector<const SubjectField*>& entries, std::string_view field,
              std::string& recognised);

/// The same for the 教科 of a 高等学校 licence; `recognised` gets the 教科.
Fit licence_fit(const SubjectFieldMap& map, const std::vector<const SubjectField*>& entries, std::string_view field,
                std::string& recognised);

/// "解剖学・生理学": the names of the entries, for messages.
Text entry_names(const std::vector<const SubjectField*>& entries);

}  // namespace ahaki::rules
