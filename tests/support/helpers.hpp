#pragma once
// Shared test helpers: load inline XML, run the rules, run the binary.
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace ahaki::test {

/// The embedded standard, loaded once.
const StandardSet& standards();

/// Loads inline XML (as UTF-8 bytes) and checks it; load errors end up in report.errors.
FileReport check_xml(const std::string& xml, CheckOptions options = {});
LoadResult load_xml(const std::string& xml);

/// Findings of one rule in a report.
std::vector<const Finding*> findings_of(const FileReport& r, std::string_view rule_id);
std::vector<const Outcome*> outcomes_of(const FileReport& r, std::string_view rule_id);

/// A compliant hari-kyu school (derived from curricula/compliant/hari-kyu.xml)
/// as a string, so tests can edit one attribute and see one rule fire.
std::string compliant_hari_kyu();
/// Replaces the first occurrence of `from` by `to`; fails the test if absent.
std::string replace_once(std::string s, const std::string& from, const std::string& to);

struct RunResult {
    int exit_code;
    std::string out;
    std::string err;
};
/// Runs the built ahaki-check binary with arguments (shell-quoted by the caller).
RunResult run_binary(const std::string& args);
std::string source_dir();
std::string read_file(const std::string& path);

}  // namespace ahaki::test
