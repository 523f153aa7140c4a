// Which requirements rest on the school's own yes/no declaration (issue 10, item 6),
// and the evidence a reviewer must see before accepting it. Every other rule computes
// its status from the facts of the description (numbers, dates, lists, references);
// a rule that computes in some cases and relies on a flag in others sets the basis of
// each outcome itself (Emitter::declare / Emitter::computed).
#include <algorithm>
#include <span>
#include <vector>

#include "rules/rule.hpp"

namespace ahaki {
namespace {

struct DeclaredRule {
    std::string_view id;
    Text evidence;
};

// Sorted by id (a test checks it, and that every id is a rule).
std::span<const DeclaredRule> table() {
    static const DeclaredRule t[] = {
        {"FIN-001", {"財政の健全性を示す書類（決算書、貸借対照表、資金計画: finance/@evidence）",
                     "documents showing sound finances (accounts, balance sheet, funding plan: finance/@evidence)"}},
        {"FIN-002", {"養成施設の経理を区分した会計帳簿", "the account books showing the school's accounts kept separately"}},
        {"FIN-004", {"経理計画書（ア 新設・改定しない場合、イ した場合の翌年度の計画）",
                     "the accounting plans (ア next year without the change, イ with it)"}},
        {"PRM-002", {"実習室の図面・写真（水道設備と給湯施設）", "plans or photographs of the practice rooms (water and hot water)"}},
        {"PRM-003", {"実習室の図面（机・椅子の配置）", "plans of the practice rooms (layout of desks and chairs)"}},
        {"PRM-006", {"校舎の図面と使用計画", "plans of the premises and how they are used"}},
        {"SIT-002", {"附属施設の設置の決定書類と教員の指導体制", "the decision setting up the affiliated facility, and the teachers' supervision roster"}},
        {"SIT-003", {"臨床実習の到達目標（実習要項）", "the attainment goals of clinical practice (the practice handbook)"}},
        {"SIT-007", {"施術所との実習契約書（施設・設備の利用）", "the placement agreement with the 施術所 (use of facilities and equipment)"}},
        {"SIT-009", {"患者の同意書の様式", "the patients' consent form"}},
        {"SRL-001", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-002", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-003", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-004", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-005", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-006", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-007", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-008", {"学則の該当条文", "the article of the school rules"}},
        {"SRL-009", {"学則の該当条文", "the article of the school rules"}},
        {"STU-002", {"卒業証明書・卒業見込証明書の提出記録", "the record of graduation certificates received"}},
        {"STU-004", {"学則の入学時期の定めと学籍簿", "the intake dates of the school rules and the student register"}},
        {"STU-005", {"学則の転学の定めと学籍簿", "the transfer provision of the school rules and the student register"}},
        {"STU-006", {"出席簿と進級・卒業の判定基準", "the attendance registers and the progression criteria"}},
        {"STU-007", {"健康診断の実施記録", "the records of health checks"}},
        {"TCH-001", {"施設長の履歴書と誓約書（指導要領 6(1)ア〜ウ）", "the head's CV and signed declaration (指導要領 6(1)ア–ウ)"}},
        {"TCH-007", {"専任教員の臨床実習施設での勤務記録", "records of the full-time teachers' clinical work at the sites"}},
        {"TCH-010", {"教員の出勤簿", "the teachers' attendance book"}},
    };
    return t;
}

}  // namespace

const Text* declared_evidence(std::string_view rule_id) {
    auto t = table();
    auto it = std::lower_bound(t.begin(), t.end(), rule_id, [](const DeclaredRule& r, std::string_view id) { return r.id < id; });
    if (it == t.end() || it->id != rule_id) return nullptr;
    return &it->evidence;
}

std::vector<std::string_view> declared_rule_ids() {
    std::vector<std::string_view> out;
    for (const auto& r : table()) out.push_back(r.id);
    return out;
}

}  // namespace ahaki
