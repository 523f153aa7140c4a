// Buildings and equipment (指導要領 10(1)–(7)).
#include <string>

#include "rules/facility_common.hpp"
#include "rules/facility_rules.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

const Text premises_missing{"校舎（premises）", "premises (premises)"};
const Text rooms_missing{"実習室（premises/practice-room）", "practice rooms (premises/practice-room)"};

std::string cite_rule(const Emitter& em) { return std::string(em.rule().citation); }

Text room_label(const PracticeRoom& r, const Text& what) {
    return Text{"実習室「" + r.name + "」 " + what.ja, "practice room \"" + r.name + "\": " + what.en};
}

/// Runs `fn` for each practice room; not checked when the premises or their rooms are not described.
template <class Fn>
void for_each_room(const RuleContext& ctx, Emitter& em, const Text& what, Fn fn) {
    const auto& p = ctx.school.premises;
    if (!p) return void(em.not_checked("premises", Text{"実習室 " + what.ja, "practice rooms: " + what.en}, ctx.school.loc, premises_missing));
    if (p->practice_rooms.empty())
        return void(em.not_checked("premises", Text{"実習室 " + what.ja, "practice rooms: " + what.en}, p->loc, rooms_missing));
    for (const auto& r : p->practice_rooms) fn(r);
}

}  // namespace

void check_library(const RuleContext& ctx, Emitter& em) {
    Text label{"図書室", "library"};
    const auto& p = ctx.school.premises;
    if (!p) return void(em.not_checked("premises", label, ctx.school.loc, premises_missing));
    Value required = fmt::text({"あり", "yes"});
    if (p->library) {
        em.pass("premises", label, p->library_loc, fmt::text({p->library_name.empty() ? "あり" : p->library_name,
                                                              p->library_name.empty() ? "yes" : p->library_name}),
                required);
        return;
    }
    em.fail("premises", label, p->loc, cited({"図書室がありません", "no library"}, cite_rule(em)), fmt::text({"なし", "none"}),
            required, {});
}

void check_room_water(const RuleContext& ctx, Emitter& em) {
    const Text what{"水道設備・給湯施設", "running water and hot water"};
    for_each_room(ctx, em, what, [&](const PracticeRoom& r) {
        std::string scope = "practice-room=" + r.id;
        if (!r.water || !r.hot_water)
            return void(em.not_checked(scope, room_label(r, what), r.loc,
                                       {"水道設備・給湯施設の有無（practice-room/@water, @hot-water）",
                                        "running water and hot water (practice-room/@water, @hot-water)"}));
        std::vector<Text> missing;
        if (!*r.water) missing.push_back({"水道設備", "running water"});
        if (!*r.hot_water) missing.push_back({"給湯施設", "hot water"});
        Value required = fmt::text({"水道設備と給湯施設", "running water and hot water"});
        if (missing.empty()) return void(em.pass(scope, room_label(r, what), r.loc, required, required));
        Text m = join_texts(missing);
        em.fail(scope, room_label(r, what), r.loc,
                Text{"実習室「" + r.name + "」: " + m.ja + "がありません（必要: 水道設備と給湯施設、" + cite_rule(em) + "）",
                     "practice room \"" + r.name + "\": no " + m.en + " (required: running water and hot water, " + cite_rule(em) + ")"},
                fmt::text(Text{"なし: " + m.ja, "missing: " + m.en}), required, {});
    });
}

void check_room_layout(const RuleContext& ctx, Emitter& em) {
    const Text what{"グループ実習用の机と椅子", "desks and chairs for group practice"};
    for_each_room(ctx, em, what, [&](const PracticeRoom& r) {
        std::string scope = "practice-room=" + r.id;
        if (!r.group_layout)
            return void(em.not_checked(scope, room_label(r, what), r.loc,
                                       {"机と椅子の配置（practice-room/@group-layout）", "desk layout (practice-room/@group-layout)"}));
        Value required = fmt::text({"生徒数人を一組とする配置", "laid out for groups of a few students"});
        if (*r.group_layout) return void(em.pass(scope, room_label(r, what), r.loc, required, required));
        em.fail(scope, room_label(r, what), r.loc,
                Text{"実習室「" + r.name + "」: 生徒数人を一組として実習を行える机と椅子の配置になっていません（" + cite_rule(em) + "）",
                     "practice room \"" + r.name + "\": desks and chairs are not laid out for practice in groups of a few students (" +
                         cite_rule(em) + ")"},
                fmt::text({"なし", "no"}), required, {});
    });
}

void check_room_count(const RuleContext& ctx, Emitter& em) {
    Text label{"実習室の数", "number of practice rooms"};
    const auto& p = ctx.school.premises;
    if (!p) return void(em.not_checked("premises", label, ctx.school.loc, premises_missing));
    const Threshold& t = ctx.standard->get({"practice-rooms-min", ctx.school.type});
    Decimal have = Decimal::from_int(static_cast<std::int64_t>(p->practice_rooms.size()));
    Value measured = fmt::count(have, {"室", "rooms"});
    Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"室", "rooms"})) : Value{};
    Outcome& o = em.requirement("premises", label, p->loc, measured, required);
    if (!t.value || have >= *t.value) return;
    em.finding(o, p->loc,
               Text{"実習室: " + fmt::num(have) + "室（必要: " + fmt::num(*t.value) + "室以上、" + fmt::cite(t) + "）",
                    "practice rooms: " + fmt::num(have) + " (required: at least " + fmt::num(*t.value) + ", " + fmt::cite(t) + ")"},
               measured, required, fmt::cite(t), fmt::provenance_notes(t));
}

void check_ownership(const RuleContext& ctx, Emitter& em) {
    Text label{"校舎の所有・賃貸借", "ownership or lease of the premises"};
    const auto& p = ctx.school.premises;
    if (!p) return void(em.not_checked("premises", label, ctx.school.loc, premises_missing));
    if (!p->ownership)
        return void(em.not_checked("premises", label, p->loc, {"所有の別（premises/@ownership）", "ownership (premises/@ownership)"}));
    if (*p->ownership == Ownership::owned) {
        em.pass("premises", label, p->loc, fmt::text({"設置者所有", "owned by the founder"}), fmt::text({"設置者所有又は確実かつ長期の賃貸借", "owned, or a secure long-term lease"}));
        return;
    }
    if (!p->lease_start || !p->lease_end)
        return void(em.not_checked("premises", label, p->loc,
                                   {"賃貸借の期間（premises/@lease-start, @lease-end）", "the lease term (premises/@lease-start, @lease-end)"}));
    const Threshold& t = ctx.standard->get({"lease-min-years"});
    // A lease ending on the day before an anniversary covers whole years.
    Decimal years = Decimal::from_int(whole_years_between(*p->lease_start, Date::from_days(p->lease_end->days() + 1)));
    std::string term = ds(*p->lease_start) + "〜" + ds(*p->lease_end);
    std::string term_en = ds(*p->lease_start) + " to " + ds(*p->lease_end);
    Value measured = fmt::text({"賃貸借 " + term + "（" + fmt::num(years) + "年）", "lease " + term_en + " (" + fmt::years(fmt::num(years)) + ")"});
    Value required = t.value ? fmt::at_least(fmt::count(*t.value, {"年", "years"}))
                             : fmt::text({"確実かつ長期にわたる賃貸借", "a secure long-term lease"});
    Outcome& o = em.requirement("premises", label, p->loc, measured, required);
    auto start = start_date(ctx.school);
    if (start && *p->lease_end < start->date) {
        em.finding(o, p->loc,
                   Text{"校舎の賃貸借 " + term + " が" + start->source.ja + " " + ds(start->date) + " より前に終わります（" + cite_rule(em) + "）",
                        "the lease of the premises, " + term_en + ", ends before " + start->source.en + " " + ds(start->date) + " (" +
                            cite_rule(em) + ")"},
                   measured, required);
        return;
    }
    // 10(5): a lease that ends before the first cohort of a course has finished it is not secure.
    for (const auto& c : ctx.school.courses) {
        std::optional<Date> intake = c.intake ? c.intake : start ? std::optional<Date>(start->date) : std::nullopt;
        if (!intake || c.years <= 0) continue;
        Date finish = Date::from_days(intake->add_years(c.years).days() - 1);
        if (!(*p->lease_end < finish)) continue;
        std::string y = std::to_string(c.years);
        em.finding(o, p->loc,
                   Text{"校舎の賃貸借 " + term + " が、課程「" + c.id + "」（" + std::string(info(c.schedule).ja) + "、修業年限" + y + "年）の第1期生（" +
                            ds(*intake) + " 入学）が修了する " + ds(finish) + " より前に終わります（必要: 少なくとも " + ds(finish) + " まで、" +
                            cite_rule(em) + "）",
                        "the lease of the premises, " + term_en + ", ends before the first cohort of course \"" + c.id + "\" (" +
                            std::string(info(c.schedule).en) + ", " + y + " years), admitted on " + ds(*intake) + ", finishes on " +
                            ds(finish) + " (required: at least until " + ds(finish) + ", " + cite_rule(em) + ")"},
                   measured, required);
        return;
    }
    if (!t.value) {
        em.finding(o, Severity::review, p->loc,
                   Text{"校舎は賃貸借（" + term + "、" + fmt::num(years) + "年）: 確実かつ長期にわたる契約か、賃貸借契約書で確認してください（年数の基準なし、" +
                            fmt::cite(t) + "）",
                        "the premises are leased (" + term_en + ", " + fmt::years(fmt::num(years)) + "): check from the lease contract that it "
                        "is secure and long-term (no number of years is set, " + fmt::cite(t) + ")"},
                   measured, required, fmt::cite(t));
        return;
    }
    if (years >= *t.value) return;
    em.finding(o, p->loc,
               Text{"校舎の賃貸借期間 " + fmt::num(years) + "年（" + term + "）（必要: " + fmt::num(*t.value) + "年以上、" + fmt::cite(t) + "）",
                    "lease of the premises: " + fmt::years(fmt::num(years)) + " (" + term_en + ") (required: at least " + fmt::num(*t.value) +
                        ", " + fmt::cite(t) + ")"},
               measured, required, fmt::cite(t));
}

void check_shared_use(const RuleContext& ctx, Emitter& em) {
    Text label{"校舎の他の目的との併用", "premises shared with other uses"};
    const auto& p = ctx.school.premises;
    if (!p) return void(em.not_checked("premises", label, ctx.school.loc, premises_missing));
    if (!p->shared_use)
        return void(em.not_checked("premises", label, p->loc, {"併用の有無（premises/@shared-use）", "shared use (premises/@shared-use)"}));
    Value required = fmt::text({"原則として併用なし", "not shared, in principle"});
    if (!*p->shared_use) return void(em.pass("premises", label, p->loc, fmt::text({"併用なし", "not shared"}), required));
    std::string note = p->shared_use_note.empty() ? std::string() : p->shared_use_note;
    em.fail("premises", label, p->loc,
            Text{"校舎が他の目的に併用されています" + (note.empty() ? std::string() : "（" + note + "）") +
                     ": 原則として併用しないこととされているため、やむを得ない理由と区分を確認してください（" + cite_rule(em) + "）",
                 "the premises are also used for other purposes" + (note.empty() ? std::string() : " (" + note + ")") +
                     ": they should not be shared in principle; check the reason and how the uses are separated (" + cite_rule(em) + ")"},
            fmt::text({"併用あり", "shared"}), required, {});
}

void check_equipment(const RuleContext& ctx, Emitter& em) {
    Text label{"別表の器械器具・標本・模型・図書", "equipment, specimens, models and books of 別表"};
    const auto& eq = ctx.school.equipment;
    if (!eq) return void(em.not_checked("equipment", label, ctx.school.loc, {"備品目録（equipment）", "equipment inventory (equipment)"}));
    const StandardList& list = ctx.standard->list("equipment");
    Value measured = fmt::count(Decimal::from_int(static_cast<std::int64_t>(eq->items.size())), {"品目", "items"});
    if (!list.known()) {
        em.fail_as(Severity::review, "equipment", label, eq->loc,
                   Text{"備品の基準（" + list.clause + "）が基準データにないため確認できません: 備品目録（" + fmt::num(measured.number.value_or(Decimal{})) +
                            "品目）を別表と照合してください",
                        "the equipment list (" + list.clause + ") is not in the standard data: compare the inventory (" +
                            fmt::num(measured.number.value_or(Decimal{})) + " items) with 別表 by hand"},
                   measured, fmt::text({"別表の品目（不明）", "the items of 別表 (unknown)"}), list.clause);
        return;
    }
    Outcome& o = em.requirement("equipment", label, eq->loc, measured,
                                fmt::count(Decimal::from_int(static_cast<std::int64_t>(list.items.size())), {"品目", "items"}));
    std::vector<Text> short_items;
    for (const auto& need : list.items) {
        Decimal have;
        for (const auto& it : eq->items)
            if (it.code == need.code) have += it.quantity;
        if (have >= need.min_quantity) continue;
        short_items.push_back({need.name.ja + "（" + fmt::num(have) + "/" + fmt::num(need.min_quantity) + "）",
                               need.name.en + " (" + fmt::num(have) + " of " + fmt::num(need.min_quantity) + ")"});
    }
    if (short_items.empty()) return;
    Text s = join_texts(short_items);
    em.finding(o, eq->loc,
               Text{"別表の備品が不足しています: " + s.ja + "（" + list.clause + "）", "equipment of 別表 missing or short: " + s.en + " (" + list.clause + ")"},
               {}, {}, list.clause);
}

}  // namespace ahaki::rules
