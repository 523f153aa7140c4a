// SARIF 2.1.0 (OASIS), as read by GitHub code scanning and SARIF viewers.
// Validated in the test suite with Microsoft's sarif-multitool (tools/validate-sarif.sh).
//
// Mapping:
// - every rule of the registry is declared in tool.driver.rules (sorted by id, so ruleIndex is
//   stable), plus the pseudo-rule LOAD for files that could not be checked;
// - error/warning findings: kind "fail", level error/warning; review findings: kind "review" and
//   info findings: kind "informational", both with level "none" (SARIF §3.27.9: a kind other than
//   "fail" takes level "none");
// - waived findings keep their result and gain suppressions[{kind:"external", status:"accepted"}];
// - expired and unmatched waivers: invocations[0].toolConfigurationNotifications; problems not tied
//   to one file (an empty directory): toolExecutionNotifications;
// - the run summary (same shape as the JSON report's) in runs[0].properties.summary, each file's
//   verdict in artifacts[i].properties.
#include <boost/json.hpp>

#include <map>

#include "report/common.hpp"
#include "report/formats.hpp"
#include "report/writers.hpp"

namespace ahaki {
namespace json = boost::json;
namespace {

constexpr const char* information_uri = "https://ahaki-check.invalid/";
constexpr std::string_view load_rule_id = "LOAD";

std::string sentence(std::string s, Lang L) {
    // SARIF viewers expect messages to be sentences.
    if (s.empty()) return s;
    if (L == Lang::ja) {
        if (s.size() < 3 || s.compare(s.size() - 3, 3, "。") != 0) s += "。";
    } else if (s.back() != '.') {
        s += '.';
    }
    return s;
}

json::object message(const std::string& text, Lang L) { return json::object{{"text", sentence(text, L)}}; }

/// "UnitsPerEducationArea" from "Units per education area". One-letter words
/// ("a", the "s" of "subject's") are dropped so that no two capitals meet.
std::string pascal(std::string_view title) {
    std::string out, word;
    auto flush = [&] {
        bool single_letter = word.size() == 1 && !(word[0] >= '0' && word[0] <= '9');
        if (!word.empty() && !single_letter) {
            if (word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
            for (std::size_t i = 1; i < word.size(); ++i)
                if (word[i] >= 'A' && word[i] <= 'Z') word[i] = static_cast<char>(word[i] - 'A' + 'a');
            out += word;
        }
        word.clear();
    };
    for (char c : title) {
        bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) word += c;
        else flush();
    }
    flush();
    return out;
}

std::string_view level_of(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::review: case Severity::info: return "note";
    }
    return "error";
}

json::object region(const Loc& loc) {
    json::object r{{"startLine", loc.line}};
    if (loc.column > 0) r["startColumn"] = loc.column;
    return r;
}

json::object physical(const std::string& uri, std::optional<std::size_t> index, const Loc& loc) {
    json::object art{{"uri", uri}};
    if (index) art["index"] = *index;
    json::object p{{"artifactLocation", std::move(art)}};
    if (loc.known()) p["region"] = region(loc);
    return p;
}

json::object location(const std::string& uri, std::optional<std::size_t> index, const Loc& loc) {
    json::object l{{"physicalLocation", physical(uri, index, loc)}};
    if (!loc.path.empty())
        l["logicalLocations"] = json::array{json::object{{"fullyQualifiedName", loc.path}, {"kind", "element"}}};
    return l;
}

json::object value_json(const Value& v, Lang L) {
    json::object o;
    if (v.number) o["value"] = v.number->str();
    if (!v.unit.empty()) o["unit"] = v.unit.in(L);
    if (!v.text.empty()) o["text"] = v.text.in(L);
    return o;
}

json::object summary_json(const RunTotals& t) {
    return json::object{
        {"files", t.files},
        {"verdicts",
         {{"compliant", t.verdicts[0]}, {"non-compliant", t.verdicts[1]}, {"needs-review", t.verdicts[2]},
          {"partially-checked", t.verdicts[3]}, {"invalid", t.verdicts[4]}}},
        {"findings", {{"error", t.findings[0]}, {"warning", t.findings[1]}, {"review", t.findings[2]}, {"info", t.findings[3]}}},
        {"requirements",
         {{"compliant", t.requirements[0]}, {"non-compliant", t.requirements[1]}, {"needs-review", t.requirements[2]},
          {"not-checked", t.requirements[3]}}},
        {"waived", t.waived}};
}

json::object rule_json(const Rule& r, Lang L) {
    const bool ja = L == Lang::ja;
    std::string clause = ja ? "根拠: " : "Clause: ";
    std::string text = r.explanation.in(L) + "\n" + clause + std::string(r.citation);
    std::string md = "**" + std::string(r.id) + "** — " + r.title.in(L) + "\n\n" + r.explanation.in(L) + "\n\n" +
                     (ja ? "根拠: " : "Clause: ") + "`" + std::string(r.citation) + "`";
    json::object props{{"citation", r.citation},
                       {"section", section_code(r.section)},
                       {"severity", severity_code(r.severity)},
                       {"tags", json::array{json::value(section_code(r.section)), json::value("ahaki-check")}}};
    return json::object{{"id", r.id},
                        {"name", pascal(r.title.en)},
                        {"shortDescription", message(r.title.in(L), L)},
                        {"fullDescription", message(r.explanation.in(L), L)},
                        {"help", {{"text", text}, {"markdown", md}}},
                        {"defaultConfiguration", {{"level", level_of(r.severity)}}},
                        {"properties", std::move(props)}};
}

json::object load_rule_json(Lang L) {
    const bool ja = L == Lang::ja;
    Text title{"入力を読めない（確認できない）", "Input could not be read (not checked)"};
    Text expl{"ファイルを読めない、XMLとして正しくない、形式に合わないなどの理由で確認できなかったファイルです。"
              "メッセージの位置と期待される内容に従って直してください。確認できないファイルは合格になりません（終了コード2）。",
              "The file could not be checked: it is unreadable, not well-formed XML, or does not follow the format. "
              "Fix it at the location given, as the message's expectation says. A file that could not be checked never "
              "passes (exit code 2)."};
    return json::object{{"id", load_rule_id},
                        {"name", "InputCouldNotBeRead"},
                        {"shortDescription", message(title.in(L), L)},
                        {"fullDescription", message(expl.in(L), L)},
                        {"help", {{"text", expl.in(L)}, {"markdown", expl.in(L)}}},
                        {"defaultConfiguration", {{"level", "error"}}},
                        {"properties", {{"citation", ja ? "—（入力の形式）" : "— (input format)"}, {"section", "input"}}}};
}

json::object notification_descriptor(std::string_view id, std::string_view name, const Text& title, std::string_view level,
                                     Lang L) {
    return json::object{{"id", id},
                        {"name", name},
                        {"shortDescription", message(title.in(L), L)},
                        {"defaultConfiguration", {{"level", level}}}};
}

std::string diag_text(const Diagnostic& d, Lang L) {
    std::string s = d.message.in(L);
    if (!d.expected.empty()) s += L == Lang::ja ? "（期待: " + d.expected.ja + "）" : " (expected: " + d.expected.en + ")";
    return s;
}

std::string write_sarif(const RunReport& run, const WriteContext& c) {
    const Lang L = c.lang;
    const bool ja = L == Lang::ja;

    json::array rules;
    std::map<std::string, std::size_t, std::less<>> rule_index;
    for (const auto& r : all_rules()) {
        rule_index.emplace(std::string(r.id), rules.size());
        rules.push_back(rule_json(r, L));
    }
    const std::size_t load_index = rules.size();
    rules.push_back(load_rule_json(L));

    json::array notifications;
    notifications.push_back(notification_descriptor(
        waiver_problem_code(WaiverProblem::expired), "ExpiredWaiver", Text{"期限切れの免除", "Expired waiver"}, "warning", L));
    notifications.push_back(notification_descriptor(
        waiver_problem_code(WaiverProblem::unmatched), "UnmatchedWaiver", Text{"該当のない免除", "Waiver that matches nothing"}, "warning", L));
    notifications.push_back(notification_descriptor("input", "InputNotChecked", Text{"確認できない入力", "Input that could not be checked"}, "error", L));

    json::object driver{{"name", "ahaki-check"},
                        {"version", tool_version},
                        {"semanticVersion", tool_version},
                        {"informationUri", information_uri},
                        {"language", ja ? "ja-JP" : "en-US"},
                        {"rules", std::move(rules)},
                        {"notifications", std::move(notifications)}};

    json::array artifacts, results;
    for (std::size_t fi = 0; fi < run.files.size(); ++fi) {
        const auto& f = run.files[fi];
        std::string uri = report::artifact_uri(f.path);
        json::object art{{"location", {{"uri", uri}}}, {"mimeType", "application/xml"}, {"roles", json::array{"analysisTarget"}}};
        json::object props{{"verdict", verdict_code(f.verdict())}};
        if (!f.encoding.empty()) art["encoding"] = f.encoding;
        if (!f.standard_id.empty()) props["standard"] = f.standard_id;
        if (f.type) props["facilityType"] = info(*f.type).code;
        art["properties"] = std::move(props);
        artifacts.push_back(std::move(art));

        for (const auto& d : f.errors) {
            json::object r{{"ruleId", load_rule_id},
                           {"ruleIndex", load_index},
                           {"kind", "fail"},
                           {"level", "error"},
                           {"message", message(diag_text(d, L), L)},
                           {"locations", json::array{location(uri, fi, d.loc)}}};
            results.push_back(std::move(r));
        }
        for (const auto& o : f.outcomes)
            for (const auto& fd : o.findings) {
                json::object r{{"ruleId", fd.rule_id}};
                if (auto it = rule_index.find(fd.rule_id); it != rule_index.end()) r["ruleIndex"] = it->second;
                bool fail = fd.severity == Severity::error || fd.severity == Severity::warning;
                r["kind"] = fail ? "fail" : fd.severity == Severity::review ? "review" : "informational";
                r["level"] = fail ? level_of(fd.severity) : "none";
                std::string text = fd.message.in(L);
                for (const auto& n : fd.notes) text += (ja ? " " : " ") + n.in(L);
                r["message"] = message(text, L);
                const Loc& loc = fd.loc.known() || !fd.loc.path.empty() ? fd.loc : o.loc;
                r["locations"] = json::array{location(uri, fi, loc)};
                r["partialFingerprints"] = {{"ahakiRequirement/v1", fd.rule_id + "|" + o.scope + "|" + loc.path}};
                json::object props{{"severity", severity_code(fd.severity)},
                                   {"citation", fd.citation},
                                   {"scope", o.scope},
                                   {"requirementStatus", status_code(o.status)},
                                   {"requirementBasis", basis_code(o.basis)}};
                if (!fd.measured.empty()) props["measured"] = value_json(fd.measured, L);
                if (!fd.required.empty()) props["required"] = value_json(fd.required, L);
                r["properties"] = std::move(props);
                if (fd.waiver_reason) {
                    json::object s{{"kind", "external"}, {"status", "accepted"}, {"justification", *fd.waiver_reason}};
                    json::object sp{{"waiverId", fd.waiver_id.value_or("")}};
                    if (run.waivers && fd.waiver_id)
                        if (const Waiver* w = run.waivers->find(*fd.waiver_id)) {
                            sp["expires"] = w->expires.str();
                            if (!w->approver.empty()) sp["approver"] = w->approver;
                            s["location"] = location(report::artifact_uri(run.waivers->file), std::nullopt, w->loc);
                        }
                    s["properties"] = std::move(sp);
                    r["suppressions"] = json::array{std::move(s)};
                }
                results.push_back(std::move(r));
            }
    }

    json::array config_notes, exec_notes;
    for (const auto& n : run.waiver_notices) {
        json::object note{{"descriptor", {{"id", waiver_problem_code(n.problem)}, {"index", n.problem == WaiverProblem::expired ? 0 : 1}}},
                          {"level", "warning"},
                          {"message", message(n.message.in(L), L)},
                          {"locations", json::array{location(report::artifact_uri(n.waiver_file), std::nullopt, n.loc)}}};
        if (auto it = rule_index.find(n.rule); it != rule_index.end())
            note["associatedRule"] = {{"id", n.rule}, {"index", it->second}};
        config_notes.push_back(std::move(note));
    }
    for (const auto& d : run.run_errors)
        exec_notes.push_back(json::object{{"descriptor", {{"id", "input"}, {"index", 2}}},
                                          {"level", "error"},
                                          {"message", message(diag_text(d, L), L)},
                                          {"locations", json::array{location(report::artifact_uri(d.file), std::nullopt, d.loc)}}});
    RunTotals totals = run_totals(run);
    json::object invocation{{"executionSuccessful", run.run_errors.empty() && totals.load_errors == 0}};
    if (!config_notes.empty()) invocation["toolConfigurationNotifications"] = std::move(config_notes);
    if (!exec_notes.empty()) invocation["toolExecutionNotifications"] = std::move(exec_notes);

    json::object run_json{{"tool", {{"driver", std::move(driver)}}},
                          {"invocations", json::array{std::move(invocation)}},
                          {"language", ja ? "ja-JP" : "en-US"},
                          {"columnKind", "unicodeCodePoints"},
                          {"artifacts", std::move(artifacts)},
                          {"results", std::move(results)},
                          {"properties", {{"summary", summary_json(totals)}, {"complete", run.complete}}}};
    json::object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", json::array{std::move(run_json)}}};
    return json::serialize(root) + "\n";
}

}  // namespace

std::string sarif_format(const RunReport& run, const WriteContext& c) { return write_sarif(run, c); }

}  // namespace ahaki
