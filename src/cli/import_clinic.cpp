#include "cli/import_clinic.hpp"
#include "cli/import_cmd.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "import/clinic_ledger.hpp"
#include "import/grid.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "rules/finding.hpp"
#include "xml/clinic/load_clinic.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {

int usage_error(std::ostream& err, Lang L, const Text& message) {
    err << (L == Lang::ja ? "エラー: " : "error: ") << escape::shown(message.in(L), escape::max_message) << "\n"
        << (L == Lang::ja ? "ahaki-check import --kind clinic --help で使い方を表示します\n" : "see ahaki-check import --kind clinic --help\n");
    return trouble;
}

std::string warning_line(const Diagnostic& d, Lang L) {
    return location_prefix(d.file, d.loc) + ": " + severity_text(Severity::warning).in(L) + ": " +
           escape::shown(d.message.in(L), escape::max_message);
}


/// The ledger row an element of the converted XML came from (its ledger:row attribute), as a location in
/// the ledger: the CSV line, or the workbook row's first cell.
Loc ledger_row_of(const import::LedgerResult& r, std::uint32_t xml_line) {
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < xml_line && start != std::string::npos; ++l) {
        start = r.xml.find('\n', start);
        if (start != std::string::npos) ++start;
    }
    if (xml_line == 0 || start == std::string::npos) return Loc{};
    const std::string_view line = std::string_view(r.xml).substr(start, r.xml.find('\n', start) - start);
    const std::string_view key = "ledger:row=\"";
    const auto p = line.find(key);
    if (p == std::string_view::npos) return Loc{};
    std::uint32_t row = 0;
    for (std::size_t i = p + key.size(); i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) row = row * 10 + static_cast<std::uint32_t>(line[i] - '0');
    if (row == 0) return Loc{};
    Loc at{row, 1, {}, {}};
    if (!r.sheet.empty()) at.cell = r.sheet + "!" + import::cell_name(1, row);
    return at;
}

}  // namespace

int cmd_import_clinic(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(args);
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "import --kind clinic のオプション" : "import --kind clinic options", help_line_length, help_description_length);
    desc.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("name", po::value<std::string>(), ja ? "施術所名（既定: 施術台帳のファイル名）" : "the clinic's name (default: the ledger file's name)")
        ("sheet", po::value<std::string>(),
         ja ? ".xlsx のとき読むシート（既定: 施術台帳・来院記録などの名前のシート、なければ施術台帳の見出しのある最初のシート）"
            : ".xlsx: the sheet to read (default: a sheet named 施術台帳, 来院記録 or the like, else the first with a ledger header)")
        ("encoding", po::value<std::string>()->default_value("auto"),
         ja ? "CSV の文字コード auto|utf-8|cp932（auto: UTF-8 として正しければ UTF-8、そうでなければ CP932）"
            : "CSV encoding auto|utf-8|cp932 (auto: UTF-8 if it is valid UTF-8, otherwise CP932)")
        ("max-file-size", po::value<std::string>()->default_value(default_max_file_size),
         ja ? "施術台帳の上限バイト数" : "largest ledger read, in bytes")
        ("max-elements", po::value<std::string>()->default_value("0"),
         ja ? "書き出す XML の上限要素数（check の --max-elements と同じ。0 は既定の 200000）"
            : "most elements in the XML written (as check's --max-elements; 0: the default, 200000)")
        ("output,o", po::value<std::string>(), ja ? "出力する XML ファイル（既定: 標準出力）" : "XML file to write (default: standard output)")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en");
    po::variables_map vm = parse_command(args, desc, "input");
    if (vm.count("help")) {
        out << help_page(
            std::string(ja ? "使い方: ahaki-check import --kind clinic [オプション] 施術台帳.csv|施術台帳.xlsx\n"
                 "レセプトソフトが書き出す施術台帳（施術日ごとに1行。CSV か Excel ブック）を施術所の XML に変換します。\n"
                 "日付は 和暦（令和6年10月1日、令和元年5月1日、R6.10.1、全角数字も可）か 2024-10-01。ブックでは日付のセルもそのまま読みます。\n"
                 "平成31年5月1日・昭和64年1月8日・平成32年1月6日 のように改元後の日付を旧元号で書いたものは新しい元号として読み、警告します。"
                 "令和元年4月30日・令和0年 のように元号の始まりより前の日付はエラーです。\n"
                 "同意区分の列がなければ、患者の最初の同意・別の疾病の同意・治癒や転医の後の同意を初回、それ以外を再同意とします。\n"
                 "金額の列があれば、患者・月ごとの合計を申請書（claim）の合計として書きます。\n"
                 "列（見出しのいずれか）:\n"
               : "usage: ahaki-check import --kind clinic [options] LEDGER.csv|LEDGER.xlsx\n"
                 "Converts a visit ledger as receipt software exports it (one row per treatment day; CSV or an Excel workbook) "
                 "to the clinic XML. Dates in 和暦 (令和6年10月1日, 令和元年5月1日, R6.10.1, full-width digits too) or as "
                 "2024-10-01; in a workbook, date cells too.\n"
                 "A date written in an era after its end (平成31年5月1日, 昭和64年1月8日, 平成32年1月6日) is read in the next era, "
                 "with a warning; a date before its era began (令和元年4月30日, 令和0年) is an error.\n"
                 "Without a consent-kind column, a patient's first consent, a consent for another disease and one after a "
                 "cure or transfer are initial, the others renewals.\n"
                 "With an amount column, each patient's month is written as a claim with the sum of its amounts.\n"
                 "Columns (any of the headers):\n") +
                import::ledger_columns_help(ja),
            desc);
        return ok;
    }
    if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1)
        return usage_error(err, L, {"施術台帳のファイル（CSV か .xlsx）を1つ指定してください", "give exactly one ledger file (CSV or .xlsx)"});
    const std::string input = vm["input"].as<std::vector<std::string>>()[0];
    import::LedgerOptions opt;
    const std::string enc = vm["encoding"].as<std::string>();
    if (enc == "auto") opt.encoding = import::CsvEncoding::automatic;
    else if (enc == "utf-8" || enc == "utf8" || enc == "UTF-8") opt.encoding = import::CsvEncoding::utf8;
    else if (enc == "cp932" || enc == "CP932" || enc == "shift_jis" || enc == "sjis") opt.encoding = import::CsvEncoding::cp932;
    else return usage_error(err, L, {"--encoding は auto, utf-8, cp932 のいずれかです", "--encoding must be auto, utf-8 or cp932"});
    if (input == "-" && !vm.count("name"))
        return usage_error(err, L, {"標準入力から読むときは --name で施術所名を指定してください", "give the clinic name with --name when reading standard input"});
    opt.name = vm.count("name") ? vm["name"].as<std::string>() : std::filesystem::path(input).stem().string();
    if (opt.name.find_first_not_of(" \t\r\n") == std::string::npos) return usage_error(err, L, {"--name が空です", "--name is empty"});
    if (vm.count("sheet")) opt.sheet = vm["sheet"].as<std::string>();

    const auto file_limit = whole_option("--max-file-size", vm["max-file-size"].as<std::string>(), 1, max_max_file_size);
    if (!file_limit.value) return usage_error(err, L, file_limit.problem);
    const auto element_limit = whole_option("--max-elements", vm["max-elements"].as<std::string>(), 0, max_max_elements);
    if (!element_limit.value) return usage_error(err, L, element_limit.problem);
    // As `import` and `check`: a regular file (or - for standard input), at most --max-file-size bytes.
    std::string bytes;
    if (auto problem = read_bounded(input, *file_limit.value, bytes)) {
        err << diagnostic_line(Diagnostic{input, Loc{}, *problem, {"読み取れる施術台帳（CSV か .xlsx、または標準入力 -）", "a readable ledger (CSV or .xlsx, or - for standard input)"}}, L)
            << "\n";
        return trouble;
    }

    auto result = import::import_ledger(input, bytes, opt);
    if (!result.errors.empty()) {
        for (const auto& d : result.errors) err << diagnostic_line(d, L) << "\n";
        err << (ja ? "変換しませんでした（エラー " + std::to_string(result.errors.size()) + " 件）。出力ファイルは作っていません。\n"
                   : "nothing converted (" + std::to_string(result.errors.size()) + " errors); no output file was written.\n");
        return trouble;
    }
    // The converter's promise: what it writes, `check` reads. Load it back to be sure.
    LoadOptions reload;
    reload.limits.max_elements = *element_limit.value;
    auto reread = load_clinic(SourceText(opt.name, result.xml, "UTF-8"), reload);
    if (!reread.errors.empty()) {
        // More rows than check reads in one file: refused here as check would, at the ledger row where the
        // limit is passed. Anything else the converter wrote that does not load is its own fault.
        for (auto d : reread.errors) {
            d.file = input;
            d.loc = ledger_row_of(result, d.loc.line);
            err << (reread.element_limit ? "" : ja ? "内部エラー: " : "internal error: ") << diagnostic_line(d, L) << "\n";
        }
        err << (ja ? "変換しませんでした。出力ファイルは作っていません。\n" : "nothing converted; no output file was written.\n");
        return trouble;
    }
    for (const auto& w : result.warnings) err << warning_line(w, L) << "\n";
    for (const auto& c : result.ignored_columns)
        err << (ja ? "注意: 列「" + escape::shown(c) + "」は形式にないため取り込みませんでした\n"
                   : "note: column '" + escape::shown(c) + "' is not part of the format and was not imported\n");
    if (vm.count("output")) {
        const std::string path = vm["output"].as<std::string>();
        // Never the ledger itself (or anything that cannot be replaced safely).
        if (auto refused = check_outputs({path}, {input}, false)) {
            err << (ja ? "エラー: " : "error: ") << refused->in(L) << "\n";
            return trouble;
        }
        if (auto why = write_atomically(path, result.xml)) {
            err << cannot_write_line(path, *why, ja ? Lang::ja : Lang::en);
            return trouble;
        }
        err << (ja ? escape::shown(input) + ": 患者 " + std::to_string(result.patients) + " 人、施術 " + std::to_string(result.visits) + " 日、申請 " +
                         std::to_string(result.claims) + " 件を変換しました（" + result.encoding +
                         (result.sheet.empty() ? "" : "、シート " + escape::shown(result.sheet)) + "）→ " + escape::shown(path) + "\n"
                   : escape::shown(input) + ": converted " + std::to_string(result.patients) + " patients, " + std::to_string(result.visits) +
                         " treatment days, " + std::to_string(result.claims) + " claims (" + result.encoding +
                         (result.sheet.empty() ? "" : ", sheet " + escape::shown(result.sheet)) + ") -> " + escape::shown(path) + "\n");
    } else {
        out << result.xml;
        out.flush();
    }
    return ok;
}

}  // namespace ahaki::cli
