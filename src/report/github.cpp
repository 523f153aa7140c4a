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
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "report/common.hpp"
#include "report/escape.hpp"
#include "report/json_parts.hpp"
#include "report/stream.hpp"
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

// Annotations in emission order, for both writers: run errors, the load errors
// of every file, waiver notices, then the findings file by file. In pieces, so
// the streaming writers can produce the same order (report/stream.cpp).
//
// Every string from input is escaped (escape::shown) before it is put in a
// line: a newline, "::" or a control character from input cannot start or
// forge a workflow command. diagnostic_line, finding_line and
// waiver_notice_line escape what they quote.
using escape::max_message;
using escape::shown;

void run_error_annotations(std::vector<Annotation>& out, const RunReport& run, Lang L) {
    for (const auto& d : run.run_errors)
        out.push_back({k_error, d.file, d.loc, "LOAD", diagnostic_line(d, L), diagnostic_line(d, L)});
}

void load_annotations(std::vector<Annotation>& out, const FileReport& f, Lang L) {
    for (const auto& d : f.errors) {
        std::string msg = shown(d.message.in(L), max_message);
        if (!d.expected.empty())
            msg += L == Lang::ja ? "（期待: " + shown(d.expected.ja, max_message) + "）"
                                 : " (expected: " + shown(d.expected.en, max_message) + ")";
        if (!d.loc.cell.empty()) msg = shown(d.loc.cell, max_message) + ": " + msg;  // the sheet cell, which line/col alone cannot say
        out.push_back({k_error, f.path, d.loc, "LOAD", msg, diagnostic_line(d, L)});
    }
}

/// What a sheet's import read generously, as notices (escaped like every annotation).
void notice_annotations(std::vector<Annotation>& out, const FileReport& f, Lang L) {
    for (const auto& d : f.notices) {
        std::string msg = report::notice_text(d, L);
        if (!d.loc.cell.empty()) msg = shown(d.loc.cell, max_message) + ": " + msg;
        out.push_back({k_notice, f.path, d.loc, "SHEET", msg,
                       location_prefix(d.file, d.loc) + ": " + (L == Lang::ja ? "注意: " : "note: ") + report::notice_text(d, L)});
    }
}

void waiver_annotations(std::vector<Annotation>& out, const RunReport& run, Lang L) {
    for (const auto& n : run.waiver_notices)
        out.push_back({k_warning, n.waiver_file, n.loc, std::string(waiver_problem_code(n.problem)) + " " + shown(n.waiver_id),
                       shown(n.message.in(L), max_message), report::waiver_notice_line(n, L)});
}

void finding_annotations(std::vector<Annotation>& out, const FileReport& f, Lang L) {
    for (const auto& o : f.outcomes)
        for (const auto& fd : o.findings) {
            std::string title = fd.rule_id;
            if (!fd.citation.empty()) title.append(" ").append(shown(fd.citation));
            std::string msg = shown(fd.message.in(L), max_message);
            // Built with append(): GCC 12 warns falsely (-Wrestrict) on "\n" + string.
            for (const auto& n : fd.notes) msg.append("\n").append(shown(n.in(L), max_message));
            if (fd.waiver_reason) {
                title += L == Lang::ja ? "（免除）" : " (waived)";
                msg += '\n';
                msg += report::waiver_mark(fd, L);
            }
            const Loc& loc = fd.loc.known() ? fd.loc : o.loc;
            if (!loc.cell.empty()) msg = shown(loc.cell, max_message) + ": " + msg;  // the sheet cell
            out.push_back({kind_of(fd), f.path, loc, title, msg, report::finding_line(f.path, fd, L)});
        }
}

std::vector<Annotation> annotations(const RunReport& run, Lang L) {
    std::vector<Annotation> out;
    run_error_annotations(out, run, L);
    for (const auto& f : run.files) {
        load_annotations(out, f, L);
        notice_annotations(out, f, L);
    }
    waiver_annotations(out, run, L);
    for (const auto& f : run.files) finding_annotations(out, f, L);
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

namespace {

/// What the cap leaves of per-kind counts (the cap applies per kind, whatever the order).
GithubCounts counts_of(const std::array<std::size_t, 3>& per_kind) {
    GithubCounts c;
    for (std::size_t n : per_kind) {
        c.total += n;
        c.annotated += std::min(n, github_annotations_per_kind);
    }
    return c;
}

std::string command_line(const Annotation& a) {
    std::string out = "::";
    out += kind_names[a.kind];
    out += " file=" + github_escape_property(escape::shown(report::normal_path(a.file)));
    if (a.loc.known()) {
        out += ",line=" + std::to_string(a.loc.line);
        if (a.loc.column > 0) out += ",col=" + std::to_string(a.loc.column);
    }
    out += ",title=" + github_escape_property(a.title);
    out += "::" + github_escape_data(a.message) + "\n";
    return out;
}

std::string left_line(std::size_t left, Lang L) {
    return L == Lang::ja ? "ahaki-check: 次の " + std::to_string(left) + " 件は注釈にしていません（GitHub は1ステップに種類ごと " +
                               std::to_string(github_annotations_per_kind) + " 件までしか表示しません）\n"
                         : "ahaki-check: the following " + std::to_string(left) + " findings were not annotated (GitHub shows at most " +
                               std::to_string(github_annotations_per_kind) + " annotations of each kind per step)\n";
}

std::string n(std::size_t v) { return std::to_string(v); }

std::string summary_head(const json_parts::Totals& t, const GithubCounts& gc, Lang L) {
    const bool ja = L == Lang::ja;
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
    return s;
}

std::string file_row(const FileReport& f, Lang L) {
    Verdict v = f.verdict();
    auto cnt = f.counts();
    auto sc = f.status_counts();
    std::size_t waived = 0;
    for (const auto& o : f.outcomes)
        for (const auto& fd : o.findings) waived += fd.waiver_reason.has_value();
    return "| " + md_code(escape::shown(f.path)) + " | " + verdict_icon(v) + " " + md_cell(verdict_text(v).in(L)) + " | " + n(cnt[0]) +
           " | " + n(cnt[1]) + " | " + n(cnt[2]) + " | " + n(waived) + " | " + n(sc[0]) + " / " + n(sc[1]) + " / " + n(sc[2]) +
           " / " + n(sc[3]) + " |\n";
}

std::string md_row(const Annotation& a) {
    return "| " + md_code(location_prefix(a.file, a.loc)) + " | " + kind_names[a.kind] + " | " + md_cell(a.title) + " | " +
           md_cell(a.message) + " |\n";
}

// A step summary may hold 1 MiB; keep well below it.
constexpr std::size_t max_rows = 500;

/// The list of findings: the first max_rows rows of `total`.
std::string details(const std::vector<std::string>& rows, std::size_t total, Lang L) {
    const bool ja = L == Lang::ja;
    if (total == 0) return {};
    std::string s = "<details><summary>" + std::string(ja ? "すべての指摘" : "All findings") + " (" + n(total) + ")</summary>\n\n";
    s += ja ? "| 場所 | 種類 | 規則 | メッセージ |\n" : "| Location | Kind | Rule | Message |\n";
    s += "|---|---|---|---|\n";
    for (std::size_t i = 0; i < rows.size() && i < max_rows; ++i) s += rows[i];
    if (total > max_rows)
        s += ja ? "\n残り " + n(total - max_rows) + " 件はログか SARIF/JSON の報告を見てください。\n"
                : "\n" + n(total - max_rows) + " more: see the log or the SARIF/JSON report.\n";
    s += "\n</details>\n";
    return s;
}

std::array<std::size_t, 3> kinds_of(const std::vector<Annotation>& all) {
    std::array<std::size_t, 3> k{};
    for (const auto& a : all) ++k[a.kind];
    return k;
}

// Streaming: a file's annotations are rendered on the worker threads into
// records (kind, the command line, the plain line or the summary row), in two
// sections — load errors and findings — since every load error of the run comes
// before every finding. Records go to unnamed temporary files; end() replays them
// in the order of the whole-run writer, with the cap applied: the same bytes.
void put_record(std::string& out, Kind kind, std::string_view a, std::string_view b) {
    out += static_cast<char>(kind);
    for (std::string_view part : {a, b}) {
        std::uint64_t len = part.size();
        out.append(reinterpret_cast<const char*>(&len), sizeof len);
        out.append(part);
    }
}

struct Record {
    Kind kind;
    std::string a, b;
};

bool get_record(std::FILE* f, Record& r) {
    int k = std::fgetc(f);
    if (k == EOF) return false;
    r.kind = static_cast<Kind>(k);
    for (std::string* part : {&r.a, &r.b}) {
        std::uint64_t len = 0;
        if (std::fread(&len, sizeof len, 1, f) != 1) return false;
        part->resize(static_cast<std::size_t>(len));
        if (len && std::fread(part->data(), 1, part->size(), f) != part->size()) return false;
    }
    return true;
}

struct Spool {
    std::FILE* f = nullptr;
    Spool() : f(std::tmpfile()) {}
    ~Spool() {
        if (f) std::fclose(f);
    }
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;
    bool write(std::string_view b) { return f && std::fwrite(b.data(), 1, b.size(), f) == b.size(); }
    bool rewind() {
        if (!f || std::fflush(f) != 0) return false;
        std::rewind(f);
        return true;
    }
    bool copy_to(const ByteSink& sink) {
        if (!rewind()) return false;
        std::string buf(1 << 16, '\0');
        for (std::size_t got; (got = std::fread(buf.data(), 1, buf.size(), f)) > 0;)
            if (!sink(std::string_view(buf.data(), got))) return false;
        return !std::ferror(f);
    }
};

class GithubStream final : public StreamWriter {
public:
    GithubStream(const WriteContext& c, ByteSink sink, bool summary) : lang_(c.lang), sink_(std::move(sink)), summary_(summary) {}
    bool begin(const RunReport&) override { return loads_.f && findings_.f && rest_.f && rows_.f; }
    Fragment render(const FileReport& f) const override {
        Fragment out;
        out.totals.add(f);
        std::vector<Annotation> a;
        load_annotations(a, f, lang_);
        notice_annotations(a, f, lang_);
        for (const auto& x : a) put_record(out.bytes, x.kind, summary_ ? md_row(x) : command_line(x), x.plain + "\n");
        a.clear();
        finding_annotations(a, f, lang_);
        for (const auto& x : a) put_record(out.second, x.kind, summary_ ? md_row(x) : command_line(x), x.plain + "\n");
        if (summary_) out.third = file_row(f, lang_);
        return out;
    }
    bool append(Fragment&& fragment) override {
        totals_.add(fragment.totals);
        return loads_.write(fragment.bytes) && findings_.write(fragment.second) && (!summary_ || rows_.write(fragment.third));
    }
    bool end(const RunReport& run) override {
        std::vector<Annotation> before, between;
        run_error_annotations(before, run, lang_);
        waiver_annotations(between, run, lang_);
        return summary_ ? end_summary(before, between) : end_github(before, between);
    }

private:
    /// Calls each(kind, a, b) for every annotation, in the whole-run order.
    template <class Each>
    bool replay(const std::vector<Annotation>& before, const std::vector<Annotation>& between, Each&& each) {
        for (const auto& x : before) each(x.kind, summary_ ? md_row(x) : command_line(x), x.plain + "\n");
        Record r;
        if (!loads_.rewind()) return false;
        while (get_record(loads_.f, r)) each(r.kind, r.a, r.b);
        if (std::ferror(loads_.f)) return false;
        for (const auto& x : between) each(x.kind, summary_ ? md_row(x) : command_line(x), x.plain + "\n");
        if (!findings_.rewind()) return false;
        while (get_record(findings_.f, r)) each(r.kind, r.a, r.b);
        return !std::ferror(findings_.f);
    }

    bool end_github(const std::vector<Annotation>& before, const std::vector<Annotation>& between) {
        std::array<std::size_t, 3> per_kind{}, seen{};
        bool ok = true;
        std::string out;
        auto flush = [&] {
            if (out.size() < (1 << 16)) return;
            ok = ok && sink_(out);
            out.clear();
        };
        if (!replay(before, between, [&](Kind k, const std::string& line, const std::string& plain) {
                ++seen[k];
                if (per_kind[k] >= github_annotations_per_kind) {
                    ok = ok && rest_.write(plain);
                    return;
                }
                ++per_kind[k];
                out += line;
                flush();
            }))
            return false;
        GithubCounts gc = counts_of(seen);
        if (gc.total > gc.annotated) out += left_line(gc.total - gc.annotated, lang_);
        ok = ok && (out.empty() || sink_(out));
        return ok && (gc.total == gc.annotated || rest_.copy_to(sink_));
    }

    bool end_summary(const std::vector<Annotation>& before, const std::vector<Annotation>& between) {
        std::array<std::size_t, 3> seen{};
        std::vector<std::string> rows;
        std::size_t total = 0;
        if (!replay(before, between, [&](Kind k, const std::string& row, const std::string&) {
                ++seen[k];
                ++total;
                if (rows.size() < max_rows) rows.push_back(row);
            }))
            return false;
        if (!sink_(summary_head(totals_, counts_of(seen), lang_)) || !rows_.copy_to(sink_)) return false;
        return sink_("\n" + details(rows, total, lang_));
    }

    Lang lang_;
    ByteSink sink_;
    bool summary_;
    Spool loads_, findings_, rest_, rows_;
    json_parts::Totals totals_;
};

}  // namespace

std::unique_ptr<StreamWriter> make_github_stream(const WriteContext& c, ByteSink sink, bool summary) {
    return std::make_unique<GithubStream>(c, std::move(sink), summary);
}

GithubCounts github_counts(const RunReport& run) { return counts_of(kinds_of(annotations(run, Lang::en))); }

std::string write_github(const RunReport& run, const WriteContext& c) {
    std::string out, rest;
    std::size_t per_kind[3] = {0, 0, 0};
    auto all = annotations(run, c.lang);
    for (const auto& a : all) {
        if (per_kind[a.kind] >= github_annotations_per_kind) {
            rest += a.plain + "\n";
            continue;
        }
        ++per_kind[a.kind];
        out += command_line(a);
    }
    if (!rest.empty()) {
        GithubCounts gc = counts_of(kinds_of(all));
        out += left_line(gc.total - gc.annotated, c.lang);
        out += rest;
    }
    return out;
}

std::string write_github_summary(const RunReport& run, const WriteContext& c) {
    const Lang L = c.lang;
    json_parts::Totals t;
    for (const auto& f : run.files) t.add(f);
    auto all = annotations(run, L);
    std::string s = summary_head(t, counts_of(kinds_of(all)), L);
    for (const auto& f : run.files) s += file_row(f, L);
    s += "\n";
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < all.size() && i < max_rows; ++i) rows.push_back(md_row(all[i]));
    s += details(rows, all.size(), L);
    return s;
}

}  // namespace ahaki
