#pragma once
// A rule: a stable id, one clause, a severity, titles and an explanation in
// Japanese and English, and a check function over the model.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/school.hpp"
#include "rules/finding.hpp"
#include "standard/standard.hpp"

namespace ahaki {

class Emitter;
struct RuleContext;
using CheckFn = void (*)(const RuleContext&, Emitter&);

/// The part of a description a rule needs; absent parts make it "not checked".
enum class Section { curriculum, timetable, placements, teachers, students, sites, premises, equipment, finance,
                     records, procedure, founder, school_rules, cross_file, claims };
std::string_view section_code(Section s);
Text section_text(Section s);

struct Rule {
    std::string_view id;        ///< stable forever; a removed rule's id is never reused
    Severity severity;          ///< the severity of a failure
    Section section;
    std::string_view citation;  ///< e.g. 指導要領 8(4)
    Text title;
    Text explanation;           ///< what is checked, how, and where the threshold comes from
    CheckFn check;
};

/// The registry: every rule, sorted by id.
std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);

/// Rules whose requirements rest on the school's yes/no declaration (rules/basis.cpp):
/// the evidence the reviewer must see, or null for a rule that computes from facts.
const Text* declared_evidence(std::string_view rule_id);
std::vector<std::string_view> declared_rule_ids();

struct CheckOptions {
    bool complete = false;  ///< --complete: absent sections are errors, not "not checked"
};

struct RuleContext {
    const School& school;
    /// The edition of the standard for each course (parallel to school.courses).
    std::vector<const Standard*> course_standards;
    /// The edition for school-wide rules (that of the newest intake).
    const Standard* standard = nullptr;
    CheckOptions options;
};

/// Collects the outcomes of one rule on one file.
class Emitter {
public:
    Emitter(const Rule& rule, const CheckOptions& options, std::vector<Outcome>& out)
        : rule_(rule), options_(options), out_(out) {}

    const Rule& rule() const { return rule_; }

    /// Records a requirement; it is compliant until a finding is added to it.
    Outcome& requirement(std::string scope, Text label, Loc loc, Value measured = {}, Value required = {}) {
        return add(std::move(scope), std::move(label), std::move(loc), std::move(measured), std::move(required));
    }
    /// Adds a finding to a requirement and updates its status.
    Finding& finding(Outcome& o, Severity severity, Loc loc, Text message, Value measured = {}, Value required = {},
                     std::string citation = {}, std::vector<Text> notes = {});
    Finding& finding(Outcome& o, Loc loc, Text message, Value measured = {}, Value required = {},
                     std::string citation = {}, std::vector<Text> notes = {}) {
        return finding(o, rule_.severity, std::move(loc), std::move(message), std::move(measured), std::move(required),
                       std::move(citation), std::move(notes));
    }
    /// Records a requirement that was checked and met.
    Outcome& pass(std::string scope, Text label, Loc loc, Value measured = {}, Value required = {});
    /// Records a requirement that was not met, with its finding (severity from the rule unless given).
    Outcome& fail(std::string scope, Text label, Loc loc, Text message, Value measured, Value required,
                  std::string citation, std::vector<Text> notes = {});
    Outcome& fail_as(Severity severity, std::string scope, Text label, Loc loc, Text message, Value measured,
                     Value required, std::string citation, std::vector<Text> notes = {});
    /// Marks a requirement as resting on the school's declaration, with the evidence to see.
    Outcome& declare(Outcome& o, Text evidence) {
        o.basis = Basis::declared;
        o.evidence = std::move(evidence);
        return o;
    }
    /// Marks a requirement of a declared rule as computed from facts after all.
    Outcome& computed(Outcome& o) {
        o.basis = Basis::computed;
        o.evidence = {};
        return o;
    }
    /// The description lacks what the rule needs. With --complete this is an error.
    Outcome& not_checked(std::string scope, Text label, Loc loc, Text missing_what);

private:
    // By rvalue reference: the public functions take their arguments by value and hand
    // them on without another move (≈ 300 requirements a file).
    Outcome& add(std::string&& scope, Text&& label, Loc&& loc, Value&& measured, Value&& required);
    const Rule& rule_;
    const CheckOptions& options_;
    std::vector<Outcome>& out_;
};

}  // namespace ahaki
