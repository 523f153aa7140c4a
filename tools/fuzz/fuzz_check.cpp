// libFuzzer target: bytes -> decode_source -> load_school -> check_school ->
// every output format in formats(); plus the standard reader on the same bytes.
// Built only with -DAHAKI_FUZZ=ON and clang (see tools/fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/engine.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"
#include "xml/standard_reader.hpp"

namespace {

const ahaki::StandardSet& standards() {
    static const ahaki::StandardSet set = [] {
        auto l = ahaki::load_standards({});
        if (!l.errors.empty()) __builtin_trap();  // the embedded standard must load
        return l.set;
    }();
    return set;
}

void write_all(const ahaki::RunReport& run, ahaki::Lang lang) {
    for (const auto& f : ahaki::formats()) {
        std::string out = f.write(run, ahaki::WriteContext{lang, false});
        // Every writer says something, even for an invalid file; GitHub annotations
        // alone are empty when there is nothing to annotate.
        if (out.empty() && f.name != "github") __builtin_trap();
    }
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
        ahaki::LoadResult loaded = ahaki::load_school(*read.source);
        // Never a silent pass: either a model, or at least one located error.
        if (loaded.school.has_value() == !loaded.errors.empty()) __builtin_trap();
        if (loaded.school) {
            // Half the inputs (by their size) run with --complete, which takes other paths through the rules.
            ahaki::CheckOptions options;
            options.complete = size % 2 == 1;
            report = ahaki::check_school("fuzz.xml", *loaded.school, set, options);
        } else {
            report.path = "fuzz.xml";
            report.errors = std::move(loaded.errors);
        }
        report.encoding = read.source->encoding();
        for (const auto& e : report.errors)
            if (e.message.ja.empty() || e.message.en.empty()) __builtin_trap();
    }
    run.files.push_back(std::move(report));
    // Messages in one language per input (alternating by size) keeps executions cheap; both are covered.
    write_all(run, size % 4 < 2 ? ahaki::Lang::ja : ahaki::Lang::en);

    // The same bytes as a standard data file.
    ahaki::StandardLoad st = ahaki::read_standard("fuzz-standard.xml", bytes);
    if (st.standard.has_value() == !st.errors.empty()) __builtin_trap();
    return 0;
}
