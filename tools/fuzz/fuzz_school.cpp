// libFuzzer target: the school reader alone (decode_source -> load_school), far
// cheaper per input than fuzz_check.cpp's whole pipeline.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ahaki::ReadResult read = ahaki::decode_source("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
    if (read.error) {
        ahaki::fuzz::check_errors({*read.error});
        if (read.source) __builtin_trap();
        return 0;
    }
    ahaki::LoadResult loaded = ahaki::load_school(*read.source);
    ahaki::fuzz::check_outcome(loaded.school.has_value(), loaded.errors);
    return 0;
}
