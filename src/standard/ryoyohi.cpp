#include "standard/ryoyohi.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace ahaki {
namespace {
constexpr std::array<std::string_view, 5> mark_codes{"SEED", "NOTICE", "SECONDARY", "INFERRED", "UNKNOWN"};
constexpr std::array<std::string_view, fee_item_count> fee_codes{
    "first-exam-1", "first-exam-2", "treatment-1", "treatment-2", "electro", "travel-sudden", "report", "special-area"};
constexpr std::array<std::string_view, 12> param_names{
    "consent-months",            // months a consent covers
    "consent-split-day",         // a start on or before this day of the month: the period ends a month earlier
    "verbal-renewal-allowed",    // 1: a verbal re-consent is accepted
    "max-travel-km",             // beyond this one-way distance no 往療料 at all
    "one-travel-fee-per-building",
    "sudden-interval-days",      // no further 往療料 within this many days after a sudden visit
    "report-interval-months",    // no 施術報告書交付料 if one was paid in this many months before
    "statement-min-visits",      // visits in a month that need the statement of reasons…
    "statement-after-years",     // …this many years after 初療
    "record-retention-years",    // 施術録 kept this many years from the end of treatment
    "regular-travel-paid",       // 1: 往療料 for regular (planned) home visits
    "sudden-liaison-required",   // 1: a sudden visit's claim names the doctor, institution and date of liaison
};
}  // namespace

std::string_view mark_code(Mark m) { return mark_codes[static_cast<std::size_t>(m)]; }
std::optional<Mark> parse_mark(std::string_view s) {
    for (std::size_t i = 0; i < mark_codes.size(); ++i)
        if (mark_codes[i] == s) return static_cast<Mark>(i);
    return std::nullopt;
}

Text mark_note(Mark m, std::string_view source) {
    std::string src(source);
    switch (m) {
        case Mark::seed: return {};
        case Mark::notice:
            return {"出典区分 NOTICE（" + src + "、転載で確認。通知原文で確かめてください）",
                    "provenance NOTICE (" + src + ", read through a reprint: verify against the notice)"};
        case Mark::secondary:
            return {"出典区分 SECONDARY（転載資料のみ。通知番号は未確認）" + (src.empty() ? "" : "：" + src),
                    "provenance SECONDARY (reprints only, no notice number seen)" + (src.empty() ? "" : ": " + src)};
        case Mark::inferred:
            return {"出典区分 INFERRED（前後の改定から推定した値または日付）" + (src.empty() ? "" : "：" + src),
                    "provenance INFERRED (deduced from neighbouring editions)" + (src.empty() ? "" : ": " + src)};
        case Mark::unknown: return {"出典区分 UNKNOWN（値が不明）", "provenance UNKNOWN (value not known)"};
    }
    return {};
}

std::string_view fee_item_code(FeeItem f) { return fee_codes[static_cast<std::size_t>(f)]; }
std::optional<FeeItem> parse_fee_item(std::string_view s) {
    for (std::size_t i = 0; i < fee_codes.size(); ++i)
        if (fee_codes[i] == s) return static_cast<FeeItem>(i);
    return std::nullopt;
}

Text fee_item_text(FeeItem f) {
    switch (f) {
        case FeeItem::first_exam_1: return {"初検料（1術）", "initial examination fee (1 technique)"};
        case FeeItem::first_exam_2: return {"初検料（2術）", "initial examination fee (2 techniques)"};
        case FeeItem::treatment_1: return {"施術料（1術）", "treatment fee (1 technique)"};
        case FeeItem::treatment_2: return {"施術料（2術）", "treatment fee (2 techniques)"};
        case FeeItem::electro: return {"電療料", "electrotherapy fee"};
        case FeeItem::travel_sudden: return {"往療料", "home-visit fee"};
        case FeeItem::report: return {"施術報告書交付料", "treatment report fee"};
        case FeeItem::special_area: return {"特別地域加算", "special area addition"};
    }
    return {};
}

std::span<const std::string_view> ryoyohi_param_names() { return param_names; }

const FeeEdition* Ryoyohi::edition(const Date& d) const {
    const FeeEdition* found = nullptr;
    for (const auto& e : editions)
        if (e.from <= d) found = &e;
    return found;
}

const RuleParam* Ryoyohi::param(std::string_view name, const Date& d) const {
    const RuleParam* found = nullptr;
    for (const auto& p : params)
        if (p.name == name && p.from <= d) found = &p;
    return found;
}

}  // namespace ahaki
