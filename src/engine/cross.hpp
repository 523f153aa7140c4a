#pragma once
// Checks across the submissions of one run (指導要領 6(5), 9(1)): each file
// keeps a compact list of identifying keys, and a post-pass over all reports
// groups them in one hash map (linear in the number of keys).
#include <cstddef>
#include <string>
#include <unordered_map>
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
    bool operator==(const CrossKey&) const = default;
};

/// The keys of one school: the numbered licences of its full-time teachers and
/// its clinical sites other than affiliated ones.
std::vector<CrossKey> cross_keys_of(const School& school);

/// The keys of every file of a run, grouped (one hash map: linear in the number
/// of keys). Built either from finished reports or, when reports are streamed,
/// from a light first pass that only loads each file; then applied to each
/// report before it is written.
class CrossIndex {
public:
    /// Adds file number `file` (0-based, in input order; call in that order).
    void add(std::size_t file, std::string path, const std::vector<CrossKey>& keys, bool checked);
    /// Adds XSB-001 / XSB-002 outcomes to the report of file `file` (no-op with fewer than two checked files).
    void apply(std::size_t file, FileReport& report) const;
    std::size_t checked() const { return checked_; }

private:
    using FileList = std::vector<std::size_t>;
    std::string others(const FileList& files, std::size_t self, std::size_t& more) const;
    std::vector<std::string> paths_;
    std::unordered_map<std::string, FileList> groups_;
    std::size_t checked_ = 0;
};

/// Adds XSB-001 / XSB-002 outcomes to the reports when several files are checked.
void cross_check(std::vector<FileReport>& reports);

}  // namespace ahaki
