#include "rules/format.hpp"

#include <cctype>

namespace ahaki::fmt {

std::string num(Decimal d) {
    std::string s = d.str();
    std::size_t dot = s.find('.');
    std::size_t int_end = dot == std::string::npos ? s.size() : dot;
    std::size_t start = s[0] == '-' ? 1 : 0;
    if (int_end <= start + 3) return s;
    // Built left to right (GCC 12 -O3 warns falsely (-Wrestrict) on insert()).
    std::string out(s, 0, start);
    std::size_t first = (int_end - start) % 3;
    if (first == 0) first = 3;
    out.append(s, start, first);
    for (std::size_t i = start + first; i < int_end; i += 3) out.append(1, ',').append(s, i, 3);
    out.append(s, int_end, std::string::npos);
    return out;
}

Value units(Decimal d) { return Value{d, Text{"単位", "units"}, {}}; }
Value hours(Decimal d) { return Value{d, Text{"時間", "hours"}, {}}; }
Value hours_per_unit(Decimal d) { return Value{d, Text{"時間/単位", "hours per unit"}, {}}; }
Value count(Decimal d, Text unit) { return Value{d, std::move(unit), {}}; }
Value text(Text t) { return Value{std::nullopt, {}, std::move(t)}; }
Value at_least(Value v) {
    v.text = Text{"以上", "at least"};
    return v;
}
Value at_most(Value v) {
    v.text = Text{"以下", "at most"};
    return v;
}

std::string a(std::string_view word) {
    char c = word.empty() ? 'x' : static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
    bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    return std::string(vowel ? "an " : "a ") + std::string(word);
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string years(std::string_view n) { return std::string(n) + (n == "1" ? " year" : " years"); }

std::string cite(const Threshold& t) {
    if (t.provenance == Provenance::derived) return t.clause + "（導出値 DERIVED）";
    if (t.provenance == Provenance::assumed) return t.clause + "（仮定 ASSUMED）";
    if (t.provenance == Provenance::advisory) return t.clause + "（団体の指導 ADVISORY）";
    return t.clause;
}

std::vector<Text> provenance_notes(const Threshold& t) {
    if (t.provenance == Provenance::derived)
        return {Text{"この基準値は出典に明記がなく、出典のある数値から導いた値です: " + t.note,
                     "this threshold is not stated in a source; it is derived from sourced numbers: " + t.note}};
    if (t.provenance == Provenance::assumed)
        return {Text{"この基準値は出典に明記がなく、出典の解釈（仮定）によります: " + t.note,
                     "this threshold is not stated in a source; it rests on an assumption: " + t.note}};
    if (t.provenance == Provenance::advisory)
        return {Text{"この基準値は出典が団体等の指導として示すもの（参考）です: " + t.note,
                     "the source gives this value only as what others instruct (for reference): " + t.note}};
    if (t.provenance == Provenance::gl_hk)
        return {Text{"この基準値ははり師及びきゅう師養成施設指導ガイドラインによります", "this threshold comes from the はり師及びきゅう師 guideline (GL-HK)"}};
    return {};
}

Text with_unit(Decimal d, const Text& unit) {
    const bool space_en = !unit.en.empty() && unit.en[0] != '/';
    return Text{num(d) + unit.ja, num(d) + (space_en ? " " : "") + unit.en};
}

}  // namespace ahaki::fmt
