// libFuzzer target: the CSV importer alone. Besides the usual invariants, what
// `import` writes must be a school description `check` reads without an error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "import/csv.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ahaki::import::CsvOptions options;
    options.name = "ファズ学校";
    // The first byte picks the encoding handling (auto, UTF-8, CP932): all three paths.
    if (size > 0) options.encoding = static_cast<ahaki::import::CsvEncoding>(data[0] % 3);
    ahaki::import::ImportResult r =
        ahaki::import::import_csv("fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size), options);
    ahaki::fuzz::check_outcome(!r.xml.empty(), r.errors);
    if (!r.xml.empty()) {
        ahaki::ReadResult read = ahaki::decode_source("imported.xml", r.xml);
        if (read.error) __builtin_trap();
        ahaki::LoadResult loaded = ahaki::load_school(*read.source);
        if (!loaded.errors.empty()) __builtin_trap();
    }
    return 0;
}
