// A teacher whose employment ends before classes start is not in post when the school is judged: not the
// head (6(1)), not counted among the experienced full-time teachers (6(8)) or the placement coordinators
// (6(11)), nor the full-time teachers (第2条). The boundary: employed until the day before the planned start
// (2026-04-01) is gone; until the start day itself is in post.
#include <gtest/gtest.h>

#include "support/helpers.hpp"

namespace ahaki::test {
namespace {

/// The complete example with one teacher's employment ending on `until`.
std::string complete_with(const std::string& teacher, const std::string& until) {
    std::string xml = read_file(source_dir() + "/curricula/complete/anma-hari-kyu.xml");
    const std::string tag = "<teacher id=\"" + teacher + "\"";
    const auto p = xml.find(tag);
    EXPECT_NE(p, std::string::npos);
    xml.insert(p + tag.size(), " employed-until=\"" + until + "\"");
    return xml;
}
std::string complete_with_head_until(const std::string& until) { return complete_with("t-head", until); }

std::vector<std::string> messages(const FileReport& r, std::string_view id) {
    std::vector<std::string> out;
    for (const Finding* f : findings_of(r, id)) out.push_back(f->message.en);
    return out;
}

TEST(TeachersInPost, AHeadWhoLeavesBeforeClassesStartIsNoHead) {
    auto gone = check_xml(complete_with_head_until("2026-03-31"));
    ASSERT_TRUE(gone.errors.empty()) << gone.errors.front().message.en;
    EXPECT_EQ(messages(gone, "TCH-001"),
              std::vector<std::string>{"the head 石川和夫's employment ends on 2026-03-31, before the planned start of classes (2026-04-01)"});
    auto here = check_xml(complete_with_head_until("2026-04-01"));
    ASSERT_TRUE(here.errors.empty());
    EXPECT_TRUE(messages(here, "TCH-001").empty());
}

TEST(TeachersInPost, ATeacherWhoLeftIsNotCountedAndTheNoteSaysWho) {
    // 森田直子 is the only placement coordinator (6(11)); practice is placed at a 施術所.
    auto gone = check_xml(complete_with("t-director", "2026-03-31"));
    ASSERT_TRUE(gone.errors.empty());
    const auto f = findings_of(gone, "TCH-011");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f.front()->message.en,
              "clinical practice is held at 施術所 or medical institutions, but 0 full-time teachers are placement coordinators "
              "(placement-coordinator=\"true\"; required: at least 1, 指導要領 6(11))");
    bool named = false;
    for (const auto& n : f.front()->notes)
        named = named || n.en == "not counted, their employment ending before classes start (2026-04-01): 森田直子 (until 2026-03-31)";
    EXPECT_TRUE(named);
    EXPECT_TRUE(findings_of(check_xml(complete_with("t-director", "2026-04-01")), "TCH-011").empty());
}

}  // namespace
}  // namespace ahaki::test
