// The report for people: one self-contained HTML file (inline CSS, inline SVG,
// no script, no network), Japanese or English, that prints cleanly on A4.
// Order on the page: the verdict and counts first (over all files, then per
// file), then every requirement with its clause, what was required, what the
// document has and the judgement, then the curriculum per course as a table
// and a bar chart of units per area against the minimums.
#include <algorithm>
#include <map>

#include "report/common.hpp"
#include "report/report.hpp"
#include "rules/format.hpp"

namespace ahaki {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
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
        s = "findings: " + std::to_string(c[0]) + " errors, " + std::to_string(c[1]) + " warnings, " + std::to_string(c[2]) +
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
std::string chart_svg(const CourseSummary& c, Lang L) {
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
        const auto& ai = info(r.area);
        bool short_of = r.min_units && r.units < *r.min_units;
        int x_end = x_of(r.units, scale_max);
        const char* fill = !r.min_units ? "#8a8f98" : short_of ? "#b3261e" : "#2e7d4f";
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 12) + "\" text-anchor=\"end\">" +
             esc(L == Lang::ja ? ai.ja : ai.en) + "</text>\n";
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

std::string course_html(const CourseSummary& c, Lang L) {
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
        const auto& ai = info(r.area);
        bool short_of = r.min_units && r.units < *r.min_units;
        s += "<tr><td>" + esc(L == Lang::ja ? ai.ja : ai.en) + "</td><td class=\"num\">" + fmt::num(r.units) + "</td><td class=\"num\">" +
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
    s += chart_svg(c, L);
    return s + "</div>\n";
}

std::string file_html(const FileReport& f, Lang L, bool first) {
    Tr t{L};
    Verdict v = f.verdict();
    std::string s = "<section class=\"file" + std::string(first ? " first" : "") + "\">\n";
    s += "<h2>" + (f.type ? school_line(f, L) : esc(f.path)) + "</h2>\n";
    std::string meta;
    if (f.type) meta += esc(f.path);
    if (!f.standard_id.empty()) meta += (meta.empty() ? "" : t("、", ", ")) + t("基準 ", "standard ") + esc(f.standard_id);
    if (!f.encoding.empty()) meta += (meta.empty() ? "" : t("、", ", ")) + t("文字コード ", "encoding ") + esc(f.encoding);
    if (!meta.empty()) s += "<p class=\"meta\">" + meta + "</p>\n";
    s += "<div class=\"verdict " + std::string(verdict_class(v)) + "\"><span class=\"word\">" + esc(verdict_text(v).in(L)) +
         "</span><span class=\"counts\">" + (f.errors.empty() ? counts_text(f, L) : esc(t("この文書は確認できませんでした。下の入力エラーを直してください。", "This document could not be checked; fix the input errors below."))) +
         "</span></div>\n";
    if (!f.errors.empty()) {
        s += "<h3>" + t("入力エラー", "Input errors") + "</h3>\n";
        for (const auto& d : f.errors) s += diagnostic_html(d, L);
        return s + "</section>\n";
    }

    // The findings at a glance, so the first page says what to fix.
    std::string top;
    for (const auto& o : f.outcomes)
        for (const auto& fi : o.findings) top += "<li>" + badge("", fi.rule_id) + " " + finding_html(fi, L) + "</li>\n";
    if (!top.empty()) s += "<h3>" + t("指摘事項", "Findings") + "</h3>\n<ul class=\"top\">\n" + top + "</ul>\n";

    s += "<h3>" + t("要件ごとの判定", "Requirements") + "</h3>\n";
    s += "<table class=\"requirements\"><colgroup><col style=\"width:14%\"><col style=\"width:24%\"><col style=\"width:12%\">"
         "<col style=\"width:11%\"><col style=\"width:8%\"><col style=\"width:31%\"></colgroup><thead><tr><th>" + t("規則・根拠", "rule / clause") + "</th><th>" + t("要件", "requirement") +
         "</th><th>" + t("必要", "required") + "</th><th>" + t("記載", "found") + "</th><th>" + t("判定", "judgement") + "</th><th>" +
         t("指摘（行）", "findings (line)") + "</th></tr></thead>\n<tbody>\n";
    // Requirements not checked because a section is absent are one row per
    // section (a curriculum-only file would otherwise print pages of them).
    struct Absent {
        std::vector<std::string> rules;
        std::size_t count = 0;
    };
    std::map<Section, Absent> absent;
    for (const auto& o : f.outcomes) {
        const Rule* rule = find_rule(o.rule_id);
        if (rule && o.status == Status::not_checked && o.findings.empty()) {
            Absent& a = absent[rule->section];
            if (a.rules.empty() || a.rules.back() != o.rule_id) a.rules.push_back(o.rule_id);
            ++a.count;
            continue;
        }
        std::string cite = rule ? std::string(rule->citation) : std::string();
        s += "<tr class=\"row-" + std::string(status_code(o.status)) + "\"><td class=\"rule\">" + esc(o.rule_id) +
             "<span class=\"cite\">" + esc(cite) + "</span></td><td>" + esc(o.label.in(L)) + "</td>" + value_td(o.required, L) + value_td(o.measured, L) + "<td>" + status_badge(o.status, o.basis, L) +
             "</td><td>";
        if (o.basis == Basis::declared)
            s += "<div class=\"evidence\">" + t("申告による。確認する書類: ", "Declared; see: ") + esc(o.evidence.in(L)) + "</div>";
        for (const auto& fi : o.findings) s += finding_html(fi, L);
        s += "</td></tr>\n";
    }
    for (const auto& [section, a] : absent) {
        std::string ids = a.rules.size() <= 3 ? a.rules.front() : a.rules.front() + "〜" + a.rules.back();
        if (a.rules.size() == 2 || a.rules.size() == 3)
            for (std::size_t i = 1; i < a.rules.size(); ++i) ids += ", " + a.rules[i];
        const Text what = section_text(section);
        s += "<tr class=\"row-not-checked\"><td class=\"rule\">" + esc(ids) + "</td><td>" +
             (L == Lang::ja ? esc(what.ja) + "（" + std::to_string(a.count) + "件の要件）"
                            : esc(what.en) + " (" + std::to_string(a.count) + " requirements)") +
             "</td><td>—</td><td>" + t("記載なし", "not described") + "</td><td>" + status_badge(Status::not_checked, L) +
             "</td><td></td></tr>\n";
    }
    s += "</tbody></table>\n";

    if (!f.courses.empty()) {
        s += "<h3>" + t("教育課程（別表第一）", "Curriculum (別表第一)") + "</h3>\n";
        for (const auto& c : f.courses) s += course_html(c, L);
    }
    return s + "</section>\n";
}

}  // namespace

std::string write_html(const RunReport& run, Lang L) {
    Tr t{L};
    std::string s;
    s.reserve(64 * 1024);
    s += "<!DOCTYPE html>\n<html lang=\"" + t("ja", "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    s += "<meta name=\"generator\" content=\"ahaki-check " + esc(tool_version) + "\">\n";
    std::string title = t("ahaki-check 確認報告書", "ahaki-check report");
    if (run.files.size() == 1 && run.files[0].type) title += " — " + run.files[0].school_name;
    s += "<title>" + esc(title) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n";
    s += "<h1>" + t("あん摩マッサージ指圧師・はり師・きゅう師養成施設 確認報告書", "Accreditation check report: anma-massage-shiatsu, acupuncture and moxibustion schools") + "</h1>\n";
    std::string standards;
    if (run.standards)
        for (const auto& e : run.standards->editions)
            standards += (standards.empty() ? "" : ", ") + esc(e.id) + " (" + esc(e.applies_from.str()) + "〜)";
    s += "<p class=\"meta\">ahaki-check " + esc(tool_version) + (standards.empty() ? "" : t("、基準: ", "; standard: ") + standards) +
         (run.complete ? t("、完全な申請として確認（--complete）", "; checked as a complete application (--complete)") : "") + "</p>\n";

    // Overall: verdicts and finding counts over every file.
    std::array<std::size_t, 5> verdicts{};
    std::array<std::size_t, 4> totals{};
    for (const auto& f : run.files) {
        ++verdicts[static_cast<std::size_t>(f.verdict())];
        auto c = f.counts();
        for (std::size_t i = 0; i < 4; ++i) totals[i] += c[i];
    }
    Verdict overall = run.files.empty() || !run.run_errors.empty() ? Verdict::invalid : Verdict::compliant;
    for (const auto& f : run.files) {
        Verdict v = f.verdict();
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
        if (rank(v) > rank(overall)) overall = v;
    }
    // With one file its own box says it all; the overall box is for batches.
    const bool show_overall = run.files.size() != 1 || !run.run_errors.empty();
    s += "<section class=\"overall\">\n";
    if (show_overall) {
        s += "<div class=\"verdict " + std::string(verdict_class(overall)) + "\"><span class=\"word\">" +
             esc(verdict_text(overall).in(L)) + "</span><span class=\"counts\">";
        if (L == Lang::ja)
            s += "全体: " + std::to_string(run.files.size()) + " ファイル（適合 " + std::to_string(verdicts[0]) + "、不適合 " +
                 std::to_string(verdicts[1]) + "、要確認 " + std::to_string(verdicts[2]) + "、一部未確認 " +
                 std::to_string(verdicts[3]) + "、入力エラー " + std::to_string(verdicts[4]) + "）<br>指摘: エラー " +
                 std::to_string(totals[0]) + "、警告 " + std::to_string(totals[1]) + "、要確認 " + std::to_string(totals[2]) +
                 "、情報 " + std::to_string(totals[3]);
        else
            s += "overall: " + std::to_string(run.files.size()) + " files (" + std::to_string(verdicts[0]) + " compliant, " +
                 std::to_string(verdicts[1]) + " non-compliant, " + std::to_string(verdicts[2]) + " need review, " +
                 std::to_string(verdicts[3]) + " partially checked, " + std::to_string(verdicts[4]) +
                 " invalid)<br>findings: " + std::to_string(totals[0]) + " errors, " + std::to_string(totals[1]) +
                 " warnings, " + std::to_string(totals[2]) + " to review, " + std::to_string(totals[3]) + " info";
        s += "</span></div>\n";
    }
    for (const auto& d : run.run_errors) s += diagnostic_html(d, L);
    if (run.files.size() > 1) {
        s += "<table class=\"files\"><thead><tr><th>" + t("ファイル", "file") + "</th><th>" + t("学校", "school") + "</th><th>" +
             t("判定", "verdict") + "</th><th class=\"num\">" + t("エラー", "errors") + "</th><th class=\"num\">" + t("警告", "warnings") +
             "</th><th class=\"num\">" + t("要確認", "review") + "</th></tr></thead>\n<tbody>\n";
        for (const auto& f : run.files) {
            auto c = f.counts();
            Verdict v = f.verdict();
            s += "<tr><td>" + esc(f.path) + "</td><td>" + esc(f.school_name) + "</td><td><span class=\"badge " +
                 std::string(verdict_class(v)) + "\">" + esc(verdict_text(v).in(L)) + "</span></td><td class=\"num\">" +
                 std::to_string(c[0]) + "</td><td class=\"num\">" + std::to_string(c[1]) + "</td><td class=\"num\">" +
                 std::to_string(c[2]) + "</td></tr>\n";
        }
        s += "</tbody></table>\n";
    }
    s += "</section>\n";

    bool first = true;
    for (const auto& f : run.files) {
        s += file_html(f, L, first);
        first = false;
    }
    s += "<footer>" +
         t("この報告書は ahaki-check が学校の記述（XML）から機械的に作成したものです。「要確認」の項目は書類で確かめてください。",
           "Generated by ahaki-check from the school description (XML). Items marked \"needs review\" must be checked against the documents.") +
         "</footer>\n</body>\n</html>\n";
    return s;
}

}  // namespace ahaki
