// The facility sections of <school>: clinical-site details (§9), premises and
// equipment (§10), finance (§11), records (§12) and procedure dates (§1–§3, §13).
#include <string>

#include "model/facility_codes.hpp"
#include "xml/school_sections.hpp"

namespace ahaki::xml {
namespace {

const Decimal max_per_day = Decimal::from_int(10000);
const Decimal max_quantity = Decimal::from_int(1000000);
const Decimal max_amount = Decimal::from_int(1000000000);
constexpr int max_retention_years = 100;

/// Reports `end` before `start` on the element that holds both dates.
void check_order(Element& e, const std::optional<Date>& start, std::string_view start_name, const std::optional<Date>& end,
                 std::string_view end_name) {
    if (!start || !end || *end >= *start) return;
    e.bad_value(end_name,
                Text{std::string(end_name) + " が " + std::string(start_name) + "（" + start->str() + "）より前です",
                     std::string(end_name) + " is before " + std::string(start_name) + " (" + start->str() + ")"},
                Text{std::string(start_name) + " 以後の日付", "a date on or after " + std::string(start_name)});
}

void second(Reader& r, pugi::xml_node n, std::string_view element, std::string_view parent) {
    // Built with append(): GCC 12 misreports -Wrestrict on chained operator+ here.
    std::string tag("<");
    tag.append(element).append(">");
    std::string in("<");
    in.append(parent).append(">");
    r.error(r.at(n), Text{tag + " が2つあります", "a second " + tag},
            Text{in + " に " + tag + " は1つまで", "at most one " + tag + " in " + in});
}

// ---------------------------------------------------------------- sites

void load_supervisor(Reader& r, pugi::xml_node n, Site& site, std::size_t index) {
    Element e(r, n, indexed_path(site.loc.path, "supervisor", index),
              {"name", "teacher-qualified", "practice-years", "practice-since", "course-completed"});
    Supervisor s;
    s.loc = e.loc();
    if (auto v = e.text("name", true)) s.name = std::move(*v);
    s.teacher_qualified = e.boolean("teacher-qualified");
    s.practice_years = e.whole("practice-years", false, 0, 80);
    s.practice_since = e.date("practice-since", false);
    s.course_completed = e.date("course-completed", false);
    site.details.supervisors.push_back(std::move(s));
}

void load_patients(Reader& r, pugi::xml_node n, Site& site) {
    if (site.details.patients) return second(r, n, "patients", "site");
    Element e(r, n, concat({site.loc.path, "/patients"}), {"per-day", "from", "to"});
    auto per_day = e.decimal("per-day", true, max_per_day);
    auto from = e.date("from", true);
    auto to = e.date("to", true);
    check_order(e, from, "from", to, "to");
    if (per_day && from && to && *to >= *from) site.details.patients = PatientFigure{*per_day, *from, *to, e.loc()};
    else site.details.patients = PatientFigure{{}, {}, {}, e.loc()};  // errors reported; the file will not be checked
}

void load_sanction(Reader& r, pugi::xml_node n, Site& site, std::size_t index) {
    Element e(r, n, indexed_path(site.loc.path, "sanction", index), {"kind", "date"});
    Sanction s;
    s.loc = e.loc();
    if (auto v = e.text("kind", true)) s.kind = std::move(*v);
    s.date = e.date("date", false);
    site.details.sanctions.push_back(std::move(s));
}

void load_treatment_records(Reader& r, pugi::xml_node n, Site& site) {
    if (site.details.treatment_records) return second(r, n, "treatment-records", "site");
    Element e(r, n, concat({site.loc.path, "/treatment-records"}), {"retention-years", "counted-from"});
    TreatmentRecords t;
    t.loc = e.loc();
    if (auto v = e.whole("retention-years", true, 1, max_retention_years)) t.retention_years = *v;
    if (auto v = e.code("counted-from", retention_starts(), true)) t.counted_from = *v;
    site.details.treatment_records = t;
}

// ---------------------------------------------------------------- premises

void load_practice_room(Reader& r, pugi::xml_node n, Premises& p, LoadState& st, std::size_t index) {
    Element e(r, n, id_path(p.loc.path, "practice-room", n, index), {"id", "name", "water", "hot-water", "group-layout"});
    PracticeRoom room;
    room.loc = e.loc();
    if (auto id = e.registered_id(st.ids, "practice-room")) room.id = std::move(*id);
    if (auto v = e.text("name", true)) room.name = std::move(*v);
    room.water = e.boolean("water");
    room.hot_water = e.boolean("hot-water");
    room.group_layout = e.boolean("group-layout");
    p.practice_rooms.push_back(std::move(room));
}

void load_premises(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    if (school.premises) return second(r, n, "premises", "school");
    Premises p;
    Element e(r, n, "/school/premises", {"ownership", "lease-start", "lease-end", "shared-use", "shared-use-note"});
    p.loc = e.loc();
    p.ownership = e.code("ownership", ownerships(), true);
    p.lease_start = e.date("lease-start", false);
    p.lease_end = e.date("lease-end", false);
    check_order(e, p.lease_start, "lease-start", p.lease_end, "lease-end");
    p.shared_use = e.boolean("shared-use");
    if (auto v = e.text("shared-use-note", false)) p.shared_use_note = std::move(*v);
    std::size_t rooms = 0;
    e.children({"library", "practice-room"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "practice-room") return load_practice_room(r, c, p, st, ++rooms);
        if (p.library) return second(r, c, "library", "premises");
        Element l(r, c, concat({p.loc.path, "/library"}), {"name"});
        p.library = true;
        p.library_loc = l.loc();
        if (auto v = l.text("name", false)) p.library_name = std::move(*v);
    });
    school.premises = std::move(p);
}

// ---------------------------------------------------------------- equipment

void load_equipment(Reader& r, pugi::xml_node n, School& school) {
    if (school.equipment) return second(r, n, "equipment", "school");
    Equipment eq;
    Element e(r, n, "/school/equipment", {});
    eq.loc = e.loc();
    std::size_t count = 0;
    e.children({"item"}, [&](std::string_view, pugi::xml_node c) {
        Element i(r, c, indexed_path(eq.loc.path, "item", ++count), {"code", "name", "quantity"});
        EquipmentItem item;
        item.loc = i.loc();
        if (auto v = i.id("code")) item.code = std::move(*v);
        if (auto v = i.text("name", true)) item.name = std::move(*v);
        if (auto v = i.decimal("quantity", true, max_quantity)) item.quantity = *v;
        eq.items.push_back(std::move(item));
    });
    school.equipment = std::move(eq);
}

// ---------------------------------------------------------------- finance

void load_finance(Reader& r, pugi::xml_node n, School& school, LoadState& st) {
    if (school.finance) return second(r, n, "finance", "school");
    Finance f;
    Element e(r, n, "/school/finance", {"sound", "evidence", "separate-accounts", "other-fees"});
    f.loc = e.loc();
    f.sound = e.boolean("sound");
    if (auto v = e.text("evidence", false)) f.evidence = std::move(*v);
    f.separate_accounts = e.boolean("separate-accounts");
    f.other_fees = e.boolean("other-fees");
    std::size_t fees = 0, changes = 0;
    e.children({"fee", "fee-change"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "fee") {
            Element x(r, c, id_path(f.loc.path, "fee", c, ++fees), {"id", "name", "amount", "in-school-rules"});
            Fee fee;
            fee.loc = x.loc();
            if (auto id = x.registered_id(st.ids, "fee")) fee.id = std::move(*id);
            if (auto v = x.text("name", true)) fee.name = std::move(*v);
            if (auto v = x.decimal("amount", true, max_amount)) fee.amount = *v;
            fee.in_school_rules = x.boolean("in-school-rules");
            f.fees.push_back(std::move(fee));
            return;
        }
        Element x(r, c, indexed_path(f.loc.path, "fee-change", ++changes),
                  {"fee", "amount", "effective", "plan-submitted", "plan-without-change", "plan-with-change"});
        FeeChange ch;
        ch.loc = x.loc();
        if (auto v = x.text("fee", true)) ch.fee_id = std::move(*v);
        if (auto v = x.decimal("amount", true, max_amount)) ch.new_amount = *v;
        if (auto v = x.date("effective", true)) ch.effective = *v;
        ch.plan_submitted = x.date("plan-submitted", false);
        ch.plan_without_change = x.boolean("plan-without-change");
        ch.plan_with_change = x.boolean("plan-with-change");
        f.changes.push_back(std::move(ch));
    });
    // A fee change names a fee of the same section (new fees are listed with their new amount).
    for (auto& ch : f.changes) {
        if (ch.fee_id.empty()) continue;
        bool found = false;
        for (std::size_t i = 0; i < f.fees.size() && !found; ++i)
            if (f.fees[i].id == ch.fee_id) {
                ch.fee_index = i;
                found = true;
            }
        if (found) continue;
        Loc loc = ch.loc;
        loc.path += "/@fee";
        r.error(loc,
                Text{"fee=\"" + ch.fee_id + "\" の納付金が <finance> にありません",
                     "fee=\"" + ch.fee_id + "\" refers to no <fee> in <finance>"},
                Text{"<finance> の <fee id=\"…\"> のいずれか", "the id of a <fee> in <finance>"});
    }
    school.finance = std::move(f);
}

// ---------------------------------------------------------------- records

void load_records(Reader& r, pugi::xml_node n, School& school) {
    if (school.records) return second(r, n, "records", "school");
    Records rec;
    Element e(r, n, "/school/records", {});
    rec.loc = e.loc();
    std::size_t count = 0;
    e.children({"record"}, [&](std::string_view, pugi::xml_node c) {
        Element x(r, c, indexed_path(rec.loc.path, "record", ++count), {"kind", "retention-years"});
        RecordBook b;
        b.loc = x.loc();
        auto kind = x.code("kind", record_kinds(), true);
        auto years = x.whole("retention-years", true, 1, max_retention_years);
        if (kind) b.kind = *kind;
        if (years) b.retention_years = *years;
        if (!kind) return;
        for (const auto& other : rec.books)
            if (other.kind == b.kind) {
                x.bad_value("kind", Text{"同じ表簿が2回書かれています（" + std::to_string(other.loc.line) + "行目）",
                                         "this record is listed twice (line " + std::to_string(other.loc.line) + ")"},
                            Text{"表簿ごとに <record> は1つ", "one <record> per kind"});
                return;
            }
        rec.books.push_back(std::move(b));
    });
    school.records = std::move(rec);
}

// ---------------------------------------------------------------- procedure

void load_campaign(Reader& r, pugi::xml_node n, std::string_view element, std::vector<Campaign>& out,
                   const std::string& parent) {
    Element e(r, n, indexed_path(parent, element, out.size() + 1), {"start", "label"});
    Campaign c;
    c.loc = e.loc();
    if (auto v = e.date("start", true)) c.start = *v;
    if (auto v = e.code("label", ad_labels(), true)) c.label = *v;
    out.push_back(c);
}

void load_procedure(Reader& r, pugi::xml_node n, School& school) {
    if (school.procedure) return second(r, n, "procedure", "school");
    Procedure p;
    Element e(r, n, "/school/procedure",
              {"addressed-to", "prefecture", "planned-start", "plan-submitted", "plan-accepted", "application-submitted",
               "application-accepted"});
    p.loc = e.loc();
    p.addressed_to = e.code("addressed-to", authorities(), false);
    if (auto v = e.text("prefecture", false)) p.prefecture = std::move(*v);
    p.planned_start = e.date("planned-start", false);
    p.plan_submitted = e.date("plan-submitted", false);
    p.plan_accepted = e.date("plan-accepted", false);
    p.application_submitted = e.date("application-submitted", false);
    p.application_accepted = e.date("application-accepted", false);
    check_order(e, p.plan_submitted, "plan-submitted", p.plan_accepted, "plan-accepted");
    check_order(e, p.application_submitted, "application-submitted", p.application_accepted, "application-accepted");
    std::size_t increases = 0, opinions = 0;
    e.children({"capacity-increase", "advertising", "recruitment", "opinion-letter"},
               [&](std::string_view name, pugi::xml_node c) {
                   if (name == "advertising") return load_campaign(r, c, name, p.advertising, p.loc.path);
                   if (name == "recruitment") return load_campaign(r, c, name, p.recruitment, p.loc.path);
                   if (name == "capacity-increase") {
                       Element x(r, c, indexed_path(p.loc.path, name, ++increases),
                                 {"effective", "plan-submitted", "application-submitted"});
                       CapacityIncrease ci;
                       ci.loc = x.loc();
                       if (auto v = x.date("effective", true)) ci.effective = *v;
                       ci.plan_submitted = x.date("plan-submitted", false);
                       ci.application_submitted = x.date("application-submitted", false);
                       p.capacity_increases.push_back(ci);
                       return;
                   }
                   Element x(r, c, indexed_path(p.loc.path, name, ++opinions), {"body", "name"});
                   OpinionLetter o;
                   o.loc = x.loc();
                   if (auto v = x.code("body", opinion_bodies(), true)) o.body = *v;
                   if (auto v = x.text("name", false)) o.name = std::move(*v);
                   p.opinions.push_back(std::move(o));
               });
    school.procedure = std::move(p);
}

}  // namespace

void load_site(Reader& r, pugi::xml_node n, std::vector<Site>& sites, LoadState& st, std::size_t index) {
    Element e(r, n, id_path("/school/clinical-sites", "site", n, index),
              {"id", "name", "kind", "opened", "address", "registration", "established-by-school",
               "supervised-by-teachers", "attainment-goals", "facilities-usable", "opener-sanctioned", "written-consent",
               "claims-insurance"});
    auto id = e.registered_id(st.ids, "site");
    Site s;
    s.loc = e.loc();
    if (id) s.id = std::move(*id);
    if (auto v = e.text("name", true)) s.name = std::move(*v);
    if (auto v = e.code("kind", site_kinds(), true)) s.kind = *v;
    SiteDetails& d = s.details;
    d.opened = e.date("opened", false);
    if (auto v = e.text("address", false)) d.address = std::move(*v);
    if (auto v = e.text("registration", false)) d.registration = std::move(*v);
    d.established_by_school = e.boolean("established-by-school");
    d.supervised_by_teachers = e.boolean("supervised-by-teachers");
    d.attainment_goals = e.boolean("attainment-goals");
    d.facilities_usable = e.boolean("facilities-usable");
    d.opener_sanctioned = e.boolean("opener-sanctioned");
    d.written_consent = e.boolean("written-consent");
    d.claims_insurance = e.boolean("claims-insurance");
    std::size_t supervisors = 0, sanctions = 0;
    e.children({"supervisor", "patients", "sanction", "treatment-records"}, [&](std::string_view name, pugi::xml_node c) {
        if (name == "supervisor") load_supervisor(r, c, s, ++supervisors);
        else if (name == "patients") load_patients(r, c, s);
        else if (name == "sanction") load_sanction(r, c, s, ++sanctions);
        else load_treatment_records(r, c, s);
    });
    sites.push_back(std::move(s));
}

bool load_facility_section(Reader& r, std::string_view name, pugi::xml_node n, School& school, LoadState& st) {
    if (name == "premises") load_premises(r, n, school, st);
    else if (name == "equipment") load_equipment(r, n, school);
    else if (name == "finance") load_finance(r, n, school, st);
    else if (name == "records") load_records(r, n, school);
    else if (name == "procedure") load_procedure(r, n, school);
    else return false;
    return true;
}

}  // namespace ahaki::xml
