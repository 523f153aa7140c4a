#pragma once
// A system error (errno) in both languages: a file that cannot be read or an output that cannot be
// written says why in the user's language, not in the C library's English alone.
#include "model/text.hpp"

namespace ahaki {

/// The common errors translated (ENOENT, EACCES, ENOSPC, EISDIR, …); any other as the C library
/// says it, with its number, in both languages.
Text system_error_text(int error_number);

}  // namespace ahaki
