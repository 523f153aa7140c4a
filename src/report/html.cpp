// The report for people: one self-contained HTML file (inline CSS, inline SVG,
// no script, no network), Japanese or English, that prints cleanly on A4.
// Order on the page: the verdict and counts first (over all files, then per
// file), then every requirement with its clause, what was required, what the
// document has and the judgement, then the curriculum per course as a table
// and a bar chart of units per area against the minimums.
//
// Of the kept model (FileReport::school) only the courses and their subjects are
// used: a streamed run with checks across submissions reads the report back from
// its spool with just that much of it (engine/spool.cpp). Use more, spool more.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <tuple>

#include "report/escape.hpp"
#include "report/json_parts.hpp"
#include "report/plan_render.hpp"
#include "report/stream.hpp"
#include "report/common.hpp"
#include "report/report.hpp"
#include "rules/format.hpp"

namespace ahaki {

std::string html_escape(std::string_view s) {
    // escape::terminal first: a bidirectional override or isolate from input is
    // shown as \u202E text (inert: it cannot reorder the page), and control
    // characters and bytes that are not UTF-8 as \xNN.
    const std::string t = escape::terminal(s);
    std::string out;
    out.reserve(t.size() + t.size() / 8);
    for (char c : t) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

std::string esc(std::string_view s) { return html_escape(s); }

/// "1 error", "2 errors".
std::string fmt_count(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

struct Tr {
    Lang L;
    const std::string& operator()(const Text& t) const { return t.in(L); }
    std::string operator()(std::string_view ja, std::string_view en) const { return std::string(L == Lang::ja ? ja : en); }
};

const char* css = R"CSS(
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", "IPAexGothic", sans-serif;
       font-size: 10pt; line-height: 1.45; color: #1a1a1a; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 2px solid #333; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
p.meta, .meta { color: #555; font-size: 8.5pt; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eef0f3; font-weight: bold; }
thead { display: table-header-group; }
tr, .finding, .diag, svg, .verdict { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.file { break-before: page; page-break-before: always; }
.file.first { break-before: auto; page-break-before: auto; }
.verdict { display: flex; align-items: center; gap: 4mm; border: 2px solid; border-radius: 2mm; padding: 2mm 4mm; margin: 2mm 0 3mm; }
.verdict .word { font-size: 20pt; font-weight: bold; white-space: nowrap; }
.verdict .counts { font-size: 9.5pt; }
.v-compliant { border-color: #1b7f3b; background: #eaf6ee; } .v-compliant .word { color: #1b7f3b; }
.v-non-compliant, .v-invalid { border-color: #b3261e; background: #fdecea; } .v-non-compliant .word, .v-invalid .word { color: #b3261e; }
.v-needs-review { border-color: #a86400; background: #fff4e0; } .v-needs-review .word { color: #8a5200; }
.v-partially-checked { border-color: #2a5d9f; background: #e9f0fa; } .v-partially-checked .word { color: #2a5d9f; }
.badge { display: inline-block; border-radius: 1mm; padding: 0 1.2mm; font-size: 8pt; font-weight: bold; white-space: nowrap; border: 1px solid; }
.s-compliant { color: #1b7f3b; border-color: #1b7f3b; background: #eaf6ee; }
.s-declared { color: #5a4a00; border-color: #8a7300; background: #fbf6dc; border-style: dashed; }
.evidence { font-size: 0.9em; color: #5a4a00; }
.s-non-compliant, .sev-error { color: #fff; border-color: #b3261e; background: #b3261e; }
.s-needs-review, .sev-review { color: #8a5200; border-color: #a86400; background: #fff4e0; }
.sev-warning { color: #6b4b00; border-color: #c79100; background: #ffe9a8; }
.sev-info { color: #2a5d9f; border-color: #2a5d9f; background: #e9f0fa; }
.s-not-checked { color: #555; border-color: #888; background: #f2f2f2; }
.waived { color: #555; border-color: #777; background: #fff; border-style: dashed; }
tr.row-non-compliant td { background: #fff6f5; }
tr.row-needs-review td { background: #fffaf0; }
tr.row-not-checked td { color: #555; }
td.rule { white-space: nowrap; }
td.rule .cite { display: block; color: #555; font-size: 7.5pt; white-space: normal; }
.finding { margin: 0 0 1mm; }
.finding.is-waived .msg { text-decoration: line-through; text-decoration-color: #999; }
.finding .loc { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #444; }
.finding .note { display: block; color: #555; font-size: 7.5pt; margin-left: 3mm; }
.finding .waiver { display: block; color: #333; font-size: 7.5pt; margin-left: 3mm; }
.diag { border: 2px solid #b3261e; background: #fdecea; padding: 2mm 3mm; margin: 2mm 0; }
.diag .loc { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; }
.diag .expected { display: block; color: #333; }
ul.top { margin: 1mm 0 3mm; padding-left: 5mm; }
ul.top li { margin-bottom: 0.8mm; }
ul.top .finding { display: inline; }
ul.top .finding .note, ul.top .finding .waiver { margin-left: 0; }
.course { break-inside: avoid; page-break-inside: avoid; }
table.requirements td.nw { white-space: nowrap; }
td.short { color: #b3261e; font-weight: bold; }
.chart { width: 100%; height: auto; margin: 1mm 0 3mm; }
.chart text { font-family: inherit; font-size: 10px; fill: #1a1a1a; }
.chart .axis { stroke: #888; stroke-width: 0.5; }
.legend { font-size: 8pt; color: #444; }
footer { margin-top: 6mm; font-size: 7.5pt; color: #666; border-top: 1px solid #ccc; padding-top: 1mm; }
@media print { body { max-width: none; padding: 0; } }
section.plan table.plan td { font-size: 8pt; }
tr.by-hand td { background: #fffaf0; }
p.plan-total { font-weight: bold; margin: 1mm 0; font-size: 9pt; }
.curriculum-sheet h4 { font-size: 10pt; margin: 3mm 0 1mm; }
table.sheet { font-size: 7.5pt; line-height: 1.25; }
table.sheet th, table.sheet td { padding: 0.4mm 1.2mm; }
table.sheet td.area { font-weight: bold; background: #f6f7f9; width: 22%; }
table.sheet td.subtotal { background: #eef0f3; font-weight: bold; }
table.sheet .short, td.subtotal.short { color: #b3261e; }
tr.section th { background: #dde3ea; font-size: 9pt; }
tr.section .section-counts { float: right; font-weight: normal; font-size: 8pt; }
table.not-checked td.ids { font-size: 7.5pt; }
section.reviewer { break-inside: avoid; page-break-inside: avoid; }
table.reviewer th { width: 14%; }
table.reviewer td { width: 36%; }
table.reviewer td { height: 9mm; }
table.reviewer td.remarks { height: 24mm; }
)CSS";

const char* verdict_class(Verdict v) {
    switch (v) {
        case Verdict::compliant: return "v-compliant";
        case Verdict::non_compliant: return "v-non-compliant";
        case Verdict::needs_review: return "v-needs-review";
        case Verdict::partially_checked: return "v-partially-checked";
        case Verdict::invalid: return "v-invalid";
    }
    return "v-invalid";
}

std::string badge(const std::string& cls, const std::string& text) {
    return "<span class=\"badge " + cls + "\">" + esc(text) + "</span>";
}

std::string status_badge(Status s, Lang L) {
    return badge("s-" + std::string(status_code(s)), status_text(s).in(L));
}

/// A declared requirement gets its own badge (「適合（申告）」, dashed): never the same 適合 as a computed one.
std::string status_badge(Status s, Basis b, Lang L) {
    if (b != Basis::declared) return status_badge(s, L);
    return badge("s-" + std::string(status_code(s)) + " s-declared", status_text(s, b).in(L));
}

std::string severity_badge(Severity s, Lang L) {
    return badge("sev-" + std::string(severity_code(s)), severity_text(s).in(L));
}

/// "15単位以上" / "at least 15 units"; a text value as it is.
std::string value_text(const Value& v, Lang L) {
    if (v.empty()) return {};
    if (!v.number) return v.text.in(L);
    std::string n = fmt::with_unit(*v.number, v.unit).in(L);
    if (v.text.empty()) return n;
    return L == Lang::ja ? n + v.text.ja : v.text.en + " " + n;
}

/// A short value ("15単位以上") stays on one line; a long text may wrap.
std::string value_td(const Value& v, Lang L) {
    std::string text = value_text(v, L);
    std::size_t chars = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    return std::string(chars <= 16 ? "<td class=\"nw\">" : "<td>") + esc(text) + "</td>";
}

std::string loc_text(const Loc& loc, Lang L) {
    if (!loc.known()) return {};
    if (!loc.cell.empty() && loc.cell.find(':') == std::string::npos) return loc.cell;
    return L == Lang::ja ? std::to_string(loc.line) + "行" + std::to_string(loc.column) + "列"
                         : "line " + std::to_string(loc.line) + ", col " + std::to_string(loc.column);
}

std::string diagnostic_html(const Diagnostic& d, Lang L) {
    Tr t{L};
    std::string s = "<div class=\"diag\"><span class=\"loc\">" + esc(location_prefix(d.file, d.loc)) + "</span> " +
                    severity_badge(Severity::error, L) + " " + esc(d.message.in(L));
    if (!d.expected.empty()) s += "<span class=\"expected\">" + t("期待される内容: ", "expected: ") + esc(d.expected.in(L)) + "</span>";
    if (!d.loc.path.empty()) s += "<span class=\"expected meta\">" + esc(d.loc.path) + "</span>";
    return s + "</div>\n";
}

/// What a sheet's import read generously (filled-down cells, full-width digits, skipped rows, corrected names).
std::string notices_html(const FileReport& f, Lang L) {
    Tr t{L};
    const std::string n = std::to_string(f.notices.size());
    std::string s = "<details class=\"notices\" open><summary>" + t("表の読み方の注意（" + n + "件）", "How the sheet was read (" + n + ")") +
                    "</summary>\n<ul>\n";
    for (const auto& d : f.notices)
        s += "<li class=\"notice\"><span class=\"loc\">" + esc(location_prefix(d.file, d.loc)) + "</span> " + esc(d.message.in(L)) + "</li>\n";
    return s + "</ul></details>\n";
}

std::string finding_html(const Finding& f, Lang L) {
    Tr t{L};
    bool waived = f.waiver_reason.has_value();
    std::string s = "<div class=\"finding" + std::string(waived ? " is-waived" : "") + "\">";
    s += severity_badge(f.severity, L);
    if (waived) s += " " + badge("waived", t("免除", "waived"));
    if (f.loc.known()) s += " <span class=\"loc\">" + esc(loc_text(f.loc, L)) + "</span>";
    s += " <span class=\"msg\">" + esc(f.message.in(L)) + "</span>";
    for (const auto& n : f.notes) s += "<span class=\"note\">※ " + esc(n.in(L)) + "</span>";
    if (waived) {
        s += "<span class=\"waiver\">" + t("免除の理由: ", "waiver reason: ") + esc(*f.waiver_reason);
        if (f.waiver_id && !f.waiver_id->empty()) s += " (" + esc(*f.waiver_id) + ")";
        s += "</span>";
    }
    return s + "</div>";
}

std::string counts_text(const FileReport& f, Lang L) {
    auto c = f.counts();
    auto sc = f.status_counts();
    std::size_t waived = 0;
    for (const auto& o : f.outcomes)
        for (const auto& fi : o.findings)
            if (fi.waiver_reason) ++waived;
    std::string s;
    if (L == Lang::ja) {
        s = "指摘: エラー " + std::to_string(c[0]) + "、警告 " + std::to_string(c[1]) + "、要確認 " + std::to_string(c[2]) +
            "、情報 " + std::to_string(c[3]);
        if (waived) s += "（ほかに免除 " + std::to_string(waived) + "）";
        s += "<br>要件: 適合 " + std::to_string(sc[0]) + "、不適合 " + std::to_string(sc[1]) + "、要確認 " +
             std::to_string(sc[2]) + "、未確認 " + std::to_string(sc[3]) + "（計 " + std::to_string(f.outcomes.size()) + "）";
        if (std::size_t d = report::declared_compliant(f)) s += "<br>適合のうち申告によるもの " + std::to_string(d) + "（書類の確認が必要）";
    } else {
        s = "findings: " + fmt_count(c[0], "error", "errors") + ", " + fmt_count(c[1], "warning", "warnings") + ", " + std::to_string(c[2]) +
            " to review, " + std::to_string(c[3]) + " info";
        if (waived) s += " (and " + std::to_string(waived) + " waived)";
        s += "<br>requirements: " + std::to_string(sc[0]) + " compliant, " + std::to_string(sc[1]) + " non-compliant, " +
             std::to_string(sc[2]) + " need review, " + std::to_string(sc[3]) + " not checked (of " +
             std::to_string(f.outcomes.size()) + ")";
        if (std::size_t d = report::declared_compliant(f))
            s += "<br>of the compliant ones, " + std::to_string(d) + " rest on the school's declaration (documents to see)";
    }
    return s;
}

std::string school_line(const FileReport& f, Lang L) {
    if (!f.type) return {};
    const auto& ti = info(*f.type);
    std::string s = L == Lang::ja ? esc(f.school_name) + "（" + esc(ti.ja) + "）" : esc(f.school_name) + " (" + esc(ti.en) + ")";
    return s;
}

/// Horizontal bars: units per area against the minimum, then the total hours
/// against the minimum hours. Pure SVG, sized by viewBox so it scales to the page.
std::string chart_svg(const CourseSummary& c, Lang L, const std::optional<FacilityType>& type = std::nullopt) {
    Tr t{L};
    const int label_w = L == Lang::ja ? 215 : 200, bar_w = 380, value_w = 95, row_h = 18, top = 22;
    const int width = label_w + bar_w + value_w;
    const int rows = static_cast<int>(area_count);
    const int hours_top = top + rows * row_h + 16;
    const int height = hours_top + 2 * row_h + 22;
    Decimal scale_max = Decimal::from_int(1);
    for (const auto& r : c.areas) {
        scale_max = std::max(scale_max, r.units);
        if (r.min_units) scale_max = std::max(scale_max, *r.min_units);
    }
    auto x_of = [&](Decimal v, Decimal max) {
        double f = max.is_zero() ? 0.0 : std::clamp(v.to_double() / max.to_double(), 0.0, 1.0);
        return label_w + static_cast<int>(f * bar_w + 0.5);
    };
    std::string s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"" +
                    esc(t("教育内容ごとの単位数と必要単位数", "units per area against the minimum")) + "\">\n";
    s += "<title>" + esc(t("教育内容ごとの単位数（棒）と必要単位数（縦線）", "units per area (bars) and minimum (vertical lines)")) +
         "</title>\n";
    s += "<text x=\"" + std::to_string(label_w) + "\" y=\"12\">" +
         esc(t("単位数（棒）と必要単位数（黒線）", "units (bar) and minimum units (black line)")) + "</text>\n";
    s += "<line class=\"axis\" x1=\"" + std::to_string(label_w) + "\" y1=\"" + std::to_string(top - 3) + "\" x2=\"" +
         std::to_string(label_w) + "\" y2=\"" + std::to_string(top + rows * row_h) + "\"/>\n";
    int y = top;
    for (const auto& r : c.areas) {
        bool short_of = r.min_units && r.units < *r.min_units;
        int x_end = x_of(r.units, scale_max);
        const char* fill = !r.min_units ? "#8a8f98" : short_of ? "#b3261e" : "#2e7d4f";
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 12) + "\" text-anchor=\"end\">" +
             esc(report::area_name(r.area, type, L)) + "</text>\n";
        s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             std::to_string(x_end - label_w) + "\" height=\"" + std::to_string(row_h - 6) + "\" fill=\"" + fill + "\"/>\n";
        if (short_of) {  // the missing units, outlined, so the gap shows even in black and white
            int xm = x_of(*r.min_units, scale_max);
            s += "<rect x=\"" + std::to_string(x_end) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
                 std::to_string(xm - x_end) + "\" height=\"" + std::to_string(row_h - 6) +
                 "\" fill=\"#fdecea\" stroke=\"#b3261e\" stroke-dasharray=\"3 2\"/>\n";
        }
        if (r.min_units) {
            int xm = x_of(*r.min_units, scale_max);
            s += "<line x1=\"" + std::to_string(xm) + "\" y1=\"" + std::to_string(y + 1) + "\" x2=\"" + std::to_string(xm) +
                 "\" y2=\"" + std::to_string(y + row_h - 1) + "\" stroke=\"#000\" stroke-width=\"2\"/>\n";
        }
        std::string label = fmt::num(r.units) + " / " + (r.min_units ? fmt::num(*r.min_units) : std::string("?"));
        s += "<text x=\"" + std::to_string(label_w + bar_w + 6) + "\" y=\"" + std::to_string(y + 12) + "\"" +
             (short_of ? " fill=\"#b3261e\" font-weight=\"bold\"" : "") + ">" + esc(label) + "</text>\n";
        y += row_h;
    }
    // Hours: the course total against the minimum total hours, on their own scale.
    Decimal hmax = std::max(c.total_hours, c.min_total_hours.value_or(Decimal{}));
    if (hmax.is_zero()) hmax = Decimal::from_int(1);
    bool hours_short = c.min_total_hours && c.total_hours < *c.min_total_hours;
    s += "<text x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(hours_top - 4) + "\">" +
         esc(t("合計（棒）と必要数（黒線）", "totals (bar) and minimums (black line)")) + "</text>\n";
    s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(hours_top + 12) + "\" text-anchor=\"end\">" +
         esc(t("総時間数", "total hours")) + "</text>\n";
    s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(hours_top + 3) + "\" width=\"" +
         std::to_string(x_of(c.total_hours, hmax) - label_w) + "\" height=\"" + std::to_string(row_h - 6) + "\" fill=\"" +
         (hours_short ? "#b3261e" : c.min_total_hours ? "#2e7d4f" : "#8a8f98") + "\"/>\n";
    if (c.min_total_hours) {
        int xm = x_of(*c.min_total_hours, hmax);
        s += "<line x1=\"" + std::to_string(xm) + "\" y1=\"" + std::to_string(hours_top + 1) + "\" x2=\"" + std::to_string(xm) +
             "\" y2=\"" + std::to_string(hours_top + row_h - 1) + "\" stroke=\"#000\" stroke-width=\"2\"/>\n";
    }
    std::string hl = fmt::num(c.total_hours) + " / " + (c.min_total_hours ? fmt::num(*c.min_total_hours) : std::string("?"));
    s += "<text x=\"" + std::to_string(label_w + bar_w + 6) + "\" y=\"" + std::to_string(hours_top + 12) + "\"" +
         (hours_short ? " fill=\"#b3261e\" font-weight=\"bold\"" : "") + ">" + esc(hl) + "</text>\n";
    // Total units on the area scale would dwarf the rows; give it its own bar too.
    int ut = hours_top + row_h;
    Decimal umax = std::max(c.total_units, c.min_total_units.value_or(Decimal{}));
    if (umax.is_zero()) umax = Decimal::from_int(1);
    bool units_short = c.min_total_units && c.total_units < *c.min_total_units;
    s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(ut + 12) + "\" text-anchor=\"end\">" +
         esc(t("総単位数", "total units")) + "</text>\n";
    s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(ut + 3) + "\" width=\"" +
         std::to_string(x_of(c.total_units, umax) - label_w) + "\" height=\"" + std::to_string(row_h - 6) + "\" fill=\"" +
         (units_short ? "#b3261e" : c.min_total_units ? "#2e7d4f" : "#8a8f98") + "\"/>\n";
    if (c.min_total_units) {
        int xm = x_of(*c.min_total_units, umax);
        s += "<line x1=\"" + std::to_string(xm) + "\" y1=\"" + std::to_string(ut + 1) + "\" x2=\"" + std::to_string(xm) +
             "\" y2=\"" + std::to_string(ut + row_h - 1) + "\" stroke=\"#000\" stroke-width=\"2\"/>\n";
    }
    std::string ul = fmt::num(c.total_units) + " / " + (c.min_total_units ? fmt::num(*c.min_total_units) : std::string("?"));
    s += "<text x=\"" + std::to_string(label_w + bar_w + 6) + "\" y=\"" + std::to_string(ut + 12) + "\"" +
         (units_short ? " fill=\"#b3261e\" font-weight=\"bold\"" : "") + ">" + esc(ul) + "</text>\n";
    return s + "</svg>\n";
}

std::string course_html(const CourseSummary& c, Lang L, const std::optional<FacilityType>& type = std::nullopt) {
    Tr t{L};
    std::string s = "<div class=\"course\"><h3>" +
                    (L == Lang::ja ? "課程 " + esc(c.id) + "（" + esc(info(c.schedule).ja) + "、修業年限 " + std::to_string(c.years) +
                                         "年、" + std::to_string(c.subject_count) + "科目、基準 " + esc(c.standard_id) + "）"
                                   : "Course " + esc(c.id) + " (" + esc(info(c.schedule).en) + ", " + std::to_string(c.years) +
                                         " years, " + std::to_string(c.subject_count) + " subjects, standard " + esc(c.standard_id) +
                                         ")") +
                    "</h3>\n";
    s += "<table class=\"curriculum\"><thead><tr><th>" + t("教育内容", "area") + "</th><th class=\"num\">" + t("単位数", "units") +
         "</th><th class=\"num\">" + t("必要単位数", "minimum units") + "</th><th class=\"num\">" + t("時間数", "hours") +
         "</th><th class=\"num\">" + t("不足", "shortfall") + "</th></tr></thead>\n<tbody>\n";
    for (const auto& r : c.areas) {
        bool short_of = r.min_units && r.units < *r.min_units;
        s += "<tr><td>" + esc(report::area_name(r.area, type, L)) + "</td><td class=\"num\">" + fmt::num(r.units) + "</td><td class=\"num\">" +
             (r.min_units ? fmt::num(*r.min_units) : std::string("?")) + "</td><td class=\"num\">" + fmt::num(r.hours) + "</td>" +
             (short_of ? "<td class=\"num short\">" + fmt::num(*r.min_units - r.units) + "</td>" : "<td class=\"num\">–</td>") +
             "</tr>\n";
    }
    bool ushort = c.min_total_units && c.total_units < *c.min_total_units;
    bool hshort = c.min_total_hours && c.total_hours < *c.min_total_hours;
    s += "<tr><th>" + t("合計", "total") + "</th><th class=\"num\">" + fmt::num(c.total_units) + "</th><th class=\"num\">" +
         (c.min_total_units ? fmt::num(*c.min_total_units) : std::string("?")) + "</th><th class=\"num\">" + fmt::num(c.total_hours) +
         "</th>" + (ushort ? "<td class=\"num short\">" + fmt::num(*c.min_total_units - c.total_units) + "</td>" : "<th class=\"num\">–</th>") +
         "</tr>\n";
    s += "<tr><td>" + t("必要総時間数", "minimum total hours") + "</td><td></td><td></td><td class=\"num\">" +
         (c.min_total_hours ? fmt::num(*c.min_total_hours) : std::string("?")) + "</td>" +
         (hshort ? "<td class=\"num short\">" + fmt::num(*c.min_total_hours - c.total_hours) + t("時間", " h") + "</td>"
                 : "<td class=\"num\">–</td>") +
         "</tr>\n</tbody></table>\n";
    s += chart_svg(c, L, type);
    return s + "</div>\n";
}

/// The course as the school names it: its schedule and years (the file's id only to tell two alike apart).
std::string course_name(const FileReport& f, const std::string& id, Lang L) {
    const CourseSummary* cs = nullptr;
    int alike = 0;
    for (const auto& c : f.courses)
        if (c.id == id) cs = &c;
    if (!cs) return esc(id);
    for (const auto& c : f.courses) alike += c.schedule == cs->schedule && c.years == cs->years;
    bool vi = false;
    if (f.school)
        for (const auto& c : f.school->courses)
            if (c.id == id) vi = c.visually_impaired;
    std::string s = L == Lang::ja ? esc(info(cs->schedule).ja) + "（修業年限" + std::to_string(cs->years) + "年" + (vi ? "、視覚障害者" : "") + "）"
                                  : esc(info(cs->schedule).en) + " (" + fmt::years(std::to_string(cs->years)) + (vi ? ", visually impaired" : "") + ")";
    if (alike > 1) s += " " + esc(id);
    return s;
}

/// 「修正案」: the plan (engine/plan.hpp) as a table per course.
std::string plan_html(const FileReport& f, Lang L) {
    if (f.plan.empty()) return {};
    Tr t{L};
    std::string s = "<section class=\"plan\"><h3>" + t("修正案", "Fix plan (修正案)") + "</h3>\n<p class=\"meta\">" +
                    t("教育課程（CUR-*）を基準に合わせる最小の変更です。ahaki-check plan -o FILE で、この変更を反映した下書きを作れます。",
                      "The smallest changes that make the curriculum (CUR-*) meet the standard; ahaki-check plan -o FILE writes a draft with them applied.") +
                    "</p>\n";
    std::string course;
    int n = 0;
    for (const auto& p : f.plan) {
        if (n == 0 || p.course_id != course) {
            if (n) s += "</tbody></table>\n";
            course = p.course_id;
            n = 0;
            s += "<p class=\"plan-total\">" + course_name(f, course, L) + ": " + esc(report::plan_totals_text(f, course, L)) + "</p>\n";
            s += "<table class=\"plan\"><colgroup><col style=\"width:5%\"><col style=\"width:45%\"><col style=\"width:40%\"><col style=\"width:10%\"></colgroup><thead><tr><th>#</th><th>" +
                 t("変更", "change") + "</th><th>" + t("理由", "because") + "</th><th>" + t("規則", "rule") + "</th></tr></thead>\n<tbody>\n";
        }
        s += std::string("<tr") + (p.kind == PlanStep::Kind::by_hand ? " class=\"by-hand\"" : "") + "><td class=\"num\">" +
             std::to_string(++n) + "</td><td>" + esc(report::plan_step_text(p, L, f.type)) + "</td><td>" + esc(p.why.in(L)) +
             "</td><td class=\"nw\">" + esc(p.rule_ids) + "</td></tr>\n";
    }
    return s + "</tbody></table></section>\n";
}

/// The curriculum laid out like the application's 教育課程表: areas, subjects, method, units, hours, and the
/// units in the column of the year they are taught; a subtotal per area against its minimum.
std::string curriculum_table_html(const FileReport& f, const CourseSummary& cs, Lang L) {
    Tr t{L};
    const Course* course = nullptr;
    if (f.school)
        for (const auto& c : f.school->courses)
            if (c.id == cs.id) course = &c;
    std::string s = "<div class=\"curriculum-sheet\"><h4>" + course_name(f, cs.id, L) + t("　", " — ") +
                    (L == Lang::ja ? std::to_string(cs.subject_count) + "科目、基準 " + esc(cs.standard_id)
                                   : std::to_string(cs.subject_count) + " subjects, standard " + esc(cs.standard_id)) +
                    "</h4>\n";
    if (!course) return s + course_html(cs, L, f.type) + "</div>\n";
    const int years = std::max(cs.years, 1);
    s += "<table class=\"sheet\"><thead><tr><th>" + t("教育内容", "area") + "</th><th>" + t("授業科目", "subject") + "</th><th>" +
         t("方法", "method") + "</th><th class=\"num\">" + t("単位数", "units") + "</th><th class=\"num\">" + t("時間数", "hours") + "</th>";
    for (int y = 1; y <= years; ++y) s += "<th class=\"num\">" + (L == Lang::ja ? std::to_string(y) + "年" : "Y" + std::to_string(y)) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    for (const auto& row : cs.areas) {
        std::vector<const Subject*> subs;
        for (const auto& sub : course->subjects)
            if (sub.area == row.area) subs.push_back(&sub);
        const std::string area = esc(report::area_name(row.area, f.type, L));
        bool first = true;
        for (const auto* sub : subs) {
            s += "<tr>";
            if (first) s += "<td class=\"area\" rowspan=\"" + std::to_string(subs.size() + 1) + "\">" + area + "</td>";
            first = false;
            s += "<td>" + esc(sub->name) + "</td><td class=\"nw\">" + esc(L == Lang::ja ? info(sub->method).ja : info(sub->method).en) +
                 "</td><td class=\"num\">" + fmt::num(sub->units) + "</td><td class=\"num\">" + fmt::num(sub->hours) + "</td>";
            for (int y = 1; y <= years; ++y)
                s += "<td class=\"num\">" + (sub->year && *sub->year == y ? fmt::num(sub->units) : std::string()) + "</td>";
            s += "</tr>\n";
        }
        bool short_of = row.min_units && row.units < *row.min_units;
        if (first) s += "<tr><td class=\"area\">" + area + "</td>";
        else s += "<tr>";
        s += std::string("<td class=\"subtotal") + (short_of ? " short" : "") + "\" colspan=\"2\">" + t("小計", "subtotal") +
             (row.min_units ? (L == Lang::ja ? "（必要 " + fmt::num(*row.min_units) + "単位以上" : " (at least " + fmt::num(*row.min_units)) +
                                  (short_of ? (L == Lang::ja ? "、" + fmt::num(*row.min_units - row.units) + "単位不足）"
                                                             : ", " + fmt::num(*row.min_units - row.units) + " short)")
                                            : t("）", ")"))
                            : std::string()) +
             "</td><td class=\"num subtotal\">" + fmt::num(row.units) + "</td><td class=\"num subtotal\">" + fmt::num(row.hours) +
             "</td><td class=\"subtotal\" colspan=\"" + std::to_string(years) + "\"></td></tr>\n";
    }
    bool ushort = cs.min_total_units && cs.total_units < *cs.min_total_units;
    bool hshort = cs.min_total_hours && cs.total_hours < *cs.min_total_hours;
    s += "<tr class=\"total\"><th colspan=\"3\">" + t("合計", "total") +
         (cs.min_total_units ? (L == Lang::ja ? "（必要 " + fmt::num(*cs.min_total_units) + "単位・" + fmt::num(cs.min_total_hours.value_or(Decimal{})) + "時間以上）"
                                              : " (at least " + fmt::num(*cs.min_total_units) + " units, " + fmt::num(cs.min_total_hours.value_or(Decimal{})) + " hours)")
                             : std::string()) +
         "</th><th class=\"num" + (ushort ? " short" : "") + "\">" + fmt::num(cs.total_units) + "</th><th class=\"num" +
         (hshort ? " short" : "") + "\">" + fmt::num(cs.total_hours) + "</th>";
    for (int y = 1; y <= years; ++y) {
        Decimal u;
        for (const auto& sub : course->subjects)
            if (sub.year && *sub.year == y) u += sub.units;
        s += "<th class=\"num\">" + fmt::num(u) + "</th>";
    }
    s += "</tr>\n</tbody></table></div>\n";
    return s;
}

/// Hook: each document kind contributes its summary section (the school's 教育課程表; the clinic kind adds its
/// month ledger here). A row applies to the reports it recognises; the first one that applies is used.
struct SummarySection {
    bool (*applies)(const FileReport&);
    std::string (*render)(const FileReport&, const HtmlOptions&);
};

std::string school_curriculum_section(const FileReport& f, const HtmlOptions& o) {
    if (f.courses.empty()) return {};
    Tr t{o.lang};
    std::string s = "<section class=\"curriculum\"><h3>" + t("教育課程表（別表第一）", "Curriculum (別表第一)") + "</h3>\n";
    for (const auto& c : f.courses) {
        s += curriculum_table_html(f, c, o.lang);
        if (o.full) s += chart_svg(c, o.lang, f.type);
    }
    return s + "</section>\n";
}

const SummarySection summary_sections[] = {
    {[](const FileReport& f) { return f.type.has_value(); }, school_curriculum_section},
};

/// Where a section is described in the input: what to add to have it checked.
const char* section_element(Section s) {
    switch (s) {
        case Section::curriculum: return "<course>/<subject>";
        case Section::timetable: return "<course>/<timetable>";
        case Section::placements: return "<subject>/<placement>";
        case Section::teachers: return "<teachers>";
        case Section::students: return "<students>";
        case Section::sites: return "<clinical-sites>/<site>";
        case Section::premises: return "<premises>";
        case Section::equipment: return "<equipment>";
        case Section::finance: return "<finance>";
        case Section::records: return "<records>";
        case Section::procedure: return "<procedure>";
        case Section::founder: return "<founder>";
        case Section::school_rules: return "<school-rules>";
        case Section::cross_file: return "";
        case Section::claims: return "<patient>/<visit>, <claim>";
    }
    return "";
}

/// The subject a finding points at (its element path ends in subject[@id='…']), from the kept model.
const Subject* subject_at(const FileReport& f, const Loc& loc) {
    if (!f.school) return nullptr;
    auto at = loc.path.rfind("subject[@id='");
    if (at == std::string::npos) return nullptr;
    at += 13;
    std::string id = loc.path.substr(at, loc.path.find('\'', at) - at);
    for (const auto& c : f.school->courses)
        for (const auto& sub : c.subjects)
            if (sub.id == id) return &sub;
    return nullptr;
}

/// CUR-004/005 check every subject against its method's range and state no single value: the cells show
/// the range per offending subject and what it has.
std::pair<Value, Value> ratio_cells(const FileReport& f, const Outcome& o) {
    Value required, measured;
    if (o.findings.empty()) {
        required.text = Text{"授業方法ごとの1単位の時間数", "hours per unit of each method"};
        measured.text = Text{"全科目が範囲内", "every subject within its range"};
        return {required, measured};
    }
    for (const auto& fi : o.findings) {
        const Subject* sub = subject_at(f, fi.loc);
        std::string name = sub ? sub->name : std::string();
        Text method = sub ? Text{std::string(info(sub->method).ja), std::string(info(sub->method).en)} : Text{};
        auto add = [](Text& t, const std::string& ja, const std::string& en) {
            t.ja += (t.ja.empty() ? "" : "、") + ja;
            t.en += (t.en.empty() ? "" : "; ") + en;
        };
        add(required.text, method.ja + " 1単位" + fi.required.text.ja, method.en + ": " + fi.required.text.en + " per unit");
        std::string per = fi.measured.number ? fmt::num(*fi.measured.number) : std::string("?");
        add(measured.text, "「" + name + "」1単位" + per + "時間", "\"" + name + "\" " + per + " hours per unit");
    }
    return {required, measured};
}

std::string requirement_row(const FileReport& f, const Outcome& o, const Rule* rule, Lang L) {
    std::string cite = rule ? std::string(rule->citation) : std::string();
    Value required = o.required, measured = o.measured;
    if ((o.rule_id == "CUR-004" || o.rule_id == "CUR-005") && required.empty() && measured.empty())
        std::tie(required, measured) = ratio_cells(f, o);
    std::string s = "<tr class=\"row-" + std::string(status_code(o.status)) + "\"><td class=\"rule\">" + esc(o.rule_id) +
                    "<span class=\"cite\">" + esc(cite) + "</span></td><td>" + esc(o.label.in(L)) + "</td>" + value_td(required, L) +
                    value_td(measured, L) + "<td>" + status_badge(o.status, o.basis, L) + "</td><td>";
    if (o.basis == Basis::declared)
        s += "<div class=\"evidence\">" + std::string(L == Lang::ja ? "申告による。確認する書類: " : "Declared; see: ") + esc(o.evidence.in(L)) + "</div>";
    for (const auto& fi : o.findings) s += finding_html(fi, L);
    return s + "</td></tr>\n";
}

std::string counts_of(const std::array<std::size_t, 4>& c, Lang L) {
    return L == Lang::ja ? "適合 " + std::to_string(c[0]) + "、不適合 " + std::to_string(c[1]) + "、要確認 " + std::to_string(c[2]) +
                               "、未確認 " + std::to_string(c[3])
                         : std::to_string(c[0]) + " compliant, " + std::to_string(c[1]) + " non-compliant, " + std::to_string(c[2]) +
                               " need review, " + std::to_string(c[3]) + " not checked";
}

std::string reviewer_box(Lang L) {
    Tr t{L};
    return "<section class=\"reviewer\"><h3>" + t("審査記録", "Review") + "</h3><table class=\"reviewer\"><tr><th>" +
           t("審査者 氏名", "reviewer") + "</th><td></td><th>" + t("審査日", "date") + "</th><td class=\"date\">" +
           t("　　年　　月　　日", "") + "</td></tr><tr><th>" + t("所見・備考", "remarks") +
           "</th><td colspan=\"3\" class=\"remarks\"></td></tr></table></section>\n";
}

constexpr std::size_t unnamed_page = static_cast<std::size_t>(-1);

/// The opening tag of a file's section. `index`: the file's named page in a report of several files (its running
/// header), or unnamed_page. The only part of a section that depends on the file's place in the run.
std::string section_open(bool first, std::size_t index) {
    return "<section class=\"file" + std::string(first ? " first" : "") + "\"" +
           (index == unnamed_page ? std::string() : " style=\"page: f" + std::to_string(index) + "\"") + ">\n";
}

/// A file's section after its opening tag: everything from the file's report alone (and its kept model).
std::string file_body(const FileReport& f, const HtmlOptions& opt) {
    const Lang L = opt.lang;
    Tr t{L};
    Verdict v = f.verdict();
    std::string s = "<h2>" + (f.type ? school_line(f, L) : esc(f.path) + (f.summary.empty() ? std::string() : " " + esc(f.summary.heading.in(L)))) + "</h2>\n";
    std::string meta;
    if (f.type) meta += esc(f.path);
    if (!f.standard_id.empty()) meta += (meta.empty() ? "" : t("、", ", ")) + t("基準 ", "standard ") + esc(f.standard_id);
    if (!f.encoding.empty()) meta += (meta.empty() ? "" : t("、", ", ")) + t("文字コード ", "encoding ") + esc(f.encoding);
    if (!meta.empty()) s += "<p class=\"meta\">" + meta + "</p>\n";
    s += "<div class=\"verdict " + std::string(verdict_class(v)) + "\"><span class=\"word\">" + esc(verdict_text(v).in(L)) +
         "</span><span class=\"counts\">" + (f.errors.empty() ? counts_text(f, L) : esc(t("この文書は確認できませんでした。下の入力エラーを直してください。", "This document could not be checked; fix the input errors below."))) +
         "</span></div>\n";
    if (!f.notices.empty()) s += notices_html(f, L);
    if (!f.errors.empty()) {
        s += "<h3>" + t("入力エラー", "Input errors") + "</h3>\n";
        for (const auto& d : f.errors) s += diagnostic_html(d, L);
        return s + reviewer_box(L) + "</section>\n";
    }

    // 1. The findings at a glance, so the first page says what to fix; 2. the fix plan.
    std::string top;
    for (const auto& o : f.outcomes)
        for (const auto& fi : o.findings) top += "<li>" + badge("", fi.rule_id) + " " + finding_html(fi, L) + "</li>\n";
    if (!top.empty()) s += "<h3>" + t("指摘事項", "Findings") + "</h3>\n<ul class=\"top\">\n" + top + "</ul>\n";
    s += plan_html(f, L);

    // 3. The document kind's summary (the school's 教育課程表).
    for (const auto& sec : summary_sections)
        if (sec.applies(f)) {
            s += sec.render(f, opt);
            break;
        }

    // 4. Requirements by section: rows that need action; compliant ones counted (all rows with --html-detail full).
    struct SectionRows {
        std::array<std::size_t, 4> counts{};
        std::size_t declared = 0;  ///< compliant by the school's declaration only (never shown as the same 適合)
        std::string rows;
        std::vector<std::string> not_checked;
    };
    std::map<Section, SectionRows> sections;
    for (const auto& o : f.outcomes) {
        const Rule* rule = find_rule(o.rule_id);
        Section sec = rule ? rule->section : Section::cross_file;
        SectionRows& r = sections[sec];
        ++r.counts[static_cast<std::size_t>(o.status)];
        if (o.status == Status::compliant && o.basis == Basis::declared) ++r.declared;
        if (o.status == Status::not_checked && o.findings.empty()) {
            if (std::find(r.not_checked.begin(), r.not_checked.end(), o.rule_id) == r.not_checked.end()) r.not_checked.push_back(o.rule_id);
            continue;
        }
        if (o.status == Status::compliant && o.findings.empty() && !opt.full) continue;
        r.rows += requirement_row(f, o, rule, L);
    }
    s += "<section class=\"requirements\"><h3>" + t("要件ごとの判定", "Requirements") + "</h3>\n";
    if (!opt.full)
        s += "<p class=\"meta\">" + t("適合した要件は区分ごとの件数だけを示します（すべての行: --html-detail full）。",
                                      "Compliant requirements are counted per section (every row: --html-detail full).") + "</p>\n";
    s += "<table class=\"requirements\"><colgroup><col style=\"width:14%\"><col style=\"width:24%\"><col style=\"width:12%\">"
         "<col style=\"width:11%\"><col style=\"width:8%\"><col style=\"width:31%\"></colgroup><thead><tr><th>" + t("規則・根拠", "rule / clause") + "</th><th>" + t("要件", "requirement") +
         "</th><th>" + t("必要", "required") + "</th><th>" + t("記載", "found") + "</th><th>" + t("判定", "judgement") + "</th><th>" +
         t("指摘（行）", "findings (line)") + "</th></tr></thead>\n<tbody>\n";
    for (const auto& [sec, r] : sections) {
        if (r.counts[0] + r.counts[1] + r.counts[2] == 0) continue;  // all not checked: below
        s += "<tr class=\"section\"><th colspan=\"6\">" + esc(section_text(sec).in(L)) + "<span class=\"section-counts\">" +
             esc(counts_of(r.counts, L)) +
             (r.declared == 0 ? std::string()
                              : esc(L == Lang::ja ? "（うち適合（申告） " + std::to_string(r.declared) + "）"
                                                  : " (of which " + std::to_string(r.declared) + " compliant (declared))")) +
             "</span></th></tr>\n" + r.rows;
    }
    s += "</tbody></table></section>\n";

    // 5. What was not checked, with the section to add for each.
    std::string nc;
    for (const auto& [sec, r] : sections) {
        if (r.not_checked.empty()) continue;
        std::string ids;
        for (const auto& id : r.not_checked) ids += (ids.empty() ? "" : ", ") + id;
        nc += "<tr class=\"row-not-checked\"><td>" + esc(section_text(sec).in(L)) + "</td><td class=\"ids\">" + esc(ids) + "</td><td class=\"nw\"><code>" +
              esc(section_element(sec)) + "</code></td><td class=\"num\">" + std::to_string(r.counts[3]) + "</td></tr>\n";
    }
    if (!nc.empty())
        s += "<section class=\"not-checked\"><h3>" + t("確認していない項目", "Not checked") + "</h3>\n<p class=\"meta\">" +
             t("記載がないため確認していません。右の要素を記述に加えると確認されます（適合とはみなしません）。",
               "Not described, so not checked (never counted as compliant); add the element on the right to have them checked.") +
             "</p>\n<table class=\"not-checked\"><thead><tr><th>" + t("区分", "section") + "</th><th>" + t("規則", "rules") + "</th><th>" +
             t("加える要素", "add") + "</th><th class=\"num\">" + t("要件数", "requirements") + "</th></tr></thead>\n<tbody>\n" + nc +
             "</tbody></table></section>\n";
    // A document kind's own section (the clinic's month ledger), rendered by the kind.
    if (!f.summary.empty()) s += f.summary.html.in(L);
    return s + reviewer_box(L) + "</section>\n";
}

std::string file_html(const FileReport& f, const HtmlOptions& opt, bool first, std::size_t index) {
    return section_open(first, index) + file_body(f, opt);
}

/// A CSS string: every character outside plain ASCII letters and digits as a \HEX escape, so input text can never
/// close the string or the <style> element.
std::string css_string(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0 && i + 3 < s.size() + 0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        if (i + len > s.size()) len = 1, cp = 0xFFFD;
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (std::isalnum(c) && len == 1) {
            out += static_cast<char>(c);
        } else if (cp >= 0x20 && cp != 0x7F) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\%X ", cp);
            out += buf;
        }
    }
    return out + "\"";
}

/// "@page" or "@page fN": the selector of file `index`'s page rule (page_css).
std::string page_selector(std::size_t index) {
    return "@page" + (index == unnamed_page ? std::string() : " f" + std::to_string(index));
}

/// The running header and footer of every printed page of file `index`: the school, the standard, page X of Y.
/// page_rule is the part after the selector, from the file's report alone.
std::string page_rule(const FileReport& f, Lang L) {
    std::string name = f.type ? f.school_name : f.path;
    std::string standard = f.standard_id.empty() ? std::string() : std::string(L == Lang::ja ? "基準 " : "standard ") + f.standard_id;
    return " { @top-left { content: " + css_string(name) +
           "; font-size: 8pt; color: #333; } @top-right { content: " + css_string(standard) +
           "; font-size: 8pt; color: #333; } @bottom-center { content: " +
           (L == Lang::ja ? "counter(page) \" / \" counter(pages) \"\\30DA\\30FC\\30B8\"" : "\"page \" counter(page) \" of \" counter(pages)") +
           "; font-size: 8pt; color: #333; } }\n";
}

std::string page_css(const FileReport& f, std::size_t index, Lang L) { return page_selector(index) + page_rule(f, L); }

/// What the overall box counts: the files, their verdicts and their unwaived findings by severity.
struct Overall {
    std::size_t files = 0;
    std::array<std::size_t, 5> verdicts{};
    std::array<std::size_t, 4> totals{};
};

Overall overall_of(const std::vector<FileReport>& files) {
    Overall o;
    o.files = files.size();
    for (const auto& f : files) {
        ++o.verdicts[static_cast<std::size_t>(f.verdict())];
        auto c = f.counts();
        for (std::size_t i = 0; i < 4; ++i) o.totals[i] += c[i];
    }
    return o;
}

/// The overall box, the run errors and, when the table of files is shown (`table`), its head.
std::string overall_open(const RunReport& run, const Overall& ov, Lang L, bool linked, bool table) {
    Tr t{L};
    std::string s;
    const auto& verdicts = ov.verdicts;
    const auto& totals = ov.totals;
    auto rank = [](Verdict x) {
        switch (x) {
            case Verdict::invalid: return 4;
            case Verdict::non_compliant: return 3;
            case Verdict::needs_review: return 2;
            case Verdict::partially_checked: return 1;
            case Verdict::compliant: return 0;
        }
        return 4;
    };
    Verdict overall = ov.files == 0 || !run.run_errors.empty() ? Verdict::invalid : Verdict::compliant;
    for (std::size_t i = 0; i < verdicts.size(); ++i)
        if (verdicts[i] > 0 && rank(static_cast<Verdict>(i)) > rank(overall)) overall = static_cast<Verdict>(i);
    // With one file its own box says it all; the overall box is for batches.
    const bool show_overall = ov.files != 1 || !run.run_errors.empty() || linked;
    s += "<section class=\"overall\">\n";
    if (show_overall) {
        s += "<div class=\"verdict " + std::string(verdict_class(overall)) + "\"><span class=\"word\">" +
             esc(verdict_text(overall).in(L)) + "</span><span class=\"counts\">";
        if (L == Lang::ja)
            s += "全体: " + std::to_string(ov.files) + " ファイル（適合 " + std::to_string(verdicts[0]) + "、不適合 " +
                 std::to_string(verdicts[1]) + "、要確認 " + std::to_string(verdicts[2]) + "、一部未確認 " +
                 std::to_string(verdicts[3]) + "、入力エラー " + std::to_string(verdicts[4]) + "）<br>指摘: エラー " +
                 std::to_string(totals[0]) + "、警告 " + std::to_string(totals[1]) + "、要確認 " + std::to_string(totals[2]) +
                 "、情報 " + std::to_string(totals[3]);
        else
            s += "overall: " + fmt_count(ov.files, "file", "files") + " (" + std::to_string(verdicts[0]) + " compliant, " +
                 std::to_string(verdicts[1]) + " non-compliant, " + std::to_string(verdicts[2]) + " need review, " +
                 std::to_string(verdicts[3]) + " partially checked, " + std::to_string(verdicts[4]) +
                 " invalid)<br>findings: " + fmt_count(totals[0], "error", "errors") + ", " + fmt_count(totals[1], "warning", "warnings") + ", " +
                 std::to_string(totals[2]) + " to review, " + std::to_string(totals[3]) + " info";
        s += "</span></div>\n";
    }
    for (const auto& d : run.run_errors) s += diagnostic_html(d, L);
    if (table)
        s += "<table class=\"files\"><thead><tr><th>" + t("ファイル", "file") + "</th><th>" + t("学校", "school") + "</th><th>" +
             t("判定", "verdict") + "</th><th class=\"num\">" + t("エラー", "errors") + "</th><th class=\"num\">" + t("警告", "warnings") +
             "</th><th class=\"num\">" + t("要確認", "review") + "</th></tr></thead>\n<tbody>\n";
    return s;
}

std::string overall_close(bool table) { return table ? "</tbody></table>\n</section>\n" : "</section>\n"; }

/// Is the table of files shown: for several files, and always in the index of html=DIR/.
bool files_table(std::size_t files, bool linked) { return files > 1 || linked; }

/// A file's row of the table of files. `linked` (html=DIR/): the school cell links to the file's page, whose
/// escaped name goes between the two parts.
std::pair<std::string, std::string> file_row_parts(const FileReport& f, Lang L, bool linked) {
    auto c = f.counts();
    Verdict v = f.verdict();
    std::string school = esc(f.school_name);
    std::string before = "<tr><td>" + esc(f.path) + "</td><td>", after;
    if (linked) {
        before += "<a href=\"";
        after = "\">" + (school.empty() ? esc(f.path) : school) + "</a>";
    } else {
        before += school;
    }
    after += "</td><td><span class=\"badge " + std::string(verdict_class(v)) + "\">" + esc(verdict_text(v).in(L)) +
             "</span></td><td class=\"num\">" + std::to_string(c[0]) + "</td><td class=\"num\">" + std::to_string(c[1]) +
             "</td><td class=\"num\">" + std::to_string(c[2]) + "</td></tr>\n";
    return {std::move(before), std::move(after)};
}

std::string overall_html(const RunReport& run, Lang L, const std::vector<std::string>* links) {
    const Overall ov = overall_of(run.files);
    const bool table = files_table(ov.files, links != nullptr);
    std::string s = overall_open(run, ov, L, links != nullptr, table);
    if (table)
        for (std::size_t i = 0; i < run.files.size(); ++i) {
            auto [before, after] = file_row_parts(run.files[i], L, links != nullptr);
            s += before + (links ? esc((*links)[i]) : std::string()) + after;
        }
    return s + overall_close(table);
}

/// The head of a page up to its page rules (inside <style>, after the common CSS), and from there to the meta line.
std::string page_head_open(const HtmlOptions& o, const std::string& title) {
    Tr t{o.lang};
    std::string s = "<!DOCTYPE html>\n<html lang=\"" + t("ja", "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    s += "<meta name=\"generator\" content=\"ahaki-check " + esc(tool_version) + "\">\n";
    return s + "<title>" + esc(title) + "</title>\n<style>" + css;
}

std::string page_head_close(const RunReport& run, const HtmlOptions& o) {
    Tr t{o.lang};
    std::string s = "</style>\n</head>\n<body>\n";
    s += "<h1>" + t("あん摩マッサージ指圧師・はり師・きゅう師養成施設 確認報告書", "Accreditation check report: anma-massage-shiatsu, acupuncture and moxibustion schools") + "</h1>\n";
    std::string standards;
    if (run.standards)
        for (const auto& e : run.standards->editions)
            standards += (standards.empty() ? "" : ", ") + esc(e.id) + " (" + esc(e.applies_from.str()) + "〜)";
    s += "<p class=\"meta\">ahaki-check " + esc(tool_version) + (standards.empty() ? "" : t("、基準: ", "; standard: ") + standards) +
         (run.complete ? t("、完全な申請として確認（--complete）", "; checked as a complete application (--complete)") : "") + "</p>\n";
    return s;
}

std::string page_head(const RunReport& run, const HtmlOptions& o, const std::string& title, const std::string& page_rules) {
    return page_head_open(o, title) + page_rules + page_head_close(run, o);
}

std::string page_foot(Lang L) {
    Tr t{L};
    return "<footer>" +
           t("この報告書は ahaki-check が学校の記述（XML）から機械的に作成したものです。「要確認」の項目は書類で確かめてください。",
             "Generated by ahaki-check from the school description (XML). Items marked \"needs review\" must be checked against the documents.") +
           "</footer>\n</body>\n</html>\n";
}

/// The part of a page's file name that comes from the file's path: its name without .xml, safe as a file name.
std::string page_stem(const std::string& path) {
    std::string stem = path;
    if (auto slash = stem.find_last_of('/'); slash != std::string::npos) stem = stem.substr(slash + 1);
    if (stem.size() > 4 && stem.ends_with(".xml")) stem.resize(stem.size() - 4);
    std::string safe;
    for (char c : stem) {
        auto u = static_cast<unsigned char>(c);
        safe += (std::isalnum(u) || c == '-' || c == '_' || c == '.' || u >= 0x80) ? c : '_';
    }
    while (!safe.empty() && safe.front() == '.') safe.erase(0, 1);
    if (safe.size() > 120) safe.resize(120);  // stay well under NAME_MAX in bytes
    return safe;
}

/// "001-hari-kyu.html": the file's number in the run and its stem (page_stem).
std::string page_name_at(const std::string& stem, std::size_t index) {
    char num[24];  // room for any size_t: GCC checks the whole range (-Wformat-truncation)
    std::snprintf(num, sizeof num, "%03zu", index + 1);
    return std::string(num) + "-" + (stem.empty() ? "school" : stem) + ".html";
}

std::string page_name(const FileReport& f, std::size_t index) { return page_name_at(page_stem(f.path), index); }

/// The title of a file's own page (html=DIR/).
std::string page_title(const FileReport& f, Lang L) {
    Tr t{L};
    return t("ahaki-check 確認報告書", "ahaki-check report") + (f.type ? " — " + f.school_name : " — " + f.path);
}

/// A file's own page (html=DIR/): independent of its place in the run.
std::string own_page(const RunReport& run, const FileReport& f, const HtmlOptions& o) {
    RunReport one;
    one.standards = run.standards;
    one.complete = run.complete;
    std::string s = page_head(one, o, page_title(f, o.lang), page_css(f, unnamed_page, o.lang));
    s += file_html(f, o, true, unnamed_page);
    return s + page_foot(o.lang);
}

std::string report_title(const std::string* single_school, Lang L) {
    Tr t{L};
    std::string title = t("ahaki-check 確認報告書", "ahaki-check report");
    if (single_school) title += " — " + *single_school;
    return title;
}

std::string index_title(Lang L) { return Tr{L}("ahaki-check 確認報告書（一覧）", "ahaki-check reports (index)"); }

}  // namespace

std::string write_html(const RunReport& run, Lang L) { return write_html(run, HtmlOptions{L, false}); }

std::string write_html(const RunReport& run, const HtmlOptions& o) {
    const bool single = run.files.size() == 1 && run.files[0].type;
    std::string title = report_title(single ? &run.files[0].school_name : nullptr, o.lang);
    // One file: its running header on every page; several: a named page per file.
    const bool named = run.files.size() > 1;
    std::string rules;
    for (std::size_t i = 0; i < run.files.size(); ++i) rules += page_css(run.files[i], named ? i : unnamed_page, o.lang);
    std::string s = page_head(run, o, title, rules);
    s.reserve(64 * 1024);
    s += overall_html(run, o.lang, nullptr);
    for (std::size_t i = 0; i < run.files.size(); ++i) s += file_html(run.files[i], o, i == 0, named ? i : unnamed_page);
    return s + page_foot(o.lang);
}

std::vector<HtmlPage> write_html_pages(const RunReport& run, const HtmlOptions& o) {
    std::vector<HtmlPage> pages;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < run.files.size(); ++i) names.push_back(page_name(run.files[i], i));
    // The index: the batch's verdict and a line per school, linking to its report.
    std::string index = page_head(run, o, index_title(o.lang), "");
    index += overall_html(run, o.lang, &names);
    pages.push_back({"index.html", index + page_foot(o.lang)});
    for (std::size_t i = 0; i < run.files.size(); ++i) pages.push_back({names[i], own_page(run, run.files[i], o)});
    return pages;
}

// ---- Written while the run goes (report/stream.hpp) ----
//
// Everything that comes before the files' sections (the page rules in <style>, the
// overall box, the table of files) needs every file; the sections, the rules and the
// rows are rendered per file on the worker threads and spooled to unnamed temporary
// files, then copied after the parts made at the end. Memory does not grow with the
// number of files: what is kept per file is on disk.

namespace {

/// An unnamed temporary file (gone when closed or when the process dies).
class Spool {
public:
    Spool() : f_(std::tmpfile()) {}
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;
    ~Spool() {
        if (f_) std::fclose(f_);
    }
    bool ok() const { return f_ != nullptr; }
    bool put(std::string_view b) { return f_ && std::fwrite(b.data(), 1, b.size(), f_) == b.size(); }
    bool put_size(std::uint64_t n) { return f_ && std::fwrite(&n, sizeof n, 1, f_) == 1; }
    bool rewind() {
        if (!f_ || std::fflush(f_) != 0) return false;
        std::rewind(f_);
        return true;
    }
    bool get_size(std::uint64_t& n) { return std::fread(&n, sizeof n, 1, f_) == 1; }
    /// Hands the next `n` bytes (everything up to the end: all of them) to `sink` in pieces.
    static constexpr std::uint64_t all = ~std::uint64_t{0};
    template <class Sink>
    bool copy(Sink&& sink, std::uint64_t n = all) {
        const bool to_end = n == all;
        buf_.resize(1 << 16);
        while (n > 0) {
            std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, buf_.size()));
            std::size_t got = std::fread(buf_.data(), 1, want, f_);
            if (got == 0) break;
            if (!sink(std::string_view(buf_.data(), got))) return false;
            n -= got;
        }
        return !std::ferror(f_) && (to_end || n == 0);
    }

private:
    std::FILE* f_;
    std::string buf_;
};

void add_overall(Overall& ov, const json_parts::Totals& t) {
    ov.files += t.files;
    for (std::size_t i = 0; i < ov.verdicts.size(); ++i) ov.verdicts[i] += t.verdicts[i];
    for (std::size_t i = 0; i < ov.totals.size(); ++i) ov.totals[i] += t.findings[i];
}

/// html=FILE: write_html's bytes.
class HtmlStream final : public StreamWriter {
public:
    HtmlStream(const HtmlOptions& o, ByteSink sink) : opt_(o), sink_(std::move(sink)) {}
    bool begin(const RunReport&) override { return rules_.ok() && rows_.ok() && sections_.ok(); }
    Fragment render(const FileReport& f) const override {
        Fragment out;
        out.totals.add(f);
        out.bytes = file_body(f, opt_);
        out.second = page_rule(f, opt_.lang);
        auto [before, after] = file_row_parts(f, opt_.lang, false);
        out.third = before + after;
        if (f.type) out.label = f.school_name;
        out.counts[0] = f.type.has_value();
        return out;
    }
    bool append(Fragment&& fragment) override {
        const std::size_t i = ov_.files;
        add_overall(ov_, fragment.totals);
        // Whether the files get named pages (several files) is known with the second one:
        // the first waits for it, or for the end.
        if (i == 0) {
            first_ = std::move(fragment);
            return true;
        }
        if (i == 1 && !put(*first_, 0)) return false;
        first_.reset();
        return put(fragment, i);
    }
    bool end(const RunReport& run) override {
        const std::string* single = nullptr;
        if (first_ && ov_.files == 1) {
            if (!put(*first_, unnamed_page)) return false;
            if (first_->counts[0]) single = &first_->label;
        }
        const bool table = files_table(ov_.files, false);
        auto sink = [this](std::string_view b) { return sink_(b); };
        return sink_(page_head_open(opt_, report_title(single, opt_.lang))) && rules_.rewind() && rules_.copy(sink) &&
               sink_(page_head_close(run, opt_)) && sink_(overall_open(run, ov_, opt_.lang, false, table)) &&
               (!table || (rows_.rewind() && rows_.copy(sink))) && sink_(overall_close(table)) && sections_.rewind() &&
               sections_.copy(sink) && sink_(page_foot(opt_.lang));
    }

private:
    /// File `index` (unnamed_page: the only file) into the spools.
    bool put(const Fragment& f, std::size_t index) {
        return rules_.put(page_selector(index)) && rules_.put(f.second) && rows_.put(f.third) &&
               sections_.put(section_open(index == 0 || index == unnamed_page, index)) && sections_.put(f.bytes);
    }
    HtmlOptions opt_;
    ByteSink sink_;
    Spool rules_, rows_, sections_;
    Overall ov_;
    std::optional<Fragment> first_;
};

/// html=DIR/: write_html_pages' pages, each file's own page spooled as [name size][page size][name][page].
class HtmlPagesStream final : public StreamWriter {
public:
    HtmlPagesStream(const HtmlOptions& o, PageSink& pages) : opt_(o), pages_(pages) {}
    bool begin(const RunReport& run) override {
        standards_ = run.standards;
        complete_ = run.complete;
        return rows_.ok() && spool_.ok();
    }
    Fragment render(const FileReport& f) const override {
        Fragment out;
        out.totals.add(f);
        RunReport run;
        run.standards = standards_;
        run.complete = complete_;
        out.bytes = own_page(run, f, opt_);
        std::tie(out.second, out.third) = file_row_parts(f, opt_.lang, true);
        out.label = page_stem(f.path);
        return out;
    }
    bool append(Fragment&& fragment) override {
        const std::string name = page_name_at(fragment.label, ov_.files);
        add_overall(ov_, fragment.totals);
        return rows_.put(fragment.second) && rows_.put(esc(name)) && rows_.put(fragment.third) && spool_.put_size(name.size()) &&
               spool_.put_size(fragment.bytes.size()) && spool_.put(name) && spool_.put(fragment.bytes);
    }
    bool end(const RunReport& run) override {
        auto write = [this](std::string_view b) { return pages_.write(b); };
        if (!spool_.rewind()) return false;
        for (std::size_t i = 0; i < ov_.files; ++i) {
            std::uint64_t name_size = 0, page_size = 0;
            if (!spool_.get_size(name_size) || !spool_.get_size(page_size) || name_size > 4096) return false;
            std::string name;
            if (!spool_.copy([&](std::string_view b) { return name.append(b), true; }, name_size) || name.size() != name_size)
                return false;
            if (!pages_.open(name) || !spool_.copy(write, page_size) || !pages_.close()) return false;
        }
        // The index last: it links to pages that are all there.
        return pages_.open("index.html") && pages_.write(page_head(run, opt_, index_title(opt_.lang), "")) &&
               pages_.write(overall_open(run, ov_, opt_.lang, true, true)) && rows_.rewind() && rows_.copy(write) &&
               pages_.write(overall_close(true)) && pages_.write(page_foot(opt_.lang)) && pages_.close();
    }

private:
    HtmlOptions opt_;
    PageSink& pages_;
    const StandardSet* standards_ = nullptr;
    bool complete_ = false;
    Spool rows_, spool_;
    Overall ov_;
};

}  // namespace

std::string html_page_name(const std::string& path, std::size_t index) { return page_name_at(page_stem(path), index); }

std::unique_ptr<StreamWriter> make_html_stream(const HtmlOptions& options, ByteSink sink) {
    return std::make_unique<HtmlStream>(options, std::move(sink));
}

std::unique_ptr<StreamWriter> make_html_pages_stream(const HtmlOptions& options, PageSink& pages) {
    return std::make_unique<HtmlPagesStream>(options, pages);
}

}  // namespace ahaki
