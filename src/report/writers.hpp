#pragma once
// The writers of the CI formats (registered in formats.cpp).
#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "report/formats.hpp"

namespace ahaki {

std::string sarif_format(const RunReport& run, const WriteContext& c);
/// SARIF written while the run goes (report/stream.hpp): the same bytes, bounded memory.
class StreamWriter;
std::unique_ptr<StreamWriter> make_sarif_stream(const WriteContext& c, std::function<bool(std::string_view)> sink);
/// The same for the HTML report (report/html.cpp).
std::string junit_format(const RunReport& run, const WriteContext& c);

/// The JUnit report in pieces, for streaming (report/stream.cpp): head(totals),
/// file_suite() per file, run_suites() (run errors, waiver notices), tail.
/// `n` accumulates tests, failures, errors, skipped.
namespace junit_parts {
std::string file_suite(const FileReport& f, const WriteContext& c, std::array<std::size_t, 4>& n);
std::string run_suites(const RunReport& run, const WriteContext& c, std::array<std::size_t, 4>& n);
std::string head(const std::array<std::size_t, 4>& n);
extern const char* const tail;
}  // namespace junit_parts

}  // namespace ahaki
