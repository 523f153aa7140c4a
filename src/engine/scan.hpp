#pragma once
// Which files of a scanned directory are ours: the document kinds ahaki-check
// reads, by root element and namespace (table-driven: a new kind adds a row).
// A file found in a directory whose root element is clearly something else (a
// JUnit report written there by an earlier run, an editor's or another tool's
// XML) is skipped with a notice; named explicitly on the command line it is
// read, and its root element is an error. A file that only nearly matches (our
// element name or our namespace family) or cannot be peeked at (truncated,
// malformed) is never skipped: the loader reports what is wrong with it.
#include <span>
#include <string>
#include <string_view>

#include "model/text.hpp"

namespace ahaki {

struct DocumentRoot {
    std::string_view name;       ///< local name of the root element
    std::string_view ns;         ///< its namespace URI
    std::string_view ns_family;  ///< the namespace without its version: near misses of it are ours
    Text what;
};
/// school (urn:ahaki-check:school:1) and clinic (urn:ahaki-check:clinic:1).
std::span<const DocumentRoot> document_roots();

struct RootPeek {
    enum class Kind { ours, unknown, foreign } kind = Kind::unknown;
    std::string name;  ///< the root element's qualified name, when read
    std::string ns;    ///< its namespace, when declared on it
};
/// Looks at the first bytes of the file (UTF-8, UTF-16 with BOM, or an
/// ASCII-compatible encoding) for the root element and its namespace.
RootPeek peek_root(const std::string& path);
/// Classifies a root element (name as written, namespace URI).
RootPeek::Kind classify_root(std::string_view qname, std::string_view ns);

}  // namespace ahaki
