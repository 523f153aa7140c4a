#pragma once
// What a check produces: per requirement an outcome (compliant, non-compliant,
// needs review, not checked) and the findings behind it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/decimal.hpp"
#include "model/location.hpp"
#include "model/text.hpp"

namespace ahaki {

enum class Severity { error, warning, review, info };
std::string_view severity_code(Severity s);  ///< error, warning, review, info
Text severity_text(Severity s);
/// Higher is worse: error > warning > review > info.
int severity_rank(Severity s);

enum class Status { compliant, non_compliant, needs_review, not_checked };
std::string_view status_code(Status s);  ///< compliant, non-compliant, needs-review, not-checked
Text status_text(Status s);

/// What a requirement's status rests on (issue 10, item 6): a result computed from the
/// facts of the description, the school's own yes/no declaration (the reviewer must
/// see the evidence named in Outcome::evidence), or nothing (not checked).
enum class Basis { computed, declared, not_checked };
std::string_view basis_code(Basis b);  ///< computed, declared, not-checked
Text basis_text(Basis b);              ///< 計算 / 申告 / 未確認
/// The status as people read it: a declared compliant requirement is 「適合（申告）」, never plain 「適合」.
Text status_text(Status s, Basis b);

/// A measured or required quantity: a number with its unit, or a text.
struct Value {
    std::optional<Decimal> number;
    Text unit;  ///< 単位 / units, 時間 / hours …
    Text text;  ///< when not a number, or a qualifier such as "以上" / "at least"
    bool empty() const { return !number && text.empty(); }
    bool operator==(const Value&) const = default;
};

struct Waiver;  // report/waivers

struct Finding {
    std::string rule_id;
    Severity severity = Severity::error;
    Loc loc;
    Text message;            ///< states what was found and what is required
    std::vector<Text> notes; ///< secondary facts: which subjects were counted, a derived threshold…
    Value measured;
    Value required;
    std::string citation;    ///< the clause the threshold comes from
    /// Set when a waiver applies: the finding stays visible but no longer fails the run.
    std::optional<std::string> waiver_reason;
    std::optional<std::string> waiver_id;
    bool operator==(const Finding&) const = default;
};

struct Outcome {
    std::string rule_id;
    std::string scope;  ///< stable key of what was checked, e.g. "course=day area=foundations"
    Text label;         ///< what was checked, for people
    Status status = Status::compliant;
    Value measured;
    Value required;
    Loc loc;
    std::vector<Finding> findings;
    Basis basis = Basis::computed;
    Text evidence;  ///< declared: the documents the reviewer must see before accepting the declaration
    bool operator==(const Outcome&) const = default;
};

}  // namespace ahaki
