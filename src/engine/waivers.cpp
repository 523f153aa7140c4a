#include "engine/waivers.hpp"

#include <ctime>
#include <filesystem>
#include <system_error>
#include <vector>

#include "engine/engine.hpp"

namespace ahaki {

const Waiver* WaiverSet::find(std::string_view id) const {
    for (const auto& w : waivers)
        if (w.id == id) return &w;
    return nullptr;
}

std::string_view waiver_problem_code(WaiverProblem p) {
    return p == WaiverProblem::expired ? "waiver-expired" : "waiver-unmatched";
}

bool glob_match(std::string_view p, std::string_view t) {
    // A set-of-states automaton over the pattern (never backtracking): one pass
    // over the path, each step O(|p|): O(|p|·|t|) time and O(|p|) memory whatever
    // the pattern ("*a*a*a*…b" included). States are pattern positions; from
    // a position, "**/" matches nothing or any run of whole directories, "**"
    // anything, "*" a run without '/', "?" one character but '/'.
    const std::size_t P = p.size();
    auto kind = [&](std::size_t i) {
        if (p[i] == '*' && i + 1 < P && p[i + 1] == '*') return i + 2 < P && p[i + 2] == '/' ? 3 : 2;
        return p[i] == '*' ? 1 : 0;
    };
    std::vector<char> cur(P + 1, 0), next(P + 1, 0);
    // Moves without reading: every star may match nothing (targets are further on).
    auto close = [&](std::vector<char>& s) {
        for (std::size_t i = 0; i < P; ++i) {
            if (!s[i]) continue;
            const int k = kind(i);
            if (k == 3) s[i + 3] = 1;
            else if (k == 2) s[i + 2] = 1;
            else if (k == 1) s[i + 1] = 1;
        }
    };
    cur[0] = 1;
    close(cur);
    for (char c : t) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        for (std::size_t i = 0; i < P; ++i) {
            if (!cur[i]) continue;
            const int k = kind(i);
            if (k == 3) {
                next[i] = 1;  // inside the directories
                if (c == '/') next[i + 3] = 1;
            } else if (k == 2) {
                next[i] = 1;
            } else if (k == 1) {
                if (c != '/') next[i] = 1;
            } else if (p[i] == '?') {
                if (c != '/') next[i + 1] = 1;
            } else if (p[i] == c) {
                next[i + 1] = 1;
            } else {
                continue;
            }
            any = true;
        }
        if (!any) return false;
        close(next);
        cur.swap(next);
    }
    return cur[P] != 0;
}

bool waiver_file_matches(const Waiver& w, const std::string& waiver_file, const std::string& checked_path) {
    namespace fs = std::filesystem;
    if (w.file.find('/') == std::string::npos)
        return glob_match(w.file, fs::path(checked_path).filename().string());
    fs::path given = fs::path(checked_path).lexically_normal();
    if (glob_match(w.file, given.generic_string())) return true;
    std::error_code ec;
    fs::path abs_checked = fs::absolute(checked_path, ec).lexically_normal();
    if (ec) return false;
    fs::path base = fs::absolute(waiver_file, ec).parent_path().lexically_normal();
    if (ec) return false;
    fs::path rel = abs_checked.lexically_relative(base);
    if (!rel.empty() && glob_match(w.file, rel.generic_string())) return true;
    return glob_match(w.file, abs_checked.generic_string());
}

bool waiver_element_matches(const Waiver& w, std::string_view loc_path) {
    if (!w.element.empty()) {
        std::string key = "[@id='" + w.element + "']";
        if (loc_path.find(key) == std::string_view::npos) return false;
    }
    if (!w.path.empty()) {
        if (loc_path.substr(0, w.path.size()) != w.path) return false;
        if (loc_path.size() > w.path.size() && loc_path[w.path.size()] != '/') return false;
    }
    return true;
}

std::size_t apply_waivers_to(const WaiverSet& set, FileReport& report, const Date& today, std::vector<std::size_t>& matched) {
    matched.resize(set.waivers.size(), 0);
    if (!report.errors.empty()) return 0;
    // Which waivers concern this file at all (computed once per file).
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < set.waivers.size(); ++i)
        if (waiver_file_matches(set.waivers[i], set.file, report.path)) candidates.push_back(i);
    if (candidates.empty()) return 0;
    std::size_t waived = 0;
    for (auto& outcome : report.outcomes)
        for (auto& finding : outcome.findings) {
            const std::string& where = finding.loc.path.empty() ? outcome.loc.path : finding.loc.path;
            bool taken = false;
            for (std::size_t i : candidates) {
                const Waiver& w = set.waivers[i];
                if (w.rule != finding.rule_id || !waiver_element_matches(w, where)) continue;
                ++matched[i];
                if (taken || w.expires < today) continue;
                finding.waiver_reason = w.reason;
                finding.waiver_id = w.id;
                taken = true;
                ++waived;
            }
        }
    return waived;
}

std::vector<WaiverNotice> waiver_notices(const WaiverSet& set, const std::vector<std::size_t>& matched, const Date& today) {
    std::vector<WaiverNotice> notices;
    for (std::size_t i = 0; i < set.waivers.size(); ++i) {
        const Waiver& w = set.waivers[i];
        const std::size_t m = i < matched.size() ? matched[i] : 0;
        if (w.expires < today) {
            WaiverNotice n{WaiverProblem::expired, w.id, w.rule, set.file, w.loc, {}, m};
            std::string count = std::to_string(m);
            n.message = Text{"免除 " + w.id + "（" + w.rule + "）は " + w.expires.str() + " に期限切れのため適用しません" +
                                 (m ? "（該当する指摘 " + count + " 件は通常どおり数えます）" : ""),
                             "waiver " + w.id + " (" + w.rule + ") expired on " + w.expires.str() + " and no longer applies" +
                                 (m ? " (the " + count + " finding(s) it covered count again)" : "")};
            notices.push_back(std::move(n));
        } else if (m == 0) {
            WaiverNotice n{WaiverProblem::unmatched, w.id, w.rule, set.file, w.loc, {}, 0};
            n.message = Text{"免除 " + w.id + "（" + w.rule + "、対象 " + w.file + "）に該当する指摘がありません",
                             "waiver " + w.id + " (" + w.rule + ", target " + w.file + ") matches no finding"};
            notices.push_back(std::move(n));
        }
    }
    return notices;
}

WaiverApplication apply_waivers(const WaiverSet& set, std::vector<FileReport>& reports, const Date& today) {
    WaiverApplication out;
    std::vector<std::size_t> matched(set.waivers.size(), 0);
    for (auto& report : reports) out.waived += apply_waivers_to(set, report, today, matched);
    out.notices = waiver_notices(set, matched, today);
    return out;
}

Date today_local() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::optional<Date> parse_date(std::string_view v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (v[i] < '0' || v[i] > '9') return std::nullopt;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int m = (v[5] - '0') * 10 + (v[6] - '0');
    int d = (v[8] - '0') * 10 + (v[9] - '0');
    if (!Date::valid(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

}  // namespace ahaki
