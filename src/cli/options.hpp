#pragma once
// Shared parsing of a sub-command's options: the visible options plus one
// positional list (PATH..., FILE.csv). Only cli/ includes Boost.Program_options.
#include <boost/program_options.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"

namespace ahaki::cli {

/// Boost.Program_options wraps descriptions by bytes, which splits Japanese characters. Every sub-command
/// builds its options with these widths (so Boost never wraps) and prints `help_page(…, desc)`.
inline constexpr unsigned help_line_length = 1000, help_description_length = 500;

/// A whole-number option given as text: digits only (Boost would read "-1" into an unsigned as
/// 18446744073709551615), from `min` to `max`. Without a value, `problem` names the option and the range.
struct WholeOption {
    std::optional<std::size_t> value;
    Text problem;
};
WholeOption whole_option(std::string_view name, const std::string& text, std::size_t min, std::size_t max);

/// The limits' options of check and import, as text (read by whole_option).
inline constexpr const char* default_max_file_size = "67108864";  // 64 MiB
inline constexpr std::size_t max_max_file_size = std::size_t{1} << 40;  // 1 TiB: any larger is a typing slip
inline constexpr std::size_t max_max_elements = 100000000;

/// A Boost.Program_options error (an unknown option, a missing or bad value) in the user's language.
Text option_error_text(const boost::program_options::error& e);

/// Wraps help text at `width` display columns: at spaces in English, after 、。）， or between characters
/// in Japanese, never inside a character or before closing punctuation. An option's continuation lines
/// are indented under its description, a paragraph's under its own indentation.
std::string wrap_help(const std::string& text, std::size_t width = 100);

/// A whole help page, wrapped by wrap_help: `before` (usage and paragraphs, one line each), the options,
/// a blank line, `after`.
std::string help_page(const std::string& before, const boost::program_options::options_description& desc,
                      const std::string& after = "", std::size_t width = 100);

/// Parses `args` against `visible`, collecting the positional arguments under `positional`.
inline boost::program_options::variables_map parse_command(const std::vector<std::string>& args,
                                                           const boost::program_options::options_description& visible,
                                                           const char* positional) {
    namespace po = boost::program_options;
    po::options_description hidden;
    hidden.add_options()(positional, po::value<std::vector<std::string>>()->composing());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description pos;
    pos.add(positional, -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
    return vm;
}

}  // namespace ahaki::cli
