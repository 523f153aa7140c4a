// CUR-021: a 小計/合計 row printed on the sheet a course was imported from must
// equal the sum of the subject rows it stands for (the units and hours per area
// the school rules state, 指導要領 5(3)). The rows come from sheet:summary
// (schemas/school.xsd), written by `import` and by the direct check of a sheet.
#include <algorithm>
#include <map>
#include <string>

#include "rules/curriculum/curriculum.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

/// The row of a subject on its sheet: "…!C5" -> 5, "file.csv:5:3" -> 5; else its line.
std::uint32_t sheet_row(const Loc& l) {
    const std::string& c = l.cell;
    if (c.empty()) return l.line;
    if (auto bang = c.rfind('!'); bang != std::string::npos) {
        std::uint32_t row = 0;
        bool digits = false;
        for (std::size_t i = bang + 1; i < c.size(); ++i)
            if (c[i] >= '0' && c[i] <= '9') row = row * 10 + static_cast<std::uint32_t>(c[i] - '0'), digits = true;
        return digits && row < 10000000 ? row : l.line;
    }
    // file:line:column (the file name may itself contain ':')
    auto last = c.rfind(':');
    if (last == std::string::npos || last == 0) return l.line;
    auto prev = c.rfind(':', last - 1);
    if (prev == std::string::npos) return l.line;
    std::uint32_t row = 0;
    for (std::size_t i = prev + 1; i < last; ++i) {
        if (c[i] < '0' || c[i] > '9' || row > 10000000) return l.line;
        row = row * 10 + static_cast<std::uint32_t>(c[i] - '0');
    }
    return row;
}

/// "5〜7、9" / "5–7, 9".
Text row_ranges(std::vector<std::uint32_t> rows) {
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::string ja, en;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
        std::string a = std::to_string(rows[i]), b = std::to_string(rows[j]);
        ja += (ja.empty() ? "" : "、") + (i == j ? a : a + "〜" + b);
        en += (en.empty() ? "" : ", ") + (i == j ? a : a + "–" + b);
        i = j + 1;
    }
    return {ja, en};
}

}  // namespace

void check_sheet_summaries(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        if (c.sheet_summaries.empty()) continue;  // a hand-written file prints no subtotals
        std::map<std::string_view, const Subject*> by_id;
        for (const auto& s : c.subjects) by_id.emplace(s.id, &s);
        for (std::size_t k = 0; k < c.sheet_summaries.size(); ++k) {
            const SheetSummary& sm = c.sheet_summaries[k];
            const std::string what_ja = sm.total ? "合計" : "小計", what_en = sm.total ? "total" : "subtotal";
            const std::string scope_ja = sm.scope.empty() ? "" : "（" + sm.scope + "）", scope_en = sm.scope.empty() ? "" : " (" + sm.scope + ")";
            const std::string where = sm.loc.cell.empty() ? std::to_string(sm.loc.line) + "行" : sm.loc.cell;
            Decimal units, hours;
            std::vector<std::uint32_t> rows;
            for (const auto& id : sm.subjects)
                if (auto it = by_id.find(id); it != by_id.end()) {
                    units += it->second->units;
                    hours += it->second->hours;
                    rows.push_back(sheet_row(it->second->loc));
                }
            const std::size_t n = rows.size();
            const Text ranges = row_ranges(rows);
            Outcome& o = em.requirement(course_scope(c) + " summary=" + std::to_string(k + 1),
                                        Text{course_label(c).ja + " " + what_ja + scope_ja + "の行（" + where + "）",
                                             course_label(c).en + ": the " + what_en + " row" + scope_en + " (" + where + ")"},
                                        sm.loc);
            auto compare = [&](const std::optional<Decimal>& printed, const Decimal& sum, const Loc& at, std::string_view col_ja,
                               std::string_view col_en, std::string_view unit_ja, std::string_view unit_en, Value (*value)(Decimal)) {
                if (!printed || *printed == sum) return;
                const std::string rows_ja = n == 0 ? "" : "（" + ranges.ja + "行目）", rows_en = n == 0 ? "" : (n == 1 ? " (row " : " (rows ") + ranges.en + ")";
                em.finding(o, at,
                           Text{what_ja + scope_ja + "の" + std::string(col_ja) + " " + fmt::num(*printed) + std::string(unit_ja) + " が、その科目 " +
                                    std::to_string(n) + " 行" + rows_ja + "の合計 " + fmt::num(sum) + std::string(unit_ja) + " と合いません",
                                "the printed " + what_en + scope_en + " of " + std::string(col_en) + ", " + fmt::num(*printed) +
                                    ", does not match the sum of its " + std::to_string(n) + " subject " + (n == 1 ? "row" : "rows") + rows_en + ", " +
                                    fmt::num(sum) + std::string(unit_en)},
                           value(*printed), value(sum), {},
                           {Text{"科目の行か" + what_ja + "の行を直してください（sheet:summary " + where + "）",
                                 "correct a subject row or the " + what_en + " (sheet:summary " + where + ")"}});
            };
            compare(sm.units, units, sm.units_loc, "単位数", "units", "単位", " units", fmt::units);
            compare(sm.hours, hours, sm.hours_loc, "時間数", "hours", "時間", " hours", fmt::hours);
        }
    }
}

}  // namespace ahaki::rules
