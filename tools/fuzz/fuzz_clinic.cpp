// libFuzzer target for the clinic kind: bytes -> decode_source -> load_clinic (the clinic reader)
// -> the CLM-* rules on the embedded 療養費 data -> every output format in formats().
// Invariants as for fuzz_check.cpp: a file is loaded or has at least one located error (never
// both, never neither), every error has a Japanese and an English message, every writer
// produces output. Seeded from curricula/clinics/ (tools/fuzz/run-clinic.sh).
// Built only with -DAHAKI_FUZZ=ON and clang (see tools/fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/engine.hpp"
#include "engine/kinds.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "xml/clinic/load_clinic.hpp"
#include "xml/source.hpp"

namespace {

const ahaki::StandardSet& standards() {
    static const ahaki::StandardSet set = [] {
        auto l = ahaki::load_standards({});
        if (!l.errors.empty()) __builtin_trap();
        return l.set;
    }();
    return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto& set = standards();
    ahaki::RunReport run;
    run.standards = &set;
    ahaki::ReadResult read = ahaki::decode_source("fuzz.xml", bytes);
    ahaki::FileReport report;
    if (read.error) {
        report.path = "fuzz.xml";
        report.errors.push_back(*read.error);
    } else {
        ahaki::ClinicLoad loaded = ahaki::load_clinic(*read.source);
        if (loaded.clinic.has_value() == !loaded.errors.empty()) __builtin_trap();
        for (const auto& e : loaded.errors)
            if (e.message.ja.empty() || e.message.en.empty()) __builtin_trap();
        // The whole clinic path (reader again, computation, rules, summary), half with --complete.
        ahaki::RunOptions options;
        options.check.complete = size % 2 == 1;
        report = ahaki::check_clinic_source(*read.source, set, options);
        if (loaded.clinic.has_value() != report.errors.empty()) __builtin_trap();
    }
    run.files.push_back(std::move(report));
    const ahaki::Lang lang = size % 4 < 2 ? ahaki::Lang::ja : ahaki::Lang::en;
    for (const auto& f : ahaki::formats()) {
        std::string out = f.write(run, ahaki::WriteContext{lang, false});
        if (out.empty() && f.name != "github") __builtin_trap();
    }
    return 0;
}
