// Students (指導要領 §7(1)–(7)).
#include <string>

#include "rules/curriculum/curriculum.hpp"
#include "rules/format.hpp"
#include "rules/people/people.hpp"

namespace ahaki::rules {
namespace {

const Text students_missing{"生徒（<students>）", "students (<students>)"};
const Text people_unit{"人", "students"};

/// Common shape of §7(2), (4), (7): one stated yes/no fact. True when it can be
/// judged; otherwise records "not checked" and returns false.
bool stated(const RuleContext& ctx, Emitter& em, const std::string& scope, const Text& label, const std::optional<bool>& v,
            const Text& what) {
    if (!ctx.school.students) {
        em.not_checked(scope, label, ctx.school.loc, students_missing);
        return false;
    }
    if (!v) {
        em.not_checked(scope, label, ctx.school.students->loc, what);
        return false;
    }
    return true;
}

Value yes_no(bool v) { return fmt::text(v ? Text{"はい", "yes"} : Text{"いいえ", "no"}); }

}  // namespace

void check_student_capacity(const RuleContext& ctx, Emitter& em) {
    if (!ctx.school.students) {
        em.not_checked("students capacity", Text{"生徒の定員", "student capacity"}, ctx.school.loc, students_missing);
        return;
    }
    const Students& st = *ctx.school.students;
    for (std::size_t ci = 0; ci < ctx.school.courses.size(); ++ci) {
        const Course& c = ctx.school.courses[ci];
        Text label{course_label(c).ja + " 1学年の定員", course_label(c).en + ": intake capacity per year"};
        const Intake* in = nullptr;
        for (const auto& i : st.intakes)
            if (i.course_index == ci) in = &i;
        if (!in) {
            em.fail(course_scope(c) + " capacity", label, st.loc,
                    Text{course_label(c).ja + "の1学年の定員が記載されていません（<intake course=\"" + c.id + "\" capacity=\"…\">）",
                         course_label(c).en + ": no intake capacity is stated (<intake course=\"" + c.id + "\" capacity=\"…\">)"},
                    fmt::text(Text{"記載なし", "not stated"}), fmt::text(Text{"学則の定員", "the capacity in the school rules"}), {});
            continue;
        }
        Decimal cap = Decimal::from_int(in->capacity);
        Outcome& o = em.requirement(course_scope(c) + " capacity", label, in->loc, fmt::count(cap, people_unit),
                                    fmt::count(cap, people_unit));
        for (const auto& en : st.enrolments) {
            if (en.course_index != ci || en.admitted <= in->capacity) continue;
            Decimal have = Decimal::from_int(en.admitted);
            em.finding(o, en.loc,
                       Text{course_label(c).ja + " " + std::to_string(en.year) + "年度の入学者 " + std::to_string(en.admitted) +
                                "人が定員 " + std::to_string(in->capacity) + "人を超えています",
                            course_label(c).en + ": " + std::to_string(en.admitted) + " students admitted in " +
                                std::to_string(en.year) + ", above the capacity of " + std::to_string(in->capacity)},
                       fmt::count(have, people_unit), fmt::at_most(fmt::count(cap, people_unit)));
        }
    }
}

void check_admission_certificates(const RuleContext& ctx, Emitter& em) {
    Text label{"入学資格の審査（卒業証明書等）", "admission eligibility checked with certificates"};
    const auto* st = ctx.school.students ? &*ctx.school.students : nullptr;
    if (!stated(ctx, em, "students certificates", label, st ? st->certificates_checked : std::nullopt,
                Text{"入学資格の審査方法（students/@certificates-checked）", "how eligibility is checked (students/@certificates-checked)"}))
        return;
    Value req = fmt::text(Text{"卒業証明書又は卒業見込証明書で確認", "checked with a (prospective) graduation certificate"});
    if (*st->certificates_checked) {
        em.pass("students certificates", label, st->certificates_loc, yes_no(true), req);
        return;
    }
    em.fail("students certificates", label, st->certificates_loc,
            Text{"入学資格を卒業証明書又は卒業見込証明書で確認していません",
                 "admission eligibility is not checked with a graduation or prospective-graduation certificate"},
            yes_no(false), req, {});
}

void check_selection(const RuleContext& ctx, Emitter& em) {
    Text label{"入学者の選考", "selection of entrants"};
    if (!ctx.school.students) {
        em.not_checked("students selection", label, ctx.school.loc, students_missing);
        return;
    }
    const Students& st = *ctx.school.students;
    if (!st.selection) {
        em.not_checked("students selection", label, st.loc,
                       Text{"入学者の選考の方法（students/@selection）", "the selection method (students/@selection)"});
        return;
    }
    std::string ja, en;
    bool exam_or_interview = false;
    for (auto m : *st.selection) {
        if (!ja.empty()) { ja += "・"; en += ", "; }
        ja += info(m).ja;
        en += info(m).en;
        if (m == SelectionMethod::written_exam || m == SelectionMethod::interview) exam_or_interview = true;
    }
    Value measured = fmt::text(st.selection->empty() ? Text{"なし", "none"} : Text{ja, en});
    Value req = fmt::text(Text{"筆記試験、面接試験等", "written examination, interview or similar"});
    if (exam_or_interview) {
        em.pass("students selection", label, st.selection_loc, measured, req);
        return;
    }
    if (st.selection->empty()) {
        em.fail("students selection", label, st.selection_loc,
                Text{"入学者の選考の方法が記載されていません", "no selection method is stated"}, measured, req, {});
        return;
    }
    em.fail_as(Severity::review, "students selection", label, st.selection_loc,
               Text{"入学者の選考が筆記試験・面接試験によらず「" + ja + "」で行われます。適正な選考か、選考要項で確認してください",
                    "entrants are selected by " + en + ", without a written examination or interview; check the selection "
                    "guidelines to judge whether it is appropriate"},
               measured, req, {});
}

void check_mid_year_admission(const RuleContext& ctx, Emitter& em) {
    Text label{"途中入学を行わないこと", "no mid-year admission"};
    const auto* st = ctx.school.students ? &*ctx.school.students : nullptr;
    if (!stated(ctx, em, "students mid-year", label, st ? st->mid_year_admission : std::nullopt,
                Text{"途中入学の有無（students/@mid-year-admission）", "whether students are admitted mid-year (students/@mid-year-admission)"}))
        return;
    Value req = fmt::text(Text{"途中入学なし", "no mid-year admission"});
    if (!*st->mid_year_admission) {
        em.pass("students mid-year", label, st->mid_year_loc, yes_no(false), req);
        return;
    }
    em.fail("students mid-year", label, st->mid_year_loc,
            Text{"途中入学を行っています。入学の時期は厳正に定め、途中入学は行わないこと",
                 "students are admitted mid-year; the time of admission must be fixed and no mid-year admission made"},
            yes_no(true), req, {});
}

void check_transfers(const RuleContext& ctx, Emitter& em) {
    Text label{"転学", "transfers"};
    if (!ctx.school.students) {
        em.not_checked("students transfers", label, ctx.school.loc, students_missing);
        return;
    }
    const Students& st = *ctx.school.students;
    if (!st.transfers) {
        em.not_checked("students transfers", label, st.loc,
                       Text{"転学の取扱い（students/@transfers）", "the transfer policy (students/@transfers)"});
        return;
    }
    const auto& ti = info(*st.transfers);
    Value measured = fmt::text(Text{std::string(ti.ja), std::string(ti.en)});
    Value req = fmt::text(Text{"認定施設の相当学年相互の間のみ", "only between equivalent years of accredited facilities"});
    if (*st.transfers != TransferPolicy::other) {
        em.pass("students transfers", label, st.transfers_loc, measured, req);
        return;
    }
    em.fail("students transfers", label, st.transfers_loc,
            Text{"転学の取扱いが「その他」です。転学は認定施設の相当学年相互の間においてのみ行えます",
                 "the transfer policy is \"other\"; transfers are allowed only between equivalent years of accredited facilities"},
            measured, req, {});
}

void check_student_attendance(const RuleContext& ctx, Emitter& em) {
    Text label{"出席状況の把握と出席不良者の進級・卒業", "attendance tracked; poor attendance blocks progression"};
    if (!ctx.school.students) {
        em.not_checked("students attendance", label, ctx.school.loc, students_missing);
        return;
    }
    const Students& st = *ctx.school.students;
    if (!st.attendance_tracked || !st.poor_attendance_blocks_progression) {
        em.not_checked("students attendance", label, st.loc,
                       Text{"出席状況の把握（students/@attendance-tracked, @poor-attendance-blocks-progression）",
                            "attendance policy (students/@attendance-tracked, @poor-attendance-blocks-progression)"});
        return;
    }
    Value req = fmt::text(Text{"出席を把握し、出席不良者は進級・卒業させない", "attendance tracked; poor attendance blocks progression"});
    if (!*st.attendance_tracked) {
        em.fail("students attendance", label, st.attendance_loc,
                Text{"生徒の出席状況を把握していません", "students' attendance is not tracked"}, yes_no(false), req, {});
        return;
    }
    if (!*st.poor_attendance_blocks_progression) {
        em.fail("students attendance", label, st.blocks_loc,
                Text{"出席状況の不良な生徒にも進級・卒業を認めています", "students with poor attendance may still progress or graduate"},
                yes_no(false), req, {});
        return;
    }
    em.pass("students attendance", label, st.attendance_loc, yes_no(true), req);
}

void check_health_checks(const RuleContext& ctx, Emitter& em) {
    Text label{"健康診断等の保健衛生上の措置", "health checks and other health measures"};
    const auto* st = ctx.school.students ? &*ctx.school.students : nullptr;
    if (!stated(ctx, em, "students health", label, st ? st->health_checks : std::nullopt,
                Text{"健康診断の実施（students/@health-checks）", "health checks (students/@health-checks)"}))
        return;
    Value req = fmt::text(Text{"健康診断を実施", "health checks held"});
    if (*st->health_checks) {
        em.pass("students health", label, st->health_loc, yes_no(true), req);
        return;
    }
    em.fail("students health", label, st->health_loc,
            Text{"生徒の健康診断等、保健衛生上必要な措置が採られていません",
                 "no health checks or other health measures for students are in place"},
            yes_no(false), req, {});
}

}  // namespace ahaki::rules
