#include "standard/standard.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace ahaki {
namespace {

constexpr ParamSpec specs[] = {
    // Curriculum (別表第一, 指導要領 §8, §9, 認定規則 第2条).
    {"area-min-units", Dim::type | Dim::area, ParamKind::decimal, "単位", "units"},
    {"total-min-units", Dim::type, ParamKind::decimal, "単位", "units"},
    {"total-min-hours", Dim::type, ParamKind::decimal, "時間", "hours"},
    {"hours-per-unit-min", Dim::method, ParamKind::decimal, "時間/単位", "hours/unit"},
    {"hours-per-unit-max", Dim::method, ParamKind::decimal, "時間/単位", "hours/unit"},
    {"min-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"min-years-visually-impaired", Dim::type, ParamKind::decimal, "年", "years"},
    {"night-starts-at", Dim::none, ParamKind::time, "", ""},
    {"night-max-hours-per-day", Dim::none, ParamKind::decimal, "時間", "hours"},
    {"credit-transfer-max-units", Dim::none, ParamKind::decimal, "単位", "units"},
    {"placement-medical-max-units", Dim::none, ParamKind::decimal, "単位", "units"},
    {"placement-affiliated-or-clinic-min-units", Dim::none, ParamKind::decimal, "単位", "units"},

    // Clinical sites (指導要領 9(4)).
    {"clinic-min-years-open", Dim::none, ParamKind::decimal, "年", "years"},
    {"supervisor-min-practice-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"clinic-min-patients-per-day", Dim::none, ParamKind::decimal, "名", "patients"},
    {"clinic-patient-period-years", Dim::none, ParamKind::decimal, "年", "years"},
    // Premises (指導要領 10).
    {"practice-rooms-min", Dim::type, ParamKind::decimal, "室", "rooms"},
    {"lease-min-years", Dim::none, ParamKind::decimal, "年", "years"},
    // Records (指導要領 12; 療養費 rules 第7章 for the 施術録).
    {"record-retention-years", Dim::item, ParamKind::decimal, "年", "years",
     "school-rules daily-schedule school-diary staff-list staff-resumes staff-attendance student-register "
     "student-attendance health-checks admission-selection grades asset-ledger cash-book budget-accounts "
     "equipment-catalogue correspondence-log treatment-records"},
    // Procedure deadlines (指導要領 2, 3, 11(4)).
    {"plan-lead-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"capacity-plan-lead-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"application-lead-months", Dim::none, ParamKind::decimal, "か月", "months"},
    {"fee-plan-lead-months", Dim::none, ParamKind::decimal, "か月", "months"},
    // Teachers (指導要領 §6, 認定規則 別表第二, 第2条), issue 3 part A. Items of the
    // qualification lists are the rows of 別表第二: 基礎分野 / 専門基礎分野 / 専門分野.
    {"teacher-equivalent-qualifications", Dim::item, ParamKind::text, "", "", "foundations basic-medical specialised"},
    {"teacher-primary-qualifications", Dim::item, ParamKind::text, "", "", "foundations basic-medical specialised"},
    {"university-assistant-min-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"experienced-teachers-min-count", Dim::none, ParamKind::decimal, "人", "teachers"},
    {"experienced-teacher-min-years", Dim::none, ParamKind::decimal, "年", "years"},
    {"teacher-weekly-class-hours-standard", Dim::none, ParamKind::decimal, "時間", "hours"},
    {"placement-coordinators-min-count", Dim::none, ParamKind::decimal, "人", "teachers"},
    {"full-time-teachers-min", Dim::type, ParamKind::decimal, "人", "teachers"},

    // Issue 10, items 4 and 7–8: what was hard-coded, as data with its provenance.
    // 9(4)エ: how old the "past year" of patients may end before the application.
    {"clinic-patient-period-max-lag-months", Dim::none, ParamKind::decimal, "か月", "months"},
    // How "N年前までに" / "Nか月前までに" is counted (指導要領 2, 3, 11(4)).
    {"deadline-reading", Dim::none, ParamKind::text, "", "", {}, "civil-code everyday"},
    // §1: who accredits each type.
    {"accrediting-authority", Dim::type, ParamKind::text, "", "", {}, "mhlw governor"},
    // §2(1), §2(2), §3, §11(4), 記2: the types each procedure clause is addressed to.
    {"procedure-applies-to", Dim::item, ParamKind::text, "", "",
     "establishment-plan capacity-plan application fee-plan opinion-letters",
     "anma hari kyu anma-hari anma-kyu hari-kyu anma-hari-kyu"},
    // 記2: the bodies whose opinion letters go with an establishment plan.
    {"opinion-bodies", Dim::none, ParamKind::text, "", "", {}, "zenshinkyo nichima blind-union school-for-blind"},
    // §5: the items the school rules must state.
    {"school-rules-items", Dim::none, ParamKind::text, "", "", {},
     "name location curriculum type-capacity-years-classes holidays-teaching-days staff admission "
     "progression-graduation fees"},
};

constexpr std::string_view list_key_table[] = {
    "equipment",  // 指導要領 10(7) 別表
};

using EntryKey = std::tuple<std::string_view, int, int, int, std::string_view>;
EntryKey entry_key(const Standard::Entry& e) {
    return {e.key, e.type, e.area, e.method, e.item};
}

}  // namespace

std::span<const ParamSpec> param_specs() { return specs; }
std::span<const std::string_view> list_keys() { return list_key_table; }

const StandardList& Standard::list(std::string_view key) const {
    for (const auto& l : lists)
        if (l.key == key) return l;
    throw std::logic_error("standard list missing: " + std::string(key));
}

const ParamSpec* find_param_spec(std::string_view key) {
    for (const auto& s : specs)
        if (s.key == key) return &s;
    return nullptr;
}

std::string_view provenance_code(Provenance p) {
    switch (p) {
        case Provenance::seed: return "SEED";
        case Provenance::ord: return "ORD";
        case Provenance::gl_hk: return "GL-HK";
        case Provenance::derived: return "DERIVED";
        case Provenance::unknown: return "UNKNOWN";
        case Provenance::interpreted: return "INTERPRETED";
        case Provenance::assumed: return "ASSUMED";
        case Provenance::advisory: return "ADVISORY";
    }
    return "UNKNOWN";
}

Text provenance_text(Provenance p) {
    switch (p) {
        case Provenance::seed: return {"指導要領の本文", "the guideline text"};
        case Provenance::ord: return {"認定規則", "the ordinance (認定規則)"};
        case Provenance::gl_hk: return {"はり師及びきゅう師養成施設指導ガイドライン", "the はり師及びきゅう師 guideline"};
        case Provenance::derived: return {"出典のある数値からの計算", "arithmetic on sourced numbers"};
        case Provenance::unknown: return {"不明（値なし: 要確認として報告）", "not available (no value: reported for review)"};
        case Provenance::interpreted: return {"条文に表のない事項についての本プロジェクトの解釈（例: 担当科目を含む専攻分野）", "the project's reading of a clause that gives no table (e.g. which fields include a subject)"};
        case Provenance::assumed: return {"出典の解釈による仮定", "an assumption: a reading of an incomplete or silent source"};
        case Provenance::advisory: return {"団体等の指導として示されたもの（参考）", "given only as what others instruct (for reference)"};
    }
    return {"", ""};
}

std::optional<Provenance> parse_provenance(std::string_view code) {
    for (auto p : {Provenance::seed, Provenance::ord, Provenance::gl_hk, Provenance::derived, Provenance::unknown,
                   Provenance::interpreted, Provenance::assumed, Provenance::advisory})
        if (provenance_code(p) == code) return p;
    return std::nullopt;
}

void Standard::finalize() {
    // Sorts positions, then moves each entry once: an Entry holds five strings, and the
    // swaps of sorting the entries themselves cost more than the comparisons (this runs
    // at every start, for the embedded standard).
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [this](std::size_t a, std::size_t b) { return entry_key(entries[a]) < entry_key(entries[b]); });
    std::vector<Entry> sorted;
    sorted.reserve(entries.size());
    for (std::size_t i : order) sorted.push_back(std::move(entries[i]));
    entries = std::move(sorted);
    key_ranges_.clear();
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i;
        while (j < entries.size() && entries[j].key == entries[i].key) ++j;
        key_ranges_.push_back(KeyRange{entries[i].key, i, j});
        i = j;
    }
    indexed_size_ = entries.size();
}

const Threshold* Standard::find(const ParamKey& k) const {
    const EntryKey probe{k.key, k.type ? static_cast<int>(*k.type) : -1, k.area ? static_cast<int>(*k.area) : -1,
                         k.method ? static_cast<int>(*k.method) : -1, k.item};
    auto first = entries.begin(), last = entries.end();
    if (indexed_size_ == entries.size()) {  // finalize() ran and nothing was added since
        const KeyRange* range = nullptr;
        for (const auto& r : key_ranges_)
            if (r.key == k.key) { range = &r; break; }
        if (!range) return nullptr;
        first = entries.begin() + static_cast<std::ptrdiff_t>(range->begin);
        last = entries.begin() + static_cast<std::ptrdiff_t>(range->end);
        using Rest = std::tuple<int, int, int, std::string_view>;
        const Rest want{std::get<1>(probe), std::get<2>(probe), std::get<3>(probe), k.item};
        auto rest = [](const Entry& e) { return Rest{e.type, e.area, e.method, e.item}; };
        auto it = std::lower_bound(first, last, want, [&](const Entry& a, const Rest& b) { return rest(a) < b; });
        if (it == last || rest(*it) != want) return nullptr;
        return &it->t;
    }
    auto it = std::lower_bound(first, last, probe, [](const Entry& a, const EntryKey& b) { return entry_key(a) < b; });
    if (it == last || entry_key(*it) != probe) return nullptr;
    return &it->t;
}

const Threshold& Standard::get(const ParamKey& k) const {
    if (const Threshold* t = find(k)) return *t;
    // The loader checks completeness against param_specs(); reaching this is a
    // programming error (a rule asking for a key that is not in the catalogue).
    throw std::logic_error("standard parameter missing: " + std::string(k.key));
}

const Standard* StandardSet::select(const std::optional<Date>& intake) const {
    if (editions.empty()) return nullptr;
    if (!intake) return &editions.back();
    const Standard* best = nullptr;
    for (const auto& e : editions)
        if (e.applies_from <= *intake) best = &e;
    return best;
}

}  // namespace ahaki
