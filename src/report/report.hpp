#pragma once
// One writer per format. Each turns the results of a run into bytes; the CLI
// decides where they go (stdout, or a file written atomically).
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.hpp"
#include "model/text.hpp"

namespace ahaki {

extern const char* const tool_version;

struct RunReport {
    std::vector<FileReport> files;
    std::vector<Diagnostic> run_errors;  ///< problems not tied to one checked file (an empty directory…)
    const StandardSet* standards = nullptr;
    bool complete = false;
};

struct TextOptions {
    Lang lang = Lang::ja;
    bool color = false;
    bool summary_tables = true;
};

std::string write_text(const RunReport& run, const TextOptions& options);
std::string write_json(const RunReport& run, Lang lang);
/// One self-contained HTML page (inline CSS and SVG, no script), printable on A4.
std::string write_html(const RunReport& run, Lang lang);
/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

/// "file:line:col" (or just "file" when there is no location).
std::string location_prefix(const std::string& file, const Loc& loc);
/// A load error as one line: "file:line:col: error: message (expected: …)".
std::string diagnostic_line(const Diagnostic& d, Lang lang);

}  // namespace ahaki
