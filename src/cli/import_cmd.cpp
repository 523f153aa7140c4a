#include "cli/import_cmd.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "import/csv.hpp"
#include "report/report.hpp"
#include "xml/loader.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {


int usage_error(std::ostream& err, Lang L, const Text& message) {
    err << (L == Lang::ja ? "エラー: " : "error: ") << message.in(L) << "\n"
        << (L == Lang::ja ? "ahaki-check import --help で使い方を表示します\n" : "see ahaki-check import --help\n");
    return trouble;
}

template <class E>
std::string codes_of(std::span<const CodeInfo<E>> table) {
    std::string s;
    for (const auto& c : table) s.append(s.empty() ? "" : ", ").append(c.code);
    return s;
}

}  // namespace

int cmd_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(args);
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "import のオプション" : "import options");
    desc.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("type", po::value<std::string>(), ja ? ("養成施設の種類（必須）: " + codes_of(facility_types())).c_str()
                                              : ("facility type (required): " + codes_of(facility_types())).c_str())
        ("name", po::value<std::string>(), ja ? "学校名（既定: CSV のファイル名）" : "school name (default: the CSV file's name)")
        ("course-id", po::value<std::string>()->default_value("day"), ja ? "課程の id" : "the course's id")
        ("schedule", po::value<std::string>()->default_value("day"), ja ? "day（昼間）| night（夜間）" : "day | night")
        ("years", po::value<std::string>()->default_value("3"), ja ? "修業年限" : "years of the course")
        ("encoding", po::value<std::string>()->default_value("auto"),
         ja ? "CSV の文字コード auto|utf-8|cp932（auto: UTF-8 として正しければ UTF-8、そうでなければ CP932）"
            : "CSV encoding auto|utf-8|cp932 (auto: UTF-8 if it is valid UTF-8, otherwise CP932)")
        ("output,o", po::value<std::string>(), ja ? "出力する XML ファイル（既定: 標準出力）" : "XML file to write (default: standard output)")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en");
    po::variables_map vm = parse_command(args, desc, "input");
    if (vm.count("help")) {
        out << (ja ? "使い方: ahaki-check import --type 種類 [オプション] 教育課程.csv\n"
                     "CSV の列: 科目名, 教育内容, 授業方法, 単位数, 時間数, 配当年次（任意）\n"
                     "（英語の見出し subject, area, method, units, hours, year も可。教育内容と授業方法は日本語名かコード）\n"
                   : "usage: ahaki-check import --type TYPE [options] CURRICULUM.csv\n"
                     "CSV columns: subject, area, method, units, hours, year (optional)\n"
                     "(Japanese headers 科目名, 教育内容, 授業方法, 単位数, 時間数, 配当年次 too; area and method as code or Japanese name)\n")
            << desc << "\n";
        return ok;
    }
    if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1)
        return usage_error(err, L, {"CSV ファイルを1つ指定してください", "give exactly one CSV file"});
    const std::string input = vm["input"].as<std::vector<std::string>>()[0];

    import::CsvOptions opt;
    if (!vm.count("type"))
        return usage_error(err, L, {"--type を指定してください（" + codes_of(facility_types()) + "）",
                                    "--type is required (" + codes_of(facility_types()) + ")"});
    if (auto t = parse_code(facility_types(), vm["type"].as<std::string>())) opt.type = *t;
    else
        return usage_error(err, L, {"--type に '" + vm["type"].as<std::string>() + "' は使えません（" + codes_of(facility_types()) + "）",
                                    "--type: '" + vm["type"].as<std::string>() + "' is not one of " + codes_of(facility_types())});
    if (auto s = parse_code(schedules(), vm["schedule"].as<std::string>())) opt.schedule = *s;
    else
        return usage_error(err, L, {"--schedule は day か night です", "--schedule must be day or night"});
    {
        const std::string& y = vm["years"].as<std::string>();
        bool digits = !y.empty() && y.size() <= 2 && y.find_first_not_of("0123456789") == std::string::npos;
        int v = digits ? std::stoi(y) : 0;
        if (v < 1 || v > 20) return usage_error(err, L, {"--years は 1〜20 の整数です", "--years must be a whole number from 1 to 20"});
        opt.years = v;
    }
    opt.course_id = vm["course-id"].as<std::string>();
    if (opt.course_id.empty() || opt.course_id.find_first_of(" \t\r\n<>&\"'") != std::string::npos)
        return usage_error(err, L, {"--course-id は空白や記号を含まない識別子です", "--course-id must be an identifier without spaces or markup characters"});
    const std::string enc = vm["encoding"].as<std::string>();
    if (enc == "auto") opt.encoding = import::CsvEncoding::automatic;
    else if (enc == "utf-8" || enc == "utf8" || enc == "UTF-8") opt.encoding = import::CsvEncoding::utf8;
    else if (enc == "cp932" || enc == "CP932" || enc == "shift_jis" || enc == "sjis") opt.encoding = import::CsvEncoding::cp932;
    else return usage_error(err, L, {"--encoding は auto, utf-8, cp932 のいずれかです", "--encoding must be auto, utf-8 or cp932"});
    opt.name = vm.count("name") ? vm["name"].as<std::string>() : std::filesystem::path(input).stem().string();
    if (opt.name.find_first_not_of(" \t\r\n") == std::string::npos)
        return usage_error(err, L, {"--name が空です", "--name is empty"});

    std::ifstream in(input, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(input, ec)) {
        err << diagnostic_line(Diagnostic{input, Loc{}, {"ファイルを読めません", "cannot read the file"},
                                          {"読み取れる CSV ファイル", "a readable CSV file"}},
                               L)
            << "\n";
        return trouble;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();

    auto result = import::import_csv(input, bytes.str(), opt);
    if (!result.errors.empty()) {
        for (const auto& d : result.errors) err << diagnostic_line(d, L) << "\n";
        err << (ja ? "変換しませんでした（エラー " + std::to_string(result.errors.size()) + " 件）。出力ファイルは作っていません。\n"
                   : "nothing converted (" + std::to_string(result.errors.size()) + (result.errors.size() == 1 ? " error" : " errors") + "); no output file was written.\n");
        return trouble;
    }
    // The converter's promise: what it writes, `check` reads. Load it back to be sure.
    auto reread = load_school(SourceText(opt.name, result.xml, "UTF-8"));
    if (!reread.errors.empty()) {
        for (const auto& d : reread.errors) err << (ja ? "内部エラー: " : "internal error: ") << diagnostic_line(d, L) << "\n";
        return trouble;
    }
    for (const auto& c : result.ignored_columns)
        err << (ja ? "注意: 列「" + c + "」は形式にないため取り込みませんでした\n" : "note: column '" + c + "' is not part of the format and was not imported\n");
    if (vm.count("output")) {
        const std::string path = vm["output"].as<std::string>();
        if (auto why = write_atomically(path, result.xml)) {
            err << (ja ? "エラー: " + path + " に書き込めません: " + *why + "\n" : "error: cannot write " + path + ": " + *why + "\n");
            return trouble;
        }
        err << (ja ? input + ": " + std::to_string(result.subjects) + " 科目を変換しました（" + result.encoding + "）→ " + path + "\n"
                   : input + ": converted " + std::to_string(result.subjects) + " subjects (" + result.encoding + ") -> " + path + "\n");
    } else {
        out << result.xml;
        out.flush();
    }
    return ok;
}

}  // namespace ahaki::cli
