// 別表第一 minimum units per area; 指導要領 8(4) totals; 8(2)(3) hours per unit.
#include <string>

#include "rules/curriculum/curriculum.hpp"
#include "import/names.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {

Text course_label(const Course& c) {
    return Text{fmt::cat({"課程 ", c.id, "（", info(c.schedule).ja, "）"}), fmt::cat({"course ", c.id, " (", info(c.schedule).en, ")"})};
}

std::string course_scope(const Course& c) { return fmt::cat({"course=", c.id}); }

namespace {

Text area_subjects_note(const Course& c, Area a) {
    std::string ja = "数えた科目: ", en = "subjects counted: ";
    int n = 0;
    for (const auto& s : c.subjects) {
        if (s.area != a) continue;
        if (n++) { ja += "、"; en += ", "; }
        ja += s.name + "（" + fmt::num(s.units) + "）";
        en += s.name + " (" + fmt::num(s.units) + ")";
    }
    if (n == 0) return Text{"この教育内容の科目がありません", "no subject counts toward this area"};
    return Text{ja, en};
}

/// A requirement whose threshold is UNKNOWN: a person must judge it.
void unknown_threshold(Emitter& em, Outcome& o, const Loc& loc, const Threshold& t, const Text& what) {
    em.finding(o, Severity::review, loc,
               Text{what.ja + "の基準値が不明です（" + t.clause + "）。条文を確認して判断してください",
                    "the threshold for " + what.en + " is not known (" + t.clause + "); check the clause by hand"},
               {}, fmt::text(Text{"不明", "unknown (UNKNOWN)"}), t.clause,
               t.note.empty() ? std::vector<Text>{Text{"基準データの値: UNKNOWN", "standard data value: UNKNOWN"}}
                              : std::vector<Text>{Text{"基準データの値: UNKNOWN", "standard data value: UNKNOWN"}, Text{t.note, t.note}});
}

}  // namespace

void check_area_units(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        const Standard& st = *ctx.course_standards[ci];
        Decimal sums[area_count];
        for (const auto& s : c.subjects) sums[static_cast<std::size_t>(s.area)] += s.units;
        const Text course = course_label(c);
        const std::string scope = course_scope(c);
        for (const auto& a : areas()) {
            // The area as 別表第一 names it for this facility type (基礎はり学・基礎きゆう学 for はりきゅう).
            const std::string name_ja(import::area_label(a.value, ctx.school.type));
            const Threshold& t = st.get({"area-min-units", ctx.school.type, a.value});
            Decimal have = sums[static_cast<std::size_t>(a.value)];
            Outcome& o = em.requirement(fmt::cat({scope, " area=", a.code}),
                                        Text{fmt::cat({course.ja, " ", name_ja, "の単位数"}), fmt::cat({course.en, ": units of ", a.en})},
                                        c.loc, fmt::units(have), t.value ? fmt::at_least(fmt::units(*t.value)) : Value{});
            if (!t.value) {
                unknown_threshold(em, o, c.loc, t, Text{name_ja, std::string(a.en)});
                continue;
            }
            if (have >= *t.value) continue;
            Decimal short_by = *t.value - have;
            auto notes = fmt::provenance_notes(t);
            notes.insert(notes.begin(), area_subjects_note(c, a.value));
            em.finding(o, c.loc,
                       Text{name_ja + ": " + fmt::num(have) + "単位（必要: " + fmt::num(*t.value) + "単位以上、" +
                                fmt::cite(t) + "）。あと" + fmt::num(short_by) + "単位必要です",
                            std::string(a.en) + ": " + fmt::num(have) + " units (required: at least " + fmt::num(*t.value) +
                                ", " + fmt::cite(t) + "); add " + fmt::num(short_by) + (short_by == Decimal::from_int(1) ? " unit" : " units")},
                       fmt::units(have), fmt::at_least(fmt::units(*t.value)), fmt::cite(t), std::move(notes));
        }
    }
}

namespace {

template <class Sum>
void check_total(const RuleContext& ctx, Emitter& em, std::string_view key, Sum sum, const Text& what, const Text& unit) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        const Threshold& t = ctx.course_standards[ci]->get({key, ctx.school.type});
        Decimal have;
        for (const auto& s : c.subjects) have += sum(s);
        Text label{course_label(c).ja + " 総" + what.ja, course_label(c).en + ": total " + what.en};
        Outcome& o = em.requirement(course_scope(c), label, c.loc, fmt::count(have, unit),
                                    t.value ? fmt::at_least(fmt::count(*t.value, unit)) : Value{});
        if (!t.value) {
            unknown_threshold(em, o, c.loc, t, Text{"総" + what.ja, "total " + what.en});
            continue;
        }
        if (have >= *t.value) continue;
        Decimal short_by = *t.value - have;
        Text type_name{std::string(info(ctx.school.type).ja), std::string(info(ctx.school.type).en)};
        em.finding(o, c.loc,
                   Text{"総" + what.ja + ": " + fmt::with_unit(have, unit).ja + "（" + type_name.ja + "の必要: " +
                            fmt::with_unit(*t.value, unit).ja + "以上、" + fmt::cite(t) + "）。あと" +
                            fmt::with_unit(short_by, unit).ja + "必要です",
                        "total " + what.en + ": " + fmt::with_unit(have, unit).en + " (required for " + fmt::a(type_name.en) +
                            ": at least " + fmt::with_unit(*t.value, unit).en + ", " + fmt::cite(t) + "); add " +
                            fmt::with_unit(short_by, unit).en},
                   fmt::count(have, unit), fmt::at_least(fmt::count(*t.value, unit)), fmt::cite(t),
                   fmt::provenance_notes(t));
    }
}

}  // namespace

void check_total_units(const RuleContext& ctx, Emitter& em) {
    check_total(ctx, em, "total-min-units", [](const Subject& s) { return s.units; }, Text{"単位数", "units"},
                Text{"単位", "units"});
}

void check_total_hours(const RuleContext& ctx, Emitter& em) {
    check_total(ctx, em, "total-min-hours", [](const Subject& s) { return s.hours; }, Text{"時間数", "hours"},
                Text{"時間", "hours"});
}

namespace {

/// Checks hours/units of each subject selected by `applies` against its method's range.
template <class Applies>
void check_ratio(const RuleContext& ctx, Emitter& em, Applies applies, const Text& what) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        const Standard& st = *ctx.course_standards[ci];
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " " + what.ja, course_label(c).en + ": " + what.en},
                                    c.loc);
        for (const auto& s : c.subjects) {
            if (!applies(s) || (s.units.is_zero() && s.hours.is_zero())) continue;  // nothing given: CUR-016
            const Threshold& lo = st.get({"hours-per-unit-min", std::nullopt, std::nullopt, s.method});
            const Threshold& hi = st.get({"hours-per-unit-max", std::nullopt, std::nullopt, s.method});
            if (!lo.value || !hi.value) {
                unknown_threshold(em, o, s.loc, lo, Text{"1単位の時間数", "hours per unit"});
                continue;
            }
            if (s.units.is_zero()) {
                // Hours on no unit are outside every method's range (and would fill the total hours of 8(4) with
                // nothing the 別表 counts): all three conditions must hold (MHLW Q&A of 2017-03-31).
                std::string method_ja(info(s.method).ja), method_en(info(s.method).en);
                em.finding(o, s.loc,
                           Text{"「" + s.name + "」（" + method_ja + "）: " + fmt::num(s.hours) + "時間/0単位。単位のない授業時間は1単位の時間数の範囲に入りません（" +
                                    fmt::cite(lo) + "）。単位数を書くか、時間数を他の科目に含めてください",
                                "\"" + s.name + "\" (" + method_en + "): " + fmt::num(s.hours) + " hours on 0 units: hours without units are outside "
                                    "every hours-per-unit range (" + fmt::cite(lo) + "); give the units, or count the hours in another subject"},
                           fmt::text(Text{fmt::num(s.hours) + "時間/0単位", fmt::num(s.hours) + " hours / 0 units"}), fmt::hours_per_unit(*lo.value),
                           fmt::cite(lo));
                continue;
            }
            // hours / units within [lo, hi]  <=>  lo*units <= hours <= hi*units (exact).
            Decimal min_hours = lo.value->times(s.units);
            Decimal max_hours = hi.value->times(s.units);
            if (s.hours >= min_hours && s.hours <= max_hours) continue;
            double ratio = s.hours.to_double() / s.units.to_double();
            Decimal per_unit = Decimal::from_milli(static_cast<std::int64_t>(ratio * 1000.0 + 0.5));
            std::string method_ja(info(s.method).ja), method_en(info(s.method).en);
            std::string range_ja = *lo.value == *hi.value ? fmt::num(*lo.value) + "時間"
                                                          : fmt::num(*lo.value) + "〜" + fmt::num(*hi.value) + "時間";
            std::string range_en = *lo.value == *hi.value ? "exactly " + fmt::num(*lo.value) + " hours"
                                                          : fmt::num(*lo.value) + " to " + fmt::num(*hi.value) + " hours";
            std::string fix_ja = s.hours < min_hours ? "時間数を" + fmt::num(min_hours) + "時間以上にするか単位数を減らしてください"
                                                     : "時間数を" + fmt::num(max_hours) + "時間以下にするか単位数を増やしてください";
            std::string fix_en = s.hours < min_hours ? "raise the hours to at least " + fmt::num(min_hours) + " or lower the units"
                                                     : "lower the hours to at most " + fmt::num(max_hours) + " or raise the units";
            Value required = fmt::hours_per_unit(*lo.value);
            required.text = Text{range_ja, range_en};
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」（" + method_ja + "）: " + fmt::num(s.hours) + "時間/" + fmt::num(s.units) +
                                "単位 = 1単位" + fmt::num(per_unit) + "時間（必要: " + method_ja + "は1単位" + range_ja + "、" +
                                fmt::cite(lo) + "）。" + fix_ja,
                            "\"" + s.name + "\" (" + method_en + "): " + fmt::num(s.hours) + " hours / " + fmt::num(s.units) +
                                (s.units == Decimal::from_int(1) ? " unit = " : " units = ") + fmt::num(per_unit) + " hours per unit (required for " + fmt::a(method_en) + ": " +
                                range_en + " per unit, " + fmt::cite(lo) + "); " + fix_en},
                       fmt::hours_per_unit(per_unit), required, fmt::cite(lo));
        }
    }
}

}  // namespace

void check_hours_per_unit(const RuleContext& ctx, Emitter& em) {
    check_ratio(ctx, em, [](const Subject& s) { return s.method != Method::clinical; },
                Text{"1単位あたりの授業時間数", "class hours per unit"});
}

void check_clinical_hours(const RuleContext& ctx, Emitter& em) {
    check_ratio(ctx, em, [](const Subject& s) { return s.method == Method::clinical; },
                Text{"臨床実習の1単位あたりの時間数", "clinical practice hours per unit"});
}

void check_clinical_method(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        const Threshold& t = ctx.course_standards[ci]->get({"hours-per-unit-min", std::nullopt, std::nullopt, Method::clinical});
        const std::string per_unit = t.value ? fmt::num(*t.value) : "?";
        Outcome& o = em.requirement(course_scope(c), Text{course_label(c).ja + " 臨床実習科目の授業方法",
                                                          course_label(c).en + ": method of clinical practice subjects"},
                                    c.loc);
        for (const auto& s : c.subjects) {
            if (s.area != Area::clinical_practice || s.method == Method::clinical) continue;
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」は臨床実習の科目ですが授業方法が" + std::string(info(s.method).ja) +
                                "です（必要: 授業方法「臨床実習」、1単位" + per_unit + "時間、" + t.clause + "）",
                            "\"" + s.name + "\" counts toward clinical practice but its method is " +
                                std::string(info(s.method).en) + " (required: method=\"clinical\", " + per_unit + " hours per unit, " + t.clause + ")"},
                       fmt::text(Text{std::string(info(s.method).ja), std::string(info(s.method).en)}),
                       fmt::text(Text{"臨床実習", "clinical"}), t.clause,
                       std::vector<Text>{Text{"XML では method=\"clinical\"", "in the XML: method=\"clinical\""}});
        }
    }
}

}  // namespace ahaki::rules
