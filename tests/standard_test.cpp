// The standard as data: the embedded file loads, every parameter has its
// provenance, a broken override file is refused with its location.
#include <gtest/gtest.h>

#include <fstream>

#include "support/helpers.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

std::string embedded_text() { return read_file(source_dir() + "/schemas/standards/ahaki-2018.xml"); }

TEST(Standard, EmbeddedStandardLoadsWithProvenance) {
    const auto& set = standards();
    ASSERT_EQ(set.editions.size(), 1u);
    const Standard& st = set.editions[0];
    EXPECT_EQ(st.id, "ahaki-2018");
    EXPECT_EQ(st.applies_from.str(), "2018-04-01");
    const Threshold& total = st.get({"total-min-hours", FacilityType::anma_hari_kyu});
    EXPECT_EQ(total.value->str(), "2835");
    EXPECT_EQ(total.provenance, Provenance::seed);
    EXPECT_EQ(total.clause, "指導要領 8(4)");
    EXPECT_EQ(st.get({"area-min-units", FacilityType::hari, Area::integrated}).provenance, Provenance::assumed);
    EXPECT_EQ(st.get({"record-retention-years", std::nullopt, std::nullopt, std::nullopt, "treatment-records"}).provenance,
              Provenance::advisory);
    EXPECT_FALSE(st.get({"min-years-visually-impaired", FacilityType::anma}).value);
    for (const auto& e : st.entries) EXPECT_FALSE(e.t.clause.empty()) << e.key;
}

TEST(Standard, MissingParameterIsRefused) {
    std::string s = replace_once(embedded_text(), R"~(<param key="credit-transfer-max-units" value="7" provenance="SEED" clause="指導要領 8(9)"/>)~", "");
    auto l = read_standard("broken.xml", s);
    EXPECT_FALSE(l.standard);
    ASSERT_EQ(l.errors.size(), 1u);
    EXPECT_EQ(l.errors[0].message.en,
              "missing parameter: credit-transfer-max-units (write it with provenance=\"UNKNOWN\" if its value is not known)");
}

TEST(Standard, BadValuesAndUnknownKeysAreLocated) {
    std::string s = replace_once(embedded_text(), R"(key="night-max-hours-per-day" value="4")", R"(key="night-max-hours-per-day" value="four")");
    auto l = read_standard("bad.xml", s);
    ASSERT_FALSE(l.errors.empty());
    EXPECT_EQ(l.errors[0].message.en, "value=\"four\": not a number");
    EXPECT_GT(l.errors[0].loc.line, 100u);
    std::string k = replace_once(embedded_text(), R"(key="night-max-hours-per-day")", R"(key="night-max-hour-per-day")");
    auto lk = read_standard("bad.xml", k);
    ASSERT_FALSE(lk.errors.empty());
    EXPECT_EQ(lk.errors[0].message.en, "key=\"night-max-hour-per-day\": unknown parameter (did you mean 'night-max-hours-per-day'?)");
    std::string u = replace_once(embedded_text(), R"~(value="7" provenance="SEED" clause="指導要領 8(9)")~", R"~(value="7" provenance="UNKNOWN" clause="指導要領 8(9)")~");
    auto lu = read_standard("bad.xml", u);
    ASSERT_FALSE(lu.errors.empty());
    EXPECT_NE(lu.errors[0].message.en.find("an UNKNOWN number cannot have a value"), std::string::npos);
}

TEST(Standard, OverrideFileChangesAThresholdWithoutRebuilding) {
    std::string path = ::testing::TempDir() + "ahaki-std-" + std::to_string(::getpid()) + ".xml";
    {
        std::ofstream(path) << replace_once(embedded_text(), R"(key="credit-transfer-max-units" value="7")", R"(key="credit-transfer-max-units" value="8")");
    }
    std::string f = source_dir() + "/curricula/non-compliant/CUR-014-credit-transfer-over-seven.xml";
    EXPECT_EQ(run_binary("check '" + f + "'").exit_code, 1);
    EXPECT_EQ(run_binary("check --standard '" + path + "' '" + f + "'").exit_code, 0);
    auto broken = run_binary("check --standard /nonexistent/std.xml '" + f + "'");
    EXPECT_EQ(broken.exit_code, 2);
    EXPECT_NE(broken.err.find("/nonexistent/std.xml: エラー: ファイルが見つかりません"), std::string::npos) << broken.err;
    std::remove(path.c_str());
}

TEST(Standard, EditionIsChosenByIntake) {
    // A second, older edition added as data only: courses pick it by intake.
    std::string older = replace_once(embedded_text(), R"(id="ahaki-2018" applies-from="2018-04-01")", R"(id="old-2000" applies-from="2000-04-01")");
    older = replace_once(older, R"(key="credit-transfer-max-units" value="7")", R"(key="credit-transfer-max-units" value="8")");
    StandardSet set;
    set.editions.push_back(*read_standard("old.xml", older).standard);
    set.editions.push_back(standards().editions[0]);
    std::string doc = replace_once(compliant_hari_kyu(), R"(credit-transfer-units="7")", R"(credit-transfer-units="8")");
    RunOptions ro;
    auto current = check_source(*decode_source("a.xml", doc).source, set, ro);
    EXPECT_EQ(findings_of(current, "CUR-014").size(), 1u);
    EXPECT_EQ(current.standard_id, "ahaki-2018");
    std::string old_intake = replace_once(doc, R"(intake="2026-04-01")", R"(intake="2010-04-01")");
    auto old = check_source(*decode_source("b.xml", old_intake).source, set, ro);
    EXPECT_TRUE(findings_of(old, "CUR-014").empty());
    EXPECT_EQ(old.standard_id, "old-2000");
    // An intake before every edition cannot be checked.
    std::string too_old = replace_once(doc, R"(intake="2026-04-01")", R"(intake="2010-04-01")");
    auto none = check_xml(too_old);
    ASSERT_EQ(none.errors.size(), 1u);
    EXPECT_EQ(none.errors[0].message.en, "no edition of the standard applies to the intake 2010-04-01 (the earliest applies from 2018-04-01)");
}

}  // namespace
}  // namespace ahaki::test
