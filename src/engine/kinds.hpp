#pragma once
// The kinds of document ahaki-check reads: one static table, found by the
// root element. Each kind loads its own model, runs its own rules (from the one
// registry) and provides its summary for the reports; the engine, the writers
// and the CLI see only FileReport (outcomes, findings, KindSummary).
#include <span>
#include <string_view>

#include "engine/engine.hpp"

namespace ahaki {

struct DocumentKind {
    std::string_view name;  ///< school, clinic
    std::string_view root;  ///< local name of the root element
    std::string_view ns;    ///< its namespace (checked by the kind's reader)
    Text title;             ///< 学校（養成施設）の記述 / school description …
    FileReport (*check)(const SourceText&, const StandardSet&, const RunOptions&);
    /// Whether a rule of the registry belongs to this kind.
    bool (*applies)(const Rule&);
};

/// School first: a file whose root matches no kind is read as a school (whose
/// reader then says what is wrong with the root).
std::span<const DocumentKind> document_kinds();
const DocumentKind& kind_of(const SourceText& source);
/// The local name of the first element of an XML text (after the declaration,
/// comments, processing instructions and a DOCTYPE); empty when there is none.
/// A cheap look at the start of the text: the kind's reader does the real parse.
std::string_view root_element_name(std::string_view text);

/// The clinic kind's check (engine/clinic_kind.cpp).
FileReport check_clinic_source(const SourceText& source, const StandardSet& standards, const RunOptions& options);

}  // namespace ahaki
