#include "cli/cli.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/import_cmd.hpp"
#include "cli/plan_cmd.hpp"
#include "cli/diff_cmd.hpp"
#include "cli/template_cmd.hpp"
#include "cli/standard_cmd.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "engine/engine.hpp"
#include "engine/streamed.hpp"
#include "model/fold_width.hpp"
#include "model/system_error.hpp"
#include "report/escape.hpp"
#include "import/names.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "xml/waiver_reader.hpp"
#include "xml/clinic/ryoyohi_reader.hpp"
#include "report/clinic/ledger.hpp"
#include "report/stream.hpp"

namespace ahaki {
const char* const tool_version = AHAKI_VERSION;
}

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {

struct Usage {
    Text message;
};

const char* usage_ja =
    "使い方: ahaki-check <コマンド> [オプション]\n"
    "\n"
    "コマンド:\n"
    "  check [オプション] パス...   学校の記述（XML）を認定基準で確認する（ディレクトリは *.xml を探す）\n"
    "  rules [--format text|json]   すべての規則を一覧する\n"
    "  explain 規則ID               規則の内容と根拠を説明する\n"
    "  ryoyohi [--ryoyohi FILE]     療養費の料金の版と同意の規則を一覧する\n"
    "  import --type 種類 FILE.csv  表計算の教育課程（CSV・.xlsx）を XML に変換する\n"
    "  import --kind clinic FILE.csv  施術所の施術台帳（CSV）を XML に変換する\n"
    "  plan [-o 下書き.xml] FILE    教育課程を基準に合わせる最小の変更（修正案）を示す\n"
    "  diff 前回.xml 今回.xml       前回の提出からの変更（再確認する教員、科目、指摘）を示す\n"
    "  template [-o FILE.xlsx]      記入用のひな形（見出し・説明・選択肢つきのブック、--csv で CSV も）を書き出す\n"
    "  standard [--standard FILE]   基準のすべての数値・表と出典区分、UNKNOWN の値の埋め方を表示する\n"
    "\n"
    "全体のオプション: --help, --version, --lang ja|en\n"
    "終了コード: 0 基準未満の指摘なし / 1 --fail-on 以上の指摘あり / 2 確認できない入力・使い方の誤り\n"
    "詳しくは ahaki-check check --help\n";
const char* usage_en =
    "usage: ahaki-check <command> [options]\n"
    "\n"
    "commands:\n"
    "  check [options] PATH...      check school descriptions (XML) against the standard (directories: *.xml)\n"
    "  rules [--format text|json]   list every rule\n"
    "  explain RULE-ID              explain a rule and its clause\n"
    "  ryoyohi [--ryoyohi FILE]     list the 療養費 fee editions and consent rules\n"
    "  import --type TYPE FILE.csv  convert a spreadsheet curriculum (CSV, .xlsx) to the XML format\n"
    "  import --kind clinic FILE.csv  convert a clinic's visit ledger (CSV) to the clinic XML format\n"
    "  plan [-o DRAFT.xml] FILE     the smallest curriculum changes that meet the standard (a fix plan)\n"
    "  diff OLD.xml NEW.xml         what changed since the last submission (teachers to re-verify, subjects, findings)\n"
    "  template [-o FILE.xlsx]      write an empty workbook with headers, instructions and drop-downs (--csv: CSVs too)\n"
    "  standard [--standard FILE]   every threshold and table of the standard with its provenance; how to fill an UNKNOWN\n"
    "\n"
    "global options: --help, --version, --lang ja|en\n"
    "exit codes: 0 no finding at or above --fail-on / 1 findings at or above it / 2 input could not be checked or usage error\n"
    "more: ahaki-check check --help\n";

/// "output NAME[=PATH], repeatable (NAME: text, json, …)" from the format table.
const char* format_help(Lang L) {
    static const std::array<std::string, 2> help = [] {
        std::string names;
        for (const auto& f : formats()) {
            if (!names.empty()) names += ", ";
            names += f.name;
        }
        return std::array<std::string, 2>{"出力形式 NAME[=PATH]（複数可。NAME: " + names + "。PATHなしは標準出力）",
                                          "output NAME[=PATH], repeatable (NAME: " + names + "; no PATH: standard output)"};
    }();
    return help[L == Lang::ja ? 0 : 1].c_str();
}

po::options_description check_options(Lang L) {
    bool ja = L == Lang::ja;
    po::options_description d(ja ? "check のオプション" : "check options", help_line_length, help_description_length);
    d.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("format,f", po::value<std::vector<std::string>>()->composing(), format_help(L))
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en")
        ("fail-on", po::value<std::string>()->default_value("error"),
         ja ? "終了コード1にする重大度 error|warning|review|never" : "severity that makes the exit code 1: error|warning|review|never")
        ("standard", po::value<std::vector<std::string>>()->composing(),
         ja ? "内蔵の基準の代わりに使う基準ファイル（複数可）" : "standard file to use instead of the embedded one (repeatable)")
        ("ryoyohi", po::value<std::string>(),
         ja ? "施術所の記述に使う療養費データ（内蔵の schemas/ryoyohi/ryoyohi.xml の代わり）"
            : "療養費 data for clinic descriptions, instead of the embedded schemas/ryoyohi/ryoyohi.xml")
        ("waivers", po::value<std::string>(), ja ? "免除ファイル（schemas/waivers.xsd）" : "waiver file (schemas/waivers.xsd)")
        ("today", po::value<std::string>(),
         ja ? "免除の期限を判断する日 YYYY-MM-DD（既定: 今日）" : "the date waivers expire against, YYYY-MM-DD (default: today)")
        ("complete", ja ? "完全な申請として確認（記載のない項目をエラーにする）" : "check as a complete application: absent sections are errors")
        ("cross-check", ja ? "申請どうしを照合する（専任教員の重複、臨床実習施設の共用、重複・再提出。XSB-001〜004）。ないときは未確認"
                           : "compare the submissions with each other (full-time teachers, shared clinical sites, duplicates and resubmissions: XSB-001..004); without it they are not checked")
        ("jobs,j", po::value<std::string>()->default_value("0"),
         ja ? "並列数 0〜256（0: 全コア。ファイル数より多くは使いません）" : "parallel jobs, 0 to 256 (0: all cores; never more than the files)")
        ("max-file-size", po::value<std::string>()->default_value(default_max_file_size),
         ja ? "1ファイルの上限バイト数" : "largest file accepted, in bytes")
        ("max-elements", po::value<std::string>()->default_value("0"),
         ja ? "1ファイルの上限要素数（ahaki-check の名前空間の要素。0 は種類ごとの既定: 学校 20000、施術所 200000）"
            : "most elements of ahaki-check's namespaces accepted in one file (0: each kind's default: school 20000, clinic 200000)")
        ("color", po::value<std::string>()->default_value("auto"), ja ? "色付け auto|always|never" : "colour auto|always|never")
        ("html-detail", po::value<std::string>()->default_value("summary"),
         ja ? "HTML の要件の行 summary（対応が必要な行と区分ごとの件数）|full（すべての行と図）"
            : "HTML requirement rows: summary (rows to act on, counts per section) | full (every row, and the charts)")
        // Sheets (.xlsx, .csv) are checked directly; these say what a sheet does not.
        ("type", po::value<std::string>(), ja ? "表（.xlsx/.csv）の養成施設の種類（hari-kyu、はり師きゅう師養成施設、はりきゅう、あはき など）"
                                              : "facility type of sheets (.xlsx/.csv): hari-kyu, はり師きゅう師養成施設, はりきゅう, あはき …")
        ("sheet", po::value<std::string>(), ja ? "ブックのシート名（既定: 教育課程の見出しのある最初のシート）" : "workbook sheet (default: the first with a curriculum header)")
        ("name", po::value<std::string>(), ja ? "表の学校名（既定: ファイル名）" : "school name of sheets (default: the file's name)")
        ("years", po::value<std::string>()->default_value("3"), ja ? "表の課程の修業年限" : "years of the course of sheets")
        ("schedule", po::value<std::string>()->default_value("day"), ja ? "表の課程 day（昼間）| night（夜間）" : "sheets' course: day | night");
    return d;
}

/// More threads than this only cost memory (each holds a file being checked).
constexpr unsigned max_jobs = 256;

struct OutputSpec {
    const Format* format;
    std::string path;  ///< empty: standard output
};

std::vector<OutputSpec> parse_formats(const std::vector<std::string>& specs) {
    std::vector<OutputSpec> out;
    bool stdout_taken = false;
    for (const auto& s : specs) {
        auto eq = s.find('=');
        std::string name = s.substr(0, eq);
        std::string path = eq == std::string::npos ? std::string() : s.substr(eq + 1);
        const Format* f = find_format(name);
        if (!f) {
            std::string names;
            for (const auto& x : formats()) names += (names.empty() ? "" : ", ") + std::string(x.name);
            throw Usage{Text{"未知の出力形式 '" + name + "'（使える形式: " + names + "）",
                             "unknown format '" + name + "' (available: " + names + ")"}};
        }
        if (eq != std::string::npos && path.empty())
            throw Usage{Text{"--format " + name + "= の出力先が空です", "--format " + name + "= has an empty path"}};
        // The process's own standard output under another name: the same as no path.
        if (path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1") path.clear();
        if (path.empty() || path == "-") {
            if (stdout_taken)
                throw Usage{Text{"標準出力に出せる形式は1つだけです（他は NAME=PATH でファイルに）",
                                 "only one format can go to standard output (send the others to files with NAME=PATH)"}};
            stdout_taken = true;
            path.clear();
        }
        out.push_back({f, path});
    }
    if (out.empty()) out.push_back({find_format("text"), {}});
    return out;
}


/// --format html=DIR/: a path ending in '/' or naming an existing directory.
bool is_directory_target(const std::string& path) {
    std::error_code ec;
    return !path.empty() && (path.back() == '/' || std::filesystem::is_directory(path, ec));
}

/// "NAME: why", in both languages.
Text prefixed(const std::string& name, const Text& why) { return Text{name + ": " + why.ja, name + ": " + why.en}; }

/// Writes every page into the directory (created when missing), each atomically; the first failure is returned.
std::optional<Text> write_html_directory(const std::string& dir, const std::vector<HtmlPage>& pages) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec && !std::filesystem::is_directory(dir)) return system_error_text(ec.value());
    for (const auto& p : pages)
        if (auto why = write_atomically((std::filesystem::path(dir) / p.name).string(), p.html)) return prefixed(p.name, *why);
    return std::nullopt;
}

/// --format html=DIR/ streamed: each page written atomically into the directory (created when missing) by
/// the writer's end(); the first failure is kept.
class DirectoryPages final : public PageSink {
public:
    explicit DirectoryPages(std::string dir) : dir_(std::move(dir)) {}
    bool open(const std::string& name) override {
        if (!created_) {
            std::error_code ec;
            std::filesystem::create_directories(dir_, ec);
            if (ec && !std::filesystem::is_directory(dir_)) return fail(system_error_text(ec.value()));
            created_ = true;
        }
        name_ = name;
        file_ = std::make_unique<AtomicFile>((std::filesystem::path(dir_) / name).string());
        if (!file_->open()) return fail(prefixed(name, file_->commit().value_or(Text{"開けません", "cannot open"})));
        return true;
    }
    bool write(std::string_view bytes) override {
        if (!file_) return false;
        if (file_->write(bytes)) return true;
        auto why = file_->commit();  // removes the temporary file
        file_.reset();
        return fail(prefixed(name_, why.value_or(Text{"書き込めません", "cannot write"})));
    }
    bool close() override {
        if (!file_) return false;
        auto why = file_->commit();
        file_.reset();
        return !why || fail(prefixed(name_, *why));
    }
    /// Why a page could not be written (empty: no failure seen).
    const Text& error() const { return error_; }

private:
    bool fail(Text why) {
        if (error_.empty()) error_ = std::move(why);
        return false;
    }
    std::string dir_, name_;
    Text error_;
    std::unique_ptr<AtomicFile> file_;
    bool created_ = false;
};

/// Control characters (a terminal's escape sequences) from file names and input shown as \xNN.
std::string terminal_safe(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            const char* hex = "0123456789ABCDEF";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

/// "dir/x.xml: お知らせ: 確認しませんでした: …（期待: …）" for a file a directory scan skipped.
std::string notice_line(const Diagnostic& d, Lang L) {
    std::string s = d.file + (L == Lang::ja ? ": お知らせ: " : ": notice: ") + d.message.in(L);
    if (!d.expected.empty()) s += L == Lang::ja ? "（ahaki-check の文書: " + d.expected.ja + "）" : " (ahaki-check documents: " + d.expected.en + ")";
    return terminal_safe(s);
}

Severity parse_fail_on(const std::string& v, bool& never) {
    never = false;
    if (v == "error") return Severity::error;
    if (v == "warning") return Severity::warning;
    if (v == "review") return Severity::review;
    if (v == "never") {
        never = true;
        return Severity::error;
    }
    throw Usage{Text{"--fail-on に '" + v + "' は使えません（error, warning, review, never）",
                     "--fail-on: '" + v + "' is not one of error, warning, review, never"}};
}

int cmd_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool tty) {
    Lang L = lang_from(args);
    auto desc = check_options(L);
    po::variables_map vm = parse_command(args, desc, "paths");
    if (vm.count("help")) {
        out << help_page(L == Lang::ja ? "使い方: ahaki-check check [オプション] パス...\n" : "usage: ahaki-check check [options] PATH...\n",
                         desc);
        return ok;
    }
    std::string lang = vm["lang"].as<std::string>();
    if (lang != "ja" && lang != "en")
        throw Usage{Text{"--lang に '" + lang + "' は使えません（ja, en）", "--lang: '" + lang + "' is not ja or en"}};
    if (!vm.count("paths"))
        throw Usage{Text{"確認するファイルかディレクトリを指定してください", "give the files or directories to check"}};
    bool never = false;
    Severity fail_on = parse_fail_on(vm["fail-on"].as<std::string>(), never);
    auto outputs = parse_formats(vm.count("format") ? vm["format"].as<std::vector<std::string>>() : std::vector<std::string>{});
    std::string color = vm["color"].as<std::string>();
    if (color != "auto" && color != "always" && color != "never")
        throw Usage{Text{"--color に '" + color + "' は使えません（auto, always, never）", "--color: '" + color + "' is not auto, always or never"}};
    bool use_color = color == "always" || (color == "auto" && tty && std::getenv("NO_COLOR") == nullptr);

    StandardsLoad standards =
        load_standards(vm.count("standard") ? vm["standard"].as<std::vector<std::string>>() : std::vector<std::string>{});
    if (!standards.errors.empty() || standards.set.editions.empty()) {
        for (const auto& d : standards.errors) err << diagnostic_line(d, L) << "\n";
        if (standards.errors.empty())
            err << (L == Lang::ja ? "エラー: 基準がありません\n" : "error: no standard loaded\n");
        return trouble;
    }

    const std::string html_detail = vm["html-detail"].as<std::string>();
    if (html_detail != "summary" && html_detail != "full")
        throw Usage{Text{"--html-detail に '" + html_detail + "' は使えません（summary, full）",
                         "--html-detail: '" + html_detail + "' is not summary or full"}};
    const HtmlOptions html_options{L, html_detail == "full"};
    std::optional<Ryoyohi> ryoyohi;
    if (vm.count("ryoyohi")) {
        RyoyohiLoad rl = read_ryoyohi_file(vm["ryoyohi"].as<std::string>());
        for (const auto& d : rl.errors) err << diagnostic_line(d, L) << "\n";
        if (!rl.data) return trouble;
        ryoyohi = std::move(rl.data);
    }

    RunOptions options;
    if (ryoyohi) options.ryoyohi = &*ryoyohi;
    // A kind's summary is rendered only for the formats written, in the run's language.
    options.summary = {false, false, false, L == Lang::ja, L == Lang::en};
    for (const auto& o : outputs) {
        options.summary.text = options.summary.text || o.format->name == "text";
        options.summary.json = options.summary.json || o.format->name == "json";
        options.summary.html = options.summary.html || o.format->name == "html";
    }
    options.check.complete = vm.count("complete") > 0;
    // The HTML report lays out each course's subjects (its 教育課程表): keep the models for it.
    for (const auto& o : outputs) options.keep_models = options.keep_models || o.format->name == "html";
    options.cross_check = vm.count("cross-check") > 0;
    {
        // Digits only: "-1" would wrap around to 4294967295 as an unsigned.
        const std::string& j = vm["jobs"].as<std::string>();
        bool digits = !j.empty() && j.size() <= 3 && j.find_first_not_of("0123456789") == std::string::npos;
        unsigned v = digits ? static_cast<unsigned>(std::stoul(j)) : max_jobs + 1;
        if (v > max_jobs)
            throw Usage{Text{"--jobs に '" + escape::shown(j) + "' は使えません（0〜" + std::to_string(max_jobs) + " の整数。0 は全コア）",
                             "--jobs: '" + escape::shown(j) + "' is not a whole number from 0 to " + std::to_string(max_jobs) +
                                 " (0: all cores)"}};
        options.jobs = v;
    }
    auto limit_option = [&](const char* name, std::size_t min, std::size_t max) {
        auto w = whole_option(std::string("--") + name, vm[name].as<std::string>(), min, max);
        if (!w.value) throw Usage{w.problem};
        return *w.value;
    };
    options.load.limits.max_file_bytes = limit_option("max-file-size", 1, max_max_file_size);
    if (vm.count("type")) {
        auto t = import::match_facility_type(vm["type"].as<std::string>());
        if (!t) throw Usage{Text{"--type に '" + vm["type"].as<std::string>() + "' は使えません（hari-kyu、はり師きゅう師養成施設、はりきゅう、あはき など）",
                                 "--type: '" + vm["type"].as<std::string>() + "' is not a facility type (hari-kyu, anma-hari-kyu, はりきゅう, あはき …)"}};
        options.sheet.type = *t;
        options.sheet_type_given = true;
    }
    if (vm.count("sheet")) options.sheet.sheet = vm["sheet"].as<std::string>();
    if (vm.count("name")) options.sheet.name = vm["name"].as<std::string>();
    options.sheet.years = static_cast<int>(limit_option("years", 1, 20));
    if (auto sc = parse_code(schedules(), vm["schedule"].as<std::string>())) {
        options.sheet.schedule = *sc;
        options.sheet.course_id = std::string(info(schedules(), *sc).code);
    } else {
        throw Usage{Text{"--schedule は day か night です", "--schedule must be day or night"}};
    }
    options.load.limits.max_elements = limit_option("max-elements", 0, max_max_elements);

    Date today = today_local();
    if (vm.count("today")) {
        auto d = parse_date(vm["today"].as<std::string>());
        if (!d) throw Usage{Text{"--today は実在する日付 YYYY-MM-DD です", "--today takes an existing date as YYYY-MM-DD"}};
        today = *d;
    }
    std::optional<WaiverSet> waivers;
    if (vm.count("waivers")) {
        WaiverLoad wl = read_waivers_file(vm["waivers"].as<std::string>());
        for (const auto& d : wl.errors) err << diagnostic_line(d, L) << "\n";
        if (!wl.set) return trouble;
        waivers = std::move(wl.set);
    }

    RunReport run;
    run.standards = &standards.set;
    run.complete = options.check.complete;
    Expanded expanded = expand_paths(vm["paths"].as<std::vector<std::string>>());
    run.run_errors = std::move(expanded.errors);
    {
        // Nothing is written before every output is known to be safe to write.
        std::vector<std::string> inputs = expanded.files, paths;
        if (vm.count("waivers")) inputs.push_back(vm["waivers"].as<std::string>());
        if (vm.count("standard"))
            for (const auto& s : vm["standard"].as<std::vector<std::string>>()) inputs.push_back(s);
        bool to_stdout = false;
        for (const auto& o : outputs) {
            if (o.path.empty()) to_stdout = true;
            // html=DIR/: new pages named NNN-school.html inside a directory, never an input (*.xml).
            else if (!(o.format->name == "html" && is_directory_target(o.path))) paths.push_back(o.path);
            else if (std::error_code ec; std::filesystem::is_directory(o.path, ec)) {
                // html=DIR/ into a directory that exists: a page there may be a link to an input, or not a
                // regular file; every page it will write is checked like any output (a new directory has none).
                paths.push_back((std::filesystem::path(o.path) / "index.html").string());
                for (std::size_t i = 0; i < expanded.files.size(); ++i)
                    paths.push_back((std::filesystem::path(o.path) / html_page_name(expanded.files[i], i)).string());
            }
        }
        if (auto refused = check_outputs(paths, inputs, to_stdout && &out == &std::cout)) {
            err << (L == Lang::ja ? "エラー: " : "error: ") << refused->in(L) << "\n";
            return trouble;
        }
    }
    for (const auto& n : expanded.notices) err << notice_line(n, L) << "\n";
    std::optional<Progress> progress;
    if (&err == &std::cerr && ::isatty(STDERR_FILENO) && expanded.files.size() > 1) {
        progress.emplace(err, L);
        options.progress = [&progress](std::size_t done, std::size_t total) { progress->update(done, total); };
    }

    WriteContext wc{L, false, fail_on, never};
    wc.html_full = html_options.full;
    auto context_for = [&](const OutputSpec& o) {
        WriteContext c = wc;
        c.color = o.path.empty() && use_color && o.format->name == "text";
        return c;
    };
    auto cannot_write = [&](const std::string& path, const Text& why) { err << cannot_write_line(path, why, L); };
    bool invalid = !run.run_errors.empty();
    bool failing = false;
    auto fails = [&](const FileReport& f) {
        for (const auto& oc : f.outcomes)
            for (const auto& fi : oc.findings)
                if (!never && !fi.waiver_reason && severity_rank(fi.severity) >= severity_rank(fail_on)) return true;
        return false;
    };
    auto tally = [&](const FileReport& f) {
        if (!f.errors.empty()) invalid = true;
        if (fails(f)) failing = true;
    };
    int status = ok;

    // Streaming: when every requested format can be written file by file, the
    // reports are written as they come and not kept, so memory does not grow
    // with the number of files (stream_files). Each report is rendered on the
    // worker thread that checked it; only appending the bytes is done in order.
    // Formats without a streaming writer, and waivers (an unmatched waiver is
    // known only at the end), take the RunReport path below.
    bool stream = true;
    for (const auto& o : outputs) stream = stream && make_stream_writer(o.format->name, context_for(o), {}) != nullptr;
    if (stream) {
        if (waivers) run.waivers = &*waivers;  // the writers know from begin() that notices come at the end
        struct Dest {
            std::unique_ptr<AtomicFile> file;  // null: standard output
            std::unique_ptr<DirectoryPages> pages;  // html=DIR/: the writer writes its own files
            std::unique_ptr<StreamWriter> writer;
            bool ok = true;
        };
        std::vector<Dest> dests;
        for (const auto& o : outputs) {
            Dest d;
            ByteSink sink;
            if (o.format->name == "html" && is_directory_target(o.path)) {
                // --format html=DIR/: one report per school and an index page, written at the end.
                d.pages = std::make_unique<DirectoryPages>(o.path);
                d.writer = make_html_pages_stream(html_options, *d.pages);
                d.ok = d.writer->begin(run);
                dests.push_back(std::move(d));
                continue;
            }
            if (o.path.empty()) {
                sink = [&out](std::string_view b) { return static_cast<bool>(out.write(b.data(), static_cast<std::streamsize>(b.size()))); };
            } else {
                d.file = std::make_unique<AtomicFile>(o.path);
                d.ok = d.file->open();
                AtomicFile* f = d.file.get();
                sink = [f](std::string_view b) { return f->write(b); };
            }
            d.writer = make_stream_writer(o.format->name, context_for(o), std::move(sink));
            if (d.ok) d.ok = d.writer->begin(run);
            dests.push_back(std::move(d));
        }
        struct Rendered {
            bool invalid = false, failing = false;
            std::vector<Fragment> parts;    // one per destination
            std::vector<std::size_t> matched;  // per waiver, the findings it matched in this file
        };
        std::vector<std::size_t> matched;
        auto render = [&](std::size_t, FileReport&& f) {
            Rendered r;
            // After the checks across submissions (stream_files), so a cross-file finding can be waived too.
            if (waivers) apply_waivers_to(*waivers, f, today, r.matched);
            r.invalid = !f.errors.empty();
            r.failing = fails(f);
            // Every destination, even one that failed already: `ok` is the sink's to read.
            for (const auto& d : dests) r.parts.push_back(d.writer->render(f));
            return r;
        };
        auto append = [&](std::size_t, Rendered&& r) {
            if (matched.size() < r.matched.size()) matched.resize(r.matched.size(), 0);
            for (std::size_t k = 0; k < r.matched.size(); ++k) matched[k] += r.matched[k];
            invalid = invalid || r.invalid;
            failing = failing || r.failing;
            for (std::size_t k = 0; k < dests.size(); ++k)
                if (dests[k].ok) dests[k].ok = dests[k].writer->append(std::move(r.parts[k]));
        };
        auto failed = stream_files<Rendered>(expanded.files, standards.set, options, render, append);
        if (progress) progress->finish();
        if (failed) {
            // The reports are incomplete: no output file replaces its target.
            err << (L == Lang::ja ? "エラー: " : "error: ") << failed->in(L) << "\n";
            status = trouble;
            dests.clear();
        }
        if (waivers) run.waiver_notices = waiver_notices(*waivers, matched, today);
        for (std::size_t i = 0; i < dests.size(); ++i) {
            Dest& d = dests[i];
            if (d.ok) d.ok = d.writer->end(run);
            if (d.pages) {
                if (!d.ok) {
                    const Text& why = d.pages->error();
                    cannot_write(outputs[i].path, why.empty() ? system_error_text(errno) : why);
                    status = trouble;
                }
                continue;
            }
            if (!d.file) {
                out.flush();
                continue;
            }
            auto why = d.file->commit();
            if (why || !d.ok) {
                cannot_write(outputs[i].path, why.value_or(system_error_text(errno)));
                status = trouble;
            }
        }
    } else {
        run.files = check_files(expanded.files, standards.set, options);
        if (progress) progress->finish();
        // Across submissions before waivers, so a cross-file finding can be waived too.
        if (options.cross_check) cross_check(run.files);
        if (waivers) {
            run.waivers = &*waivers;
            run.waiver_notices = apply_waivers(*waivers, run.files, today).notices;
        }
        for (const auto& f : run.files) tally(f);
        for (const auto& o : outputs) {
            if (o.format->name == "html" && is_directory_target(o.path)) {
                // --format html=DIR/: one report per school and an index page.
                if (auto why = write_html_directory(o.path, write_html_pages(run, html_options))) {
                    cannot_write(o.path, *why);
                    status = trouble;
                }
                continue;
            }
            std::string content = o.format->name == "html" ? write_html(run, html_options) : o.format->write(run, context_for(o));
            if (o.path.empty()) {
                out << content;
                out.flush();
            } else if (auto why = write_atomically(o.path, content)) {
                cannot_write(o.path, *why);
                status = trouble;
            }
        }
    }
    if (!never && severity_rank(Severity::warning) >= severity_rank(fail_on) && !run.waiver_notices.empty()) failing = true;
    if (invalid || status == trouble) return trouble;
    return failing ? findings : ok;
}

/// ahaki-check ryoyohi [--ryoyohi FILE] [--lang]: the 療養費 fee editions and dated rules.
int cmd_ryoyohi(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Lang L = lang_from(args);
    po::options_description d;
    d.add_options()("ryoyohi", po::value<std::string>())("lang", po::value<std::string>());
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(d).run(), vm);
    if (vm.count("ryoyohi")) {
        RyoyohiLoad rl = read_ryoyohi_file(vm["ryoyohi"].as<std::string>());
        for (const auto& x : rl.errors) err << diagnostic_line(x, L) << "\n";
        if (!rl.data) return trouble;
        out << ryoyohi_listing(*rl.data, L);
        return ok;
    }
    out << ryoyohi_listing(embedded_ryoyohi(), L);
    return ok;
}

int cmd_rules(const std::vector<std::string>& args, std::ostream& out) {
    Lang L = lang_from(args);
    po::options_description d;
    d.add_options()("format", po::value<std::string>()->default_value("text"))("lang", po::value<std::string>());
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(d).run(), vm);
    std::string format = vm["format"].as<std::string>();
    if (format == "json") {
        boost::json::array rules;
        for (const auto& r : all_rules())
            rules.push_back(boost::json::object{{"id", r.id},
                                                {"severity", severity_code(r.severity)},
                                                {"section", section_code(r.section)},
                                                {"citation", r.citation},
                                                {"title", {{"ja", r.title.ja}, {"en", r.title.en}}},
                                                {"explanation", {{"ja", r.explanation.ja}, {"en", r.explanation.en}}}});
        out << boost::json::serialize(boost::json::object{{"tool", "ahaki-check"}, {"version", tool_version}, {"rules", rules}})
            << "\n";
        return ok;
    }
    if (format != "text") throw Usage{Text{"rules --format は text か json です", "rules --format must be text or json"}};
    // Columns aligned by display width (a kanji is two columns).
    std::size_t sev_w = 0, cite_w = 0;
    for (const auto& r : all_rules()) {
        sev_w = std::max(sev_w, display_width(severity_code(r.severity)));
        cite_w = std::max(cite_w, display_width(r.citation));
    }
    for (const auto& r : all_rules())
        out << r.id << "  " << pad_right(severity_code(r.severity), sev_w) << "  " << pad_right(r.citation, cite_w) << "  " << r.title.in(L) << "\n";
    return ok;
}

int cmd_explain(const std::vector<std::string>& args, std::ostream& out) {
    Lang L = lang_from(args);
    std::string id;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang") { ++i; continue; }
        if (args[i].rfind("--", 0) == 0) continue;
        id = args[i];
    }
    if (id.empty()) throw Usage{Text{"説明する規則IDを指定してください（例: CUR-001）", "give a rule id to explain (e.g. CUR-001)"}};
    // Rule ids are upper case; "cur-001" means the same rule.
    for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const Rule* r = find_rule(id);
    if (!r) {
        std::vector<std::string_view> ids;
        for (const auto& x : all_rules()) ids.push_back(x.id);
        throw Usage{Text{"規則 " + id + " はありません（ahaki-check rules で一覧できます）",
                         "no rule " + id + " (ahaki-check rules lists them)"}};
    }
    bool ja = L == Lang::ja;
    out << r->id << ": " << r->title.in(L) << "\n"
        << (ja ? "根拠: " : "clause: ") << r->citation << "\n"
        << (ja ? "重大度: " : "severity: ") << severity_text(r->severity).in(L)
        << (severity_text(r->severity).in(L) == severity_code(r->severity) ? std::string() : " (" + std::string(severity_code(r->severity)) + ")")
        << "\n"
        << (ja ? "対象: " : "section: ") << section_text(r->section).in(L) << "\n\n"
        << r->explanation.in(L) << "\n";
    // Issue 10, item 6: what the rule's status rests on.
    if (const Text* evidence = declared_evidence(r->id))
        out << "\n" << (ja ? "根拠の種類: 申告（学校の記載した「はい・いいえ」）。報告では「適合（申告）」と示し、審査では次の書類で確認します: "
                            : "basis: declared (the school's yes/no statement). Reports show it as \"compliant (declared)\"; the reviewer checks: ")
            << evidence->in(L) << "\n";
    else
        out << "\n" << (ja ? "根拠の種類: 記載事項（数値・日付・一覧・参照）から計算。記載がなければ未確認です。"
                            : "basis: computed from the facts described (numbers, dates, lists, references); not checked when they are absent.")
            << "\n";
    return ok;
}

}  // namespace

Lang lang_from(const std::vector<std::string>& args) {
    Lang lang = Lang::ja;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) lang = args[i + 1] == "en" ? Lang::en : Lang::ja;
        if (args[i] == "--lang=en") lang = Lang::en;
        if (args[i] == "--lang=ja") lang = Lang::ja;
    }
    return lang;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool tty) {
    Lang L = lang_from(args);
    try {
        if (args.empty()) {
            err << (L == Lang::ja ? usage_ja : usage_en);
            return trouble;
        }
        const std::string& cmd = args[0];
        std::vector<std::string> rest(args.begin() + 1, args.end());
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            out << (L == Lang::ja ? usage_ja : usage_en);
            return ok;
        }
        if (cmd == "--version") {
            out << "ahaki-check " << tool_version << "\n";
            return ok;
        }
        if (cmd == "--lang" && args.size() >= 3) {
            std::vector<std::string> reordered(args.begin() + 2, args.end());
            reordered.push_back("--lang");
            reordered.push_back(args[1]);
            return run(reordered, out, err, tty);
        }
        if (cmd == "check") return cmd_check(rest, out, err, tty);
        if (cmd == "rules") return cmd_rules(rest, out);
        if (cmd == "explain") return cmd_explain(rest, out);
        if (cmd == "ryoyohi") return cmd_ryoyohi(rest, out, err);
        if (cmd == "import") return cmd_import(rest, out, err);
        if (cmd == "plan") return cmd_plan(rest, out, err);
        if (cmd == "diff") return cmd_diff(rest, out, err);
        if (cmd == "template") return cmd_template(rest, out, err);
        if (cmd == "standard") return cmd_standard(rest, out, err);
        throw Usage{Text{"未知のコマンド '" + cmd + "'（check, rules, explain, import, plan, diff, template, ryoyohi, standard）", "unknown command '" + cmd + "' (check, rules, explain, import, plan, diff, template, ryoyohi, standard)"}};
    } catch (const Usage& u) {
        // Usage messages quote the command line: escaped like any string from input.
        err << (L == Lang::ja ? "エラー: " : "error: ") << escape::shown(u.message.in(L), escape::max_message) << "\n"
            << (L == Lang::ja ? "ahaki-check --help で使い方を表示します\n" : "see ahaki-check --help\n");
        return trouble;
    } catch (const po::error& e) {
        err << (L == Lang::ja ? "エラー: " : "error: ") << escape::shown(option_error_text(e).in(L), escape::max_message) << "\n"
            << (L == Lang::ja ? "ahaki-check --help で使い方を表示します\n" : "see ahaki-check --help\n");
        return trouble;
    } catch (const std::exception& e) {
        // A bug: say so plainly rather than pretending the input was fine.
        err << (L == Lang::ja ? "内部エラー: " : "internal error: ") << e.what() << "\n";
        return trouble;
    }
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::ios::sync_with_stdio(false);
    return run(args, std::cout, std::cerr, ::isatty(STDOUT_FILENO) != 0);
}

}  // namespace ahaki::cli
