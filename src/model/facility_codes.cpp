#include "model/facility_codes.hpp"

namespace ahaki {
namespace {

constexpr CodeInfo<Ownership> ownership_table[] = {
    {Ownership::owned, "owned", "設置者所有", "owned by the founder"},
    {Ownership::leased, "leased", "賃貸借", "leased"},
};

constexpr CodeInfo<Authority> authority_table[] = {
    {Authority::mhlw, "mhlw", "厚生労働大臣", "the Minister of Health, Labour and Welfare"},
    {Authority::governor, "governor", "都道府県知事", "the prefectural governor"},
};

constexpr CodeInfo<AdLabel> ad_label_table[] = {
    {AdLabel::planning, "planning", "設置計画中", "establishment being planned (設置計画中)"},
    {AdLabel::applying, "applying", "申請中", "application pending (申請中)"},
    {AdLabel::none, "none", "表示なし", "no label"},
};

constexpr CodeInfo<OpinionBody> opinion_body_table[] = {
    {OpinionBody::zenshinkyo, "zenshinkyo", "公益社団法人 全日本鍼灸マッサージ師会（都道府県の組織）",
     "All Japan Acupuncture, Moxibustion and Massage Association (prefectural branch)"},
    {OpinionBody::nichima, "nichima", "公益社団法人 日本あん摩マッサージ指圧師会（都道府県の組織）",
     "Japan Anma-Massage-Shiatsu Association (prefectural branch)"},
    {OpinionBody::blind_union, "blind-union", "社会福祉法人 日本盲人会連合（都道府県の組織）",
     "Japan Federation of the Visually Impaired (prefectural branch)"},
    {OpinionBody::school_for_blind, "school-for-blind", "盲学校", "school for the blind (盲学校)"},
    {OpinionBody::other, "other", "その他の団体", "another body"},
};

constexpr CodeInfo<RetentionStart> retention_start_table[] = {
    {RetentionStart::treatment_end, "treatment-end", "施術完結の日", "the day treatment ended"},
    {RetentionStart::treatment_start, "treatment-start", "施術開始の日", "the day treatment started"},
    {RetentionStart::record_date, "record-date", "記載の日", "the day of each entry"},
};

constexpr CodeInfo<RecordKind> record_kind_table[] = {
    {RecordKind::school_rules, "school-rules", "学則", "school rules"},
    {RecordKind::daily_schedule, "daily-schedule", "日課表", "daily schedule"},
    {RecordKind::school_diary, "school-diary", "学校日誌", "school diary"},
    {RecordKind::staff_list, "staff-list", "職員の名簿", "staff list"},
    {RecordKind::staff_resumes, "staff-resumes", "職員の履歴書", "staff CVs"},
    {RecordKind::staff_attendance, "staff-attendance", "出勤簿", "staff attendance book"},
    {RecordKind::student_register, "student-register", "学籍簿", "student register"},
    {RecordKind::student_attendance, "student-attendance", "出席簿", "class attendance book"},
    {RecordKind::health_checks, "health-checks", "健康診断に関する表簿", "health check records"},
    {RecordKind::admission_selection, "admission-selection", "入学者の選考に関する表簿", "admission selection records"},
    {RecordKind::grades, "grades", "成績考査に関する表簿", "grade records"},
    {RecordKind::asset_ledger, "asset-ledger", "資産原簿", "asset ledger"},
    {RecordKind::cash_book, "cash-book", "出納簿", "cash book"},
    {RecordKind::budget_accounts, "budget-accounts", "予算決算に関する表簿", "budget and accounts records"},
    {RecordKind::equipment_catalogue, "equipment-catalogue", "器械器具、標本及び模型、図書並びにその他の備品の目録",
     "catalogue of instruments, specimens, models, books and other equipment"},
    {RecordKind::correspondence_log, "correspondence-log", "往復文書処理簿", "correspondence log"},
};
static_assert(std::size(record_kind_table) == record_kind_count);

constexpr CodeInfo<PlacementMode> placement_mode_table[] = {
    {PlacementMode::observation, "observation", "見学実習", "observation only (見学実習)"},
    {PlacementMode::practice, "practice", "施術を伴う実習", "hands-on practice"},
};

}  // namespace

std::span<const CodeInfo<PlacementMode>> placement_modes() { return placement_mode_table; }
std::span<const CodeInfo<Ownership>> ownerships() { return ownership_table; }
std::span<const CodeInfo<Authority>> authorities() { return authority_table; }
std::span<const CodeInfo<AdLabel>> ad_labels() { return ad_label_table; }
std::span<const CodeInfo<OpinionBody>> opinion_bodies() { return opinion_body_table; }
std::span<const CodeInfo<RetentionStart>> retention_starts() { return retention_start_table; }
std::span<const CodeInfo<RecordKind>> record_kinds() { return record_kind_table; }

int record_clause(RecordKind k) {
    switch (k) {
        case RecordKind::school_rules: case RecordKind::daily_schedule: case RecordKind::school_diary: return 1;
        case RecordKind::staff_list: case RecordKind::staff_resumes: case RecordKind::staff_attendance: return 2;
        case RecordKind::student_register: case RecordKind::student_attendance: case RecordKind::health_checks: return 3;
        case RecordKind::admission_selection: case RecordKind::grades: return 4;
        case RecordKind::asset_ledger: case RecordKind::cash_book: case RecordKind::budget_accounts: return 5;
        case RecordKind::equipment_catalogue: return 6;
        case RecordKind::correspondence_log: return 7;
    }
    return 1;
}


}  // namespace ahaki
