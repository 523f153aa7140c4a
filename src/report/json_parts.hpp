#pragma once
// The pieces of the JSON report, so it can be written in one go (write_json)
// or file by file while a run is still going (report/stream.hpp). The report is
//   header + summary + ,"files":[ file, file, … ]}\n
#include <array>
#include <cstddef>
#include <string>

#include "report/report.hpp"

namespace ahaki::json_parts {

/// Per-run totals for the "summary" object.
struct Totals {
    std::size_t files = 0;
    std::array<std::size_t, 5> verdicts{};  ///< by Verdict
    std::array<std::size_t, 4> findings{};  ///< unwaived, by Severity
    std::array<std::size_t, 4> requirements{};  ///< by Status
    std::size_t waived = 0;                     ///< findings a waiver applies to
    void add(const FileReport& f);
    void add(const Totals& other);
};

/// {"$schema":…,"tool":…,"language":…,"complete":…,"standards":[…],"errors":[…]  (object left open)
void header(std::string& out, const RunReport& run, Lang lang);
/// ,"summary":{…}
void summary(std::string& out, const Totals& totals);
/// One element of "files".
void file(std::string& out, const FileReport& f, Lang lang);

}  // namespace ahaki::json_parts
