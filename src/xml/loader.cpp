#include "xml/loader.hpp"

#include <pugixml.hpp>

#include "xml/reader.hpp"
#include "xml/school_sections.hpp"

namespace ahaki {

namespace xml {

pugi::xml_node document_root(Reader& reader, pugi::xml_document& doc, std::string_view root_name, const ParseLimits& limits) {
    // parse_fragment: keeps text outside the root element as nodes, so it is
    // reported below instead of silently dropped (a missing root is checked below too).
    const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment;
    if (!reader.parse(doc, flags, limits)) return {};
    const std::string name(root_name), ns(reader.ns());
    pugi::xml_node root;
    for (pugi::xml_node n : doc.children()) {
        if (n.type() == pugi::node_doctype) {
            reader.error(reader.at(n),
                         Text{"DOCTYPE宣言は使えません（外部実体や実体展開を防ぐため）",
                              "a DOCTYPE declaration is not allowed (it could define or load entities)"},
                         Text{"DOCTYPEのない文書", "a document without DOCTYPE"});
            return {};
        }
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            reader.error(reader.at(n), Text{"ルート要素の外に文字列があります", "text outside the root element"});
            return {};
        }
        if (n.type() != pugi::node_element) continue;
        if (root) {
            reader.error(reader.at(n), Text{"ルート要素が2つ以上あります", "more than one root element"},
                         Text{"<" + name + "> 要素ひとつ", "a single <" + name + "> element"});
            return {};
        }
        root = n;
    }
    if (!root) {
        reader.error(Loc{1, 1, {}}, Text{"要素がありません", "no element found"},
                     Text{"<" + name + "> 要素を持つXML文書", "an XML document with a <" + name + "> element"});
        return {};
    }
    const Text root_expected{"名前空間 " + ns + " の <" + name + "> 要素", "a <" + name + "> element in the namespace " + ns};
    if (Reader::local_name(root) != root_name) {
        reader.error(reader.at(root),
                     Text{"ルート要素が <" + std::string(root.name()) + "> です", "the root element is <" + std::string(root.name()) + ">"},
                     root_expected);
        return {};
    }
    if (reader.ns_of(root) != ns) {
        std::string got(reader.ns_of(root));
        reader.error(reader.at(root),
                     Text{got.empty() ? "<" + name + "> に名前空間がありません（xmlns=\"" + ns + "\" を付けてください）"
                                      : "<" + name + "> の名前空間 " + got + " が違います",
                          got.empty() ? "<" + name + "> has no namespace (add xmlns=\"" + ns + "\")"
                                      : "<" + name + "> is in the wrong namespace " + got},
                     root_expected);
        return {};
    }
    return root;
}

}  // namespace xml

LoadResult load_school(const SourceText& source, const LoadOptions& options) {
    LoadResult result;
    result.encoding = source.encoding();
    // pugixml parses in place; keep the original text for locating offsets.
    std::string buffer = source.text();
    pugi::xml_document doc;
    xml::Reader reader(source, buffer.data(), buffer.size(), school_namespace, result.errors, options.max_errors);
    xml::ParseLimits limits;
    if (options.limits.max_elements) limits.max_elements = options.limits.max_elements;
    pugi::xml_node root = xml::document_root(reader, doc, "school", limits);
    if (!root) return result;

    School school;
    xml::load_school_element(reader, root, school);
    result.element_limit = reader.element_limit_reached();
    if (result.errors.empty()) result.school = std::move(school);
    return result;
}

LoadResult load_school_file(const std::string& path, const LoadOptions& options) {
    ReadResult read = read_source(path, options.limits);
    if (read.error) {
        LoadResult r;
        r.errors.push_back(std::move(*read.error));
        return r;
    }
    return load_school(*read.source, options);
}

}  // namespace ahaki
