#pragma once
#include <string>
#include <vector>

#include "model/location.hpp"
#include "model/text.hpp"

namespace ahaki {

/// A located problem with the input that stops it from being checked (exit 2).
struct Diagnostic {
    std::string file;
    Loc loc;
    Text message;   ///< what is wrong
    Text expected;  ///< what was expected (may be empty)
    bool operator==(const Diagnostic&) const = default;
};

}  // namespace ahaki
