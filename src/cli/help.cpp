// The sub-commands' help, wrapped by display width (see options.hpp).
#include <algorithm>
#include <sstream>

#include "cli/options.hpp"
#include "model/fold_width.hpp"

namespace ahaki::cli {

std::string wrap_help(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        // The description column: after the option and at least two spaces; for prose, its indentation.
        std::size_t col = line.find_first_not_of(' ');
        if (col == std::string::npos) col = 0;
        if (line.rfind("  -", 0) == 0) {
            std::size_t gap = line.find("  ", 2);
            while (gap != std::string::npos && gap + 2 < line.size() && line[gap + 2] == ' ') ++gap;
            col = gap == std::string::npos ? 0 : gap + 2;
        }
        while (display_width(line) > width && col < line.size()) {
            // The last break that fits: a space or after 、。）， first; else between two characters one of
            // which is Japanese (never before closing punctuation, never inside a word); else anywhere.
            std::size_t fit = 0, best = 0, between = 0, w = 0;
            for (std::size_t i = 0; i < line.size();) {
                const std::size_t n = utf8_sequence_length(static_cast<unsigned char>(line[i]));
                w += n >= 3 ? 2 : 1;
                if (w > width) break;
                i += n;
                fit = i;
                if (i > col && i < line.size()) {
                    std::string_view prev(line.data() + i - n, n);
                    const std::size_t next_n = utf8_sequence_length(static_cast<unsigned char>(line[i]));
                    std::string_view next(line.data() + i, std::min(next_n, line.size() - i));
                    if (line[i] == ' ' || prev == "、" || prev == "。" || prev == "）" || prev == "，") best = i;
                    const bool closing = next == "、" || next == "。" || next == "）" || next == "，" || next == "」";
                    if ((n >= 3 || next_n >= 3) && !closing && prev != "（" && prev != "「") between = i;
                }
            }
            // A space or punctuation far back (more than 8 wide characters) loses to a break between characters.
            if (between > best + 24) best = 0;
            std::size_t cut = best > col ? best : between > col ? between : fit;
            if (cut <= col) break;
            out += line.substr(0, cut) + "\n";
            std::size_t rest = cut;
            while (rest < line.size() && line[rest] == ' ') ++rest;
            line = std::string(col, ' ') + line.substr(rest);
        }
        out += line + (end < text.size() ? "\n" : "");
    }
    return out;
}

std::string help_page(const std::string& before, const boost::program_options::options_description& d,
                      const std::string& after, std::size_t width) {
    std::ostringstream s;
    s << before << d << "\n" << after;
    return wrap_help(s.str(), width);
}

}  // namespace ahaki::cli
