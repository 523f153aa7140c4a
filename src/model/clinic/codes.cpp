#include <cstdio>

#include "model/clinic/clinic.hpp"

namespace ahaki::clinic {
namespace {

constexpr CodeInfo<Disease> disease_table[] = {
    {Disease::neuralgia, "neuralgia", "神経痛", "neuralgia"},
    {Disease::rheumatism, "rheumatism", "リウマチ", "rheumatism"},
    {Disease::cervicobrachial, "cervicobrachial", "頸腕症候群", "cervicobrachial syndrome"},
    {Disease::frozen_shoulder, "frozen-shoulder", "五十肩", "frozen shoulder"},
    {Disease::lumbago, "lumbago", "腰痛症", "lumbago"},
    {Disease::whiplash, "whiplash", "頸椎捻挫後遺症", "after-effects of a cervical sprain"},
    {Disease::other, "other", "その他", "other"},
};
constexpr CodeInfo<ConsentKind> consent_kind_table[] = {
    {ConsentKind::initial, "initial", "初回の同意", "initial consent"},
    {ConsentKind::renewal, "renewal", "再同意", "renewed consent"},
};
constexpr CodeInfo<ConsentForm> consent_form_table[] = {
    {ConsentForm::written, "written", "同意書", "written"},
    {ConsentForm::verbal, "verbal", "口頭", "verbal"},
};
constexpr CodeInfo<Technique> technique_table[] = {
    {Technique::hari, "hari", "はり", "acupuncture"},
    {Technique::kyu, "kyu", "きゅう", "moxibustion"},
};
constexpr CodeInfo<Place> place_table[] = {
    {Place::clinic, "clinic", "施術所", "at the clinic"},
    {Place::home, "home", "往療", "home visit"},
};
constexpr CodeInfo<HomeVisit> home_visit_table[] = {
    {HomeVisit::sudden, "sudden", "突発的な往療", "sudden home visit"},
    {HomeVisit::regular, "regular", "定期的・計画的な訪問", "regular home visit"},
};
constexpr CodeInfo<EndOutcome> end_outcome_table[] = {
    {EndOutcome::cured, "cured", "治癒", "cured"},
    {EndOutcome::stopped, "stopped", "中止", "stopped"},
    {EndOutcome::transferred, "transferred", "転医", "transferred"},
};
constexpr CodeInfo<RecordItem> record_item_table[] = {
    {RecordItem::eligibility, "eligibility", "受給資格（保険の種類、被保険者証、公費、施術を受ける者）", "eligibility (insurance, card, public funding, patient)"},
    {RecordItem::card_checked, "card-checked", "月初めの保険証の確認", "the card checked at the start of each month"},
    {RecordItem::consent_doctor, "consent-doctor", "同意した医師の住所・氏名・同意年月日（再同意も）", "consenting doctor's address, name and date (and for re-consents)"},
    {RecordItem::disease, "disease", "同意疾病名", "consented disease"},
    {RecordItem::dates, "dates", "初療年月日・施術終了年月日", "first and last treatment dates"},
    {RecordItem::outcome, "outcome", "転帰（治癒・中止・転医）", "outcome (cured, stopped, transferred)"},
    {RecordItem::count, "count", "施術回数", "number of treatments"},
    {RecordItem::content, "content", "施術の内容・経過", "content and progress of each treatment"},
    {RecordItem::fees, "fees", "施術明細（その都度の金額）", "fee items and amounts after each treatment"},
    {RecordItem::findings, "findings", "施術所見", "findings"},
};
constexpr CodeInfo<InsuranceType> insurance_type_table[] = {
    {InsuranceType::kenpo, "kenpo", "健康保険", "health insurance (kenpo)"},
    {InsuranceType::senin, "senin", "船員保険", "seamen's insurance"},
    {InsuranceType::kokuho, "kokuho", "国民健康保険", "national health insurance"},
    {InsuranceType::kyosai, "kyosai", "共済組合", "mutual aid association"},
    {InsuranceType::koki, "koki", "後期高齢者医療", "late-stage elderly medical care"},
    {InsuranceType::other, "other", "その他", "other"},
};

}  // namespace

std::span<const CodeInfo<Disease>> diseases() { return disease_table; }
std::span<const CodeInfo<ConsentKind>> consent_kinds() { return consent_kind_table; }
std::span<const CodeInfo<ConsentForm>> consent_forms() { return consent_form_table; }
std::span<const CodeInfo<Technique>> techniques() { return technique_table; }
std::span<const CodeInfo<Place>> places() { return place_table; }
std::span<const CodeInfo<HomeVisit>> home_visits() { return home_visit_table; }
std::span<const CodeInfo<EndOutcome>> end_outcomes() { return end_outcome_table; }
std::span<const CodeInfo<RecordItem>> record_items() { return record_item_table; }
std::span<const CodeInfo<InsuranceType>> insurance_types() { return insurance_type_table; }

std::string Month::str() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

}  // namespace ahaki::clinic
