// libFuzzer target: the clinic reader alone (decode_source -> load_clinic), far
// cheaper per input than fuzz_clinic.cpp's whole clinic pipeline.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "xml/clinic/load_clinic.hpp"
#include "xml/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ahaki::ReadResult read = ahaki::decode_source("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
    if (read.error) {
        ahaki::fuzz::check_errors({*read.error});
        if (read.source) __builtin_trap();
        return 0;
    }
    ahaki::ClinicLoad loaded = ahaki::load_clinic(*read.source);
    ahaki::fuzz::check_outcome(loaded.clinic.has_value(), loaded.errors);
    return 0;
}
