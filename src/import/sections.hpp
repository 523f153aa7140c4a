#pragma once
// The other sections an office keeps in Excel, one sheet each: 教員一覧,
// 臨床実習施設, 校舎・設備, 表簿. Each is described by a table (the sheet's
// name, its columns, the attribute each fills and the allowed values), used both
// to read a sheet into the school description and to write the template.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/codes.hpp"

namespace ahaki::import {

enum class ValueKind { text, number, whole, date, yes_no, code, qualifications, subjects, row_kind };

struct SectionColumn {
    std::string header;                 ///< as the template writes it
    std::vector<std::string> aliases;   ///< other headers accepted (normalised)
    std::string attr;                   ///< XML attribute (or a child, for lists)
    ValueKind kind = ValueKind::text;
    bool required = false;
    std::vector<std::pair<std::string, std::string>> values;  ///< written name -> code (first per code is the template's)
    std::string instruction;            ///< the template's instruction row
};

struct SectionSpec {
    std::string sheet;                  ///< 教員一覧 …
    std::vector<std::string> aliases;   ///< other sheet names accepted
    std::string container, element, id_prefix;
    std::vector<SectionColumn> columns;
};

/// 教員一覧, 臨床実習施設, 校舎・設備, 表簿 (in this order).
const std::vector<SectionSpec>& section_specs();
/// The curriculum sheet's columns, for the template (area names as 別表第一 gives them for the type).
SectionSpec curriculum_spec(FacilityType type);

/// The drop-down list of a column: the first written name of each code.
std::vector<std::string> drop_down_values(const SectionColumn& c);

}  // namespace ahaki::import
