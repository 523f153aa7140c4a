#include "engine/diff.hpp"

#include <map>
#include <set>

#include "import/names.hpp"
#include "rules/format.hpp"

namespace ahaki {

std::string_view diff_what_code(DiffItem::What w) {
    switch (w) {
        case DiffItem::What::teacher: return "teacher";
        case DiffItem::What::subject: return "subject";
        case DiffItem::What::course: return "course";
        case DiffItem::What::intake: return "intake";
        case DiffItem::What::site: return "site";
        case DiffItem::What::finding: return "finding";
    }
    return "finding";
}

std::string_view diff_change_code(DiffItem::Change c) {
    switch (c) {
        case DiffItem::Change::added: return "added";
        case DiffItem::Change::removed: return "removed";
        case DiffItem::Change::changed: return "changed";
    }
    return "changed";
}

namespace {

/// Built member by member (GCC 12 warns falsely (-Wmaybe-uninitialized) on braced aggregates with Loc{}).
DiffItem item(DiffItem::What what, DiffItem::Change change, std::string key, std::string name, std::vector<Text> details,
              const Loc* old_loc, const Loc* new_loc) {
    DiffItem d;
    d.what = what;
    d.change = change;
    d.key = std::move(key);
    d.name = std::move(name);
    d.details = std::move(details);
    if (old_loc) d.old_loc = *old_loc;
    if (new_loc) d.new_loc = *new_loc;
    return d;
}

Text arrow(const Text& what, const std::string& a, const std::string& b) {
    return Text{what.ja + " " + a + "→" + b, what.en + " " + a + " → " + b};
}

std::string qualification_text(const Qualification& q, Lang L) {
    std::string s(L == Lang::ja ? info(q.code).ja : info(q.code).en);
    if (!q.number.empty()) s += " " + q.number;
    return s;
}

std::string join(const std::set<std::string>& v, Lang L) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : L == Lang::ja ? "、" : ", ") + x;
    return s.empty() ? (L == Lang::ja ? "なし" : "none") : s;
}

/// The names of the subjects a teacher teaches ("course/subject" ids resolve to names).
std::set<std::string> subjects_of(const School& s, const Teacher& t) {
    std::set<std::string> out;
    for (const auto& te : t.teaches)
        if (te.course_index < s.courses.size() && te.subject_index < s.courses[te.course_index].subjects.size())
            out.insert(s.courses[te.course_index].subjects[te.subject_index].name);
        else
            out.insert(te.subject_id);
    return out;
}

void diff_teachers(const School& a, const School& b, Lang L, std::vector<DiffItem>& out) {
    std::vector<Teacher> none;
    const auto& ta = a.teachers ? a.teachers->list : none;
    const auto& tb = b.teachers ? b.teachers->list : none;
    auto find = [](const std::vector<Teacher>& list, const Teacher& t) -> const Teacher* {
        for (const auto& x : list)
            if (x.id == t.id) return &x;
        for (const auto& x : list)
            if (x.name == t.name) return &x;
        return nullptr;
    };
    for (const auto& t : tb) {
        const Teacher* old = find(ta, t);
        DiffItem d;
        d.what = DiffItem::What::teacher;
        d.key = t.id;
        d.name = t.name;
        d.reverify = true;
        d.new_loc = t.loc;
        if (!old) {
            d.change = DiffItem::Change::added;
            std::set<std::string> q;
            for (const auto& x : t.qualifications) q.insert(qualification_text(x, L));
            d.details.push_back(Text{std::string("雇用 ") + std::string(info(t.employment).ja) + "、資格 " + join(q, Lang::ja) + "、担当 " + join(subjects_of(b, t), Lang::ja),
                                     "employment " + std::string(info(t.employment).en) + ", qualifications " + join(q, Lang::en) + ", teaches " + join(subjects_of(b, t), Lang::en)});
            out.push_back(std::move(d));
            continue;
        }
        d.old_loc = old->loc;
        if (old->employment != t.employment)
            d.details.push_back(Text{"雇用 " + std::string(info(old->employment).ja) + "→" + std::string(info(t.employment).ja),
                                     "employment " + std::string(info(old->employment).en) + " → " + std::string(info(t.employment).en)});
        std::set<std::string> qa_ja, qb_ja, qa_en, qb_en;
        for (const auto& x : old->qualifications) qa_ja.insert(qualification_text(x, Lang::ja)), qa_en.insert(qualification_text(x, Lang::en));
        for (const auto& x : t.qualifications) qb_ja.insert(qualification_text(x, Lang::ja)), qb_en.insert(qualification_text(x, Lang::en));
        if (qa_ja != qb_ja) d.details.push_back(Text{"資格 " + join(qa_ja, Lang::ja) + "→" + join(qb_ja, Lang::ja), "qualifications " + join(qa_en, Lang::en) + " → " + join(qb_en, Lang::en)});
        auto sa = subjects_of(a, *old), sb = subjects_of(b, t);
        if (sa != sb) {
            std::set<std::string> gained, dropped;
            for (const auto& x : sb) if (!sa.count(x)) gained.insert(x);
            for (const auto& x : sa) if (!sb.count(x)) dropped.insert(x);
            if (!gained.empty()) d.details.push_back(Text{"担当に追加 " + join(gained, Lang::ja), "now teaches " + join(gained, Lang::en)});
            if (!dropped.empty()) d.details.push_back(Text{"担当から外れた " + join(dropped, Lang::ja), "no longer teaches " + join(dropped, Lang::en)});
        }
        if (old->name != t.name) d.details.push_back(Text{"氏名 " + old->name + "→" + t.name, "name " + old->name + " → " + t.name});
        if (d.details.empty()) continue;
        d.change = DiffItem::Change::changed;
        out.push_back(std::move(d));
    }
    for (const auto& t : ta)
        if (!find(tb, t)) {
            DiffItem d;
            d.what = DiffItem::What::teacher;
            d.change = DiffItem::Change::removed;
            d.key = t.id;
            d.name = t.name;
            d.reverify = true;
            d.old_loc = t.loc;
            out.push_back(std::move(d));
        }
}

void diff_courses(const School& a, const School& b, std::vector<DiffItem>& out) {
    for (const auto& cb : b.courses) {
        const Course* ca = nullptr;
        for (const auto& c : a.courses)
            if (c.id == cb.id) ca = &c;
        if (!ca) {
            out.push_back(item(DiffItem::What::course, DiffItem::Change::added, cb.id, cb.id, {}, nullptr, &cb.loc));
            continue;
        }
        DiffItem d = item(DiffItem::What::course, DiffItem::Change::changed, cb.id, cb.id, {}, &ca->loc, &cb.loc);
        if (ca->years != cb.years) d.details.push_back(arrow({"修業年限", "years"}, std::to_string(ca->years), std::to_string(cb.years)));
        if (ca->schedule != cb.schedule)
            d.details.push_back(Text{"課程 " + std::string(info(ca->schedule).ja) + "→" + std::string(info(cb.schedule).ja),
                                     "schedule " + std::string(info(ca->schedule).en) + " → " + std::string(info(cb.schedule).en)});
        auto date = [](const std::optional<Date>& x) { return x ? x->str() : std::string("-"); };
        if (ca->intake != cb.intake) d.details.push_back(arrow({"入学時期", "intake"}, date(ca->intake), date(cb.intake)));
        if (!d.details.empty()) out.push_back(d);
        // Subjects by id (else by name).
        auto find = [](const Course& c, const Subject& s) -> const Subject* {
            for (const auto& x : c.subjects)
                if (x.id == s.id) return &x;
            for (const auto& x : c.subjects)
                if (x.name == s.name) return &x;
            return nullptr;
        };
        for (const auto& s : cb.subjects) {
            const Subject* o = find(*ca, s);
            DiffItem e = item(DiffItem::What::subject, DiffItem::Change::added, cb.id + "/" + s.id, s.name, {}, nullptr, &s.loc);
            if (!o) {
                e.details.push_back(Text{std::string(import::area_label(s.area, b.type)) + "、" + std::string(info(s.method).ja) + "、" + fmt::num(s.units) + "単位、" + fmt::num(s.hours) + "時間",
                                         std::string(info(s.area).en) + ", " + std::string(info(s.method).en) + ", " + fmt::num(s.units) + " units, " + fmt::num(s.hours) + " hours"});
                out.push_back(std::move(e));
                continue;
            }
            e.change = DiffItem::Change::changed;
            e.old_loc = o->loc;
            if (o->units != s.units) e.details.push_back(arrow({"単位数", "units"}, fmt::num(o->units), fmt::num(s.units)));
            if (o->hours != s.hours) e.details.push_back(arrow({"時間数", "hours"}, fmt::num(o->hours), fmt::num(s.hours)));
            if (o->method != s.method)
                e.details.push_back(Text{"授業方法 " + std::string(info(o->method).ja) + "→" + std::string(info(s.method).ja),
                                         "method " + std::string(info(o->method).en) + " → " + std::string(info(s.method).en)});
            if (o->area != s.area)
                e.details.push_back(Text{"教育内容 " + std::string(import::area_label(o->area, a.type)) + "→" + std::string(import::area_label(s.area, b.type)),
                                         "area " + std::string(info(o->area).en) + " → " + std::string(info(s.area).en)});
            if (o->year != s.year)
                e.details.push_back(arrow({"配当年次", "year"}, o->year ? std::to_string(*o->year) : "-", s.year ? std::to_string(*s.year) : "-"));
            if (o->name != s.name) e.details.push_back(Text{"科目名 " + o->name + "→" + s.name, "name " + o->name + " → " + s.name});
            if (!e.details.empty()) out.push_back(std::move(e));
        }
        for (const auto& s : ca->subjects)
            if (!find(cb, s)) out.push_back(item(DiffItem::What::subject, DiffItem::Change::removed, ca->id + "/" + s.id, s.name, {}, &s.loc, nullptr));
    }
    for (const auto& ca : a.courses) {
        bool kept = false;
        for (const auto& c : b.courses) kept = kept || c.id == ca.id;
        if (!kept) out.push_back(item(DiffItem::What::course, DiffItem::Change::removed, ca.id, ca.id, {}, &ca.loc, nullptr));
    }
}

void diff_intake_and_sites(const School& a, const School& b, std::vector<DiffItem>& out) {
    std::map<std::string, const Intake*> ia, ib;
    if (a.students) for (const auto& i : a.students->intakes) ia[i.course_id] = &i;
    if (b.students) for (const auto& i : b.students->intakes) ib[i.course_id] = &i;
    auto classes = [](const Intake* i) { return i && i->classes ? std::to_string(*i->classes) : std::string("-"); };
    for (const auto& [id, i] : ib) {
        auto it = ia.find(id);
        if (it == ia.end()) {
            out.push_back(item(DiffItem::What::intake, DiffItem::Change::added, id, id, {arrow({"定員", "capacity"}, "-", std::to_string(i->capacity))}, nullptr, &i->loc));
        } else if (it->second->capacity != i->capacity || it->second->classes != i->classes) {
            DiffItem d = item(DiffItem::What::intake, DiffItem::Change::changed, id, id, {}, &it->second->loc, &i->loc);
            if (it->second->capacity != i->capacity) d.details.push_back(arrow({"1学年の定員", "intake per year"}, std::to_string(it->second->capacity), std::to_string(i->capacity)));
            if (it->second->classes != i->classes) d.details.push_back(arrow({"学級数", "classes"}, classes(it->second), classes(i)));
            out.push_back(std::move(d));
        }
    }
    for (const auto& [id, i] : ia)
        if (!ib.count(id)) out.push_back(item(DiffItem::What::intake, DiffItem::Change::removed, id, id, {}, &i->loc, nullptr));

    std::vector<Site> none;
    const auto& sa = a.sites ? *a.sites : none;
    const auto& sb = b.sites ? *b.sites : none;
    for (const auto& s : sb) {
        const Site* o = nullptr;
        for (const auto& x : sa)
            if (x.id == s.id) o = &x;
        if (!o) {
            out.push_back(item(DiffItem::What::site, DiffItem::Change::added, s.id, s.name, {Text{std::string(info(s.kind).ja), std::string(info(s.kind).en)}}, nullptr, &s.loc));
            continue;
        }
        DiffItem d = item(DiffItem::What::site, DiffItem::Change::changed, s.id, s.name, {}, &o->loc, &s.loc);
        if (o->name != s.name) d.details.push_back(Text{"名称 " + o->name + "→" + s.name, "name " + o->name + " → " + s.name});
        if (o->kind != s.kind)
            d.details.push_back(Text{"種類 " + std::string(info(o->kind).ja) + "→" + std::string(info(s.kind).ja),
                                     "kind " + std::string(info(o->kind).en) + " → " + std::string(info(s.kind).en)});
        if (!d.details.empty()) out.push_back(std::move(d));
    }
    for (const auto& s : sa) {
        bool kept = false;
        for (const auto& x : sb) kept = kept || x.id == s.id;
        if (!kept) out.push_back(item(DiffItem::What::site, DiffItem::Change::removed, s.id, s.name, {}, &s.loc, nullptr));
    }
}

void diff_findings(const FileReport& a, const FileReport& b, Lang L, std::vector<DiffItem>& out) {
    // A finding is the same when its rule, scope and message (in Japanese, the language of record) are.
    auto keys = [](const FileReport& r) {
        std::map<std::string, std::pair<const Outcome*, const Finding*>> m;
        for (const auto& o : r.outcomes)
            for (const auto& f : o.findings) m.emplace(f.rule_id + "\x1f" + o.scope + "\x1f" + f.message.ja, std::pair{&o, &f});
        return m;
    };
    auto ka = keys(a), kb = keys(b);
    for (const auto& [k, of] : kb)
        if (!ka.count(k))
            out.push_back(item(DiffItem::What::finding, DiffItem::Change::added, of.second->rule_id + (of.first->scope.empty() ? "" : " " + of.first->scope), of.second->message.in(L), {severity_text(of.second->severity)}, nullptr, &of.second->loc));
    for (const auto& [k, of] : ka)
        if (!kb.count(k))
            out.push_back(item(DiffItem::What::finding, DiffItem::Change::removed, of.second->rule_id + (of.first->scope.empty() ? "" : " " + of.first->scope), of.second->message.in(L), {severity_text(of.second->severity)}, &of.second->loc, nullptr));
}

}  // namespace

std::vector<DiffItem> diff_reports(const FileReport& old_report, const FileReport& new_report, Lang L) {
    std::vector<DiffItem> out;
    if (old_report.school && new_report.school) {
        diff_teachers(*old_report.school, *new_report.school, L, out);
        diff_courses(*old_report.school, *new_report.school, out);
        diff_intake_and_sites(*old_report.school, *new_report.school, out);
    }
    diff_findings(old_report, new_report, L, out);
    return out;
}

}  // namespace ahaki
