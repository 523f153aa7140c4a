// ahaki-bench-gen: deterministic generator of school descriptions for the benchmark.
//
//   gen --out DIR --count N --seed S [--scale K] [--manifest FILE] [--index FILE]
//
// Writes DIR/school-00001.xml ... in the input format (urn:ahaki-check:school:1).
// Determinism: the output depends only on (seed, file number, scale) and on this source. The
// PRNG (splitmix64 seeding xoshiro256**) and every integer range are implemented here, because
// std::uniform_*_distribution differs between standard libraries. File i is the same whatever
// --count is, so a 500-file corpus is the first 500 files of the 2,000-file one.
//
// Structure: a School is first planned (random decisions into plain structs), then emitted.
// Each section (clinical sites, courses, ...) is one entry of kSections with a plan function
// and an emit function, and draws from its own PRNG stream derived from the section's name, so
// adding a section (teachers, premises, records...) does not change the content of the others.
// About a quarter of the files get one or two defects from kDefects; --manifest lists them.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace {

// ---------------------------------------------------------------- PRNG

using ahaki_bench::hash_name;
using ahaki_bench::Rng;
using ahaki_bench::splitmix64;

// ---------------------------------------------------------------- the standard (for realism)

constexpr int kAreas = 10;
constexpr std::array<const char*, kAreas> kAreaCode = {
    "foundations",   "body-structure-function", "disease-prevention-recovery", "health-welfare-ethics",
    "basic-theory",  "clinical-theory",         "social-theory",               "practical-training",
    "clinical-practice", "integrated"};
enum Area { kFound, kBody, kDisease, kHwe, kBasic, kClinTheory, kSocial, kPractical, kClinPractice, kIntegrated };

struct TypeInfo {
    const char* code;
    const char* label;  // for the school's name
    bool anma, hari, kyu;
    std::array<int, kAreas> min_units;  // 別表第一
    int total_units, total_hours;       // 指導要領 8(4)
};
constexpr std::array<TypeInfo, 7> kTypes = {{
    {"anma", "あん摩マッサージ指圧", true, false, false, {14, 12, 12, 3, 7, 11, 2, 10, 4, 10}, 85, 2385},
    {"hari", "はり", false, true, false, {14, 12, 12, 3, 8, 11, 2, 12, 4, 10}, 88, 2475},
    {"kyu", "きゅう", false, false, true, {14, 12, 12, 3, 8, 11, 2, 10, 4, 10}, 86, 2415},
    {"anma-hari", "あん摩鍼", true, true, false, {14, 12, 12, 3, 9, 13, 2, 15, 4, 10}, 94, 2655},
    {"anma-kyu", "あん摩灸", true, false, true, {14, 12, 12, 3, 9, 13, 2, 13, 4, 10}, 92, 2595},
    {"hari-kyu", "鍼灸", false, true, true, {14, 12, 12, 3, 9, 13, 2, 15, 4, 10}, 94, 2655},
    {"anma-hari-kyu", "鍼灸マッサージ", true, true, true, {14, 12, 12, 3, 9, 15, 2, 19, 4, 10}, 100, 2835},
}};

// Required contents (別表第一 備考) and the area that must teach them.
struct Cover {
    const char* code;
    Area area;
};
constexpr std::array<Cover, 10> kCovers = {{
    {"communication", kFound},
    {"kinesiology", kBody},
    {"social-security", kHwe},
    {"professional-ethics", kHwe},
    {"oriental-medicine-overview", kBasic},
    {"meridians-acupoints", kBasic},
    {"indication-judgement", kClinTheory},
    {"pathophysiology", kClinTheory},
    {"body-observation", kClinTheory},
    {"pre-clinical-skills-exam", kPractical},
}};

// ---------------------------------------------------------------- the model being generated

using Milli = std::int64_t;  // decimals in thousandths, so arithmetic stays exact
constexpr Milli kOne = 1000;

struct Placement {
    std::string site;
    Milli units = 0;
};

struct Subject {
    std::string id, name, method;
    int area = 0;
    Milli units = 0, hours = 0;
    int year = 0;  // 0 = absent
    std::vector<std::string> covers;
    std::vector<Placement> placements;
};

struct Session {
    std::string days;
    int start = 0, end = 0;  // minutes from 00:00
    bool unavoidable = false;
    std::string reason;
};

struct Course {
    std::string id, schedule;
    int years = 3;
    bool visually_impaired = false;
    std::string intake;        // empty = absent
    int credit_transfer = -1;  // -1 = absent
    std::vector<Subject> subjects;
    int weeks = 0;
    std::vector<Session> sessions;
};

struct Supervisor {
    std::string name;
    bool teacher_qualified = false;
    int practice_years = 0;       // 0 = absent
    std::string course_completed;  // empty = absent
};

struct Site {
    std::string id, name, kind;
    // Details (指導要領 9): absent for medical sites except the address.
    std::string opened, address, registration;
    bool claims_insurance = false;
    std::vector<Supervisor> supervisors;
    Milli patients_per_day = 0;  // 0 = absent
    std::string patients_from, patients_to;
    // Defects.
    bool no_goals = false;
};

Site make_site(std::string id, std::string name, std::string kind) {
    Site s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.kind = std::move(kind);
    return s;
}

struct Qualification {
    std::string code, date, number, field, post;
    int years = 0;  // university-teacher: years in post (0 = absent)
};

struct OtherPost {
    std::string employer, title;
    bool full_time = false;
};

struct Teacher {
    std::string id, name;
    bool full_time = false;
    std::string role;  // "", "head", "academic-director"
    int years_teaching = 0;  // 0 = absent
    int weekly_hours = 0;
    bool coordinator = false;
    std::string employed_from;
    std::vector<Qualification> quals;
    std::vector<OtherPost> posts;
    int row = 2;  // subjects it takes, by 別表第二 row: 0 foundations, 1 basic medical, 2 specialised
};

struct Fee {
    std::string id, name;
    long amount = 0;
};

struct School {
    int number = 0;
    const TypeInfo* type = nullptr;
    std::string name;
    std::vector<Site> sites;
    std::vector<Course> courses;
    bool foreign_note = false;  // an element in another namespace (tools may annotate files)
    std::size_t place = 0;      // index into kPlaces / kPrefectures
    int start_year = 0;         // classes start on start_year-04-01 (procedure/@planned-start)
    std::string founder_kind, founder_name;
    std::vector<Teacher> teachers;
    std::vector<int> capacity;  // per course
    int practice_rooms = 1;
    bool hot_water = true;
    std::vector<Fee> fees;
    bool fee_change = false;
    std::string plan_submitted;  // procedure
    std::array<int, 16> retention{};  // per kRecords entry
    std::vector<std::string> defects;  // "name:RULE" for the manifest
};

struct Options {
    std::string out, manifest, index;
    long count = 0;
    std::uint64_t seed = 1;
    int scale = 1;
};

// ---------------------------------------------------------------- XML writer

class Xml {
public:
    void open(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string>> attrs,
              bool empty = false) {
        indent();
        out_ += '<';
        out_ += name;
        for (const auto& [k, v] : attrs) attr(k, v);
        out_ += empty ? "/>\n" : ">\n";
        if (!empty) {
            stack_.emplace_back(name);
        }
    }
    // Start tag left open so optional attributes can follow; finish with end_start().
    void begin(std::string_view name) {
        indent();
        out_ += '<';
        out_ += name;
        pending_ = std::string(name);
    }
    void attr(std::string_view k, std::string_view v) {
        out_ += ' ';
        out_ += k;
        out_ += "=\"";
        for (char c : v) {
            switch (c) {
                case '&': out_ += "&amp;"; break;
                case '<': out_ += "&lt;"; break;
                case '"': out_ += "&quot;"; break;
                default: out_ += c;
            }
        }
        out_ += '"';
    }
    void end_start(bool empty) {
        out_ += empty ? "/>\n" : ">\n";
        if (!empty) stack_.push_back(pending_);
    }
    void close() {
        const std::string name = stack_.back();
        stack_.pop_back();
        indent();
        out_ += "</" + name + ">\n";
    }
    void raw(std::string_view s) { out_ += s; }
    void empty(std::string_view name, std::initializer_list<std::pair<std::string_view, std::string>> attrs) {
        open(name, attrs, true);
    }
    const std::string& str() const { return out_; }

private:
    void indent() { out_.append(stack_.size() * 2, ' '); }
    std::string out_, pending_;
    std::vector<std::string> stack_;
};

std::string dec(Milli m) {
    std::string s = std::to_string(m / kOne);
    if (Milli f = m % kOne; f != 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%03d", static_cast<int>(f));
        std::string frac(buf);
        while (frac.back() == '0') frac.pop_back();
        s += '.' + frac;
    }
    return s;
}

std::string hhmm(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

// ---------------------------------------------------------------- names

const std::array<const char*, 20> kPlaces = {"東京", "大阪", "名古屋", "札幌", "福岡", "仙台", "広島",
                                             "京都", "神戸", "横浜", "千葉", "埼玉", "静岡", "新潟",
                                             "金沢", "岡山", "熊本", "鹿児島", "那覇", "長野"};
const std::array<const char*, 20> kPrefectures = {"東京都", "大阪府", "愛知県", "北海道", "福岡県", "宮城県", "広島県",
                                                  "京都府", "兵庫県", "神奈川県", "千葉県", "埼玉県", "静岡県", "新潟県",
                                                  "石川県", "岡山県", "熊本県", "鹿児島県", "沖縄県", "長野県"};
const std::array<const char*, 8> kWards = {"中央区", "北区", "南区", "東区", "西区", "青葉区", "緑区", "本町"};
const std::array<const char*, 16> kGiven = {"一郎", "花子", "健", "誠", "恵", "陽子", "大輔", "翔",
                                            "美咲", "直樹", "由美", "隆", "裕子", "浩二", "智子", "剛"};
const std::array<const char*, 6> kMiddles = {"医療", "東洋医療", "医療福祉", "健康科学", "総合医療", "国際"};
const std::array<const char*, 4> kSuffixes = {"専門学校", "学院", "専門学院", "養成所"};
const std::array<const char*, 12> kSurnames = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺",
                                               "山本", "中村", "小林", "加藤", "吉田", "山田"};
const std::array<const char*, 10> kRoman = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ"};

// Subject names per area; modality-specific ones are added for the facility type.
std::vector<std::string> area_names(int area, const TypeInfo& t) {
    std::vector<std::string> v;
    auto add = [&](std::initializer_list<const char*> xs) { v.insert(v.end(), xs.begin(), xs.end()); };
    switch (area) {
        case kFound:
            add({"心理学", "コミュニケーション論", "教育学", "倫理学", "英語", "情報科学", "統計学", "生物学",
                 "物理学", "化学", "体育", "日本国憲法", "社会学", "人間関係論"});
            break;
        case kBody: add({"解剖学", "生理学", "運動学", "解剖学実習", "生理学実習", "生化学"}); break;
        case kDisease:
            add({"病理学", "臨床医学総論", "臨床医学各論", "リハビリテーション医学", "衛生学・公衆衛生学",
                 "医学概論", "栄養学"});
            break;
        case kHwe: add({"医療概論", "関係法規", "社会保障制度", "職業倫理"}); break;
        case kBasic:
            add({"東洋医学概論", "経絡経穴概論"});
            if (t.anma) add({"あん摩マッサージ指圧理論"});
            if (t.hari) add({"はり理論"});
            if (t.kyu) add({"きゅう理論"});
            break;
        case kClinTheory:
            add({"東洋医学臨床論", "生体観察", "病態生理学", "適応の判断"});
            if (t.anma) add({"臨床あん摩マッサージ指圧学"});
            if (t.hari) add({"臨床はり学"});
            if (t.kyu) add({"臨床きゅう学"});
            break;
        case kSocial: add({"施術所経営論", "社会あはき学", "地域包括ケア論"}); break;
        case kPractical:
            add({"基礎実習", "臨床実習前施術実技試験"});
            if (t.anma) add({"あん摩マッサージ指圧実技"});
            if (t.hari) add({"はり実技"});
            if (t.kyu) add({"きゅう実技"});
            break;
        case kClinPractice: add({"臨床実習"}); break;
        default: add({"総合演習", "卒業研究", "スポーツ医学", "高齢者ケア", "東洋医学総合", "地域保健"}); break;
    }
    return v;
}

const char* pick_method(Rng& r, int area) {
    switch (area) {
        case kFound: return r.chance(1, 4) ? "seminar" : "lecture";
        case kBody: return r.chance(1, 6) ? "experiment" : "lecture";
        case kBasic:
        case kClinTheory: return r.chance(1, 6) ? "seminar" : (r.chance(1, 8) ? "practical" : "lecture");
        case kPractical: return r.chance(1, 2) ? "practical" : "skills";
        case kClinPractice: return "clinical";
        case kIntegrated: return r.chance(1, 2) ? "seminar" : (r.chance(1, 3) ? "practical" : "lecture");
        default: return "lecture";
    }
}

bool is_lecture(std::string_view m) { return m == "lecture" || m == "seminar"; }

int hours_per_unit(Rng& r, std::string_view method) {
    if (method == "clinical") return 45;
    if (is_lecture(method)) {
        constexpr std::array<int, 8> h = {30, 30, 30, 30, 30, 30, 15, 24};
        return r.pick(h);
    }
    constexpr std::array<int, 5> h = {30, 45, 45, 36, 40};
    return r.pick(h);
}

// ---------------------------------------------------------------- sections: plan

void plan_identity(Rng& r, School& s, const Options&) {
    s.type = &r.pick(kTypes);
    const char* const& place = r.pick(kPlaces);
    s.place = static_cast<std::size_t>(&place - kPlaces.data());
    s.name = std::string(place) + r.pick(kMiddles) + s.type->label + r.pick(kSuffixes);
    s.foreign_note = r.chance(1, 10);
}

void plan_calendar(Rng& r, School& s, const Options&) { s.start_year = r.range(2025, 2028); }

std::string ymd(int y, int m, int d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Site names from a serial number, one name per serial (mixed radix), so that the sites of
// different generated schools do not share a name by chance (XSB-002 matches sites by name).
std::string site_name(long serial, bool medical) {
    constexpr std::array<const char*, 4> clinic_kinds = {"鍼灸院", "治療院", "指圧治療院", "マッサージ院"};
    constexpr std::array<const char*, 4> med_kinds = {"病院", "クリニック", "整形外科医院", "介護老人保健施設"};
    constexpr std::array<const char*, 16> branches = {"本院", "駅前院", "中央院", "北口院", "南口院", "東院", "西院", "本町院",
                                                      "元町院", "新町院", "栄町院", "緑町院", "旭町院", "港町院", "桜台院", "城北院"};
    const auto u = static_cast<std::size_t>(serial);
    std::string n = std::string(kSurnames[u % 12]) + (medical ? med_kinds : clinic_kinds)[(u / 12) % 4] + " " +
                    kPlaces[(u / 48) % 20] + branches[(u / 960) % 16];
    if (u >= 15360) n += std::to_string(u / 15360 + 1);
    return n;
}

void plan_sites(Rng& r, School& s, const Options& o) {
    const int clinics = r.range(1, 4) * o.scale;
    const int medical = r.range(0, 2) * o.scale;
    const long base = (static_cast<long>(s.number) - 1) * 6;  // 6 serials per school (unscaled: at most 4 + 2)
    const std::string pref = kPrefectures[s.place];
    const std::string city = std::string(kPlaces[s.place]) + "市";
    auto address = [&](Rng& rr) {
        return pref + city + kWards[rr.below(kWards.size())] + std::to_string(rr.range(1, 9)) + "-" + std::to_string(rr.range(1, 30)) +
               "-" + std::to_string(rr.range(1, 20));
    };
    const int Y = s.start_year;
    Site aff = make_site("aff", "附属臨床実習センター", "affiliated");
    const int aff_year = Y - r.range(1, 15);
    aff.opened = ymd(aff_year, 4, 1);
    aff.address = address(r);
    aff.registration = pref + "施術所開設届 第" + std::to_string(aff_year) + "-" + std::to_string(r.range(1, 400)) + "号";
    aff.claims_insurance = r.chance(2, 3);
    s.sites.push_back(std::move(aff));
    for (int i = 1; i <= clinics; ++i) {
        Site c = make_site("clinic" + std::to_string(i), site_name(base + i - 1, false), "clinic");
        const int year = Y - r.range(5, 35);  // 指導要領 9(4)イ: open for at least 5 years
        c.opened = ymd(year, r.range(1, 12), 1);
        if (year == Y - 5) c.opened = ymd(year, 4, 1);  // the boundary: exactly 5 years
        c.address = address(r);
        c.registration = pref + "施術所開設届 第" + std::to_string(year) + "-" + std::to_string(r.range(1, 400)) + "号";
        c.claims_insurance = r.chance(1, 2);
        const int sups = r.range(1, 2);
        for (int k = 0; k < sups; ++k) {
            Supervisor sv;
            sv.name = std::string(r.pick(kSurnames)) + " " + r.pick(kGiven);
            if (r.chance(1, 2)) sv.teacher_qualified = true;
            else {
                sv.practice_years = r.range(5, 30);  // 9(4)ウ: at least 5 years and the course
                sv.course_completed = ymd(Y - r.range(1, 10), r.range(1, 12), r.range(1, 28));
            }
            c.supervisors.push_back(std::move(sv));
        }
        c.patients_per_day = kOne * r.range(5, 25) + (r.chance(1, 2) ? 100 * r.range(0, 9) : 0);  // 9(4)エ: at least 5
        const int py = Y - 2;
        c.patients_from = ymd(py, 4, 1);
        c.patients_to = ymd(py + 1, 3, 31);
        s.sites.push_back(std::move(c));
    }
    for (int i = 1; i <= medical; ++i) {
        Site m = make_site("med" + std::to_string(i), site_name(base + clinics + i - 1, true), "medical");
        m.address = address(r);
        s.sites.push_back(std::move(m));
    }
}

std::vector<const Site*> sites_of(const School& s, std::string_view kind) {
    std::vector<const Site*> v;
    for (const auto& x : s.sites)
        if (x.kind == kind) v.push_back(&x);
    return v;
}

void add_placement(Subject& sub, const std::string& site, Milli units) {
    if (units <= 0) return;
    for (auto& p : sub.placements)
        if (p.site == site) {
            p.units += units;
            return;
        }
    sub.placements.push_back({site, units});
}

void plan_subjects(Rng& r, const School& s, Course& c, int course_no) {
    const TypeInfo& t = *s.type;
    std::array<int, kAreas> units{};
    int total_units = 0;
    for (int a = 0; a < kAreas; ++a) {
        units[a] = t.min_units[a] + (r.chance(1, 4) ? r.range(1, 2) : 0);
        total_units += units[a];
    }
    // How many subjects each area gets: at least one, at most one per unit.
    const int want = std::min(r.range(40, 70), total_units);
    std::array<int, kAreas> count{};
    count.fill(1);
    for (int n = kAreas; n < want; ++n) {
        int capacity = 0;
        for (int a = 0; a < kAreas; ++a) capacity += (a == kClinPractice ? 2 : units[a]) - count[a];
        if (capacity <= 0) break;
        int k = static_cast<int>(r.below(static_cast<std::uint64_t>(capacity)));
        for (int a = 0; a < kAreas; ++a) {
            const int cap = (a == kClinPractice ? 2 : units[a]) - count[a];
            if (k < cap) {
                ++count[a];
                break;
            }
            k -= cap;
        }
    }
    // Clinical practice comes last in the curriculum (and in the final year).
    constexpr std::array<int, kAreas> order = {kFound,  kBody,      kDisease,   kHwe,       kBasic,
                                               kClinTheory, kSocial, kPractical, kIntegrated, kClinPractice};
    int serial = 0;
    for (int a : order) {
        std::vector<int> parts(static_cast<std::size_t>(count[a]), 1);
        for (int left = units[a] - count[a]; left > 0; --left) ++parts[r.below(parts.size())];
        const auto names = area_names(a, t);
        const std::size_t offset = r.below(names.size());
        std::map<std::string, int> uses;
        for (int i = 0; i < count[a]; ++i) ++uses[names[(offset + static_cast<std::size_t>(i)) % names.size()]];
        std::map<std::string, int> seen;
        for (int i = 0; i < count[a]; ++i) {
            Subject sub;
            const std::string& base = names[(offset + static_cast<std::size_t>(i)) % names.size()];
            const int nth = seen[base]++;
            sub.name = base;
            if (uses[base] > 1) sub.name += nth < 10 ? std::string(kRoman[static_cast<std::size_t>(nth)])
                                                     : "(" + std::to_string(nth + 1) + ")";
            char id[32];
            std::snprintf(id, sizeof id, "c%d-s%03d", course_no, ++serial);
            sub.id = id;
            sub.area = a;
            sub.method = pick_method(r, a);
            // A name that says 実習/実技/実験 gets the matching method (臨床実習 stays clinical).
            if (a != kClinPractice) {
                if (base.find("実験") != std::string::npos) sub.method = "experiment";
                else if (base.find("実技") != std::string::npos && base.find("試験") == std::string::npos)
                    sub.method = "skills";
                else if (base.find("実習") != std::string::npos) sub.method = "practical";
            }
            sub.units = parts[static_cast<std::size_t>(i)] * kOne;
            sub.hours = sub.units * hours_per_unit(r, sub.method);
            c.subjects.push_back(std::move(sub));
        }
    }
    // Keep the total hours above 8(4): raise short lectures to 30 h/unit until it holds.
    Milli hours = 0;
    for (const auto& sub : c.subjects) hours += sub.hours;
    for (auto& sub : c.subjects) {
        if (hours >= Milli{t.total_hours} * kOne) break;
        if (is_lecture(sub.method) && sub.hours < sub.units * 30) {
            hours += sub.units * 30 - sub.hours;
            sub.hours = sub.units * 30;
        }
    }
    // Required contents: each code on a random subject of its area.
    for (const auto& cv : kCovers) {
        std::vector<Subject*> in_area;
        for (auto& sub : c.subjects)
            if (sub.area == cv.area) in_area.push_back(&sub);
        r.pick(in_area)->covers.push_back(cv.code);
    }
    // Placements: mostly the affiliated facility and clinics, at most 1 unit at medical sites.
    const auto clinics = sites_of(s, "clinic");
    const auto medical = sites_of(s, "medical");
    std::vector<Subject*> cp;
    for (auto& sub : c.subjects)
        if (sub.area == kClinPractice) cp.push_back(&sub);
    Milli medical_budget = medical.empty() ? 0 : (r.chance(1, 2) ? kOne : (r.chance(1, 2) ? kOne / 2 : 0));
    for (Subject* sub : cp) {
        Milli left = sub->units;
        if (medical_budget > 0 && left >= 2 * kOne) {
            add_placement(*sub, r.pick(medical)->id, medical_budget);
            left -= medical_budget;
            medical_budget = 0;
        }
        if (left >= 2 * kOne && r.chance(2, 3)) {
            const Milli at_clinic = kOne * r.range(1, static_cast<int>(left / kOne) - 1);
            add_placement(*sub, r.pick(clinics)->id, at_clinic);
            left -= at_clinic;
        }
        add_placement(*sub, "aff", left);
    }
}

// Years: spread subjects over the years by cumulative hours.
void plan_years(Course& c) {
    Milli total = 0;
    for (const auto& sub : c.subjects) total += sub.hours;
    Milli cum = 0;
    for (auto& sub : c.subjects) {
        const Milli mid = cum + sub.hours / 2;
        sub.year = std::min<int>(c.years, 1 + static_cast<int>(mid * c.years / std::max<Milli>(total, 1)));
        if (sub.area == kClinPractice) sub.year = c.years;
        cum += sub.hours;
    }
}

Milli weekly_minutes(const Course& c) {
    Milli m = 0;
    for (const auto& s : c.sessions) {
        const auto days = static_cast<Milli>(std::count(s.days.begin(), s.days.end(), ' ') + 1);
        m += days * (s.end - s.start);
    }
    return m;
}

// Timetable: enough session time per year for the heaviest year (指導要領 14(2)).
void plan_timetable(Rng& r, Course& c) {
    std::map<int, Milli> per_year;
    for (const auto& sub : c.subjects) per_year[sub.year] += sub.hours;
    Milli need = 0;  // minutes per year, with a 5% margin
    for (const auto& [y, h] : per_year) need = std::max(need, h * 60 / kOne * 105 / 100);
    c.weeks = r.range(30, 35);
    std::vector<Session> ladder;
    if (c.schedule == "day") {
        ladder = {{"mon tue wed thu fri", 9 * 60, 12 * 60 + 10, false, ""},
                  {"mon tue wed thu fri", 13 * 60, 14 * 60 + 30, false, ""},
                  {"mon tue wed thu fri", 14 * 60 + 40, 16 * 60 + 10, false, ""},
                  {"sat", 9 * 60, 12 * 60 + 10, false, ""},
                  {"mon tue wed thu fri", 16 * 60 + 20, 17 * 60 + 50, false, ""}};
    } else {
        ladder = {{"mon tue wed thu fri", 18 * 60, 21 * 60, false, ""},
                  {"sat", 9 * 60, 12 * 60 + 10, true, "実技実習のため土曜日の昼間に実施"},
                  {"sat", 13 * 60, 16 * 60 + 10, true, "実技実習のため土曜日の昼間に実施"},
                  {"sun", 9 * 60, 12 * 60 + 10, true, "臨床実習のため日曜日の昼間に実施"},
                  {"mon tue wed thu fri", 16 * 60 + 30, 17 * 60 + 50, true, "臨床実習の施設の都合による"}};
    }
    for (;;) {
        c.sessions.clear();
        for (const auto& s : ladder) {
            c.sessions.push_back(s);
            if (weekly_minutes(c) * c.weeks >= need) return;
            // Night course: first use the evening up to 22:00 (4 hours after 18:00, 指導要領 8(6)).
            if (c.schedule == "night" && c.sessions.size() == 1) {
                c.sessions[0].end = 22 * 60;
                if (weekly_minutes(c) * c.weeks >= need) return;
            }
        }
        if (++c.weeks > 45) return;
    }
}

void plan_courses(Rng& r, School& s, const Options& o) {
    // Scaled files get the mean number of courses (2) times K, so they are about K times the
    // size of an average file.
    const int n = o.scale == 1 ? r.range(1, 3) : 2 * o.scale;
    int days = 0, nights = 0;
    for (int i = 0; i < n; ++i) {
        Course c;
        c.schedule = (i == 0 || r.chance(1, 2)) ? "day" : "night";
        c.id = c.schedule + std::to_string(c.schedule == "day" ? ++days : ++nights);
        c.visually_impaired = r.chance(1, 12);
        c.years = c.schedule == "night" && r.chance(1, 2) ? 4 : (r.chance(1, 8) ? 4 : 3);
        if (r.chance(4, 5)) c.intake = std::to_string(r.range(2018, 2026)) + "-04-01";
        c.credit_transfer = r.chance(1, 3) ? r.range(1, 7) : 0;  // stated: a complete application states it
        plan_subjects(r, s, c, i + 1);
        plan_years(c);
        plan_timetable(r, c);
        s.courses.push_back(std::move(c));
    }
}

// ---------------------------------------------------------------- sections: emit

void emit_sites(Xml& x, const School& s) {
    if (s.sites.empty()) return;
    x.open("clinical-sites", {});
    for (const auto& site : s.sites) {
        x.begin("site");
        x.attr("id", site.id);
        x.attr("name", site.name);
        x.attr("kind", site.kind);
        if (!site.opened.empty()) x.attr("opened", site.opened);
        if (!site.address.empty()) x.attr("address", site.address);
        if (!site.registration.empty()) x.attr("registration", site.registration);
        if (site.kind == "affiliated") {
            x.attr("established-by-school", "true");
            x.attr("supervised-by-teachers", "true");
        } else if (site.kind == "clinic") {
            x.attr("attainment-goals", site.no_goals ? "false" : "true");
            x.attr("facilities-usable", "true");
            x.attr("opener-sanctioned", "false");
            x.attr("written-consent", "true");
        }
        if (site.kind != "medical") x.attr("claims-insurance", site.claims_insurance ? "true" : "false");
        const bool body = !site.supervisors.empty() || site.patients_per_day > 0 || site.claims_insurance;
        x.end_start(!body);
        if (!body) continue;
        for (const auto& sv : site.supervisors) {
            x.begin("supervisor");
            x.attr("name", sv.name);
            if (sv.teacher_qualified) x.attr("teacher-qualified", "true");
            if (sv.practice_years > 0) x.attr("practice-years", std::to_string(sv.practice_years));
            if (!sv.course_completed.empty()) x.attr("course-completed", sv.course_completed);
            x.end_start(true);
        }
        if (site.patients_per_day > 0)
            x.empty("patients", {{"per-day", dec(site.patients_per_day)}, {"from", site.patients_from}, {"to", site.patients_to}});
        if (site.claims_insurance) x.empty("treatment-records", {{"retention-years", "5"}, {"counted-from", "treatment-end"}});
        x.close();
    }
    x.close();
}

void emit_courses(Xml& x, const School& s) {
    for (const auto& c : s.courses) {
        x.begin("course");
        x.attr("id", c.id);
        x.attr("schedule", c.schedule);
        x.attr("years", std::to_string(c.years));
        if (c.visually_impaired) x.attr("visually-impaired", "true");
        if (!c.intake.empty()) x.attr("intake", c.intake);
        if (c.credit_transfer >= 0) x.attr("credit-transfer-units", std::to_string(c.credit_transfer));
        x.end_start(false);
        for (const auto& sub : c.subjects) {
            x.begin("subject");
            x.attr("id", sub.id);
            x.attr("name", sub.name);
            x.attr("area", kAreaCode[static_cast<std::size_t>(sub.area)]);
            x.attr("method", sub.method);
            x.attr("units", dec(sub.units));
            x.attr("hours", dec(sub.hours));
            if (sub.year > 0) x.attr("year", std::to_string(sub.year));
            if (!sub.covers.empty()) {
                std::string cov;
                for (const auto& k : sub.covers) cov += (cov.empty() ? "" : " ") + k;
                x.attr("covers", cov);
            }
            x.end_start(sub.placements.empty());
            if (!sub.placements.empty()) {
                for (const auto& p : sub.placements) x.open("placement", {{"site", p.site}, {"units", dec(p.units)}}, true);
                x.close();
            }
        }
        if (!c.sessions.empty()) {
            x.open("timetable", {{"weeks-per-year", std::to_string(c.weeks)}});
            for (const auto& se : c.sessions) {
                x.begin("session");
                x.attr("days", se.days);
                x.attr("start", hhmm(se.start));
                x.attr("end", hhmm(se.end));
                if (se.unavoidable) x.attr("unavoidable", "true");
                if (!se.reason.empty()) x.attr("reason", se.reason);
                x.end_start(true);
            }
            x.close();
        }
        x.close();
    }
}

void emit_foreign(Xml& x, const School& s) {
    if (s.foreign_note)
        x.raw("  <adm:note xmlns:adm=\"urn:example:school-admin\" by=\"事務局\">提出前に校長確認済み</adm:note>\n");
}

std::uint64_t stream_seed(std::uint64_t seed, int number, std::string_view section) {
    std::uint64_t x = seed;
    std::uint64_t h = splitmix64(x);
    x = h ^ (static_cast<std::uint64_t>(number) * 0xD1B54A32D192ED03ULL);
    h = splitmix64(x);
    x = h ^ hash_name(section);
    return splitmix64(x);
}

// ---------------------------------------------------------------- sections added with issue 3
// (founder, school rules, teachers, students, premises, equipment, finance, records, procedure)

void plan_founder(Rng& r, School& s, const Options&) {
    constexpr std::array<const char*, 5> kinds = {"incorporated-school", "incorporated-school", "incorporated-school",
                                                  "social-welfare", "medical-corporation"};
    s.founder_kind = r.pick(kinds);
    const std::string place = kPlaces[s.place];
    if (s.founder_kind == std::string_view("incorporated-school")) s.founder_name = "学校法人" + place + r.pick(kMiddles) + "学園";
    else if (s.founder_kind == std::string_view("social-welfare")) s.founder_name = "社会福祉法人" + place + "福祉会";
    else s.founder_name = "医療法人社団" + std::string(r.pick(kSurnames)) + "会";
}

void emit_founder(Xml& x, const School& s) { x.empty("founder", {{"kind", s.founder_kind}, {"name", s.founder_name}}); }

void emit_school_rules(Xml& x, const School& s) {
    constexpr std::array<const char*, 9> items = {"name",  "location",  "curriculum", "type-capacity-years-classes",
                                                  "holidays-teaching-days", "staff", "admission",
                                                  "progression-graduation", "fees"};
    constexpr std::array<int, 9> article = {1, 2, 5, 4, 8, 10, 12, 15, 20};
    x.open("school-rules", {{"adopted", ymd(s.start_year - 1, 6, 1)}, {"no-other-fees", "true"}});
    for (std::size_t i = 0; i < items.size(); ++i)
        x.empty("item", {{"code", items[i]}, {"article", "第" + std::to_string(article[i]) + "条"}});
    x.close();
}

// Teachers. Full-time teachers hold the licences of the facility type, numbered from a
// serial that is unique across generated files (school number × 1000 + teacher index), so the
// cross-file check XSB-001 sees realistic keys that do not collide by chance. One teacher of
// every 100th school is also full-time at the previous school (same licences, same name).
constexpr int kSharedEvery = 100;

long teacher_serial(int number, int k) { return static_cast<long>(number) * 1000 + k; }

std::uint64_t mix(std::uint64_t v) { return splitmix64(v); }

std::string teacher_name(long serial) {
    const std::uint64_t h = mix(static_cast<std::uint64_t>(serial));
    return std::string(kSurnames[h % kSurnames.size()]) + kGiven[(h >> 16) % kGiven.size()];
}

const TypeInfo& type_of_school(const Options& o, int number) {  // the first draw of plan_identity
    Rng r(stream_seed(o.seed, number, "identity"));
    return r.pick(kTypes);
}

void add_licences(Teacher& t, const TypeInfo& type, long serial) {
    const std::uint64_t h = mix(static_cast<std::uint64_t>(serial) ^ 0xABCDEFULL);
    const std::string date = ymd(1980 + static_cast<int>(h % 35), 5, 1);
    auto lic = [&](const char* code, int j) {
        t.quals.push_back({code, date, std::to_string(serial * 4 + j), "", "", 0});
    };
    if (type.anma) lic("anma-licence", 0);
    if (type.hari) lic("hari-licence", 1);
    if (type.kyu) lic("kyu-licence", 2);
}

void plan_teachers(Rng& r, School& s, const Options& o) {
    const int courses = static_cast<int>(s.courses.size());
    const int Y = s.start_year;
    const int full = 3 + courses;
    const bool shared = s.number > 1 && s.number % kSharedEvery == 0;
    // XSB-001 shows only when both files are in the run.
    auto with = [&](int n) {
        char b[64];
        std::snprintf(b, sizeof b, "shared-teacher:XSB-001(school-%05d.xml)", n);
        s.defects.push_back(b);
    };
    if (shared) with(s.number - 1);
    if ((s.number + 1) % kSharedEvery == 0) with(s.number + 1);
    auto id_of = [](int k) {
        char b[16];
        std::snprintf(b, sizeof b, "t%03d", k);
        return std::string(b);
    };
    int k = 0;
    for (; k < full; ++k) {
        Teacher t;
        t.id = id_of(k);
        t.full_time = true;
        long serial = teacher_serial(s.number, k);
        const TypeInfo* type = s.type;
        if (k == 2 && shared) {  // also full-time at the previous school
            serial = teacher_serial(s.number - 1, 2);
            type = &type_of_school(o, s.number - 1);
        }
        t.name = teacher_name(serial);
        add_licences(t, *type, serial);
        if (k == 0) {
            t.role = "head";
            t.years_teaching = r.range(15, 35);
            t.weekly_hours = r.range(2, 8);
            t.quals.push_back({"teacher-training", ymd(Y - r.range(25, 40), 3, 31), "", "", "", 0});
            t.quals.push_back({"doctorate", ymd(Y - r.range(10, 25), 3, 31), "", "鍼灸学", "", 0});
        } else {
            if (k == 1) {
                t.role = "academic-director";
                t.coordinator = true;
                t.years_teaching = r.range(5, 25);
            } else {
                t.coordinator = r.chance(1, 4);
                t.years_teaching = r.range(1, 20);
            }
            t.weekly_hours = r.range(8, 15);
            if (r.chance(1, 5)) t.quals.push_back({"doctorate", ymd(Y - r.range(3, 20), 3, 31), "", "鍼灸学", "", 0});
            else t.quals.push_back({"masters", ymd(Y - r.range(2, 20), 3, 31), "", r.chance(1, 3) ? "医科学" : "鍼灸学", "", 0});
        }
        t.employed_from = ymd(Y - r.range(0, std::max(1, t.years_teaching)), 4, 1);
        s.teachers.push_back(std::move(t));
    }
    constexpr std::array<const char*, 4> hospitals = {"市民病院", "総合病院", "医療センター", "大学病院"};
    for (int i = 0; i < 1 + (courses + 1) / 2; ++i, ++k) {  // basic medical studies: physicians
        Teacher t;
        t.id = id_of(k);
        const long serial = teacher_serial(s.number, k);
        t.name = teacher_name(serial);
        t.row = 1;
        t.weekly_hours = r.range(2, 10);
        t.quals.push_back({"physician", ymd(Y - r.range(10, 40), 5, 1), std::to_string(serial * 4 + 3), "", "", 0});
        t.quals.push_back({"doctorate", ymd(Y - r.range(5, 30), 3, 31), "", "医学", "", 0});
        t.posts.push_back({std::string(kPlaces[s.place]) + r.pick(hospitals), "医師", true});
        s.teachers.push_back(std::move(t));
    }
    constexpr std::array<const char*, 5> fields = {"心理学", "英語", "情報", "生物", "社会"};
    constexpr std::array<const char*, 3> posts = {"professor", "associate-professor", "lecturer"};
    for (int i = 0; i < 1 + courses; ++i, ++k) {  // foundations: university teachers, high-school licences
        Teacher t;
        t.id = id_of(k);
        const long serial = teacher_serial(s.number, k);
        t.name = teacher_name(serial);
        t.row = 0;
        t.weekly_hours = r.range(2, 8);
        if (r.chance(1, 2)) t.quals.push_back({"university-teacher", "", "", r.pick(fields), r.pick(posts), 0});
        else t.quals.push_back({"high-school-licence", ymd(Y - r.range(5, 30), 3, 31), std::to_string(serial * 4 + 3), r.pick(fields), "", 0});
        s.teachers.push_back(std::move(t));
    }
}

int row_of_area(int area) { return area == kFound ? 0 : area <= kHwe ? 1 : 2; }

void emit_teachers(Xml& x, const School& s) {
    if (s.teachers.empty()) return;
    // Subjects are assigned when emitted, by row, so subjects added by a defect get a teacher too.
    std::vector<std::vector<std::size_t>> by_row(3);
    for (std::size_t i = 0; i < s.teachers.size(); ++i) by_row[static_cast<std::size_t>(s.teachers[i].row)].push_back(i);
    std::vector<std::vector<const std::string*>> teaches(s.teachers.size());
    for (std::size_t ci = 0; ci < s.courses.size(); ++ci)
        for (std::size_t si = 0; si < s.courses[ci].subjects.size(); ++si) {
            const Subject& sub = s.courses[ci].subjects[si];
            const auto& cand = by_row[static_cast<std::size_t>(row_of_area(sub.area))];
            teaches[cand[(ci * 7 + si) % cand.size()]].push_back(&sub.id);
        }
    const std::string verified = ymd(s.start_year - 1, 9, 1);
    x.open("teachers", {{"attendance-recorded", "true"}});
    for (std::size_t i = 0; i < s.teachers.size(); ++i) {
        const Teacher& t = s.teachers[i];
        x.begin("teacher");
        x.attr("id", t.id);
        x.attr("name", t.name);
        x.attr("employment", t.full_time ? "full-time" : "part-time");
        if (!t.role.empty()) x.attr("role", t.role);
        if (t.years_teaching > 0) x.attr("years-teaching", std::to_string(t.years_teaching));
        x.attr("weekly-class-hours", std::to_string(t.weekly_hours));
        if (t.full_time) x.attr("clinical-engagement", "true");
        if (t.coordinator) x.attr("placement-coordinator", "true");
        x.attr("documents-verified", verified);
        if (!t.employed_from.empty()) x.attr("employed-from", t.employed_from);
        x.end_start(false);
        for (const auto& q : t.quals) {
            x.begin("qualification");
            x.attr("code", q.code);
            if (!q.date.empty()) x.attr("date", q.date);
            if (!q.number.empty()) x.attr("number", q.number);
            if (!q.field.empty()) x.attr("field", q.field);
            if (!q.post.empty()) x.attr("post", q.post);
            if (q.years > 0) x.attr("years", std::to_string(q.years));
            x.end_start(true);
        }
        if (t.role == "head") x.empty("head-declaration", {{"no-medical-law-sanction", "true"}, {"no-imprisonment", "true"}, {"committed", "true"}});
        for (const auto& p : t.posts)
            x.empty("other-post", {{"employer", p.employer}, {"title", p.title}, {"full-time", p.full_time ? "true" : "false"}});
        for (const std::string* id : teaches[i]) x.empty("teaches", {{"subject", *id}});
        x.close();
    }
    x.close();
}

void plan_students(Rng& r, School& s, const Options&) {
    for (const auto& c : s.courses) s.capacity.push_back(c.schedule == "day" ? 5 * r.range(4, 8) : 5 * r.range(4, 6));
}

void emit_students(Xml& x, const School& s) {
    constexpr std::array<const char*, 4> selection = {"written-exam interview", "written-exam interview essay", "interview essay",
                                                      "written-exam interview practical-exam"};
    x.open("students", {{"certificates-checked", "true"},
                        {"selection", selection[static_cast<std::size_t>(s.number) % selection.size()]},
                        {"mid-year-admission", "false"},
                        {"transfers", s.number % 3 == 0 ? "none" : "accredited-equivalent-year"},
                        {"attendance-tracked", "true"},
                        {"poor-attendance-blocks-progression", "true"},
                        {"health-checks", "true"}});
    for (std::size_t i = 0; i < s.courses.size(); ++i)
        x.empty("intake", {{"course", s.courses[i].id}, {"capacity", std::to_string(s.capacity[i])}, {"classes", "1"}});
    x.close();
}

void plan_premises(Rng& r, School& s, const Options&) {
    const bool three = s.type->anma && s.type->hari && s.type->kyu;
    s.practice_rooms = three ? r.range(2, 4) : r.range(1, 3);  // 指導要領 10(4): 2 for anma-hari-kyu, else 1
}

void emit_premises(Xml& x, const School& s) {
    x.open("premises", {{"ownership", "owned"}, {"shared-use", "false"}});
    x.empty("library", {{"name", "図書室"}});
    for (int i = 1; i <= s.practice_rooms; ++i)
        x.empty("practice-room", {{"id", "room-" + std::to_string(i)},
                                  {"name", "実技室" + std::to_string(i)},
                                  {"water", "true"},
                                  {"hot-water", (i == 1 && !s.hot_water) ? "false" : "true"},
                                  {"group-layout", "true"}});
    x.close();
}

void emit_equipment(Xml& x, const School& s) {
    int cap = 0;
    for (int c : s.capacity) cap += c;
    x.open("equipment", {});
    x.empty("item", {{"code", "bed"}, {"name", "施術用ベッド"}, {"quantity", std::to_string(cap)}});
    x.empty("item", {{"code", "skeleton"}, {"name", "全身骨格模型"}, {"quantity", std::to_string(1 + cap / 30)}});
    x.empty("item", {{"code", "meridian-model"}, {"name", "経穴人形"}, {"quantity", std::to_string(2 + cap / 15)}});
    x.empty("item", {{"code", "autoclave"}, {"name", "高圧蒸気滅菌器"}, {"quantity", std::to_string(1 + cap / 40)}});
    x.empty("item", {{"code", "books"}, {"name", "図書（専門書）"}, {"quantity", std::to_string(800 + 10 * cap)}});
    x.close();
}

void plan_finance(Rng& r, School& s, const Options&) {
    s.fees = {{"entrance", "入学金", 10000L * r.range(10, 30)},
              {"tuition", "授業料（年額）", 10000L * r.range(60, 120)},
              {"practice", "実習費（年額）", 10000L * r.range(10, 30)}};
    s.fee_change = r.chance(1, 4);
}

void emit_finance(Xml& x, const School& s) {
    x.open("finance", {{"sound", "true"},
                       {"evidence", std::to_string(s.start_year - 2) + "年度決算書・貸借対照表、5か年資金計画"},
                       {"separate-accounts", "true"},
                       {"other-fees", "false"}});
    for (const auto& f : s.fees)
        x.empty("fee", {{"id", f.id}, {"name", f.name}, {"amount", std::to_string(f.amount)}, {"in-school-rules", "true"}});
    if (s.fee_change)  // plan submitted 3 months or more before the change (指導要領 11(4))
        x.empty("fee-change", {{"fee", "practice"},
                               {"amount", std::to_string(s.fees[2].amount + 30000)},
                               {"effective", ymd(s.start_year + 1, 4, 1)},
                               {"plan-submitted", ymd(s.start_year + (s.number % 2), s.number % 2 ? 1 : 12, 1)},
                               {"plan-without-change", "true"},
                               {"plan-with-change", "true"}});
    x.close();
}

struct RecordKind {
    const char* code;
    int years;  // what the standard requires (指導要領 12)
};
constexpr std::array<RecordKind, 16> kRecords = {{
    {"school-rules", 5}, {"daily-schedule", 5}, {"school-diary", 5}, {"staff-list", 5},
    {"staff-resumes", 5}, {"staff-attendance", 5}, {"student-register", 20}, {"student-attendance", 5},
    {"health-checks", 5}, {"admission-selection", 5}, {"grades", 5}, {"asset-ledger", 5},
    {"cash-book", 5}, {"budget-accounts", 5}, {"equipment-catalogue", 5}, {"correspondence-log", 5},
}};

void plan_records(Rng& r, School& s, const Options&) {
    const bool longer = r.chance(1, 2);  // some schools keep the accounts 10 years
    for (std::size_t i = 0; i < kRecords.size(); ++i) {
        s.retention[i] = kRecords[i].years;
        if (longer && (i == 11 || i == 12 || i == 13)) s.retention[i] = 10;
    }
}

void emit_records(Xml& x, const School& s) {
    x.open("records", {});
    for (std::size_t i = 0; i < kRecords.size(); ++i)
        x.empty("record", {{"kind", kRecords[i].code}, {"retention-years", std::to_string(s.retention[i])}});
    x.close();
}

void plan_procedure(Rng& r, School& s, const Options&) {
    s.plan_submitted = ymd(s.start_year - 1, r.range(1, 4), 1);  // 指導要領 2(1): at least a year before
}

void emit_procedure(Xml& x, const School& s) {
    const int Y = s.start_year;
    const std::string accepted = ymd(Y - 1, 4, 15);
    const std::string app = ymd(Y - 1, 7 + s.number % 4, 1);  // 3: at least 6 months before
    const std::string app_accepted = ymd(Y - 1, 7 + s.number % 4, 20);
    // Facilities that train anma apply to the minister (mhlw, through the prefecture) with opinion
    // letters attached to the plan; hari/kyu facilities apply to the governor (指導要領 1, 通知 記2).
    x.open("procedure", {{"addressed-to", s.type->anma ? "mhlw" : "governor"},
                         {"prefecture", kPrefectures[s.place]},
                         {"planned-start", ymd(Y, 4, 1)},
                         {"plan-submitted", s.plan_submitted},
                         {"plan-accepted", accepted},
                         {"application-submitted", app},
                         {"application-accepted", app_accepted}});
    x.empty("advertising", {{"start", accepted}, {"label", "planning"}});
    x.empty("advertising", {{"start", app}, {"label", "applying"}});
    x.empty("recruitment", {{"start", app_accepted}, {"label", "applying"}});
    if (s.type->anma) {
        const std::string pref = kPrefectures[s.place];
        x.empty("opinion-letter", {{"body", "zenshinkyo"}, {"name", "公益社団法人 全日本鍼灸マッサージ師会 " + pref + "支部"}});
        x.empty("opinion-letter", {{"body", "nichima"}, {"name", "公益社団法人 日本あん摩マッサージ指圧師会 " + pref + "支部"}});
        x.empty("opinion-letter", {{"body", "blind-union"}, {"name", "社会福祉法人 日本盲人会連合 " + pref + "の組織"}});
        x.empty("opinion-letter", {{"body", "school-for-blind"}, {"name", pref + "立盲学校"}});
    }
    x.close();
}

struct Section {
    const char* name;
    void (*plan)(Rng&, School&, const Options&);  // may be null
    void (*emit)(Xml&, const School&);            // may be null
};
// Planned in this order, emitted in this order. Add new sections (teachers, premises, records)
// here; each draws from its own stream, so existing sections keep their content.
constexpr std::array<Section, 14> kSections = {{
    {"identity", plan_identity, nullptr},
    {"calendar", plan_calendar, nullptr},
    {"clinical-sites", plan_sites, emit_sites},
    {"courses", plan_courses, emit_courses},
    {"founder", plan_founder, emit_founder},
    {"school-rules", nullptr, emit_school_rules},
    {"teachers", plan_teachers, emit_teachers},
    {"students", plan_students, emit_students},
    {"premises", plan_premises, emit_premises},
    {"equipment", nullptr, emit_equipment},
    {"finance", plan_finance, emit_finance},
    {"records", plan_records, emit_records},
    {"procedure", plan_procedure, emit_procedure},
    {"foreign", nullptr, emit_foreign},
}};

// ---------------------------------------------------------------- defects

// Each returns false when it does not apply to this school (another one is then tried).
using DefectFn = bool (*)(Rng&, School&);

std::vector<Subject*> subjects_where(School& s, bool (*pred)(const Subject&)) {
    std::vector<Subject*> v;
    for (auto& c : s.courses)
        for (auto& sub : c.subjects)
            if (pred(sub)) v.push_back(&sub);
    return v;
}

bool d_area_short(Rng& r, School& s) {  // CUR-001: one area a unit short
    // Units are moved to another area (as if counted under the wrong row), so the totals stay.
    Course& c = r.pick(s.courses);
    int a = 0;
    do a = static_cast<int>(r.below(kAreas));
    while (a == kClinPractice);
    const int to = a == kIntegrated ? kFound : kIntegrated;
    Milli have = 0;
    for (const auto& sub : c.subjects)
        if (sub.area == a) have += sub.units;
    Milli cut = have - Milli{s.type->min_units[static_cast<std::size_t>(a)]} * kOne + kOne;
    std::vector<Subject> split;
    for (auto& sub : c.subjects) {
        if (sub.area != a || cut <= 0) continue;
        const Milli take = std::min(cut, sub.covers.empty() ? sub.units : sub.units - kOne);
        if (take <= 0) continue;
        cut -= take;
        if (take == sub.units) {
            sub.area = to;
            continue;
        }
        Subject part = sub;  // same method and hours per unit
        const Milli hpu = sub.hours / sub.units;
        part.id += "x";
        part.name += "（総合）";
        part.area = to;
        part.units = take;
        part.hours = take * hpu;
        part.covers.clear();
        sub.units -= take;
        sub.hours = sub.units * hpu;
        split.push_back(std::move(part));
    }
    c.subjects.insert(c.subjects.end(), split.begin(), split.end());
    return cut <= 0;
}

bool set_hours_per_unit(Rng& r, School& s, bool (*pred)(const Subject&), int hpu) {
    auto v = subjects_where(s, pred);
    if (v.empty()) return false;
    Subject* sub = r.pick(v);
    sub->hours = sub->units * hpu;
    return true;
}
bool d_lecture_31(Rng& r, School& s) {  // CUR-004
    return set_hours_per_unit(r, s, [](const Subject& x) { return x.method == "lecture" && x.units > 0; }, 31);
}
bool d_seminar_14(Rng& r, School& s) {  // CUR-004
    return set_hours_per_unit(r, s, [](const Subject& x) { return x.method == "seminar" && x.units > 0; }, 14);
}
bool d_practical_29(Rng& r, School& s) {  // CUR-004
    return set_hours_per_unit(
        r, s, [](const Subject& x) { return (x.method == "practical" || x.method == "skills") && x.units > 0; }, 29);
}
bool d_clinical_40(Rng& r, School& s) {  // CUR-005
    return set_hours_per_unit(r, s, [](const Subject& x) { return x.method == "clinical"; }, 40);
}

std::vector<Subject*> clinical_subjects(Course& c) {
    std::vector<Subject*> v;
    for (auto& sub : c.subjects)
        if (sub.area == kClinPractice && !sub.placements.empty()) v.push_back(&sub);
    return v;
}

std::string ensure_medical_site(Rng& r, School& s) {
    const auto med = sites_of(s, "medical");
    if (!med.empty()) return r.pick(med)->id;
    Site m = make_site("med-x", site_name((static_cast<long>(s.number) - 1) * 6 + 5, true), "medical");
    m.address = std::string(kPrefectures[s.place]) + kPlaces[s.place] + "市中央区1-1-1";
    s.sites.push_back(std::move(m));
    return "med-x";
}

bool d_few_clinical_units(Rng& r, School& s) {  // CUR-009 (and CUR-008): placements moved to a hospital
    Course& c = r.pick(s.courses);
    auto cp = clinical_subjects(c);
    if (cp.empty()) return false;
    const std::string med = ensure_medical_site(r, s);
    const Milli target = kOne * 2;  // leave 2 units at affiliated/clinic sites: short of 3
    Milli kept = 0;
    for (Subject* sub : cp)
        for (auto& p : sub->placements)
            if (p.site.rfind("med", 0) != 0) kept += p.units;
    bool moved = false;
    for (Subject* sub : cp) {
        Milli here = 0;
        for (auto& p : sub->placements) {
            if (p.site.rfind("med", 0) == 0 || kept <= target) continue;
            const Milli take = std::min(p.units, kept - target);
            p.units -= take;
            kept -= take;
            here += take;
        }
        std::erase_if(sub->placements, [](const Placement& p) { return p.units == 0; });
        add_placement(*sub, med, here);  // the subject's placements still add up to its units
        moved = moved || here > 0;
    }
    return moved;
}

bool d_medical_over(Rng& r, School& s) {  // CUR-008: 2 units at medical sites (added to a subject)
    Course& c = r.pick(s.courses);
    auto cp = clinical_subjects(c);
    if (cp.empty()) return false;
    Milli med_units = 0;
    for (Subject* sub : cp)
        for (auto& p : sub->placements)
            if (p.site.rfind("med", 0) == 0) med_units += p.units;
    const Milli extra = 2 * kOne - med_units;
    if (extra <= 0) return false;
    Subject* sub = r.pick(cp);
    add_placement(*sub, ensure_medical_site(r, s), extra);
    sub->hours += extra * 45;
    sub->units += extra;
    // The added hours must still fit the yearly plan (else CUR-013 would follow).
    Milli year_hours = 0;
    for (const auto& x : c.subjects)
        if (x.year == sub->year) year_hours += x.hours;
    while (Milli{c.weeks} * weekly_minutes(c) < year_hours * 60 / kOne && c.weeks < 53) ++c.weeks;
    return true;
}

bool d_short_years(Rng& r, School& s) {  // CUR-006
    r.pick(s.courses).years = 2;
    return true;
}

bool d_credit_transfer(Rng& r, School& s) {  // CUR-014
    r.pick(s.courses).credit_transfer = r.range(8, 10);
    return true;
}

bool d_zero_units(Rng& r, School& s) {  // CUR-016 (warning)
    Course& c = r.pick(s.courses);
    Subject sub;
    sub.id = c.subjects.front().id.substr(0, c.subjects.front().id.find('-')) + "-x" + std::to_string(c.subjects.size());
    sub.name = "特別講義";
    sub.area = kIntegrated;
    sub.method = "lecture";
    sub.year = 1;
    c.subjects.push_back(std::move(sub));
    return true;
}

bool d_duplicate_name(Rng& r, School& s) {  // CUR-017 (warning)
    Course& c = r.pick(s.courses);
    const std::size_t i = r.below(c.subjects.size() - 1);
    c.subjects[i + 1].name = c.subjects[i].name;
    return true;
}

bool d_year_beyond(Rng& r, School& s) {  // CUR-018
    Course& c = r.pick(s.courses);
    r.pick(c.subjects).year = c.years + 1;
    return true;
}

bool d_placement_mismatch(Rng& r, School& s) {  // CUR-019
    Course& c = r.pick(s.courses);
    auto cp = clinical_subjects(c);
    if (cp.empty()) return false;
    for (auto& p : r.pick(cp)->placements)
        if (p.site.rfind("med", 0) != 0) {
            p.units += kOne;
            return true;
        }
    return false;
}

bool d_clinical_method(Rng& r, School& s) {  // CUR-020
    auto v = subjects_where(s, [](const Subject& x) { return x.method == "clinical"; });
    if (v.empty()) return false;
    r.pick(v)->method = "practical";
    return true;
}

Course* course_with(Rng& r, School& s, std::string_view schedule) {
    std::vector<Course*> v;
    for (auto& c : s.courses)
        if (c.schedule == schedule) v.push_back(&c);
    return v.empty() ? nullptr : r.pick(v);
}

bool d_night_over_4h(Rng& r, School& s) {  // CUR-010
    Course* c = course_with(r, s, "night");
    if (c == nullptr) return false;
    c->sessions.front().end = 22 * 60 + 30;
    return true;
}

bool d_night_daytime_unmarked(Rng& r, School& s) {  // CUR-011
    Course* c = course_with(r, s, "night");
    if (c == nullptr) return false;
    for (auto& se : c->sessions)
        if (se.unavoidable) {
            se.unavoidable = false;
            se.reason.clear();
            return true;
        }
    c->sessions.push_back({"sat", 10 * 60, 12 * 60, false, ""});
    return true;
}

bool d_day_evening(Rng& r, School& s) {  // CUR-012
    Course* c = course_with(r, s, "day");
    if (c == nullptr) return false;
    c->sessions.push_back({"wed", 18 * 60, 19 * 60 + 30, false, ""});
    return true;
}

bool d_timetable_short(Rng& r, School& s) {  // CUR-013: too few weeks for the heaviest year
    Course& c = r.pick(s.courses);
    std::map<int, Milli> per_year;
    for (const auto& sub : c.subjects) per_year[sub.year] += sub.hours;
    Milli need = 0;  // minutes
    for (const auto& [y, h] : per_year) need = std::max(need, h * 60 / kOne);
    const Milli weekly = weekly_minutes(c);
    if (weekly <= 0 || need / weekly < 2) return false;
    c.weeks = static_cast<int>(std::min<Milli>(need / weekly - 1, 53));
    return Milli{c.weeks} * weekly < need;
}

bool d_missing_cover(Rng& r, School& s) {  // CUR-015 (review)
    auto v = subjects_where(s, [](const Subject& x) { return !x.covers.empty(); });
    Subject* sub = r.pick(v);
    sub->covers.erase(sub->covers.begin() + static_cast<std::ptrdiff_t>(r.below(sub->covers.size())));
    return true;
}

bool d_teacher_over_15h(Rng& r, School& s) {  // TCH-009 (warning)
    r.pick(s.teachers).weekly_hours = r.range(16, 20);
    return true;
}

bool d_full_time_elsewhere(Rng& r, School& s) {  // TCH-005: a full-time teacher also full-time elsewhere
    std::vector<Teacher*> v;
    for (std::size_t k = 3; k < s.teachers.size(); ++k)
        if (s.teachers[k].full_time) v.push_back(&s.teachers[k]);
    if (v.empty()) return false;
    r.pick(v)->posts.push_back({std::string(r.pick(kPlaces)) + "医療専門学校", "専任教員", true});
    return true;
}

bool d_no_coordinator(Rng&, School& s) {  // TCH-011
    for (auto& t : s.teachers) t.coordinator = false;
    return true;
}

std::vector<Site*> clinics_of(School& s) {
    std::vector<Site*> v;
    for (auto& x : s.sites)
        if (x.kind == "clinic") v.push_back(&x);
    return v;
}

bool d_clinic_open_4y(Rng& r, School& s) {  // SIT-004: a clinic open for 4 years only
    auto v = clinics_of(s);
    if (v.empty()) return false;
    Site* c = r.pick(v);
    c->opened = ymd(s.start_year - 4, 4, 1);
    c->registration = std::string(kPrefectures[s.place]) + "施術所開設届 第" + std::to_string(s.start_year - 4) + "-7号";
    return true;
}

bool d_clinic_few_patients(Rng& r, School& s) {  // SIT-006
    auto v = clinics_of(s);
    if (v.empty()) return false;
    r.pick(v)->patients_per_day = 4 * kOne + 100 * r.range(0, 9);
    return true;
}

bool d_no_hot_water(Rng&, School& s) {  // PRM-002
    s.hot_water = false;
    return true;
}

bool d_one_practice_room(Rng&, School& s) {  // PRM-004 (anma-hari-kyu needs 2)
    if (!(s.type->anma && s.type->hari && s.type->kyu)) return false;
    s.practice_rooms = 1;
    return true;
}

bool d_plan_late(Rng&, School& s) {  // PRC-001: the plan submitted one day late
    if (!s.type->anma) return false;  // the plan deadline applies to facilities that train anma
    s.plan_submitted = ymd(s.start_year - 1, 4, 2);
    return true;
}

bool d_grades_4y(Rng&, School& s) {  // REC-004
    s.retention[10] = 4;
    return true;
}

bool d_for_profit(Rng& r, School& s) {  // FND-001
    s.founder_kind = "for-profit-company";
    s.founder_name = "株式会社" + std::string(r.pick(kPlaces)) + "メディカル";
    return true;
}

struct Defect {
    const char* name;
    const char* rules;  // the rules it triggers when it is the only defect ('+'-separated)
    DefectFn apply;
};
constexpr std::array<Defect, 29> kDefects = {{
    {"area-short", "CUR-001", d_area_short},
    {"lecture-31h", "CUR-004", d_lecture_31},
    {"seminar-14h", "CUR-004", d_seminar_14},
    {"practical-29h", "CUR-004", d_practical_29},
    {"clinical-40h", "CUR-005", d_clinical_40},
    {"short-years", "CUR-006+CUR-018", d_short_years},
    {"medical-over", "CUR-008", d_medical_over},
    {"few-clinical-units", "CUR-009+CUR-008", d_few_clinical_units},
    {"night-over-4h", "CUR-010", d_night_over_4h},
    {"night-daytime-unmarked", "CUR-011", d_night_daytime_unmarked},
    {"day-evening", "CUR-012", d_day_evening},
    {"timetable-short", "CUR-013", d_timetable_short},
    {"credit-transfer", "CUR-014", d_credit_transfer},
    {"missing-cover", "CUR-015", d_missing_cover},
    {"zero-units", "CUR-016", d_zero_units},
    {"duplicate-name", "CUR-017", d_duplicate_name},
    {"year-beyond", "CUR-018", d_year_beyond},
    {"placement-mismatch", "CUR-019", d_placement_mismatch},
    {"clinical-method", "CUR-020", d_clinical_method},
    {"teacher-over-15h", "TCH-009", d_teacher_over_15h},
    {"full-time-elsewhere", "TCH-005", d_full_time_elsewhere},
    {"no-coordinator", "TCH-011", d_no_coordinator},
    {"clinic-open-4y", "SIT-004", d_clinic_open_4y},
    {"clinic-few-patients", "SIT-006", d_clinic_few_patients},
    {"no-hot-water", "PRM-002", d_no_hot_water},
    {"one-practice-room", "PRM-004", d_one_practice_room},
    {"plan-late", "PRC-001", d_plan_late},
    {"grades-4y", "REC-004", d_grades_4y},
    {"for-profit-founder", "FND-001", d_for_profit},
}};

void plan_defects(Rng& r, School& s) {
    if (!r.chance(1, 4)) return;
    const int n = r.chance(1, 5) ? 2 : 1;
    for (int i = 0; i < n; ++i) {
        for (int tries = 0; tries < 50; ++tries) {
            const Defect& d = r.pick(kDefects);
            const std::string tag = std::string(d.name) + ":";
            if (std::any_of(s.defects.begin(), s.defects.end(),
                            [&](const std::string& x) { return x.rfind(tag, 0) == 0; }))
                continue;  // each defect at most once per file (ids made by a defect stay unique)
            if (d.apply(r, s)) {
                s.defects.push_back(std::string(d.name) + ":" + d.rules);
                break;
            }
        }
    }
}

// ---------------------------------------------------------------- driver

School make_school(const Options& o, int number) {
    School s;
    s.number = number;
    for (const auto& sec : kSections) {
        if (sec.plan == nullptr) continue;
        Rng r(stream_seed(o.seed, number, sec.name));
        sec.plan(r, s, o);
    }
    Rng r(stream_seed(o.seed, number, "defects"));
    plan_defects(r, s);
    return s;
}

std::string emit_school(const School& s) {
    Xml x;
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.begin("school");
    x.attr("xmlns", "urn:ahaki-check:school:1");
    x.attr("name", s.name);
    x.attr("type", s.type->code);
    x.end_start(false);
    for (const auto& sec : kSections)
        if (sec.emit != nullptr) sec.emit(x, s);
    x.close();
    return x.str();
}

[[noreturn]] void usage(const char* msg) {
    std::fprintf(stderr,
                 "error: %s\nusage: gen --out DIR --count N --seed S [--scale K] [--manifest FILE] [--index FILE]\n",
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
    bool have_count = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage("missing value");
            return argv[++i];
        };
        auto number = [&](long lo) {
            const std::string v = value();
            char* end = nullptr;
            const long long n = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < lo) usage("bad number");
            return n;
        };
        if (a == "--out") o.out = value();
        else if (a == "--count") { o.count = static_cast<long>(number(0)); have_count = true; }
        else if (a == "--seed") o.seed = static_cast<std::uint64_t>(number(0));
        else if (a == "--scale") o.scale = static_cast<int>(number(1));
        else if (a == "--manifest") o.manifest = value();
        else if (a == "--index") o.index = value();
        else usage("unknown option");
    }
    if (o.out.empty() || !have_count) usage("--out and --count are required");
    if (o.count > 99999) usage("--count at most 99999");
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);
    if (ec) usage("cannot create output directory");
    std::string manifest = "# file\tdefects (name:rules it triggers (errors and warnings) when alone; - = compliant)\n";
    std::string index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<files>\n";
    const auto dir = std::filesystem::absolute(o.out);
    for (long n = 1; n <= o.count; ++n) {
        const School s = make_school(o, static_cast<int>(n));
        char name[32];
        std::snprintf(name, sizeof name, "school-%05ld.xml", n);
        if (!write_file(dir / name, emit_school(s))) {
            std::fprintf(stderr, "error: cannot write %s\n", (dir / name).c_str());
            return 1;
        }
        manifest += name;
        manifest += '\t';
        if (s.defects.empty()) manifest += '-';
        for (std::size_t i = 0; i < s.defects.size(); ++i) manifest += (i ? " " : "") + s.defects[i];
        manifest += '\n';
        Xml entry;  // top level: no indentation
        index += "  ";
        entry.begin("file");
        entry.attr("href", (dir / name).string());
        entry.end_start(true);
        index += entry.str();
    }
    index += "</files>\n";
    if (!o.manifest.empty() && !write_file(o.manifest, manifest)) {
        std::fprintf(stderr, "error: cannot write %s\n", o.manifest.c_str());
        return 1;
    }
    if (!o.index.empty() && !write_file(o.index, index)) {
        std::fprintf(stderr, "error: cannot write %s\n", o.index.c_str());
        return 1;
    }
    return 0;
}
