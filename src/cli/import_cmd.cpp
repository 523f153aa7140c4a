#include "cli/import_cmd.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/import_clinic.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "engine/sheet_input.hpp"
#include "import/csv.hpp"
#include "import/names.hpp"
#include "model/system_error.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"
#include "xml/loader.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {


int usage_error(std::ostream& err, Lang L, const Text& message) {
    err << (L == Lang::ja ? "エラー: " : "error: ") << escape::shown(message.in(L), escape::max_message) << "\n"
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

/// Reads a regular file (or standard input for "-") of at most `limit` bytes.
std::optional<Text> read_bounded(const std::string& path, std::size_t limit, std::string& bytes) {
    const bool std_in = path == "-";
    int fd = std_in ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        return Text{std::string("ファイルを読めません: ") + system_error_text(e).ja, std::string("cannot read the file: ") + system_error_text(e).en};
    }
    struct Closer {
        int fd;
        bool own;
        ~Closer() {
            if (own) ::close(fd);
        }
    } closer{fd, !std_in};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return Text{"ファイルを読めません", "cannot read the file"};
    if (!std_in && !S_ISREG(st.st_mode))
        return S_ISDIR(st.st_mode) ? Text{"ディレクトリです", "it is a directory"}
                                   : Text{"通常のファイルではありません（FIFO やデバイスは読みません。標準入力は - で渡します）",
                                          "not a regular file (FIFOs and devices are not read; pass standard input as -)"};
    if (!std_in) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    auto too_large = [&](std::optional<std::uintmax_t> size) {
        if (!size)
            return Text{"ファイルが大きすぎます（上限 " + std::to_string(limit) + " バイト。--max-file-size で変更できます）",
                        "file too large (limit " + std::to_string(limit) + " bytes; change it with --max-file-size)"};
        return Text{"ファイルが大きすぎます（" + std::to_string(*size) + " バイト、上限 " + std::to_string(limit) +
                        " バイト。--max-file-size で変更できます）",
                    "file too large (" + std::to_string(*size) + " bytes, limit " + std::to_string(limit) +
                        " bytes; change it with --max-file-size)"};
    };
    if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limit)
        return too_large(static_cast<std::uintmax_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            return Text{std::string("ファイルを読めません（読み込み中のエラー: ") + system_error_text(e).ja + "）",
                        std::string("cannot read the file (I/O error: ") + system_error_text(e).en + ")"};
        }
        if (n == 0) break;
        if (bytes.size() + static_cast<std::size_t>(n) > limit) return too_large(std::nullopt);
        bytes.append(buf, static_cast<std::size_t>(n));
    }
    return std::nullopt;
}

int cmd_import(const std::vector<std::string>& all_args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(all_args);
    // --kind school (the default) or clinic: which document the spreadsheet becomes.
    std::vector<std::string> args;
    std::string kind = "school";
    for (std::size_t i = 0; i < all_args.size(); ++i) {
        if (all_args[i] == "--kind" && i + 1 < all_args.size()) kind = all_args[++i];
        else if (all_args[i].rfind("--kind=", 0) == 0) kind = all_args[i].substr(7);
        else args.push_back(all_args[i]);
    }
    if (kind == "clinic") return cmd_import_clinic(args, out, err);
    if (kind != "school")
        return usage_error(err, L, {"--kind は school か clinic です", "--kind must be school or clinic"});
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "import のオプション" : "import options", help_line_length, help_description_length);
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
        ("max-file-size", po::value<std::string>()->default_value(default_max_file_size),
         ja ? "CSV と書き出す XML の上限バイト数" : "largest CSV read and XML written, in bytes")
        ("max-elements", po::value<std::string>()->default_value("0"),
         ja ? "書き出す XML の上限要素数（check の --max-elements と同じ。0 は既定の 20000）"
            : "most elements in the XML written (as check's --max-elements; 0: the default, 20000)")
        ("sheet", po::value<std::string>(), ja ? "ブックのシート名（既定: 教育課程の見出しのある最初のシート）" : "workbook sheet (default: the first with a curriculum header)")
        ("output,o", po::value<std::string>(), ja ? "出力する XML ファイル（既定: 標準出力）" : "XML file to write (default: standard output)")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en");
    po::variables_map vm = parse_command(args, desc, "input");
    if (vm.count("help")) {
        out << help_page(ja ? "使い方: ahaki-check import --type 種類 [オプション] 教育課程.xlsx|教育課程.csv\n"
                              "CSV の列: 科目名, 教育内容, 授業方法, 単位数, 時間数, 配当年次（任意）\n"
                              "（英語の見出し subject, area, method, units, hours, year も可。教育内容と授業方法は日本語名かコード）\n"
                            : "usage: ahaki-check import --type TYPE [options] CURRICULUM.xlsx|CURRICULUM.csv\n"
                              "CSV columns: subject, area, method, units, hours, year (optional)\n"
                              "(Japanese headers 科目名, 教育内容, 授業方法, 単位数, 時間数, 配当年次 too; area and method as code or Japanese name)\n",
                         desc);
        return ok;
    }
    if (!vm.count("input") || vm["input"].as<std::vector<std::string>>().size() != 1)
        return usage_error(err, L, {"CSV ファイルを1つ指定してください", "give exactly one CSV file"});
    const std::string input = vm["input"].as<std::vector<std::string>>()[0];
    const auto file_limit = whole_option("--max-file-size", vm["max-file-size"].as<std::string>(), 1, max_max_file_size);
    if (!file_limit.value) return usage_error(err, L, file_limit.problem);
    const auto element_limit = whole_option("--max-elements", vm["max-elements"].as<std::string>(), 0, max_max_elements);
    if (!element_limit.value) return usage_error(err, L, element_limit.problem);

    import::CsvOptions opt;
    if (!vm.count("type"))
        return usage_error(err, L, {"--type を指定してください（" + codes_of(facility_types()) + "）",
                                    "--type is required (" + codes_of(facility_types()) + ")"});
    if (auto t = import::match_facility_type(vm["type"].as<std::string>())) opt.type = *t;
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
    if (vm.count("sheet")) opt.sheet = vm["sheet"].as<std::string>();
    opt.origin_name = std::filesystem::path(input).filename().string();
    if (opt.course_id.empty() || opt.course_id.find_first_of(" \t\r\n<>&\"'") != std::string::npos)
        return usage_error(err, L, {"--course-id は空白や記号を含まない識別子です", "--course-id must be an identifier without spaces or markup characters"});
    const std::string enc = vm["encoding"].as<std::string>();
    if (enc == "auto") opt.encoding = import::CsvEncoding::automatic;
    else if (enc == "utf-8" || enc == "utf8" || enc == "UTF-8") opt.encoding = import::CsvEncoding::utf8;
    else if (enc == "cp932" || enc == "CP932" || enc == "shift_jis" || enc == "sjis") opt.encoding = import::CsvEncoding::cp932;
    else return usage_error(err, L, {"--encoding は auto, utf-8, cp932 のいずれかです", "--encoding must be auto, utf-8 or cp932"});
    if (input == "-" && !vm.count("name"))
        return usage_error(err, L, {"標準入力から読むときは --name で学校名を指定してください", "give the school name with --name when reading standard input"});
    opt.name = vm.count("name") ? vm["name"].as<std::string>() : std::filesystem::path(input).stem().string();
    if (opt.name.find_first_not_of(" \t\r\n") == std::string::npos)
        return usage_error(err, L, {"--name が空です", "--name is empty"});
    if (!escape::valid_utf8(opt.name))
        return usage_error(err, L, {"学校名（--name またはファイル名）が UTF-8 の文字列ではありません", "the school name (--name or the file's name) is not UTF-8 text"});

    if (vm.count("output") || &out == &std::cout) {
        // Nothing the user gave is overwritten: not the CSV, not through a link, not by redirection.
        std::vector<std::string> outputs;
        if (vm.count("output")) outputs.push_back(vm["output"].as<std::string>());
        if (auto refused = check_outputs(outputs, {input}, !vm.count("output") && &out == &std::cout)) {
            err << (ja ? "エラー: " : "error: ") << refused->in(L) << "\n";
            return trouble;
        }
    }
    const std::size_t limit = *file_limit.value;
    std::string bytes;
    if (auto problem = read_bounded(input, limit, bytes)) {
        err << diagnostic_line(Diagnostic{input == "-" ? std::string("-") : input, Loc{}, *problem,
                                          {"読み取れる CSV ファイル（または標準入力 -）", "a readable CSV file (or - for standard input)"}},
                               L)
            << "\n";
        return trouble;
    }

    auto result = import::import_sheet(input, bytes, opt);
    for (const auto& n : result.notices)
        err << escape::terminal(location_prefix(n.file, n.loc) + (ja ? ": 注意: " : ": note: ") + n.message.in(L)) << "\n";
    if (!result.errors.empty()) {
        for (const auto& d : result.errors) err << diagnostic_line(d, L) << "\n";
        err << (ja ? "変換しませんでした（エラー " + std::to_string(result.errors.size()) + " 件）。出力ファイルは作っていません。\n"
                   : "nothing converted (" + std::to_string(result.errors.size()) + (result.errors.size() == 1 ? " error" : " errors") + "); no output file was written.\n");
        return trouble;
    }
    // The converter's promise: what it writes, `check` reads (valid UTF-8, within
    // the size limit check applies by default). Load it back to be sure.
    if (result.xml.size() > limit || !escape::valid_utf8(result.xml)) {
        err << diagnostic_line(Diagnostic{input, Loc{},
                                          result.xml.size() > limit
                                              ? Text{"変換した XML が大きすぎます（" + std::to_string(result.xml.size()) + " バイト、上限 " +
                                                         std::to_string(limit) + " バイト。--max-file-size で変更できます）",
                                                     "the converted XML is too large (" + std::to_string(result.xml.size()) +
                                                         " bytes, limit " + std::to_string(limit) + " bytes; change it with --max-file-size)"}
                                              : Text{"変換した XML が UTF-8 として正しくありません", "the converted XML is not valid UTF-8"},
                                          {}},
                               L)
            << "\n";
        return trouble;
    }
    LoadOptions reload;
    reload.limits.max_file_bytes = limit;
    reload.limits.max_elements = *element_limit.value;
    auto reread = load_school(SourceText(opt.name, result.xml, "UTF-8"), reload);
    if (!reread.errors.empty()) {
        // More rows than check reads in one file: refused here as check would, at the sheet row where the
        // limit is passed. Anything else the converter wrote that does not load is its own fault.
        for (auto d : reread.errors) {
            d.file = input;
            d.loc = sheet_location(result, d.loc);
            err << (reread.element_limit ? "" : ja ? "内部エラー: " : "internal error: ") << diagnostic_line(d, L) << "\n";
        }
        err << (ja ? "変換しませんでした。出力ファイルは作っていません。\n" : "nothing converted; no output file was written.\n");
        return trouble;
    }
    for (const auto& c : result.ignored_columns)
        err << (ja ? "注意: 列「" + escape::shown(c) + "」は形式にないため取り込みませんでした\n"
                   : "note: column '" + escape::shown(c) + "' is not part of the format and was not imported\n");
    if (vm.count("output")) {
        const std::string path = vm["output"].as<std::string>();
        if (auto why = write_atomically(path, result.xml)) {
            err << cannot_write_line(path, *why, ja ? Lang::ja : Lang::en);
            return trouble;
        }
        const std::string in_shown = escape::shown(input), out_shown = escape::shown(path);
        err << (ja ? in_shown + ": " + std::to_string(result.subjects) + " 科目を変換しました（" + result.encoding + "）→ " + out_shown + "\n"
                   : in_shown + ": converted " + std::to_string(result.subjects) + " subjects (" + result.encoding + ") -> " + out_shown + "\n");
    } else {
        out << result.xml;
        out.flush();
    }
    return ok;
}

}  // namespace ahaki::cli
