#pragma once
// Bytes -> model. The only place (with standard_reader) that includes pugixml.
#include <optional>
#include <string>
#include <vector>

#include "model/school.hpp"
#include "xml/diagnostic.hpp"
#include "xml/source.hpp"

namespace ahaki {

inline constexpr const char* school_namespace = "urn:ahaki-check:school:1";

struct LoadResult {
    std::optional<School> school;      ///< set only when there are no errors
    std::vector<Diagnostic> errors;    ///< every problem found, in document order (capped)
    std::string encoding;              ///< the encoding the file was read in
    bool element_limit = false;        ///< stopped at ReadLimits::max_elements (the last error says so)
};

struct LoadOptions {
    ReadLimits limits;
    std::size_t max_errors = 50;
};

LoadResult load_school_file(const std::string& path, const LoadOptions& options = {});
LoadResult load_school(const SourceText& source, const LoadOptions& options = {});

}  // namespace ahaki
