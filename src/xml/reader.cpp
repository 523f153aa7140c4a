#include "xml/reader.hpp"

#include "model/similar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <unordered_set>

namespace ahaki::xml {
namespace {


std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool has_fullwidth_digit(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
            auto c = static_cast<unsigned char>(s[i + 2]);
            if ((c >= 0x90 && c <= 0x99) || c == 0x8E) return true;  // ０-９ and ．
        }
    return false;
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (auto& c : o)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return o;
}

const Text decimal_expected{"0以上の10進数（半角数字、小数点は '.'、小数は3桁まで。例: 3, 1.5）",
                            "a non-negative decimal in ASCII digits with '.' for decimals, at most 3 decimals (e.g. 3, 1.5)"};

/// Classifies a malformed number so the message says what to change.
Text number_problem(std::string_view v) {
    std::string l = lower(v);
    if (v.empty()) return {"値が空です", "the value is empty"};
    if (has_fullwidth_digit(v)) return {"全角数字は使えません", "full-width digits are not allowed"};
    if (v.front() == '-') return {"負の数は使えません", "negative numbers are not allowed"};
    if (v.front() == '+') return {"符号 '+' は使えません", "a '+' sign is not allowed"};
    if (l == "nan" || l == "inf" || l == "infinity" || l == "-inf")
        return {"数値ではありません（" + std::string(v) + "）", "not a number (" + std::string(v) + ")"};
    if (v.find(',') != std::string_view::npos)
        return {"コンマは使えません（桁区切りや小数点にコンマを使わないでください）",
                "commas are not allowed (no thousands separators; use '.' for decimals)"};
    bool digits_and_exp = std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
    });
    if (digits_and_exp && l.find('e') != std::string::npos) return {"指数表記は使えません", "exponent notation is not allowed"};
    return {"数値ではありません", "not a number"};
}

}  // namespace

std::string shown(std::string_view value) {
    constexpr std::size_t max_shown = 64;
    if (value.size() <= max_shown) return std::string(value);
    std::size_t cut = max_shown;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return std::string(value.substr(0, cut)) + "…(" + std::to_string(value.size()) + " B)";
}

std::string_view nearest(std::string_view value, std::span<const std::string_view> candidates) {
    value = value.substr(0, 64);  // a suggestion for a huge value is pointless and would be slow
    std::string_view best;
    std::size_t best_d = static_cast<std::size_t>(-1);
    for (auto c : candidates) {
        std::size_t d = edit_distance(lower(value), lower(c));  // both sides: rule ids are upper case
        if (d < best_d) { best_d = d; best = c; }
    }
    return best;
}

std::string join(std::span<const std::string_view> values, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += sep;
        out += values[i];
    }
    return out;
}

Text codes_expected(std::span<const std::string_view> all) {
    return Text{"空白区切りの " + join(all) + " のいずれか", "space-separated values among " + join(all)};
}

Text bad_code_token(std::string_view name, std::string_view token, std::span<const std::string_view> all) {
    return Text{std::string(name) + " の値 '" + shown(token) + "' は使えません（もしかして: " +
                    std::string(nearest(token, all)) + "）",
                "'" + shown(token) + "' is not a valid " + std::string(name) + " (did you mean " +
                    std::string(nearest(token, all)) + "?)"};
}

Reader::Reader(const SourceText& src, const char* buffer, std::size_t size, std::string_view ns,
               std::vector<Diagnostic>& errors, std::size_t max_errors)
    : src_(src), base_(buffer), size_(size), ns_(ns), errors_(errors), max_errors_(max_errors) {}

Loc Reader::at(pugi::xml_node n) const {
    std::ptrdiff_t off = n.offset_debug();
    if (off < 0) return Loc{1, 1, {}};
    // offset_debug points at the element name; report the '<' before it.
    return src_.locate(off > 0 ? static_cast<std::size_t>(off - 1) : 0, line_hint_);
}

Loc Reader::at_name(const char* name, pugi::xml_node owner) const {
    if (in_buffer(name)) return src_.locate(static_cast<std::size_t>(name - base_), line_hint_);
    return at(owner);
}

std::size_t Reader::offset_of(const char* p) const { return in_buffer(p) ? static_cast<std::size_t>(p - base_) : size_; }

Loc Reader::at_value(const char* name, const char* value, pugi::xml_node owner) const {
    if (value[0] != '\0' && in_buffer(value)) return src_.locate(static_cast<std::size_t>(value - base_), line_hint_);
    return at_name(name, owner);
}

void Reader::error(Loc loc, Text message, Text expected) {
    if (full()) return;
    errors_.push_back(Diagnostic{src_.path(), std::move(loc), std::move(message), std::move(expected)});
}

std::string_view Reader::local_name(pugi::xml_node n) {
    std::string_view name = n.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view Reader::ns_of_default(pugi::xml_node n) const {
    for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent())
        for (pugi::xml_attribute a : p.attributes())
            if (std::strcmp(a.name(), "xmlns") == 0) return a.value();
    return {};
}

std::string_view Reader::ns_of(pugi::xml_node n) const {
    std::string_view name = n.name();
    auto colon = name.find(':');
    std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
    for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent()) {
        for (pugi::xml_attribute a : p.attributes()) {
            std::string_view an = a.name();
            if (an.substr(0, 5) != "xmlns") continue;
            if (prefix.empty() ? an.size() == 5 : (an.size() == 6 + prefix.size() && an[5] == ':' && an.substr(6) == prefix))
                return a.value();
        }
    }
    return {};
}

Element::Element(Reader& r, pugi::xml_node n, std::string path, std::initializer_list<std::string_view> attributes)
    : r_(r), node_(n), loc_(r.at(n)) {
    loc_.path = std::move(path);
    // No element of the format has more than a dozen attributes. Thousands are
    // an attack on the namespace lookups below (each walks the ancestors'
    // attributes): refuse them and stop reading the file.
    constexpr std::size_t max_attributes = 1000;
    auto read = [](pugi::xml_attribute a) {
        const char* name = a.name();
        const char* value = a.value();
        return Attribute{name, std::strlen(name), value, std::strlen(value)};
    };
    std::size_t count = 0;
    for (pugi::xml_attribute a = n.first_attribute(); a && count <= max_attributes; a = a.next_attribute()) {
        if (count < few_.size()) few_[count] = read(a);
        ++count;
    }
    if (count > max_attributes) {
        std::string element(Reader::local_name(n));
        r_.error(loc_, Text{"<" + element + "> の属性が多すぎます（" + std::to_string(max_attributes) + " 個まで）",
                            "<" + element + "> has too many attributes (at most " + std::to_string(max_attributes) + ")"},
                 Text{"<" + element + "> に定義された属性だけ", "only the attributes defined for <" + element + ">"});
        r_.stop();
        return;
    }
    if (count > few_.size()) {
        many_.reserve(count);
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) many_.push_back(read(a));
        attributes_ = many_.data();
    }
    // XML forbids repeated attributes; pugixml keeps them all. Elements have a few
    // attributes: a linear scan, with a hash set only for long lists (no quadratic step);
    // a declared attribute is a bit in `seen`. The first of each name is kept,
    // moved down to attributes_[kept].
    constexpr std::size_t linear_max = 32;
    std::unordered_set<std::string_view> many;
    std::uint64_t seen = 0;
    std::size_t kept = 0;
    const std::size_t declared_count = attributes.size();
    // Files usually write the attributes in the declared order: look there first.
    std::size_t expected_at = 0;
    auto declared_index = [&](std::string_view an) {
        for (std::size_t k = 0; k < declared_count; ++k) {
            std::size_t i = expected_at + k < declared_count ? expected_at + k : expected_at + k - declared_count;
            if (attributes.begin()[i] == an) {
                expected_at = i + 1;
                return i;
            }
        }
        return declared_count;
    };
    auto first_time = [&](std::string_view an, std::size_t declared) {
        if (count > linear_max) return many.insert(an).second;
        if (declared < 64) {
            const std::uint64_t bit = std::uint64_t{1} << declared;
            const bool first = (seen & bit) == 0;
            seen |= bit;
            return first;
        }
        for (std::size_t i = 0; i < kept; ++i)
            if (attributes_[i].name() == an) return false;
        return true;
    };
    auto repeated = [&](const Attribute& a) {
        std::string_view an = a.name();
        r_.error(r_.at_name(a.name_data, n),
                 Text{"<" + std::string(Reader::local_name(n)) + "> に属性 " + std::string(an) + " が2回書かれています",
                      "attribute '" + std::string(an) + "' appears twice on <" + std::string(Reader::local_name(n)) + ">"},
                 Text{"各属性は1回だけ", "each attribute at most once"});
    };
    for (std::size_t ai = 0; ai < count; ++ai) {
        const Attribute a = attributes_[ai];
        std::string_view an = a.name();
        const std::size_t declared = declared_index(an);
        const bool first = first_time(an, declared);
        if (first) {
            if (kept != ai) attributes_[kept] = a;  // moves only after a repeated name
            ++kept;
        }
        if (declared < declared_count) {  // the common case: no xmlns, no prefix
            if (!first) repeated(a);
            continue;
        }
        if (an == "xmlns" || an.substr(0, 6) == "xmlns:") continue;
        auto colon = an.find(':');
        if (colon != std::string_view::npos) {
            // Attributes of other namespaces are annotations for other tools;
            // a prefix bound to our namespace would be a misspelt attribute.
            std::string_view prefix = an.substr(0, colon);
            bool ours = false;
            for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent())
                for (pugi::xml_attribute d : p.attributes())
                    if (std::string_view(d.name()).substr(0, 6) == "xmlns:" && std::string_view(d.name()).substr(6) == prefix)
                        ours = ours || std::string_view(d.value()) == r.ns();
            if (!ours) continue;
        }
        if (!first) {
            repeated(a);
            continue;
        }
        std::vector<std::string_view> allowed(attributes);
        std::string element(Reader::local_name(n));
        r_.error(r_.at_name(a.name_data, n),
                 Text{"<" + element + "> に未知の属性 " + std::string(an) + " があります" +
                          (allowed.empty() ? std::string() : "（もしかして: " + std::string(nearest(an, allowed)) + "）"),
                      "unknown attribute '" + std::string(an) + "' on <" + element + ">" +
                          (allowed.empty() ? std::string() : " (did you mean '" + std::string(nearest(an, allowed)) + "'?)")},
                 Text{allowed.empty() ? "属性なし" : "使える属性: " + join(allowed),
                      allowed.empty() ? "no attributes" : "allowed attributes: " + join(allowed)});
    }
    attribute_count_ = kept;
}

const Element::Attribute* Element::find(std::string_view name) const {
    // Names are unique in attributes(), so where the scan starts does not change
    // the answer; loaders read attributes in about file order, so start after the last hit.
    const std::size_t size = attribute_count_;
    for (std::size_t k = 0; k < size; ++k) {
        std::size_t i = next_ + k < size ? next_ + k : next_ + k - size;
        const Attribute& a = attributes_[i];
        if (a.name_size == name.size() && a.name() == name) {
            next_ = i + 1;
            return &a;
        }
    }
    return nullptr;
}

Loc Element::at(std::string_view attribute) const {
    const Attribute* a = find(attribute);
    Loc l = a ? r_.at_value(a->name_data, a->value_data, node_) : Loc{loc_.line, loc_.column, {}};
    l.path = concat({loc_.path, "/@", attribute});
    return l;
}

void Element::missing(std::string_view name, const Text& expected) {
    std::string element(Reader::local_name(node_));
    r_.error(loc_, Text{"<" + element + "> に必須の属性 " + std::string(name) + " がありません",
                        "<" + element + "> is missing the required attribute '" + std::string(name) + "'"},
             Text{std::string(name) + "=\"…\"（" + expected.ja + "）", std::string(name) + "=\"…\" (" + expected.en + ")"});
}

void Element::bad_value(std::string_view name, Text message, Text expected) {
    const Attribute* a = find(name);
    std::string prefix_ja = std::string(name) + "=\"" + shown(a ? a->value() : std::string_view{}) + "\": ";
    std::string prefix_en = prefix_ja;
    Loc l = a ? r_.at_value(a->name_data, a->value_data, node_) : Loc{loc_.line, loc_.column, {}};
    l.path = concat({loc_.path, "/@", name});
    r_.error(std::move(l), Text{prefix_ja + message.ja, prefix_en + message.en}, std::move(expected));
}

std::optional<std::string_view> Element::raw(std::string_view name, bool required, const Text& expected) {
    const Attribute* a = find(name);
    if (!a) {
        if (required) missing(name, expected);
        return std::nullopt;
    }
    std::string_view value = a->value();
    // pugixml keeps an unknown entity (&nbsp;) as written and turns &#1; into a
    // control character; XML allows neither, and either would be misread.
    if (std::any_of(value.begin(), value.end(), [](char c) {
            return c == '&' || (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r');
        })) {
        if (auto bad = bad_reference(name, *a)) {
            r_.error(bad->first, std::move(bad->second),
                     Text{"&amp; &lt; &gt; &quot; &apos; または文字参照 &#…;（制御文字以外）",
                          "&amp; &lt; &gt; &quot; &apos; or a character reference &#…; (not a control character)"});
            return std::nullopt;
        }
    }
    return value;
}

/// Looks at the attribute as written in the file (the parse was in place, so
/// the value starts at the same offset) for an entity XML does not define.
std::optional<std::pair<Loc, Text>> Element::bad_reference(std::string_view name, const Attribute& a) const {
    const std::string& text = r_.source().text();
    std::size_t off = r_.offset_of(a.value_data);
    if (off >= text.size()) return std::nullopt;
    std::size_t end = text.find_first_of("\"'", off);
    std::string_view written(text.data() + off, (end == std::string::npos ? text.size() : end) - off);
    for (std::size_t i = written.find('&'); i != std::string_view::npos; i = written.find('&', i + 1)) {
        std::size_t semi = written.find(';', i);
        std::string_view ref = written.substr(i + 1, semi == std::string_view::npos ? 0 : semi - i - 1);
        bool ok = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos";
        if (!ok && ref.size() > 1 && ref[0] == '#') {
            bool hex = ref[1] == 'x';
            std::string_view digits = ref.substr(hex ? 2 : 1);
            unsigned long cp = 0;
            auto res = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
            ok = !digits.empty() && res.ec == std::errc{} && res.ptr == digits.data() + digits.size() &&
                 (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                  (cp >= 0x10000 && cp <= 0x10FFFF));
        }
        if (ok) continue;
        Loc l = r_.source().locate(off + i);
        l.path = concat({loc_.path, "/@", name});
        std::string shown_ref = shown(semi == std::string_view::npos ? written.substr(i, 1) : written.substr(i, semi - i + 1));
        return std::pair{l, Text{std::string(name) + " の " + shown_ref + " はXMLで定義されていない参照です（& は &amp; と書きます）",
                                 std::string(name) + ": " + shown_ref + " is not a reference XML defines (write & as &amp;)"}};
    }
    return std::nullopt;
}

std::optional<std::string> Element::text(std::string_view name, bool required) {
    static const Text expected{"空でない文字列", "a non-empty text"};
    auto v = raw(name, required, expected);
    if (!v) return std::nullopt;
    if (trim(*v).empty()) {
        if (!required) return std::string();
        bad_value(name, {"値が空です", "the value is empty"}, expected);
        return std::nullopt;
    }
    return std::string(*v);
}

std::optional<std::string> Element::id(std::string_view name) {
    static const Text expected{"空白を含まない識別子（ファイル内で一意）", "an identifier without spaces, unique in the file"};
    auto v = raw(name, true, expected);
    if (!v) return std::nullopt;
    if (v->empty() || v->find_first_of(" \t\r\n") != std::string_view::npos) {
        bad_value(name, {"識別子が空か空白を含んでいます", "the identifier is empty or contains spaces"}, expected);
        return std::nullopt;
    }
    return std::string(*v);
}

std::optional<std::string> Element::registered_id(IdRegistry& ids, std::string_view kind) {
    auto v = id();
    if (v) ids.add(r_, *v, loc_, kind);
    return v;
}

std::optional<Decimal> Element::decimal(std::string_view name, bool required, Decimal max) {
    auto v0 = raw(name, required, decimal_expected);
    if (!v0) return std::nullopt;
    std::string_view v = trim(*v0);
    auto dot = v.find('.');
    std::string_view int_part = v.substr(0, dot);
    std::string_view frac_part = dot == std::string_view::npos ? std::string_view{} : v.substr(dot + 1);
    auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    bool shape_ok = !int_part.empty() && all_digits(int_part) &&
                    (dot == std::string_view::npos || (!frac_part.empty() && all_digits(frac_part)));
    if (!shape_ok) {
        bad_value(name, number_problem(v), decimal_expected);
        return std::nullopt;
    }
    if (frac_part.size() > 3) {
        bad_value(name, {"小数は3桁までです", "at most 3 decimals are allowed"}, decimal_expected);
        return std::nullopt;
    }
    std::size_t first = int_part.find_first_not_of('0');
    std::string_view significant = first == std::string_view::npos ? std::string_view{} : int_part.substr(first);
    std::int64_t whole_part = 0;
    if (significant.size() > 12 ||
        (!significant.empty() && std::from_chars(significant.data(), significant.data() + significant.size(), whole_part).ec != std::errc{})) {
        bad_value(name, {"大きすぎます（上限 " + max.str() + "）", "too large (at most " + max.str() + ")"}, decimal_expected);
        return std::nullopt;
    }
    std::int64_t frac = 0;
    for (std::size_t i = 0; i < 3; ++i) frac = frac * 10 + (i < frac_part.size() ? frac_part[i] - '0' : 0);
    Decimal d = Decimal::from_milli(whole_part * Decimal::scale + frac);
    if (d > max) {
        bad_value(name, {"大きすぎます（上限 " + max.str() + "）", "too large (at most " + max.str() + ")"}, decimal_expected);
        return std::nullopt;
    }
    return d;
}

std::optional<int> Element::whole(std::string_view name, bool required, int min, int max) {
    auto expected = [&] {
        return Text{std::to_string(min) + "以上" + std::to_string(max) + "以下の整数（半角数字）",
                    "a whole number from " + std::to_string(min) + " to " + std::to_string(max) + " in ASCII digits"};
    };
    const Attribute* a = find(name);
    if (!a) {
        if (required) missing(name, expected());
        return std::nullopt;
    }
    std::string_view v = trim(a->value());
    bool digits = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
        Text problem = number_problem(v);
        if (v.find('.') != std::string_view::npos && v.find_first_not_of("0123456789.") == std::string_view::npos)
            problem = {"整数ではありません", "not a whole number"};
        bad_value(name, problem, expected());
        return std::nullopt;
    }
    long long value = 0;
    if (v.size() > 9 || std::from_chars(v.data(), v.data() + v.size(), value).ec != std::errc{} || value > max) {
        bad_value(name, {"大きすぎます（上限 " + std::to_string(max) + "）", "too large (at most " + std::to_string(max) + ")"},
                  expected());
        return std::nullopt;
    }
    if (value < min) {
        bad_value(name, {"小さすぎます（下限 " + std::to_string(min) + "）", "too small (at least " + std::to_string(min) + ")"},
                  expected());
        return std::nullopt;
    }
    return static_cast<int>(value);
}

std::optional<bool> Element::boolean(std::string_view name) {
    static const Text expected{"true または false", "true or false"};
    auto v0 = raw(name, false, expected);
    if (!v0) return std::nullopt;
    std::string_view v = trim(*v0);
    if (v == "true") return true;
    if (v == "false") return false;
    bad_value(name, {"真偽値ではありません", "not a boolean"}, expected);
    return std::nullopt;
}

std::optional<Date> Element::date(std::string_view name, bool required) {
    static const Text expected{"実在する日付 YYYY-MM-DD（例 2027-04-01）", "an existing date as YYYY-MM-DD (e.g. 2027-04-01)"};
    auto v0 = raw(name, required, expected);
    if (!v0) return std::nullopt;
    std::string_view v = trim(*v0);
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (v[i] < '0' || v[i] > '9') return false;
        return true;
    };
    if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2)) {
        bad_value(name, {"日付の形式が違います", "not a date in the form YYYY-MM-DD"}, expected);
        return std::nullopt;
    }
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    int d = (v[8] - '0') * 10 + (v[9] - '0');
    if (!Date::valid(y, m, d)) {
        bad_value(name, {"存在しない日付です", "this date does not exist"}, expected);
        return std::nullopt;
    }
    return Date{y, m, d};
}

std::optional<TimeOfDay> Element::time(std::string_view name, bool required) {
    static const Text expected{"時刻 HH:MM（00:00〜24:00）", "a time as HH:MM (00:00 to 24:00)"};
    auto v0 = raw(name, required, expected);
    if (!v0) return std::nullopt;
    std::string_view v = trim(*v0);
    bool shape = v.size() == 5 && v[2] == ':' && std::isdigit(static_cast<unsigned char>(v[0])) &&
                 std::isdigit(static_cast<unsigned char>(v[1])) && std::isdigit(static_cast<unsigned char>(v[3])) &&
                 std::isdigit(static_cast<unsigned char>(v[4]));
    int h = shape ? (v[0] - '0') * 10 + (v[1] - '0') : 0;
    int m = shape ? (v[3] - '0') * 10 + (v[4] - '0') : 0;
    if (!shape || h > 24 || m > 59 || (h == 24 && m != 0)) {
        bad_value(name, {"時刻ではありません", "not a time"}, expected);
        return std::nullopt;
    }
    return TimeOfDay{h * 60 + m};
}

std::optional<std::string_view> Element::code_raw(std::string_view name, bool required, std::span<const std::string_view> codes) {
    const Attribute* a = find(name);
    if (a && std::find(codes.begin(), codes.end(), a->value()) != codes.end()) return a->value();
    Text expected{"次のいずれか: " + join(codes), "one of: " + join(codes)};
    auto v = raw(name, required, expected);
    if (!v) return std::nullopt;
    std::string near(nearest(*v, codes));
    bad_value(name,
              Text{std::string(name) + " に '" + shown(*v) + "' は使えません（もしかして: " + near + "）",
                   "'" + shown(*v) + "' is not a valid " + std::string(name) + " (did you mean '" + near + "'?)"},
              expected);
    return std::nullopt;
}

void Element::children(std::initializer_list<std::string_view> allowed, ChildHandler handler) {
    auto element_name = [&] { return std::string(Reader::local_name(node_)); };
    // The default namespace in scope at this element, found once: an unprefixed
    // child without its own xmlns is in it (same answer as Reader::ns_of).
    std::optional<std::string_view> default_ns;
    for (pugi::xml_node c = node_.first_child(); c; c = c.next_sibling()) {
        if (r_.full()) return;
        // Each accessor is a call into pugixml: type and name are asked once.
        const pugi::xml_node_type type = c.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            std::string_view t = trim(c.value());
            if (!t.empty()) {
                std::string element = element_name();
                r_.error(r_.at(c), Text{"<" + element + "> の中に文字列は書けません（値は属性に書きます）",
                                        "text is not allowed inside <" + element + "> (values go in attributes)"},
                         Text{"子要素のみ", "child elements only"});
            }
            continue;
        }
        if (type != pugi::node_element) continue;
        const std::string_view name = c.name();
        const std::size_t colon = name.find(':');
        std::string_view ns;
        if (colon == std::string_view::npos && !c.attribute("xmlns")) {
            if (!default_ns) default_ns = node_.type() == pugi::node_element ? r_.ns_of_default(node_) : std::string_view{};
            ns = *default_ns;
        } else {
            ns = r_.ns_of(c);
        }
        if (ns != r_.ns()) {
            if (!ns.empty()) continue;  // another tool's annotation
            r_.error(r_.at(c), Text{"<" + std::string(c.name()) + "> が名前空間 " + std::string(r_.ns()) + " に属していません",
                                    "<" + std::string(c.name()) + "> is not in the namespace " + std::string(r_.ns())},
                     Text{"名前空間 " + std::string(r_.ns()) + " の要素", "an element of the namespace " + std::string(r_.ns())});
            continue;
        }
        const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);  // Reader::local_name
        if (std::find(allowed.begin(), allowed.end(), local) == allowed.end()) {
            std::string element = element_name();
            std::vector<std::string_view> list(allowed);
            std::string near = list.empty() ? std::string() : std::string(nearest(local, list));
            r_.error(r_.at(c),
                     Text{"<" + element + "> の中に未知の要素 <" + std::string(local) + "> があります" +
                              (near.empty() ? std::string() : "（もしかして: <" + near + ">）"),
                          "unknown element <" + std::string(local) + "> inside <" + element + ">" +
                              (near.empty() ? std::string() : " (did you mean <" + near + ">?)")},
                     Text{list.empty() ? "子要素なし" : "使える要素: " + join(list),
                          list.empty() ? "no child elements" : "allowed elements: " + join(list)});
            continue;
        }
        handler(local, c);
    }
}

std::string fold_id(std::string_view id) {
    std::string out(id);
    std::size_t o = 0;
    for (std::size_t i = 0; i < id.size(); ++i) {
        auto c = static_cast<unsigned char>(id[i]);
        // Full-width ASCII (U+FF01..U+FF5E) = EF BC 81..EF BD 9E.
        if (c == 0xEF && i + 2 < id.size()) {
            auto c1 = static_cast<unsigned char>(id[i + 1]);
            auto c2 = static_cast<unsigned char>(id[i + 2]);
            unsigned cp = 0;
            if (c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF) cp = 0xFF00 + (c2 - 0x80);
            else if (c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E) cp = 0xFF40 + (c2 - 0x80);
            if (cp) {
                c = static_cast<unsigned char>(cp - 0xFF01 + 0x21);
                i += 2;
            }
        }
        out[o++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c);
    }
    out.resize(o);
    return out;
}

bool IdRegistry::add(Reader& r, std::string_view id, const Loc& loc, std::string_view kind) {
    auto [it, inserted] = folded_.try_emplace(fold_id(id), entries_.size());
    if (inserted) {
        entries_.push_back(Entry{std::string(id), loc.line, loc.column, std::string(kind)});
        return true;
    }
    const Entry& first = entries_[it->second];
    const std::string line = std::to_string(first.line), column = std::to_string(first.column);
    if (first.id == id) {
        r.error(loc,
                Text{"id '" + std::string(id) + "' が重複しています（最初の定義: " + line + "行" + column + "列）",
                     "duplicate id '" + std::string(id) + "' (first defined at line " + line + ", column " + column + ")"},
                Text{"ファイル内で一意の id", "an id unique in the file"});
    } else {
        r.error(loc,
                Text{"id '" + std::string(id) + "' は '" + first.id + "'（" + line + "行" + column +
                         "列）と大文字・小文字または全角・半角だけが違います",
                     "id '" + std::string(id) + "' differs from '" + first.id + "' (line " + line + ", column " + column +
                         ") only by letter case or full-width form"},
                Text{"はっきり区別できる id", "ids that differ by more than case or width"});
    }
    return false;
}

const IdRegistry::Entry* IdRegistry::find(std::string_view id) const {
    auto it = folded_.find(fold_id(id));
    if (it == folded_.end() || entries_[it->second].id != id) return nullptr;
    return &entries_[it->second];
}

std::string concat(std::initializer_list<std::string_view> pieces) {
    std::size_t size = 0;
    for (auto p : pieces) size += p.size();
    std::string out;
    out.reserve(size);
    for (auto p : pieces) out.append(p);
    return out;
}

std::string indexed_path(std::string_view parent, std::string_view element, std::size_t index) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    return concat({parent, "/", element, "[", std::string_view(digits, static_cast<std::size_t>(end - digits)), "]"});
}

std::string id_path(std::string_view parent, std::string_view element, pugi::xml_node n, std::size_t index) {
    std::string_view id = n.attribute("id").value();
    if (id.empty()) return indexed_path(parent, element, index);
    return concat({parent, "/", element, "[@id='", id, "']"});
}

}  // namespace ahaki::xml
