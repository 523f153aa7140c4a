#include "engine/kinds.hpp"

#include <array>

#include "xml/clinic/load_clinic.hpp"
#include "xml/loader.hpp"

namespace ahaki {
namespace {

bool school_rule(const Rule& r) { return r.section != Section::claims; }
bool clinic_rule(const Rule& r) { return r.section == Section::claims; }

const std::array<DocumentKind, 2> kinds{{
    {"school", "school", school_namespace, {"学校（養成施設）の記述", "school description"}, check_school_source, school_rule},
    {"clinic", "clinic", clinic_namespace, {"施術所（療養費の申請）の記述", "clinic description (療養費 claims)"}, check_clinic_source,
     clinic_rule},
}};

bool name_char(char c) {
    return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '/' && c != '>' && c != '\0';
}

}  // namespace

std::span<const DocumentKind> document_kinds() { return kinds; }

std::string_view root_element_name(std::string_view t) {
    std::size_t i = 0;
    if (t.starts_with("\xEF\xBB\xBF")) i = 3;
    while (i < t.size()) {
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
        if (c != '<') return {};
        std::string_view rest = t.substr(i);
        std::size_t end, close;
        if (rest.starts_with("<?")) end = rest.find("?>"), close = 2;
        else if (rest.starts_with("<!--")) end = rest.find("-->"), close = 3;
        else if (rest.starts_with("<!")) end = rest.find('>'), close = 1;  // DOCTYPE (the reader refuses it)
        else {
            std::size_t j = 1;
            while (j < rest.size() && name_char(rest[j])) ++j;
            std::string_view qname = rest.substr(1, j - 1);
            std::size_t colon = qname.find(':');
            return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
        }
        if (end == std::string_view::npos) return {};
        i += end + close;
    }
    return {};
}

const DocumentKind& kind_of(const SourceText& source) {
    std::string_view root = root_element_name(source.text());
    for (const auto& k : kinds)
        if (k.root == root) return k;
    return kinds.front();
}

}  // namespace ahaki
