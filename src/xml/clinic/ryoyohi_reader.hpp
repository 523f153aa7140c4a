#pragma once
#include <optional>
#include <string>
#include <vector>

#include "standard/ryoyohi.hpp"
#include "xml/diagnostic.hpp"
#include "xml/source.hpp"

namespace ahaki {

inline constexpr const char* ryoyohi_namespace = "urn:ahaki-check:ryoyohi:1";

struct RyoyohiLoad {
    std::optional<Ryoyohi> data;
    std::vector<Diagnostic> errors;
};

/// Reads a 療養費 data file (schemas/ryoyohi/ryoyohi.xsd). Refuses one that lacks a
/// parameter of ryoyohi_param_names() or an edition without every fee item
/// (write an item the edition does not have as applies="false", one not
/// known as mark="UNKNOWN"), so rules never meet a silent gap.
RyoyohiLoad read_ryoyohi(const SourceText& source);
RyoyohiLoad read_ryoyohi_file(const std::string& path);

}  // namespace ahaki
