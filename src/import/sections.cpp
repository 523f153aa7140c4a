#include "import/sections.hpp"

#include <algorithm>

#include "import/names.hpp"
#include "model/codes.hpp"
#include "model/facility_codes.hpp"
#include "model/people.hpp"

namespace ahaki::import {
namespace {

template <class E>
std::vector<std::pair<std::string, std::string>> vocab(std::span<const CodeInfo<E>> table,
                                                       std::vector<std::pair<std::string, std::string>> extra = {}) {
    std::vector<std::pair<std::string, std::string>> v;
    for (const auto& c : table) v.emplace_back(std::string(c.ja), std::string(c.code));
    v.insert(v.end(), extra.begin(), extra.end());
    for (const auto& c : table) v.emplace_back(std::string(c.code), std::string(c.code));
    return v;
}

const std::vector<std::pair<std::string, std::string>> yes_no = {{"○", "true"}, {"×", "false"}, {"はい", "true"}, {"いいえ", "false"},
                                                                 {"有", "true"},  {"無", "false"}, {"true", "true"}, {"false", "false"}};

SectionColumn col(std::string header, std::vector<std::string> aliases, std::string attr, ValueKind kind, bool required,
                  std::vector<std::pair<std::string, std::string>> values, std::string instruction) {
    return SectionColumn{std::move(header), std::move(aliases), std::move(attr), kind, required, std::move(values), std::move(instruction)};
}

}  // namespace

const std::vector<SectionSpec>& section_specs() {
    static const std::vector<SectionSpec> specs = [] {
        std::vector<SectionSpec> s;
        s.push_back({"教員一覧", {"教員", "教員名簿", "teachers"}, "teachers", "teacher", "t", {
            col("氏名", {"教員名", "name"}, "name", ValueKind::text, true, {}, "教員の氏名"),
            col("専任・兼任", {"専任兼任", "専兼", "区分", "employment"}, "employment", ValueKind::code, true,
                vocab(employments(), {{"専任教員", "full-time"}, {"兼任", "part-time"}, {"非常勤", "part-time"}, {"兼任教員", "part-time"}}), "一覧から選ぶ"),
            col("役職", {"職名", "role"}, "role", ValueKind::code, false,
                vocab(teacher_roles(), {{"施設長", "head"}, {"校長", "head"}, {"学校長", "head"}}), "一覧から選ぶ（空欄は教員）"),
            col("教員経験年数", {"あはき教員経験年数", "経験年数", "years-teaching"}, "years-teaching", ValueKind::whole, false, {}, "あはきの教員としての年数"),
            col("週授業時間数", {"週あたり授業時間数", "weekly-class-hours"}, "weekly-class-hours", ValueKind::number, false, {}, "1週間の授業時間数"),
            col("資格", {"免許・資格", "qualifications"}, "qualification", ValueKind::qualifications, false, vocab(qualification_codes(),
                {{"はり師", "hari-licence"}, {"きゅう師", "kyu-licence"}, {"あん摩マッサージ指圧師", "anma-licence"}}), "「、」で区切って複数可（例: はり師免許、きゅう師免許）"),
            col("担当科目", {"担当授業科目", "teaches"}, "teaches", ValueKind::subjects, false, {}, "教育課程の科目名を「、」で区切って"),
            // Issue 11 follow-up: what the 教員一覧 of real applications also has (指導要領 6(7), 6(11), 14(1); the
            // employment period and birth date are what checks across submissions compare).
            col("臨床に従事", {"臨床実習施設で臨床", "臨床従事", "clinical-engagement"}, "clinical-engagement", ValueKind::yes_no, false, yes_no,
                "臨床実習施設で臨床に携わっている ○/×（6(7)）"),
            col("実習調整者", {"臨床実習調整者", "placement-coordinator"}, "placement-coordinator", ValueKind::yes_no, false, yes_no,
                "臨床実習の実習調整者 ○/×（6(11)）"),
            col("資格確認日", {"書類確認日", "免許確認日", "documents-verified"}, "documents-verified", ValueKind::date, false, {},
                "免許証・履歴書等で資格を確かめた日（14(1)）"),
            col("雇用開始日", {"採用年月日", "就任年月日", "採用日", "employed-from"}, "employed-from", ValueKind::date, false, {},
                "この学校での雇用の始まり"),
            col("雇用終了日", {"退職年月日", "退職日", "employed-until"}, "employed-until", ValueKind::date, false, {},
                "雇用の終わり（空欄: 定めなし）"),
            col("生年月日", {"birth-date"}, "birth-date", ValueKind::date, false, {}, "例: 1970-04-01（申請どうしの照合に使う）"),
        }});
        s.push_back({"臨床実習施設", {"実習施設", "臨床実習の実施施設", "clinical-sites"}, "clinical-sites", "site", "site", {
            col("名称", {"施設名", "name"}, "name", ValueKind::text, true, {}, "施設の名称"),
            col("種別", {"施設の種別", "kind"}, "kind", ValueKind::code, true,
                vocab(site_kinds(), {{"附属", "affiliated"}, {"附属施設", "affiliated"}, {"医療機関", "medical"}}), "一覧から選ぶ"),
            col("開設年月日", {"開設日", "opened"}, "opened", ValueKind::date, false, {}, "例: 2020-04-01（施術所は開設から5年以上）"),
            col("所在地", {"住所", "address"}, "address", ValueKind::text, false, {}, "所在地"),
            col("登録番号", {"開設届出番号", "registration"}, "registration", ValueKind::text, false, {}, "開設届出・登録の番号"),
            col("学校が設置", {"学校が教育目的で設置", "established-by-school"}, "established-by-school", ValueKind::yes_no, false, yes_no,
                "附属施設: 教育を目的として設置 ○/×"),
            col("教員が指導", {"教員が直接指導", "supervised-by-teachers"}, "supervised-by-teachers", ValueKind::yes_no, false, yes_no,
                "附属施設: 教員が直接指導 ○/×"),
            col("到達目標", {"到達目標の設定", "attainment-goals"}, "attainment-goals", ValueKind::yes_no, false, yes_no, "到達目標に沿って実習 ○/×"),
            col("設備の利用", {"施設・設備の利用", "facilities-usable"}, "facilities-usable", ValueKind::yes_no, false, yes_no, "必要な施設・設備を利用できる ○/×"),
            col("開設者の行政処分", {"行政処分", "opener-sanctioned"}, "opener-sanctioned", ValueKind::yes_no, false, yes_no, "開設者の行政処分歴 ○（あり）/×（なし）"),
            col("患者の文書同意", {"文書同意", "written-consent"}, "written-consent", ValueKind::yes_no, false, yes_no, "患者から文書で同意 ○/×"),
            col("療養費請求", {"保険請求", "claims-insurance"}, "claims-insurance", ValueKind::yes_no, false, yes_no, "療養費を請求する施設 ○/×"),
            // The placements: which subject is done at this site, how many units, and how (a row per subject;
            // a row with the same 名称 or a blank one adds a subject to the site above).
            col("実施科目", {"実習科目", "科目", "科目名", "placement-subject"}, "placement:subject", ValueKind::text, false, {},
                "この施設で行う臨床実習の科目名（1行に1科目。同じ施設の2科目目からは名称を空欄に）"),
            col("実施単位数", {"単位数", "単位", "placement-units"}, "placement:units", ValueKind::number, false, {}, "この施設で行う単位数"),
            col("実施形態", {"形態", "実習の内容", "placement-mode"}, "placement:mode", ValueKind::code, false,
                vocab(placement_modes(), {{"見学", "observation"}, {"見学実習", "observation"}, {"施術", "practice"}, {"施術実習", "practice"}, {"実習", "practice"}}),
                "一覧から選ぶ（医療機関等は見学実習のみ）"),
        }});
        s.push_back({"校舎・設備", {"校舎設備", "設備", "施設・設備", "premises"}, "premises", "", "room", {
            col("区分", {"kind"}, "", ValueKind::row_kind, true,
                {{"図書室", "library"}, {"実習室", "practice-room"}, {"器械器具等", "item"}, {"校舎", "premises"},
                 {"器械器具", "item"}, {"備品", "item"}, {"標本・模型", "item"}, {"図書", "item"}}, "一覧から選ぶ"),
            col("名称", {"name"}, "name", ValueKind::text, false, {}, "室名・品名（校舎の行は空欄）"),
            col("数量", {"quantity"}, "quantity", ValueKind::number, false, {}, "器械器具等の数"),
            col("水道", {"water"}, "water", ValueKind::yes_no, false, yes_no, "実習室: ○/×"),
            col("給湯", {"hot-water"}, "hot-water", ValueKind::yes_no, false, yes_no, "実習室: ○/×"),
            col("集団実習の配置", {"机・椅子の配置", "group-layout"}, "group-layout", ValueKind::yes_no, false, yes_no, "実習室: ○/×"),
            col("記号", {"code"}, "code", ValueKind::text, false, {}, "器械器具等: 別表の記号（任意）"),
            col("所有", {"校舎の所有", "ownership"}, "ownership", ValueKind::code, false, vocab(ownerships(), {{"自己所有", "owned"}, {"借用", "leased"}}),
                "校舎の行: 一覧から選ぶ"),
            // The 校舎 row's term of lease and shared use (指導要領 10(5), 10(6)).
            col("賃貸借の開始日", {"借用開始日", "賃貸借開始日", "契約開始日", "lease-start"}, "lease-start", ValueKind::date, false, {},
                "校舎の行・賃貸借: 契約期間の始まり"),
            col("賃貸借の終了日", {"借用終了日", "賃貸借終了日", "契約終了日", "lease-end"}, "lease-end", ValueKind::date, false, {},
                "校舎の行・賃貸借: 契約期間の終わり（10(5)）"),
            col("他の目的との併用", {"併用", "他用途との併用", "shared-use"}, "shared-use", ValueKind::yes_no, false, yes_no,
                "校舎の行: 他の目的に併用している ○/×（10(6)）"),
            col("併用の内容", {"併用の状況", "shared-use-note"}, "shared-use-note", ValueKind::text, false, {}, "校舎の行: 併用の内容"),
        }});
        s.push_back({"表簿", {"表簿の保存", "records"}, "records", "record", "", {
            col("表簿の名称", {"表簿", "名称", "kind"}, "kind", ValueKind::code, true, vocab(record_kinds()), "一覧から選ぶ"),
            col("保存年限", {"保存期間", "retention-years"}, "retention-years", ValueKind::whole, true, {}, "年（例: 学籍簿 20）"),
        }});
        return s;
    }();
    return specs;
}

SectionSpec curriculum_spec(FacilityType type) {
    return [type] {
        std::vector<std::pair<std::string, std::string>> groups = {{"基礎分野", "basic"}, {"専門基礎分野", "specialised-basic"}, {"専門分野", "specialised"}};
        std::vector<std::pair<std::string, std::string>> area_names, method_names;
        for (const auto& a : areas()) area_names.emplace_back(std::string(area_label(a.value, type)), std::string(a.code));
        for (const auto& m : methods()) method_names.emplace_back(std::string(m.ja), std::string(m.code));
        return SectionSpec{"教育課程", {}, "course", "subject", "s", {
            col("分野", {}, "", ValueKind::code, false, groups, "一覧から選ぶ（同じ分野の行は空欄でよい）"),
            col("教育内容", {}, "area", ValueKind::code, true, area_names, "別表第一の教育内容（同じ行は空欄でよい）"),
            col("科目名", {}, "name", ValueKind::text, true, {}, "授業科目の名称"),
            col("授業方法", {}, "method", ValueKind::code, true, method_names, "一覧から選ぶ"),
            col("単位数", {}, "units", ValueKind::number, true, {}, "数字"),
            col("時間数", {}, "hours", ValueKind::number, true, {}, "数字"),
            col("配当年次", {}, "year", ValueKind::text, false, {}, "例: 1、1・2、1～3年"),
            col("備考", {}, "", ValueKind::text, false, {}, "「運動学を含む」など（別表第一 備考の事項は自動で読み取る）"),
        }};
    }();
}

std::vector<std::string> drop_down_values(const SectionColumn& c) {
    std::vector<std::string> out, seen;
    for (const auto& [name, code] : c.values) {
        if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
        seen.push_back(code);
        out.push_back(name);
    }
    return out;
}

}  // namespace ahaki::import
