// GitHub Actions: workflow-command annotations (`github`) and a markdown job
// summary (`github-summary`).
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
// (50 per job) and drops the rest silently. So `github` emits at most
// github_annotations_per_kind of each kind, in report order (files that could
// not be read and waiver problems first, then findings file by file, rule by
// rule), and prints every other finding as a plain log line. The summary counts
// what was not annotated and lists every finding.
// Kinds: error -> ::error, warning -> ::warning, review / info / waived -> ::notice.
// Use: --format github --format github-summary=$GITHUB_STEP_SUMMARY
#include "report/common.hpp"
#include "report/escape.hpp"
#include "report/formats.hpp"
#include "report/github.hpp"

namespace ahaki {
namespace {

enum Kind { k_error, k_warning, k_notice };
constexpr const char* kind_names[] = {"error", "warning", "notice"};

Kind kind_of(const Finding& f) {
    if (f.waiver_reason) return k_notice;
    switch (f.severity) {
        case Severity::error: return k_error;
        case Severity::warning: return k_warning;
        case Severity::review: case Severity::info: return k_notice;
    }
    return k_error;
}

struct Annotation {
    Kind kind;
    std::string file;
    Loc loc;
    std::string title;
    std::string message;
    std::string plain;  ///< the line printed instead when over the cap
};

/// Annotations in emission order, for both writers.
std::vector<Annotation> annotations(const RunReport& run, Lang L) {
    std::vector<Annotation> out;
    // Every string from input is escaped (escape::shown) before it is put in a
    // line: a newline, "::" or a control character from input cannot start or
    // forge a workflow command. diagnostic_line, finding_line and
    // waiver_notice_line escape what they quote.
    using escape::max_message;
    using escape::shown;
    for (const auto& d : run.run_errors)
        out.push_back({k_error, d.file, d.loc, "LOAD", diagnostic_line(d, L), diagnostic_line(d, L)});
    for (const auto& f : run.files)
        for (const auto& d : f.errors) {
            std::string msg = shown(d.message.in(L), max_message);
            if (!d.expected.empty())
                msg += L == Lang::ja ? "（期待: " + shown(d.expected.ja, max_message) + "）"
                                     : " (expected: " + shown(d.expected.en, max_message) + ")";
            if (!d.loc.cell.empty()) msg = shown(d.loc.cell, max_message) + ": " + msg;  // the sheet cell, which line/col alone cannot say
            out.push_back({k_error, f.path, d.loc, "LOAD", msg, diagnostic_line(d, L)});
        }
    for (const auto& n : run.waiver_notices)
        out.push_back({k_warning, n.waiver_file, n.loc, std::string(waiver_problem_code(n.problem)) + " " + shown(n.waiver_id),
                       shown(n.message.in(L), max_message), report::waiver_notice_line(n, L)});
    for (const auto& f : run.files)
        for (const auto& o : f.outcomes)
            for (const auto& fd : o.findings) {
                std::string title = fd.rule_id;
                if (!fd.citation.empty()) {  // two appends: GCC 12 warns (-Wrestrict) on `" " + std::string&&`
                    title += ' ';
                    title += shown(fd.citation);
                }
                std::string msg = shown(fd.message.in(L), max_message);
                for (const auto& n : fd.notes) {  // two appends: GCC 12 warns (-Wrestrict) on `"\n" + std::string&&`
                    msg += '\n';
                    msg += shown(n.in(L), max_message);
                }
                if (fd.waiver_reason) {
                    title += L == Lang::ja ? "（免除）" : " (waived)";
                    msg += '\n';
                    msg += report::waiver_mark(fd, L);
                }
                const Loc& loc = fd.loc.known() ? fd.loc : o.loc;
                if (!loc.cell.empty()) msg = loc.cell + ": " + msg;  // the sheet cell, which line/col alone cannot say
                out.push_back({kind_of(fd), f.path, loc, title, msg, report::finding_line(f.path, fd, L)});
            }
    return out;
}

std::string md_cell(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '|': out += "\\|"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '`': out += "\\`"; break;
            case '*': out += "\\*"; break;
            case '_': out += "\\_"; break;
            case '[': out += "\\["; break;
            case ']': out += "\\]"; break;
            case '\r': break;
            case '\n': out += "<br>"; break;
            default: out += ch;
        }
    }
    return out;
}

std::string md_code(std::string_view s) {
    std::string out = "<code>";
    out += md_cell(s);
    out += "</code>";
    return out;
}

const char* verdict_icon(Verdict v) {
    switch (v) {
        case Verdict::compliant: return "✅";
        case Verdict::non_compliant: return "❌";
        case Verdict::needs_review: return "⚠️";
        case Verdict::partially_checked: return "☑️";
        case Verdict::invalid: return "⛔";
    }
    return "";
}

}  // namespace

std::string github_escape_data(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string github_escape_property(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

GithubCounts github_counts(const RunReport& run) {
    GithubCounts c;
    std::size_t per_kind[3] = {0, 0, 0};
    for (const auto& a : annotations(run, Lang::en)) {
        ++c.total;
        if (per_kind[a.kind] < github_annotations_per_kind) {
            ++per_kind[a.kind];
            ++c.annotated;
        }
    }
    return c;
}

std::string write_github(const RunReport& run, const WriteContext& c) {
    std::string out, rest;
    std::size_t per_kind[3] = {0, 0, 0};
    for (const auto& a : annotations(run, c.lang)) {
        if (per_kind[a.kind] >= github_annotations_per_kind) {
            rest += a.plain + "\n";
            continue;
        }
        ++per_kind[a.kind];
        out += "::";
        out += kind_names[a.kind];
        out += " file=" + github_escape_property(escape::shown(report::normal_path(a.file)));
        if (a.loc.known()) {
            out += ",line=" + std::to_string(a.loc.line);
            if (a.loc.column > 0) out += ",col=" + std::to_string(a.loc.column);
        }
        out += ",title=" + github_escape_property(a.title);
        out += "::" + github_escape_data(a.message) + "\n";
    }
    if (!rest.empty()) {
        GithubCounts gc = github_counts(run);
        std::size_t left = gc.total - gc.annotated;
        out += c.lang == Lang::ja
                   ? "ahaki-check: 次の " + std::to_string(left) + " 件は注釈にしていません（GitHub は1ステップに種類ごと " +
                         std::to_string(github_annotations_per_kind) + " 件までしか表示しません）\n"
                   : "ahaki-check: the following " + std::to_string(left) + " findings were not annotated (GitHub shows at most " +
                         std::to_string(github_annotations_per_kind) + " annotations of each kind per step)\n";
        out += rest;
    }
    return out;
}

std::string write_github_summary(const RunReport& run, const WriteContext& c) {
    const Lang L = c.lang;
    const bool ja = L == Lang::ja;
    RunTotals t = run_totals(run);
    GithubCounts gc = github_counts(run);
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string s;
    s += ja ? "## ahaki-check: " + n(t.files) + " ファイル\n\n" : "## ahaki-check: " + n(t.files) + " file(s)\n\n";
    s += ja ? "適合 " + n(t.verdicts[0]) + "、不適合 " + n(t.verdicts[1]) + "、要確認 " + n(t.verdicts[2]) + "、一部未確認 " +
                  n(t.verdicts[3]) + "、入力エラー " + n(t.verdicts[4]) + "\n\n"
            : n(t.verdicts[0]) + " compliant, " + n(t.verdicts[1]) + " non-compliant, " + n(t.verdicts[2]) + " need review, " +
                  n(t.verdicts[3]) + " partially checked, " + n(t.verdicts[4]) + " invalid\n\n";
    s += ja ? "指摘: エラー " + n(t.findings[0]) + "、警告 " + n(t.findings[1]) + "、要確認 " + n(t.findings[2]) + "、情報 " +
                  n(t.findings[3]) + "（免除 " + n(t.waived) + "）\n\n"
            : "Findings: " + n(t.findings[0]) + " error, " + n(t.findings[1]) + " warning, " + n(t.findings[2]) + " review, " +
                  n(t.findings[3]) + " info (" + n(t.waived) + " waived)\n\n";
    if (gc.total > gc.annotated) {
        std::size_t left = gc.total - gc.annotated;
        s += ja ? "> [!WARNING]\n> " + n(left) + " 件の指摘は注釈にしていません。GitHub は1ステップに error・warning・notice を各 " +
                      n(github_annotations_per_kind) + " 件（1ジョブに50件）までしか表示しないためです。下の一覧とログにすべてあります。\n\n"
                : "> [!WARNING]\n> " + n(left) + " findings were not annotated: GitHub shows at most " +
                      n(github_annotations_per_kind) +
                      " error, warning and notice annotations each per step (50 per job). All of them are listed below and in the log.\n\n";
    } else {
        s += ja ? "すべての指摘を注釈にしました（" + n(gc.annotated) + " 件）。\n\n"
                : "Every finding was annotated (" + n(gc.annotated) + ").\n\n";
    }

    s += ja ? "| ファイル | 判定 | エラー | 警告 | 要確認 | 免除 | 要件 適合/不適合/要確認/未確認 |\n"
            : "| File | Verdict | Errors | Warnings | Review | Waived | Requirements ok/failed/review/not checked |\n";
    s += "|---|---|--:|--:|--:|--:|---|\n";
    for (const auto& f : run.files) {
        Verdict v = f.verdict();
        auto cnt = f.counts();
        auto sc = f.status_counts();
        std::size_t waived = 0;
        for (const auto& o : f.outcomes)
            for (const auto& fd : o.findings) waived += fd.waiver_reason.has_value();
        s += "| " + md_code(escape::shown(f.path)) + " | " + verdict_icon(v) + " " + md_cell(verdict_text(v).in(L)) + " | " + n(cnt[0]) +
             " | " + n(cnt[1]) + " | " + n(cnt[2]) + " | " + n(waived) + " | " + n(sc[0]) + " / " + n(sc[1]) + " / " +
             n(sc[2]) + " / " + n(sc[3]) + " |\n";
    }
    s += "\n";

    auto all = annotations(run, L);
    if (!all.empty()) {
        // A step summary may hold 1 MiB; keep well below it.
        constexpr std::size_t max_rows = 500;
        s += "<details><summary>" + std::string(ja ? "すべての指摘" : "All findings") + " (" + n(all.size()) + ")</summary>\n\n";
        s += ja ? "| 場所 | 種類 | 規則 | メッセージ |\n" : "| Location | Kind | Rule | Message |\n";
        s += "|---|---|---|---|\n";
        std::size_t rows = 0;
        for (const auto& a : all) {
            if (rows++ == max_rows) break;
            s += "| " + md_code(location_prefix(a.file, a.loc)) + " | " + kind_names[a.kind] + " | " + md_cell(a.title) + " | " +
                 md_cell(a.message) + " |\n";
        }
        if (all.size() > max_rows)
            s += ja ? "\n残り " + n(all.size() - max_rows) + " 件はログか SARIF/JSON の報告を見てください。\n"
                    : "\n" + n(all.size() - max_rows) + " more: see the log or the SARIF/JSON report.\n";
        s += "\n</details>\n";
    }
    return s;
}

}  // namespace ahaki
