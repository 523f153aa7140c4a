#include "model/fold_width.hpp"

namespace ahaki {

std::string_view trim_space(std::string_view s) {
    auto ascii = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    for (;;) {
        if (!s.empty() && ascii(s.front())) s.remove_prefix(1);
        else if (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
        else break;
    }
    for (;;) {
        if (!s.empty() && ascii(s.back())) s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
        else break;
    }
    return s;
}

std::string narrow_ascii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xEF && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
            unsigned cp = 0;  // U+FF01..U+FF5E -> U+0021..U+007E
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) cp = 0xFF00u + (b2 - 0x80u);
            else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) cp = 0xFF40u + (b2 - 0x80u);
            if (cp != 0) {
                out += static_cast<char>(cp - 0xFF00u + 0x20u);
                i += 3;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}


std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(static_cast<unsigned char>(s[i]));
        w += n >= 3 ? 2 : 1;
        i += n;
    }
    return w;
}

std::string pad_right(std::string_view s, std::size_t width) {
    const std::size_t w = display_width(s);
    return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view s, std::size_t width) {
    const std::size_t w = display_width(s);
    return std::string(w < width ? width - w : 0, ' ') + std::string(s);
}

}  // namespace ahaki
