// Registered fixtures for curriculum rules that the example files cannot show
// (see catalogue_a_test.cpp). Other curriculum rules are covered by
// curricula/compliant and curricula/non-compliant/CUR-0NN-*.xml.
#include <gtest/gtest.h>

#include "support/helpers.hpp"
#include "support/rule_cases.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki::test {
namespace {

/// The embedded standard with a test-only value for the visually impaired
/// route (UNKNOWN in the shipped data): 5 years for hari-kyu.
const StandardSet& standard_with_vi_years() {
    static const StandardSet set = [] {
        std::string text = read_file(source_dir() + "/schemas/standards/ahaki-2018.xml");
        std::string from = "<param key=\"min-years-visually-impaired\" type=\"hari-kyu\"/>";
        text.replace(text.find(from), from.size(),
                     "<param key=\"min-years-visually-impaired\" type=\"hari-kyu\" value=\"5\" provenance=\"ORD\"/>");
        StandardSet s;
        if (auto l = read_standard("test-standard.xml", text); l.standard) s.editions.push_back(std::move(*l.standard));
        return s;
    }();
    return set;
}

std::string vi_course(int years) {
    std::string s = compliant_hari_kyu();
    std::string from = "schedule=\"day\" years=\"3\"";
    auto pos = s.find(from);
    if (pos == std::string::npos) return "<not-loadable/>";
    return s.replace(pos, from.size(), "schedule=\"day\" years=\"" + std::to_string(years) + "\" visually-impaired=\"true\"");
}

const RegisterRuleCases registered{{
    {"CUR-007", {vi_course(5)}, {vi_course(4)},
     "years of study (visually impaired route): 4 (required: at least 5, 認定規則 第5条)", standard_with_vi_years},
}};

}  // namespace

TEST(CurriculumCases, VisuallyImpairedYearsWhenTheNumberIsKnown) {
    for (const auto& c : rule_cases()) {
        if (c.rule != "CUR-007") continue;
        EXPECT_EQ(run_pass(c), "");
        EXPECT_EQ(run_fail(c), "");
    }
}

}  // namespace ahaki::test
