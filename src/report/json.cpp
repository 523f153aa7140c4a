#include <boost/json.hpp>

#include "report/report.hpp"

namespace ahaki {
namespace json = boost::json;
namespace {

json::value number(Decimal d) {
    if (d.milli() % Decimal::scale == 0) return json::value(d.milli() / Decimal::scale);
    return json::value(d.to_double());
}

json::object value_json(const Value& v, Lang L) {
    json::object o;
    if (v.number) o["value"] = number(*v.number);
    if (!v.unit.empty()) o["unit"] = v.unit.in(L);
    if (!v.text.empty()) o["text"] = v.text.in(L);
    return o;
}

void put_loc(json::object& o, const Loc& loc) {
    if (loc.known()) {
        o["line"] = loc.line;
        o["column"] = loc.column;
    } else {
        o["line"] = nullptr;
        o["column"] = nullptr;
    }
    o["path"] = loc.path;
}

json::object diagnostic_json(const Diagnostic& d, Lang L) {
    json::object o;
    o["file"] = d.file;
    put_loc(o, d.loc);
    o["message"] = d.message.in(L);
    o["expected"] = d.expected.in(L);
    return o;
}

}  // namespace

std::string write_json(const RunReport& run, Lang L) {
    json::object root;
    root["$schema"] = "https://ahaki-check.invalid/schemas/report.schema.json";
    root["tool"] = {{"name", "ahaki-check"}, {"version", tool_version}};
    root["language"] = L == Lang::ja ? "ja" : "en";
    root["complete"] = run.complete;
    json::array standards;
    if (run.standards)
        for (const auto& s : run.standards->editions)
            standards.push_back(json::object{{"id", s.id}, {"applies_from", s.applies_from.str()}, {"title", s.title.in(L)}, {"origin", s.origin}});
    root["standards"] = std::move(standards);

    json::array run_errors;
    for (const auto& d : run.run_errors) run_errors.push_back(diagnostic_json(d, L));
    root["errors"] = std::move(run_errors);

    std::array<std::size_t, 5> verdicts{};
    std::array<std::size_t, 4> totals{};
    json::array files;
    for (const auto& f : run.files) {
        json::object fo;
        Verdict v = f.verdict();
        ++verdicts[static_cast<std::size_t>(v)];
        fo["path"] = f.path;
        fo["encoding"] = f.encoding;
        fo["verdict"] = verdict_code(v);
        fo["verdict_text"] = verdict_text(v).in(L);
        if (f.type) fo["school"] = {{"name", f.school_name}, {"type", info(*f.type).code}};
        else fo["school"] = nullptr;
        fo["standard"] = f.standard_id;
        json::array errors;
        for (const auto& d : f.errors) errors.push_back(diagnostic_json(d, L));
        fo["errors"] = std::move(errors);

        json::array reqs, findings;
        for (const auto& o : f.outcomes) {
            const Rule* rule = find_rule(o.rule_id);
            json::object ro;
            ro["rule"] = o.rule_id;
            ro["scope"] = o.scope;
            ro["label"] = o.label.in(L);
            ro["status"] = status_code(o.status);
            ro["citation"] = rule ? std::string(rule->citation) : std::string();
            ro["measured"] = value_json(o.measured, L);
            ro["required"] = value_json(o.required, L);
            put_loc(ro, o.loc);
            json::array refs;
            for (const auto& fi : o.findings) {
                refs.push_back(findings.size());
                json::object jo;
                jo["rule"] = fi.rule_id;
                jo["severity"] = severity_code(fi.severity);
                jo["message"] = fi.message.in(L);
                jo["citation"] = fi.citation;
                put_loc(jo, fi.loc);
                jo["measured"] = value_json(fi.measured, L);
                jo["required"] = value_json(fi.required, L);
                json::array notes;
                for (const auto& n : fi.notes) notes.push_back(json::value(n.in(L)));
                jo["notes"] = std::move(notes);
                if (fi.waiver_reason) jo["waiver"] = {{"id", fi.waiver_id.value_or("")}, {"reason", *fi.waiver_reason}};
                else jo["waiver"] = nullptr;
                findings.push_back(std::move(jo));
            }
            ro["findings"] = std::move(refs);
            reqs.push_back(std::move(ro));
        }
        fo["requirements"] = std::move(reqs);
        fo["findings"] = std::move(findings);

        auto c = f.counts();
        for (std::size_t i = 0; i < 4; ++i) totals[i] += c[i];
        fo["counts"] = {{"error", c[0]}, {"warning", c[1]}, {"review", c[2]}, {"info", c[3]}};
        auto sc = f.status_counts();
        fo["requirement_counts"] = {{"compliant", sc[0]}, {"non-compliant", sc[1]}, {"needs-review", sc[2]}, {"not-checked", sc[3]}};

        json::array courses;
        for (const auto& cs : f.courses) {
            json::object co;
            co["id"] = cs.id;
            co["schedule"] = info(cs.schedule).code;
            co["years"] = cs.years;
            co["standard"] = cs.standard_id;
            co["subjects"] = cs.subject_count;
            json::array rows;
            for (const auto& r : cs.areas) {
                json::object ro{{"area", info(r.area).code}, {"name", L == Lang::ja ? info(r.area).ja : info(r.area).en},
                                {"units", number(r.units)}, {"hours", number(r.hours)}};
                ro["min_units"] = r.min_units ? number(*r.min_units) : json::value(nullptr);
                rows.push_back(std::move(ro));
            }
            co["areas"] = std::move(rows);
            co["total_units"] = number(cs.total_units);
            co["total_hours"] = number(cs.total_hours);
            co["min_total_units"] = cs.min_total_units ? number(*cs.min_total_units) : json::value(nullptr);
            co["min_total_hours"] = cs.min_total_hours ? number(*cs.min_total_hours) : json::value(nullptr);
            courses.push_back(std::move(co));
        }
        fo["curriculum"] = std::move(courses);
        files.push_back(std::move(fo));
    }
    if (run.waivers) {
        json::array notices;
        for (const auto& n : run.waiver_notices) {
            json::object no{{"kind", waiver_problem_code(n.problem)}, {"waiver", n.waiver_id}, {"rule", n.rule}, {"file", n.waiver_file}};
            put_loc(no, n.loc);
            no["message"] = n.message.in(L);
            notices.push_back(std::move(no));
        }
        root["waivers"] = {{"file", run.waivers->file}, {"count", run.waivers->waivers.size()}, {"notices", std::move(notices)}};
    } else {
        root["waivers"] = nullptr;
    }
    RunTotals rt = run_totals(run);
    root["summary"] = {{"files", run.files.size()},
                       {"verdicts",
                        {{"compliant", verdicts[0]}, {"non-compliant", verdicts[1]}, {"needs-review", verdicts[2]},
                         {"partially-checked", verdicts[3]}, {"invalid", verdicts[4]}}},
                       {"findings", {{"error", totals[0]}, {"warning", totals[1]}, {"review", totals[2]}, {"info", totals[3]}}},
                       {"requirements",
                        {{"compliant", rt.requirements[0]}, {"non-compliant", rt.requirements[1]}, {"needs-review", rt.requirements[2]},
                         {"not-checked", rt.requirements[3]}}},
                       {"waived", rt.waived}};
    root["files"] = std::move(files);
    return json::serialize(root) + "\n";
}

}  // namespace ahaki
