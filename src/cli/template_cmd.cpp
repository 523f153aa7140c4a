#include "cli/template_cmd.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "report/escape.hpp"
#include "import/clinic_ledger.hpp"
#include "import/csv.hpp"
#include "import/names.hpp"
#include "import/sections.hpp"
#include "import/xlsx.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {

constexpr std::size_t template_rows = 300;  ///< rows the drop-down lists cover

/// One sheet of the template: a title, the instruction row, the header.
import::SheetOut sheet_of(const import::SectionSpec& spec, const std::string& title) {
    import::SheetOut s;
    s.name = spec.sheet;
    s.rows.push_back({title});
    std::vector<std::string> help, head;
    for (const auto& c : spec.columns) {
        help.push_back(c.instruction + (c.required ? "（必須）" : ""));
        head.push_back(c.header);
        s.widths.push_back(std::max<double>(10.0, static_cast<double>(c.header.size()) / 1.5));
    }
    s.rows.push_back(help);
    s.rows.push_back(head);
    for (std::size_t k = 0; k < spec.columns.size(); ++k) {
        const auto& c = spec.columns[k];
        if (c.values.empty()) continue;
        std::string letter = import::cell_name(static_cast<std::uint32_t>(k + 1), 1);
        letter.pop_back();
        s.drop_downs.push_back({letter + "4:" + letter + std::to_string(template_rows + 3), import::drop_down_values(c)});
    }
    return s;
}

std::string csv_of(const import::SheetOut& s) {
    std::string out = "\xEF\xBB\xBF";  // Excel opens a UTF-8 CSV correctly only with a BOM
    for (const auto& row : s.rows) {
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (k) out += ',';
            out += import::csv_field(row[k]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace

int cmd_template(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(args);
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "template のオプション" : "template options", help_line_length, help_description_length);
    desc.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("kind", po::value<std::string>()->default_value("school"),
         ja ? "school（教育課程表など）か clinic（施術台帳: import --kind clinic で読む表）" : "school (the curriculum sheets) or clinic (the visit ledger import --kind clinic reads)")
        ("type", po::value<std::string>()->default_value("anma-hari-kyu"),
         ja ? "養成施設の種類（教育内容の名前がこれに従う）" : "facility type (the area names follow it)")
        ("output,o", po::value<std::string>()->default_value("教育課程.xlsx"), ja ? "書き出すブック" : "workbook to write")
        ("csv", po::value<std::string>(), ja ? "CSV も書き出すディレクトリ（シートごとに1ファイル）" : "also write one CSV per sheet into this directory")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en");
    po::variables_map vm = parse_command(args, desc, "input");
    if (vm.count("help")) {
        out << help_page(ja ? "使い方: ahaki-check template [--kind school|clinic] [--type 種類] [-o 教育課程.xlsx] [--csv ディレクトリ]\n"
                            : "usage: ahaki-check template [--kind school|clinic] [--type TYPE] [-o FILE.xlsx] [--csv DIR]\n",
                         desc);
        return ok;
    }
    const std::string kind = vm["kind"].as<std::string>();
    if (kind != "school" && kind != "clinic") {
        err << (ja ? "エラー: --kind は school か clinic です\n" : "error: --kind must be school or clinic\n");
        return trouble;
    }
    auto type = import::match_facility_type(vm["type"].as<std::string>());
    if (!type) {
        err << (ja ? "エラー: --type に '" : "error: --type: '") << escape::shown(vm["type"].as<std::string>())
            << (ja ? "' は使えません（hari-kyu、はりきゅう、あはき など）\n" : "' is not a facility type (hari-kyu, anma-hari-kyu, …)\n");
        return trouble;
    }
    const std::string title_type(info(facility_types(), *type).ja);
    std::vector<import::SheetOut> sheets;
    if (kind == "clinic") {
        sheets.push_back(import::ledger_template());
    } else {
        sheets.push_back(sheet_of(import::curriculum_spec(*type), "教育課程表（" + title_type + "）: 2行目の説明に従い、4行目から1科目1行で記入してください"));
        for (const auto& spec : import::section_specs())
            sheets.push_back(sheet_of(spec, spec.sheet + ": 2行目の説明に従い、4行目から1行に1件を記入してください"));
    }
    std::string error;
    std::string bytes = import::write_xlsx(sheets, error);
    if (bytes.empty()) {
        err << (ja ? "エラー: ブックを作れませんでした: " : "error: cannot build the workbook: ") << error << "\n";
        return trouble;
    }
    const std::string path = kind == "clinic" && vm["output"].defaulted() ? std::string("施術台帳.xlsx") : vm["output"].as<std::string>();
    if (auto why = write_atomically(path, bytes)) {
        err << cannot_write_line(path, *why, ja ? Lang::ja : Lang::en);
        return trouble;
    }
    err << (ja ? "ひな形を書き出しました: " : "template written: ") << escape::shown(path) << "\n";
    if (vm.count("csv")) {
        std::filesystem::path dir = vm["csv"].as<std::string>();
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        for (const auto& s : sheets) {
            std::string p = (dir / (s.name + ".csv")).string();
            if (auto why = write_atomically(p, csv_of(s))) {
                err << cannot_write_line(p, *why, ja ? Lang::ja : Lang::en);
                return trouble;
            }
            err << (ja ? "CSV を書き出しました: " : "CSV written: ") << escape::shown(p) << "\n";
        }
    }
    return ok;
}

}  // namespace ahaki::cli
