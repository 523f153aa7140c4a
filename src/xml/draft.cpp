#include "xml/draft.hpp"

#include <pugixml.hpp>
#include <sstream>

#include "xml/reader.hpp"

namespace ahaki {
namespace {

pugi::xml_node child_with_id(pugi::xml_node parent, std::string_view local, const std::string& id) {
    for (auto n : parent.children())
        if (n.type() == pugi::node_element && xml::Reader::local_name(n) == local && id == n.attribute("id").value()) return n;
    return {};
}

void set(pugi::xml_node n, const char* name, const std::string& value) {
    auto a = n.attribute(name);
    if (!a) a = n.append_attribute(name);
    a.set_value(value.c_str());
}

/// A comment must not hold "--".
std::string comment_safe(std::string s) {
    for (std::size_t i; (i = s.find("--")) != std::string::npos;) s.replace(i, 2, "- -");
    if (!s.empty() && s.back() == '-') s += ' ';
    return s;
}

}  // namespace

DraftResult apply_plan(const SourceText& source, const std::vector<PlanStep>& plan) {
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(source.text().data(), source.text().size(), pugi::parse_full | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed) return {std::nullopt, Text{"元のファイルを読み直せません", "the original file could not be read again"}};
    pugi::xml_node root = doc.document_element();
    for (const auto& p : plan) {
        if (p.kind == PlanStep::Kind::by_hand) continue;
        pugi::xml_node course = child_with_id(root, "course", p.course_id);
        if (!course) return {std::nullopt, Text{"課程 " + p.course_id + " が見つかりません", "course " + p.course_id + " not found"}};
        const std::string prefix = [&] {
            std::string_view q = course.name();
            auto colon = q.find(':');
            return colon == std::string_view::npos ? std::string() : std::string(q.substr(0, colon + 1));
        }();
        switch (p.kind) {
            case PlanStep::Kind::change_subject:
            case PlanStep::Kind::set_subject_year: {
                pugi::xml_node s = child_with_id(course, "subject", p.subject_id);
                if (!s) return {std::nullopt, Text{"科目 " + p.subject_id + " が見つかりません", "subject " + p.subject_id + " not found"}};
                if (p.kind == PlanStep::Kind::set_subject_year) {
                    set(s, "year", p.units_to.str());
                    break;
                }
                set(s, "units", p.units_to.str());
                set(s, "hours", p.hours_to.str());
                if (p.method_from != p.method_to) set(s, "method", std::string(info(p.method_to).code));
                break;
            }
            case PlanStep::Kind::add_subject: {
                // After the course's last subject of the same area (else its last subject), indented like it.
                pugi::xml_node after, last;
                for (auto n : course.children())
                    if (n.type() == pugi::node_element && xml::Reader::local_name(n) == "subject") {
                        last = n;
                        if (std::string_view(n.attribute("area").value()) == info(p.area).code) after = n;
                    }
                if (!after) after = last;
                std::string indent = "\n    ";
                if (after && after.previous_sibling().type() == pugi::node_pcdata) indent = after.previous_sibling().value();
                pugi::xml_node s = after ? course.insert_child_after((prefix + "subject").c_str(), after)
                                         : course.prepend_child((prefix + "subject").c_str());
                course.insert_child_before(pugi::node_pcdata, s).set_value(indent.c_str());
                set(s, "id", p.subject_id);
                set(s, "name", p.subject_name);
                set(s, "area", std::string(info(p.area).code));
                set(s, "method", std::string(info(p.method_to).code));
                set(s, "units", p.units_to.str());
                set(s, "hours", p.hours_to.str());
                break;
            }
            case PlanStep::Kind::set_years: set(course, "years", p.units_to.str()); break;
            case PlanStep::Kind::set_credit_transfer: set(course, "credit-transfer-units", p.units_to.str()); break;
            case PlanStep::Kind::by_hand: break;
        }
    }
    // The draft is UTF-8 and says what it is.
    for (auto n : doc.children())
        if (n.type() == pugi::node_declaration && n.attribute("encoding")) n.attribute("encoding").set_value("UTF-8");
    std::string note = " ahaki-check plan の修正案を反映した下書きです（元: " + comment_safe(source.path()) +
                       "）。「（追加案）」の科目は新設の案です。提出前に内容を確認してください。 / A draft with the fix plan "
                       "applied; subjects marked （追加案） are proposed new subjects. ";
    pugi::xml_node decl;
    for (auto n : doc.children())
        if (n.type() == pugi::node_declaration) decl = n;
    pugi::xml_node c = decl ? doc.insert_child_after(pugi::node_comment, decl) : doc.prepend_child(pugi::node_comment);
    c.set_value(note.c_str());
    // Whitespace between the document's top-level nodes is not kept by the parser: one node a line.
    std::ostringstream out;
    for (auto n : doc.children()) {
        n.print(out, "", pugi::format_raw, pugi::encoding_utf8);
        out << "\n";
    }
    std::string s = out.str();
    return {s, {}};
}

}  // namespace ahaki
