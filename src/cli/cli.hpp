#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "model/text.hpp"

namespace ahaki::cli {

/// Exit codes (ESLint's convention).
enum Exit { ok = 0, findings = 1, trouble = 2 };

int run(int argc, char** argv);
/// The message language asked for on the command line (--lang ja|en), read
/// before the options are parsed so that even option errors are in it.
Lang lang_from(const std::vector<std::string>& args);
/// For tests: runs with the given arguments, writing to the given streams.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool stdout_is_tty = false);

}  // namespace ahaki::cli
