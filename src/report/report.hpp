#pragma once
// One writer per format. Each turns the results of a run into bytes; the CLI
// decides where they go (stdout, or a file written atomically).
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.hpp"
#include "engine/waivers.hpp"
#include "model/text.hpp"

namespace ahaki {

extern const char* const tool_version;

struct RunReport {
    std::vector<FileReport> files;
    std::vector<Diagnostic> run_errors;  ///< problems not tied to one checked file (an empty directory…)
    const StandardSet* standards = nullptr;
    bool complete = false;
    const WaiverSet* waivers = nullptr;        ///< --waivers, when given
    std::vector<WaiverNotice> waiver_notices;  ///< expired and unmatched waivers (run-level warnings)
};

/// Totals over every file of a run: the summary every format prints.
struct RunTotals {
    std::size_t files = 0;
    std::array<std::size_t, 5> verdicts{};      ///< by Verdict
    std::array<std::size_t, 4> findings{};      ///< unwaived, by Severity
    std::array<std::size_t, 4> requirements{};  ///< by Status
    std::size_t waived = 0;
    std::size_t load_errors = 0;                ///< diagnostics of files that could not be checked
};
RunTotals run_totals(const RunReport& run);

struct TextOptions {
    Lang lang = Lang::ja;
    bool color = false;
    bool summary_tables = true;
};

std::string write_text(const RunReport& run, const TextOptions& options);
std::string write_json(const RunReport& run, Lang lang);
/// One self-contained HTML page (inline CSS and SVG, no script), printable on A4.
std::string write_html(const RunReport& run, Lang lang);
struct HtmlOptions {
    Lang lang = Lang::ja;
    bool full = false;  ///< --html-detail full: every requirement row (and the charts), not only those to act on
};
std::string write_html(const RunReport& run, const HtmlOptions& options);
/// --format html=DIR/: index.html (the batch, linking to each school) and one self-contained report per file.
struct HtmlPage {
    std::string name;  ///< file name in DIR
    std::string html;
};
std::vector<HtmlPage> write_html_pages(const RunReport& run, const HtmlOptions& options);
/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

/// "file:line:col" (or just "file" when there is no location).
std::string location_prefix(const std::string& file, const Loc& loc);
/// A load error as one line: "file:line:col: error: message (expected: …)".
std::string diagnostic_line(const Diagnostic& d, Lang lang);

}  // namespace ahaki
