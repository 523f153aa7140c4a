#pragma once
// The output formats `--format NAME[=PATH]` accepts.
#include <span>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace ahaki {

struct WriteContext {
    Lang lang = Lang::ja;
    bool color = false;  ///< only for a terminal
};

struct Format {
    std::string_view name;
    Text description;
    std::string (*write)(const RunReport&, const WriteContext&);
};

std::span<const Format> formats();
const Format* find_format(std::string_view name);

}  // namespace ahaki
