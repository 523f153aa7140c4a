#pragma once
// The pieces of the text report, so it can be written in one go (write_text)
// or file by file while a run is still going (report/stream.hpp).
#include <array>
#include <cstddef>
#include <string>

#include "report/report.hpp"

namespace ahaki::text_parts {

void run_errors(std::string& out, const RunReport& run, const TextOptions& opt);
void file(std::string& out, const FileReport& f, const TextOptions& opt);
/// "waivers: applied to N finding(s) (FILE, M expired or unmatched)", when the run has waivers.
void waivers_line(std::string& out, const RunReport& run, std::size_t waived, const TextOptions& opt);
/// The closing count line (only for more than one file, or when there were run errors).
void totals(std::string& out, std::size_t files, const std::array<std::size_t, 5>& verdicts, bool run_errors,
            const TextOptions& opt);

}  // namespace ahaki::text_parts
