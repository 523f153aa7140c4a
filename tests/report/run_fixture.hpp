#pragma once
// Builds RunReports for the format tests from inline variants of the compliant hari-kyu school.
#include <string>
#include <vector>

#include "report/report.hpp"
#include "support/helpers.hpp"

namespace ahaki::test {

/// The compliant school; `error`: 関係法規 gets 31 hours for 1 unit (CUR-004 error at 46:5); `review` adds a
/// visually impaired course flag (CUR-007 review) and `no_timetable` removing the
/// timetable (CUR-010..013 not checked).
inline std::string school_variant(bool error, bool review, bool no_timetable) {
    std::string s = compliant_hari_kyu();
    if (error) s = replace_once(s, "units=\"1\" hours=\"30\" year=\"3\"/>", "units=\"1\" hours=\"31\" year=\"3\"/>");
    if (review) s = replace_once(s, "schedule=\"day\"", "schedule=\"day\" visually-impaired=\"true\"");
    if (no_timetable) {
        auto a = s.find("<timetable");
        auto b = s.find("</timetable>");
        if (a != std::string::npos && b != std::string::npos) s.erase(a, b + 12 - a);
    }
    return s;
}

inline FileReport report_for(const std::string& xml, const std::string& path) {
    FileReport r = check_xml(xml);
    r.path = path;
    for (auto& d : r.errors) d.file = path;
    return r;
}

inline RunReport make_run(std::vector<FileReport> files) {
    RunReport run;
    run.files = std::move(files);
    run.standards = &standards();
    return run;
}

}  // namespace ahaki::test
