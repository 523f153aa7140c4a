#include "report/formats.hpp"

#include "report/github.hpp"
#include "report/writers.hpp"

namespace ahaki {
namespace {

std::string text_format(const RunReport& r, const WriteContext& c) { return write_text(r, TextOptions{c.lang, c.color, true}); }
std::string json_format(const RunReport& r, const WriteContext& c) { return write_json(r, c.lang); }
std::string html_format(const RunReport& r, const WriteContext& c) { return write_html(r, HtmlOptions{c.lang, c.html_full}); }

const Format format_table[] = {
    {"text", {"人が読むテキスト（既定）", "text for people (default)"}, text_format},
    {"json", {"JSON（schemas/report.schema.json）", "JSON (schemas/report.schema.json)"}, json_format},
    {"sarif", {"SARIF 2.1.0（GitHub code scanning など）", "SARIF 2.1.0 (GitHub code scanning and SARIF viewers)"}, sarif_format},
    {"junit", {"JUnit XML（GitLab, Jenkins）: 要件ごとに1テストケース", "JUnit XML (GitLab, Jenkins): one test case per requirement"},
     junit_format},
    {"github", {"GitHub Actions の注釈（::error file=…）", "GitHub Actions annotations (::error file=…)"}, write_github},
    {"github-summary", {"GitHub のジョブ概要（markdown、$GITHUB_STEP_SUMMARY 向け）",
                        "GitHub job summary (markdown, for $GITHUB_STEP_SUMMARY)"},
     write_github_summary},
    {"html", {"HTML報告書（1ファイル、A4印刷可）", "HTML report (one self-contained file, prints on A4)"}, html_format},
};

}  // namespace

std::span<const Format> formats() { return format_table; }

const Format* find_format(std::string_view name) {
    for (const auto& f : format_table)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace ahaki
