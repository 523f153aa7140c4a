#pragma once
// Small helpers rules use to state measured and required values in both languages.
#include <initializer_list>
#include <string>
#include <string_view>

#include "model/decimal.hpp"
#include "model/text.hpp"
#include "rules/finding.hpp"
#include "standard/standard.hpp"

namespace ahaki::fmt {

/// The pieces joined, with one allocation: a + b + c + … reallocates whenever the
/// result outgrows its buffer, which the ~300 labels and scopes of a file mostly do.
inline std::string cat(std::initializer_list<std::string_view> pieces) {
    std::size_t n = 0;
    for (std::string_view p : pieces) n += p.size();
    std::string s;
    s.reserve(n);
    for (std::string_view p : pieces) s.append(p);
    return s;
}

/// 2835 -> "2,835"; 0.5 -> "0.5".
std::string num(Decimal d);
Value units(Decimal d);
Value hours(Decimal d);
Value hours_per_unit(Decimal d);
Value count(Decimal d, Text unit);
Value text(Text t);
/// "at least N units" as a required value.
Value at_least(Value v);
Value at_most(Value v);

/// The clause a threshold rests on; flags a DERIVED, ASSUMED or ADVISORY number.
std::string cite(const Threshold& t);
/// The English indefinite article and the word: "a lecture", "an experiment", "an anma-massage-shiatsu school".
std::string a(std::string_view word);
/// "1 error", "2 errors".
std::string count_of(std::size_t n, std::string_view one, std::string_view many);
/// "1 year", "5 years", "? years" for a number already written (fmt::num, std::to_string).
std::string years(std::string_view n);
/// Notes to attach when a threshold is derived (so the finding says so).
std::vector<Text> provenance_notes(const Threshold& t);
/// "N 単位" / "N units" etc.
Text with_unit(Decimal d, const Text& unit);

}  // namespace ahaki::fmt
