#include "cli/plan_cmd.hpp"

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "engine/engine.hpp"
#include "report/escape.hpp"
#include "report/plan_render.hpp"
#include "report/report.hpp"
#include "xml/draft.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;

namespace {

std::size_t cur_errors(const FileReport& f) {
    std::size_t n = 0;
    for (const auto& o : f.outcomes)
        if (o.rule_id.starts_with("CUR-"))
            for (const auto& fi : o.findings) n += fi.severity == Severity::error && !fi.waiver_reason;
    return n;
}

}  // namespace

int cmd_plan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(args);
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "plan のオプション" : "plan options", help_line_length, help_description_length);
    desc.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en")
        ("format", po::value<std::string>()->default_value("text"), ja ? "出力形式 text|json" : "output format text|json")
        ("output,o", po::value<std::string>(),
         ja ? "修正案を反映した記述（下書き）を書き出すファイル" : "write the description with the plan applied (a draft) to this file")
        ("standard", po::value<std::vector<std::string>>()->composing(),
         ja ? "内蔵の基準の代わりに使う基準ファイル（複数可）" : "standard file to use instead of the embedded one (repeatable)");
    po::variables_map vm = parse_command(args, desc, "files");
    if (vm.count("help")) {
        out << help_page(ja ? "使い方: ahaki-check plan [オプション] FILE.xml\n"
                     "教育課程（CUR-*）を基準に合わせる最小の変更（修正案）を示します。\n"
                   : "usage: ahaki-check plan [options] FILE.xml\n"
                     "Proposes the smallest changes that make the curriculum (CUR-*) compliant.\n"
,
                         desc,
                         ja ? "終了コード: 0 変更不要 / 1 修正案あり / 2 確認できない入力\n"
                            : "exit codes: 0 nothing to change / 1 a plan was made / 2 input could not be checked\n");
        return ok;
    }
    auto files = vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (files.size() != 1) {
        err << (ja ? "エラー: 修正案を作るファイルを1つ指定してください\n" : "error: give exactly one file to plan\n");
        return trouble;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json") {
        err << (ja ? "エラー: plan --format は text か json です\n" : "error: plan --format must be text or json\n");
        return trouble;
    }
    StandardsLoad standards =
        load_standards(vm.count("standard") ? vm["standard"].as<std::vector<std::string>>() : std::vector<std::string>{});
    if (!standards.errors.empty() || standards.set.editions.empty()) {
        for (const auto& d : standards.errors) err << diagnostic_line(d, L) << "\n";
        return trouble;
    }
    RunOptions options;
    ReadResult read = read_source(files[0], options.load.limits);
    if (read.error) {
        err << diagnostic_line(*read.error, L) << "\n";
        return trouble;
    }
    FileReport report = check_source(*read.source, standards.set, options);
    if (!report.errors.empty()) {
        for (const auto& d : report.errors) err << diagnostic_line(d, L) << "\n";
        return trouble;
    }

    std::optional<FileReport> draft_report;
    std::string draft_path;
    if (vm.count("output")) {
        draft_path = vm["output"].as<std::string>();
        // The draft never replaces the description it is made from (or a --standard file).
        std::vector<std::string> inputs{files[0]};
        if (vm.count("standard"))
            for (const auto& s : vm["standard"].as<std::vector<std::string>>()) inputs.push_back(s);
        if (auto refused = check_outputs({draft_path}, inputs, false)) {
            err << (ja ? "エラー: " : "error: ") << refused->in(L) << "\n";
            return trouble;
        }
        DraftResult draft = apply_plan(*read.source, report.plan);
        if (!draft.xml) {
            err << (ja ? "エラー: 下書きを作れません: " : "error: cannot make the draft: ") << draft.error.in(L) << "\n";
            return trouble;
        }
        // Check the draft before writing it: the file says what it is and what is left.
        ReadResult again = decode_source(draft_path, *draft.xml);
        if (again.source) draft_report = check_source(*again.source, standards.set, options);
        if (auto why = write_atomically(draft_path, *draft.xml)) {
            err << cannot_write_line(draft_path, *why, ja ? Lang::ja : Lang::en);
            return trouble;
        }
    }

    if (format == "json") {
        boost::json::object o{{"tool", "ahaki-check"},
                              {"version", tool_version},
                              {"file", report.path},
                              {"school", report.school_name},
                              {"standard", report.standard_id},
                              {"curriculum_errors", cur_errors(report)},
                              {"plan", report::plan_json(report, L)}};
        if (draft_report) {
            o["draft"] = draft_path;
            o["draft_curriculum_errors"] = cur_errors(*draft_report);
        }
        std::string json = boost::json::serialize(o);
        escape::repair_utf8(json, true);  // valid UTF-8 whatever bytes a file name has (report/escape.hpp)
        out << json << "\n";
    } else {
        out << escape::shown(report.path) << ": " << escape::shown(report.school_name) << "\n";
        if (report.plan.empty()) {
            out << (ja ? "  教育課程（CUR-*）にエラーはありません。修正案はありません。\n"
                       : "  the curriculum (CUR-*) has no error: nothing to change.\n");
        } else {
            out << report::plan_text(report, L);
        }
        if (draft_report) {
            std::size_t left = cur_errors(*draft_report);
            out << (ja ? "下書き: " + escape::shown(draft_path) + "（教育課程のエラー " + std::to_string(cur_errors(report)) + " 件 → " +
                             std::to_string(left) + " 件）\n"
                       : "draft: " + escape::shown(draft_path) + " (curriculum errors: " + std::to_string(cur_errors(report)) + " → " +
                             std::to_string(left) + ")\n");
            for (const auto& o : draft_report->outcomes)
                if (o.rule_id.starts_with("CUR-"))
                    for (const auto& fi : o.findings)
                        if (fi.severity == Severity::error && !fi.waiver_reason)
                            out << "  " << (ja ? "残り: " : "left: ") << escape::shown(fi.message.in(L), escape::max_message) << " [" << fi.rule_id << "]\n";
        }
    }
    return report.plan.empty() ? ok : findings;
}

}  // namespace ahaki::cli
