#include "xml/loader.hpp"

#include <pugixml.hpp>

#include "xml/reader.hpp"
#include "xml/school_sections.hpp"

namespace ahaki {

LoadResult load_school(const SourceText& source, const LoadOptions& options) {
    LoadResult result;
    result.encoding = source.encoding();
    // pugixml parses in place; keep the original text for locating offsets.
    std::string buffer = source.text();
    pugi::xml_document doc;
    // parse_fragment: keeps text outside the root element as nodes, so it is
    // reported below instead of silently dropped (a missing root is checked below too).
    const unsigned flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment;
    xml::Reader reader(source, buffer.data(), buffer.size(), school_namespace, result.errors, options.max_errors);
    xml::ParseLimits limits;
    limits.max_elements = options.limits.max_elements;
    if (!reader.parse(doc, flags, limits)) return result;
    auto error = [&](Loc loc, Text message, Text expected = {}) {
        result.errors.push_back(Diagnostic{source.path(), std::move(loc), std::move(message), std::move(expected)});
    };

    pugi::xml_node root;
    for (pugi::xml_node n : doc.children()) {
        if (n.type() == pugi::node_doctype) {
            reader.error(reader.at(n),
                         Text{"DOCTYPE宣言は使えません（外部実体や実体展開を防ぐため）",
                              "a DOCTYPE declaration is not allowed (it could define or load entities)"},
                         Text{"DOCTYPEのない文書", "a document without DOCTYPE"});
            return result;
        }
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            reader.error(reader.at(n), Text{"ルート要素の外に文字列があります", "text outside the root element"});
            return result;
        }
        if (n.type() != pugi::node_element) continue;
        if (root) {
            reader.error(reader.at(n), Text{"ルート要素が2つ以上あります", "more than one root element"},
                         Text{"<school> 要素ひとつ", "a single <school> element"});
            return result;
        }
        root = n;
    }
    if (!root) {
        error(Loc{1, 1, {}}, Text{"要素がありません", "no element found"},
              Text{"<school> 要素を持つXML文書", "an XML document with a <school> element"});
        return result;
    }
    const Text root_expected{std::string("名前空間 ") + school_namespace + " の <school> 要素",
                             std::string("a <school> element in the namespace ") + school_namespace};
    if (xml::Reader::local_name(root) != "school") {
        reader.error(reader.at(root),
                     Text{"ルート要素が <" + std::string(root.name()) + "> です", "the root element is <" + std::string(root.name()) + ">"},
                     root_expected);
        return result;
    }
    if (reader.ns_of(root) != school_namespace) {
        std::string ns(reader.ns_of(root));
        reader.error(reader.at(root),
                     Text{ns.empty() ? "<school> に名前空間がありません（xmlns=\"" + std::string(school_namespace) + "\" を付けてください）"
                                     : "<school> の名前空間 " + ns + " が違います",
                          ns.empty() ? "<school> has no namespace (add xmlns=\"" + std::string(school_namespace) + "\")"
                                     : "<school> is in the wrong namespace " + ns},
                     root_expected);
        return result;
    }

    School school;
    xml::load_school_element(reader, root, school);
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
