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
#include "report/escape.hpp"
#include "report/json_parts.hpp"
#include "report/stream.hpp"
#include "report/formats.hpp"
#include "report/writers.hpp"

namespace ahaki {
namespace json = boost::json;
namespace {

constexpr const char* information_uri = "https://ahaki-check.invalid/";
constexpr std::string_view load_rule_id = "LOAD";
constexpr std::string_view notice_rule_id = "SHEET";  // a sheet's import notices (level "note")

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
    json::array logical;
    if (!loc.path.empty()) logical.push_back(json::object{{"fullyQualifiedName", loc.path}, {"kind", "element"}});
    // The spreadsheet cell (教育課程!E12, or the sheet a generated XML came from).
    if (!loc.cell.empty()) logical.push_back(json::object{{"fullyQualifiedName", loc.cell}, {"kind", "member"}});
    if (!logical.empty()) l["logicalLocations"] = std::move(logical);
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

/// The descriptor of a sheet's import notices (filled-down cells, full-width digits, skipped rows, corrected names).
json::object notice_rule_json(Lang L) {
    Text title{"表の読み方の注意", "How the sheet was read"};
    Text expl{"表（.xlsx / .csv）を読むときに補ったこと（結合セル・空欄の値を上の行から使った、全角数字を半角として読んだ、集計の行を読み飛ばした、"
              "名前を読み替えた）です。指摘ではありませんが、読み方が表の意図どおりか確かめてください。",
              "What was supplied while reading a sheet (.xlsx / .csv): merged or blank cells filled from the row above, full-width "
              "digits read as ASCII, summary rows skipped, names read as another spelling. Not a finding, but check the sheet "
              "was read as meant."};
    return json::object{{"id", notice_rule_id},
                        {"name", "SheetReadNotice"},
                        {"shortDescription", message(title.in(L), L)},
                        {"fullDescription", message(expl.in(L), L)},
                        {"help", {{"text", expl.in(L)}, {"markdown", expl.in(L)}}},
                        {"defaultConfiguration", {{"level", "note"}}},
                        {"properties", {{"citation", L == Lang::ja ? "—（入力の形式）" : "— (input format)"}, {"section", "input"}}}};
}

/// GitHub code scanning requires fullDescription and help on every descriptor, notifications too (GH2012).
json::object notification_descriptor(std::string_view id, std::string_view name, const Text& title, const Text& explanation,
                                     std::string_view level, Lang L) {
    return json::object{{"id", id},
                        {"name", name},
                        {"shortDescription", message(title.in(L), L)},
                        {"fullDescription", message(explanation.in(L), L)},
                        {"help", {{"text", explanation.in(L)}, {"markdown", explanation.in(L)}}},
                        {"defaultConfiguration", {{"level", level}}}};
}

std::string diag_text(const Diagnostic& d, Lang L) {
    std::string s = d.message.in(L);
    if (!d.expected.empty()) s += L == Lang::ja ? "（期待: " + d.expected.ja + "）" : " (expected: " + d.expected.en + ")";
    return s;
}

/// The rule table and the rule ids' indexes in it.
struct Rules {
    json::array rules;
    std::map<std::string, std::size_t, std::less<>> index;
    std::size_t load_index = 0;
    std::size_t notice_index = 0;  ///< SHEET: what a sheet's import read generously
    explicit Rules(Lang L) {
        for (const auto& r : all_rules()) {
            index.emplace(std::string(r.id), rules.size());
            rules.push_back(rule_json(r, L));
        }
        load_index = rules.size();
        rules.push_back(load_rule_json(L));
        notice_index = rules.size();
        rules.push_back(notice_rule_json(L));
    }
};

/// The artifact of file number `fi` and its results (appended to `results`).
json::object file_parts(const FileReport& f, std::size_t fi, const RunReport& run, const Rules& rules, Lang L, json::array& results) {
    const bool ja = L == Lang::ja;
    std::string uri = report::artifact_uri(f.path);
    json::object art{{"location", {{"uri", uri}}}, {"mimeType", "application/xml"}, {"roles", json::array{"analysisTarget"}}};
    json::object props{{"verdict", verdict_code(f.verdict())}};
    if (!f.encoding.empty()) art["encoding"] = f.encoding;
    if (!f.standard_id.empty()) props["standard"] = f.standard_id;
    if (f.type) props["facilityType"] = info(*f.type).code;
    art["properties"] = std::move(props);

    for (const auto& d : f.errors) {
        json::object r{{"ruleId", load_rule_id},
                       {"ruleIndex", rules.load_index},
                       {"kind", "fail"},
                       {"level", "error"},
                       {"message", message(diag_text(d, L), L)},
                       {"locations", json::array{location(uri, fi, d.loc)}}};
        results.push_back(std::move(r));
    }
    for (const auto& d : f.notices)
        results.push_back(json::object{{"ruleId", notice_rule_id},
                                       {"ruleIndex", rules.notice_index},
                                       {"kind", "informational"},
                                       {"level", "note"},
                                       {"message", message(d.message.in(L), L)},
                                       {"locations", json::array{location(uri, fi, d.loc)}}});
    for (const auto& o : f.outcomes)
        for (const auto& fd : o.findings) {
            json::object r{{"ruleId", fd.rule_id}};
            if (auto it = rules.index.find(fd.rule_id); it != rules.index.end()) r["ruleIndex"] = it->second;
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
    return art;
}

/// Everything before the artifacts: root, tool (with the rules), invocations.
/// `load_errors`: diagnostics of the files that could not be checked.
json::object run_head(const RunReport& run, const Rules& rules, std::size_t load_errors, Lang L) {
    const bool ja = L == Lang::ja;
    json::array notifications;
    notifications.push_back(notification_descriptor(
        waiver_problem_code(WaiverProblem::expired), "ExpiredWaiver", Text{"期限切れの免除", "Expired waiver"},
        Text{"免除ファイルの免除が期限を過ぎているため適用していません。免除された指摘は通常の指摘に戻ります。期限を更新するか、免除を削除してください。",
             "A waiver of the waiver file has expired and no longer applies: the findings it waived count again. Renew its expiry or remove it."},
        "warning", L));
    notifications.push_back(notification_descriptor(
        waiver_problem_code(WaiverProblem::unmatched), "UnmatchedWaiver", Text{"該当のない免除", "Waiver that matches nothing"},
        Text{"免除ファイルの免除がどの指摘にも当たりません。規則ID・対象ファイル・要素が正しいか確認し、不要なら削除してください。",
             "A waiver of the waiver file matches no finding: check its rule id, file and element, and remove it when it is no longer needed."},
        "warning", L));
    notifications.push_back(notification_descriptor(
        "input", "InputNotChecked", Text{"確認できない入力", "Input that could not be checked"},
        Text{"ファイルやディレクトリを読めないか、内容が形式に合わないため確認できませんでした（終了コード2）。メッセージの行・列を直してください。",
             "A file or directory could not be read, or its content does not follow the format, so it was not checked (exit code 2). Fix what the message points at."},
        "error", L));

    json::object driver{{"name", "ahaki-check"},
                        {"version", tool_version},
                        {"semanticVersion", tool_version},
                        {"informationUri", information_uri},
                        {"language", ja ? "ja-JP" : "en-US"},
                        {"rules", rules.rules},
                        {"notifications", std::move(notifications)}};
    json::array config_notes, exec_notes;
    for (const auto& n : run.waiver_notices) {
        json::object note{{"descriptor", {{"id", waiver_problem_code(n.problem)}, {"index", n.problem == WaiverProblem::expired ? 0 : 1}}},
                          {"level", "warning"},
                          {"message", message(n.message.in(L), L)},
                          {"locations", json::array{location(report::artifact_uri(n.waiver_file), std::nullopt, n.loc)}}};
        if (auto it = rules.index.find(n.rule); it != rules.index.end())
            note["associatedRule"] = {{"id", n.rule}, {"index", it->second}};
        config_notes.push_back(std::move(note));
    }
    for (const auto& d : run.run_errors)
        exec_notes.push_back(json::object{{"descriptor", {{"id", "input"}, {"index", 2}}},
                                          {"level", "error"},
                                          {"message", message(diag_text(d, L), L)},
                                          {"locations", json::array{location(report::artifact_uri(d.file), std::nullopt, d.loc)}}});
    json::object invocation{{"executionSuccessful", run.run_errors.empty() && load_errors == 0}};
    if (!config_notes.empty()) invocation["toolConfigurationNotifications"] = std::move(config_notes);
    if (!exec_notes.empty()) invocation["toolExecutionNotifications"] = std::move(exec_notes);
    return json::object{{"tool", {{"driver", std::move(driver)}}},
                        {"invocations", json::array{std::move(invocation)}},
                        {"language", ja ? "ja-JP" : "en-US"},
                        {"columnKind", "unicodeCodePoints"}};
}

/// The document up to the opening of the artifacts array.
std::string prefix(const json::object& head) {
    std::string h = json::serialize(head);
    h.pop_back();  // the closing brace: artifacts, results and properties follow
    return "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[" + h + ",\"artifacts\":[";
}

std::string suffix(const RunTotals& totals, bool complete) {
    return "],\"properties\":" + json::serialize(json::object{{"summary", summary_json(totals)}, {"complete", complete}}) + "}]}\n";
}

std::string write_sarif(const RunReport& run, const WriteContext& c) {
    const Lang L = c.lang;
    Rules rules(L);
    json::array artifacts, results;
    for (std::size_t fi = 0; fi < run.files.size(); ++fi) artifacts.push_back(file_parts(run.files[fi], fi, run, rules, L, results));
    RunTotals totals = run_totals(run);
    json::object run_json = run_head(run, rules, totals.load_errors, L);
    run_json["artifacts"] = std::move(artifacts);
    run_json["results"] = std::move(results);
    run_json["properties"] = {{"summary", summary_json(totals)}, {"complete", run.complete}};
    json::object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", json::array{std::move(run_json)}}};
    std::string out = json::serialize(root) + "\n";
    escape::repair_utf8(out, true);  // a file name that is not UTF-8: its bytes as \\xNN
    return out;
}

/// The artifacts and the results are spooled to two unnamed temporary files
/// while the run goes; the invocation (run errors, waiver notices, whether every
/// file was checked) and the totals are written around them at the end. A
/// fragment is rendered with a placeholder artifact index, set in input order
/// by append(): `"index":` followed by this number cannot occur inside a JSON
/// string (its quote would be escaped).
constexpr std::size_t placeholder_index = 999999999999999ull;
constexpr std::string_view placeholder_text = "\"index\":999999999999999";

class SarifStream final : public StreamWriter {
public:
    SarifStream(const WriteContext& c, ByteSink sink) : lang_(c.lang), rules_(c.lang), sink_(std::move(sink)) {}
    ~SarifStream() override {
        for (std::FILE* f : {artifacts_, results_})
            if (f) std::fclose(f);
    }
    bool begin(const RunReport& run) override {
        waivers_ = run.waivers;
        artifacts_ = std::tmpfile();
        results_ = std::tmpfile();
        return artifacts_ && results_;
    }
    Fragment render(const FileReport& f) const override {
        Fragment out;
        out.totals.add(f);
        out.counts[0] = f.errors.size();
        RunReport run;  // only the waivers are read
        run.waivers = waivers_;
        json::array results;
        out.bytes = json::serialize(file_parts(f, placeholder_index, run, rules_, lang_, results));
        for (const auto& r : results) {
            if (!out.second.empty()) out.second += ',';
            out.second += json::serialize(r);
        }
        escape::repair_utf8(out.bytes, true);
        escape::repair_utf8(out.second, true);
        return out;
    }
    bool append(Fragment&& fragment) override {
        if (!artifacts_ || !results_) return false;
        const std::string index = "\"index\":" + std::to_string(files_);
        for (std::string* part : {&fragment.bytes, &fragment.second})
            for (auto p = part->find(placeholder_text); p != std::string::npos; p = part->find(placeholder_text, p + index.size()))
                part->replace(p, placeholder_text.size(), index);
        bool ok = (files_ == 0 || std::fputc(',', artifacts_) != EOF) &&
                  std::fwrite(fragment.bytes.data(), 1, fragment.bytes.size(), artifacts_) == fragment.bytes.size();
        if (!fragment.second.empty()) {
            ok = ok && (!any_result_ || std::fputc(',', results_) != EOF) &&
                 std::fwrite(fragment.second.data(), 1, fragment.second.size(), results_) == fragment.second.size();
            any_result_ = true;
        }
        ++files_;
        load_errors_ += fragment.counts[0];
        totals_.add(fragment.totals);
        return ok;
    }
    bool end(const RunReport& run) override {
        RunTotals t;
        t.files = totals_.files;
        t.verdicts = totals_.verdicts;
        t.findings = totals_.findings;
        t.requirements = totals_.requirements;
        t.waived = totals_.waived;
        t.load_errors = load_errors_;
        std::string head = prefix(run_head(run, rules_, load_errors_, lang_));
        escape::repair_utf8(head, true);
        if (!sink_(head) || !copy(artifacts_) || !sink_("],\"results\":[") || !copy(results_)) return false;
        return sink_(suffix(t, run.complete));
    }

private:
    bool copy(std::FILE* f) {
        if (!f || std::fflush(f) != 0) return false;
        std::rewind(f);
        std::string buf(1 << 16, '\0');
        for (std::size_t got; (got = std::fread(buf.data(), 1, buf.size(), f)) > 0;)
            if (!sink_(std::string_view(buf.data(), got))) return false;
        return !std::ferror(f);
    }
    Lang lang_;
    Rules rules_;
    ByteSink sink_;
    const WaiverSet* waivers_ = nullptr;
    std::FILE* artifacts_ = nullptr;
    std::FILE* results_ = nullptr;
    std::size_t files_ = 0, load_errors_ = 0;
    bool any_result_ = false;
    json_parts::Totals totals_;
};

}  // namespace

std::string sarif_format(const RunReport& run, const WriteContext& c) { return write_sarif(run, c); }

std::unique_ptr<StreamWriter> make_sarif_stream(const WriteContext& c, ByteSink sink) {
    return std::make_unique<SarifStream>(c, std::move(sink));
}

}  // namespace ahaki
