#include "import/names.hpp"

#include <array>
#include <map>

namespace ahaki::import {

Group group_of(Area a) {
    switch (a) {
        case Area::foundations: return Group::basic;
        case Area::body_structure_function:
        case Area::disease_prevention_recovery:
        case Area::health_welfare_ethics: return Group::specialised_basic;
        default: return Group::specialised;
    }
}
std::string_view group_ja(Group g) {
    return g == Group::basic ? "基礎分野" : g == Group::specialised_basic ? "専門基礎分野" : "専門分野";
}
std::string_view group_en(Group g) {
    return g == Group::basic ? "basic fields" : g == Group::specialised_basic ? "specialised basic fields" : "specialised fields";
}

namespace {

/// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes are returned as themselves.
char32_t next_cp(std::string_view s, std::size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}
void put_cp(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
}

struct Entry {
    std::string kind, code;
    unsigned types = 0;  ///< bit per FacilityType
    std::string name;    ///< as written in the table
};

struct Table {
    std::multimap<std::string, Entry> by_name;  ///< key: kind + '\t' + normalised name
    std::map<std::pair<std::string, int>, std::string> labels;  ///< (area code, type) -> label
    std::array<std::vector<std::string>, facility_type_count> type_names;
};

const Table& table() {
    static const Table t = [] {
        Table t;
        std::string_view all = embedded_sheet_names();
        while (!all.empty()) {
            auto nl = all.find('\n');
            std::string_view line = all.substr(0, nl);
            all = nl == std::string_view::npos ? std::string_view{} : all.substr(nl + 1);
            if (line.empty() || line.front() == '#') continue;
            std::array<std::string_view, 4> f{};
            for (std::size_t k = 0; k < 4; ++k) {
                auto tab = k < 3 ? line.find('\t') : std::string_view::npos;
                f[k] = line.substr(0, tab);
                line = tab == std::string_view::npos ? std::string_view{} : line.substr(tab + 1);
            }
            Entry e{std::string(f[0]), std::string(f[1]), 0, std::string(f[3])};
            if (f[2] == "*") e.types = (1u << facility_type_count) - 1;
            else {
                std::string_view list = f[2];
                while (!list.empty()) {
                    auto comma = list.find(',');
                    if (auto ty = parse_code(facility_types(), list.substr(0, comma))) e.types |= 1u << static_cast<unsigned>(*ty);
                    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
                }
            }
            if (e.kind == "label") {
                for (unsigned k = 0; k < facility_type_count; ++k)
                    if (e.types & (1u << k)) t.labels[{e.code, static_cast<int>(k)}] = e.name;
                continue;
            }
            if (e.kind == "type")
                if (auto ty = parse_code(facility_types(), e.code)) t.type_names[static_cast<std::size_t>(*ty)].push_back(e.name);
            std::string key = e.kind + '\t' + normalise_name(e.name);
            t.by_name.emplace(std::move(key), std::move(e));
        }
        return t;
    }();
    return t;
}

const Entry* find(std::string_view kind, std::string_view text, unsigned type_bit, bool& type_ok) {
    std::string key = std::string(kind) + '\t' + normalise_name(text);
    auto [a, b] = table().by_name.equal_range(key);
    const Entry* any = nullptr;
    for (auto it = a; it != b; ++it) {
        if (it->second.types & type_bit) {
            type_ok = true;
            return &it->second;
        }
        any = &it->second;
    }
    type_ok = false;
    return any;
}

}  // namespace

std::string normalise_name(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = next_cp(s, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
        if (cp == 0x3000 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') continue;
        if (cp == 0xFF65 || cp == 0x00B7 || cp == 0x2027 || cp == 0x2022) cp = 0x30FB;  // ･ · ‧ • -> ・
        if (cp == ',' || cp == 0xFF64) cp = 0x3001;                                     // , ､ -> 、
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        if (cp == 0x3085) cp = 0x3086;  // ゅ -> ゆ
        if (cp == 0x30E5) cp = 0x30E6;  // ュ -> ユ
        put_cp(out, cp);
    }
    replace_all(out, "鍼", "はり");
    replace_all(out, "灸", "きゆう");
    replace_all(out, "按摩", "あん摩");
    replace_all(out, "あんま", "あん摩");
    replace_all(out, "および", "及び");
    // A trailing note in brackets: 実習（臨床実習前施術実技試験を含む）
    for (std::string_view open : {"（", "("}) {
        auto p = out.find(open);
        if (p != std::string::npos && p > 0 && (out.ends_with("）") || out.ends_with(")"))) {
            out.erase(p);
            break;
        }
    }
    return out;
}

std::optional<AreaMatch> match_area(std::string_view text, FacilityType type) {
    bool ok = false;
    const Entry* e = find("area", text, 1u << static_cast<unsigned>(type), ok);
    if (!e) return std::nullopt;
    auto a = parse_code(areas(), e->code);
    if (!a) return std::nullopt;
    return AreaMatch{*a, ok};
}

std::optional<Group> match_group(std::string_view text) {
    bool ok = false;
    const Entry* e = find("group", text, ~0u, ok);
    if (!e) return std::nullopt;
    return e->code == "basic" ? Group::basic : e->code == "specialised-basic" ? Group::specialised_basic : Group::specialised;
}

std::optional<Method> match_method(std::string_view text) {
    bool ok = false;
    const Entry* e = find("method", text, ~0u, ok);
    return e ? parse_code(methods(), e->code) : std::nullopt;
}

std::optional<FacilityType> match_facility_type(std::string_view text) {
    bool ok = false;
    const Entry* e = find("type", text, ~0u, ok);
    return e ? parse_code(facility_types(), e->code) : std::nullopt;
}

std::optional<Summary> match_summary(std::string_view text) {
    bool ok = false;
    const Entry* e = find("summary", text, ~0u, ok);
    if (!e) return std::nullopt;
    return e->code == "subtotal" ? Summary::subtotal : e->code == "total" ? Summary::total : Summary::other;
}

std::optional<std::string> match_sheet(std::string_view name) {
    bool ok = false;
    const Entry* e = find("sheet", name, ~0u, ok);
    if (!e) return std::nullopt;
    return e->code;
}

std::string_view area_label(Area a, FacilityType type) {
    auto it = table().labels.find({std::string(info(areas(), a).code), static_cast<int>(type)});
    return it != table().labels.end() ? std::string_view(it->second) : info(areas(), a).ja;
}

std::vector<std::string> facility_type_names(FacilityType type) { return table().type_names[static_cast<std::size_t>(type)]; }

}  // namespace ahaki::import
