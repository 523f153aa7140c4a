#pragma once
// Helpers shared by the report writers (not part of the public report API).
#include <optional>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace ahaki::report {

/// A stable URI for a checked file: a relative path stays relative (normalised,
/// '/'-separated, percent-encoded); an absolute one becomes file:///….
std::string artifact_uri(const std::string& path);
/// The path normalised ('/'-separated, no "./" or "x/.."), not encoded: for GitHub's file=.
std::string normal_path(const std::string& path);
/// Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry.
std::string xml_escape(std::string_view s);
/// "file:line:col: severity: message [RULE citation]" (+ the waiver when there is one).
std::string finding_line(const std::string& file, const Finding& f, Lang lang);
/// "waived (W1): reason" / "免除（W1）: reason"; empty when the finding is not waived.
std::string waiver_mark(const Finding& f, Lang lang);
/// "waivers.xml:3:5: warning: message [waiver-expired]".
std::string waiver_notice_line(const WaiverNotice& n, Lang lang);
/// Compliant requirements that rest on the school's declaration (Basis::declared).
std::size_t declared_compliant(const FileReport& f);
/// The worst unwaived severity among an outcome's findings, if any.
const Finding* worst_unwaived(const Outcome& o);
/// An area as the ordinance names it for the file's facility type (基礎はり学・基礎きゆう学 for a
/// はりきゅう school); the English name, or the generic Japanese one when the type is unknown.
std::string area_name(Area a, const std::optional<FacilityType>& type, Lang lang);
/// A sheet's import notice as one line, with its input text made safe for a terminal or log.
std::string notice_text(const Diagnostic& n, Lang lang);

}  // namespace ahaki::report
