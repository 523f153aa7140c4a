// Where clinical practice is done (指導要領 9(3), 別表第一 備考) and the
// timetable of day and night courses (指導要領 8(5)(6), 14(2)).
#include <array>
#include <string>

#include "rules/curriculum/curriculum.hpp"
#include "rules/format.hpp"

namespace ahaki::rules {
namespace {

bool has_placements(const Course& c) {
    for (const auto& s : c.subjects)
        if (!s.placements.empty()) return true;
    return false;
}

const Text placements_missing{"臨床実習の実施先（subject/placement）", "clinical practice placements (subject/placement)"};

Text site_list(const School& school, const Course& c, bool (*pick)(SiteKind)) {
    std::string ja, en;
    for (const auto& s : c.subjects)
        for (const auto& p : s.placements) {
            const Site& site = school.site_of(p);
            if (!pick(site.kind)) continue;
            if (!ja.empty()) { ja += "、"; en += ", "; }
            ja += site.name + "（" + fmt::num(p.units) + "単位）";
            en += site.name + " (" + fmt::num(p.units) + " units)";
        }
    return ja.empty() ? Text{"該当なし", "none"} : Text{"実施先: " + ja, "placements: " + en};
}

}  // namespace

void check_medical_placements(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        Text label{course_label(c).ja + " 医療機関等での臨床実習", course_label(c).en + ": clinical practice at medical institutions"};
        if (!has_placements(c)) {
            em.not_checked(course_scope(c), label, c.loc, placements_missing);
            continue;
        }
        const Threshold& t = ctx.course_standards[ci]->get({"placement-medical-max-units"});
        Decimal have;
        for (const auto& s : c.subjects)
            for (const auto& p : s.placements)
                if (ctx.school.site_of(p).kind == SiteKind::medical) have += p.units;
        Outcome& o = em.requirement(course_scope(c), label, c.loc, fmt::units(have), t.value ? fmt::at_most(fmt::units(*t.value)) : Value{});
        if (!t.value || have <= *t.value) continue;
        em.finding(o, c.loc,
                   Text{"医療機関等での臨床実習: " + fmt::num(have) + "単位（上限: " + fmt::num(*t.value) + "単位、見学実習に限る、" +
                            fmt::cite(t) + "）。" + fmt::num(have - *t.value) + "単位を附属施設か施術所に移してください",
                        "clinical practice at medical institutions: " + fmt::num(have) + " units (limit: " + fmt::num(*t.value) +
                            ", observation only, " + fmt::cite(t) + "); move " + fmt::num(have - *t.value) +
                            " units to the affiliated facility or a 施術所"},
                   fmt::units(have), fmt::at_most(fmt::units(*t.value)), fmt::cite(t),
                   {site_list(ctx.school, c, [](SiteKind k) { return k == SiteKind::medical; })});
    }
}

void check_core_placements(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        Text label{course_label(c).ja + " 附属の臨床実習施設・施術所での臨床実習",
                   course_label(c).en + ": clinical practice at the affiliated facility or 施術所"};
        if (!has_placements(c)) {
            em.not_checked(course_scope(c), label, c.loc, placements_missing);
            continue;
        }
        const Threshold& t = ctx.course_standards[ci]->get({"placement-affiliated-or-clinic-min-units"});
        Decimal have;
        for (const auto& s : c.subjects)
            for (const auto& p : s.placements)
                if (ctx.school.site_of(p).kind != SiteKind::medical) have += p.units;
        Outcome& o = em.requirement(course_scope(c), label, c.loc, fmt::units(have), t.value ? fmt::at_least(fmt::units(*t.value)) : Value{});
        if (!t.value || have >= *t.value) continue;
        auto notes = fmt::provenance_notes(t);
        if (!t.note.empty()) notes.push_back(Text{t.note, t.note});
        notes.insert(notes.begin(), site_list(ctx.school, c, [](SiteKind k) { return k != SiteKind::medical; }));
        em.finding(o, c.loc,
                   Text{"附属の臨床実習施設・施術所での臨床実習: " + fmt::num(have) + "単位（必要: " + fmt::num(*t.value) + "単位以上、" +
                            fmt::cite(t) + "）。あと" + fmt::num(*t.value - have) + "単位必要です",
                        "clinical practice at the affiliated facility or 施術所: " + fmt::num(have) + " units (required: at least " +
                            fmt::num(*t.value) + ", " + fmt::cite(t) + "); add " + fmt::num(*t.value - have) + " units"},
                   fmt::units(have), fmt::at_least(fmt::units(*t.value)), fmt::cite(t), std::move(notes));
    }
}

void check_placement_sum(const RuleContext& ctx, Emitter& em) {
    for (const auto& c : ctx.school.courses) {
        Text label{course_label(c).ja + " 臨床実習の実施先の単位の合計", course_label(c).en + ": placement units add up"};
        if (!has_placements(c)) {
            em.not_checked(course_scope(c), label, c.loc, placements_missing);
            continue;
        }
        Outcome& o = em.requirement(course_scope(c), label, c.loc);
        for (const auto& s : c.subjects) {
            if (s.placements.empty() && s.area != Area::clinical_practice) continue;
            Decimal placed;
            for (const auto& p : s.placements) placed += p.units;
            if (placed == s.units) continue;
            em.finding(o, s.loc,
                       Text{"「" + s.name + "」の実施先の単位の合計は" + fmt::num(placed) + "単位ですが、科目は" + fmt::num(s.units) +
                                "単位です（全単位の実施先を記載してください）",
                            "the placements of \"" + s.name + "\" add up to " + fmt::num(placed) + " units, but the subject has " +
                                fmt::num(s.units) + " (describe where every unit is done)"},
                       fmt::units(placed), fmt::units(s.units));
        }
    }
}

namespace {

const Text timetable_missing{"時間割（course/timetable）", "timetable (course/timetable)"};

Decimal minutes_to_hours(int minutes) { return Decimal::from_milli(static_cast<std::int64_t>(minutes) * 1000 / 60); }

int overlap(int a0, int a1, int b0, int b1) {
    int lo = a0 > b0 ? a0 : b0;
    int hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

int night_start(const Standard& st) {
    const Threshold& t = st.get({"night-starts-at"});
    return t.value ? static_cast<int>(t.value->milli() / Decimal::scale) : 24 * 60;
}

std::string session_text_ja(const Session& s) {
    std::string days;
    for (auto d : s.days) days += std::string(info(d).ja).substr(0, 3);  // 月, 火, …
    return days + " " + s.start.str() + "〜" + s.end.str();
}
std::string session_text_en(const Session& s) {
    std::string days;
    for (auto d : s.days) {
        if (!days.empty()) days += '/';
        days += info(d).code;  // appended, not "+": GCC 12 -O3 warns falsely (-Wrestrict) on the temporary
    }
    return days + " " + s.start.str() + "-" + s.end.str();
}

/// Sessions outside the course's normal time must be declared unavoidable;
/// a declared one still needs a person to accept the reason.
void check_outside_hours(const RuleContext& ctx, Emitter& em, Schedule schedule) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        if (c.schedule != schedule) continue;
        const bool night = schedule == Schedule::night;
        Text label = night ? Text{course_label(c).ja + " 夜間課程の昼間授業", course_label(c).en + ": daytime classes in a night course"}
                           : Text{course_label(c).ja + " 昼間課程の夜間授業", course_label(c).en + ": night classes in a day course"};
        if (!c.timetable) {
            em.not_checked(course_scope(c), label, c.loc, timetable_missing);
            continue;
        }
        const Standard& st = *ctx.course_standards[ci];
        const int boundary = night_start(st);
        const std::string cite(em.rule().citation);
        Outcome& o = em.requirement(course_scope(c), label, c.timetable->loc);
        const std::string when_ja = night ? "昼間（" + TimeOfDay{boundary}.str() + "より前）" : "夜間（" + TimeOfDay{boundary}.str() + "以降）";
        const std::string when_en = night ? "in the daytime (before " + TimeOfDay{boundary}.str() + ")"
                                          : "at night (from " + TimeOfDay{boundary}.str() + ")";
        for (const auto& s : c.timetable->sessions) {
            bool outside = night ? s.start.minutes < boundary : s.end.minutes > boundary;
            if (!outside) continue;
            if (s.unavoidable) {
                em.finding(o, Severity::review, s.loc,
                           Text{session_text_ja(s) + " は" + when_ja + "の授業で、やむを得ないものとされています（理由: " +
                                    (s.reason.empty() ? std::string("記載なし") : s.reason) + "）。理由が認められるか確認してください（" + cite + "）",
                                session_text_en(s) + " holds classes " + when_en + ", declared unavoidable (reason: " +
                                    (s.reason.empty() ? std::string("none given") : s.reason) + "); judge whether the reason stands (" + cite + ")"},
                           fmt::text(Text{session_text_ja(s), session_text_en(s)}),
                           fmt::text(Text{"やむを得ない場合に限る", "only when unavoidable"}), cite);
            } else {
                em.finding(o, Severity::error, s.loc,
                           Text{session_text_ja(s) + " は" + when_ja + "の授業です。" + (night ? "夜間課程" : "昼間課程") +
                                    "では特にやむを得ない場合に限られます（" + cite + "）。時間を改めるか、unavoidable=\"true\" と理由を記載してください",
                                session_text_en(s) + " holds classes " + when_en + "; a " + (night ? "night" : "day") +
                                    " course may do so only when unavoidable (" + cite + "). Move it, or mark it unavoidable=\"true\" with a reason"},
                           fmt::text(Text{session_text_ja(s), session_text_en(s)}),
                           fmt::text(Text{"やむを得ない場合に限る", "only when unavoidable"}), cite);
            }
        }
    }
}

}  // namespace

void check_night_hours(const RuleContext& ctx, Emitter& em) {
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        if (c.schedule != Schedule::night) continue;
        Text label{course_label(c).ja + " 1日の夜間授業時間", course_label(c).en + ": night class hours per day"};
        if (!c.timetable) {
            em.not_checked(course_scope(c), label, c.loc, timetable_missing);
            continue;
        }
        const Standard& st = *ctx.course_standards[ci];
        const Threshold& t = st.get({"night-max-hours-per-day"});
        const int boundary = night_start(st);
        std::array<int, 7> minutes{};
        std::array<const Session*, 7> last{};
        for (const auto& s : c.timetable->sessions)
            for (auto d : s.days) {
                minutes[static_cast<std::size_t>(d)] += overlap(s.start.minutes, s.end.minutes, boundary, 24 * 60);
                last[static_cast<std::size_t>(d)] = &s;
            }
        int worst = 0;
        for (int m : minutes) worst = m > worst ? m : worst;
        Outcome& o = em.requirement(course_scope(c), label, c.timetable->loc, fmt::hours(minutes_to_hours(worst)),
                                    t.value ? fmt::at_most(fmt::hours(*t.value)) : Value{});
        if (!t.value) continue;
        for (const auto& d : weekdays()) {
            Decimal h = minutes_to_hours(minutes[static_cast<std::size_t>(d.value)]);
            if (h <= *t.value) continue;
            em.finding(o, last[static_cast<std::size_t>(d.value)]->loc,
                       Text{std::string(d.ja) + "の" + TimeOfDay{boundary}.str() + "以降の授業: " + fmt::num(h) + "時間（上限: 1日" +
                                fmt::num(*t.value) + "時間、" + fmt::cite(t) + "）",
                            std::string(d.en) + ": " + fmt::num(h) + " class hours from " + TimeOfDay{boundary}.str() +
                                " (limit: " + fmt::num(*t.value) + " a day, " + fmt::cite(t) + ")"},
                       fmt::hours(h), fmt::at_most(fmt::hours(*t.value)), fmt::cite(t));
        }
    }
}

void check_night_daytime(const RuleContext& ctx, Emitter& em) { check_outside_hours(ctx, em, Schedule::night); }
void check_day_night_classes(const RuleContext& ctx, Emitter& em) { check_outside_hours(ctx, em, Schedule::day); }

void check_yearly_plan(const RuleContext& ctx, Emitter& em) {
    // 14(2) states this for night courses, where hours are scarce; the same
    // arithmetic holds for any course that describes its timetable.
    for (const auto& c : ctx.school.courses) {
        Text label{course_label(c).ja + " 年間授業計画（履修可能性）", course_label(c).en + ": yearly plan fits the hours"};
        if (!c.timetable) {
            em.not_checked(course_scope(c), label, c.loc, timetable_missing);
            continue;
        }
        int weekly_minutes = 0;
        for (const auto& s : c.timetable->sessions)
            weekly_minutes += (s.end.minutes - s.start.minutes) * static_cast<int>(s.days.size());
        const Decimal per_year = minutes_to_hours(weekly_minutes * c.timetable->weeks_per_year);
        Decimal total;
        std::vector<Decimal> by_year(static_cast<std::size_t>(c.years) + 1);
        for (const auto& s : c.subjects) {
            total += s.hours;
            if (s.year && *s.year <= c.years) by_year[static_cast<std::size_t>(*s.year)] += s.hours;
        }
        const Decimal capacity = per_year.times(Decimal::from_int(c.years));
        Outcome& o = em.requirement(course_scope(c), label, c.timetable->loc, fmt::hours(total), fmt::at_most(fmt::hours(capacity)));
        const std::string basis_ja = "週" + fmt::num(minutes_to_hours(weekly_minutes)) + "時間×年" +
                                     std::to_string(c.timetable->weeks_per_year) + "週=年" + fmt::num(per_year) + "時間";
        const std::string basis_en = fmt::num(minutes_to_hours(weekly_minutes)) + " hours a week x " +
                                     std::to_string(c.timetable->weeks_per_year) + " weeks = " + fmt::num(per_year) + " hours a year";
        if (total > capacity)
            em.finding(o, c.timetable->loc,
                       Text{"授業時間数の合計 " + fmt::num(total) + "時間が、時間割で授業できる " + fmt::num(capacity) + "時間（" + basis_ja +
                                "×" + std::to_string(c.years) + "年）を超えています",
                            "the subjects total " + fmt::num(total) + " hours, more than the timetable allows: " + fmt::num(capacity) +
                                " (" + basis_en + " x " + fmt::years(std::to_string(c.years)) + ")"},
                       fmt::hours(total), fmt::at_most(fmt::hours(capacity)));
        for (int y = 1; y <= c.years; ++y) {
            Decimal need = by_year[static_cast<std::size_t>(y)];
            if (need <= per_year) continue;
            em.finding(o, c.timetable->loc,
                       Text{std::to_string(y) + "年次の科目の授業時間数 " + fmt::num(need) + "時間が、年間に授業できる" + fmt::num(per_year) +
                                "時間（" + basis_ja + "）を超えています",
                            "year " + std::to_string(y) + " subjects need " + fmt::num(need) + " hours, more than the " +
                                fmt::num(per_year) + " a year the timetable allows (" + basis_en + ")"},
                       fmt::hours(need), fmt::at_most(fmt::hours(per_year)));
        }
    }
}

}  // namespace ahaki::rules
