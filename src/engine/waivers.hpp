#pragma once
// Waivers (--waivers FILE): a reviewed decision that a finding is accepted
// for a while. A matching finding keeps being reported, marked with the
// waiver's reason, but no longer counts towards the verdict or the exit code.
// An expired waiver stops applying; an expired or unmatched waiver is
// reported as a run-level warning (a WaiverNotice).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/location.hpp"
#include "model/text.hpp"

namespace ahaki {

struct FileReport;

inline constexpr const char* waivers_namespace = "urn:ahaki-check:waivers:1";

struct Waiver {
    std::string id;
    std::string rule;          ///< a rule id of the registry
    std::string file;          ///< glob over the checked file's path (see waiver_file_matches)
    std::string element;       ///< optional: an element id the finding must lie in (or on)
    std::string path;          ///< optional: an element path prefix, e.g. /school/course[@id='day']
    std::string reason;        ///< required
    Date expires;              ///< required; the waiver applies up to and including this day
    std::string approver;      ///< optional
    Loc loc;                   ///< where the <waiver> element is in the waiver file
};

struct WaiverSet {
    std::string file;  ///< the waiver file as given on the command line
    std::vector<Waiver> waivers;
    const Waiver* find(std::string_view id) const;
};

enum class WaiverProblem { expired, unmatched };
std::string_view waiver_problem_code(WaiverProblem p);  ///< waiver-expired, waiver-unmatched

/// A run-level warning about a waiver (not about a checked file).
struct WaiverNotice {
    WaiverProblem problem;
    std::string waiver_id;
    std::string rule;
    std::string waiver_file;
    Loc loc;             ///< of the <waiver> element
    Text message;
    std::size_t would_match = 0;  ///< expired: findings it would have covered (they now count)
};

struct WaiverApplication {
    std::size_t waived = 0;  ///< findings marked
    std::vector<WaiverNotice> notices;
};

/// Marks the findings that a waiver in force on `today` covers, in every report,
/// and lists expired and unmatched waivers. Reports with load errors are left alone.
/// The result does not depend on the order in which files were checked.
WaiverApplication apply_waivers(const WaiverSet& set, std::vector<FileReport>& reports, const Date& today);
/// The same for one report (streamed runs, any order, any thread): marks its
/// findings, adds to `matched` (one count per waiver) the findings each waiver
/// matched, and returns how many findings it marked.
std::size_t apply_waivers_to(const WaiverSet& set, FileReport& report, const Date& today, std::vector<std::size_t>& matched);
/// The expired and unmatched waivers, from the counts apply_waivers_to gathered over the run.
std::vector<WaiverNotice> waiver_notices(const WaiverSet& set, const std::vector<std::size_t>& matched, const Date& today);

/// Glob match: '*' and '?' do not cross '/', '**' does.
bool glob_match(std::string_view pattern, std::string_view text);
/// Does the waiver's file pattern match the checked file? A pattern without
/// '/' is matched against the file name only; otherwise against the file's
/// path relative to the waiver file's directory (both made absolute first),
/// and also against the path as given on the command line.
bool waiver_file_matches(const Waiver& w, const std::string& waiver_file, const std::string& checked_path);
/// Does the element path `loc_path` lie in the waiver's element/path (if any)?
bool waiver_element_matches(const Waiver& w, std::string_view loc_path);

/// Today's local date.
Date today_local();
/// Parses YYYY-MM-DD strictly (an existing date).
std::optional<Date> parse_date(std::string_view s);

}  // namespace ahaki
