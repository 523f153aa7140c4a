#include "engine/scan.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

namespace ahaki {
namespace {

const DocumentRoot roots[] = {
    {"school", "urn:ahaki-check:school:1", "urn:ahaki-check:school", {"養成施設の記述", "school description"}},
    // The second document kind (issue 13): a clinic's 療養費 claims.
    {"clinic", "urn:ahaki-check:clinic:1", "urn:ahaki-check:clinic", {"施術所の療養費の記述", "clinic claims"}},
};

constexpr std::size_t peek_bytes = 64 * 1024;

bool iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool starts_with_i(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequal(s.substr(0, prefix.size()), prefix);
}

/// The markup as single bytes: UTF-16 (with BOM) keeps the low byte of each ASCII unit.
std::string as_bytes(const std::string& raw) {
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(raw[i]); };
    if (raw.size() >= 2 && ((u(0) == 0xFF && u(1) == 0xFE) || (u(0) == 0xFE && u(1) == 0xFF))) {
        bool le = u(0) == 0xFF;
        std::string out;
        for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
            unsigned char lo = le ? u(i) : u(i + 1), hi = le ? u(i + 1) : u(i);
            out += hi == 0 && lo < 0x80 ? static_cast<char>(lo) : '\x80';
        }
        return out;
    }
    if (raw.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) return raw.substr(3);
    return raw;
}

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

std::span<const DocumentRoot> document_roots() { return roots; }

RootPeek::Kind classify_root(std::string_view qname, std::string_view ns) {
    std::string_view local = qname.substr(qname.find(':') == std::string_view::npos ? 0 : qname.find(':') + 1);
    for (const auto& r : roots)
        if (local == r.name && ns == r.ns) return RootPeek::Kind::ours;
    // Near misses are for the loader to explain: our element name in any case, or our namespace family.
    for (const auto& r : roots)
        if (iequal(local, r.name) || starts_with_i(ns, r.ns_family)) return RootPeek::Kind::unknown;
    return RootPeek::Kind::foreign;
}

RootPeek peek_root(const std::string& path) {
    RootPeek out;
    std::ifstream in(path, std::ios::binary);
    if (!in) return out;
    std::string raw(peek_bytes, '\0');
    in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(in.gcount()));
    const std::string s = as_bytes(raw);
    std::size_t i = 0;
    auto skip_to = [&](std::string_view end) {
        std::size_t e = s.find(end, i);
        if (e == std::string::npos) return false;
        i = e + end.size();
        return true;
    };
    auto space = [&](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    for (;;) {
        while (i < s.size() && space(s[i])) ++i;
        if (i >= s.size() || s[i] != '<') return out;  // text before the root: malformed, the loader says so
        if (s.compare(i, 2, "<?") == 0) {
            if (!skip_to("?>")) return out;
        } else if (s.compare(i, 4, "<!--") == 0) {
            if (!skip_to("-->")) return out;
        } else if (s.compare(i, 9, "<!DOCTYPE") == 0) {
            int depth = 0;  // the internal subset [ … ] may hold '>'
            for (++i; i < s.size(); ++i) {
                if (s[i] == '[') ++depth;
                else if (s[i] == ']') --depth;
                else if (s[i] == '>' && depth <= 0) break;
            }
            if (i >= s.size()) return out;
            ++i;
        } else {
            break;
        }
    }
    ++i;  // '<'
    std::size_t start = i;
    while (i < s.size() && name_char(s[i])) ++i;
    if (i == start || i >= s.size()) return out;
    std::string qname = s.substr(start, i - start);
    std::string prefix = qname.find(':') == std::string::npos ? std::string() : qname.substr(0, qname.find(':'));
    std::string wanted = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    std::string ns;
    // Attributes up to the end of the start tag.
    for (;;) {
        while (i < s.size() && space(s[i])) ++i;
        if (i >= s.size()) return out;
        if (s[i] == '>' || s[i] == '/') break;
        std::size_t a = i;
        while (i < s.size() && name_char(s[i])) ++i;
        if (i == a) return out;
        std::string attr = s.substr(a, i - a);
        while (i < s.size() && space(s[i])) ++i;
        if (i >= s.size() || s[i] != '=') return out;
        ++i;
        while (i < s.size() && space(s[i])) ++i;
        if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return out;
        char quote = s[i++];
        std::size_t e = s.find(quote, i);
        if (e == std::string::npos) return out;
        if (attr == wanted) ns = s.substr(i, e - i);
        i = e + 1;
    }
    out.name = qname;
    out.ns = ns;
    out.kind = classify_root(qname, ns);
    return out;
}

}  // namespace ahaki
