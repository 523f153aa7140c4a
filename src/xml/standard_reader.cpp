#include "xml/standard_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "model/normalise.hpp"
#include "xml/reader.hpp"
#include "xml/source.hpp"

namespace ahaki {
namespace {

struct Inherited {
    std::optional<Provenance> provenance;
    std::string clause;
    std::string note;
};

const Decimal max_param = Decimal::from_int(1000000);

const Decimal max_list_quantity = Decimal::from_int(1000000);

/// <list key provenance clause note> with <item code name-ja name-en min-quantity> children: a list the
/// standard requires (the equipment of 別表). An UNKNOWN list holds no items.
void read_list(xml::Reader& r, pugi::xml_node n, const std::string& parent_path, Standard& st, const Inherited& inherited) {
    std::string key = n.attribute("key").value();
    xml::Element e(r, n, parent_path + "/list[@key='" + key + "']", {"key", "provenance", "clause", "note"});
    StandardList list;
    std::vector<std::string_view> keys(list_keys().begin(), list_keys().end());
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        e.bad_value("key", Text{"未知のリストです", "unknown list"}, Text{"次のいずれか: " + xml::join(keys), "one of: " + xml::join(keys)});
        return;
    }
    for (const auto& l : st.lists)
        if (l.key == key) {
            e.bad_value("key", Text{"リストが2回定義されています", "list defined twice"}, Text{"リストごとに <list> は1つ", "one <list> per key"});
            return;
        }
    list.key = key;
    list.clause = inherited.clause;
    list.note = inherited.note;
    std::optional<Provenance> prov = inherited.provenance;
    if (e.has("provenance")) {
        if (auto p = parse_provenance(n.attribute("provenance").value())) prov = *p;
        else
            e.bad_value("provenance", Text{"未知の出典区分です", "unknown provenance"},
                        Text{"SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN のいずれか", "one of SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN"});
    }
    if (auto c = e.text("clause", false); c && !c->empty()) list.clause = *c;
    if (auto v = e.text("note", false); v && !v->empty()) list.note = *v;
    if (!prov) e.missing("provenance", Text{"SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN のいずれか", "SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY or UNKNOWN"});
    else list.provenance = *prov;
    if (list.clause.empty()) e.missing("clause", Text{"根拠条項（例: 指導要領 10(7) 別表）", "the clause (e.g. 指導要領 10(7) 別表)"});
    std::size_t index = 0;
    e.children({"item"}, [&](std::string_view, pugi::xml_node c) {
        xml::Element i(r, c, e.path() + "/item[" + std::to_string(++index) + "]", {"code", "name-ja", "name-en", "min-quantity"});
        if (list.provenance == Provenance::unknown) {
            r.error(i.loc(), Text{"UNKNOWN のリストに項目は書けません（項目が分かったら出典区分も直してください）",
                                  "an UNKNOWN list cannot have items (give its provenance when you add them)"});
            return;
        }
        ListItem item;
        if (auto v = i.id("code")) item.code = *v;
        if (auto v = i.text("name-ja", true)) item.name.ja = *v;
        if (auto v = i.text("name-en", true)) item.name.en = *v;
        if (auto v = i.decimal("min-quantity", true, max_list_quantity)) item.min_quantity = *v;
        for (const auto& other : list.items)
            if (!item.code.empty() && other.code == item.code)
                i.bad_value("code", Text{"項目コードが重複しています", "duplicate item code"}, Text{"一意のコード", "a unique code"});
        list.items.push_back(std::move(item));
    });
    st.lists.push_back(std::move(list));
}

/// Space-separated words, folded (model/normalise.hpp) so that they compare with what schools write.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) {
            std::string w = fold_text(text.substr(i, j - i));
            if (!w.empty()) out.push_back(std::move(w));
        }
        i = j;
    }
    return out;
}

/// <subject-fields> (指導要領 6(2)–(4)): <licence-subject code aliases> and
/// <subject key name-ja name-en areas patterns fields fields-review licences
/// licences-review clinical-medicine rehabilitation>. An interpretation, with its
/// own provenance (INTERPRETED unless the file says otherwise).
void read_subject_fields(xml::Reader& r, pugi::xml_node n, const std::string& parent_path, Standard& st,
                         const Inherited& inherited) {
    xml::Element e(r, n, parent_path + "/subject-fields", {"provenance", "clause", "note"});
    if (st.subject_fields.present) {
        r.error(e.loc(), Text{"<subject-fields> が2つあります", "a second <subject-fields>"},
                Text{"<subject-fields> は1つ", "a single <subject-fields>"});
        return;
    }
    SubjectFieldMap& m = st.subject_fields;
    m.present = true;
    m.clause = inherited.clause;
    m.note = inherited.note;
    m.provenance = Provenance::interpreted;
    if (e.has("provenance")) {
        if (auto p = parse_provenance(n.attribute("provenance").value()); p && *p != Provenance::unknown) m.provenance = *p;
        else
            e.bad_value("provenance", Text{"対応表の出典区分として使えません", "not a provenance this table can have"},
                        Text{"INTERPRETED, SEED, ORD, GL-HK, DERIVED のいずれか", "one of INTERPRETED, SEED, ORD, GL-HK, DERIVED"});
    }
    if (auto c = e.text("clause", false); c && !c->empty()) m.clause = *c;
    if (auto v = e.text("note", false); v && !v->empty()) m.note = *v;
    if (m.clause.empty()) e.missing("clause", Text{"根拠条項（例: 指導要領 6(2)–(4)）", "the clause (e.g. 指導要領 6(2)–(4))"});
    std::size_t ls = 0, sub = 0;
    std::vector<std::pair<std::string, Loc>> licence_refs;
    e.children({"licence-subject", "subject"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "licence-subject") {
            xml::Element le(r, c, e.path() + "/licence-subject[" + std::to_string(++ls) + "]", {"code", "aliases"});
            LicenceSubject l;
            if (auto v = le.text("code", true)) l.code = fold_text(*v);
            if (auto v = le.text("aliases", false)) l.aliases = words(*v);
            if (l.code.empty()) return;
            for (const auto& o : m.licence_subjects)
                if (o.code == l.code) le.bad_value("code", Text{"教科が重複しています", "duplicate 教科"}, Text{"一意の教科", "a unique 教科"});
            if (std::find(l.aliases.begin(), l.aliases.end(), l.code) == l.aliases.end()) l.aliases.push_back(l.code);
            m.licence_subjects.push_back(std::move(l));
            return;
        }
        xml::Element se(r, c, e.path() + "/subject[" + std::to_string(++sub) + "]",
                        {"key", "name-ja", "name-en", "areas", "patterns", "fields", "fields-review", "licences",
                         "licences-review", "clinical-medicine", "rehabilitation"});
        SubjectField f;
        if (auto v = se.id("key")) f.key = *v;
        if (auto v = se.text("name-ja", true)) f.name.ja = *v;
        if (auto v = se.text("name-en", true)) f.name.en = *v;
        if (auto v = se.codes("areas", areas(), false)) f.areas = *v;
        if (auto v = se.text("patterns", true)) f.patterns = words(*v);
        if (f.patterns.empty() && se.has("patterns"))
            se.bad_value("patterns", Text{"科目名の語がありません", "no words of subject names"}, Text{"空白で区切った語", "space-separated words"});
        if (auto v = se.text("fields", false)) f.fields = words(*v);
        if (auto v = se.text("fields-review", false)) f.fields_review = words(*v);
        if (auto v = se.text("licences", false)) f.licences = words(*v);
        if (auto v = se.text("licences-review", false)) f.licences_review = words(*v);
        for (const auto* list : {&f.licences, &f.licences_review})
            for (const auto& code : *list) licence_refs.emplace_back(code, se.at(list == &f.licences ? "licences" : "licences-review"));
        if (se.has("clinical-medicine")) {
            std::string v = c.attribute("clinical-medicine").value();
            if (v == "yes") f.clinical_medicine = ClinicalMedicine::yes;
            else if (v == "no") f.clinical_medicine = ClinicalMedicine::no;
            else if (v == "unsure") f.clinical_medicine = ClinicalMedicine::unsure;
            else
                se.bad_value("clinical-medicine", Text{"未知の値です", "unknown value"}, Text{"yes, no, unsure のいずれか", "yes, no or unsure"});
        }
        if (auto v = se.boolean("rehabilitation")) f.rehabilitation = *v;
        for (const auto& o : m.subjects)
            if (!f.key.empty() && o.key == f.key)
                se.bad_value("key", Text{"科目の key が重複しています", "duplicate subject key"}, Text{"一意の key", "a unique key"});
        m.subjects.push_back(std::move(f));
    });
    for (const auto& [code, loc] : licence_refs) {
        bool found = false;
        for (const auto& l : m.licence_subjects) found = found || l.code == code;
        if (!found)
            r.error(loc, Text{"教科 " + code + " が <licence-subject> にありません", "the 教科 " + code + " is not a <licence-subject>"},
                    Text{"<licence-subject code=\"…\"> のいずれか", "the code of a <licence-subject>"});
    }
}

std::string describe(const Standard::Entry& e) {
    std::string s = e.key;
    if (e.type >= 0) s += " type=" + std::string(facility_types()[static_cast<std::size_t>(e.type)].code);
    if (e.area >= 0) s += " area=" + std::string(areas()[static_cast<std::size_t>(e.area)].code);
    if (e.method >= 0) s += " method=" + std::string(methods()[static_cast<std::size_t>(e.method)].code);
    if (!e.item.empty()) s += " item=" + e.item;
    return s;
}

/// Where each parameter (key and qualifiers) was first defined, to locate a duplicate at the duplicate.
using Defined = std::map<std::tuple<std::string, int, int, int, std::string>, Loc>;

void read_params(xml::Reader& r, xml::Element& parent, Standard& st, const Inherited& inherited, std::size_t& count,
                 Defined& defined) {
    parent.children({"group", "param", "list", "subject-fields"}, [&](std::string_view name, pugi::xml_node n) {
        ++count;
        if (name == "list") return read_list(r, n, parent.path(), st, inherited);
        if (name == "subject-fields") return read_subject_fields(r, n, parent.path(), st, inherited);
        if (name == "group") {
            xml::Element g(r, n, parent.path() + "/group", {"clause", "provenance", "note"});
            Inherited inner = inherited;
            if (auto c = g.text("clause", false); c && !c->empty()) inner.clause = *c;
            if (g.has("provenance")) {
                std::string code = n.attribute("provenance").value();
                if (auto p = parse_provenance(code)) inner.provenance = *p;
                else
                    g.bad_value("provenance", Text{"未知の出典区分です", "unknown provenance"},
                                Text{"SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN のいずれか", "one of SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN"});
            }
            if (auto v = g.text("note", false); v && !v->empty()) inner.note = *v;
            read_params(r, g, st, inner, count, defined);
            return;
        }
        std::string key = n.attribute("key").value();
        xml::Element e(r, n, parent.path() + "/param[@key='" + key + "']",
                       {"key", "type", "area", "method", "item", "value", "provenance", "clause", "note"});
        const ParamSpec* spec = find_param_spec(key);
        if (!spec) {
            std::vector<std::string_view> keys;
            for (const auto& s : param_specs()) keys.push_back(s.key);
            e.bad_value("key", Text{"未知のパラメータです（もしかして: " + std::string(xml::nearest(key, keys)) + "）",
                                    "unknown parameter (did you mean '" + std::string(xml::nearest(key, keys)) + "'?)"},
                        Text{"次のいずれか: " + xml::join(keys), "one of: " + xml::join(keys)});
            return;
        }
        Standard::Entry entry;
        entry.key = key;
        auto dim = [&](Dim d, std::string_view attr, auto table, int& out) {
            if (has(spec->dims, d)) {
                if (auto v = e.code(attr, table, true)) out = static_cast<int>(*v);
            } else if (e.has(attr)) {
                e.bad_value(attr, Text{"このパラメータには " + std::string(attr) + " はありません",
                                       "this parameter is not qualified by " + std::string(attr)},
                            Text{"属性なし", "no such attribute"});
            }
        };
        dim(Dim::type, "type", facility_types(), entry.type);
        dim(Dim::area, "area", areas(), entry.area);
        dim(Dim::method, "method", methods(), entry.method);
        if (has(spec->dims, Dim::item)) {
            if (auto v = e.text("item", true)) {
                std::string items = " " + std::string(spec->items) + " ";
                if (items.find(" " + *v + " ") == std::string::npos)
                    e.bad_value("item", Text{"未知の項目です", "unknown item"},
                                Text{"次のいずれか: " + std::string(spec->items), "one of: " + std::string(spec->items)});
                else
                    entry.item = *v;
            }
        }
        Threshold& t = entry.t;
        t.clause = inherited.clause;
        t.note = inherited.note;
        std::optional<Provenance> prov = inherited.provenance;
        if (e.has("provenance")) {
            std::string code = n.attribute("provenance").value();
            if (auto p = parse_provenance(code)) prov = *p;
            else
                e.bad_value("provenance", Text{"未知の出典区分です", "unknown provenance"},
                            Text{"SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN のいずれか", "one of SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN"});
        }
        if (auto c = e.text("clause", false); c && !c->empty()) t.clause = *c;
        if (auto v = e.text("note", false); v && !v->empty()) t.note = *v;
        if (!prov) {
            e.missing("provenance", Text{"SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY, UNKNOWN のいずれか", "SEED, ORD, GL-HK, DERIVED, ASSUMED, ADVISORY or UNKNOWN"});
            return;
        }
        t.provenance = *prov;
        if (t.clause.empty()) e.missing("clause", Text{"根拠条項（例: 指導要領 8(4)）", "the clause (e.g. 指導要領 8(4))"});
        if (t.provenance == Provenance::unknown) {
            if (e.has("value"))
                e.bad_value("value", Text{"UNKNOWN の数値に値を書くことはできません（値が分かったら出典区分も直してください）",
                                          "an UNKNOWN number cannot have a value (give its provenance when you add one)"},
                            Text{"value なし", "no value"});
        } else if (spec->kind == ParamKind::decimal) {
            if (auto v = e.decimal("value", true, max_param)) t.value = *v;
        } else if (spec->kind == ParamKind::time) {
            if (auto v = e.time("value", true)) t.value = Decimal::from_int(v->minutes);
        } else {
            if (auto v = e.text("value", true)) {
                t.text = *v;
                if (!spec->words.empty()) {
                    std::string allowed = " " + std::string(spec->words) + " ";
                    std::string bad;
                    std::size_t i = 0;
                    while (i < v->size()) {
                        std::size_t j = v->find(' ', i);
                        if (j == std::string::npos) j = v->size();
                        std::string word = v->substr(i, j - i);
                        if (!word.empty() && allowed.find(" " + word + " ") == std::string::npos && bad.empty()) bad = word;
                        i = j + 1;
                    }
                    if (!bad.empty())
                        e.bad_value("value", Text{"未知の語です: " + bad, "unknown word: " + bad},
                                    Text{"次の語（空白区切り）: " + std::string(spec->words),
                                         "words (space separated) from: " + std::string(spec->words)});
                }
            }
        }
        auto [first, inserted] =
            defined.try_emplace(std::tuple{entry.key, entry.type, entry.area, entry.method, entry.item}, e.loc());
        if (!inserted) {
            const std::string line = std::to_string(first->second.line), column = std::to_string(first->second.column);
            r.error(e.loc(),
                    Text{"パラメータが重複しています: " + describe(entry) + "（最初の定義: " + line + "行" + column + "列）",
                         "parameter defined twice: " + describe(entry) + " (first defined at line " + line + ", column " + column + ")"},
                    Text{"パラメータと区分の組ごとに <param> は1つ", "one <param> per parameter and qualifiers"});
            return;
        }
        st.entries.push_back(std::move(entry));
    });
}

/// Every combination of qualifiers a parameter needs.
std::vector<Standard::Entry> required_entries(const ParamSpec& spec) {
    std::vector<Standard::Entry> out{Standard::Entry{std::string(spec.key), -1, -1, -1, {}, {}}};
    auto expand = [&](Dim d, int n) {
        if (!has(spec.dims, d)) return;
        std::vector<Standard::Entry> next;
        for (const auto& e : out)
            for (int i = 0; i < n; ++i) {
                auto x = e;
                if (d == Dim::type) x.type = i;
                if (d == Dim::area) x.area = i;
                if (d == Dim::method) x.method = i;
                next.push_back(x);
            }
        out = std::move(next);
    };
    expand(Dim::type, static_cast<int>(facility_type_count));
    expand(Dim::area, static_cast<int>(area_count));
    expand(Dim::method, static_cast<int>(method_count));
    if (has(spec.dims, Dim::item)) {
        std::vector<Standard::Entry> next;
        std::string_view items = spec.items;
        for (const auto& e : out) {
            std::size_t i = 0;
            while (i < items.size()) {
                std::size_t j = items.find(' ', i);
                if (j == std::string_view::npos) j = items.size();
                auto x = e;
                x.item = std::string(items.substr(i, j - i));
                next.push_back(x);
                i = j + 1;
            }
        }
        out = std::move(next);
    }
    return out;
}

}  // namespace

StandardLoad read_standard(const std::string& path, std::string bytes) {
    ReadResult read = decode_source(path, std::move(bytes), "standard");
    if (read.error) {
        StandardLoad out;
        out.errors.push_back(*read.error);
        return out;
    }
    return read_standard(*read.source);
}

StandardLoad read_standard(const SourceText& src) {
    StandardLoad out;
    const std::string& path = src.path();
    std::string buffer = src.text();
    pugi::xml_document doc;
    xml::Reader r(src, buffer.data(), buffer.size(), standard_namespace, out.errors, 50);
    if (!r.parse(doc, pugi::parse_default | pugi::parse_doctype)) return out;
    pugi::xml_node root = doc.document_element();
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_doctype) {
            r.error(r.at(n), Text{"DOCTYPE宣言は使えません", "a DOCTYPE declaration is not allowed"});
            return out;
        }
    if (!root || xml::Reader::local_name(root) != "standard" || r.ns_of(root) != standard_namespace) {
        r.error(root ? r.at(root) : Loc{1, 1, {}},
                Text{"基準ファイルではありません", "not a standard file"},
                Text{std::string("名前空間 ") + standard_namespace + " の <standard> 要素",
                     std::string("a <standard> element in the namespace ") + standard_namespace});
        return out;
    }
    Standard st;
    st.origin = path;
    xml::Element e(r, root, "/standard", {"id", "applies-from", "title-ja", "title-en"});
    if (auto v = e.id()) st.id = *v;
    if (auto v = e.date("applies-from", true)) st.applies_from = *v;
    if (auto v = e.text("title-ja", true)) st.title.ja = *v;
    if (auto v = e.text("title-en", true)) st.title.en = *v;
    std::size_t count = 0;
    Defined defined;
    read_params(r, e, st, Inherited{}, count, defined);
    if (!out.errors.empty()) return out;

    st.finalize();
    for (std::size_t i = 1; i < st.entries.size(); ++i) {
        const auto& a = st.entries[i - 1];
        const auto& b = st.entries[i];
        if (std::tie(a.key, a.type, a.area, a.method, a.item) == std::tie(b.key, b.type, b.area, b.method, b.item))
            r.error(e.loc(), Text{"パラメータが重複しています: " + describe(b), "parameter defined twice: " + describe(b)});
    }
    for (const auto& spec : param_specs())
        for (const auto& need : required_entries(spec)) {
            ParamKey k{need.key,
                       need.type >= 0 ? std::optional(static_cast<FacilityType>(need.type)) : std::nullopt,
                       need.area >= 0 ? std::optional(static_cast<Area>(need.area)) : std::nullopt,
                       need.method >= 0 ? std::optional(static_cast<Method>(need.method)) : std::nullopt, need.item};
            if (!st.find(k))
                r.error(e.loc(),
                        Text{"パラメータがありません: " + describe(need) + "（値が不明なら provenance=\"UNKNOWN\" で書いてください）",
                             "missing parameter: " + describe(need) + " (write it with provenance=\"UNKNOWN\" if its value is not known)"});
        }
    for (auto key : list_keys()) {
        bool found = false;
        for (const auto& l : st.lists) found = found || l.key == key;
        if (!found)
            r.error(e.loc(), Text{"リストがありません: " + std::string(key) + "（内容が不明なら provenance=\"UNKNOWN\" で空の <list> を書いてください）",
                                  "missing list: " + std::string(key) + " (write an empty <list> with provenance=\"UNKNOWN\" if its contents are not known)"});
    }
    if (out.errors.empty()) out.standard = std::move(st);
    return out;
}

StandardLoad read_standard_file(const std::string& path) {
    ReadResult read = read_source(path, {}, "standard");
    if (read.error) {
        StandardLoad out;
        out.errors.push_back(*read.error);
        return out;
    }
    return read_standard(*read.source);
}

}  // namespace ahaki
