#pragma once
// The output formats `--format NAME[=PATH]` accepts.
#include <span>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace ahaki {

struct WriteContext {
    Lang lang = Lang::ja;
    bool color = false;  ///< only for a terminal
    /// --fail-on: formats that show pass/fail (JUnit) fail what makes the run fail.
    Severity fail_on = Severity::error;
    bool fail_never = false;
    /// --html-detail full: every requirement row (and the charts) in the HTML report.
    bool html_full = false;
};

/// Does a finding of this severity (unwaived) make the run exit 1?
inline bool fails_run(const WriteContext& c, Severity s) {
    return !c.fail_never && severity_rank(s) >= severity_rank(c.fail_on);
}

struct Format {
    std::string_view name;
    Text description;
    std::string (*write)(const RunReport&, const WriteContext&);
};

std::span<const Format> formats();
const Format* find_format(std::string_view name);

}  // namespace ahaki
