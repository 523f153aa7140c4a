#include "report/common.hpp"

#include <filesystem>

#include "import/names.hpp"
#include "report/escape.hpp"

namespace ahaki {

RunTotals run_totals(const RunReport& run) {
    RunTotals t;
    t.files = run.files.size();
    for (const auto& f : run.files) {
        ++t.verdicts[static_cast<std::size_t>(f.verdict())];
        auto c = f.counts();
        for (std::size_t i = 0; i < 4; ++i) t.findings[i] += c[i];
        auto s = f.status_counts();
        for (std::size_t i = 0; i < 4; ++i) t.requirements[i] += s[i];
        for (const auto& o : f.outcomes)
            for (const auto& fi : o.findings)
                if (fi.waiver_reason) ++t.waived;
        t.load_errors += f.errors.size();
    }
    return t;
}

namespace report {

std::string normal_path(const std::string& path) {
    std::string s = std::filesystem::path(path).lexically_normal().generic_string();
    while (s.rfind("./", 0) == 0) s.erase(0, 2);
    return s;
}

std::string artifact_uri(const std::string& path) {
    std::string s = normal_path(path);
    bool absolute = std::filesystem::path(path).is_absolute();
    static const char hex[] = "0123456789ABCDEF";
    std::string out = absolute ? "file://" : "";
    for (unsigned char c : s) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                     c == '_' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string xml_escape(std::string_view s) {
    // escape::terminal first: control characters (which XML 1.0 cannot carry),
    // U+FFFE/U+FFFF, bidirectional controls and bytes that are not UTF-8 become
    // visible \xNN / \uXXXX text instead of vanishing or breaking the document.
    const std::string t = escape::terminal(s, true);
    std::string out;
    out.reserve(t.size());
    for (char c : t) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\n': out += "&#10;"; break;
            case '\t': out += "&#9;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string waiver_mark(const Finding& f, Lang lang) {
    if (!f.waiver_reason) return {};
    std::string id = escape::shown(f.waiver_id.value_or(""));
    std::string reason = escape::shown(*f.waiver_reason);
    return lang == Lang::ja ? "免除（" + id + "）: " + reason : "waived (" + id + "): " + reason;
}

std::string finding_line(const std::string& file, const Finding& f, Lang lang) {
    std::string s = location_prefix(file, f.loc);
    s += ": ";
    s += severity_text(f.severity).in(lang);
    s += ": ";
    s += escape::shown(f.message.in(lang), escape::max_message);
    s += " [";
    s += f.rule_id;
    if (!f.citation.empty()) {
        s += ' ';
        s += escape::shown(f.citation);
    }
    s += ']';
    if (f.waiver_reason) {
        s += lang == Lang::ja ? "（" : " (";
        s += waiver_mark(f, lang);
        s += lang == Lang::ja ? "）" : ")";
    }
    return s;
}

std::string waiver_notice_line(const WaiverNotice& n, Lang lang) {
    std::string s = location_prefix(n.waiver_file, n.loc);
    s += ": ";
    s += severity_text(Severity::warning).in(lang);
    s += ": ";
    s += escape::shown(n.message.in(lang), escape::max_message);
    s += " [";
    s += waiver_problem_code(n.problem);
    s += ']';
    return s;
}

const Finding* worst_unwaived(const Outcome& o) {
    const Finding* worst = nullptr;
    for (const auto& f : o.findings)
        if (!f.waiver_reason && (!worst || severity_rank(f.severity) > severity_rank(worst->severity))) worst = &f;
    return worst;
}

std::size_t declared_compliant(const FileReport& f) {
    std::size_t n = 0;
    for (const auto& o : f.outcomes) n += o.basis == Basis::declared && o.status == Status::compliant;
    return n;
}

std::string area_name(Area a, const std::optional<FacilityType>& type, Lang lang) {
    if (lang != Lang::ja) return std::string(info(a).en);
    return type ? std::string(import::area_label(a, *type)) : std::string(info(a).ja);
}

std::string notice_text(const Diagnostic& n, Lang lang) { return escape::shown(n.message.in(lang), escape::max_message); }

}  // namespace report
}  // namespace ahaki
