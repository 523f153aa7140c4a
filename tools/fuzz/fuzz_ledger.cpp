// libFuzzer target: bytes -> import_ledger_csv (import --kind clinic): the CSV decoder, the CSV
// parser, the 和暦 date reader and the ledger converter. Invariants: XML or located errors, never
// both, never neither; every message in ja and en; the XML written is well-formed and keeps the
// promise of the command (it is re-read there; here pugixml checks it parses).
// Built only with -DAHAKI_FUZZ=ON and clang (see tools/fuzz/README.md).
#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "import/clinic_ledger.hpp"
#include "model/wareki.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    ahaki::import::LedgerOptions options;
    options.name = "fuzz";
    options.encoding = size % 3 == 0 ? ahaki::import::CsvEncoding::cp932 : ahaki::import::CsvEncoding::automatic;
    const auto r = ahaki::import::import_ledger_csv("fuzz.csv", bytes, options);
    if (r.xml.empty() == r.errors.empty()) __builtin_trap();
    for (const auto& e : r.errors)
        if (e.message.ja.empty() || e.message.en.empty()) __builtin_trap();
    for (const auto& w : r.warnings)
        if (w.message.ja.empty() || w.message.en.empty() || !w.loc.known()) __builtin_trap();
    if (!r.xml.empty()) {
        pugi::xml_document doc;
        if (!doc.load_buffer(r.xml.data(), r.xml.size())) __builtin_trap();
        if (r.visits == 0) __builtin_trap();
    }
    // The same bytes as one date cell: a date, or a reason, never both.
    const auto p = ahaki::wareki::parse(bytes.substr(0, 64));
    if (p.date.has_value() == !p.error.ja.empty() || (!p.date && p.error.en.empty())) __builtin_trap();
    if (p.date && ahaki::wareki::parse(ahaki::wareki::format(*p.date)).date != p.date && p.date->year >= 1873) __builtin_trap();
    return 0;
}
