#pragma once
// Bytes -> clinic model (schemas/clinic.xsd), with the same strictness as the
// school reader: located errors, unknown names refused, foreign namespaces skipped.
#include <optional>
#include <vector>

#include "model/clinic/clinic.hpp"
#include "xml/diagnostic.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"

namespace ahaki {

inline constexpr const char* clinic_namespace = "urn:ahaki-check:clinic:1";

struct ClinicLoad {
    std::optional<clinic::Clinic> clinic;  ///< set only when there are no errors
    std::vector<Diagnostic> errors;
    bool element_limit = false;  ///< stopped at the element limit (the last error says so)
};

ClinicLoad load_clinic(const SourceText& source, const LoadOptions& options = {});

}  // namespace ahaki
