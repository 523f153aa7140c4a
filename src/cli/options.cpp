// The sub-commands' shared option handling (options.hpp): help wrapped by display width, whole-number values, option errors.
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

WholeOption whole_option(std::string_view name, const std::string& text, std::size_t min, std::size_t max) {
    WholeOption out;
    const bool digits = !text.empty() && text.size() <= 20 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
        std::size_t v = 0;
        bool overflow = false;
        for (char c : text) {
            const std::size_t d = static_cast<std::size_t>(c - '0');
            if (d > max || v > (max - d) / 10) overflow = true;
            else v = v * 10 + d;
        }
        if (!overflow && v >= min && v <= max) {
            out.value = v;
            return out;
        }
    }
    const std::string n(name), lo = std::to_string(min), hi = std::to_string(max);
    out.problem = Text{n + " に '" + text + "' は使えません（" + lo + "〜" + hi + " の整数）",
                       n + ": '" + text + "' is not a whole number from " + lo + " to " + hi};
    return out;
}

Text option_error_text(const boost::program_options::error& e) {
    namespace po = boost::program_options;
    const std::string what = e.what();
    if (const auto* u = dynamic_cast<const po::unknown_option*>(&e))
        return {"未知のオプション " + u->get_option_name() + "（--help で一覧を表示します）", what};
    if (const auto* m = dynamic_cast<const po::multiple_occurrences*>(&e))
        return {"オプション " + m->get_option_name() + " は1回だけ指定できます", what};
    if (const auto* a = dynamic_cast<const po::ambiguous_option*>(&e))
        return {"オプション " + a->get_option_name() + " はどのオプションか決まりません（名前を全部書いてください）", what};
    if (const auto* s = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
        if (s->kind() == po::invalid_command_line_syntax::missing_parameter)
            return {"オプション " + s->get_option_name() + " には値が必要です", what};
        return {"オプションの書き方が正しくありません（" + s->get_option_name() + "）", what};
    }
    if (const auto* v = dynamic_cast<const po::validation_error*>(&e))
        return {"オプション " + v->get_option_name() + " の値が正しくありません", what};
    return {"オプションが正しくありません: " + what, what};
}

}  // namespace ahaki::cli
