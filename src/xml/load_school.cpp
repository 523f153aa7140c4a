// <school>, its courses and curriculum, and the clinical sites they refer to.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "model/facility_codes.hpp"
#include "xml/school_sections.hpp"

namespace ahaki::xml {
namespace {

const Decimal max_units = Decimal::from_int(999);
const Decimal max_hours = Decimal::from_int(99999);

/// The spreadsheet origin `import` records on what it writes (sheet:cell in the
/// namespace urn:ahaki-check:sheet:1, schemas/school.xsd), so that findings on
/// a generated file can name the sheet row too. Control characters are dropped.
std::string sheet_origin(pugi::xml_node n) {
    for (pugi::xml_attribute a : n.attributes()) {
        std::string_view name = a.name();
        auto colon = name.find(':');
        if (colon == std::string_view::npos || name.substr(colon + 1) != "cell") continue;
        std::string decl = "xmlns:" + std::string(name.substr(0, colon));
        for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent())
            if (pugi::xml_attribute d = p.attribute(decl.c_str())) {
                if (std::string_view(d.value()) != "urn:ahaki-check:sheet:1") break;
                std::string v;
                for (char c : std::string_view(a.value()).substr(0, 512))
                    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) v += c;
                return v;
            }
    }
    return {};
}

void load_placement(Reader& r, pugi::xml_node n, Subject& subject, std::size_t index) {
    Element e(r, n, indexed_path(subject.loc.path, "placement", index), {"site", "units", "mode"});
    Placement p;
    p.loc = e.loc();
    if (auto s = e.text("site", true)) p.site_id = std::move(*s);
    if (auto u = e.decimal("units", true, max_units)) p.units = *u;
    p.mode = e.code("mode", placement_modes(), false);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    subject.placements.push_back(std::move(p));
}

void load_subject(Reader& r, pugi::xml_node n, Course& course, LoadState& st, std::size_t index) {
    Element e(r, n, id_path(course.loc.path, "subject", n, index),
              {"id", "name", "area", "method", "units", "hours", "year", "covers"});
    Subject s;
    auto id = e.registered_id(st.ids, "subject");
    s.loc = e.loc();
    s.loc.cell = sheet_origin(n);
    if (id) s.id = std::move(*id);
    if (auto v = e.text("name", true)) s.name = std::move(*v);
    if (auto v = e.code("area", areas(), true)) s.area = *v;
    if (auto v = e.code("method", methods(), true)) s.method = *v;
    if (auto v = e.decimal("units", true, max_units)) s.units = *v;
    if (auto v = e.decimal("hours", true, max_hours)) s.hours = *v;
    s.year = e.whole("year", false, 1, 20);
    if (auto v = e.codes("covers", contents(), false)) s.covers = std::move(*v);
    std::size_t placements = 0;
    e.children({"placement"}, [&](std::string_view, pugi::xml_node c) { load_placement(r, c, s, ++placements); });
    course.subjects.push_back(std::move(s));
}

void load_session(Reader& r, pugi::xml_node n, Timetable& t, std::size_t index) {
    Element e(r, n, indexed_path(t.loc.path, "session", index), {"days", "start", "end", "unavoidable", "reason"});
    Session s;
    s.loc = e.loc();
    if (auto v = e.codes("days", weekdays(), true)) s.days = std::move(*v);
    auto start = e.time("start", true);
    auto end = e.time("end", true);
    if (start) s.start = *start;
    if (end) s.end = *end;
    if (start && end && *end <= *start) {
        e.bad_value("end", Text{"終了時刻が開始時刻 " + start->str() + " 以前です", "the end is not after the start " + start->str()},
                    Text{"開始時刻より後の時刻", "a time after the start"});
    }
    if (auto v = e.boolean("unavoidable")) s.unavoidable = *v;
    if (auto v = e.text("reason", false)) s.reason = std::move(*v);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    t.sessions.push_back(std::move(s));
}

void load_timetable(Reader& r, pugi::xml_node n, Course& course) {
    Element e(r, n, concat({course.loc.path, "/timetable"}), {"weeks-per-year"});
    Timetable t;
    t.loc = e.loc();
    if (auto v = e.whole("weeks-per-year", true, 1, 53)) t.weeks_per_year = *v;
    std::size_t sessions = 0;
    e.children({"session"}, [&](std::string_view, pugi::xml_node c) { load_session(r, c, t, ++sessions); });
    if (sessions == 0)
        r.error(t.loc, Text{"<timetable> に <session> がありません", "<timetable> has no <session>"},
                Text{"1つ以上の <session>", "one or more <session> elements"});
    course.timetable = std::move(t);
}

void resolve_placements(Reader& r, School& school, const LoadState& st) {
    // Site ids -> first index, so a large file costs placements + sites, not their product.
    std::unordered_map<std::string_view, std::size_t> site_index;
    if (school.sites)
        for (std::size_t i = 0; i < school.sites->size(); ++i) site_index.try_emplace((*school.sites)[i].id, i);
    for (auto& c : school.courses)
        for (auto& s : c.subjects)
            for (auto& p : s.placements) {
                if (p.site_id.empty()) continue;
                if (auto it = site_index.find(p.site_id); it != site_index.end()) {
                    p.site_index = it->second;
                    continue;
                }
                const auto* other = st.ids.find(p.site_id);
                Loc loc = p.loc;
                loc.path += "/@site";
                r.error(loc,
                        xml::near_id(st.ids, p.site_id, other ? Text{"site=\"" + p.site_id + "\" は臨床実習施設ではなく " + other->kind + " の id です",
                                     "site=\"" + p.site_id + "\" is the id of a " + other->kind + ", not a clinical site"}
                              : Text{"site=\"" + p.site_id + "\" の臨床実習施設がこのファイルにありません",
                                     "site=\"" + p.site_id + "\" refers to no clinical site described in this file"}),
                        Text{"<clinical-sites> の <site id=\"…\"> のいずれか",
                             "the id of a <site> in <clinical-sites>"});
            }
}

}  // namespace

void load_course(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    Element e(r, n, id_path("/school", "course", n, school.courses.size() + 1),
              {"id", "schedule", "years", "visually-impaired", "intake", "credit-transfer-units"});
    auto id = e.registered_id(st.ids, "course");
    Course c;
    c.loc = e.loc();
    c.loc.cell = sheet_origin(n);
    if (id) c.id = std::move(*id);
    if (auto v = e.code("schedule", schedules(), true)) c.schedule = *v;
    if (auto v = e.whole("years", true, 1, 20)) c.years = *v;
    if (auto v = e.boolean("visually-impaired")) c.visually_impaired = *v;
    c.intake = e.date("intake", false);
    c.credit_transfer_units = e.decimal("credit-transfer-units", false, max_units);
    c.credit_transfer_loc = e.at("credit-transfer-units");
    bool have_timetable = false;
    std::size_t subjects = 0;
    e.children({"subject", "timetable"}, [&](std::string_view name, pugi::xml_node child) {
        if (name == "subject") {
            load_subject(r, child, c, st, ++subjects);
        } else {
            if (have_timetable) {
                r.error(r.at(child), Text{"<timetable> が2つあります", "a second <timetable>"},
                        Text{"課程ごとに <timetable> は1つ", "at most one <timetable> per course"});
                return;
            }
            have_timetable = true;
            load_timetable(r, child, c);
        }
    });
    school.courses.push_back(std::move(c));
}

void load_clinical_sites(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    Element e(r, n, "/school/clinical-sites", {});
    std::vector<Site> sites;
    std::size_t count = 0;
    e.children({"site"}, [&](std::string_view, pugi::xml_node c) { load_site(r, c, sites, st, ++count); });
    school.sites = std::move(sites);
}

void load_school_element(Reader& r, pugi::xml_node root, School& school) {
    Element e(r, root, "/school", {"name", "type"});
    school.loc = e.loc();
    if (auto v = e.text("name", true)) school.name = std::move(*v);
    if (auto v = e.code("type", facility_types(), true)) school.type = *v;
    LoadState st;
    bool have_sites = false;
    std::vector<std::string_view> seen_once;  // sections that may appear at most once
    auto once = [&](std::string_view name, pugi::xml_node c) {
        for (auto s : seen_once)
            if (s == name) {
                std::string tag("<");
                tag.append(name).append(">");
                r.error(r.at(c), Text{tag + " が2つあります", "a second " + tag}, Text{tag + " は1つ", "a single " + tag});
                return false;
            }
        seen_once.push_back(name);
        return true;
    };
    e.children({"course", "clinical-sites", "founder", "school-rules", "teachers", "students", "premises", "equipment",
                "finance", "records", "procedure", "one-facility"},
               [&](std::string_view name, pugi::xml_node c) {
        if (load_facility_section(r, name, c, school, st)) {
            // premises, equipment, finance, records, procedure: xml/load_facility.cpp
        } else if (name == "founder") {
            if (once(name, c)) load_founder(r, c, school);
        } else if (name == "school-rules") {
            if (once(name, c)) load_school_rules(r, c, school);
        } else if (name == "teachers") {
            if (once(name, c)) load_teachers(r, c, school, st);
        } else if (name == "students") {
            if (once(name, c)) load_students(r, c, school);
        } else if (name == "one-facility") {
            if (once(name, c)) load_one_facility(r, c, school, st);
        } else if (name == "course") {
            load_course(r, c, school, st);
        } else if (name == "clinical-sites") {
            if (have_sites) {
                r.error(r.at(c), Text{"<clinical-sites> が2つあります", "a second <clinical-sites>"},
                        Text{"<clinical-sites> は1つ", "a single <clinical-sites>"});
                return;
            }
            have_sites = true;
            load_clinical_sites(r, c, school, st);
        }
    });
    if (school.courses.empty() && r.error_count() == 0)
        r.error(school.loc, Text{"<course> がありません", "the school has no <course>"},
                Text{"1つ以上の <course>", "one or more <course> elements"});
    resolve_placements(r, school, st);
    resolve_people(r, school, st);
}

}  // namespace ahaki::xml
