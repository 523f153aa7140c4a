// ahaki-bench-clinic-gen: deterministic generator of clinic descriptions (療養費 claims) for the
// benchmark, in the clinic format (urn:ahaki-check:clinic:1).
//
//   clinic-gen --out DIR --fees FILE [--count N] [--patients P] [--start YYYY-MM] [--months M]
//              [--seed S] [--defects PERCENT] [--manifest FILE]
//
//   a clinic's year:       clinic-gen --out y --fees schemas/ryoyohi/ryoyohi.xml              (1 file, 50 patients, 12 months)
//   an insurer's batch:    clinic-gen --out b --fees … --count 2000 --months 1 --start 2025-01   (2,000 files × 50 claims)
//
// Writes DIR/clinic-00001.xml …: one 施術所 each, with P patients treated in the M months from
// --start: doctors' consents (初回 dated before the first visit, 再同意 dated on or a few days
// before the end of each consent period, so every visit lies in a period), treatment days (はり,
// きゅう or 2術, 電療, 初検 on the first visit of a course), home visits (patients who cannot come:
// before 2024-10 a 往療 with its reason and distance, each patient of a shared building on its own
// day; from 2024-10 regular 訪問施術 with the building key, the patients of a building on the same
// days, and now and then a sudden visit of a clinic patient, at least 30 days apart), ends of
// courses (治癒, 中止, 転医), and one claim per patient and month with the total of the fees of its
// visits.
//
// Fees and consent periods are read from the clinic fee data (--fees: schemas/ryoyohi/ryoyohi.xml,
// the file the checker embeds): the edition in force on each treatment day, the distance bands,
// the 訪問施術料 tiers, consent-months and consent-split-day. No amount is written in this source.
// A fee the file marks UNKNOWN for a day the generator would need is an error (exit 2): the
// generator never invents an amount (choose --start where the fees are known: 2019-10 on).
//
// --defects PERCENT: that share of claims (default 0) gets a total off by one item (an 電療料
// counted for a visit without 電療), which CLM-006 reports; --manifest lists them per file.
//
// Determinism: the output depends only on (seed, file number, options, fee file) and this source;
// the PRNG (splitmix64 → xoshiro256**) is the one of gen.cpp; file i is the same whatever --count is.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace {

// ---------------------------------------------------------------- PRNG (as gen.cpp)

using ahaki_bench::hash_name;
using ahaki_bench::Rng;
using ahaki_bench::splitmix64;

std::uint64_t stream_seed(std::uint64_t seed, long file, std::string_view name) {
    std::uint64_t x = seed ^ (static_cast<std::uint64_t>(file) * 0x9E3779B97F4A7C15ULL) ^ hash_name(name);
    return splitmix64(x);
}

// ---------------------------------------------------------------- dates (days since 1970-01-01)

struct Ymd {
    int y, m, d;
};
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}
Ymd civil(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}
std::string iso(long day) {
    const Ymd c = civil(day);
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", c.y, c.m, c.d);
    return b;
}
int month_index(long day) {
    const Ymd c = civil(day);
    return c.y * 12 + c.m - 1;
}
long month_first(int index) { return days_from_civil(index / 12, index % 12 + 1, 1); }
long month_last(int index) { return month_first(index + 1) - 1; }
std::string month_str(int index) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", index / 12, index % 12 + 1);
    return b;
}
int weekday(long day) { return static_cast<int>(((day % 7) + 10) % 7); }  // 0 = Monday (1970-01-01 was a Thursday: 3)

// ---------------------------------------------------------------- the fee data (ryoyohi.xml)

[[noreturn]] void fail(const std::string& msg) {
    std::fprintf(stderr, "clinic-gen: %s\n", msg.c_str());
    std::exit(2);
}

struct Amount {  // a fee item of one edition
    bool applies = true;
    std::optional<long> yen;  // nullopt: UNKNOWN
};
struct Band {
    long up_to_milli_km;
    std::optional<long> yen;
};
struct Tier {
    int min_patients;
    long one, two;
};
struct Edition {
    long from;
    std::string name;
    std::map<std::string, Amount> fees;
    std::vector<Band> bands;
    std::vector<Tier> tiers;
};
struct Param {
    long from;
    long value;
};
struct Fees {
    std::vector<Edition> editions;            // by date
    std::map<std::string, std::vector<Param>> params;
};

long parse_iso(const std::string& s, const std::string& what) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        fail("fee data: bad date '" + s + "' in " + what);
    return days_from_civil(y, m, d);
}
long parse_milli(const std::string& s) {  // "2", "16", "2.5"
    const auto dot = s.find('.');
    long v = std::strtol(s.substr(0, dot).c_str(), nullptr, 10) * 1000;
    if (dot != std::string::npos) {
        std::string f = s.substr(dot + 1) + "000";
        v += std::strtol(f.substr(0, 3).c_str(), nullptr, 10);
    }
    return v;
}

Fees load_fees(const std::string& path) {
    pugi::xml_document doc;
    if (!doc.load_file(path.c_str())) fail("cannot read the fee data " + path);
    Fees f;
    const pugi::xml_node root = doc.document_element();
    for (const auto& e : root.children("edition")) {
        Edition ed;
        ed.from = parse_iso(e.attribute("from").value(), "edition");
        ed.name = e.attribute("name").value();
        for (const auto& fee : e.children("fee")) {
            Amount a;
            a.applies = std::string_view(fee.attribute("applies").value()) != "false";
            if (fee.attribute("yen")) a.yen = fee.attribute("yen").as_llong();
            ed.fees[fee.attribute("item").value()] = a;
        }
        for (const auto& b : e.children("band")) {
            Band band{parse_milli(b.attribute("up-to-km").value()), std::nullopt};
            if (b.attribute("yen")) band.yen = b.attribute("yen").as_llong();
            ed.bands.push_back(band);
        }
        for (const auto& t : e.children("tier"))
            ed.tiers.push_back(Tier{t.attribute("min-patients").as_int(), t.attribute("one").as_llong(), t.attribute("two").as_llong()});
        std::sort(ed.bands.begin(), ed.bands.end(), [](const Band& a, const Band& b) { return a.up_to_milli_km < b.up_to_milli_km; });
        std::sort(ed.tiers.begin(), ed.tiers.end(), [](const Tier& a, const Tier& b) { return a.min_patients < b.min_patients; });
        f.editions.push_back(std::move(ed));
    }
    for (const auto& p : root.children("param"))
        f.params[p.attribute("name").value()].push_back(Param{parse_iso(p.attribute("from").value(), "param"), p.attribute("value").as_llong()});
    if (f.editions.empty()) fail("no <edition> in the fee data " + path);
    std::sort(f.editions.begin(), f.editions.end(), [](const Edition& a, const Edition& b) { return a.from < b.from; });
    for (auto& [_, v] : f.params) std::sort(v.begin(), v.end(), [](const Param& a, const Param& b) { return a.from < b.from; });
    return f;
}

const Edition& edition_on(const Fees& f, long day) {
    const Edition* hit = nullptr;
    for (const auto& e : f.editions)
        if (e.from <= day) hit = &e;
    if (hit == nullptr) fail("no fee edition in force on " + iso(day));
    return *hit;
}

long param_on(const Fees& f, const std::string& name, long day) {
    auto it = f.params.find(name);
    const Param* hit = nullptr;
    if (it != f.params.end())
        for (const auto& p : it->second)
            if (p.from <= day) hit = &p;
    if (hit == nullptr) fail("the fee data has no " + name + " in force on " + iso(day));
    return hit->value;
}

long fee(const Edition& e, const std::string& item, long day) {
    auto it = e.fees.find(item);
    if (it == e.fees.end() || !it->second.applies) fail("the edition " + e.name + " has no " + item + " (needed on " + iso(day) + ")");
    if (!it->second.yen) fail(item + " is UNKNOWN in the edition " + e.name + " (needed on " + iso(day) + "): choose another --start");
    return *it->second.yen;
}
bool has_fee(const Edition& e, const std::string& item) {
    auto it = e.fees.find(item);
    return it != e.fees.end() && it->second.applies;
}

// ---------------------------------------------------------------- what is generated

constexpr std::array<const char*, 40> kSurnames = {
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
    "松本", "井上", "木村", "林",   "斎藤", "清水", "山崎", "森",   "池田", "橋本", "阿部", "石川", "山下", "中島",
    "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本"};
constexpr std::array<const char*, 30> kGiven = {
    "花子", "一郎", "和子", "清", "節子", "茂", "幸子", "博", "洋子", "進", "恵子", "実", "京子", "勇", "悦子",
    "修", "久美子", "豊", "美智子", "稔", "春子", "正", "文子", "隆", "弘子", "誠", "トシ子", "昭", "栄子", "武"};
constexpr std::array<const char*, 12> kDoctors = {"佐藤一郎", "高木誠", "石田浩", "野村真理", "西村健",  "原田裕子",
                                                  "松田聡", "藤井明", "岩崎徹", "今井京子", "小野寺修", "上田淳"};
// The six covered diseases, weighted as clinics see them; "other" is judged by the insurer (review).
constexpr std::array<const char*, 10> kDiseases = {"lumbago", "lumbago", "lumbago", "neuralgia", "neuralgia", "cervicobrachial",
                                                   "frozen-shoulder", "whiplash", "rheumatism", "lumbago"};
constexpr std::array<const char*, 5> kClinicNames = {"鍼灸院", "はり・きゅう治療院", "鍼灸整骨院", "東洋医学センター", "はり灸院"};
constexpr std::array<const char*, 12> kPlaces = {"青葉", "さくら", "みどり", "ひかり", "あさひ", "若葉",
                                                 "城南", "北野", "港",   "桜台", "本町", "緑が丘"};
constexpr std::array<const char*, 8> kPrefectures = {"東京都", "大阪府", "宮城県", "愛知県", "福岡県", "北海道", "広島県", "新潟県"};
constexpr std::array<const char*, 4> kFacilities = {"特別養護老人ホーム", "サービス付き高齢者向け住宅", "グループホーム", "有料老人ホーム"};
constexpr std::array<const char*, 4> kReasons = {"歩行困難のため通院できない", "脳梗塞後遺症で独歩不能", "下肢筋力低下で外出困難",
                                                 "要介護4で寝たきり"};
constexpr std::array<const char*, 3> kSuddenReasons = {"急性の腰痛で歩行困難", "転倒後の痛みで通院できない", "ぎっくり腰で起き上がれない"};

struct Options {
    std::string out, fees, manifest;
    long count = 1;
    int patients = 50;
    int start = 2024 * 12 + 3;  // month index of 2024-04
    int months = 12;
    std::uint64_t seed = 20241001;
    int defects_per_mille = 0;
};

struct Visit {
    long day;
    int consent;  // index into the patient's consents
    bool hari, kyu, first, electro;
    bool home = false, sudden = false;
    long milli_km = 0;
    std::string building, reason;
    bool report = false;    // 施術報告書交付料 (issued in the month of a renewal)
    int practitioner = 0;   // index into the clinic's practitioners
    std::string liaison_doctor, liaison_institution;  // a sudden visit from 2024-10
    long yen = 0;  // computed fee
};
struct Consent {
    std::string id;
    bool initial;
    long date, starts;  // starts: the day the period counts from (初療 or the renewal date)
    std::string doctor, disease, disease_name;
};
struct End {
    long day;
    const char* outcome;
};
struct Patient {
    std::string id, name, birth, sex, insurer, card;
    const char* insurance = "kokuho";
    int copay = 30;
    bool home_bound = false;
    int group = -1;  // shared building
    long milli_km = 0;
    std::string reason;
    std::vector<Consent> consents;
    std::vector<Visit> visits;
    std::vector<End> ends;
};
struct Group {  // patients of one building (a facility)
    std::string key;
    long milli_km;
    std::vector<int> members;
};
struct ClaimOut {
    std::string id, patient, month;
    long total;
    bool defect;
};
struct ClinicOut {
    std::string name, address, registration;
    std::vector<std::pair<std::string, bool>> practitioners;  // name, manager
    long retention_years = 0;
    std::vector<Patient> patients;
    std::vector<ClaimOut> claims;
    long visits = 0;
    std::vector<std::string> defects;
};

/// The last day of the consent period that counts from `starts` (seed 第5章1 and its 2018 change:
/// the months and the split day are data).
long period_end(const Fees& f, long consent_date, long starts) {
    const long months = param_on(f, "consent-months", consent_date);
    const long split = param_on(f, "consent-split-day", consent_date);
    const int m0 = month_index(starts);
    const int add = static_cast<int>(civil(starts).d <= split ? months - 1 : months);
    return month_last(m0 + add);
}

// The days a patient comes in a week: `per_week` of Monday..Saturday.
std::vector<int> week_days(Rng& r, int per_week) {
    std::array<int, 6> d = {0, 1, 2, 3, 4, 5};
    for (int i = 5; i > 0; --i) std::swap(d[static_cast<std::size_t>(i)], d[r.below(static_cast<std::uint64_t>(i + 1))]);
    std::vector<int> v(d.begin(), d.begin() + per_week);
    std::sort(v.begin(), v.end());
    return v;
}

ClinicOut make_clinic(const Options& o, const Fees& fees, long number) {
    ClinicOut c;
    Rng meta(stream_seed(o.seed, number, "clinic"));
    c.name = std::string(meta.pick(kPlaces)) + meta.pick(kClinicNames);
    c.address = std::string(meta.pick(kPrefectures)) + meta.pick(kPlaces) + "町" + std::to_string(meta.range(1, 9)) + "-" +
                std::to_string(meta.range(1, 30));
    c.registration = "受領委任 " + std::to_string(meta.range(10, 47)) + "-" + std::to_string(100000 + number);
    c.practitioners.emplace_back(std::string(meta.pick(kSurnames)) + meta.pick(kGiven), true);
    if (meta.chance(2, 3)) c.practitioners.emplace_back(std::string(meta.pick(kSurnames)) + meta.pick(kGiven), false);
    c.retention_years = param_on(fees, "record-retention-years", month_first(o.start));
    const long win_first = month_first(o.start), win_last = month_last(o.start + o.months - 1);
    const long regular_from = [&] {  // the first edition with 訪問施術料 tiers: regular visits from then on
        for (const auto& e : fees.editions)
            if (!e.tiers.empty()) return e.from;
        return win_last + 1;
    }();

    // Buildings: a few facilities with 2–5 residents among the home-bound patients.
    const int home_bound = std::max(1, o.patients / 6);
    std::vector<Group> groups;
    {
        int left = home_bound;
        while (left >= 2 && groups.size() < 3) {
            const int n = std::min(left, meta.range(2, 5));
            groups.push_back(Group{std::string(meta.pick(kPlaces)) + meta.pick(kFacilities), 300L * meta.range(2, 30), {}});
            left -= n;
            for (int k = 0; k < n; ++k) groups.back().members.push_back(-1);
        }
    }
    std::vector<std::pair<int, int>> slots;  // (group, member) for home-bound patients in groups
    for (int g = 0; g < static_cast<int>(groups.size()); ++g)
        for (int k = 0; k < static_cast<int>(groups[static_cast<std::size_t>(g)].members.size()); ++k) slots.emplace_back(g, k);

    struct Course {
        long first, last;
    };
    std::vector<Course> course;
    for (int i = 0; i < o.patients; ++i) {
        Rng r(stream_seed(o.seed, number, "patient-" + std::to_string(i)));
        Patient p;
        char id[16];
        std::snprintf(id, sizeof id, "pt%03d", i + 1);
        p.id = id;
        p.name = std::string(r.pick(kSurnames)) + r.pick(kGiven);
        p.home_bound = i < home_bound;
        const int age = p.home_bound ? r.range(75, 98) : r.range(40, 90);
        p.birth = iso(days_from_civil(civil(win_first).y - age, r.range(1, 12), r.range(1, 28)));
        p.sex = r.chance(3, 5) ? "female" : "male";
        if (age >= 75) { p.insurance = "koki"; p.copay = r.chance(4, 5) ? 10 : 30; p.insurer = "39" + std::to_string(130000 + r.range(0, 9999)); }
        else if (r.chance(1, 2)) { p.insurance = "kenpo"; p.copay = 30; p.insurer = "0" + std::to_string(6130000 + r.range(0, 9999)); }
        else { p.insurance = "kokuho"; p.copay = age >= 70 ? 20 : 30; p.insurer = std::to_string(130000 + r.range(0, 9999)); }
        p.card = std::to_string(r.range(1000000, 9999999));
        if (p.home_bound) {
            p.reason = r.pick(kReasons);
            p.milli_km = 100L * r.range(3, 120);
            if (static_cast<std::size_t>(i) < slots.size()) {
                p.group = slots[static_cast<std::size_t>(i)].first;
                groups[static_cast<std::size_t>(p.group)].members[static_cast<std::size_t>(slots[static_cast<std::size_t>(i)].second)] = i;
                p.milli_km = groups[static_cast<std::size_t>(p.group)].milli_km;
            }
        } else {
            p.milli_km = 100L * r.range(5, 80);  // for a sudden visit
        }

        // The course: first visit (初療) and last, possibly outside the window.
        const bool chronic = p.home_bound || r.chance(9, 10);
        // Most patients are ongoing (初療 before the window), some are new in its first months.
        long first = r.chance(9, 10) ? win_first - r.range(1, 400) : win_first + r.range(0, std::min(90, 30 * o.months - 10));
        long last = chronic ? win_last + 400 : first + r.range(30, 150);
        if (last < win_first) last = win_first + r.range(10, 60);  // every patient is treated in the window
        if (first > win_last - 5) first = win_last - 5;
        // Patients of a shared building follow its first member's course (see below).
        int lead = -1;
        if (p.group >= 0)
            for (int m : groups[static_cast<std::size_t>(p.group)].members)
                if (m >= 0 && m < i) { lead = m; break; }
        if (lead >= 0) {
            first = course[static_cast<std::size_t>(lead)].first;
            last = course[static_cast<std::size_t>(lead)].last;
        }
        course.push_back({first, last});
        // Home visits are on fixed weekdays; a building's members each on a weekday of their own.
        const int per_week = p.group >= 0 ? 1 : p.home_bound ? r.range(1, 3) : r.range(2, 5) + (r.chance(1, 2) ? 1 : 0);
        const std::vector<int> fixed_days = week_days(r, per_week);
        if (p.home_bound && lead < 0) {  // the first home visit on the patient's weekday too
            first += (fixed_days.front() - weekday(first) + 7) % 7;
            course.back().first = first;
        }
        const bool two = r.chance(6, 10), hari_only = r.chance(6, 10);
        const bool electro = r.chance(4, 10);
        const std::string disease = r.pick(kDiseases);
        const std::string doctor = r.pick(kDoctors);
        const bool other = r.chance(1, 40);

        // Consents: initial a few days before 初療; each renewal on or a few days before the period's end.
        {
            Consent k{p.id + "-c1", true, first - r.range(0, 14), first, doctor, other ? "other" : disease, other ? "変形性膝関節症" : ""};
            p.consents.push_back(k);
            long end = period_end(fees, k.date, k.starts);
            while (end < std::min(last, win_last)) {
                Consent n = k;
                n.initial = false;
                n.date = std::max(p.consents.back().date + 1, end - r.range(0, 10));
                n.starts = n.date;
                n.id = p.id + "-c" + std::to_string(p.consents.size() + 1);
                p.consents.push_back(n);
                end = period_end(fees, n.date, n.starts);
            }
        }

        // Treatment days: every week the patient's days, from 初療 to the last; at most 15 a month.
        std::map<int, int> per_month;
        long last_sudden = -100000;
        bool first_visit = true;
        const long week0 = first - weekday(first);
        for (long w = week0; w <= last; w += 7) {
            Rng wr(stream_seed(o.seed, number, p.id + "-w" + std::to_string(w)));
            auto days = p.home_bound ? fixed_days : week_days(wr, per_week);
            if (first_visit) days.insert(days.begin(), static_cast<int>(first - w));  // 初療 is a treatment day
            for (int wd : days) {
                const long day = w + wd;
                if (day < first || day > last || (!first_visit && day == first)) continue;
                if (wr.chance(1, 20) && !first_visit) continue;  // a missed appointment
                Visit v{};
                v.day = day;
                v.first = first_visit;
                first_visit = false;
                if (day < win_first || day > win_last) continue;
                if (++per_month[month_index(day)] > 15) continue;
                v.hari = two || hari_only || wr.chance(1, 10);
                v.kyu = two || !hari_only || (!v.hari);
                if (!v.hari && !v.kyu) v.hari = true;
                v.electro = electro && wr.chance(9, 10);
                if (p.home_bound) {
                    v.home = true;
                    v.milli_km = p.milli_km;
                    v.reason = p.reason;
                    v.sudden = day < regular_from;
                    if (p.group >= 0) v.building = groups[static_cast<std::size_t>(p.group)].key;
                } else if (day >= regular_from && day - last_sudden > 30 && wr.chance(1, 150)) {
                    v.home = v.sudden = true;  // a sudden home visit of a clinic patient
                    v.milli_km = p.milli_km;
                    v.reason = kSuddenReasons[wr.below(kSuddenReasons.size())];
                    last_sudden = day;
                    // From 2024-10 a sudden visit's claim names the doctor contacted, the institution, the date.
                    v.liaison_doctor = doctor;
                    v.liaison_institution = std::string(kPlaces[wr.below(kPlaces.size())]) + "クリニック";
                }
                v.practitioner = static_cast<int>(wr.below(2));
                p.visits.push_back(v);
            }
        }
        // A patient who first visits before the window: the window's visits carry no 初検.
        if (!chronic && last <= win_last) p.ends.push_back(End{last, r.chance(6, 10) ? "cured" : r.chance(1, 2) ? "stopped" : "transferred"});
        c.patients.push_back(std::move(p));
    }

    // Home-bound patients of one building: from 2024-10 (訪問施術料) they are treated on the same days
    // (the days of the building's first member); before, each on a day of its own (one 往療料 each).
    for (const auto& g : groups) {
        Patient* lead = nullptr;
        for (int m : g.members)
            if (m >= 0) { lead = &c.patients[static_cast<std::size_t>(m)]; break; }
        if (lead == nullptr) continue;
        int offset = 0;
        for (int m : g.members) {
            if (m < 0) continue;
            Patient& p = c.patients[static_cast<std::size_t>(m)];
            if (&p != lead) {
                std::vector<Visit> mine;
                for (const Visit& lv : lead->visits) {
                    Visit v = lv;  // the same course, so the same 初検 and consents
                    v.reason = p.reason;
                    if (lv.day < regular_from) {
                        // The lead comes on one fixed weekday: member k comes k days later, so no two
                        // members of the building share a day (one 往療料 per building and day).
                        v.day = lv.day + offset;
                        if (v.day >= regular_from || v.day > win_last) continue;
                    }
                    mine.push_back(v);
                }
                p.visits = std::move(mine);
                p.ends.clear();
            }
            ++offset;
        }
    }

    // Each visit's consent: the latest whose period has begun; its fee under the edition in force.
    std::map<std::pair<std::string, long>, int> building_day;  // patients treated per building and day
    for (const auto& p : c.patients)
        for (const auto& v : p.visits)
            if (v.home && !v.sudden && !v.building.empty()) ++building_day[{v.building, v.day}];
    for (auto& p : c.patients) {
        std::sort(p.visits.begin(), p.visits.end(), [](const Visit& a, const Visit& b) { return a.day < b.day; });
        p.visits.erase(std::unique(p.visits.begin(), p.visits.end(), [](const Visit& a, const Visit& b) { return a.day == b.day; }),
                       p.visits.end());
        int last_report = -1000;
        for (auto& v : p.visits) {
            if (v.practitioner >= static_cast<int>(c.practitioners.size())) v.practitioner = 0;
            v.consent = 0;
            for (int k = 0; k < static_cast<int>(p.consents.size()); ++k)
                if (p.consents[static_cast<std::size_t>(k)].starts <= v.day) v.consent = k;
            // The 初療 of a consent chain that began before the window is not in the file: the
            // period then counts from the window's first visit, which only makes it end later.
            const Edition& e = edition_on(fees, v.day);
            const bool both = v.hari && v.kyu;
            const std::string n = both ? "2" : "1";
            long yen = 0;
            if (v.first) yen += fee(e, "first-exam-" + n, v.day);
            if (v.home && !v.sudden) {
                if (e.tiers.empty()) fail("regular home visit on " + iso(v.day) + " under an edition without 訪問施術料");
                const int count = v.building.empty() ? 1 : building_day[{v.building, v.day}];
                const Tier* t = nullptr;
                for (const auto& tier : e.tiers)
                    if (tier.min_patients <= count) t = &tier;
                if (t == nullptr) fail("no 訪問施術料 tier for " + std::to_string(count) + " patients");
                yen += both ? t->two : t->one;
            } else {
                yen += fee(e, "treatment-" + n, v.day);
            }
            if (v.home && v.sudden) {
                if (has_fee(e, "travel-sudden")) {
                    yen += fee(e, "travel-sudden", v.day);
                } else {
                    const Band* b = nullptr;
                    for (const auto& band : e.bands)
                        if (v.milli_km <= band.up_to_milli_km) { b = &band; break; }
                    if (b == nullptr) fail("no 往療料 band for the distance on " + iso(v.day));
                    if (!b->yen) fail("往療料 band is UNKNOWN in the edition " + e.name + " (needed on " + iso(v.day) + ")");
                    yen += *b->yen;
                }
            }
            if (v.electro) yen += fee(e, "electro", v.day);
            // 施術報告書交付料: on the first visit in the month of a renewal, where the edition has the
            // fee and none was paid in the report-interval-months months before.
            const Consent& k = p.consents[static_cast<std::size_t>(v.consent)];
            const int m = month_index(v.day);
            if (!k.initial && month_index(k.date) == m && has_fee(e, "report") && m != last_report &&
                m - last_report > param_on(fees, "report-interval-months", v.day)) {
                v.report = true;
                last_report = m;
                yen += fee(e, "report", v.day);
            }
            v.yen = yen;
        }
        // Drop the consents no emitted visit refers to, keeping the order (and the ids).
        std::vector<bool> used(p.consents.size(), false);
        for (const auto& v : p.visits) used[static_cast<std::size_t>(v.consent)] = true;
        std::vector<int> remap(p.consents.size(), -1);
        std::vector<Consent> kept;
        for (std::size_t k = 0; k < p.consents.size(); ++k)
            if (used[k]) { remap[k] = static_cast<int>(kept.size()); kept.push_back(p.consents[k]); }
        for (auto& v : p.visits) v.consent = remap[static_cast<std::size_t>(v.consent)];
        p.consents = std::move(kept);
        if (!p.ends.empty() && (p.visits.empty() || p.ends.back().day < p.visits.back().day)) p.ends.clear();
        c.visits += static_cast<long>(p.visits.size());
    }

    // Claims: one per patient and month with visits, the total of their fees.
    Rng dr(stream_seed(o.seed, number, "defects"));
    for (const auto& p : c.patients) {
        std::map<int, long> totals;
        std::map<int, bool> any_plain;  // a visit without 電療 that month (where a defect can go)
        for (const auto& v : p.visits) {
            totals[month_index(v.day)] += v.yen;
            if (!v.electro) any_plain[month_index(v.day)] = true;
        }
        for (const auto& [m, total] : totals) {
            ClaimOut cl{"cl-" + month_str(m) + "-" + p.id, p.id, month_str(m), total, false};
            if (o.defects_per_mille > 0 && any_plain[m] && static_cast<int>(dr.below(1000)) < o.defects_per_mille) {
                cl.total += fee(edition_on(fees, month_first(m)), "electro", month_first(m));
                cl.defect = true;
                c.defects.push_back(cl.id + ":CLM-006");
            }
            c.claims.push_back(cl);
        }
    }
    return c;
}

// ---------------------------------------------------------------- XML

void attr(std::string& x, const char* name, std::string_view v) {
    x += ' ';
    x += name;
    x += "=\"";
    for (char ch : v) {
        switch (ch) {
            case '&': x += "&amp;"; break;
            case '<': x += "&lt;"; break;
            case '"': x += "&quot;"; break;
            default: x += ch;
        }
    }
    x += '"';
}

std::string km(long milli) {
    char b[32];
    std::snprintf(b, sizeof b, "%ld.%ld", milli / 1000, (milli % 1000) / 100);
    return b;
}

std::string emit(const ClinicOut& c) {
    std::string x;
    x.reserve(64 * 1024);
    x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clinic xmlns=\"urn:ahaki-check:clinic:1\"";
    attr(x, "name", c.name);
    attr(x, "address", c.address);
    attr(x, "registration", c.registration);
    x += ">\n";
    for (std::size_t k = 0; k < c.practitioners.size(); ++k) {
        x += "  <practitioner";
        attr(x, "id", "pr" + std::to_string(k + 1));
        attr(x, "name", c.practitioners[k].first);
        attr(x, "licences", "hari kyu");
        attr(x, "licence-number", "第" + std::to_string(200000 + 7 * k + c.address.size()) + "号");
        if (c.practitioners[k].second) attr(x, "manager", "true");
        x += "/>\n";
    }
    x += "  <records";
    attr(x, "retention-years", std::to_string(c.retention_years));
    attr(x, "items", "eligibility card-checked consent-doctor disease dates outcome count content fees findings");
    x += "/>\n";
    for (const auto& p : c.patients) {
        x += "  <patient";
        attr(x, "id", p.id);
        attr(x, "name", p.name);
        attr(x, "birth-date", p.birth);
        attr(x, "sex", p.sex);
        x += ">\n";
        x += "    <insurance";
        attr(x, "type", p.insurance);
        attr(x, "insurer", p.insurer);
        attr(x, "number", p.card);
        attr(x, "copay-percent", std::to_string(p.copay));
        x += "/>\n";
        for (const auto& k : p.consents) {
            x += "    <consent";
            attr(x, "id", k.id);
            attr(x, "kind", k.initial ? "initial" : "renewal");
            attr(x, "date", iso(k.date));
            attr(x, "doctor", k.doctor);
            attr(x, "disease", k.disease);
            if (!k.disease_name.empty()) attr(x, "disease-name", k.disease_name);
            x += "/>\n";
        }
        for (const auto& v : p.visits) {
            x += "    <visit";
            attr(x, "date", iso(v.day));
            attr(x, "consent", p.consents[static_cast<std::size_t>(v.consent)].id);
            attr(x, "techniques", v.hari && v.kyu ? "hari kyu" : v.hari ? "hari" : "kyu");
            if (v.first) attr(x, "first-exam", "true");
            if (v.electro) attr(x, "electro", "true");
            if (v.home) {
                attr(x, "place", "home");
                attr(x, "home-visit", v.sudden ? "sudden" : "regular");
                attr(x, "distance-km", km(v.milli_km));
                if (!v.building.empty()) attr(x, "building", v.building);
                attr(x, "reason", v.reason);
                if (!v.liaison_doctor.empty()) {
                    attr(x, "liaison-doctor", v.liaison_doctor);
                    attr(x, "liaison-institution", v.liaison_institution);
                    attr(x, "liaison-date", iso(v.day));
                }
            }
            if (v.report) attr(x, "report", "true");
            attr(x, "practitioner", "pr" + std::to_string(v.practitioner + 1));
            x += "/>\n";
        }
        for (const auto& e : p.ends) {
            x += "    <end";
            attr(x, "date", iso(e.day));
            attr(x, "outcome", e.outcome);
            x += "/>\n";
        }
        x += "  </patient>\n";
    }
    for (const auto& cl : c.claims) {
        x += "  <claim";
        attr(x, "id", cl.id);
        attr(x, "patient", cl.patient);
        attr(x, "month", cl.month);
        attr(x, "total", std::to_string(cl.total));
        x += "/>\n";
    }
    x += "</clinic>\n";
    return x;
}

[[noreturn]] void usage(const char* msg) {
    std::fprintf(stderr,
                 "error: %s\nusage: clinic-gen --out DIR --fees FILE [--count N] [--patients P] [--start YYYY-MM] [--months M]\n"
                 "                  [--seed S] [--defects PERCENT] [--manifest FILE]\n",
                 msg);
    std::exit(2);
}

bool write_file(const std::filesystem::path& p, const std::string& data) {
    std::FILE* f = std::fopen(p.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage("missing value");
            return argv[++i];
        };
        auto number = [&](long lo, long hi) {
            const std::string v = value();
            char* end = nullptr;
            const long long n = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < lo || n > hi) usage("bad number");
            return static_cast<long>(n);
        };
        if (a == "--out") o.out = value();
        else if (a == "--fees") o.fees = value();
        else if (a == "--manifest") o.manifest = value();
        else if (a == "--count") o.count = number(1, 99999);
        else if (a == "--patients") o.patients = static_cast<int>(number(1, 100000));
        else if (a == "--months") o.months = static_cast<int>(number(1, 120));
        else if (a == "--seed") o.seed = static_cast<std::uint64_t>(number(0, 0x7FFFFFFFFFFFFFFFL));
        else if (a == "--defects") {
            const std::string v = value();
            char* end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || d < 0 || d > 100) usage("--defects: a percentage from 0 to 100");
            o.defects_per_mille = static_cast<int>(d * 10 + 0.5);
        } else if (a == "--start") {
            const std::string v = value();
            int y = 0, m = 0;
            char tail = 0;
            if (std::sscanf(v.c_str(), "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12 || y < 2000) usage("--start YYYY-MM");
            o.start = y * 12 + m - 1;
        } else usage("unknown option");
    }
    if (o.out.empty() || o.fees.empty()) usage("--out and --fees are required");
    const Fees fees = load_fees(o.fees);
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);
    if (ec) usage("cannot create output directory");
    const auto dir = std::filesystem::absolute(o.out);
    std::string manifest = "# file\tpatients\tvisits\tclaims\tdefects (claim:rule; - = none)\n";
    long visits = 0, claims = 0, defects = 0;
    for (long n = 1; n <= o.count; ++n) {
        const ClinicOut c = make_clinic(o, fees, n);
        char name[32];
        std::snprintf(name, sizeof name, "clinic-%05ld.xml", n);
        if (!write_file(dir / name, emit(c))) {
            std::fprintf(stderr, "error: cannot write %s\n", (dir / name).c_str());
            return 1;
        }
        visits += c.visits;
        claims += static_cast<long>(c.claims.size());
        defects += static_cast<long>(c.defects.size());
        manifest += std::string(name) + '\t' + std::to_string(c.patients.size()) + '\t' + std::to_string(c.visits) + '\t' +
                    std::to_string(c.claims.size()) + '\t';
        if (c.defects.empty()) manifest += '-';
        for (std::size_t i = 0; i < c.defects.size(); ++i) manifest += (i ? " " : "") + c.defects[i];
        manifest += '\n';
    }
    if (!o.manifest.empty() && !write_file(o.manifest, manifest)) {
        std::fprintf(stderr, "error: cannot write %s\n", o.manifest.c_str());
        return 1;
    }
    std::fprintf(stderr, "clinic-gen: %ld files, %ld visits, %ld claims (%ld with a defect)\n", o.count, visits, claims, defects);
    return 0;
}
