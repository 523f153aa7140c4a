// The people sections of <school>: <founder> (指導要領 §4), <school-rules> (§5),
// <teachers> (§6, §14(1)) and <students> (§7).
#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "xml/school_sections.hpp"

namespace ahaki::xml {
namespace {

const Text bool_expected{"true または false", "true or false"};
const Decimal max_weekly_hours = Decimal::from_int(168);

/// A boolean the office must state: absent is a load error.
std::optional<bool> required_boolean(Element& e, std::string_view name) {
    if (!e.has(name)) {
        e.missing(name, bool_expected);
        return std::nullopt;
    }
    return e.boolean(name);
}

void check_period(Element& e, const std::optional<Date>& from, const std::optional<Date>& until, std::string_view from_name,
                  std::string_view until_name) {
    if (!from || !until || *until >= *from) return;
    e.bad_value(until_name,
                Text{"終了日が開始日 " + std::string(from_name) + "=\"" + from->str() + "\" より前です",
                     "the end is before the start " + std::string(from_name) + "=\"" + from->str() + "\""},
                Text{from->str() + " 以後の日付", "a date on or after " + from->str()});
}

void load_qualification(Reader& r, pugi::xml_node n, Teacher& t, std::size_t index) {
    Element e(r, n, indexed_path(t.loc.path, "qualification", index), {"code", "date", "number", "field", "post", "years"});
    Qualification q;
    q.loc = e.loc();
    auto code = e.code("code", qualification_codes(), true);
    if (code) q.code = *code;
    q.date = e.date("date", false);
    if (auto v = e.text("number", false)) q.number = std::move(*v);
    if (auto v = e.text("field", false)) q.field = std::move(*v);
    q.post = e.code("post", university_posts(), false);
    q.years = e.whole("years", false, 0, 70);
    if (code == QualificationCode::university_teacher && !e.has("post"))
        e.missing("post", Text{"大学での職（professor, associate-professor, lecturer, assistant-professor, assistant）",
                               "the university post (professor, associate-professor, lecturer, assistant-professor, assistant)"});
    if (code && *code != QualificationCode::university_teacher && (e.has("post") || e.has("years"))) {
        e.bad_value(e.has("post") ? "post" : "years",
                    Text{"post と years は大学の教員（code=\"university-teacher\"）にだけ書けます",
                         "post and years apply only to a university teacher (code=\"university-teacher\")"},
                    Text{"code=\"university-teacher\" の qualification", "a qualification with code=\"university-teacher\""});
    }
    t.qualifications.push_back(std::move(q));
}

void load_teaches(Reader& r, pugi::xml_node n, Teacher& t, std::size_t index) {
    Element e(r, n, indexed_path(t.loc.path, "teaches", index), {"subject"});
    Teaching tg;
    tg.loc = Loc{e.loc().line, e.loc().column, concat({e.path(), "/@subject"})};
    if (auto v = e.text("subject", true)) tg.subject_id = std::move(*v);
    if (!tg.subject_id.empty()) t.teaches.push_back(std::move(tg));
}

void load_other_post(Reader& r, pugi::xml_node n, Teacher& t, std::size_t index) {
    Element e(r, n, indexed_path(t.loc.path, "other-post", index), {"employer", "title", "full-time", "same-facility"});
    OtherPost p;
    p.loc = e.loc();
    if (auto v = e.text("same-facility", false)) p.same_facility = std::move(*v);
    if (auto v = e.text("employer", true)) p.employer = std::move(*v);
    if (auto v = e.text("title", false)) p.title = std::move(*v);
    if (auto v = required_boolean(e, "full-time")) p.full_time = *v;
    t.other_posts.push_back(std::move(p));
}

void load_head_declaration(Reader& r, pugi::xml_node n, Teacher& t) {
    Element e(r, n, concat({t.loc.path, "/head-declaration"}), {"no-medical-law-sanction", "no-imprisonment", "committed"});
    if (t.head_declaration) {
        r.error(e.loc(), Text{"<head-declaration> が2つあります", "a second <head-declaration>"},
                Text{"教員ごとに <head-declaration> は1つ", "at most one <head-declaration> per teacher"});
        return;
    }
    HeadDeclaration d;
    d.loc = e.loc();
    d.no_medical_law_sanction = required_boolean(e, "no-medical-law-sanction");
    d.no_imprisonment = required_boolean(e, "no-imprisonment");
    d.committed = required_boolean(e, "committed");
    t.head_declaration = d;
}

void load_teacher(Reader& r, pugi::xml_node n, Teachers& ts, LoadState& st, std::size_t index) {
    Element e(r, n, id_path("/school/teachers", "teacher", n, index),
              {"id", "name", "employment", "role", "years-teaching", "weekly-class-hours", "clinical-engagement",
               "placement-coordinator", "documents-verified", "employed-from", "employed-until", "birth-date"});
    Teacher t;
    t.loc = e.loc();
    if (auto id = e.registered_id(st.ids, "teacher")) t.id = std::move(*id);
    if (auto v = e.text("name", true)) t.name = std::move(*v);
    if (auto v = e.code("employment", employments(), true)) t.employment = *v;
    if (auto v = e.code("role", teacher_roles(), false)) t.role = *v;
    t.years_teaching = e.whole("years-teaching", false, 0, 70);
    t.years_loc = e.at("years-teaching");
    t.weekly_class_hours = e.decimal("weekly-class-hours", false, max_weekly_hours);
    t.weekly_hours_loc = e.at("weekly-class-hours");
    t.clinical_engagement = e.boolean("clinical-engagement");
    if (auto v = e.boolean("placement-coordinator")) t.placement_coordinator = *v;
    t.documents_verified = e.date("documents-verified", false);
    t.employed_from = e.date("employed-from", false);
    t.employed_until = e.date("employed-until", false);
    t.birth_date = e.date("birth-date", false);
    check_period(e, t.employed_from, t.employed_until, "employed-from", "employed-until");
    std::size_t q = 0, tg = 0, op = 0;
    e.children({"qualification", "teaches", "other-post", "head-declaration"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "qualification") load_qualification(r, c, t, ++q);
        else if (name == "teaches") load_teaches(r, c, t, ++tg);
        else if (name == "other-post") load_other_post(r, c, t, ++op);
        else load_head_declaration(r, c, t);
    });
    // A qualification dated after documents-verified is a finding of TCH-013 (§14(1)), not a load error.
    ts.list.push_back(std::move(t));
}

void load_intake(Reader& r, pugi::xml_node n, Students& s, std::size_t index) {
    Element e(r, n, indexed_path("/school/students", "intake", index), {"course", "capacity", "classes"});
    Intake in;
    in.loc = e.loc();
    if (auto v = e.text("course", true)) in.course_id = std::move(*v);
    if (auto v = e.whole("capacity", true, 1, 10000)) in.capacity = *v;
    in.classes = e.whole("classes", false, 1, 100);
    s.intakes.push_back(std::move(in));
}

void load_enrolment(Reader& r, pugi::xml_node n, Students& s, std::size_t index) {
    Element e(r, n, indexed_path("/school/students", "enrolment", index), {"course", "year", "admitted"});
    Enrolment en;
    en.loc = e.loc();
    if (auto v = e.text("course", true)) en.course_id = std::move(*v);
    if (auto v = e.whole("year", true, 1900, 2200)) en.year = *v;
    if (auto v = e.whole("admitted", true, 0, 100000)) en.admitted = *v;
    s.enrolments.push_back(std::move(en));
}

template <class T>
bool resolve_course(Reader& r, const School& school, const LoadState& st, T& item, std::string_view element) {
    for (std::size_t ci = 0; ci < school.courses.size(); ++ci)
        if (school.courses[ci].id == item.course_id) {
            item.course_index = ci;
            return true;
        }
    const auto* other = st.ids.find(item.course_id);
    Loc loc = item.loc;
    loc.path += "/@course";
    r.error(loc,
            xml::near_id(st.ids, item.course_id, other ? Text{"<" + std::string(element) + "> の course=\"" + item.course_id + "\" は課程ではなく " + other->kind + " の id です",
                         "course=\"" + item.course_id + "\" on <" + std::string(element) + "> is the id of a " + other->kind + ", not a course"}
                  : Text{"<" + std::string(element) + "> の course=\"" + item.course_id + "\" の課程がこのファイルにありません",
                         "course=\"" + item.course_id + "\" on <" + std::string(element) + "> refers to no course described in this file"}),
            Text{"<course id=\"…\"> のいずれか", "the id of a <course>"});
    return false;
}

}  // namespace

void load_one_facility(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    Element e(r, n, "/school/one-facility", {"name"});
    OneFacility f;
    f.loc = e.loc();
    if (auto v = e.text("name", true)) f.name = std::move(*v);
    std::size_t count = 0;
    e.children({"accreditation"}, [&](std::string_view, pugi::xml_node c) {
        Element ae(r, c, indexed_path("/school/one-facility", "accreditation", ++count), {"id", "type", "name"});
        Accreditation a;
        a.loc = ae.loc();
        if (auto id = ae.registered_id(st.ids, "accreditation")) a.id = std::move(*id);
        auto type = ae.code("type", facility_types(), true);
        if (auto v = ae.text("name", false)) a.name = std::move(*v);
        if (!type) return;
        a.type = *type;
        // The school's own type is this file's accreditation; another of the same type would be a second facility.
        if (*type == school.type || std::any_of(f.others.begin(), f.others.end(), [&](const Accreditation& o) { return o.type == *type; }))
            ae.bad_value("type",
                         Text{"種類 " + std::string(info(*type).code) + " はこの施設（school/@type）か前の accreditation と同じです",
                              "the type " + std::string(info(*type).code) + " is this file's own (school/@type) or an earlier accreditation's"},
                         Text{"school/@type とも他の accreditation とも違う種類", "a type other than school/@type and the other accreditations"});
        f.others.push_back(std::move(a));
    });
    if (f.others.empty() && r.error_count() == 0)
        r.error(f.loc, Text{"<one-facility> に <accreditation> がありません", "<one-facility> has no <accreditation>"},
                Text{"同じ施設の別の認定を1つ以上", "one or more other accreditations of the same facility"});
    school.one_facility = std::move(f);
}

void load_founder(Reader& r, pugi::xml_node n, School& school) {
    Element e(r, n, "/school/founder", {"kind", "name"});
    Founder f;
    f.loc = e.loc();
    if (auto v = e.code("kind", founder_kinds(), true)) f.kind = *v;
    if (auto v = e.text("name", true)) f.name = std::move(*v);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    school.founder = std::move(f);
}

void load_school_rules(Reader& r, pugi::xml_node n, School& school) {
    Element e(r, n, "/school/school-rules", {"adopted", "no-other-fees", "facility-type"});
    SchoolRules sr;
    sr.loc = e.loc();
    sr.adopted = e.date("adopted", false);
    sr.no_other_fees = e.boolean("no-other-fees");
    sr.no_other_fees_loc = e.at("no-other-fees");
    sr.facility_type = e.code("facility-type", facility_types(), false);
    sr.facility_type_loc = e.at("facility-type");
    std::size_t count = 0, courses = 0, fees = 0;
    e.children({"item", "course-rule", "fee-rule"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "course-rule") {
            Element ce(r, c, indexed_path("/school/school-rules", "course-rule", ++courses),
                       {"course", "schedule", "visually-impaired", "years", "intake", "classes"});
            CourseRule cr;
            cr.loc = ce.loc();
            if (auto v = ce.text("course", true)) cr.course_id = std::move(*v);
            cr.schedule = ce.code("schedule", schedules(), false);
            cr.visually_impaired = ce.boolean("visually-impaired");
            cr.years = ce.whole("years", false, 1, 20);
            cr.intake = ce.whole("intake", false, 0, 100000);
            cr.classes = ce.whole("classes", false, 0, 1000);
            std::size_t areas = 0;
            ce.children({"area-rule"}, [&](std::string_view, pugi::xml_node a) {
                Element ae(r, a, indexed_path(cr.loc.path, "area-rule", ++areas), {"area", "units", "hours"});
                AreaRule ar;
                ar.loc = ae.loc();
                if (auto v = ae.code("area", ahaki::areas(), true)) ar.area = *v;
                ar.units = ae.decimal("units", false, Decimal::from_int(999));
                ar.hours = ae.decimal("hours", false, Decimal::from_int(99999));
                cr.areas.push_back(std::move(ar));
            });
            sr.courses.push_back(std::move(cr));
            return;
        }
        if (name == "fee-rule") {
            Element fe(r, c, indexed_path("/school/school-rules", "fee-rule", ++fees), {"fee", "amount"});
            FeeRule fr;
            fr.loc = fe.loc();
            if (auto v = fe.text("fee", true)) fr.fee_id = std::move(*v);
            if (auto v = fe.decimal("amount", true, Decimal::from_int(100000000))) fr.amount = *v;
            fe.children({}, [](std::string_view, pugi::xml_node) {});
            sr.fees.push_back(std::move(fr));
            return;
        }
        Element ie(r, c, indexed_path("/school/school-rules", "item", ++count), {"code", "article"});
        RuleItemEntry item;
        item.loc = ie.loc();
        auto code = ie.code("code", rule_items(), true);
        if (auto v = ie.text("article", false)) item.article = std::move(*v);
        if (!code) return;
        item.code = *code;
        if (const auto* first = sr.find(*code)) {
            ie.bad_value("code",
                         Text{"学則の事項 " + std::string(info(*code).code) + " が2回あります（最初: " +
                                  std::to_string(first->loc.line) + "行）",
                              "the school-rules item " + std::string(info(*code).code) + " is listed twice (first at line " +
                                  std::to_string(first->loc.line) + ")"},
                         Text{"事項ごとに <item> は1つ", "one <item> per item"});
            return;
        }
        sr.items.push_back(std::move(item));
    });
    school.school_rules = std::move(sr);
}

void load_teachers(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    Element e(r, n, "/school/teachers", {"attendance-recorded"});
    Teachers ts;
    ts.loc = e.loc();
    ts.attendance_recorded = e.boolean("attendance-recorded");
    ts.attendance_loc = e.at("attendance-recorded");
    std::size_t count = 0;
    e.children({"teacher"}, [&](std::string_view, pugi::xml_node c) { load_teacher(r, c, ts, st, ++count); });
    school.teachers = std::move(ts);
}

void load_students(Reader& r, pugi::xml_node n, School& school) {
    Element e(r, n, "/school/students",
              {"certificates-checked", "selection", "mid-year-admission", "transfers", "attendance-tracked",
               "poor-attendance-blocks-progression", "health-checks"});
    Students s;
    s.loc = e.loc();
    s.certificates_checked = e.boolean("certificates-checked");
    s.certificates_loc = e.at("certificates-checked");
    s.selection = e.codes("selection", selection_methods(), false);
    s.selection_loc = e.at("selection");
    s.mid_year_admission = e.boolean("mid-year-admission");
    s.mid_year_loc = e.at("mid-year-admission");
    s.transfers = e.code("transfers", transfer_policies(), false);
    s.transfers_loc = e.at("transfers");
    s.attendance_tracked = e.boolean("attendance-tracked");
    s.attendance_loc = e.at("attendance-tracked");
    s.poor_attendance_blocks_progression = e.boolean("poor-attendance-blocks-progression");
    s.blocks_loc = e.at("poor-attendance-blocks-progression");
    s.health_checks = e.boolean("health-checks");
    s.health_loc = e.at("health-checks");
    std::size_t intakes = 0, enrolments = 0;
    e.children({"intake", "enrolment"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "intake") load_intake(r, c, s, ++intakes);
        else load_enrolment(r, c, s, ++enrolments);
    });
    school.students = std::move(s);
}

void resolve_people(Reader& r, School& school, const LoadState& st) {
    if (school.teachers) {
        // Subject ids sorted (then by position, so the first of a repeated id
        // wins): one allocation, where a hash map allocates per subject.
        struct SubjectRef {
            std::string_view id;
            std::size_t course, subject;
            bool operator<(const SubjectRef& o) const {
                return std::tie(id, course, subject) < std::tie(o.id, o.course, o.subject);
            }
        };
        std::vector<SubjectRef> subjects;
        for (std::size_t ci = 0; ci < school.courses.size(); ++ci)
            for (std::size_t si = 0; si < school.courses[ci].subjects.size(); ++si)
                subjects.push_back(SubjectRef{school.courses[ci].subjects[si].id, ci, si});
        std::sort(subjects.begin(), subjects.end());
        for (auto& t : school.teachers->list)
            for (auto& tg : t.teaches) {
                auto it = std::lower_bound(subjects.begin(), subjects.end(), tg.subject_id,
                                           [](const SubjectRef& s, std::string_view id) { return s.id < id; });
                if (it != subjects.end() && it->id == tg.subject_id) {
                    tg.course_index = it->course;
                    tg.subject_index = it->subject;
                    continue;
                }
                const auto* other = st.ids.find(tg.subject_id);
                r.error(tg.loc,
                        xml::near_id(st.ids, tg.subject_id, other ? Text{"subject=\"" + tg.subject_id + "\" は科目ではなく " + other->kind + " の id です",
                                     "subject=\"" + tg.subject_id + "\" is the id of a " + other->kind + ", not a subject"}
                              : Text{"subject=\"" + tg.subject_id + "\" の科目がこのファイルにありません",
                                     "subject=\"" + tg.subject_id + "\" refers to no subject described in this file"}),
                        Text{"<subject id=\"…\"> のいずれか", "the id of a <subject>"});
            }
        // other-post/@same-facility: an accreditation of <one-facility> (§6(5) second sentence).
        for (auto& t : school.teachers->list)
            for (auto& p : t.other_posts) {
                if (p.same_facility.empty()) continue;
                bool found = false;
                if (school.one_facility)
                    for (std::size_t k = 0; k < school.one_facility->others.size(); ++k)
                        if (school.one_facility->others[k].id == p.same_facility) {
                            p.accreditation_index = k;
                            found = true;
                        }
                if (found) continue;
                Loc loc = p.loc;
                loc.path += "/@same-facility";
                r.error(loc,
                        Text{"same-facility=\"" + p.same_facility + "\" の認定が <one-facility> にありません",
                             "same-facility=\"" + p.same_facility + "\" refers to no <accreditation> of <one-facility> in this file"},
                        Text{"<one-facility><accreditation id=\"…\"> のいずれか", "the id of a <one-facility><accreditation>"});
            }
    }
    if (school.students) {
        for (auto& in : school.students->intakes) resolve_course(r, school, st, in, "intake");
        for (auto& en : school.students->enrolments) resolve_course(r, school, st, en, "enrolment");
    }
    if (school.school_rules) {
        for (auto& cr : school.school_rules->courses) resolve_course(r, school, st, cr, "course-rule");
        for (auto& fr : school.school_rules->fees) {
            bool found = false;
            if (school.finance)
                for (std::size_t i = 0; i < school.finance->fees.size() && !found; ++i)
                    if (school.finance->fees[i].id == fr.fee_id) {
                        fr.fee_index = i;
                        found = true;
                    }
            if (found) continue;
            Loc loc = fr.loc;
            loc.path += "/@fee";
            r.error(loc,
                    Text{"<fee-rule> の fee=\"" + fr.fee_id + "\" の生徒納付金（finance/fee）がこのファイルにありません",
                         "fee=\"" + fr.fee_id + "\" on <fee-rule> refers to no fee (finance/fee) described in this file"},
                    Text{"<finance> の <fee id=\"…\"> のいずれか", "the id of a <fee> of <finance>"});
        }
    }
}

}  // namespace ahaki::xml
