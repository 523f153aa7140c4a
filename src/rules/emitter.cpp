#include "rules/rule.hpp"

#include <algorithm>

#include "report/escape.hpp"

namespace ahaki {
namespace {

// Every label, message, note and value of every rule passes here: a string that
// quotes a huge input value (a 60 MB name) is kept short once, at the source,
// instead of being repeated in every requirement, report and format.
void cap(std::string& s) {
    if (s.size() > escape::max_message) s = escape::capped(s, escape::max_message);
}
void cap(Text& t) {
    cap(t.ja);
    cap(t.en);
}
void cap(Value& v) { cap(v.text); }

}  // namespace

std::string_view section_code(Section s) {
    switch (s) {
        case Section::curriculum: return "curriculum";
        case Section::timetable: return "timetable";
        case Section::placements: return "placements";
        case Section::teachers: return "teachers";
        case Section::students: return "students";
        case Section::sites: return "clinical-sites";
        case Section::premises: return "premises";
        case Section::equipment: return "equipment";
        case Section::finance: return "finance";
        case Section::records: return "records";
        case Section::procedure: return "procedure";
        case Section::founder: return "founder";
        case Section::school_rules: return "school-rules";
        case Section::cross_file: return "cross-file";
        case Section::claims: return "claims";
    }
    return "curriculum";
}

Text section_text(Section s) {
    switch (s) {
        case Section::curriculum: return {"教育課程", "curriculum"};
        case Section::timetable: return {"時間割", "timetable"};
        case Section::placements: return {"臨床実習の実施先", "clinical practice placements"};
        case Section::teachers: return {"教員", "teachers"};
        case Section::students: return {"生徒", "students"};
        case Section::sites: return {"臨床実習施設", "clinical sites"};
        case Section::premises: return {"校舎", "premises"};
        case Section::equipment: return {"備品", "equipment"};
        case Section::finance: return {"財政", "finance"};
        case Section::records: return {"表簿", "records"};
        case Section::procedure: return {"手続", "procedure"};
        case Section::founder: return {"設置者", "founder"};
        case Section::school_rules: return {"学則", "school rules"};
        case Section::cross_file: return {"複数の申請の照合", "checks across submissions"};
        case Section::claims: return {"療養費の申請", "療養費 claims"};
    }
    return {"", ""};
}

Outcome& Emitter::add(std::string&& scope, Text&& label, Loc&& loc, Value&& measured, Value&& required) {
    cap(label);
    cap(measured);
    cap(required);
    Outcome& o = out_.emplace_back();
    o.rule_id = rule_.id;
    o.scope = std::move(scope);
    o.label = std::move(label);
    o.loc = std::move(loc);
    o.measured = std::move(measured);
    o.required = std::move(required);
    if (const Text* evidence = declared_evidence(rule_.id)) {
        o.basis = Basis::declared;
        o.evidence = *evidence;
    }
    return o;
}

Outcome& Emitter::pass(std::string scope, Text label, Loc loc, Value measured, Value required) {
    return add(std::move(scope), std::move(label), std::move(loc), std::move(measured), std::move(required));
}

Outcome& Emitter::fail(std::string scope, Text label, Loc loc, Text message, Value measured, Value required,
                       std::string citation, std::vector<Text> notes) {
    return fail_as(rule_.severity, std::move(scope), std::move(label), std::move(loc), std::move(message),
                   std::move(measured), std::move(required), std::move(citation), std::move(notes));
}

Outcome& Emitter::fail_as(Severity severity, std::string scope, Text label, Loc loc, Text message, Value measured,
                          Value required, std::string citation, std::vector<Text> notes) {
    Outcome& o = add(std::move(scope), std::move(label), Loc(loc), Value(measured), Value(required));
    finding(o, severity, std::move(loc), std::move(message), std::move(measured), std::move(required), std::move(citation),
            std::move(notes));
    return o;
}

Finding& Emitter::finding(Outcome& o, Severity severity, Loc loc, Text message, Value measured, Value required,
                          std::string citation, std::vector<Text> notes) {
    Finding& f = o.findings.emplace_back();
    f.rule_id = rule_.id;
    cap(message);
    cap(measured);
    cap(required);
    for (auto& n : notes) cap(n);
    f.severity = severity;
    f.loc = std::move(loc);
    f.message = std::move(message);
    f.notes = std::move(notes);
    f.measured = std::move(measured);
    f.required = std::move(required);
    f.citation = citation.empty() ? std::string(rule_.citation) : std::move(citation);
    Status s = severity == Severity::review ? Status::needs_review
               : severity == Severity::info ? Status::compliant
                                            : Status::non_compliant;
    auto rank = [](Status x) { return x == Status::non_compliant ? 3 : x == Status::needs_review ? 2 : x == Status::not_checked ? 1 : 0; };
    if (rank(s) > rank(o.status)) o.status = s;
    return f;
}

Outcome& Emitter::not_checked(std::string scope, Text label, Loc loc, Text missing_what) {
    if (!options_.complete) {
        Outcome& o = add(std::move(scope), std::move(label), std::move(loc), Value(), Value());
        o.status = Status::not_checked;
        o.basis = Basis::not_checked;
        o.evidence = {};
        o.measured.text = Text{missing_what.ja + "の記載なし", "no " + missing_what.en + " described"};
        return o;
    }
    Text message{missing_what.ja + "が記載されていないため確認できません（完全な申請として確認: --complete）",
                 "cannot be checked: no " + missing_what.en + " described (checked as a complete application: --complete)"};
    Value required;
    required.text = Text{missing_what.ja + "の記載", missing_what.en};
    Outcome& o = fail_as(Severity::error, std::move(scope), std::move(label), std::move(loc), std::move(message), {},
                         std::move(required), std::string(rule_.citation));
    o.basis = Basis::not_checked;
    o.evidence = {};
    return o;
}

}  // namespace ahaki
