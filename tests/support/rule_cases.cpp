#include "support/rule_cases.hpp"

#include "support/helpers.hpp"

namespace ahaki::test {

std::vector<RuleCase>& rule_cases() {
    static std::vector<RuleCase> cases;
    return cases;
}

RegisterRuleCases::RegisterRuleCases(std::vector<RuleCase> cases) {
    for (auto& c : cases) rule_cases().push_back(std::move(c));
}

std::vector<FileReport> check_together(const std::vector<std::string>& xmls, const StandardSet& set) {
    std::vector<FileReport> reports;
    for (std::size_t i = 0; i < xmls.size(); ++i) {
        std::string path = "case-" + std::to_string(i + 1) + ".xml";
        ReadResult r = decode_source(path, xmls[i]);
        if (r.error) {
            FileReport f;
            f.path = path;
            f.errors.push_back(*r.error);
            reports.push_back(std::move(f));
            continue;
        }
        reports.push_back(check_source(*r.source, set, RunOptions{}));
    }
    cross_check(reports);
    return reports;
}

namespace {

const StandardSet& set_of(const RuleCase& c) { return c.standards ? c.standards() : standards(); }

std::string load_problems(const std::vector<FileReport>& reports) {
    std::string out;
    for (const auto& r : reports)
        for (const auto& e : r.errors)
            out += r.path + ":" + std::to_string(e.loc.line) + ": " + e.message.en + "\n";
    return out;
}

}  // namespace

std::string run_pass(const RuleCase& c) {
    auto reports = check_together(c.pass, set_of(c));
    if (auto p = load_problems(reports); !p.empty()) return "passing case does not load: " + p;
    std::size_t seen = 0;
    for (const auto& r : reports)
        for (const auto& o : r.outcomes) {
            if (o.rule_id != c.rule) continue;
            ++seen;
            if (o.status != Status::compliant)
                return "passing case: " + std::string(status_code(o.status)) + " — " +
                       (o.findings.empty() ? o.label.en : o.findings.front().message.en);
        }
    return seen ? "" : "passing case: the rule produced no outcome";
}

std::string run_fail(const RuleCase& c) {
    auto reports = check_together(c.fail, set_of(c));
    if (auto p = load_problems(reports); !p.empty()) return "failing case does not load: " + p;
    std::string seen;
    for (const auto& r : reports)
        for (const auto& o : r.outcomes)
            for (const auto& f : o.findings) {
                if (f.rule_id != c.rule) continue;
                if (c.fail_message_en.empty() || f.message.en == c.fail_message_en) return "";
                seen += "\n  got: " + f.message.en;
            }
    return "failing case: no finding" + (c.fail_message_en.empty() ? std::string() : " with message:\n  want: " + c.fail_message_en) + seen;
}

std::string complete_hari_kyu() {
    static const std::string text = read_file(source_dir() + "/curricula/complete/hari-kyu.xml");
    return text;
}

}  // namespace ahaki::test
