#include "xml/reader.hpp"

#include "model/similar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <functional>
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

// ---- Strict parsing shared by every reader ---------------------------------

std::span<const KnownNamespace> known_namespaces() {
    // One line per document kind.
    static constexpr KnownNamespace table[] = {
        {"urn:ahaki-check:school:1", "school"},
        {"urn:ahaki-check:clinic:1", "clinic"},
        {"urn:ahaki-check:standard:1", "standard"},
        {"urn:ahaki-check:waivers:1", "waivers"},
    };
    return table;
}

namespace {

bool xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The form two namespaces are compared in for near misses: no surrounding
/// spaces (ASCII or U+3000), ASCII case and width folded, no scheme
/// (urn:, http://, https://), no trailing '/' or ':', '/' read as ':'.
std::string ns_key(std::string_view uri) {
    for (bool again = true; again;) {
        again = false;
        while (!uri.empty() && xml_space(uri.front())) { uri.remove_prefix(1); again = true; }
        while (!uri.empty() && xml_space(uri.back())) { uri.remove_suffix(1); again = true; }
        if (uri.substr(0, 3) == "\xE3\x80\x80") { uri.remove_prefix(3); again = true; }
        if (uri.size() >= 3 && uri.substr(uri.size() - 3) == "\xE3\x80\x80") { uri.remove_suffix(3); again = true; }
    }
    std::string k = fold_id(uri.substr(0, 256));
    for (std::string_view scheme : {"https://", "http://", "urn:"})
        if (k.rfind(scheme, 0) == 0) {
            k.erase(0, scheme.size());
            break;
        }
    while (!k.empty() && (k.back() == '/' || k.back() == ':')) k.pop_back();
    std::replace(k.begin(), k.end(), '/', ':');
    return k;
}

/// The key without its version (the digits after the last ':').
std::string_view versionless(std::string_view key) {
    auto colon = key.rfind(':');
    if (colon == std::string_view::npos) return key;
    std::string_view v = key.substr(colon + 1);
    if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return key;
    return key.substr(0, colon);
}

bool is_known_namespace(std::string_view uri) {
    for (const auto& k : known_namespaces())
        if (k.uri == uri) return true;
    return false;
}

std::string hex_code_point(unsigned long cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04lX", cp);
    return buf;
}

}  // namespace

const KnownNamespace* near_miss_namespace(std::string_view uri) {
    if (uri.empty() || is_known_namespace(uri)) return nullptr;
    const std::string key = ns_key(uri);
    for (const auto& k : known_namespaces())
        if (ns_key(k.uri) == key) return &k;
    for (const auto& k : known_namespaces()) {
        const std::string known = ns_key(k.uri);
        if (versionless(key) != key && versionless(key) == versionless(known)) return &k;
    }
    return nullptr;
}

Text parse_status_text(pugi::xml_parse_status s) {
    switch (s) {
        case pugi::status_ok: return {"正常", "no error"};
        case pugi::status_file_not_found: return {"ファイルが見つかりません", "file not found"};
        case pugi::status_io_error: return {"読み込みエラー", "I/O error"};
        case pugi::status_out_of_memory: return {"メモリが足りません", "out of memory"};
        case pugi::status_internal_error: return {"XMLの読み込みで内部エラーが起きました", "internal error of the XML parser"};
        case pugi::status_unrecognized_tag: return {"XMLとして正しくないタグです", "malformed tag"};
        case pugi::status_bad_pi: return {"処理命令（<?…?>）が正しくありません", "malformed processing instruction"};
        case pugi::status_bad_comment: return {"コメント（<!-- -->）が正しくありません", "malformed comment"};
        case pugi::status_bad_cdata: return {"CDATAセクションが正しくありません", "malformed CDATA section"};
        case pugi::status_bad_doctype: return {"DOCTYPE宣言が正しくありません", "malformed DOCTYPE"};
        case pugi::status_bad_pcdata: return {"文字データが正しくありません", "malformed character data"};
        case pugi::status_bad_start_element: return {"開始タグが正しくありません", "malformed start tag"};
        case pugi::status_bad_attribute: return {"属性が正しくありません（引用符や = を確認してください）",
                                                  "malformed attribute (check the quotes and the '=')"};
        case pugi::status_bad_end_element: return {"終了タグが正しくありません", "malformed end tag"};
        case pugi::status_end_element_mismatch:
            return {"終了タグが開始タグと対応していません（または閉じられていない要素があります）",
                    "end tag does not match the start tag (or an element is not closed)"};
        case pugi::status_append_invalid_root: return {"文書の構造が正しくありません", "invalid document structure"};
        case pugi::status_no_document_element: return {"要素がありません", "no element found"};
    }
    return {"XMLとして読めません", "not well-formed XML"};
}

bool Reader::parse(pugi::xml_document& doc, unsigned flags, const ParseLimits& limits) {
    limits_ = limits;
    // The buffer is the caller's mutable copy of the text (see the constructor).
    pugi::xml_parse_result parsed = doc.load_buffer_inplace(const_cast<char*>(base_), size_, flags, pugi::encoding_utf8);
    if (!parsed) {
        const Text status = parse_status_text(parsed.status);
        error(src_.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))),
              Text{"XMLとして読めません: " + status.ja, "not well-formed XML: " + status.en},
              Text{"整形式のXML文書", "a well-formed XML document"});
        return false;
    }
    return check_markup() && check_tree(doc);
}

/// What pugixml lets through, found in the text as written (the parse was in
/// place, so the original is src_.text()): references, comments, declarations.
/// pugixml has accepted the structure, so a plain scan is enough.
bool Reader::check_markup() {
    const std::string_view t = src_.text();
    const std::size_t n = t.size();
    const Text ref_expected{"&amp; &lt; &gt; &quot; &apos; または文字参照 &#…;（制御文字以外）",
                            "&amp; &lt; &gt; &quot; &apos; or a character reference &#…; (not a control character)"};
    // A reference at t[at]; `where` is the attribute's name (empty in content).
    auto reference = [&](std::size_t at, std::string_view where) {
        const std::size_t semi = t.find(';', at);
        const bool closed = semi != std::string_view::npos && semi - at <= 64;
        std::string_view ref = closed ? t.substr(at + 1, semi - at - 1) : std::string_view{};
        if (ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos") return true;
        const std::string written = shown(closed ? t.substr(at, semi - at + 1) : t.substr(at, 1));
        const std::string ja_where = where.empty() ? std::string("要素の内容の ") : std::string(where) + " の ";
        const std::string en_where = where.empty() ? std::string("element content: ") : std::string(where) + ": ";
        if (ref.size() > 1 && ref[0] == '#') {
            const bool hex = ref[1] == 'x';
            std::string_view digits = ref.substr(hex ? 2 : 1);
            unsigned long cp = 0;
            bool syntax = !digits.empty();
            for (char c : digits) {
                int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) { syntax = false; break; }
                cp = std::min<unsigned long>(cp * (hex ? 16 : 10) + static_cast<unsigned long>(d), 0x110000);
            }
            if (syntax) {
                const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
                const bool nonchar = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
                const bool control = cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD;
                if (!surrogate && !nonchar && !control && cp <= 0x10FFFF) return true;
                const Text expected{"XMLで使える文字の参照（U+0009、U+000A、U+000D、U+0020〜U+10FFFF。サロゲートと非文字を除く）",
                                    "a reference to a character XML allows (U+0009, U+000A, U+000D, U+0020 to U+10FFFF "
                                    "except surrogates and non-characters)"};
                Text message;
                if (cp > 0x10FFFF) {
                    message = {ja_where + written + " はUnicodeの範囲（U+10FFFF まで）を超えています",
                               en_where + written + " is beyond the last Unicode character U+10FFFF"};
                } else {
                    const Text kind = cp == 0 ? Text{"NUL文字", "the NUL character"}
                                      : control ? Text{"制御文字", "a control character"}
                                      : surrogate ? Text{"サロゲート", "a surrogate"}
                                                  : Text{"非文字", "a non-character"};
                    message = {ja_where + written + " はXMLで使えない文字 " + hex_code_point(cp) + "（" + kind.ja + "）を指しています",
                               en_where + written + " refers to " + hex_code_point(cp) + " (" + kind.en + "), which XML does not allow"};
                }
                error(src_.locate(at, line_hint_), std::move(message), expected);
                return false;
            }
        }
        error(src_.locate(at, line_hint_),
              Text{ja_where + written + " はXMLで定義されていない参照です（& は &amp; と書きます）",
                   en_where + written + " is not a reference XML defines (write & as &amp;)"},
              ref_expected);
        return false;
    };
    std::size_t i = 0;
    while (i < n) {
        const std::size_t next = t.find_first_of("<&", i);
        if (next == std::string_view::npos) break;
        i = next;
        if (t[i] == '&') {
            if (!reference(i, {})) return false;
            ++i;
            continue;
        }
        const std::string_view rest = t.substr(i);
        if (rest.substr(0, 4) == "<!--") {
            const std::size_t end = t.find("-->", i + 4);
            if (end == std::string_view::npos) return true;
            const std::size_t dashes = t.substr(0, end + 1).find("--", i + 4);
            if (dashes != std::string_view::npos && dashes <= end) {
                error(src_.locate(dashes, line_hint_),
                      Text{"コメントの中に -- があります（XMLのコメントには -- を書けません）",
                           "a comment contains -- (XML comments cannot contain --)"},
                      Text{"-- を含まないコメント <!-- … -->", "a comment <!-- … --> without --"});
                return false;
            }
            i = end + 3;
        } else if (rest.substr(0, 9) == "<![CDATA[") {
            const std::size_t end = t.find("]]>", i + 9);
            if (end == std::string_view::npos) return true;
            i = end + 3;
        } else if (rest.substr(0, 2) == "<!") {
            return true;  // DOCTYPE: every reader refuses it with its own message
        } else if (rest.substr(0, 2) == "<?") {
            std::size_t e = i + 2;
            while (e < n && !xml_space(t[e]) && t[e] != '?') ++e;
            std::string target(t.substr(i + 2, e - i - 2));
            for (auto& c : target) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (target == "xml" && i != 0) {
                Diagnostic d = misplaced_declaration(src_.path(), src_.locate(i, line_hint_));
                error(std::move(d.loc), std::move(d.message), std::move(d.expected));
                return false;
            }
            const std::size_t end = t.find("?>", e);
            if (end == std::string_view::npos) return true;
            i = end + 2;
        } else if (rest.substr(0, 2) == "</") {
            const std::size_t end = t.find('>', i);
            if (end == std::string_view::npos) return true;
            i = end + 1;
        } else {
            // A start tag: name, then attributes name = "value" up to > or />.
            std::size_t k = i + 1;
            while (k < n && !xml_space(t[k]) && t[k] != '>' && t[k] != '/') ++k;
            for (;;) {
                while (k < n && xml_space(t[k])) ++k;
                if (k >= n) return true;
                if (t[k] == '>' || t[k] == '/') break;
                const std::size_t name_start = k;
                while (k < n && !xml_space(t[k]) && t[k] != '=') ++k;
                const std::string_view name = t.substr(name_start, k - name_start);
                while (k < n && t[k] != '"' && t[k] != '\'') ++k;
                if (k >= n) return true;
                const char quote = t[k];
                const std::size_t close = t.find(quote, k + 1);
                if (close == std::string_view::npos) return true;
                // Searched inside the value only (a search to the end per attribute is quadratic).
                const std::string_view value = t.substr(k + 1, close - k - 1);
                for (std::size_t a = value.find('&'); a != std::string_view::npos; a = value.find('&', a + 1))
                    if (!reference(k + 1 + a, name)) return false;
                k = close + 1;
            }
            i = k;
        }
    }
    return true;
}

bool Reader::check_tree(const pugi::xml_document& doc) {
    // Prefix bindings in scope: a stack, and for each prefix the index of its
    // innermost binding (each binding remembers the one it shadows): O(1) a lookup.
    struct Binding {
        std::string_view prefix, uri;
        std::ptrdiff_t shadowed;
    };
    std::vector<Binding> bindings;
    std::unordered_map<std::string_view, std::ptrdiff_t> innermost;
    auto lookup = [&](std::string_view prefix) -> std::optional<std::string_view> {
        auto it = innermost.find(prefix);
        if (it == innermost.end() || it->second < 0) return std::nullopt;
        return bindings[static_cast<std::size_t>(it->second)].uri;
    };
    std::unordered_map<std::string_view, std::uint32_t> uri_index;
    auto intern = [&](std::string_view uri) {
        auto [it, inserted] = uri_index.try_emplace(uri, static_cast<std::uint32_t>(uris_.size()));
        if (inserted) uris_.push_back(uri);
        return it->second;
    };
    struct Frame {
        std::size_t bindings;
    };
    std::vector<Frame> frames;
    const std::string xml_ns = "http://www.w3.org/XML/1998/namespace";
    std::vector<std::string_view> names;
    std::vector<std::pair<std::string_view, std::string_view>> expanded;
    std::unordered_set<std::string_view> seen;
    auto element_name = [](pugi::xml_node e) { return "<" + shown(e.name()) + ">"; };
    // near_miss_namespace folds the URI: once per distinct URI, not once per attribute.
    std::unordered_map<std::string_view, const KnownNamespace*> near_cache;
    auto near_miss = [&](std::string_view uri) {
        auto [it, inserted] = near_cache.try_emplace(uri, nullptr);
        if (inserted) it->second = near_miss_namespace(uri);
        return it->second;
    };
    auto near_error = [&](Loc loc, std::string what_ja, std::string what_en, std::string_view uri, const KnownNamespace& k) {
        error(std::move(loc),
              Text{what_ja + " の名前空間 \"" + shown(uri) + "\" は ahaki-check の名前空間 " + std::string(k.uri) +
                       " と大文字・小文字、全角・半角、空白、記号または版だけが違います（<" + std::string(k.root) + "> の形式のつもりなら、そのとおりに書いてください）",
                   what_en + " is in the namespace \"" + shown(uri) + "\", which differs from ahaki-check's namespace " +
                       std::string(k.uri) + " only by case, width, spaces, punctuation or version (if the <" +
                       std::string(k.root) + "> format was meant, write it exactly)"},
              Text{"xmlns=\"" + std::string(k.uri) + "\"", "xmlns=\"" + std::string(k.uri) + "\""});
    };
    // Returns false when the element is refused.
    auto enter = [&](pugi::xml_node e) {
        const Loc loc = at(e);
        frames.push_back(Frame{bindings.size()});
        // Attribute names are unique, namespace declarations included.
        names.clear();
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) names.emplace_back(a.name());
        seen.clear();
        for (std::size_t i = 0; i < names.size(); ++i) {
            bool repeated = false;
            if (names.size() <= 16) {
                for (std::size_t j = 0; j < i && !repeated; ++j) repeated = names[j] == names[i];
            } else {
                repeated = !seen.insert(names[i]).second;
            }
            if (!repeated) continue;
            const bool decl = names[i] == "xmlns" || names[i].substr(0, 6) == "xmlns:";
            error(in_buffer(names[i].data()) ? src_.locate(static_cast<std::size_t>(names[i].data() - base_), line_hint_) : loc,
                  decl ? Text{element_name(e) + " で名前空間の宣言 " + shown(names[i]) + " が2回書かれています",
                              "the namespace declaration " + shown(names[i]) + " appears twice on " + element_name(e)}
                       : Text{element_name(e) + " に属性 " + shown(names[i]) + " が2回書かれています",
                              "attribute '" + shown(names[i]) + "' appears twice on " + element_name(e)},
                  Text{"各属性は1回だけ", "each attribute at most once"});
            return false;
        }
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
            std::string_view an = a.name();
            if (an != "xmlns" && an.substr(0, 6) != "xmlns:") continue;
            std::string_view prefix = an.size() > 6 ? an.substr(6) : std::string_view{};
            std::string_view uri = a.value();
            if (an.size() > 5 && uri.empty()) {
                error(at_name(a.name(), e),
                      Text{shown(an) + "=\"\": 接頭辞に空の名前空間は宣言できません", shown(an) + "=\"\": a prefix cannot be bound to an empty namespace"},
                      Text{"名前空間のURI", "a namespace URI"});
                return false;
            }
            auto [it, inserted] = innermost.try_emplace(prefix, -1);
            bindings.push_back(Binding{prefix, uri, it->second});
            it->second = static_cast<std::ptrdiff_t>(bindings.size() - 1);
        }
        // The element's own namespace.
        std::string_view name = e.name();
        auto colon = name.find(':');
        std::string_view uri;
        if (colon != std::string_view::npos) {
            std::string_view prefix = name.substr(0, colon);
            if (prefix == "xml") {
                uri = xml_ns;
            } else if (auto u = lookup(prefix)) {
                uri = *u;
            } else {
                error(loc,
                      Text{element_name(e) + " の接頭辞 " + shown(prefix) + ": が宣言されていません",
                           "the prefix " + shown(prefix) + ": of " + element_name(e) + " is not declared"},
                      Text{"xmlns:" + shown(prefix) + "=\"…\" で宣言した接頭辞", "a prefix declared with xmlns:" + shown(prefix) + "=\"…\""});
                return false;
            }
        } else if (auto u = lookup({})) {
            uri = *u;
        }
        element_ns_.push_back(ElementNs{e.name(), intern(uri)});
        // Prefixed attributes: declared prefix, unique expanded name, no near miss.
        expanded.clear();
        for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
            std::string_view an = a.name();
            auto c = an.find(':');
            if (c == std::string_view::npos || an.substr(0, 6) == "xmlns:") continue;
            std::string_view prefix = an.substr(0, c);
            std::string_view auri;
            if (prefix == "xml") {
                auri = xml_ns;
            } else if (auto u = lookup(prefix)) {
                auri = *u;
            } else {
                error(at_name(a.name(), e),
                      Text{element_name(e) + " の属性 " + shown(an) + " の接頭辞 " + shown(prefix) + ": が宣言されていません",
                           "the prefix " + shown(prefix) + ": of the attribute '" + shown(an) + "' on " + element_name(e) + " is not declared"},
                      Text{"xmlns:" + shown(prefix) + "=\"…\" で宣言した接頭辞", "a prefix declared with xmlns:" + shown(prefix) + "=\"…\""});
                return false;
            }
            if (const KnownNamespace* k = near_miss(auri)) {
                near_error(at_name(a.name(), e), "属性 " + shown(an), "the attribute '" + shown(an) + "'", auri, *k);
                return false;
            }
            expanded.emplace_back(auri, an.substr(c + 1));
            if (auri == ns_) ours_attributes_.insert(a.name());
        }
        if (expanded.size() > 1) {
            std::sort(expanded.begin(), expanded.end());
            auto dup = std::adjacent_find(expanded.begin(), expanded.end());
            if (dup != expanded.end()) {
                error(loc,
                      Text{element_name(e) + " に名前空間 " + shown(dup->first) + " の属性 " + shown(dup->second) + " が2回書かれています（接頭辞は違っても同じ属性です）",
                           "the attribute '" + shown(dup->second) + "' of the namespace " + shown(dup->first) + " appears twice on " +
                               element_name(e) + " (different prefixes, same attribute)"},
                      Text{"各属性は1回だけ", "each attribute at most once"});
                return false;
            }
        }
        if (const KnownNamespace* k = near_miss(uri)) {
            near_error(loc, element_name(e), element_name(e), uri, *k);
            return false;
        }
        return true;
    };
    auto leave = [&] {
        const std::size_t keep = frames.back().bindings;
        while (bindings.size() > keep) {
            const Binding& b = bindings.back();
            innermost[b.prefix] = b.shadowed;
            bindings.pop_back();
        }
        frames.pop_back();
    };
    // Pre-order walk without recursion (pugixml's tree can be 100,000 deep).
    pugi::xml_node node = doc.first_child();
    while (node) {
        if (node.type() == pugi::node_element) {
            if (!enter(node)) return false;
            if (pugi::xml_node child = node.first_child()) {
                node = child;
                continue;
            }
            leave();
        }
        while (node && !node.next_sibling()) {
            node = node.parent();
            if (!node || node.type() != pugi::node_element) {
                node = {};
                break;
            }
            leave();
        }
        if (node) node = node.next_sibling();
    }
    table_ = true;
    return true;
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
    if (table_ && !element_ns_.empty()) {
        const char* name = n.name();
        std::less<const char*> before;
        std::size_t i = ns_hint_ < element_ns_.size() ? ns_hint_ : 0;
        // Readers ask in file order: a few steps forward from the last answer.
        for (int step = 0; step < 8 && element_ns_[i].name != name && i + 1 < element_ns_.size() && !before(name, element_ns_[i].name);
             ++step)
            ++i;
        if (element_ns_[i].name != name) {
            auto it = std::lower_bound(element_ns_.begin(), element_ns_.end(), name,
                                       [&](const ElementNs& e, const char* p) { return before(e.name, p); });
            if (it != element_ns_.end() && it->name == name) i = static_cast<std::size_t>(it - element_ns_.begin());
        }
        if (element_ns_[i].name == name) {
            ns_hint_ = i + 1 < element_ns_.size() ? i + 1 : i;
            return uris_[element_ns_[i].uri];
        }
    }
    return ns_by_walk(n);
}

std::string_view Reader::ns_by_walk(pugi::xml_node n) const {
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

bool Reader::attribute_in_ns(const char* name, std::string_view prefix, pugi::xml_node owner) const {
    if (table_) return ours_attributes_.count(name) != 0;
    bool ours = false;
    for (pugi::xml_node p = owner; p && p.type() == pugi::node_element; p = p.parent())
        for (pugi::xml_attribute d : p.attributes())
            if (std::string_view(d.name()).substr(0, 6) == "xmlns:" && std::string_view(d.name()).substr(6) == prefix)
                return std::string_view(d.value()) == ns_;
    return ours;
}

Element::Element(Reader& r, pugi::xml_node n, std::string path, std::initializer_list<std::string_view> attributes)
    : r_(r), node_(n), loc_(r.at(n)) {
    loc_.path = std::move(path);
    // Each element read may give a requirement per rule: their number bounds the
    // memory of a check (20,000 bare <site>s: ~190 MB; 200,000 took 1.9 GB).
    if (++r_.elements_ > r_.limits_.max_elements) {
        const std::size_t max = r_.limits_.max_elements;
        r_.error(loc_,
                 Text{"要素が多すぎます（" + std::to_string(max) + " 個まで。" + r_.limits_.typical.ja + "。--max-elements で変更できます）",
                      "too many elements (at most " + std::to_string(max) + "; " + r_.limits_.typical.en +
                          "; change it with --max-elements)"},
                 Text{std::to_string(max) + " 個までの要素", "at most " + std::to_string(max) + " elements"});
        r_.element_limit_reached_ = true;
        r_.stop();
        return;
    }
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
        if (declared < declared_count && declared < 64) {  // undeclared names share no bit
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
            if (!r.attribute_in_ns(a.name_data, an.substr(0, colon), n)) continue;
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
        if (r_.has_table() || colon != std::string_view::npos || c.attribute("xmlns")) {
            ns = r_.ns_of(c);
        } else {
            if (!default_ns) default_ns = node_.type() == pugi::node_element ? r_.ns_of_default(node_) : std::string_view{};
            ns = *default_ns;
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
        // Readers recurse through children() (the standard's <group>s): bounded here.
        if (r_.depth_ >= r_.limits_.max_depth) {
            const std::size_t max = r_.limits_.max_depth;
            r_.error(r_.at(c),
                     Text{"<" + std::string(local) + "> の入れ子が深すぎます（" + std::to_string(max) + " 段まで）",
                          "<" + std::string(local) + "> is nested too deeply (at most " + std::to_string(max) + " levels)"},
                     Text{std::to_string(max) + " 段までの入れ子", "at most " + std::to_string(max) + " levels of nesting"});
            r_.stop();
            return;
        }
        ++r_.depth_;
        handler(local, c);
        --r_.depth_;
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

const IdRegistry::Entry* IdRegistry::find_folded(std::string_view id) const {
    auto it = folded_.find(fold_id(id));
    return it == folded_.end() ? nullptr : &entries_[it->second];
}

Text near_id(const IdRegistry& ids, std::string_view id, Text message) {
    const IdRegistry::Entry* e = ids.find_folded(id);
    if (!e || e->id == id) return message;
    const std::string line = std::to_string(e->line), column = std::to_string(e->column);
    message.ja += "（" + e->kind + " の id '" + e->id + "'（" + line + "行" + column + "列）と大文字・小文字または全角・半角だけが違います）";
    message.en += " (the " + e->kind + " id '" + e->id + "' at line " + line + ", column " + column +
                  " differs from it only by letter case or full-width form)";
    return message;
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
