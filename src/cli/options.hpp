#pragma once
// Shared parsing of a sub-command's options: the visible options plus one
// positional list (PATH..., FILE.csv). Only cli/ includes Boost.Program_options.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace ahaki::cli {

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
