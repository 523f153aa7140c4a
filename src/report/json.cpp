// The JSON report, written directly into a string (no DOM): the bytes are the
// same as boost::json::serialize of the equivalent object (keys in insertion
// order, no spaces, the same escapes), at a fraction of the cost.
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "engine/waivers.hpp"
#include "report/common.hpp"
#include "report/escape.hpp"
#include "report/json_escape.hpp"
#include "report/json_parts.hpp"
#include "report/plan_render.hpp"
#include "report/report.hpp"

namespace ahaki {
namespace json_parts {
namespace {

/// Writes the report's many small pieces into a fixed buffer through a raw pointer (one
/// bounds check per piece, no per-piece append call) and appends the buffer to `out` in
/// blocks. flush() must end every use (it is not left to the destructor, where a failed
/// append could not be reported).
class W {
public:
    explicit W(std::string& out) : o_(out) {}
    W(const W&) = delete;
    W& operator=(const W&) = delete;

    void flush() {
        o_.append(buf_, static_cast<std::size_t>(p_ - buf_));
        p_ = buf_;
    }

    W& raw(std::string_view s) {
        while (s.size() > capacity) {  // never in practice: raw pieces are literals and numbers
            raw(s.substr(0, capacity));
            s.remove_prefix(capacity);
        }
        char* p = room(s.size());
        if (!s.empty()) std::memcpy(p, s.data(), s.size());
        p_ = p + s.size();
        return *this;
    }
    /// A quoted, escaped string. Inlined (with key() and next()): these are most of the
    /// report's calls, and constant keys then become a few stores.
    [[gnu::always_inline]] W& str(std::string_view s) {
        if (json_escape::max_escaped_size(s.size()) + 2 > capacity) return long_str(s);
        char* p = room(json_escape::max_escaped_size(s.size()) + 2);
        *p++ = '"';
        p = json_escape::write_escaped(p, s);
        *p++ = '"';
        p_ = p;
        return *this;
    }
    /// "key": — keys are short constants of the report format, none needs an escape.
    [[gnu::always_inline]] W& key(std::string_view k) {
        p_ = put_key(room(k.size() + 3), k);
        return *this;
    }
    /// ,"key": (for every key but the first of an object)
    [[gnu::always_inline]] W& next(std::string_view k) {
        char* p = room(k.size() + 4);
        *p++ = ',';
        p_ = put_key(p, k);
        return *this;
    }
    template <class I>
    W& integer(I v) {
        char* p = room(24);
        p_ = std::to_chars(p, p + 24, v).ptr;
        return *this;
    }
    W& boolean(bool b) { return raw(b ? "true" : "false"); }
    W& null() { return raw("null"); }
    W& number(Decimal d) {
        if (d.milli() % Decimal::scale == 0) return integer(static_cast<std::int64_t>(d.milli() / Decimal::scale));
        // Rare (fractional units or hours): boost's own double formatting.
        return raw(boost::json::serialize(boost::json::value(d.to_double())));
    }
    W& opt_number(const std::optional<Decimal>& d) { return d ? number(*d) : null(); }
    W& c(char ch) {
        *room(1) = ch;
        ++p_;
        return *this;
    }

private:
    /// A string that may not fit the buffer even escaped (e.g. a long message): in parts.
    W& long_str(std::string_view s) {
        c('"');
        for (std::size_t part = capacity / 6; !s.empty(); s.remove_prefix(std::min(part, s.size())))
            p_ = json_escape::write_escaped(room(json_escape::max_escaped_size(part)), s.substr(0, part));
        return c('"');
    }

    /// Under the size from which glibc's memcpy switches to `rep movsb`, so a flush is a
    /// plain vector copy.
    static constexpr std::size_t capacity = 2048;

    /// Where to write the next k (<= capacity) bytes.
    char* room(std::size_t k) {
        if (static_cast<std::size_t>(buf_ + capacity - p_) < k) flush();
        return p_;
    }
    static char* put_key(char* p, std::string_view k) {
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        return p;
    }

    std::string& o_;
    char buf_[capacity];
    char* p_ = buf_;
};

void value_json(W& w, const Value& v, Lang L) {
    w.c('{');
    bool first = true;
    auto k = [&](std::string_view name) {
        if (first) w.key(name);
        else w.next(name);
        first = false;
    };
    if (v.number) k("value"), w.number(*v.number);
    if (!v.unit.empty()) k("unit"), w.str(v.unit.in(L));
    if (!v.text.empty()) k("text"), w.str(v.text.in(L));
    w.c('}');
}

/// ,"line":…,"column":…,"path":…
void put_loc(W& w, const Loc& loc) {
    if (loc.known()) {
        w.next("line").integer(loc.line);
        w.next("column").integer(loc.column);
    } else {
        w.next("line").null();
        w.next("column").null();
    }
    w.next("path").str(loc.path);
    if (!loc.cell.empty()) w.next("cell").str(loc.cell);
}

void diagnostic_json(W& w, const Diagnostic& d, Lang L) {
    w.c('{').key("file").str(d.file);
    put_loc(w, d.loc);
    w.next("message").str(d.message.in(L));
    w.next("expected").str(d.expected.in(L));
    w.c('}');
}

void counts4(W& w, const char* const names[4], const std::array<std::size_t, 4>& c) {
    w.c('{');
    for (std::size_t i = 0; i < 4; ++i) {
        if (i) w.c(',');
        w.key(names[i]).integer(c[i]);
    }
    w.c('}');
}

const char* const severity_names[4] = {"error", "warning", "review", "info"};

}  // namespace

void header(std::string& out, const RunReport& run, Lang L) {
    W w(out);
    w.c('{').key("$schema").str("https://ahaki-check.invalid/schemas/report.schema.json");
    w.next("tool").c('{').key("name").str("ahaki-check").next("version").str(tool_version).c('}');
    w.next("language").str(L == Lang::ja ? "ja" : "en");
    w.next("complete").boolean(run.complete);
    w.next("standards").c('[');
    if (run.standards) {
        bool first = true;
        for (const auto& s : run.standards->editions) {
            if (!first) w.c(',');
            first = false;
            w.c('{').key("id").str(s.id).next("applies_from").str(s.applies_from.str());
            w.next("title").str(s.title.in(L)).next("origin").str(s.origin).c('}');
        }
    }
    w.c(']');
    w.next("errors").c('[');
    for (std::size_t i = 0; i < run.run_errors.size(); ++i) {
        if (i) w.c(',');
        diagnostic_json(w, run.run_errors[i], L);
    }
    w.c(']');
    // Waivers (--waivers): the file, how many entries, and the expired or unmatched ones.
    w.next("waivers");
    if (!run.waivers) {
        w.null().flush();
        return;
    }
    w.c('{').key("file").str(run.waivers->file).next("count").integer(run.waivers->waivers.size());
    w.next("notices").c('[');
    for (std::size_t i = 0; i < run.waiver_notices.size(); ++i) {
        const auto& n = run.waiver_notices[i];
        if (i) w.c(',');
        w.c('{').key("kind").str(waiver_problem_code(n.problem)).next("waiver").str(n.waiver_id).next("rule").str(n.rule);
        w.next("file").str(n.waiver_file);
        put_loc(w, n.loc);
        w.next("message").str(n.message.in(L)).c('}');
    }
    w.c(']').c('}').flush();
}

void Totals::add(const FileReport& f) {
    ++files;
    ++verdicts[static_cast<std::size_t>(f.verdict())];
    auto c = f.counts();
    for (std::size_t i = 0; i < 4; ++i) findings[i] += c[i];
    for (const auto& o : f.outcomes) {
        ++requirements[static_cast<std::size_t>(o.status)];
        for (const auto& fi : o.findings) waived += fi.waiver_reason.has_value();
    }
}

void Totals::add(const Totals& o) {
    files += o.files;
    for (std::size_t i = 0; i < verdicts.size(); ++i) verdicts[i] += o.verdicts[i];
    for (std::size_t i = 0; i < 4; ++i) {
        findings[i] += o.findings[i];
        requirements[i] += o.requirements[i];
    }
    waived += o.waived;
}

void summary(std::string& out, const Totals& t) {
    W w(out);
    w.next("summary").c('{').key("files").integer(t.files);
    w.next("verdicts").c('{');
    w.key("compliant").integer(t.verdicts[0]).next("non-compliant").integer(t.verdicts[1]);
    w.next("needs-review").integer(t.verdicts[2]).next("partially-checked").integer(t.verdicts[3]);
    w.next("invalid").integer(t.verdicts[4]).c('}');
    w.next("findings");
    counts4(w, severity_names, t.findings);
    static const char* const status_names[4] = {"compliant", "non-compliant", "needs-review", "not-checked"};
    w.next("requirements");
    counts4(w, status_names, t.requirements);
    w.next("waived").integer(t.waived);
    w.c('}').flush();
}

void file(std::string& out, const FileReport& f, Lang L) {
    W w(out);
    Verdict v = f.verdict();
    w.c('{').key("path").str(f.path);
    w.next("encoding").str(f.encoding);
    w.next("verdict").str(verdict_code(v));
    w.next("verdict_text").str(verdict_text(v).in(L));
    w.next("school");
    if (f.type) w.c('{').key("name").str(f.school_name).next("type").str(info(*f.type).code).c('}');
    else w.null();
    w.next("standard").str(f.standard_id);
    w.next("errors").c('[');
    for (std::size_t i = 0; i < f.errors.size(); ++i) {
        if (i) w.c(',');
        diagnostic_json(w, f.errors[i], L);
    }
    w.c(']');
    // What a sheet's import read generously (filled-down cells, full-width digits, skipped rows): notes, not errors.
    w.next("notices").c('[');
    for (std::size_t i = 0; i < f.notices.size(); ++i) {
        if (i) w.c(',');
        diagnostic_json(w, f.notices[i], L);
    }
    w.c(']');

    // Requirements first (each with the indices of its findings), then the findings.
    w.next("requirements").c('[');
    std::size_t finding_index = 0;
    const Rule* rule = nullptr;
    for (std::size_t oi = 0; oi < f.outcomes.size(); ++oi) {
        const Outcome& o = f.outcomes[oi];
        // Outcomes come in rule order: look the rule up once per run of outcomes.
        if (!rule || rule->id != o.rule_id) rule = find_rule(o.rule_id);
        if (oi) w.c(',');
        w.c('{').key("rule").str(o.rule_id);
        w.next("scope").str(o.scope);
        w.next("label").str(o.label.in(L));
        w.next("status").str(status_code(o.status));
        w.next("basis").str(basis_code(o.basis));
        if (o.basis == Basis::declared) w.next("evidence").str(o.evidence.in(L));
        w.next("citation").str(rule ? rule->citation : std::string_view{});
        w.next("measured");
        value_json(w, o.measured, L);
        w.next("required");
        value_json(w, o.required, L);
        put_loc(w, o.loc);
        w.next("findings").c('[');
        for (std::size_t i = 0; i < o.findings.size(); ++i) {
            if (i) w.c(',');
            w.integer(finding_index++);
        }
        w.c(']').c('}');
    }
    w.c(']');
    w.next("findings").c('[');
    bool first = true;
    for (const auto& o : f.outcomes)
        for (const auto& fi : o.findings) {
            if (!first) w.c(',');
            first = false;
            w.c('{').key("rule").str(fi.rule_id);
            w.next("severity").str(severity_code(fi.severity));
            w.next("message").str(fi.message.in(L));
            w.next("citation").str(fi.citation);
            put_loc(w, fi.loc);
            w.next("measured");
            value_json(w, fi.measured, L);
            w.next("required");
            value_json(w, fi.required, L);
            w.next("notes").c('[');
            for (std::size_t i = 0; i < fi.notes.size(); ++i) {
                if (i) w.c(',');
                w.str(fi.notes[i].in(L));
            }
            w.c(']');
            w.next("waiver");
            if (fi.waiver_reason)
                w.c('{').key("id").str(fi.waiver_id.value_or("")).next("reason").str(*fi.waiver_reason).c('}');
            else
                w.null();
            w.c('}');
        }
    w.c(']');

    w.next("counts");
    counts4(w, severity_names, f.counts());
    static const char* const status_names[4] = {"compliant", "non-compliant", "needs-review", "not-checked"};
    w.next("requirement_counts");
    counts4(w, status_names, f.status_counts());

    w.next("curriculum").c('[');
    for (std::size_t ci = 0; ci < f.courses.size(); ++ci) {
        const CourseSummary& cs = f.courses[ci];
        if (ci) w.c(',');
        w.c('{').key("id").str(cs.id);
        w.next("schedule").str(info(cs.schedule).code);
        w.next("years").integer(cs.years);
        w.next("standard").str(cs.standard_id);
        w.next("subjects").integer(cs.subject_count);
        w.next("areas").c('[');
        for (std::size_t i = 0; i < cs.areas.size(); ++i) {
            const AreaRow& r = cs.areas[i];
            if (i) w.c(',');
            w.c('{').key("area").str(info(r.area).code);
            w.next("name").str(report::area_name(r.area, f.type, L));
            w.next("units").number(r.units);
            w.next("hours").number(r.hours);
            w.next("min_units").opt_number(r.min_units);
            w.c('}');
        }
        w.c(']');
        w.next("total_units").number(cs.total_units);
        w.next("total_hours").number(cs.total_hours);
        w.next("min_total_units").opt_number(cs.min_total_units);
        w.next("min_total_hours").opt_number(cs.min_total_hours);
        w.c('}');
    }
    w.c(']');
    // The fix plan (issue 12): the smallest curriculum changes that meet the CUR-* rules.
    w.next("plan").raw(boost::json::serialize(report::plan_json(f, L)));
    // A document kind's own summary (the clinic's ledger); absent for schools.
    if (!f.summary.empty()) w.next("summary").raw(f.summary.json.in(L));
    w.c('}').flush();
}

}  // namespace json_parts

std::string write_json(const RunReport& run, Lang L) {
    std::string out;
    json_parts::Totals totals;
    for (const auto& f : run.files) totals.add(f);
    json_parts::header(out, run, L);
    json_parts::summary(out, totals);
    out += ",\"files\":[";
    for (std::size_t i = 0; i < run.files.size(); ++i) {
        if (i) out += ',';
        json_parts::file(out, run.files[i], L);
    }
    out += "]}\n";
    escape::repair_utf8(out, true);  // a file name that is not UTF-8: its bytes as \\xNN
    return out;
}

}  // namespace ahaki
