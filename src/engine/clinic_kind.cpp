// The clinic kind: load a <clinic>, compute its consent periods and fees from the
// 療養費 data, run the CLM-* rules, and hand the report its summary (the ledger).
#include "engine/kinds.hpp"
#include "report/clinic/ledger.hpp"
#include "rules/claims/claims.hpp"
#include "rules/claims/compute.hpp"
#include "xml/clinic/load_clinic.hpp"
#include "xml/clinic/ryoyohi_reader.hpp"

namespace ahaki {

FileReport check_clinic_source(const SourceText& source, const StandardSet&, const RunOptions& options) {
    FileReport report;
    report.path = source.path();
    report.encoding = source.encoding();
    ClinicLoad loaded = load_clinic(source, options.load);
    if (!loaded.clinic) {
        report.errors = std::move(loaded.errors);
        return report;
    }
    const clinic::Clinic& c = *loaded.clinic;
    const Ryoyohi& data = options.ryoyohi ? *options.ryoyohi : embedded_ryoyohi();
    report.school_name = c.name;  // the document's name (FileReport predates clinics)
    report.standard_id = data.id;
    const claims::Calc calc = claims::compute(c, data);
    const claims::ClinicContext ctx{c, data, calc, options.check};
    for (const auto& rule : all_rules()) {
        if (rule.section != Section::claims) continue;
        if (auto fn = claims::clinic_check(rule.id)) {
            Emitter em(rule, options.check, report.outcomes);
            fn(ctx, em);
        }
    }
    report.summary = clinic_summary(c, data, calc, report.outcomes, options.summary);
    return report;
}

}  // namespace ahaki
