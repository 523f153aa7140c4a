#pragma once
// Reads a waiver file (schemas/waivers.xsd) strictly: every problem located,
// unknown rule ids refused with the nearest one.
#include <optional>
#include <string>
#include <vector>

#include "engine/waivers.hpp"
#include "xml/diagnostic.hpp"
#include "xml/source.hpp"

namespace ahaki {

struct WaiverLoad {
    std::optional<WaiverSet> set;   ///< set only when there are no errors
    std::vector<Diagnostic> errors;
};

WaiverLoad read_waivers(const SourceText& source);
WaiverLoad read_waivers(const std::string& path, std::string bytes);
WaiverLoad read_waivers_file(const std::string& path);

}  // namespace ahaki
