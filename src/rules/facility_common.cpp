#include "rules/facility_common.hpp"

namespace ahaki::rules {

const Text start_date_missing{"授業開始予定日（procedure/@planned-start）又は入学日（course/@intake）",
                              "the planned start of classes (procedure/@planned-start) or a course intake (course/@intake)"};

std::optional<StartDate> start_date(const School& school) {
    if (school.procedure && school.procedure->planned_start) {
        Loc loc = school.procedure->loc;
        loc.path += "/@planned-start";
        return StartDate{*school.procedure->planned_start, Text{"授業開始予定日", "the planned start of classes"}, loc};
    }
    std::optional<StartDate> best;
    for (const auto& c : school.courses)
        if (c.intake && (!best || *c.intake < best->date)) {
            Loc loc = c.loc;
            loc.path += "/@intake";
            best = StartDate{*c.intake, Text{"入学日", "the intake"}, loc};
        }
    return best;
}

int whole_months(const Threshold& t, bool years) {
    if (!t.value) return 0;
    return static_cast<int>(t.value->milli() * (years ? 12 : 1) / Decimal::scale);
}

Text site_label(const Site& s, const Text& what) { return Text{s.name + " " + what.ja, s.name + ": " + what.en}; }

Text join_texts(const std::vector<Text>& parts) {
    Text out;
    for (const auto& p : parts) {
        if (!out.ja.empty()) {
            out.ja += "、";
            out.en += ", ";
        }
        out.ja += p.ja;
        out.en += p.en;
    }
    return out;
}

Text cited(const Text& message, std::string_view citation) {
    return Text{message.ja + "（" + std::string(citation) + "）", message.en + " (" + std::string(citation) + ")"};
}

}  // namespace ahaki::rules
