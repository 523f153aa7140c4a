#include "xml/clinic/ryoyohi_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <stdexcept>

#include "standard/embedded.hpp"
#include "xml/reader.hpp"

namespace ahaki {
namespace {

const Text mark_expected{"SEED, NOTICE, SECONDARY, INFERRED, UNKNOWN のいずれか", "one of SEED, NOTICE, SECONDARY, INFERRED, UNKNOWN"};
constexpr int max_yen = 1000000;

std::optional<Mark> read_mark(xml::Element& e, const char* name, bool required) {
    auto v = e.text(name, required);
    if (!v) return std::nullopt;
    if (v->empty()) return std::nullopt;
    auto m = parse_mark(*v);
    if (!m) e.bad_value(name, Text{"未知の出典区分です", "unknown provenance mark"}, mark_expected);
    return m;
}

/// yen + mark (+ source): UNKNOWN has no yen, every other mark needs one.
FeeValue read_value(xml::Element& e, const char* yen_attr, const std::string& inherited_source) {
    FeeValue v;
    v.present = true;
    v.source = inherited_source;
    if (auto s = e.text("source", false); s && !s->empty()) v.source = *s;
    auto mark = read_mark(e, "mark", true);
    if (mark) v.mark = *mark;
    if (mark == Mark::unknown) {
        if (e.has(yen_attr))
            e.bad_value(yen_attr, Text{"UNKNOWN の値に金額は書けません", "an UNKNOWN value has no amount"},
                        Text{"金額を書くなら出典区分も直す", "when the amount is known, change the mark too"});
        return v;
    }
    if (auto y = e.whole(yen_attr, mark.has_value(), 0, max_yen)) v.yen = *y;
    return v;
}

void read_edition(xml::Reader& r, pugi::xml_node n, Ryoyohi& data, std::size_t index) {
    xml::Element e(r, n, xml::indexed_path("/ryoyohi", "edition", index), {"from", "name", "source", "date-mark"});
    FeeEdition ed;
    if (auto d = e.date("from", true)) ed.from = *d;
    if (auto v = e.text("name", true)) ed.name = *v;
    if (auto v = e.text("source", false)) ed.source = *v;
    if (auto m = read_mark(e, "date-mark", false)) ed.date_mark = *m;
    std::size_t fees = 0, bands = 0, tiers = 0;
    e.children({"fee", "band", "tier"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "fee") {
            xml::Element f(r, c, xml::indexed_path(e.path(), "fee", ++fees), {"item", "yen", "mark", "source", "applies"});
            auto item_text = f.text("item", true);
            if (!item_text) return;
            auto item = parse_fee_item(*item_text);
            if (!item) {
                std::vector<std::string_view> all;
                for (std::size_t i = 0; i < fee_item_count; ++i) all.push_back(fee_item_code(static_cast<FeeItem>(i)));
                f.bad_value("item", Text{"未知の料金項目です", "unknown fee item"},
                            Text{"次のいずれか: " + xml::join(all), "one of: " + xml::join(all)});
                return;
            }
            FeeValue& slot = ed.fees[static_cast<std::size_t>(*item)];
            if (slot.present || !slot.source.empty()) {
                f.bad_value("item", Text{"同じ版に2回あります", "given twice in the edition"}, Text{"項目ごとに1つ", "one per item"});
                return;
            }
            if (f.boolean("applies") == false) {
                slot.present = false;
                slot.source = "absent";  // marks the item as written, for the completeness check
                return;
            }
            slot = read_value(f, "yen", ed.source);
        } else if (name == "band") {
            xml::Element b(r, c, xml::indexed_path(e.path(), "band", ++bands), {"up-to-km", "yen", "mark", "source"});
            DistanceBand band;
            if (auto km = b.decimal("up-to-km", true, Decimal::from_int(1000))) band.up_to_km = *km;
            band.fee = read_value(b, "yen", ed.source);
            if (!ed.bands.empty() && band.up_to_km <= ed.bands.back().up_to_km)
                b.bad_value("up-to-km", Text{"距離は前の区分より大きくしてください", "not beyond the previous band"},
                            Text{"昇順の距離", "distances in increasing order"});
            ed.bands.push_back(std::move(band));
        } else {
            xml::Element t(r, c, xml::indexed_path(e.path(), "tier", ++tiers), {"name", "min-patients", "one", "two", "mark", "source"});
            VisitTier tier;
            if (auto v = t.text("name", true)) tier.name = *v;
            if (auto v = t.whole("min-patients", true, 1, 1000)) tier.min_patients = *v;
            tier.one = read_value(t, "one", ed.source);
            tier.two = tier.one;
            tier.two.yen.reset();
            if (tier.one.mark != Mark::unknown)
                if (auto y = t.whole("two", true, 0, max_yen)) tier.two.yen = *y;
            if (!ed.tiers.empty() && tier.min_patients <= ed.tiers.back().min_patients)
                t.bad_value("min-patients", Text{"人数は前の区分より大きくしてください", "not beyond the previous tier"},
                            Text{"昇順の人数", "counts in increasing order"});
            ed.tiers.push_back(std::move(tier));
        }
    });
    for (std::size_t i = 0; i < fee_item_count; ++i) {
        FeeValue& slot = ed.fees[i];
        if (!slot.present && slot.source.empty())
            r.error(e.loc(), Text{"料金項目 " + std::string(fee_item_code(static_cast<FeeItem>(i))) +
                                      " がありません（この版にない項目は applies=\"false\"、不明なら mark=\"UNKNOWN\" で書いてください）",
                                  "fee item " + std::string(fee_item_code(static_cast<FeeItem>(i))) +
                                      " is missing (write applies=\"false\" when the edition has no such fee, mark=\"UNKNOWN\" when it is not known)"});
        if (!slot.present) slot.source.clear();
    }
    if (!ed.bands.empty() && ed.fee(FeeItem::travel_sudden).present)
        r.error(e.loc(), Text{"距離区分（band）と定額の往療料（travel-sudden）は同じ版に書けません",
                              "an edition has either distance bands or a flat travel-sudden fee, not both"});
    if (!data.editions.empty() && ed.from <= data.editions.back().from)
        e.bad_value("from", Text{"版は日付順に書いてください", "editions must be in date order"}, Text{"前の版より後の日付", "a date after the previous edition"});
    data.editions.push_back(std::move(ed));
}

void read_param(xml::Reader& r, pugi::xml_node n, Ryoyohi& data, std::size_t index) {
    xml::Element e(r, n, xml::indexed_path("/ryoyohi", "param", index), {"name", "from", "value", "mark", "source"});
    RuleParam p;
    auto name = e.text("name", true);
    if (name) {
        auto names = ryoyohi_param_names();
        if (std::find(names.begin(), names.end(), *name) == names.end()) {
            e.bad_value("name", Text{"未知のパラメータです", "unknown parameter"},
                        Text{"次のいずれか: " + xml::join(names), "one of: " + xml::join(names)});
            return;
        }
        p.name = *name;
    }
    if (auto d = e.date("from", true)) p.from = *d;
    if (auto m = read_mark(e, "mark", true)) p.mark = *m;
    if (p.mark == Mark::unknown) {
        r.error(e.loc(), Text{"規則のパラメータに UNKNOWN は使えません（不明なら書かないでください: その日付には規則が適用されません）",
                              "a rule parameter cannot be UNKNOWN (leave it out: the rule then does not apply on that date)"});
        return;
    }
    if (auto v = e.whole("value", true, 0, 100000)) p.value = *v;
    if (auto v = e.text("source", false)) p.source = *v;
    data.params.push_back(std::move(p));
}

}  // namespace

RyoyohiLoad read_ryoyohi(const SourceText& src) {
    RyoyohiLoad out;
    std::string buffer = src.text();
    pugi::xml_document doc;
    auto parsed = doc.load_buffer_inplace(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!parsed) {
        out.errors.push_back(Diagnostic{src.path(), src.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))),
                                        Text{std::string("XMLとして読めません: ") + parsed.description(),
                                             std::string("not well-formed XML: ") + parsed.description()},
                                        {}});
        return out;
    }
    xml::Reader r(src, buffer.data(), buffer.size(), ryoyohi_namespace, out.errors, 50);
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_doctype) {
            r.error(r.at(n), Text{"DOCTYPE宣言は使えません", "a DOCTYPE declaration is not allowed"});
            return out;
        }
    pugi::xml_node root = doc.document_element();
    if (!root || xml::Reader::local_name(root) != "ryoyohi" || r.ns_of(root) != ryoyohi_namespace) {
        r.error(root ? r.at(root) : Loc{1, 1, {}}, Text{"療養費データのファイルではありません", "not a 療養費 data file"},
                Text{std::string("名前空間 ") + ryoyohi_namespace + " の <ryoyohi> 要素",
                     std::string("a <ryoyohi> element in the namespace ") + ryoyohi_namespace});
        return out;
    }
    Ryoyohi data;
    data.origin = src.path();
    xml::Element e(r, root, "/ryoyohi", {"id", "title-ja", "title-en"});
    if (auto v = e.id()) data.id = *v;
    if (auto v = e.text("title-ja", true)) data.title.ja = *v;
    if (auto v = e.text("title-en", true)) data.title.en = *v;
    std::size_t editions = 0, params = 0;
    e.children({"edition", "param"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "edition") read_edition(r, c, data, ++editions);
        else read_param(r, c, data, ++params);
    });
    if (editions == 0) r.error(e.loc(), Text{"料金の版（<edition>）がありません", "no fee edition (<edition>)"});
    std::stable_sort(data.params.begin(), data.params.end(),
                     [](const RuleParam& a, const RuleParam& b) { return std::tie(a.name, a.from) < std::tie(b.name, b.from); });
    for (std::size_t i = 1; i < data.params.size(); ++i)
        if (data.params[i].name == data.params[i - 1].name && data.params[i].from == data.params[i - 1].from)
            r.error(e.loc(), Text{"パラメータ " + data.params[i].name + " が同じ日付 " + data.params[i].from.str() + " に2つあります",
                                  "parameter " + data.params[i].name + " given twice from " + data.params[i].from.str()});
    for (auto name : ryoyohi_param_names()) {
        bool found = std::any_of(data.params.begin(), data.params.end(), [&](const RuleParam& p) { return p.name == name; });
        if (!found) r.error(e.loc(), Text{"パラメータ " + std::string(name) + " がありません", "parameter " + std::string(name) + " is missing"});
    }
    if (out.errors.empty()) out.data = std::move(data);
    return out;
}

RyoyohiLoad read_ryoyohi_file(const std::string& path) {
    ReadResult read = read_source(path);
    if (read.error) {
        RyoyohiLoad out;
        out.errors.push_back(*read.error);
        return out;
    }
    return read_ryoyohi(*read.source);
}

const Ryoyohi& embedded_ryoyohi() {
    static const Ryoyohi data = [] {
        for (const auto& f : embedded_ryoyohi_files()) {
            ReadResult read = decode_source("embedded:" + std::string(f.name), std::string(f.data, f.size));
            if (!read.source) break;
            RyoyohiLoad l = read_ryoyohi(*read.source);
            if (l.data) {
                l.data->origin = "embedded";
                return std::move(*l.data);
            }
            throw std::logic_error("the embedded 療養費 data does not load: " + (l.errors.empty() ? std::string() : l.errors.front().message.en));
        }
        throw std::logic_error("no embedded 療養費 data");
    }();
    return data;
}

}  // namespace ahaki
