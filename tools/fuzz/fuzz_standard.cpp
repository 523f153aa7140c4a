// libFuzzer target: the standard-data reader (--standard files) alone.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "xml/standard_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ahaki::StandardLoad st = ahaki::read_standard("fuzz-standard.xml", std::string(reinterpret_cast<const char*>(data), size));
    ahaki::fuzz::check_outcome(st.standard.has_value(), st.errors);
    return 0;
}
