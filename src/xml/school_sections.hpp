#pragma once
// Readers for the sections of <school>. Each section of the format has its own
// reader (curriculum here; teachers, sites, premises… in their own files).
#include <pugixml.hpp>

#include "model/school.hpp"
#include "xml/reader.hpp"

namespace ahaki::xml {

/// Reads <school> and everything under it into `school`, then checks ids and references.
void load_school_element(Reader& r, pugi::xml_node root, School& school);

struct LoadState {
    IdRegistry ids;
};

void load_course(Reader& r, pugi::xml_node n, School& school, LoadState& st);
void load_clinical_sites(Reader& r, pugi::xml_node n, School& school, LoadState& st);

// xml/load_facility.cpp: clinical-site details and the facility sections (§9–§13).
void load_site(Reader& r, pugi::xml_node n, std::vector<Site>& sites, LoadState& st, std::size_t index);
/// Reads one facility section (premises, equipment, finance, records, procedure); false when `name` is not one.
bool load_facility_section(Reader& r, std::string_view name, pugi::xml_node n, School& school, LoadState& st);
// Issue 3, part A (load_people.cpp): founder, school rules, teachers, students.
void load_founder(Reader& r, pugi::xml_node n, School& school);
void load_school_rules(Reader& r, pugi::xml_node n, School& school);
void load_teachers(Reader& r, pugi::xml_node n, School& school, LoadState& st);
void load_students(Reader& r, pugi::xml_node n, School& school);
/// Issue 10: <one-facility> (指導要領 §6(5) second sentence).
void load_one_facility(Reader& r, pugi::xml_node n, School& school, LoadState& st);
/// Resolves teacher/teaches/@subject and students/*/@course once every course is read.
void resolve_people(Reader& r, School& school, const LoadState& st);

}  // namespace ahaki::xml
