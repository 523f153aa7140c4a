#pragma once
// The names offices and the ordinance write in sheets (schemas/sheet-names.tsv,
// embedded): every way of writing each 教育内容, 分野, 授業方法 and facility
// type, the area names messages use per facility type, and the summary rows.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/codes.hpp"

namespace ahaki::import {

/// 基礎分野, 専門基礎分野, 専門分野 (認定規則 別表第一).
enum class Group { basic, specialised_basic, specialised };
Group group_of(Area a);
std::string_view group_ja(Group g);
std::string_view group_en(Group g);

enum class Summary { subtotal, total, other };

/// For matching only: full-width ASCII to ASCII, spaces dropped, dots and
/// commas unified, ゅ -> ゆ, 鍼 -> はり, 灸 -> きゆう, a trailing （…） dropped, ASCII lower-cased.
std::string normalise_name(std::string_view s);

struct AreaMatch {
    Area area;
    bool type_ok;  ///< the name is one a school of this type writes
};
std::optional<AreaMatch> match_area(std::string_view text, FacilityType type);
std::optional<Group> match_group(std::string_view text);
std::optional<Method> match_method(std::string_view text);
std::optional<FacilityType> match_facility_type(std::string_view text);
std::optional<Summary> match_summary(std::string_view text);

/// What a sheet is by its name (kind `sheet` of the table): "clinic-ledger" for 施術台帳, 来院記録, ….
std::optional<std::string> match_sheet(std::string_view name);

/// The area's name as 別表第一 prints it for the facility type
/// (基礎はり学・基礎きゆう学 for a はり師きゅう師養成施設).
std::string_view area_label(Area a, FacilityType type);

/// Every name written for a facility type ("はり師きゆう師養成施設", "はりきゆう", …), for help texts.
std::vector<std::string> facility_type_names(FacilityType type);

/// The embedded table (generated from schemas/sheet-names.tsv at build time).
std::string_view embedded_sheet_names();

}  // namespace ahaki::import
