// Rule catalogue of the facility rules: every rule of part B has a passing and a
// failing fixture at its boundary, and the failing one's message is asserted.
#include "rules/catalogue_b.hpp"

#include <gtest/gtest.h>

#include <set>

#include "support/helpers.hpp"
#include "xml/source.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

const char* const HK = "curricula/complete/hari-kyu.xml";
const char* const AHK = "curricula/complete/anma-hari-kyu.xml";

const std::vector<CatalogueCase>& cases() {
    static const std::vector<CatalogueCase> table = {
        // ---- procedure: 指導要領 13, 1
        {"ADV-001", HK, {}, {{"<advertising start=\"2025-04-15\"", "<advertising start=\"2025-04-14\""}},
         "広告の開始 2025-04-14 が設置計画書の受理 2025-04-15 より前です（指導要領 13(1)）"},
        {"ADV-001", HK, {}, {{"<advertising start=\"2025-10-01\" label=\"applying\"/>", "<advertising start=\"2025-10-01\" label=\"planning\"/>"}},
         "広告（2025-10-01〜）の表示が「設置計画中」です（必要: 「申請中」、指導要領 13(1)）"},
        {"ADV-002", HK, {}, {{"<recruitment start=\"2025-10-20\"", "<recruitment start=\"2025-10-19\""}},
         "学生募集の開始 2025-10-19 が認定申請書の受理 2025-10-20 より前です（指導要領 13(2)）"},
        {"ADV-002", HK, {}, {{"<recruitment start=\"2025-10-20\" label=\"applying\"/>", "<recruitment start=\"2025-10-20\" label=\"none\"/>"}},
         "学生募集（2025-10-20〜）の表示が「表示なし」です（必要: 「申請中」、指導要領 13(2)）"},
        {"AUT-001", HK, {}, {{"addressed-to=\"governor\"", "addressed-to=\"mhlw\""}},
         "申請の宛先が厚生労働大臣になっています: はり師きゅう師養成施設を認定するのは都道府県知事です（指導要領 1）"},
        {"AUT-001", AHK, {}, {{"addressed-to=\"mhlw\"", "addressed-to=\"governor\""}},
         "申請の宛先が都道府県知事になっています: あん摩マッサージ指圧師はり師きゅう師養成施設を認定するのは厚生労働大臣（都道府県知事を経由）です（指導要領 1）"},
        // ---- equipment: 指導要領 10(7), with a filled-in list (bed >= 20)
        {"EQP-001", HK, {{"quantity=\"30\"", "quantity=\"20\""}}, {{"quantity=\"30\"", "quantity=\"19\""}},
         "別表の備品が不足しています: 施術用ベッド（19/20）（指導要領 10(7) 別表）", true},
        // ---- finance: 指導要領 11
        {"FIN-001", HK, {}, {{"sound=\"true\"", "sound=\"false\""}}, "養成施設の運営が財政上健全に行われていません（指導要領 11(1)）"},
        {"FIN-002", HK, {}, {{"separate-accounts=\"true\"", "separate-accounts=\"false\""}},
         "養成施設の経理が養成施設以外の経理と明確に区分されていません（指導要領 11(2)）"},
        {"FIN-003", HK, {}, {{"    <fee-rule fee=\"entrance\" amount=\"200000\"/>\n", ""}},
         "生徒納付金「入学金」（200,000円）が学則の定める納付金にありません（指導要領 11(3)）"},
        {"FIN-003", HK, {}, {{"<fee-rule fee=\"tuition\" amount=\"900000\"/>", "<fee-rule fee=\"tuition\" amount=\"880000\"/>"}},
         "生徒納付金「授業料（年額）」の金額 900,000円 が学則の定める 880,000円 と違います（指導要領 11(3)）"},
        {"FIN-003", HK, {}, {{"other-fees=\"false\"", "other-fees=\"true\""}}, "学則で定めた以外の生徒納付金を徴収しています（指導要領 11(3)）"},
        {"FIN-004", AHK, {}, {{"plan-with-change=\"true\"", "plan-with-change=\"false\""}},
         "納付金「実習費（年額）」の新設・改定（2027-04-01）: 新設又は改定した場合に予想される翌年度の経理計画書がありません（指導要領 11(4)イ）"},
        {"FIN-004", AHK, {}, {{"plan-without-change=\"true\"", "plan-without-change=\"false\""}},
         "納付金「実習費（年額）」の新設・改定（2027-04-01）: 新設又は改定しない場合に予想される翌年度の経理計画書がありません（指導要領 11(4)ア）"},
        // ---- opinion letters: cover notice 記2
        {"OPN-001", AHK, {}, {{"    <opinion-letter body=\"school-for-blind\" name=\"東京都立文京盲学校\"/>\n", ""}},
         "設置計画書に添えられていない意見書: 盲学校（通知 記2）"},
        // ---- deadlines: 指導要領 2, 3, 11(4) (the examples sit exactly on each deadline)
        {"PRC-001", AHK, {}, {{"plan-submitted=\"2025-03-31\"", "plan-submitted=\"2025-04-02\""}},
         "設置計画書の提出 2025-04-02 は授業開始予定日 2026-04-01 の1年前（2025-04-01）より後です（必要: 民法 140条・143条により 2025-03-31 まで、指導要領 2(1)）"},
        {"PRC-002", AHK,
         {{"<advertising start=\"2025-04-15\"", "<capacity-increase effective=\"2028-04-01\" plan-submitted=\"2027-03-31\" application-submitted=\"2027-09-30\"/>\n    <advertising start=\"2025-04-15\""}},
         {{"<advertising start=\"2025-04-15\"", "<capacity-increase effective=\"2028-04-01\" plan-submitted=\"2027-04-02\" application-submitted=\"2027-09-30\"/>\n    <advertising start=\"2025-04-15\""}},
         "定員変更計画書の提出 2027-04-02 は定員の変更日 2028-04-01 の1年前（2027-04-01）より後です（必要: 民法 140条・143条により 2027-03-31 まで、指導要領 2(2)）"},
        {"PRC-003", AHK, {}, {{"application-submitted=\"2025-09-30\"", "application-submitted=\"2025-10-02\""}},
         "認定の申請 2025-10-02 は授業開始予定日 2026-04-01 の6か月前（2025-10-01）より後です（必要: 民法 140条・143条により 2025-09-30 まで、指導要領 3）"},
        {"PRC-003", AHK,
         {{"<advertising start=\"2025-04-15\"", "<capacity-increase effective=\"2028-04-01\" plan-submitted=\"2027-03-31\" application-submitted=\"2027-09-30\"/>\n    <advertising start=\"2025-04-15\""}},
         {{"<advertising start=\"2025-04-15\"", "<capacity-increase effective=\"2028-04-01\" plan-submitted=\"2027-03-31\" application-submitted=\"2027-10-02\"/>\n    <advertising start=\"2025-04-15\""}},
         "変更の承認の申請 2027-10-02 は定員の変更日 2028-04-01 の6か月前（2027-10-01）より後です（必要: 民法 140条・143条により 2027-09-30 まで、指導要領 3）"},
        {"PRC-004", AHK, {}, {{"plan-submitted=\"2026-12-31\"", "plan-submitted=\"2027-01-02\""}},
         "納付金「実習費（年額）」の経理計画書の提出 2027-01-02 は新設・改定日 2027-04-01 の3か月前（2027-01-01）より後です（必要: 民法 140条・143条により 2026-12-31 まで、指導要領 11(4)）"},
        // ---- premises: 指導要領 10(1)-(6)
        {"PRM-001", HK, {}, {{"    <library name=\"図書室（2階）\"/>\n", ""}}, "図書室がありません（指導要領 10(1)）"},
        {"PRM-002", HK, {}, {{"hot-water=\"true\"", "hot-water=\"false\""}},
         "実習室「実技室（はり・きゅう）」: 給湯施設がありません（必要: 水道設備と給湯施設、指導要領 10(2)）"},
        {"PRM-003", HK, {}, {{"group-layout=\"true\"", "group-layout=\"false\""}},
         "実習室「実技室（はり・きゅう）」: 生徒数人を一組として実習を行える机と椅子の配置になっていません（指導要領 10(3)）"},
        {"PRM-004", AHK, {}, {{"    <practice-room id=\"room-2\" name=\"実技室2（あん摩マッサージ指圧）\" water=\"true\" hot-water=\"true\" group-layout=\"true\"/>\n", ""}},
         "実習室: 1室（必要: 2室以上、指導要領 10(4)）"},
        {"PRM-005", HK, {}, {{"ownership=\"owned\"", "ownership=\"leased\" lease-start=\"2016-04-01\" lease-end=\"2026-03-31\""}},
         "校舎の賃貸借 2016-04-01〜2026-03-31 が授業開始予定日 2026-04-01 より前に終わります（指導要領 10(5)）"},
        {"PRM-006", HK, {}, {{"shared-use=\"false\"", "shared-use=\"true\" shared-use-note=\"夜間は公民館として使用\""}},
         "校舎が他の目的に併用されています（夜間は公民館として使用）: 原則として併用しないこととされているため、やむを得ない理由と区分を確認してください（指導要領 10(6)）"},
        // ---- records: 指導要領 12, 療養費 第7章
        {"REC-001", HK, {}, {{"    <record kind=\"school-diary\" retention-years=\"5\"/>\n", ""}},
         "表簿がありません: 学校日誌（必要: 5年以上保存、指導要領 12）"},
        {"REC-002", HK, {}, {{"kind=\"staff-attendance\" retention-years=\"5\"", "kind=\"staff-attendance\" retention-years=\"4\""}},
         "出勤簿の保存期間 4年（必要: 5年以上、指導要領 12）"},
        {"REC-003", HK, {}, {{"kind=\"student-register\" retention-years=\"20\"", "kind=\"student-register\" retention-years=\"19\""}},
         "学籍簿の保存期間 19年（必要: 20年以上、指導要領 12）"},
        {"REC-004", HK, {}, {{"kind=\"grades\" retention-years=\"5\"", "kind=\"grades\" retention-years=\"4\""}},
         "成績考査に関する表簿の保存期間 4年（必要: 5年以上、指導要領 12）"},
        {"REC-005", HK, {{"kind=\"cash-book\" retention-years=\"10\"", "kind=\"cash-book\" retention-years=\"5\""}},
         {{"kind=\"cash-book\" retention-years=\"10\"", "kind=\"cash-book\" retention-years=\"4\""}}, "出納簿の保存期間 4年（必要: 5年以上、指導要領 12）"},
        {"REC-006", HK, {}, {{"kind=\"equipment-catalogue\" retention-years=\"5\"", "kind=\"equipment-catalogue\" retention-years=\"4\""}},
         "器械器具、標本及び模型、図書並びにその他の備品の目録の保存期間 4年（必要: 5年以上、指導要領 12）"},
        {"REC-007", HK, {}, {{"    <record kind=\"correspondence-log\" retention-years=\"5\"/>\n", ""}},
         "表簿がありません: 往復文書処理簿（必要: 5年以上保存、指導要領 12）"},
        {"REC-008", HK, {}, {{"retention-years=\"5\" counted-from=\"treatment-end\"", "retention-years=\"4\" counted-from=\"treatment-end\""}},
         "附属臨床実習センター: 施術録の保存期間 施術完結の日から4年（必要: 施術完結の日から5年以上、療養費の支給基準 第7章（施術録）（団体の指導 ADVISORY））。"
         "この期間は療養費の支給の要件ではなく、施術者団体が会員に指導している保管期間として示されたものです（参考）"},
        {"REC-008", HK, {}, {{"retention-years=\"5\" counted-from=\"treatment-end\"", "retention-years=\"5\" counted-from=\"treatment-start\""}},
         "附属臨床実習センター: 施術録の保存期間 施術開始の日から5年（必要: 施術完結の日から5年以上、療養費の支給基準 第7章（施術録）（団体の指導 ADVISORY））。"
         "この期間は療養費の支給の要件ではなく、施術者団体が会員に指導している保管期間として示されたものです（参考）"},
        // ---- clinical sites: 指導要領 9
        {"SIT-001", HK, {}, {{"kind=\"affiliated\"", "kind=\"medical\""}},
         "確保されていない臨床実習施設: 附属の臨床実習施設（必要: 附属の臨床実習施設と施術所、指導要領 9(1)）"},
        {"SIT-002", HK, {}, {{"supervised-by-teachers=\"true\"", "supervised-by-teachers=\"false\""}},
         "附属臨床実習センター: 養成施設の教員が直接指導に当たっていません（指導要領 9(2)）"},
        {"SIT-003", HK, {}, {{"attainment-goals=\"true\"", "attainment-goals=\"false\""}},
         "さくら鍼灸治療院: 臨床実習の到達目標が設定されていません（指導要領 9(4)ア）"},
        {"SIT-004", HK, {}, {{"opened=\"2023-04-01\"", "opened=\"2023-04-02\""}},
         "さくら鍼灸治療院: 開業実績4年（開設 2023-04-02、臨床実習Ⅱ（3年次）の開始 2028-04-01 まで）（必要: 実習を行う時点で5年以上、指導要領 9(4)イ）"},
        {"SIT-005", HK, {}, {{"practice-since=\"2018-02-12\"", "practice-since=\"2018-02-13\""}},
         "さくら鍼灸治療院: 要件を満たす臨床実習指導者がいません: 佐藤 一郎（教員資格なし、実務開始 2018-02-13、講習会まで実務4年、講習会修了 2023-02-12）"
         "（必要: 教員の資格、又は実務5年以上の後に臨床実習指導者講習会を修了、指導要領 9(4)ウ）"},
        {"SIT-005", HK, {}, {{" course-completed=\"2023-02-12\"", ""}},
         "さくら鍼灸治療院: 要件を満たす臨床実習指導者がいません: 佐藤 一郎（教員資格なし、実務開始 2018-02-12、講習会修了なし）"
         "（必要: 教員の資格、又は実務5年以上の後に臨床実習指導者講習会を修了、指導要領 9(4)ウ）"},
        {"SIT-006", HK, {}, {{"per-day=\"5\"", "per-day=\"4.999\""}},
         "さくら鍼灸治療院: 施術日の平均受診者数 4.999名（2024-09-01〜2025-08-31）（必要: 5名以上、指導要領 9(4)エ）"},
        {"SIT-006", HK, {}, {{"to=\"2025-08-31\"", "to=\"2025-08-30\""}},
         "さくら鍼灸治療院: 平均受診者数の期間 2024-09-01〜2025-08-30 は1年に足りません（必要: 過去1年間の平均、指導要領 9(4)エ）"},
        {"SIT-006", HK, {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-09-30\" to=\"2025-09-29\""}},
         {{"from=\"2024-09-01\" to=\"2025-08-31\"", "from=\"2024-10-01\" to=\"2025-09-30\""}},
         "さくら鍼灸治療院: 平均受診者数の期間 2024-10-01〜2025-09-30 が認定申請 2025-09-30 の日以後に及んでいます（必要: 認定申請前の過去の実績、指導要領 9(4)エ）"},
        {"SIT-007", HK, {}, {{"facilities-usable=\"true\"", "facilities-usable=\"false\""}},
         "さくら鍼灸治療院: 臨床実習に必要な施設及び設備を利用できません（指導要領 9(4)オ）"},
        {"SIT-008", HK, {}, {{"<supervisor name=\"佐藤 一郎\"", "<sanction kind=\"受領委任の取扱い中止\" date=\"2019-06-01\"/>\n      <supervisor name=\"佐藤 一郎\""}},
         "さくら鍼灸治療院: 開設者が療養費申請資格停止等の行政処分を受けています（過去を含む）: 受領委任の取扱い中止（2019-06-01）（指導要領 9(4)カ）"},
        {"SIT-008", HK, {}, {{"opener-sanctioned=\"false\"", "opener-sanctioned=\"true\""}},
         "さくら鍼灸治療院: 開設者が療養費申請資格停止等の行政処分を受けています（過去を含む）: 内容の記載なし（指導要領 9(4)カ）"},
        {"SIT-009", HK, {}, {{"written-consent=\"true\"", "written-consent=\"false\""}},
         "さくら鍼灸治療院: 臨床実習を行うことについて患者の文書による同意を得ていません（指導要領 9(4)キ）"},
        {"SIT-010", HK, {}, {{"<placement site=\"hosp\" units=\"1\" mode=\"observation\"/>", "<placement site=\"hosp\" units=\"1\" mode=\"practice\"/>"}},
         "臨床実習Ⅱ: 医療機関等「市立中央病院」での臨床実習が施術を伴う実習です（必要: 医療機関等での臨床実習は見学実習に限る、指導要領 9(3)）"},
    };
    return table;
}

std::string apply(std::string text, const Edits& edits) {
    for (const auto& [from, to] : edits) text = replace_once(std::move(text), from, to);
    return text;
}

FileReport run(const CatalogueCase& c, const Edits& edits) {
    std::string xml = apply(read_file(source_dir() + "/" + c.base), edits);
    if (!c.equipment_list) return check_xml(xml);
    static const StandardSet with_list = [] {
        auto src = decode_source("ahaki-2018-with-list.xml", standard_with_equipment_list());
        auto l = read_standard(*src.source);
        EXPECT_TRUE(l.errors.empty());
        StandardSet set;
        if (l.standard) set.editions.push_back(std::move(*l.standard));
        return set;
    }();
    auto src = decode_source("test.xml", xml);
    return check_source(*src.source, with_list, RunOptions{});
}

std::string describe(const FileReport& r) {
    std::string s;
    for (const auto& e : r.errors) s += "load error: " + e.message.ja + "\n";
    return s;
}

}  // namespace

std::span<const CatalogueCase> catalogue_b_cases() { return cases(); }

std::string standard_with_equipment_list() {
    std::string s = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    const std::string from = "<list key=\"equipment\" provenance=\"UNKNOWN\"";
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos);
    auto end = s.find("/>", at);
    s.replace(at, end + 2 - at,
              "<list key=\"equipment\" provenance=\"SEED\" clause=\"指導要領 10(7) 別表\">\n"
              "    <item code=\"bed\" name-ja=\"施術用ベッド\" name-en=\"treatment bed\" min-quantity=\"20\"/>\n"
              "    <item code=\"skeleton\" name-ja=\"全身骨格模型\" name-en=\"skeleton model\" min-quantity=\"1\"/>\n"
              "  </list>");
    return s;
}

class CatalogueB : public ::testing::TestWithParam<std::size_t> {};

TEST_P(CatalogueB, PassesAtTheBoundaryAndFailsJustPastIt) {
    const CatalogueCase& c = cases()[GetParam()];
    SCOPED_TRACE(std::string(c.rule) + " " + c.message_ja);
    ASSERT_NE(find_rule(c.rule), nullptr);

    FileReport pass = run(c, c.pass_edits);
    ASSERT_TRUE(pass.errors.empty()) << describe(pass);
    EXPECT_TRUE(findings_of(pass, c.rule).empty()) << findings_of(pass, c.rule).front()->message.ja;
    EXPECT_FALSE(outcomes_of(pass, c.rule).empty());

    FileReport fail = run(c, c.fail_edits);
    ASSERT_TRUE(fail.errors.empty()) << describe(fail);
    auto found = findings_of(fail, c.rule);
    std::string got;
    bool match = false;
    for (const auto* f : found) {
        got += f->message.ja + "\n";
        if (f->message.ja == c.message_ja) {
            match = true;
            EXPECT_FALSE(f->message.en.empty());
            EXPECT_FALSE(f->citation.empty());
        }
    }
    EXPECT_TRUE(match) << "findings of " << c.rule << ":\n" << got;
}

INSTANTIATE_TEST_SUITE_P(Rules, CatalogueB, ::testing::Range<std::size_t>(0, cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                             std::string id = cases()[info.param].rule;
                             for (auto& ch : id)
                                 if (ch == '-') ch = '_';
                             return id + "_" + std::to_string(info.param);
                         });

TEST(CatalogueB, EveryFacilityRuleHasACase) {
    std::set<std::string> covered;
    for (const auto& c : cases()) covered.insert(c.rule);
    for (const auto& r : all_rules()) {
        std::string id(r.id);
        bool mine = false;
        for (const char* prefix : {"SIT-", "PRM-", "EQP-", "FIN-", "REC-", "PRC-", "ADV-", "OPN-", "AUT-"})
            mine = mine || id.rfind(prefix, 0) == 0;
        if (mine) {
            EXPECT_TRUE(covered.count(id)) << id << " has no catalogue case";
        }
    }
}

}  // namespace ahaki::test
