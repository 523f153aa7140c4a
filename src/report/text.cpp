#include <algorithm>
#include <cstdio>

#include "model/fold_width.hpp"
#include "report/common.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "report/text_parts.hpp"
#include "rules/format.hpp"

namespace ahaki {
namespace {

struct Style {
    bool on;
    std::string operator()(const char* code, const std::string& s) const {
        return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
    }
};

const char* severity_color(Severity s) {
    switch (s) {
        case Severity::error: return "1;31";
        case Severity::warning: return "1;33";
        case Severity::review: return "1;36";
        case Severity::info: return "1;34";
    }
    return "0";
}

const char* verdict_color(Verdict v) {
    switch (v) {
        case Verdict::compliant: return "1;32";
        case Verdict::non_compliant: case Verdict::invalid: return "1;31";
        case Verdict::needs_review: return "1;33";
        case Verdict::partially_checked: return "1;36";
    }
    return "0";
}

}  // namespace

// Every string from input in a text line goes through escape::shown (names,
// paths, reasons: capped at escape::max_shown bytes; messages, which quote
// them, at escape::max_message): nothing from input can break a line, forge a
// GitHub workflow command, send terminal escapes or reorder the line.
std::string location_prefix(const std::string& file, const Loc& loc) {
    if (!loc.known()) return escape::shown(file);
    // A cell of this workbook: 教育課程.xlsx:教育課程!E12
    if (!loc.cell.empty() && loc.cell.find(':') == std::string::npos) return escape::shown(file) + ":" + escape::shown(loc.cell);
    std::string s = escape::shown(file) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    // Imported from a sheet: school.xml:9:5（教育課程.xlsx:教育課程!C12）
    if (!loc.cell.empty()) s += "(" + escape::shown(loc.cell) + ")";
    return s;
}

std::string diagnostic_line(const Diagnostic& d, Lang lang) {
    std::string s = location_prefix(d.file, d.loc) + ": " + severity_text(Severity::error).in(lang) + ": " +
                    escape::shown(d.message.in(lang), escape::max_message);
    if (!d.expected.empty())
        s += lang == Lang::ja ? "（期待: " + escape::shown(d.expected.ja, escape::max_message) + "）"
                              : " (expected: " + escape::shown(d.expected.en, escape::max_message) + ")";
    return s;
}

namespace text_parts {

void run_errors(std::string& out, const RunReport& run, const TextOptions& opt) {
    Style st{opt.color};
    for (const auto& d : run.run_errors) out += st("1;31", diagnostic_line(d, opt.lang)) + "\n";
    for (const auto& n : run.waiver_notices) out += st("1;33", report::waiver_notice_line(n, opt.lang)) + "\n";
}

void file(std::string& out, const FileReport& f, const TextOptions& opt) {
    const Lang L = opt.lang;
    const bool ja = L == Lang::ja;
    Style st{opt.color};
    {
        Verdict v = f.verdict();
        using escape::shown;
        std::string head = shown(f.path) + ": " + st(verdict_color(v), verdict_text(v).in(L));
        if (f.type) {
            const auto& ti = info(*f.type);
            head += ja ? "（" + std::string(ti.ja) + "「" + shown(f.school_name, escape::max_message) + "」、基準 " + shown(f.standard_id) + "）"
                       : " (" + std::string(ti.en) + " \"" + shown(f.school_name, escape::max_message) + "\", standard " + shown(f.standard_id) + ")";
        } else if (!f.summary.empty()) {
            head += f.summary.heading.in(L);
        }
        std::size_t waived = 0;
        for (const auto& o : f.outcomes)
            for (const auto& fi : o.findings) waived += fi.waiver_reason.has_value();
        if (waived > 0) head += ja ? "［免除 " + std::to_string(waived) + " 件］" : " [" + std::to_string(waived) + " waived]";
        out += head + "\n";
        for (const auto& d : f.errors) out += diagnostic_line(d, L) + "\n";
        for (const auto& n : f.notices)  // a sheet read generously: filled-down cells, full-width digits, skipped rows
            out += location_prefix(n.file, n.loc) + ": " + (ja ? "注意: " : "note: ") + report::notice_text(n, L) + "\n";
        for (const auto& o : f.outcomes)
            for (const auto& fi : o.findings) {
                std::string sev = severity_text(fi.severity).in(L);
                out += location_prefix(f.path, fi.loc) + ": " + st(severity_color(fi.severity), sev) + ": " +
                       shown(fi.message.in(L), escape::max_message) + " [" + fi.rule_id + " " + shown(fi.citation) + "]";
                if (fi.waiver_reason)
                    out += ja ? "（免除: " + shown(*fi.waiver_reason) + "）" : " (waived: " + shown(*fi.waiver_reason) + ")";
                out += "\n";
                for (const auto& n : fi.notes) out += "    " + shown(n.in(L), escape::max_message) + "\n";
            }
        if (!f.errors.empty()) return;
        if (opt.summary_tables) {
            out += f.summary.text.in(L);  // a document kind's own section (empty for schools)
            for (const auto& c : f.courses) {
                out += ja ? "  課程 " + shown(c.id) + "（" + std::string(info(c.schedule).ja) + "、" + std::to_string(c.years) + "年、" +
                                std::to_string(c.subject_count) + "科目）\n"
                          : "  course " + shown(c.id) + " (" + std::string(info(c.schedule).en) + ", " + std::to_string(c.years) +
                                " years, " + std::to_string(c.subject_count) + " subjects)\n";
                // The area column as wide as its longest name (English names run longer than 36 columns).
                std::size_t area_w = 36;
                for (const auto& a : areas()) {
                    std::string n = report::area_name(a.value, f.type, L);
                    std::size_t w = display_width(n);
                    area_w = std::max(area_w, w + 2);
                }
                out += "    " + pad_right(ja ? "教育内容" : "area", area_w) + pad_left(ja ? "単位" : "units", 8) +
                       pad_left(ja ? "必要" : "min", 8) + pad_left(ja ? "時間" : "hours", 9) + "\n";
                for (const auto& row : c.areas) {
                    bool short_of = row.min_units && row.units < *row.min_units;
                    std::string line = "    " + pad_right(report::area_name(row.area, f.type, L), area_w) + pad_left(fmt::num(row.units), 8) +
                                       pad_left(row.min_units ? fmt::num(*row.min_units) : "?", 8) +
                                       pad_left(fmt::num(row.hours), 9);
                    if (short_of) line += "  " + st("1;31", ja ? "不足 " + fmt::num(*row.min_units - row.units)
                                                               : "short " + fmt::num(*row.min_units - row.units));
                    out += line + "\n";
                }
                std::string total = "    " + pad_right(ja ? "合計" : "total", area_w) + pad_left(fmt::num(c.total_units), 8) +
                                    pad_left(c.min_total_units ? fmt::num(*c.min_total_units) : "?", 8) +
                                    pad_left(fmt::num(c.total_hours), 9);
                if (c.min_total_hours)
                    total += ja ? "  （必要 " + fmt::num(*c.min_total_hours) + "時間）" : "  (min " + fmt::num(*c.min_total_hours) + " hours)";
                out += total + "\n";
            }
        }
        auto sc = f.status_counts();
        out += ja ? "  要件: 適合 " + std::to_string(sc[0]) + "、不適合 " + std::to_string(sc[1]) + "、要確認 " +
                        std::to_string(sc[2]) + "、未確認 " + std::to_string(sc[3]) + "\n"
                  : "  requirements: " + std::to_string(sc[0]) + " compliant, " + std::to_string(sc[1]) + " non-compliant, " +
                        std::to_string(sc[2]) + " need review, " + std::to_string(sc[3]) + " not checked\n";
        // Declared requirements (issue 10, item 6): the count, and each one with the evidence to see.
        if (std::size_t d = report::declared_compliant(f)) {
            out += ja ? "  適合のうち申告によるもの " + std::to_string(d) + " 件（次の書類で確認してください）:\n"
                      : "  of the compliant requirements, " + std::to_string(d) + " rest on the school's declaration (see):\n";
            for (const auto& o : f.outcomes)
                if (o.basis == Basis::declared && o.status == Status::compliant)
                    out += "    [" + o.rule_id + "] " + o.label.in(L) + (ja ? ": " : ": ") + o.evidence.in(L) + "\n";
        }
    }
}

void totals(std::string& out, std::size_t files, const std::array<std::size_t, 5>& verdicts, bool run_errors,
            const TextOptions& opt) {
    const bool ja = opt.lang == Lang::ja;
    if (files > 1 || run_errors) {
        out += ja ? "合計 " + std::to_string(files) + " ファイル: 適合 " + std::to_string(verdicts[0]) + "、不適合 " +
                        std::to_string(verdicts[1]) + "、要確認 " + std::to_string(verdicts[2]) + "、一部未確認 " +
                        std::to_string(verdicts[3]) + "、入力エラー " + std::to_string(verdicts[4]) + "\n"
                  : fmt::count_of(files, "file", "files") + ": " + std::to_string(verdicts[0]) + " compliant, " +
                        std::to_string(verdicts[1]) + " non-compliant, " + std::to_string(verdicts[2]) + " need review, " +
                        std::to_string(verdicts[3]) + " partially checked, " + std::to_string(verdicts[4]) + " invalid\n";
    }
}

}  // namespace text_parts

std::string write_text(const RunReport& run, const TextOptions& opt) {
    std::string out;
    text_parts::run_errors(out, run, opt);
    std::array<std::size_t, 5> verdicts{};
    for (const auto& f : run.files) {
        ++verdicts[static_cast<std::size_t>(f.verdict())];
        text_parts::file(out, f, opt);
    }
    if (run.waivers) text_parts::waivers_line(out, run, run_totals(run).waived, opt);
    text_parts::totals(out, run.files.size(), verdicts, !run.run_errors.empty(), opt);
    return out;
}

namespace text_parts {

void waivers_line(std::string& out, const RunReport& run, std::size_t waived, const TextOptions& opt) {
    if (!run.waivers) return;
    {
        const bool ja = opt.lang == Lang::ja;
        out += ja ? "免除: " + std::to_string(waived) + " 件の指摘に適用（" + escape::shown(run.waivers->file) + "、期限切れ・該当なし " +
                        std::to_string(run.waiver_notices.size()) + " 件）\n"
                  : "waivers: applied to " + std::to_string(waived) + " finding(s) (" + escape::shown(run.waivers->file) + ", " +
                        std::to_string(run.waiver_notices.size()) + " expired or unmatched)\n";
    }
}

}  // namespace text_parts

}  // namespace ahaki
