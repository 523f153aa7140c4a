#pragma once
// Loads descriptions, picks the edition of the standard, runs every rule, and
// summarises each file. Formats and options parsing live elsewhere.
#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/cross.hpp"
#include "model/school.hpp"
#include "rules/rule.hpp"
#include "standard/standard.hpp"
#include "xml/diagnostic.hpp"
#include "xml/loader.hpp"

namespace ahaki {

enum class Verdict { compliant, non_compliant, needs_review, partially_checked, invalid };
std::string_view verdict_code(Verdict v);  ///< compliant, non-compliant, needs-review, partially-checked, invalid
Text verdict_text(Verdict v);

struct AreaRow {
    Area area = Area::foundations;
    Decimal units;
    Decimal hours;
    std::optional<Decimal> min_units;
    bool operator==(const AreaRow&) const = default;
};

struct CourseSummary {
    std::string id;
    Schedule schedule = Schedule::day;
    int years = 0;
    std::string standard_id;
    std::array<AreaRow, area_count> areas{};
    Decimal total_units, total_hours;
    std::optional<Decimal> min_total_units, min_total_hours;
    std::size_t subject_count = 0;
    Loc loc;
    bool operator==(const CourseSummary&) const = default;
};

/// What a kind of document other than a school adds to the reports
/// (engine/kinds.hpp): a heading for the file and its own summary section, which
/// the kind renders for each format in both languages. Empty for schools, whose
/// summary is `courses`. Writers print these as they are.
struct KindSummary {
    std::string kind;  ///< the kind's name ("clinic"); empty: none
    Text heading;      ///< after the verdict: 施術所「青葉鍼灸院」…
    Text text;         ///< lines for the text report (with --format text's summary tables)
    Text json;         ///< one JSON object, the value of the file's "summary" member
    Text html;         ///< an HTML section (a <section> element)
    bool empty() const { return kind.empty(); }
    bool operator==(const KindSummary&) const = default;
};

struct FileReport {
    std::string path;
    std::string encoding;
    std::vector<Diagnostic> errors;  ///< non-empty: the file could not be checked
    std::string school_name;
    std::optional<FacilityType> type;
    std::string standard_id;
    std::vector<Outcome> outcomes;   ///< in rule order, then document order
    std::vector<CourseSummary> courses;
    /// The model, kept only when a later pass (cross-file checks) needs it.
    std::shared_ptr<const School> school;
    /// Identifying keys for the checks across submissions (engine/cross.hpp).
    std::vector<CrossKey> cross_keys;
    /// The summary a document kind other than a school provides (engine/kinds.hpp).
    KindSummary summary;

    Verdict verdict() const;
    /// Number of unwaived findings per severity (error, warning, review, info).
    std::array<std::size_t, 4> counts() const;
    std::array<std::size_t, 4> status_counts() const;  ///< compliant, non-compliant, needs-review, not-checked
};

struct Ryoyohi;

struct RunOptions {
    CheckOptions check;
    /// The 療養費 data for clinic descriptions (--ryoyohi); null: the embedded data.
    const Ryoyohi* ryoyohi = nullptr;
    /// Which parts of a kind's summary (KindSummary) to render: the formats asked for, in
    /// one language or both. Default everything; the CLI asks for what it writes.
    struct SummaryParts {
        bool text = true, json = true, html = true;
        bool ja = true, en = true;
    } summary;
    LoadOptions load;
    unsigned jobs = 0;  ///< 0: all cores
    bool keep_models = false;
    /// Called (from worker threads) after each file, for progress display.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Loads the default standard (embedded) or the given file(s); errors are located.
struct StandardsLoad {
    StandardSet set;
    std::vector<Diagnostic> errors;
};
StandardsLoad load_standards(const std::vector<std::string>& files);

FileReport check_school(const std::string& path, const School& school, const StandardSet& standards,
                        const CheckOptions& options, std::vector<Diagnostic>* errors = nullptr);
FileReport check_file(const std::string& path, const StandardSet& standards, const RunOptions& options);
/// Checks a description of any kind (engine/kinds.hpp), found by its root element.
FileReport check_source(const SourceText& source, const StandardSet& standards, const RunOptions& options);
/// The school kind's check of a description (what check_source does for <school>).
FileReport check_school_source(const SourceText& source, const StandardSet& standards, const RunOptions& options);

/// Expands PATHs (directories searched recursively for *.xml, in sorted order).
struct Expanded {
    std::vector<std::string> files;
    std::vector<Diagnostic> errors;
};
Expanded expand_paths(const std::vector<std::string>& paths);

/// Checks every file on `jobs` threads; the result order is the input order.
std::vector<FileReport> check_files(const std::vector<std::string>& files, const StandardSet& standards,
                                    const RunOptions& options);

/// Same checks, but each report goes to `sink` (in input order, one call at a
/// time, from a worker thread) as soon as it and every earlier one are done, and
/// is not kept: memory stays flat however many files there are. Workers run at
/// most a small window of files ahead of the oldest report not yet handed over
/// (engine/ordered.hpp). No checks across submissions: see engine/streamed.hpp.
using ReportSink = std::function<void(std::size_t index, FileReport&& report)>;
void check_files_each(const std::vector<std::string>& files, const StandardSet& standards, const RunOptions& options,
                      const ReportSink& sink);

/// check_file(files[i]) for map_in_order, reporting progress.
std::function<FileReport(std::size_t)> checker(const std::vector<std::string>& files, const StandardSet& standards,
                                              const RunOptions& options);

}  // namespace ahaki
