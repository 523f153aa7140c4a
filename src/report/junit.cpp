// JUnit XML, as read by GitLab, Jenkins and the GitHub test-report actions.
//
// One <testsuite name=FILE> per checked file and one <testcase> per requirement
// (Outcome), passing ones too, named "RULE-ID scope /element/path": no line
// numbers, so a name stays the same when lines are inserted above it, and names
// are unique (GitLab keeps only the first of several test cases with one name;
// a repeat gets " #2"). The location (file:line:col) is in the failure text.
// - error or warning findings: <failure type="error|warning">;
// - review findings: <failure type="review"> only when --fail-on review makes
//   them fail the run; otherwise the test case passes and says so in <system-out>;
// - info findings: passing, in <system-out>;
// - not checked (section absent): <skipped>;
// - every finding of the requirement waived: <skipped message="waived …">;
// - a file that could not be checked: one test case "LOAD" with <error>.
// Expired and unmatched waivers form a last suite named after the waiver file,
// one failing test case (type "warning") each.
#include <array>
#include <set>

#include "report/common.hpp"
#include "report/formats.hpp"
#include "report/writers.hpp"

namespace ahaki {
namespace {

using report::xml_escape;

struct Case {
    std::string name;
    std::string classname;
    std::string body;  ///< child elements, already escaped
    enum Kind { pass, failure, error, skipped } kind = pass;
};

std::string attr(std::string_view name, std::string_view value) {
    std::string s(" ");
    s.append(name).append("=\"").append(xml_escape(value)).append("\"");
    return s;
}

/// " /school/course[@id='day']": the element, without line numbers (they change when lines are inserted).
std::string path_suffix(const Loc& loc) {
    if (loc.path.empty()) return {};
    return " " + loc.path;
}

std::string suite_xml(const std::string& name, const std::vector<Case>& cases, const std::vector<std::pair<std::string, std::string>>& props) {
    std::size_t failures = 0, errors = 0, skipped = 0;
    for (const auto& c : cases) {
        failures += c.kind == Case::failure;
        errors += c.kind == Case::error;
        skipped += c.kind == Case::skipped;
    }
    std::string s = "  <testsuite" + attr("name", name) + attr("tests", std::to_string(cases.size())) +
                    attr("failures", std::to_string(failures)) + attr("errors", std::to_string(errors)) +
                    attr("skipped", std::to_string(skipped)) + ">\n";
    if (!props.empty()) {
        s += "    <properties>\n";
        for (const auto& [k, v] : props) s += "      <property" + attr("name", k) + attr("value", v) + "/>\n";
        s += "    </properties>\n";
    }
    for (const auto& c : cases) {
        s += "    <testcase" + attr("classname", c.classname) + attr("name", c.name);
        if (c.body.empty()) {
            s += "/>\n";
        } else {
            s += ">\n" + c.body + "    </testcase>\n";
        }
    }
    s += "  </testsuite>\n";
    return s;
}

/// Tests, failures, errors, skipped.
using Counts = std::array<std::size_t, 4>;

void count(Counts& n, const std::vector<Case>& cases) {
    for (const auto& x : cases) {
        ++n[0];
        n[1] += x.kind == Case::failure;
        n[2] += x.kind == Case::error;
        n[3] += x.kind == Case::skipped;
    }
}

}  // namespace

namespace junit_parts {

std::string file_suite(const FileReport& f, const WriteContext& c, Counts& n) {
    const Lang L = c.lang;
    const bool ja = L == Lang::ja;
    std::vector<Case> cases;
    std::set<std::string> names;
    auto unique = [&](std::string n) {
        std::string base = n;
        for (int i = 2; !names.insert(n).second; ++i) n = base + " #" + std::to_string(i);
        return n;
    };
    for (const auto& d : f.errors) {
        Case k;
        k.classname = f.path;
        k.name = unique("LOAD" + path_suffix(d.loc));
        k.kind = Case::error;
        std::string line = diagnostic_line(d, L);
        k.body = "      <error" + attr("message", d.message.in(L)) + attr("type", "invalid-input") + ">" + xml_escape(line) +
                 "</error>\n";
        cases.push_back(std::move(k));
    }
    for (const auto& o : f.outcomes) {
        Case k;
        k.classname = f.path;
        k.name = unique(o.rule_id + (o.scope.empty() ? "" : " " + o.scope) + path_suffix(o.loc));
        std::string lines;
        for (const auto& fd : o.findings) lines += report::finding_line(f.path, fd, L) + "\n";
        const Finding* worst = report::worst_unwaived(o);
        bool all_waived = !o.findings.empty() && !worst;
        if (o.status == Status::not_checked) {
            k.kind = Case::skipped;
            k.body = "      <skipped" + attr("message", (ja ? "未確認: " : "not checked: ") + o.measured.text.in(L)) + "/>\n";
        } else if (all_waived) {
            k.kind = Case::skipped;
            k.body = "      <skipped" + attr("message", report::waiver_mark(o.findings.front(), L)) + "/>\n" +
                     "      <system-out>" + xml_escape(lines) + "</system-out>\n";
        } else if (worst && (worst->severity == Severity::error || worst->severity == Severity::warning ||
                             (worst->severity == Severity::review && fails_run(c, Severity::review)))) {
            k.kind = Case::failure;
            k.body = "      <failure" + attr("message", worst->message.in(L)) + attr("type", severity_code(worst->severity)) +
                     ">" + xml_escape(lines) + "</failure>\n";
        } else if (!lines.empty()) {
            k.body = "      <system-out>" + xml_escape(lines) + "</system-out>\n";
        }
        cases.push_back(std::move(k));
    }
    std::vector<std::pair<std::string, std::string>> props{{"verdict", std::string(verdict_code(f.verdict()))}};
    if (!f.standard_id.empty()) props.emplace_back("standard", f.standard_id);
    if (f.type) props.emplace_back("facility-type", std::string(info(*f.type).code));
    count(n, cases);
    std::string suite = suite_xml(f.path, cases, props);
    if (!f.notices.empty()) {
        // What a sheet's import read generously, as the suite's output (not a test case: nothing failed).
        std::string lines;
        for (const auto& d : f.notices)
            lines += location_prefix(d.file, d.loc) + ": " + (ja ? "注意: " : "note: ") + report::notice_text(d, L) + "\n";
        auto end = suite.rfind("</testsuite>");
        if (end != std::string::npos) suite.insert(end, "    <system-out>" + xml_escape(lines) + "</system-out>\n");
    }
    return suite;
}

std::string run_suites(const RunReport& run, const WriteContext& c, Counts& n) {
    const Lang L = c.lang;
    std::string suites;
    if (!run.run_errors.empty()) {
        std::vector<Case> cases;
        for (const auto& d : run.run_errors) {
            Case k;
            k.classname = d.file;
            k.name = "LOAD " + d.file;
            k.kind = Case::error;
            k.body = "      <error" + attr("message", d.message.in(L)) + attr("type", "invalid-input") + ">" +
                     xml_escape(diagnostic_line(d, L)) + "</error>\n";
            cases.push_back(std::move(k));
        }
        count(n, cases);
        suites += suite_xml("ahaki-check", cases, {});
    }
    if (!run.waiver_notices.empty()) {
        std::vector<Case> cases;
        for (const auto& w : run.waiver_notices) {
            Case k;
            k.classname = w.waiver_file;
            k.name = std::string(waiver_problem_code(w.problem)) + " " + w.waiver_id;
            k.kind = Case::failure;
            k.body = "      <failure" + attr("message", w.message.in(L)) + attr("type", "warning") + ">" +
                     xml_escape(report::waiver_notice_line(w, L)) + "</failure>\n";
            cases.push_back(std::move(k));
        }
        count(n, cases);
        suites += suite_xml(run.waiver_notices.front().waiver_file, cases, {});
    }
    return suites;
}

std::string head(const Counts& n) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites" + attr("name", "ahaki-check") +
           attr("tests", std::to_string(n[0])) + attr("failures", std::to_string(n[1])) +
           attr("errors", std::to_string(n[2])) + attr("skipped", std::to_string(n[3])) + ">\n";
}

const char* const tail = "</testsuites>\n";

}  // namespace junit_parts

namespace {

std::string write_junit(const RunReport& run, const WriteContext& c) {
    Counts n{};
    std::string suites;
    for (const auto& f : run.files) suites += junit_parts::file_suite(f, c, n);
    suites += junit_parts::run_suites(run, c, n);
    return junit_parts::head(n) + suites + junit_parts::tail;
}

}  // namespace

std::string junit_format(const RunReport& run, const WriteContext& c) { return write_junit(run, c); }

}  // namespace ahaki
