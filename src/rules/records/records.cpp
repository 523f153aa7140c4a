// Records and their retention (指導要領 12(1)–(7)) and the 施術録 of a clinic that
// claims 療養費 (療養費 rules 第7章, seed 002).
#include <string>

#include "rules/facility_common.hpp"
#include "rules/facility_rules.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

/// One outcome per 表簿 of §12(clause): kept, and kept at least as long as the standard says.
void check_clause(const RuleContext& ctx, Emitter& em, int clause) {
    const auto& rec = ctx.school.records;
    for (const auto& k : record_kinds()) {
        if (record_clause(k.value) != clause) continue;
        std::string scope = "record=" + std::string(k.code);
        Text label{std::string(k.ja) + "の保存", "retention of the " + std::string(k.en)};
        if (!rec) {
            em.not_checked(scope, label, ctx.school.loc, {"表簿（records）", "records (records)"});
            continue;
        }
        const Threshold& t = ctx.standard->get({"record-retention-years", std::nullopt, std::nullopt, std::nullopt, k.code});
        Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"年", "years"})) : Value{};
        const RecordBook* book = nullptr;
        for (const auto& b : rec->books)
            if (b.kind == k.value) book = &b;
        if (!book) {
            em.fail(scope, label, rec->loc,
                    Text{"表簿がありません: " + std::string(k.ja) + "（必要: " + (t.value ? fmt::num(*t.value) : std::string("?")) + "年以上保存、" +
                             fmt::cite(t) + "）",
                         "record not kept: " + std::string(k.en) + " (required: kept for at least " +
                             fmt::years(t.value ? fmt::num(*t.value) : std::string("?")) + ", " + fmt::cite(t) + ")"},
                    fmt::text({"なし", "none"}), required, fmt::cite(t));
            continue;
        }
        Decimal years = Decimal::from_int(book->retention_years);
        Value measured = fmt::count(years, {"年", "years"});
        Outcome& o = em.requirement(scope, label, book->loc, measured, required);
        if (!t.value || years >= *t.value) continue;
        em.finding(o, book->loc,
                   Text{std::string(k.ja) + "の保存期間 " + fmt::num(years) + "年（必要: " + fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）",
                        std::string(k.en) + " kept for " + fmt::years(fmt::num(years)) + " (required: at least " + fmt::num(*t.value) + ", " +
                            fmt::cite(t) + ")"},
                   measured, required, fmt::cite(t));
    }
}

}  // namespace

void check_records_1(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 1); }
void check_records_2(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 2); }
void check_records_3(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 3); }
void check_records_4(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 4); }
void check_records_5(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 5); }
void check_records_6(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 6); }
void check_records_7(const RuleContext& ctx, Emitter& em) { check_clause(ctx, em, 7); }

void check_treatment_records(const RuleContext& ctx, Emitter& em) {
    const Text what{"施術録の保存", "retention of treatment records (施術録)"};
    if (!ctx.school.sites) {
        em.not_checked("school", what, ctx.school.loc, {"臨床実習施設（clinical-sites）", "clinical sites (clinical-sites)"});
        return;
    }
    const Threshold& t = ctx.standard->get({"record-retention-years", std::nullopt, std::nullopt, std::nullopt, "treatment-records"});
    Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"年", "years"})) : Value{};
    if (t.value) required.text = Text{"施術完結の日から以上", "at least, from the day treatment ended"};
    for (const auto& s : *ctx.school.sites) {
        if (s.kind == SiteKind::medical) continue;  // 医療機関等 keep medical records under other laws
        const auto& d = s.details;
        if (!d.claims_insurance) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc,
                           {"療養費の請求の有無（site/@claims-insurance）", "whether it claims 療養費 (site/@claims-insurance)"});
            continue;
        }
        if (!*d.claims_insurance) {
            em.pass(site_scope(s), site_label(s, what), s.loc, fmt::text({"療養費を請求しない", "does not claim 療養費"}), {});
            continue;
        }
        if (!d.treatment_records) {
            em.not_checked(site_scope(s), site_label(s, what), s.loc,
                           {"施術録の保存期間（site/treatment-records）", "retention of treatment records (site/treatment-records)"});
            continue;
        }
        const TreatmentRecords& tr = *d.treatment_records;
        Decimal years = Decimal::from_int(tr.retention_years);
        const auto& from = info(tr.counted_from);
        Value measured = fmt::count(years, {"年", "years"});
        measured.text = Text{std::string(from.ja) + "から", "from " + std::string(from.en)};
        Outcome& o = em.requirement(site_scope(s), site_label(s, what), tr.loc, measured, required);
        if (!t.value) continue;
        // Seed 002 第7章 gives the 5 years as what the associations instruct their members
        // (「参考にされたい」): an ADVISORY value is never more than a warning, and says so.
        const bool advisory = t.provenance == Provenance::advisory;
        Severity sev = advisory ? Severity::warning : em.rule().severity;
        Text basis = advisory ? Text{"。この期間は療養費の支給の要件ではなく、施術者団体が会員に指導している保管期間として示されたものです（参考）",
                                     "; this period is not a condition of 療養費 but what the practitioners' associations instruct "
                                     "their members, given for reference"}
                              : Text{};
        if (years < *t.value || tr.counted_from != RetentionStart::treatment_end)
            em.finding(o, sev, tr.loc,
                       Text{s.name + ": 施術録の保存期間 " + std::string(from.ja) + "から" + fmt::num(years) + "年（必要: 施術完結の日から" +
                                fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）" + basis.ja,
                            s.name + ": treatment records kept " + fmt::years(fmt::num(years)) + " from " + std::string(from.en) +
                                " (required: at least " + fmt::years(fmt::num(*t.value)) + " from the day treatment ended, " + fmt::cite(t) + ")" +
                                basis.en},
                       measured, required, fmt::cite(t), fmt::provenance_notes(t));
    }
}

}  // namespace ahaki::rules
