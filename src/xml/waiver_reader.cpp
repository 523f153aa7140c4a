#include "xml/waiver_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>

#include "rules/rule.hpp"
#include "xml/reader.hpp"

namespace ahaki {
namespace {

/// A file pattern is at most a path long (PATH_MAX): matching is O(pattern × path).
constexpr std::size_t max_pattern_bytes = 4096;

void read_waiver(xml::Reader& r, pugi::xml_node n, std::size_t index, xml::IdRegistry& ids, WaiverSet& set) {
    std::string_view raw_id = n.attribute("id").value();
    std::string path = raw_id.empty() ? "/waivers/waiver[" + std::to_string(index) + "]"
                                      : "/waivers/waiver[@id='" + std::string(raw_id) + "']";
    xml::Element e(r, n, path, {"id", "rule", "file", "element", "path", "reason", "expires", "approver"});
    Waiver w;
    w.loc = e.loc();
    if (auto v = e.id()) {
        w.id = *v;
        ids.add(r, w.id, e.at("id"), "waiver");
    }
    if (auto v = e.text("rule", true)) {
        if (const Rule* rule = find_rule(*v)) {
            w.rule = std::string(rule->id);
        } else {
            std::vector<std::string_view> known;
            for (const auto& x : all_rules()) known.push_back(x.id);
            std::string near(xml::nearest(*v, known));
            e.bad_value("rule", Text{"規則 '" + *v + "' はありません（もしかして: " + near + "）",
                                     "no rule '" + *v + "' (did you mean " + near + "?)"},
                        Text{"ahaki-check rules が一覧する規則ID", "a rule id listed by ahaki-check rules"});
        }
    }
    if (auto v = e.text("file", true)) {
        if (v->size() > max_pattern_bytes)
            e.bad_value("file", Text{"パターンが長すぎます（" + std::to_string(max_pattern_bytes) + " バイトまで）",
                                     "the pattern is too long (at most " + std::to_string(max_pattern_bytes) + " bytes)"},
                        Text{"/ で区切ったパスかグロブ（*, ?, **）", "a path or glob (*, ?, **) separated by /"});
        else if (v->find('\\') != std::string::npos)
            e.bad_value("file", Text{"区切りに \\ は使えません", "a backslash is not a path separator here"},
                        Text{"/ で区切ったパスかグロブ（*, ?, **）", "a path or glob (*, ?, **) separated by /"});
        else
            w.file = *v;
    }
    if (auto v = e.text("element", false)) {
        if (v->find_first_of(" \t\r\n'") != std::string::npos)
            e.bad_value("element", Text{"要素の id に空白や ' は使えません", "an element id has no spaces or quotes"},
                        Text{"学校の記述の要素の id（例 bio1）", "the id of an element of the description (e.g. bio1)"});
        else
            w.element = *v;
    }
    if (auto v = e.text("path", false)) {
        if (!v->empty() && (v->front() != '/' || v->back() == '/'))
            e.bad_value("path", Text{"要素のパスは / で始まり / で終わらない形です",
                                     "an element path starts with / and does not end with /"},
                        Text{"例 /school/course[@id='day']", "e.g. /school/course[@id='day']"});
        else
            w.path = *v;
    }
    if (auto v = e.text("reason", true)) w.reason = *v;
    if (auto v = e.date("expires", true)) w.expires = *v;
    if (auto v = e.text("approver", false)) w.approver = *v;
    e.children({}, [](std::string_view, pugi::xml_node) {});
    set.waivers.push_back(std::move(w));
}

}  // namespace

WaiverLoad read_waivers(const SourceText& src) {
    WaiverLoad out;
    std::string buffer = src.text();
    pugi::xml_document doc;
    xml::Reader r(src, buffer.data(), buffer.size(), waivers_namespace, out.errors, 50);
    if (!r.parse(doc, pugi::parse_default | pugi::parse_doctype)) return out;
    for (pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_doctype) {
            r.error(r.at(n), Text{"DOCTYPE宣言は使えません", "a DOCTYPE declaration is not allowed"});
            return out;
        }
    pugi::xml_node root = doc.document_element();
    if (!root || xml::Reader::local_name(root) != "waivers" || r.ns_of(root) != waivers_namespace) {
        r.error(root ? r.at(root) : Loc{1, 1, {}}, Text{"免除ファイルではありません", "not a waiver file"},
                Text{std::string("名前空間 ") + waivers_namespace + " の <waivers> 要素",
                     std::string("a <waivers> element in the namespace ") + waivers_namespace});
        return out;
    }
    WaiverSet set;
    set.file = src.path();
    xml::Element e(r, root, "/waivers", {});
    xml::IdRegistry ids;
    std::size_t index = 0;
    e.children({"waiver"}, [&](std::string_view, pugi::xml_node c) {
        if (!r.full()) read_waiver(r, c, ++index, ids, set);
    });
    if (out.errors.empty()) out.set = std::move(set);
    return out;
}

WaiverLoad read_waivers(const std::string& path, std::string bytes) {
    ReadResult read = decode_source(path, std::move(bytes), "waivers");
    if (read.error) {
        WaiverLoad out;
        out.errors.push_back(*read.error);
        return out;
    }
    return read_waivers(*read.source);
}

WaiverLoad read_waivers_file(const std::string& path) {
    ReadResult read = read_source(path, {}, "waivers");
    if (read.error) {
        WaiverLoad out;
        out.errors.push_back(*read.error);
        return out;
    }
    return read_waivers(*read.source);
}

}  // namespace ahaki
