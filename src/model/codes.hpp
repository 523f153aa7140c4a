#pragma once
// The vocabularies of the input format: each code with its Japanese and
// English name. The order of each enum is the order reports use.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace ahaki {

template <class E>
struct CodeInfo {
    E value;
    std::string_view code;
    std::string_view ja;
    std::string_view en;
};

enum class FacilityType { anma, hari, kyu, anma_hari, anma_kyu, hari_kyu, anma_hari_kyu };
inline constexpr std::size_t facility_type_count = 7;

enum class Area {
    foundations,
    body_structure_function,
    disease_prevention_recovery,
    health_welfare_ethics,
    basic_theory,
    clinical_theory,
    social_theory,
    practical_training,
    clinical_practice,
    integrated,
};
inline constexpr std::size_t area_count = 10;

enum class Method { lecture, seminar, experiment, practical, skills, clinical };
inline constexpr std::size_t method_count = 6;

enum class Schedule { day, night };

enum class SiteKind { affiliated, clinic, medical };

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

/// Contents 別表第一 備考 requires each area to include.
enum class Content {
    communication,
    kinesiology,
    social_security,
    professional_ethics,
    oriental_medicine_overview,
    meridians_acupoints,
    indication_judgement,
    pathophysiology,
    body_observation,
    pre_clinical_skills_exam,
};
inline constexpr std::size_t content_count = 10;

std::span<const CodeInfo<FacilityType>> facility_types();
std::span<const CodeInfo<Area>> areas();
std::span<const CodeInfo<Method>> methods();
std::span<const CodeInfo<Schedule>> schedules();
std::span<const CodeInfo<SiteKind>> site_kinds();
std::span<const CodeInfo<Weekday>> weekdays();
std::span<const CodeInfo<Content>> contents();

/// The area a required content belongs to.
Area content_area(Content c);

template <class E>
std::optional<E> parse_code(std::span<const CodeInfo<E>> table, std::string_view code) {
    for (const auto& c : table)
        if (c.code == code) return c.value;
    return std::nullopt;
}

template <class E>
const CodeInfo<E>& info(std::span<const CodeInfo<E>> table, E value) {
    return table[static_cast<std::size_t>(value)];
}

inline const CodeInfo<FacilityType>& info(FacilityType v) { return info(facility_types(), v); }
inline const CodeInfo<Area>& info(Area v) { return info(areas(), v); }
inline const CodeInfo<Method>& info(Method v) { return info(methods(), v); }
inline const CodeInfo<Schedule>& info(Schedule v) { return info(schedules(), v); }
inline const CodeInfo<SiteKind>& info(SiteKind v) { return info(site_kinds(), v); }
inline const CodeInfo<Weekday>& info(Weekday v) { return info(weekdays(), v); }
inline const CodeInfo<Content>& info(Content v) { return info(contents(), v); }

}  // namespace ahaki
