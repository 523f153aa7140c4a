#pragma once
// The writers of the CI formats (registered in formats.cpp).
#include <string>

#include "report/formats.hpp"

namespace ahaki {

std::string sarif_format(const RunReport& run, const WriteContext& c);
std::string junit_format(const RunReport& run, const WriteContext& c);

}  // namespace ahaki
