#include "cli/diff_cmd.hpp"

#include <boost/json.hpp>
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "engine/diff.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"

namespace ahaki::cli {
namespace po = boost::program_options;
namespace {

Text what_text(DiffItem::What w) {
    switch (w) {
        case DiffItem::What::teacher: return {"教員", "teacher"};
        case DiffItem::What::subject: return {"科目", "subject"};
        case DiffItem::What::course: return {"課程", "course"};
        case DiffItem::What::intake: return {"定員", "intake"};
        case DiffItem::What::site: return {"臨床実習施設", "clinical site"};
        case DiffItem::What::finding: return {"指摘", "finding"};
    }
    return {};
}

Text change_text(DiffItem::What w, DiffItem::Change c) {
    if (w == DiffItem::What::finding) return c == DiffItem::Change::added ? Text{"新たに出た", "new"} : Text{"解消した", "gone"};
    switch (c) {
        case DiffItem::Change::added: return {"追加", "added"};
        case DiffItem::Change::removed: return {"削除", "removed"};
        case DiffItem::Change::changed: return {"変更", "changed"};
    }
    return {};
}

std::string details(const DiffItem& d, Lang L) {
    std::string s;
    for (const auto& x : d.details) s += (s.empty() ? "" : L == Lang::ja ? "、" : "; ") + x.in(L);
    return s;
}

std::string loc_of(const DiffItem& d) {
    const Loc& l = d.new_loc.known() ? d.new_loc : d.old_loc;
    return l.known() ? std::to_string(l.line) : std::string();
}

std::string reverify_text(Lang L) {
    return L == Lang::ja ? "書類で再確認してください（指導要領 14(1)）" : "re-verify with the documents (指導要領 14(1))";
}

/// Text for a terminal: the file names, names, keys and details from the input through the escaping layer (report/escape.hpp).
std::string text_of(const std::string& a, const std::string& b, const std::vector<DiffItem>& items, Lang L) {
    const bool ja = L == Lang::ja;
    using escape::shown;
    std::string s = (ja ? "前回: " : "old: ") + shown(a) + "\n" + (ja ? "今回: " : "new: ") + shown(b) + "\n";
    if (items.empty()) return s + (ja ? "変更はありません。\n" : "no change.\n");
    std::size_t reverify = 0;
    for (const auto& d : items) reverify += d.reverify;
    DiffItem::What last = DiffItem::What::finding;
    bool first = true;
    for (const auto& d : items) {
        if (first || d.what != last) s += "\n" + what_text(d.what).in(L) + ":\n";
        first = false;
        last = d.what;
        s += "  " + change_text(d.what, d.change).in(L) + ": " + shown(d.name) + (d.key.empty() || d.key == d.name ? "" : " (" + shown(d.key) + ")");
        std::string det = shown(details(d, L), escape::max_message);
        if (!det.empty()) s += ja ? "（" + det + "）" : " (" + det + ")";
        std::string line = loc_of(d);
        if (!line.empty()) s += ja ? " [" + line + "行]" : " [line " + line + "]";
        if (d.reverify) s += ja ? " — " + reverify_text(L) : " — " + reverify_text(L);
        s += "\n";
    }
    s += "\n" + (ja ? "変更 " + std::to_string(items.size()) + " 件、再確認する教員 " + std::to_string(reverify) + " 人\n"
                    : std::to_string(items.size()) + (items.size() == 1 ? " change, " : " changes, ") + std::to_string(reverify) +
                          (reverify == 1 ? " teacher" : " teachers") + " to re-verify\n");
    return s;
}

std::string json_of(const std::string& a, const std::string& b, const std::vector<DiffItem>& items, Lang L) {
    boost::json::array arr;
    for (const auto& d : items) {
        boost::json::array det;
        for (const auto& x : d.details) det.push_back(boost::json::string(x.in(L)));
        boost::json::object o{{"what", diff_what_code(d.what)}, {"change", diff_change_code(d.change)}, {"key", d.key},
                              {"name", d.name}, {"details", det}, {"reverify", d.reverify}};
        o["old_line"] = d.old_loc.known() ? boost::json::value(d.old_loc.line) : boost::json::value(nullptr);
        o["new_line"] = d.new_loc.known() ? boost::json::value(d.new_loc.line) : boost::json::value(nullptr);
        arr.push_back(std::move(o));
    }
    std::string json = boost::json::serialize(boost::json::object{{"tool", "ahaki-check"}, {"version", tool_version}, {"old", a}, {"new", b}, {"changes", arr}});
    escape::repair_utf8(json, true);  // valid UTF-8 whatever bytes a file name has
    return json + "\n";
}

std::string html_of(const std::string& a, const std::string& b, const std::string& school, const std::vector<DiffItem>& items, Lang L) {
    const bool ja = L == Lang::ja;
    auto e = [](const std::string& s) { return html_escape(s); };
    std::string s = "<!DOCTYPE html>\n<html lang=\"" + std::string(ja ? "ja" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    e((ja ? "前回の提出からの変更 — " : "Changes since the last submission — ") + school) +
                    "</title>\n<style>@page { size: A4; margin: 14mm 12mm; @bottom-center { content: counter(page) \" / \" counter(pages); font-size: 8pt; } }\n"
                    "body { font-family: \"Noto Sans CJK JP\", sans-serif; font-size: 9.5pt; } table { border-collapse: collapse; width: 100%; }\n"
                    "th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; } th { background: #eef0f3; }\n"
                    "tr.reverify td { background: #fff4e0; } .meta { color: #555; font-size: 8.5pt; }</style>\n</head>\n<body>\n";
    s += "<h1>" + e((ja ? "前回の提出からの変更（指導要領 14(1)）: " : "Changes since the last submission (指導要領 14(1)): ") + school) + "</h1>\n";
    s += "<p class=\"meta\">" + e((ja ? "前回: " : "old: ") + a) + "<br>" + e((ja ? "今回: " : "new: ") + b) + "</p>\n";
    s += "<table><thead><tr><th>" + std::string(ja ? "区分" : "what") + "</th><th>" + (ja ? "変更" : "change") + "</th><th>" +
         (ja ? "名称" : "name") + "</th><th>" + (ja ? "内容" : "details") + "</th><th>" + (ja ? "行" : "line") + "</th></tr></thead>\n<tbody>\n";
    for (const auto& d : items) {
        std::string det = details(d, L);
        if (d.reverify) det += (det.empty() ? "" : ja ? "。" : ". ") + reverify_text(L);
        s += std::string("<tr") + (d.reverify ? " class=\"reverify\"" : "") + "><td>" + e(what_text(d.what).in(L)) + "</td><td>" +
             e(change_text(d.what, d.change).in(L)) + "</td><td>" + e(d.name) + "</td><td>" + e(det) + "</td><td>" + e(loc_of(d)) + "</td></tr>\n";
    }
    if (items.empty()) s += "<tr><td colspan=\"5\">" + std::string(ja ? "変更はありません" : "no change") + "</td></tr>\n";
    return s + "</tbody></table>\n</body>\n</html>\n";
}

}  // namespace

int cmd_diff(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Lang L = lang_from(args);
    const bool ja = L == Lang::ja;
    po::options_description desc(ja ? "diff のオプション" : "diff options", help_line_length, help_description_length);
    desc.add_options()
        ("help,h", ja ? "この説明を表示" : "show this help")
        ("lang", po::value<std::string>()->default_value("ja"), ja ? "メッセージの言語 ja|en" : "message language ja|en")
        ("format", po::value<std::string>()->default_value("text"), ja ? "出力形式 text|json|html" : "output format text|json|html")
        ("output,o", po::value<std::string>(), ja ? "出力するファイル（既定: 標準出力）" : "write to this file (default: standard output)");
    po::variables_map vm = parse_command(args, desc, "files");
    if (vm.count("help")) {
        out << help_page(ja ? "使い方: ahaki-check diff [オプション] 前回.xml 今回.xml\n前回の提出からの変更（教員・科目・時間数・定員・臨床実習施設・指摘）を示します。\n"
                            : "usage: ahaki-check diff [options] OLD.xml NEW.xml\nShows what changed since the last submission (teachers, subjects, hours, intake, sites, findings).\n",
                         desc,
                         ja ? "終了コード: 0 変更なし / 1 変更あり / 2 確認できない入力\n" : "exit codes: 0 no change / 1 changes / 2 input could not be checked\n");
        return ok;
    }
    auto files = vm.count("files") ? vm["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (files.size() != 2) {
        err << (ja ? "エラー: 前回と今回の2つのファイルを指定してください\n" : "error: give two files, the old and the new submission\n");
        return trouble;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "html") {
        err << (ja ? "エラー: diff --format は text, json, html のいずれかです\n" : "error: diff --format must be text, json or html\n");
        return trouble;
    }
    StandardsLoad standards = load_standards({});
    RunOptions options;
    options.keep_models = true;
    FileReport a = check_file(files[0], standards.set, options);
    FileReport b = check_file(files[1], standards.set, options);
    bool bad = false;
    for (const auto* r : {&a, &b})
        for (const auto& d : r->errors) {
            err << diagnostic_line(d, L) << "\n";
            bad = true;
        }
    if (bad) return trouble;
    // The report never replaces one of the two submissions (or a file that cannot be replaced safely).
    if (vm.count("output"))
        if (auto refused = check_outputs({vm["output"].as<std::string>()}, files, false)) {
            err << (ja ? "エラー: " : "error: ") << refused->in(L) << "\n";
            return trouble;
        }
    auto items = diff_reports(a, b, L);
    std::string content = format == "json" ? json_of(files[0], files[1], items, L)
                          : format == "html" ? html_of(files[0], files[1], b.school_name, items, L)
                                             : text_of(files[0], files[1], items, L);
    if (vm.count("output")) {
        if (auto why = write_atomically(vm["output"].as<std::string>(), content)) {
            err << cannot_write_line(vm["output"].as<std::string>(), *why, ja ? Lang::ja : Lang::en);
            return trouble;
        }
    } else {
        out << content;
    }
    return items.empty() ? ok : findings;
}

}  // namespace ahaki::cli
