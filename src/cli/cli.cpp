#include "cli/cli.hpp"

#include <unistd.h>

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cli/import_cmd.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "engine/engine.hpp"
#include "engine/streamed.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"
#include "xml/waiver_reader.hpp"
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
    "  import --type 種類 FILE.csv  表計算の教育課程（CSV）を XML に変換する\n"
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
    "  import --type TYPE FILE.csv  convert a spreadsheet curriculum (CSV) to the XML format\n"
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
    po::options_description d(ja ? "check のオプション" : "check options");
    d.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("format,f", po::value<std::vector<std::string>>()->composing(), format_help(L))
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en")
        ("fail-on", po::value<std::string>()->default_value("error"),
         ja ? "終了コード1にする重大度 error|warning|review|never" : "severity that makes the exit code 1: error|warning|review|never")
        ("standard", po::value<std::vector<std::string>>()->composing(),
         ja ? "内蔵の基準の代わりに使う基準ファイル（複数可）" : "standard file to use instead of the embedded one (repeatable)")
        ("waivers", po::value<std::string>(), ja ? "免除ファイル（schemas/waivers.xsd）" : "waiver file (schemas/waivers.xsd)")
        ("today", po::value<std::string>(),
         ja ? "免除の期限を判断する日 YYYY-MM-DD（既定: 今日）" : "the date waivers expire against, YYYY-MM-DD (default: today)")
        ("complete", ja ? "完全な申請として確認（記載のない項目をエラーにする）" : "check as a complete application: absent sections are errors")
        ("jobs,j", po::value<unsigned>()->default_value(0), ja ? "並列数（0: 全コア）" : "parallel jobs (0: all cores)")
        ("max-file-size", po::value<std::size_t>()->default_value(64u * 1024u * 1024u),
         ja ? "1ファイルの上限バイト数" : "largest file accepted, in bytes")
        ("max-elements", po::value<std::size_t>()->default_value(20000),
         ja ? "1ファイルの上限要素数（ahaki-check の名前空間の要素）" : "most elements of ahaki-check's namespaces accepted in one file")
        ("color", po::value<std::string>()->default_value("auto"), ja ? "色付け auto|always|never" : "colour auto|always|never");
    return d;
}

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
        out << (L == Lang::ja ? "使い方: ahaki-check check [オプション] パス...\n" : "usage: ahaki-check check [options] PATH...\n")
            << desc << "\n";
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

    RunOptions options;
    options.check.complete = vm.count("complete") > 0;
    options.jobs = vm["jobs"].as<unsigned>();
    options.load.limits.max_file_bytes = vm["max-file-size"].as<std::size_t>();
    options.load.limits.max_elements = vm["max-elements"].as<std::size_t>();

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
    std::optional<Progress> progress;
    if (&err == &std::cerr && ::isatty(STDERR_FILENO) && expanded.files.size() > 1) {
        progress.emplace(err, L);
        options.progress = [&progress](std::size_t done, std::size_t total) { progress->update(done, total); };
    }

    WriteContext wc{L, false, fail_on, never};
    auto context_for = [&](const OutputSpec& o) {
        WriteContext c = wc;
        c.color = o.path.empty() && use_color && o.format->name == "text";
        return c;
    };
    auto cannot_write = [&](const std::string& path, const std::string& why) {
        err << (L == Lang::ja ? "エラー: " + path + " に書き込めません: " + why + "\n"
                              : "error: cannot write " + path + ": " + why + "\n");
    };
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
    bool stream = !waivers;
    for (const auto& o : outputs) stream = stream && make_stream_writer(o.format->name, context_for(o), {}) != nullptr;
    if (stream) {
        struct Dest {
            std::unique_ptr<AtomicFile> file;  // null: standard output
            std::unique_ptr<StreamWriter> writer;
            bool ok = true;
        };
        std::vector<Dest> dests;
        for (const auto& o : outputs) {
            Dest d;
            ByteSink sink;
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
            std::vector<Fragment> parts;  // one per destination
        };
        auto render = [&](std::size_t, FileReport&& f) {
            Rendered r{!f.errors.empty(), fails(f), {}};
            // Every destination, even one that failed already: `ok` is the sink's to read.
            for (const auto& d : dests) r.parts.push_back(d.writer->render(f));
            return r;
        };
        auto append = [&](std::size_t, Rendered&& r) {
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
        for (std::size_t i = 0; i < dests.size(); ++i) {
            Dest& d = dests[i];
            if (d.ok) d.ok = d.writer->end(run);
            if (!d.file) {
                out.flush();
                continue;
            }
            auto why = d.file->commit();
            if (why || !d.ok) {
                cannot_write(outputs[i].path, why.value_or(std::strerror(errno)));
                status = trouble;
            }
        }
    } else {
        run.files = check_files(expanded.files, standards.set, options);
        if (progress) progress->finish();
        // Across submissions before waivers, so a cross-file finding can be waived too.
        cross_check(run.files);
        if (waivers) {
            run.waivers = &*waivers;
            run.waiver_notices = apply_waivers(*waivers, run.files, today).notices;
        }
        for (const auto& f : run.files) tally(f);
        for (const auto& o : outputs) {
            std::string content = o.format->write(run, context_for(o));
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
    for (const auto& r : all_rules())
        out << r.id << "  " << severity_code(r.severity) << "  " << r.citation << "  " << r.title.in(L) << "\n";
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
        << (ja ? "重大度: " : "severity: ") << severity_text(r->severity).in(L) << " (" << severity_code(r->severity) << ")\n"
        << (ja ? "対象: " : "section: ") << section_text(r->section).in(L) << "\n\n"
        << r->explanation.in(L) << "\n";
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
        if (cmd == "import") return cmd_import(rest, out, err);
        throw Usage{Text{"未知のコマンド '" + cmd + "'（check, rules, explain, import）", "unknown command '" + cmd + "' (check, rules, explain, import)"}};
    } catch (const Usage& u) {
        err << (L == Lang::ja ? "エラー: " : "error: ") << u.message.in(L) << "\n"
            << (L == Lang::ja ? "ahaki-check --help で使い方を表示します\n" : "see ahaki-check --help\n");
        return trouble;
    } catch (const po::error& e) {
        err << (L == Lang::ja ? "エラー: オプションが正しくありません: " : "error: bad option: ") << e.what() << "\n";
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
