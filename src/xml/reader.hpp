#pragma once
// Internal helpers for the loaders: namespace-aware element walking, strict
// attribute parsing with located errors. Only xml/*.cpp include this.
#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <concepts>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/codes.hpp"
#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/location.hpp"
#include "model/text.hpp"
#include "xml/diagnostic.hpp"
#include "xml/source.hpp"

namespace ahaki::xml {

/// Nearest candidate by edit distance (for "did you mean" hints).
std::string_view nearest(std::string_view value, std::span<const std::string_view> candidates);
std::string join(std::span<const std::string_view> values, std::string_view sep = ", ");
/// Messages for Element::codes() (out of line: only built on errors).
Text codes_expected(std::span<const std::string_view> all);
Text bad_code_token(std::string_view name, std::string_view token, std::span<const std::string_view> all);
/// A value as quoted in a message: long values are cut (a 100 MB attribute must not become a 100 MB message).
std::string shown(std::string_view value);

class IdRegistry;

/// What Element::children() calls for each child: a reference to a callable,
/// which must outlive the call (a lambda written in the argument list does).
/// Unlike std::function it never allocates: the loaders' lambdas capture
/// several references, more than std::function stores in place.
class ChildHandler {
public:
    template <class F>
        requires std::invocable<F&, std::string_view, pugi::xml_node> && (!std::same_as<std::remove_cvref_t<F>, ChildHandler>)
    ChildHandler(F&& f)  // implicit: called with a lambda, like std::function
        : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_([](void* object, std::string_view name, pugi::xml_node child) {
              (*static_cast<std::remove_reference_t<F>*>(object))(name, child);
          }) {}
    void operator()(std::string_view name, pugi::xml_node child) const { call_(object_, name, child); }

private:
    void* object_;
    void (*call_)(void*, std::string_view, pugi::xml_node);
};

/// The namespaces of ahaki-check's document kinds. An element or attribute in a
/// namespace that differs from one of these only by case, width, surrounding
/// spaces, a trailing slash, an http(s):/urn: form or its version number is an
/// error naming the one that was meant (never skipped as another tool's
/// annotation). A new document kind adds its line in known_namespaces() (reader.cpp).
struct KnownNamespace {
    std::string_view uri;
    std::string_view root;  ///< the root element of the kind, for messages
};
std::span<const KnownNamespace> known_namespaces();
/// The known namespace `uri` nearly matches (nullptr when none, or when it is one exactly).
const KnownNamespace* near_miss_namespace(std::string_view uri);

/// Limits every reader applies in Reader::parse (README "Strict XML").
struct ParseLimits {
    /// Nesting of the elements a reader reads (Element::children() levels): the
    /// formats need at most 6; the standard's <group>s nest and the reader recurses
    /// through them. Other namespaces' annotations are skipped, not read: no limit.
    std::size_t max_depth = 64;
    /// Elements a reader reads in one file (xml::Element objects): each may give a
    /// requirement per rule, so this bounds the memory of a check (~10 KB per element at worst).
    std::size_t max_elements = 20000;
    /// Why a file of this kind never needs more, for the message (the school kind's by default).
    Text typical{"学校の記述に必要なのは数百個です", "a school description needs a few hundred"};
};

/// pugixml's parse status in Japanese and English (every status code).
Text parse_status_text(pugi::xml_parse_status s);

class Reader;

/// The prologue every document reader shares (xml/loader.cpp): Reader::parse with the strict rules
/// and `limits`, then the one root element: no DOCTYPE, no text outside it, no second root, named
/// `root_name` in the reader's namespace. Returns it, or a null node with the located error recorded.
pugi::xml_node document_root(Reader& reader, pugi::xml_document& doc, std::string_view root_name, const ParseLimits& limits = {});

/// Per-file reading state: the source map, the namespace, and the error list.
class Reader {
public:
    /// `buffer` is the caller's copy of src.text() (parse() parses it in place).
    Reader(const SourceText& src, const char* buffer, std::size_t size, std::string_view ns,
           std::vector<Diagnostic>& errors, std::size_t max_errors);

    /// Parses the buffer with pugixml and applies the strict XML rules every
    /// reader shares: character references (never NUL, a control character, a
    /// surrogate, a non-character or beyond U+10FFFF), comments without "--", the
    /// XML declaration only first, no repeated attribute or namespace declaration
    /// (also by expanded name), no undeclared prefix, no near-miss namespace,
    /// the nesting and element limits. Builds the namespace table that makes
    /// ns_of() O(1) amortised. Returns false (the located error recorded) when
    /// the document is refused. Every reader calls it instead of pugixml directly.
    bool parse(pugi::xml_document& doc, unsigned flags, const ParseLimits& limits = {});

    Loc at(pugi::xml_node n) const;
    /// Location of an attribute's name / value (pointers from pugixml; the element's when outside the buffer).
    Loc at_name(const char* name, pugi::xml_node owner) const;
    Loc at_value(const char* name, const char* value, pugi::xml_node owner) const;
    /// Offset of a pointer into the parsed buffer (the size when it points elsewhere).
    std::size_t offset_of(const char* p) const;
    void error(Loc loc, Text message, Text expected = {});
    bool full() const { return stopped_ || errors_.size() >= max_errors_; }
    /// Stops reading: no more errors are recorded and children() visits nothing.
    void stop() { stopped_ = true; }
    std::size_t error_count() const { return errors_.size(); }
    /// The file has more elements than ParseLimits::max_elements (reading stopped there).
    bool element_limit_reached() const { return element_limit_reached_; }

    /// Namespace URI of an element (from the table parse() built, in O(1)
    /// amortised for elements asked in file order; by its ancestors otherwise).
    std::string_view ns_of(pugi::xml_node n) const;
    /// Whether the prefixed attribute `name` (a pointer pugixml gave) of `owner`
    /// is in the reader's namespace.
    bool attribute_in_ns(const char* name, std::string_view prefix, pugi::xml_node owner) const;
    /// The default namespace (xmlns="…") in scope at an element.
    std::string_view ns_of_default(pugi::xml_node n) const;
    static std::string_view local_name(pugi::xml_node n);
    std::string_view ns() const { return ns_; }
    bool has_table() const { return table_; }
    const SourceText& source() const { return src_; }

private:
    bool in_buffer(const char* p) const { return p >= base_ && p < base_ + size_; }
    bool check_markup();
    bool check_tree(const pugi::xml_document& doc);
    std::string_view ns_by_walk(pugi::xml_node n) const;
    const SourceText& src_;
    const char* base_;
    std::size_t size_;
    std::string_view ns_;
    std::vector<Diagnostic>& errors_;
    std::size_t max_errors_;
    bool stopped_ = false;
    mutable std::size_t line_hint_ = 0;  ///< for SourceText::locate: elements are read in file order
    /// Built by parse(): every element (by its name pointer, in file order) with the
    /// index of its namespace URI in uris_.
    struct ElementNs {
        const char* name;
        std::uint32_t uri;
    };
    std::vector<ElementNs> element_ns_;
    std::vector<std::string_view> uris_;
    mutable std::size_t ns_hint_ = 0;
    bool table_ = false;
    ParseLimits limits_;
    std::size_t depth_ = 0;     ///< children() calls in progress
    std::size_t elements_ = 0;  ///< Elements constructed
    bool element_limit_reached_ = false;
    friend class Element;
    /// Name pointers of the prefixed attributes bound to ns_ (rare: misspelt attributes).
    std::unordered_set<const char*> ours_attributes_;
};

/// One element of the format: declares its attributes (unknown ones are
/// reported at once) and reads them strictly.
class Element {
public:
    Element(Reader& r, pugi::xml_node n, std::string path, std::initializer_list<std::string_view> attributes);
    Element(const Element&) = delete;  // attributes_ may point into few_
    Element& operator=(const Element&) = delete;

    const Loc& loc() const { return loc_; }
    const std::string& path() const { return loc_.path; }
    pugi::xml_node node() const { return node_; }
    Reader& reader() const { return r_; }
    bool has(std::string_view name) const { return find(name) != nullptr; }
    Loc at(std::string_view attribute) const;

    std::optional<std::string> text(std::string_view name, bool required);
    std::optional<std::string> id(std::string_view name = "id");  ///< required, non-empty, no spaces
    /// The element's id, also registered (unique in the file) as an id of this `kind`.
    std::optional<std::string> registered_id(IdRegistry& ids, std::string_view kind);
    std::optional<Decimal> decimal(std::string_view name, bool required, Decimal max);
    std::optional<int> whole(std::string_view name, bool required, int min, int max);
    std::optional<bool> boolean(std::string_view name);
    std::optional<Date> date(std::string_view name, bool required);
    std::optional<TimeOfDay> time(std::string_view name, bool required);
    template <class E>
    std::optional<E> code(std::string_view name, std::span<const CodeInfo<E>> table, bool required);
    /// A space-separated list of codes.
    template <class E>
    std::optional<std::vector<E>> codes(std::string_view name, std::span<const CodeInfo<E>> table, bool required);

    /// Calls `handler(local_name, child)` for each child element in the
    /// format's namespace whose name is in `allowed`; reports the others.
    /// Elements of other namespaces are skipped; stray text is an error.
    void children(std::initializer_list<std::string_view> allowed, ChildHandler handler);

    /// Reports a value error for an attribute.
    void bad_value(std::string_view name, Text message, Text expected);
    void missing(std::string_view name, const Text& expected);

private:
    /// An attribute as pugixml parsed it: name and value point into the parsed
    /// buffer. Plain pointers and sizes, so that few_ needs no initialisation.
    struct Attribute {
        const char* name_data;
        std::size_t name_size;
        const char* value_data;
        std::size_t value_size;
        std::string_view name() const { return {name_data, name_size}; }
        std::string_view value() const { return {value_data, value_size}; }
    };
    /// The element's attributes, each name once (the first if repeated), in file order.
    std::span<const Attribute> attributes() const { return {attributes_, attribute_count_}; }
    const Attribute* find(std::string_view name) const;
    std::optional<std::string_view> raw(std::string_view name, bool required, const Text& expected);
    std::optional<std::pair<Loc, Text>> bad_reference(std::string_view name, const Attribute& a) const;
    std::optional<std::string_view> code_raw(std::string_view name, bool required, std::span<const std::string_view> codes);
    Reader& r_;
    pugi::xml_node node_;
    Loc loc_;
    // pugixml's accessors are calls into the library: the attributes are read
    // once here, and find() scans this copy. Elements of the format have at
    // most 13 attributes; more go to many_.
    std::array<Attribute, 16> few_;
    std::vector<Attribute> many_;
    Attribute* attributes_ = few_.data();
    std::size_t attribute_count_ = 0;
    mutable std::size_t next_ = 0;  ///< where find() starts: after the previous hit
};

std::vector<std::string_view> code_list(auto table) {
    std::vector<std::string_view> v;
    for (const auto& c : table) v.push_back(c.code);
    return v;
}

template <class E>
std::optional<E> Element::code(std::string_view name, std::span<const CodeInfo<E>> table, bool required) {
    // The common cases (present and valid, or absent and optional) build no
    // list: the list of codes is only needed for the messages.
    const Attribute* a = find(name);
    if (!a && !required) return std::nullopt;
    if (a)
        if (auto c = parse_code(table, a->value())) return c;
    auto all = code_list(table);
    auto raw_value = code_raw(name, required, all);
    if (!raw_value) return std::nullopt;
    return parse_code(table, *raw_value);
}

template <class E>
std::optional<std::vector<E>> Element::codes(std::string_view name, std::span<const CodeInfo<E>> table, bool required) {
    auto expected = [&] { return codes_expected(code_list(table)); };
    const Attribute* a = find(name);
    if (!a) {
        if (required) missing(name, expected());
        return std::nullopt;
    }
    std::vector<E> out;
    bool ok = true;
    std::size_t i = 0;
    std::string_view v = a->value();
    while (i < v.size()) {
        while (i < v.size() && v[i] == ' ') ++i;
        std::size_t j = i;
        while (j < v.size() && v[j] != ' ') ++j;
        if (j > i) {
            std::string_view token = v.substr(i, j - i);
            if (auto c = parse_code(table, token)) {
                out.push_back(*c);
            } else {
                ok = false;
                bad_value(name, bad_code_token(name, token, code_list(table)), expected());
            }
        }
        i = j;
    }
    if (!ok) return std::nullopt;
    return out;
}

/// Ids: unique in the file; ids that differ only by letter case or
/// full-width/half-width form are refused too (they are typos waiting to happen).
class IdRegistry {
public:
    /// Returns false (and reports) on a duplicate.
    bool add(Reader& r, std::string_view id, const Loc& loc, std::string_view kind);
    struct Entry {
        std::string id;
        std::uint32_t line, column;  ///< where it is defined (for the duplicate messages)
        std::string kind;
    };
    const Entry* find(std::string_view id) const;
    /// The registered id that `id` equals after folding letter case and full-width
    /// forms (fold_id), or nullptr.
    const Entry* find_folded(std::string_view id) const;

private:
    std::vector<Entry> entries_;
    /// fold_id(id) -> index in entries_. An id whose folded form is taken is
    /// refused, so each folded form stands for exactly one registered id.
    std::unordered_map<std::string, std::size_t> folded_;
};

std::string fold_id(std::string_view id);
/// A message about a reference to no registered id, with a hint when the id
/// matches one after folding case and width ('Site1' for 'site1', 'ｓ１' for 's1').
Text near_id(const IdRegistry& ids, std::string_view id, Text message);

/// Paths of elements for locations: parent/element[3], or parent/element[@id='x']
/// when the element has an id (validated separately).
std::string indexed_path(std::string_view parent, std::string_view element, std::size_t index);
/// The pieces joined, with a single allocation (a path is built for every element).
std::string concat(std::initializer_list<std::string_view> pieces);
std::string id_path(std::string_view parent, std::string_view element, pugi::xml_node n, std::size_t index);

}  // namespace ahaki::xml
