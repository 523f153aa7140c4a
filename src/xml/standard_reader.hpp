#pragma once
#include <optional>
#include <string>
#include <vector>

#include "standard/standard.hpp"
#include "xml/diagnostic.hpp"
#include "xml/source.hpp"

namespace ahaki {

inline constexpr const char* standard_namespace = "urn:ahaki-check:standard:1";

struct StandardLoad {
    std::optional<Standard> standard;
    std::vector<Diagnostic> errors;
};

/// Reads a standard data file (schemas/standard.xsd); refuses one that lacks
/// any parameter of param_specs(), so rules never meet a missing threshold.
StandardLoad read_standard(const std::string& path, std::string bytes);
StandardLoad read_standard(const SourceText& source);
StandardLoad read_standard_file(const std::string& path);

}  // namespace ahaki
