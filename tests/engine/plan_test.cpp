// The fix plan (issue 12 item 1): minimal, thresholds from the standard, the
// draft it writes checks without curriculum errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <boost/json.hpp>

#include "engine/plan.hpp"
#include "report/plan_render.hpp"
#include "support/helpers.hpp"
#include "support/temp_dir.hpp"

namespace ahaki::test {
namespace {
namespace fs = std::filesystem;

std::string q(const std::string& p) { return "'" + p + "'"; }

std::size_t cur_errors(const FileReport& r) {
    std::size_t n = 0;
    for (const auto& o : r.outcomes)
        if (o.rule_id.starts_with("CUR-"))
            for (const auto& f : o.findings) n += f.severity == Severity::error;
    return n;
}

TEST(Plan, NoneForACompliantCurriculum) {
    auto r = check_xml(compliant_hari_kyu());
    EXPECT_TRUE(r.plan.empty());
    auto bin = run_binary("plan --lang en " + q(source_dir() + "/curricula/compliant/hari-kyu.xml"));
    EXPECT_EQ(bin.exit_code, 0) << bin.err;
    EXPECT_NE(bin.out.find("the curriculum (CUR-*) has no error: nothing to change."), std::string::npos) << bin.out;
}

TEST(Plan, ExistingSubjectTakesTheShortUnitsWhenItsHoursAllow) {
    // 実習 14 units of 15: はり実技Ⅰ has 135 hours for 3 units; 135 h carry 4 units of skills (30-45 h a unit).
    auto r = check_xml(read_file(source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml"));
    ASSERT_EQ(r.plan.size(), 1u);
    const PlanStep& p = r.plan[0];
    EXPECT_EQ(p.kind, PlanStep::Kind::change_subject);
    EXPECT_EQ(p.subject_name, "はり実技Ⅰ");
    EXPECT_EQ(p.units_from, Decimal::from_int(3));
    EXPECT_EQ(p.units_to, Decimal::from_int(4));
    EXPECT_EQ(p.hours_to, Decimal::from_int(135));
    EXPECT_EQ(p.rule_ids, "CUR-001");
    EXPECT_EQ(report::plan_step_text(p, Lang::ja), "「はり実技Ⅰ」（実習）: 単位数 3→4、時間数 135 のまま（4単位の実技は 120〜180時間）");
    EXPECT_EQ(p.why.ja, "実習 14→15単位（必要: 15単位以上、認定規則 第2条第3号 別表第一）");
}

TEST(Plan, NoMoreUnitsThanTheLargestShortfall) {
    // curricula/non-compliant/CUR-002: 総合領域 2 units short (min 10) and the total 1 unit short (min 94):
    // the plan adds 2 units (the larger shortfall), not 3.
    auto r = check_xml(read_file(source_dir() + "/curricula/non-compliant/CUR-002-total-units-below-minimum.xml"));
    Decimal added;
    for (const auto& p : r.plan) added += p.units_to - p.units_from;
    EXPECT_EQ(added, Decimal::from_int(2));
    EXPECT_NE(report::plan_totals_text(r, "day", Lang::en).find("total units 93 → 95 (at least 94)"), std::string::npos)
        << report::plan_totals_text(r, "day", Lang::en);
}

TEST(Plan, NewSubjectOnlyForAnAreaWithNone) {
    std::string xml = compliant_hari_kyu();
    // Take the clinical practice subjects (and their placements) out.
    auto cut = [&](const std::string& from, const std::string& to) {
        auto a = xml.find(from);
        ASSERT_NE(a, std::string::npos) << from;
        auto b = xml.find(to, a);
        xml.erase(a, b + to.size() - a);
    };
    cut("<subject id=\"cp1\"", "</subject>");
    cut("<subject id=\"cp2\"", "</subject>");
    auto r = check_xml(xml);
    const PlanStep* add = nullptr;
    for (const auto& p : r.plan)
        if (p.kind == PlanStep::Kind::add_subject) add = &p;
    ASSERT_NE(add, nullptr);
    EXPECT_EQ(add->subject_name, "臨床実習（追加案）");
    EXPECT_EQ(add->method_to, Method::clinical);
    EXPECT_EQ(add->units_to, Decimal::from_int(4));
    EXPECT_EQ(add->hours_min, Decimal::from_int(180));  // 45 h a unit, from the standard
    EXPECT_EQ(add->hours_max, Decimal::from_int(180));
}

TEST(Plan, ThresholdsComeFromTheStandardData) {
    // The same school against a standard whose 実習 minimum is 16: the plan closes 2 units instead of 1.
    TempDir d("plan-standard");
    std::string st = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
    std::ofstream(d / "school.xml") << read_file(source_dir() + "/curricula/non-compliant/CUR-001-practical-training-below-minimum.xml");
    auto base = run_binary("plan --format json " + q(d / "school.xml"));
    ASSERT_EQ(base.exit_code, 1) << base.err;
    auto added = [](const std::string& json) {
        double n = 0;
        const boost::json::value v = boost::json::parse(json);
        for (const auto& p : v.at("plan").as_array())
            n += p.at("units").to_number<double>() - p.at("units_from").to_number<double>();
        return n;
    };
    EXPECT_EQ(added(base.out), 1.0) << base.out;
    // Raise the hari-kyu practical-training minimum by one in a copy of the data.
    std::string key = R"(key="area-min-units" type="hari-kyu" area="practical-training" value="15")";
    auto at = st.find(key);
    ASSERT_NE(at, std::string::npos) << "the data row moved";
    st.replace(at, key.size(), R"(key="area-min-units" type="hari-kyu" area="practical-training" value="16")");
    std::ofstream(d / "standard.xml") << st;
    auto raised = run_binary("plan --format json --standard " + q(d / "standard.xml") + " " + q(d / "school.xml"));
    ASSERT_EQ(raised.exit_code, 1) << raised.err;
    EXPECT_EQ(added(raised.out), 2.0) << raised.out;
}

TEST(Plan, DraftOfEveryCurriculumExampleChecksWithoutTheErrorsThePlanFixes) {
    TempDir d("plan-drafts");
    std::size_t fixed_fully = 0;
    for (const auto& e : fs::directory_iterator(source_dir() + "/curricula/non-compliant")) {
        std::string name = e.path().filename().string();
        if (!name.starts_with("CUR-") || e.path().extension() != ".xml") continue;
        auto before = check_xml(read_file(e.path().string()));
        std::set<std::string> by_hand;
        for (const auto& p : before.plan)
            if (p.kind == PlanStep::Kind::by_hand) by_hand.insert(p.rule_ids);
        std::string draft = d / name;
        auto r = run_binary("plan -o " + q(draft) + " " + q(e.path().string()));
        ASSERT_LE(r.exit_code, 1) << name << r.err;
        ASSERT_TRUE(fs::exists(draft)) << name;
        auto after = check_xml(read_file(draft));
        ASSERT_TRUE(after.errors.empty()) << name;
        // Every CUR error left is one the plan said must be changed by hand.
        for (const auto& o : after.outcomes)
            if (o.rule_id.starts_with("CUR-"))
                for (const auto& f : o.findings)
                    if (f.severity == Severity::error) {
                        EXPECT_TRUE(by_hand.count(f.rule_id)) << name << ": " << f.message.ja;
                    }
        if (by_hand.empty() && cur_errors(before) > 0) {
            EXPECT_EQ(cur_errors(after), 0u) << name;
            ++fixed_fully;
        }
        // Nothing else changed: the same requirements outside the curriculum.
        for (const auto& o : after.outcomes)
            if (!o.rule_id.starts_with("CUR-")) {
                for (const auto& f : o.findings) EXPECT_NE(f.severity, Severity::error) << name << ": " << f.message.ja;
            }
    }
    EXPECT_GE(fixed_fully, 9u);  // CUR-001..006, 014, 018, 020
}

TEST(Plan, DraftMarksNewSubjectsAndKeepsTheRestOfTheFile) {
    TempDir d("plan-draft");
    std::string xml = compliant_hari_kyu();
    auto a = xml.find("<subject id=\"cp1\"");
    auto b = xml.find("</subject>", xml.find("<subject id=\"cp2\"")) + std::string("</subject>").size();
    xml.erase(a, b - a);
    std::ofstream(d / "in.xml") << xml;
    auto r = run_binary("plan --lang en -o " + q(d / "draft.xml") + " " + q(d / "in.xml"));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("draft: " + d / "draft.xml" + " (curriculum errors: 2 → 0)"), std::string::npos) << r.out;
    std::string draft = read_file(d / "draft.xml");
    EXPECT_NE(draft.find(R"(<subject id="plan-clinical-practice" name="臨床実習（追加案）" area="clinical-practice" method="clinical" units="4" hours="180"/>)"),
              std::string::npos)
        << draft;
    EXPECT_NE(draft.find("<!-- ahaki-check plan"), std::string::npos);
    // The input is untouched, and the draft keeps its comments and sites.
    EXPECT_EQ(read_file(d / "in.xml"), xml);
    EXPECT_NE(draft.find("<clinical-sites>"), std::string::npos);
}

}  // namespace
}  // namespace ahaki::test
