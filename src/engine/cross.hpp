#pragma once
// Checks across the submissions of one run (指導要領 6(5), 9(1)): each file
// keeps a compact list of identifying keys, and a post-pass over all reports
// groups them in one hash map (linear in the number of keys).
#include <string>
#include <vector>

#include "model/location.hpp"
#include "model/text.hpp"

namespace ahaki {

struct School;
struct FileReport;

struct CrossKey {
    enum class Kind { full_time_teacher, site };
    Kind kind = Kind::full_time_teacher;
    std::string key;    ///< e.g. "hari-licence 12345" or a normalised site name
    std::string owner;  ///< id of the teacher or site in its file
    Text label;         ///< the teacher's or site's name, for messages
    Loc loc;
};

/// The keys of one school: the numbered licences of its full-time teachers and
/// its clinical sites other than affiliated ones.
std::vector<CrossKey> cross_keys_of(const School& school);

/// Adds XSB-001 / XSB-002 outcomes to the reports when several files are checked.
void cross_check(std::vector<FileReport>& reports);

}  // namespace ahaki
