#pragma once
// Checks across the submissions of one run (指導要領 6(5), 6(6), 9(1)), asked for
// with --cross-check: each file keeps a compact list of identifying keys, and a
// post-pass over all reports groups them in one hash map (linear in the number
// of keys). Without the option, or with nothing to compare, the requirements are
// "not checked" (never compliant), and the report of each school names the
// submissions it was compared with.
//
// Identities: a person is a licence kind + number (normalised: model/normalise.hpp);
// the same name and birth date (or the same name alone) with other numbers is
// "possibly the same person" (review). A clinical site is its registration number
// or its address, never its name alone. A file given twice (same bytes) and two
// versions of the same school (same name and type: a resubmission) are said, not
// compared. Files that declare the same <one-facility> and list each other's type
// are one facility (6(5) second sentence): their teachers may be 専任 in both.
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
    enum class Kind {
        full_time_teacher,  ///< key: "licence-code number" of a full-time teacher
        site,               ///< key: "R|registration" or "A|address"
        part_time_teacher,  ///< key: "licence-code number" of a part-time teacher
        person,             ///< key: the folded name of a teacher; detail: birth date
        file,               ///< key: digest of the file's bytes
        school,             ///< key: the folded school name and type (a resubmission shares it)
        facility,           ///< key: the folded <one-facility> name; detail: the types it lists
        unidentified_site,  ///< a site with neither registration nor address: cannot be compared
    };
    Kind kind = Kind::full_time_teacher;
    std::string key;    ///< e.g. "hari-licence 12345" or "A|宮城県仙台市青葉区一番町4-5-6"
    std::string owner;  ///< id of the teacher or site in its file
    Text label;         ///< the teacher's or site's name, for messages
    Loc loc;
    /// Teachers: the employment period (YYYY-MM-DD; empty: open) and whether full-time ("full"/"part").
    std::string from, until;
    /// person: birth date (YYYY-MM-DD or empty) and "full"/"part"; facility: the school's own type then the listed types.
    std::string detail;
    bool operator==(const CrossKey&) const = default;
};

/// The keys of one school: its teachers' numbered licences and names, its clinical
/// sites other than affiliated ones, its identity and its <one-facility>.
std::vector<CrossKey> cross_keys_of(const School& school);
/// The key of a file's bytes (two 64-bit hashes and the size).
CrossKey file_key(std::string_view bytes);

/// The keys of every file of a run, grouped. Built either from finished reports
/// or, when reports are streamed, from the first pass; then applied to each
/// report before it is written.
class CrossIndex {
public:
    /// Adds file number `file` (0-based, in input order; call in that order).
    void add(std::size_t file, std::string path, const std::vector<CrossKey>& keys, bool checked);
    /// Replaces the "not checked" XSB outcomes of file `file` with the checks across
    /// the other checked files (or says there was nothing to compare).
    void apply(std::size_t file, FileReport& report) const;
    std::size_t checked() const { return checked_; }

private:
    struct Entry {
        std::size_t file;
        std::size_t key;  ///< index into files_[file].keys
    };
    struct File {
        std::string path;
        bool checked = false;
        std::vector<CrossKey> keys;
        // Built by add(), so that comparing two files costs no scan of their keys.
        std::string digest, identity, facility, own_type, listed_types;
        std::unordered_map<std::string, std::vector<std::string>> licences;  ///< teacher id -> licence keys
    };
    enum class Relation { other, same_file, resubmission, same_facility };
    Relation relation(std::size_t a, std::size_t b) const;
    const CrossKey* find_kind(std::size_t file, CrossKey::Kind kind) const;
    const std::vector<std::string>& licences_of(std::size_t file, const std::string& teacher) const;
    std::vector<File> files_;
    std::unordered_map<std::string, std::vector<Entry>> groups_;
    std::size_t checked_ = 0;
};

/// Adds the checks across submissions to the reports (--cross-check).
void cross_check(std::vector<FileReport>& reports);

}  // namespace ahaki
