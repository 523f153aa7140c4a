#pragma once
// What both importers (a curriculum sheet, a visit ledger) need to write cell text into XML.
#include <string>
#include <string_view>

namespace ahaki::import {

/// Text as the content of a double-quoted XML attribute: & < > " escaped, TAB/LF/CR as character
/// references (so they survive attribute-value normalisation).
std::string xml_attr(std::string_view s);

/// A C0 control other than TAB, LF and CR: XML 1.0 cannot carry it, even as a character reference.
bool has_forbidden_control(std::string_view s);

}  // namespace ahaki::import
