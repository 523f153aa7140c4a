#pragma once
// Invariants shared by the per-reader fuzz targets (fuzz_<reader>.cpp): a
// reader's answer is either a model or at least one located error, never both,
// never neither ("no silent pass"), and every error speaks both languages.
#include <vector>

#include "xml/diagnostic.hpp"

namespace ahaki::fuzz {

inline void check_errors(const std::vector<Diagnostic>& errors) {
    for (const auto& e : errors)
        if (e.message.ja.empty() || e.message.en.empty() || e.file.empty()) __builtin_trap();
}

/// `loaded`: the reader returned a model.
inline void check_outcome(bool loaded, const std::vector<Diagnostic>& errors) {
    if (loaded == !errors.empty()) __builtin_trap();
    check_errors(errors);
}

}  // namespace ahaki::fuzz
