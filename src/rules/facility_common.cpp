#include "rules/facility_common.hpp"

#include "rules/format.hpp"

namespace ahaki::rules {

const Text start_date_missing{"授業開始予定日（procedure/@planned-start）又は入学日（course/@intake）",
                              "the planned start of classes (procedure/@planned-start) or a course intake (course/@intake)"};

std::optional<StartDate> start_date(const School& school) {
    if (school.procedure && school.procedure->planned_start) {
        Loc loc = school.procedure->loc;
        loc.path += "/@planned-start";
        return StartDate{*school.procedure->planned_start, Text{"授業開始予定日", "the planned start of classes"}, loc};
    }
    std::optional<StartDate> best;
    for (const auto& c : school.courses)
        if (c.intake && (!best || *c.intake < best->date)) {
            Loc loc = c.loc;
            loc.path += "/@intake";
            best = StartDate{*c.intake, Text{"入学日", "the intake"}, loc};
        }
    return best;
}

int whole_months(const Threshold& t, bool years) {
    if (!t.value) return 0;
    return static_cast<int>(t.value->milli() * (years ? 12 : 1) / Decimal::scale);
}

Text site_label(const Site& s, const Text& what) { return Text{s.name + " " + what.ja, s.name + ": " + what.en}; }

Text join_texts(const std::vector<Text>& parts) {
    Text out;
    for (const auto& p : parts) {
        if (!out.ja.empty()) {
            out.ja += "、";
            out.en += ", ";
        }
        out.ja += p.ja;
        out.en += p.en;
    }
    return out;
}

Text cited(const Text& message, std::string_view citation) {
    return Text{message.ja + "（" + std::string(citation) + "）", message.en + " (" + std::string(citation) + ")"};
}

std::vector<Text> external_placements(const School& school) {
    std::vector<Text> out;
    if (!school.sites) return out;
    for (const auto& c : school.courses)
        for (const auto& s : c.subjects)
            for (const auto& p : s.placements) {
                const Site& site = school.site_of(p);
                if ((site.kind != SiteKind::clinic && site.kind != SiteKind::medical) || !(p.units > Decimal{})) continue;
                out.push_back({s.name + " → " + site.name + "（" + fmt::num(p.units) + "単位）",
                               s.name + " at " + site.name + " (" + fmt::num(p.units) + " units)"});
            }
    return out;
}

std::optional<PlacementTime> first_placement(const School& school, const Site& site, const std::optional<StartDate>& start) {
    std::optional<PlacementTime> best;
    for (const auto& c : school.courses) {
        std::optional<Date> from = c.intake ? c.intake : start ? std::optional<Date>(start->date) : std::nullopt;
        if (!from) continue;
        for (const auto& s : c.subjects)
            for (const auto& p : s.placements) {
                if (&school.site_of(p) != &site) continue;
                int year = s.year.value_or(1);
                Date d = from->add_years(year - 1);
                if (best && !(d < best->date)) continue;
                std::string y = std::to_string(year);
                best = PlacementTime{d, s.year ? Text{s.name + "（" + y + "年次）の開始", "the start of " + s.name + " (year " + y + ")"}
                                               : Text{s.name + "（配当年次の記載なし: 1年次とみなす）の開始",
                                                      "the start of " + s.name + " (no year stated: taken as year 1)"}};
            }
    }
    return best;
}

/// Whether the word list of a text parameter holds `word`.
bool has_word(const std::string& list, std::string_view word) {
    std::size_t i = 0;
    while (i <= list.size()) {
        std::size_t j = list.find(' ', i);
        if (j == std::string::npos) j = list.size();
        if (std::string_view(list).substr(i, j - i) == word) return true;
        i = j + 1;
    }
    return false;
}

/// Who accredits the school's type (指導要領 1, standard data accrediting-authority).
Authority authority_of(const RuleContext& ctx) {
    const Threshold& t = ctx.standard->get({"accrediting-authority", ctx.school.type});
    return parse_code(authorities(), t.text).value_or(Authority::mhlw);
}

/// Whether a procedure clause concerns the school's type (standard data procedure-applies-to);
/// when it does not, records the requirement as not applicable, with the reading of the clause.
bool procedure_applies(const RuleContext& ctx, Emitter& em, std::string_view item, const std::string& scope, const Text& label) {
    const Threshold& t = ctx.standard->get({"procedure-applies-to", std::nullopt, std::nullopt, std::nullopt, item});
    if (has_word(t.text, info(ctx.school.type).code)) return true;
    const auto& a = info(authority_of(ctx));
    Outcome& o = em.pass(scope, label, ctx.school.loc,
                         fmt::text({"対象外（" + std::string(info(ctx.school.type).ja) + "は" + std::string(a.ja) + "の認定。" +
                                        fmt::cite(t) + " は厚生労働大臣が認定する種類についての定め）",
                                    "not applicable (a " + std::string(info(ctx.school.type).en) + " is accredited by " +
                                        std::string(a.en) + "; " + fmt::cite(t) + " concerns the types the Minister accredits)"}),
                         {});
    em.computed(o);
    return false;
}

}  // namespace ahaki::rules
