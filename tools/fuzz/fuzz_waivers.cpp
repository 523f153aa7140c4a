// libFuzzer target: the waiver reader (--waivers files) alone, then each waiver's
// file pattern matched against a few paths (the glob must stay linear).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/waivers.hpp"
#include "fuzz_common.hpp"
#include "xml/waiver_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ahaki::WaiverLoad wl = ahaki::read_waivers("fuzz-waivers.xml", std::string(reinterpret_cast<const char*>(data), size));
    ahaki::fuzz::check_outcome(wl.set.has_value(), wl.errors);
    if (wl.set)
        for (const auto& w : wl.set->waivers)
            for (const char* path : {"hari-kyu.xml", "curricula/compliant/hari-kyu.xml", "/srv/ci/a/b/c/d/school.xml"})
                (void)ahaki::glob_match(w.file, path);
    return 0;
}
