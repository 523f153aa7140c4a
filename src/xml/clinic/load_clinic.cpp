// <clinic>: patients, consents, visits, ends, claims, and what the clinic records.
#include "xml/clinic/load_clinic.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <unordered_map>

#include "model/wareki.hpp"
#include "xml/reader.hpp"

namespace ahaki {
namespace {

using namespace clinic;
using xml::Element;
using xml::Reader;

const Text date_expected{"実在する日付: YYYY-MM-DD（例 2024-10-16）または和暦（例 令和6年10月16日、R6.10.16）",
                         "an existing date: YYYY-MM-DD (e.g. 2024-10-16) or a Japanese era date (e.g. 令和6年10月16日, R6.10.16)"};
const Text month_expected{"年月: YYYY-MM（例 2024-10）または和暦（例 令和6年10月）",
                          "a month: YYYY-MM (e.g. 2024-10) or a Japanese era month (e.g. 令和6年10月)"};
const Text yen_expected{"0以上の整数の円（半角数字、単位や桁区切りなし）", "a whole number of yen, 0 or more (ASCII digits, no unit or separators)"};
constexpr int max_yen = 99999999;

struct State {
    xml::IdRegistry ids;
    Clinic* clinic = nullptr;
};

/// A date as clinics write it: ISO or 和暦; an old era after its end is read as the new era (and remembered).
std::optional<Date> date_of(Element& e, std::string_view name, bool required, State& st) {
    if (!e.has(name)) {
        if (required) e.missing(name, date_expected);
        return std::nullopt;
    }
    auto raw = e.text(name, required);
    if (!raw) return std::nullopt;
    if (raw->empty()) {
        e.bad_value(name, {"値が空です", "the value is empty"}, date_expected);
        return std::nullopt;
    }
    wareki::Parsed p = wareki::parse(*raw);
    if (!p.date) {
        // The format's own wording for text that is no date; the era's range or the month's days otherwise.
        e.bad_value(name, p.problem, p.expected == wareki::accepted_forms() ? date_expected : p.expected);
        return std::nullopt;
    }
    if (p.normalised)
        st.clinic->normalised_dates.push_back(NormalisedDate{*raw, *p.date, e.at(name), std::string(p.written_era->name), *p.written_era->last});
    return p.date;
}

std::optional<std::int64_t> yen_of(Element& e, std::string_view name, bool required) {
    if (!e.has(name)) {
        if (required) e.missing(name, yen_expected);
        return std::nullopt;
    }
    auto v = e.whole(name, required, 0, max_yen);
    if (!v) return std::nullopt;
    return *v;
}

void load_consent(Reader& r, pugi::xml_node n, Patient& p, State& st, std::size_t index) {
    Element e(r, n, xml::id_path(p.loc.path, "consent", n, index),
              {"id", "kind", "date", "doctor", "disease", "disease-name", "period-end", "form", "doctor-address", "institution", "onset"});
    Consent c;
    c.loc = e.loc();
    if (auto id = e.registered_id(st.ids, "consent")) c.id = *id;
    if (auto v = e.code("kind", consent_kinds(), true)) c.kind = *v;
    if (auto d = date_of(e, "date", true, st)) c.date = *d;
    if (auto v = e.text("doctor", true)) c.doctor = *v;
    if (auto v = e.code("disease", diseases(), true)) c.disease = *v;
    if (auto v = e.text("disease-name", false)) c.disease_name = *v;
    if (c.disease == Disease::other && c.disease_name.empty() && e.has("disease"))
        e.missing("disease-name", Text{"disease=\"other\" のときの同意疾病名", "the disease's name, for disease=\"other\""});
    c.period_end = date_of(e, "period-end", false, st);
    if (c.period_end && *c.period_end < c.date)
        e.bad_value("period-end", {"加療期間の終わりが同意日 " + c.date.str() + " より前です", "the written period ends before the consent date " + c.date.str()},
                    {"同意日以後の日付", "a date on or after the consent date"});
    if (auto v = e.code("form", consent_forms(), false)) c.form = *v;
    if (auto v = e.text("doctor-address", false)) c.doctor_address = *v;
    if (auto v = e.text("institution", false)) c.institution = *v;
    c.onset = date_of(e, "onset", false, st);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    p.consents.push_back(std::move(c));
}

void load_visit(Reader& r, pugi::xml_node n, Patient& p, State& st, std::size_t index) {
    Element e(r, n, xml::indexed_path(p.loc.path, "visit", index),
              {"date", "consent", "techniques", "first-exam", "electro", "place", "home-visit", "distance-km", "building", "reason",
               "travel-fee", "absolute-reason", "report", "special-area", "liaison-doctor", "liaison-institution", "liaison-date",
               "practitioner"});
    Visit v;
    v.loc = e.loc();
    if (auto d = date_of(e, "date", true, st)) v.date = *d;
    if (auto c = e.text("consent", true)) v.consent_id = *c;
    v.consent_loc = e.at("consent");
    if (auto t = e.codes("techniques", techniques(), true)) {
        for (auto x : *t) {
            bool& slot = x == Technique::hari ? v.hari : v.kyu;
            if (slot)
                e.bad_value("techniques", {"同じ術が2回書かれています", "a technique is listed twice"},
                            {"hari、kyu または hari kyu", "hari, kyu or hari kyu"});
            slot = true;
        }
        if (t->empty())
            e.bad_value("techniques", {"術がありません", "no technique"}, {"hari、kyu または hari kyu", "hari, kyu or hari kyu"});
    }
    if (auto b = e.boolean("first-exam")) v.first_exam = *b;
    if (auto b = e.boolean("electro")) v.electro = *b;
    if (auto pl = e.code("place", places(), false)) v.place = *pl;
    v.home_visit = e.code("home-visit", home_visits(), false);
    v.distance_km = e.decimal("distance-km", v.place == Place::home, Decimal::from_int(10000));
    if (v.place == Place::clinic) {
        for (std::string_view a : {"home-visit", "distance-km", "building", "travel-fee", "absolute-reason", "special-area"})
            if (e.has(a))
                e.bad_value(a, {"施術所での施術（place=\"clinic\"）には書けません", "not for a visit at the clinic (place=\"clinic\")"},
                            {"往療（place=\"home\"）のときだけ", "only with place=\"home\""});
    }
    if (auto s = e.text("building", false)) v.building = *s;
    if (auto s = e.text("reason", false)) v.reason = *s;
    if (auto b = e.boolean("travel-fee")) v.travel_fee = *b;
    if (auto s = e.text("absolute-reason", false)) v.absolute_reason = *s;
    if (auto b = e.boolean("report")) v.report = *b;
    if (auto b = e.boolean("special-area")) v.special_area = *b;
    if (auto s = e.text("liaison-doctor", false)) v.liaison.doctor = *s;
    if (auto s = e.text("liaison-institution", false)) v.liaison.institution = *s;
    v.liaison.date = date_of(e, "liaison-date", false, st);
    if (auto s = e.text("practitioner", false)) v.practitioner = *s;
    e.children({}, [](std::string_view, pugi::xml_node) {});
    p.visits.push_back(std::move(v));
}

void load_end(Reader& r, pugi::xml_node n, Patient& p, State& st, std::size_t index) {
    Element e(r, n, xml::indexed_path(p.loc.path, "end", index), {"date", "outcome"});
    End end;
    end.loc = e.loc();
    end.date_loc = e.at("date");
    if (auto d = date_of(e, "date", true, st)) end.date = *d;
    if (auto o = e.code("outcome", end_outcomes(), true)) end.outcome = *o;
    if (!p.ends.empty() && end.date < p.ends.back().date)
        e.bad_value("date", {"施術終了が日付順ではありません（前の終了 " + p.ends.back().date.str() + "）",
                             "the ends are not in date order (previous end " + p.ends.back().date.str() + ")"},
                    {"前の <end> 以後の日付", "a date on or after the previous <end>"});
    e.children({}, [](std::string_view, pugi::xml_node) {});
    p.ends.push_back(std::move(end));
}

void load_period(Reader& r, pugi::xml_node n, Patient& p, State& st, std::size_t index, bool medical) {
    const char* name = medical ? "medical-care" : "inpatient";
    Element e(r, n, xml::indexed_path(p.loc.path, name, index),
              medical ? std::initializer_list<std::string_view>{"from", "to", "disease", "disease-name", "institution"}
                      : std::initializer_list<std::string_view>{"from", "to", "institution"});
    Period per;
    per.loc = e.loc();
    if (auto d = date_of(e, "from", true, st)) per.from = *d;
    per.to = date_of(e, "to", false, st);
    if (per.to && *per.to < per.from)
        e.bad_value("to", {"期間の終わりが始まり " + per.from.str() + " より前です", "the period ends before it starts (" + per.from.str() + ")"},
                    {"from 以後の日付", "a date on or after from"});
    if (medical) {
        per.disease = e.code("disease", diseases(), true);
        if (auto s = e.text("disease-name", false)) per.disease_name = *s;
    }
    if (auto s = e.text("institution", false)) per.institution = *s;
    e.children({}, [](std::string_view, pugi::xml_node) {});
    (medical ? p.medical_care : p.inpatient).push_back(std::move(per));
}

void load_insurance(Reader& r, pugi::xml_node n, Patient& p, State& st, std::size_t index) {
    Element e(r, n, xml::indexed_path(p.loc.path, "insurance", index),
              {"type", "insurer", "symbol", "number", "valid-until", "public-payer", "public-recipient", "copay-percent"});
    Insurance ins;
    ins.loc = e.loc();
    if (auto t = e.code("type", insurance_types(), true)) ins.type = *t;
    if (auto s = e.text("insurer", true)) ins.insurer_number = *s;
    if (auto s = e.text("symbol", false)) ins.symbol = *s;
    if (auto s = e.text("number", false)) ins.number = *s;
    ins.valid_until = date_of(e, "valid-until", false, st);
    if (auto s = e.text("public-payer", false)) ins.public_payer = *s;
    if (auto s = e.text("public-recipient", false)) ins.public_recipient = *s;
    ins.copay_percent = e.whole("copay-percent", false, 0, 100);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    p.insurance.push_back(std::move(ins));
}

/// References and orders inside one patient, once the whole file is read
/// (`owners`: every consent id of the file and its patient, for the message).
void resolve_patient(Reader& r, Patient& p, const std::unordered_map<std::string_view, std::string_view>& owners) {
    std::unordered_map<std::string_view, std::size_t> own;
    for (std::size_t i = 0; i < p.consents.size(); ++i) own.try_emplace(p.consents[i].id, i);
    for (auto& v : p.visits) {
        auto it = own.find(v.consent_id);
        const Loc& l = v.consent_loc;
        if (it == own.end()) {
            auto other = owners.find(v.consent_id);
            if (other != owners.end())
                r.error(l, Text{"consent=\"" + xml::shown(v.consent_id) + "\" は別の患者（" + std::string(other->second) + "）の同意です",
                                "consent=\"" + xml::shown(v.consent_id) + "\" is a consent of another patient (" + std::string(other->second) + ")"},
                        Text{"同じ <patient>（" + p.id + "）の <consent> の id", "the id of a <consent> of the same <patient> (" + p.id + ")"});
            else
                r.error(l, Text{"consent=\"" + xml::shown(v.consent_id) + "\" という同意はありません",
                                "there is no consent with id \"" + xml::shown(v.consent_id) + "\""},
                        Text{"同じ <patient>（" + p.id + "）の <consent> の id", "the id of a <consent> of the same <patient> (" + p.id + ")"});
            continue;
        }
        v.consent = it->second;
        const Consent& c = p.consents[v.consent];
        if (c.date > v.date)
            r.error(l, Text{"同意 " + c.id + " の同意日（" + wareki::format(c.date) + "）が施術日 " + wareki::format(v.date) + " より後です",
                            "consent " + c.id + " is dated " + c.date.str() + ", after the visit on " + v.date.str()},
                    Text{"施術日以前に得た同意", "a consent dated on or before the visit"});
    }
    // Each end closes the course of the visits since the previous end (visit dates
    // sorted once: a file with many ends and visits costs n log n, not their product).
    std::vector<Date> dates;
    dates.reserve(p.visits.size());
    for (const auto& v : p.visits) dates.push_back(v.date);
    std::sort(dates.begin(), dates.end());
    for (std::size_t k = 0; k < p.ends.size(); ++k) {
        const End& e = p.ends[k];
        std::optional<Date> prev;
        if (k > 0) prev = p.ends[k - 1].date;
        auto first_after = prev ? std::upper_bound(dates.begin(), dates.end(), *prev) : dates.begin();
        bool any = first_after != dates.end() && *first_after <= e.date;
        if (any) continue;
        if (prev)
            r.error(e.date_loc, Text{"施術終了 " + wareki::format(e.date) + " と前の施術終了 " + wareki::format(*prev) + " の間に施術日がありません",
                                     "no visit between this end (" + e.date.str() + ") and the previous end (" + prev->str() + ")"},
                    Text{"施術の後の <end>（1つの経過に1つ）", "an <end> after visits (one per course of treatment)"});
        else
            r.error(e.date_loc, Text{"施術終了 " + wareki::format(e.date) + " が、終了する経過の最初の施術日より前です",
                                     "the end " + e.date.str() + " is before the first visit of the course it closes"},
                    Text{"その経過の施術日以後の日付", "a date on or after the visits of the course"});
    }
}

void load_patient(Reader& r, pugi::xml_node n, Clinic& c, State& st, std::size_t index) {
    Element e(r, n, xml::id_path("/clinic", "patient", n, index), {"id", "name", "birth-date", "sex"});
    Patient p;
    p.loc = e.loc();
    if (auto id = e.registered_id(st.ids, "patient")) p.id = *id;
    if (auto v = e.text("name", true)) p.name = *v;
    p.birth = date_of(e, "birth-date", false, st);
    if (auto v = e.text("sex", false)) p.sex = *v;
    std::size_t consents = 0, visits = 0, ends = 0, inpatient = 0, care = 0, insurance = 0;
    e.children({"insurance", "consent", "visit", "end", "inpatient", "medical-care"}, [&](std::string_view name, pugi::xml_node ch) {
        if (name == "consent") load_consent(r, ch, p, st, ++consents);
        else if (name == "visit") load_visit(r, ch, p, st, ++visits);
        else if (name == "end") load_end(r, ch, p, st, ++ends);
        else if (name == "inpatient") load_period(r, ch, p, st, ++inpatient, false);
        else if (name == "medical-care") load_period(r, ch, p, st, ++care, true);
        else load_insurance(r, ch, p, st, ++insurance);
    });
    c.patients.push_back(std::move(p));
}

void load_claim(Reader& r, pugi::xml_node n, Clinic& c, State& st, std::size_t index) {
    Element e(r, n, xml::id_path("/clinic", "claim", n, index),
              {"id", "patient", "month", "total", "statement-of-reasons", "copayment", "requested"});
    Claim cl;
    cl.loc = e.loc();
    if (e.has("id"))
        if (auto id = e.registered_id(st.ids, "claim")) cl.id = *id;
    if (auto v = e.text("patient", true)) cl.patient_id = *v;
    if (!e.has("month")) {
        e.missing("month", month_expected);
    } else if (auto m = e.text("month", true)) {
        wareki::ParsedMonth pm = wareki::parse_month(*m);
        if (!pm.ok) e.bad_value("month", pm.problem, pm.expected == wareki::accepted_month_forms() ? month_expected : pm.expected);
        else cl.month = Month{pm.year, pm.month};
        if (pm.ok && pm.normalised)
            c.normalised_dates.push_back(NormalisedDate{*m, cl.month.first(), e.at("month"), std::string(pm.written_era->name), *pm.written_era->last});
    }
    if (auto y = yen_of(e, "total", true)) cl.total = *y;
    if (auto b = e.boolean("statement-of-reasons")) cl.statement_of_reasons = *b;
    cl.copayment = yen_of(e, "copayment", false);
    cl.requested = yen_of(e, "requested", false);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    c.claims.push_back(std::move(cl));
}

void load_practitioner(Reader& r, pugi::xml_node n, Clinic& c, State& st, std::size_t index) {
    Element e(r, n, xml::id_path("/clinic", "practitioner", n, index), {"id", "name", "licences", "licence-number", "manager"});
    Practitioner p;
    p.loc = e.loc();
    if (auto id = e.registered_id(st.ids, "practitioner")) p.id = *id;
    if (auto v = e.text("name", true)) p.name = *v;
    if (auto t = e.codes("licences", techniques(), true))
        for (auto x : *t) (x == Technique::hari ? p.hari : p.kyu) = true;
    if (auto v = e.text("licence-number", false)) p.licence_number = *v;
    if (auto b = e.boolean("manager")) p.manager = *b;
    e.children({}, [](std::string_view, pugi::xml_node) {});
    c.practitioners.push_back(std::move(p));
}

void load_records(Reader& r, pugi::xml_node n, Clinic& c) {
    Element e(r, n, "/clinic/records", {"retention-years", "items"});
    clinic::Records rec;
    rec.loc = e.loc();
    rec.retention_years = e.whole("retention-years", true, 0, 100);
    if (auto items = e.codes("items", record_items(), false)) rec.items = std::move(*items);
    e.children({}, [](std::string_view, pugi::xml_node) {});
    if (c.records)
        r.error(rec.loc, Text{"<records> が2つあります", "more than one <records>"}, Text{"<records> は1つ", "a single <records>"});
    c.records = std::move(rec);
}

void load_clinic_element(Reader& r, pugi::xml_node root, Clinic& c) {
    State st;
    st.clinic = &c;
    Element e(r, root, "/clinic", {"name", "address", "registration"});
    c.loc = e.loc();
    if (auto v = e.text("name", true)) c.name = *v;
    if (auto v = e.text("address", false)) c.address = *v;
    if (auto v = e.text("registration", false)) c.registration = *v;
    std::size_t patients = 0, claims = 0, practitioners = 0;
    e.children({"practitioner", "records", "patient", "claim"}, [&](std::string_view name, pugi::xml_node ch) {
        if (name == "patient") load_patient(r, ch, c, st, ++patients);
        else if (name == "claim") load_claim(r, ch, c, st, ++claims);
        else if (name == "practitioner") load_practitioner(r, ch, c, st, ++practitioners);
        else load_records(r, ch, c);
    });
    if (r.error_count() > 0) return;
    std::unordered_map<std::string_view, std::string_view> owners;
    for (const auto& p : c.patients)
        for (const auto& con : p.consents) owners.emplace(con.id, p.id);
    for (auto& p : c.patients) resolve_patient(r, p, owners);
    std::unordered_map<std::string_view, std::size_t> patient_index;
    for (std::size_t i = 0; i < c.patients.size(); ++i) patient_index.try_emplace(c.patients[i].id, i);
    for (auto& cl : c.claims) {
        auto it = patient_index.find(cl.patient_id);
        if (it == patient_index.end()) {
            Loc l = cl.loc;
            l.path += "/@patient";
            r.error(l, Text{"patient=\"" + xml::shown(cl.patient_id) + "\" という患者はいません",
                            "there is no patient with id \"" + xml::shown(cl.patient_id) + "\""},
                    Text{"<patient> の id", "the id of a <patient>"});
            continue;
        }
        cl.patient = it->second;
    }
    std::unordered_map<std::string_view, bool> practitioner_ids;
    for (const auto& p : c.practitioners) practitioner_ids.emplace(p.id, true);
    for (const auto& p : c.patients)
        for (const auto& v : p.visits)
            if (!v.practitioner.empty() && !practitioner_ids.count(v.practitioner)) {
                Loc l = v.loc;
                l.path += "/@practitioner";
                r.error(l, Text{"practitioner=\"" + xml::shown(v.practitioner) + "\" という施術者はいません",
                                "there is no practitioner with id \"" + xml::shown(v.practitioner) + "\""},
                        Text{"<practitioner> の id", "the id of a <practitioner>"});
            }
}

}  // namespace

ClinicLoad load_clinic(const SourceText& source, const LoadOptions& options) {
    ClinicLoad result;
    // The prologue every reader shares (xml/loader.cpp): the strict parse (character references,
    // comments, declarations, duplicate attributes and namespaces, near-miss namespaces, nesting and
    // element limits), then one <clinic> root in the clinic namespace.
    std::string buffer = source.text();
    pugi::xml_document doc;
    Reader reader(source, buffer.data(), buffer.size(), clinic_namespace, result.errors, options.max_errors);
    xml::ParseLimits limits;
    // A clinic's year is thousands of visits, each an element (~1.3 kB of memory each when checked).
    limits.max_elements = options.limits.max_elements ? options.limits.max_elements : 200000;
    limits.typical = {"施術所の1年分の記述でも数万個までです", "a clinic's year of visits needs tens of thousands at most"};
    pugi::xml_node root = xml::document_root(reader, doc, "clinic", limits);
    if (!root) return result;
    Clinic c;
    load_clinic_element(reader, root, c);
    result.element_limit = reader.element_limit_reached();
    if (result.errors.empty()) result.clinic = std::move(c);
    return result;
}

}  // namespace ahaki
