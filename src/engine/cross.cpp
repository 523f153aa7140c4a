#include "engine/cross.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/engine.hpp"
#include "model/normalise.hpp"
#include "rules/format.hpp"

namespace ahaki {
namespace {

constexpr std::size_t max_named_files = 3;     ///< in a finding's message
constexpr std::size_t max_listed_files = 20;   ///< in "compared with"

std::string group_key(const CrossKey& ck) {
    switch (ck.kind) {
        case CrossKey::Kind::full_time_teacher:
        case CrossKey::Kind::part_time_teacher: return "L|" + ck.key;
        case CrossKey::Kind::site: return "S|" + ck.key;
        case CrossKey::Kind::person: return "P|" + ck.key;
        case CrossKey::Kind::file: return "F|" + ck.key;
        case CrossKey::Kind::school: return "I|" + ck.key;
        case CrossKey::Kind::facility: return "O|" + ck.key;
        case CrossKey::Kind::unidentified_site: return {};
    }
    return {};
}

/// Employment periods [from, until] (YYYY-MM-DD, empty: open) share a day.
bool overlap(const CrossKey& a, const CrossKey& b) {
    return (a.from.empty() || b.until.empty() || a.from <= b.until) && (b.from.empty() || a.until.empty() || b.from <= a.until);
}

std::string period(const CrossKey& k, Lang l) {
    if (k.from.empty() && k.until.empty()) return l == Lang::ja ? "雇用期間の記載なし" : "no employment period stated";
    return (k.from.empty() ? std::string("…") : k.from) + "〜" + (k.until.empty() ? std::string("…") : k.until);
}

std::uint64_t fnv(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::string hex(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 15];
    return s;
}

/// "a.xml, b.xml and 2 more" of a list of paths.
Text name_files(const std::vector<std::string>& given, std::size_t limit) {
    std::vector<std::string> paths;  // a path given twice is named once
    for (const auto& p : given)
        if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(p);
    std::string list;
    std::size_t named = 0;
    for (const auto& p : paths) {
        if (named == limit) break;
        if (named) list += ", ";
        list += p;
        ++named;
    }
    std::size_t more = paths.size() - named;
    return Text{list + (more ? " ほか" + std::to_string(more) + "件" : ""), list + (more ? " and " + std::to_string(more) + " more" : "")};
}

/// "はり師免許 100003" for the Japanese message of a licence key "hari-licence 100003".
std::string licence_ja(const std::string& key) {
    auto sp = key.find(' ');
    if (sp == std::string::npos) return key;
    auto code = parse_code(qualification_codes(), key.substr(0, sp));
    return code ? std::string(info(*code).ja) + " " + key.substr(sp + 1) : key;
}

}  // namespace

CrossKey file_key(std::string_view bytes) {
    CrossKey k;
    k.kind = CrossKey::Kind::file;
    k.key = hex(fnv(bytes, 14695981039346656037ULL)) + hex(fnv(bytes, 0x9E3779B97F4A7C15ULL)) + ":" + std::to_string(bytes.size());
    return k;
}

std::vector<CrossKey> cross_keys_of(const School& school) {
    std::vector<CrossKey> keys;
    const std::string type(info(school.type).code);
    std::string identity = person_name_key(school.name);
    identity.append("|").append(type);
    keys.push_back(CrossKey{CrossKey::Kind::school, std::move(identity), {}, Text{school.name, school.name},
                            school.loc, {}, {}, {}});
    if (school.one_facility) {
        std::string types = type;
        for (const auto& a : school.one_facility->others) types.append(" ").append(info(a.type).code);
        keys.push_back(CrossKey{CrossKey::Kind::facility, person_name_key(school.one_facility->name), {},
                                Text{school.one_facility->name, school.one_facility->name}, school.one_facility->loc, {}, {}, types});
    }
    if (school.teachers)
        for (const auto& t : school.teachers->list) {
            const std::string from = t.employed_from ? t.employed_from->str() : std::string();
            const std::string until = t.employed_until ? t.employed_until->str() : std::string();
            const auto kind = t.full_time() ? CrossKey::Kind::full_time_teacher : CrossKey::Kind::part_time_teacher;
            for (const auto& q : t.qualifications) {
                std::string number = licence_number_key(q.number);
                if (number.empty()) continue;
                keys.push_back(CrossKey{kind, std::string(info(q.code).code) + " " + number, t.id, Text{t.name, t.name}, t.loc, from, until, {}});
            }
            std::string name = person_name_key(t.name);
            if (name.empty()) continue;
            std::string detail = t.full_time() ? "F|" : "P|";
            if (t.birth_date) detail.append(t.birth_date->str());
            keys.push_back(CrossKey{CrossKey::Kind::person, std::move(name), t.id, Text{t.name, t.name}, t.loc, from, until, std::move(detail)});
        }
    if (school.sites)
        for (const auto& s : *school.sites) {
            if (s.kind == SiteKind::affiliated) continue;  // the school's own facility
            bool identified = false;
            if (std::string reg = fold_text(s.details.registration); !reg.empty()) {
                keys.push_back(CrossKey{CrossKey::Kind::site, "R|" + reg, s.id, Text{s.name, s.name}, s.loc, {}, {}, {}});
                identified = true;
            }
            if (std::string addr = address_key(s.details.address); !addr.empty()) {
                keys.push_back(CrossKey{CrossKey::Kind::site, "A|" + addr, s.id, Text{s.name, s.name}, s.loc, {}, {}, {}});
                identified = true;
            }
            if (!identified)
                keys.push_back(CrossKey{CrossKey::Kind::unidentified_site, s.id, s.id, Text{s.name, s.name}, s.loc, {}, {}, {}});
        }
    return keys;
}

void CrossIndex::add(std::size_t file, std::string path, const std::vector<CrossKey>& keys, bool checked) {
    if (files_.size() <= file) files_.resize(file + 1);
    File& f = files_[file];
    f.path = std::move(path);
    f.checked = checked;
    if (!checked) return;
    ++checked_;
    f.keys = keys;
    for (std::size_t i = 0; i < f.keys.size(); ++i) {
        const CrossKey& k = f.keys[i];
        std::string g = group_key(k);
        if (!g.empty()) groups_[g].push_back(Entry{file, i});
        switch (k.kind) {
            case CrossKey::Kind::file: f.digest = k.key; break;
            case CrossKey::Kind::school: f.identity = k.key; break;
            case CrossKey::Kind::facility: {
                f.facility = k.key;
                auto sp = k.detail.find(' ');
                f.own_type = k.detail.substr(0, sp);
                f.listed_types = (sp == std::string::npos ? std::string() : k.detail.substr(sp)) + " ";
                break;
            }
            case CrossKey::Kind::full_time_teacher:
            case CrossKey::Kind::part_time_teacher: f.licences[k.owner].push_back(k.key); break;
            default: break;
        }
    }
}

const std::vector<std::string>& CrossIndex::licences_of(std::size_t file, const std::string& teacher) const {
    static const std::vector<std::string> none;
    auto it = files_[file].licences.find(teacher);
    return it == files_[file].licences.end() ? none : it->second;
}

const CrossKey* CrossIndex::find_kind(std::size_t file, CrossKey::Kind kind) const {
    for (const auto& k : files_[file].keys)
        if (k.kind == kind) return &k;
    return nullptr;
}

CrossIndex::Relation CrossIndex::relation(std::size_t a, std::size_t b) const {
    const File& fa = files_[a];
    const File& fb = files_[b];
    if (!fa.digest.empty() && fa.digest == fb.digest) return Relation::same_file;
    if (!fa.identity.empty() && fa.identity == fb.identity) return Relation::resubmission;
    // One facility (§6(5) second sentence): the same <one-facility>, each listing the other's type.
    if (!fa.facility.empty() && fa.facility == fb.facility && fa.listed_types.find(" " + fb.own_type + " ") != std::string::npos &&
        fb.listed_types.find(" " + fa.own_type + " ") != std::string::npos)
        return Relation::same_facility;
    return Relation::other;
}

void CrossIndex::apply(std::size_t f, FileReport& report) const {
    if (!report.errors.empty() || f >= files_.size() || !files_[f].checked) return;
    const Rule* full_rule = find_rule("XSB-001");
    const Rule* site_rule = find_rule("XSB-002");
    const Rule* part_rule = find_rule("XSB-003");
    const Rule* same_rule = find_rule("XSB-004");
    if (!full_rule || !site_rule || !part_rule || !same_rule) return;
    std::erase_if(report.outcomes, [](const Outcome& o) { return o.rule_id.rfind("XSB-", 0) == 0; });

    // Which other submissions this one is compared with, and which are the same school. Only files
    // sharing a digest, an identity or a <one-facility> are related: looked up, not scanned (linear runs).
    std::unordered_map<std::size_t, Relation> related;
    std::vector<std::string> same_file, resubmitted, same_facility;
    for (const auto& ck : files_[f].keys) {
        if (ck.kind != CrossKey::Kind::file && ck.kind != CrossKey::Kind::school && ck.kind != CrossKey::Kind::facility) continue;
        auto it = groups_.find(group_key(ck));
        if (it == groups_.end()) continue;
        for (const auto& e : it->second) {
            if (e.file == f || related.count(e.file)) continue;
            Relation r = relation(f, e.file);
            if (r == Relation::other) continue;
            related.emplace(e.file, r);
        }
    }
    for (std::size_t g = 0; g < files_.size(); ++g) {  // in input order, for stable messages
        auto it = related.find(g);
        if (it == related.end()) continue;
        (it->second == Relation::same_file ? same_file : it->second == Relation::resubmission ? resubmitted : same_facility)
            .push_back(files_[g].path);
    }
    auto rel_of = [&](std::size_t g) {
        auto it = related.find(g);
        return it == related.end() ? Relation::other : it->second;
    };
    auto comparable = [&](std::size_t g) {
        if (g == f || !files_[g].checked) return false;
        Relation r = rel_of(g);
        return r == Relation::other || r == Relation::same_facility;
    };
    const std::size_t compared_count = checked_ - 1 - same_file.size() - resubmitted.size();
    std::vector<std::string> compared;  // the first few, for the report
    for (std::size_t g = 0; g < files_.size() && compared.size() < max_listed_files; ++g)
        if (comparable(g)) compared.push_back(files_[g].path);

    CheckOptions options;  // never --complete: a missing comparison is "not checked", not an error
    const std::string n = std::to_string(compared_count);
    Text list = compared.empty() ? Text{"なし", "none"} : name_files(compared, max_listed_files);
    if (compared_count > compared.size()) {
        const std::string more = std::to_string(compared_count - compared.size());
        list = Text{list.ja + " ほか" + more + "件", list.en + " and " + more + " more"};
    }
    auto summary = [&](const Rule& rule, std::string scope, Text label) {
        Emitter em(rule, options, report.outcomes);
        Outcome& o = em.requirement(std::move(scope), std::move(label), Loc{}, fmt::text(Text{"照合した申請: " + list.ja, "compared with: " + list.en}));
        if (compared.empty()) {
            o.status = Status::not_checked;
            o.measured = fmt::text(Text{"照合できる他の申請がありません（" + list.ja + "）", "no other submission to compare with (" + list.en + ")"});
        }
    };
    const std::vector<CrossKey>& keys = files_[f].keys;
    auto group = [&](const CrossKey& k) -> const std::vector<Entry>* {
        auto it = groups_.find(group_key(k));
        return it == groups_.end() ? nullptr : &it->second;
    };

    // ---- XSB-001 (6(5)) and XSB-003 (6(6)): teachers, in document order, once per teacher.
    summary(*full_rule, "teachers across-files",
            Text{"他の " + n + " 件の申請との専任教員の照合", "full-time teachers checked against " + n + " other submissions"});
    std::vector<Outcome> xsb3;  // XSB-003, added after XSB-002 (rule order)
    {
        Emitter em1(*full_rule, options, report.outcomes);
        Emitter em3(*part_rule, options, xsb3);
        std::unordered_set<std::string> done;
        for (const auto& ck : keys) {
            if (ck.kind != CrossKey::Kind::full_time_teacher && !(ck.kind == CrossKey::Kind::person && ck.detail.rfind("F|", 0) == 0)) continue;
            const auto* entries = group(ck);
            if (!entries) continue;
            if (ck.kind == CrossKey::Kind::full_time_teacher) {
                std::vector<std::string> full_overlap, part_overlap, facility, apart;
                for (const auto& e : *entries) {
                    if (!comparable(e.file)) continue;
                    const CrossKey& other = files_[e.file].keys[e.key];
                    const std::string& path = files_[e.file].path;
                    auto add_once = [](std::vector<std::string>& v, const std::string& p) {
                        if (std::find(v.begin(), v.end(), p) == v.end()) v.push_back(p);
                    };
                    if (rel_of(e.file) == Relation::same_facility) add_once(facility, path);
                    else if (!overlap(ck, other)) add_once(apart, path + "（" + period(other, Lang::ja) + "）");
                    else if (other.kind == CrossKey::Kind::full_time_teacher) add_once(full_overlap, path);
                    else add_once(part_overlap, path);
                }
                std::string scope = "teacher=" + ck.owner + " across-files";
                if (!full_overlap.empty() && done.insert(ck.owner + "|full").second) {
                    Text files = name_files(full_overlap, max_named_files);
                    Outcome& o = em1.requirement(scope, Text{"複数の施設で専任: " + ck.label.ja, "full-time at several facilities: " + ck.label.en}, ck.loc,
                                                 fmt::text(files), fmt::text(Text{"1施設のみで専任", "full-time at one facility only"}));
                    em1.finding(o, ck.loc,
                                Text{"専任の教員 " + ck.label.ja + "（" + licence_ja(ck.key) + "）は " + files.ja + " でも専任教員です（雇用期間 " +
                                         period(ck, Lang::ja) + " が重なります）。専任教員は1つの養成施設に限ります",
                                     "the full-time teacher " + ck.label.en + " (" + ck.key + ") is also a full-time teacher in " + files.en +
                                         "; a teacher is full-time at one facility only"},
                                fmt::text(files), fmt::text(Text{"1施設のみで専任", "full-time at one facility only"}));
                }
                if (!facility.empty() && full_overlap.empty() && done.insert(ck.owner + "|facility").second) {
                    Text files = name_files(facility, max_named_files);
                    Outcome& o = em1.requirement(scope, Text{"同じ養成施設の複数の認定で専任: " + ck.label.ja, "full-time in several accreditations of one facility: " + ck.label.en},
                                                 ck.loc, fmt::text(files));
                    em1.finding(o, Severity::info, ck.loc,
                                Text{"専任の教員 " + ck.label.ja + "（" + licence_ja(ck.key) + "）は " + files.ja +
                                         " でも専任ですが、同じ養成施設（one-facility）の別の認定です。1つの養成施設とみなされるため専任でよい（指導要領 6(5) 後段）",
                                     "the full-time teacher " + ck.label.en + " (" + ck.key + ") is also full-time in " + files.en +
                                         ", another accreditation of the same facility (one-facility): it counts as one facility, so this is allowed (指導要領 6(5) second sentence)"});
                }
                if (!apart.empty() && full_overlap.empty() && done.insert(ck.owner + "|apart").second) {
                    std::string joined;
                    for (const auto& a : apart) joined += (joined.empty() ? "" : ", ") + a;
                    Outcome& o = em1.requirement(scope, Text{"雇用期間の重ならない他の施設での職: " + ck.label.ja, "posts elsewhere in other periods: " + ck.label.en},
                                                 ck.loc, fmt::text(Text{joined, joined}));
                    em1.finding(o, Severity::info, ck.loc,
                                Text{"教員 " + ck.label.ja + "（" + licence_ja(ck.key) + "）は " + joined + " にも記載されていますが、雇用期間（" +
                                         period(ck, Lang::ja) + "）が重ならないため兼務ではありません",
                                     "the teacher " + ck.label.en + " (" + ck.key + ") is also described in " + joined +
                                         ", but the employment periods (" + period(ck, Lang::en) + ") do not overlap: not a second post"});
                }
                if (!part_overlap.empty() && done.insert(ck.owner + "|part").second) {
                    Text files = name_files(part_overlap, max_named_files);
                    em3.fail(scope, Text{"専任教員の他の施設での兼務: " + ck.label.ja, "full-time teacher part-time elsewhere: " + ck.label.en}, ck.loc,
                             Text{"専任の教員 " + ck.label.ja + "（" + licence_ja(ck.key) + "）は " + files.ja +
                                      " で非常勤の教員として記載されています（雇用期間が重なります）。専任教員は専ら当該養成施設の養成に従事するため、勤務の実態を確認してください",
                                  "the full-time teacher " + ck.label.en + " (" + ck.key + ") is described as a part-time teacher in " + files.en +
                                      " in an overlapping period; a full-time teacher works principally at this facility: check the actual duties"},
                             fmt::text(files), fmt::text(Text{"専ら当該施設で従事", "works principally here"}), {});
                }
                continue;
            }
            // Possibly the same person: the same name with other (or no) licence numbers.
            const std::vector<std::string>& mine = licences_of(f, ck.owner);
            const std::string my_birth = ck.detail.substr(2);
            std::vector<std::string> full_hits, part_hits;
            bool by_birth = false;
            for (const auto& e : *entries) {
                if (!comparable(e.file) || rel_of(e.file) == Relation::same_facility) continue;
                const CrossKey& other = files_[e.file].keys[e.key];
                const std::vector<std::string>& theirs = licences_of(e.file, other.owner);
                bool shared = std::any_of(mine.begin(), mine.end(), [&](const std::string& l) {
                    return std::find(theirs.begin(), theirs.end(), l) != theirs.end();
                });
                if (shared) continue;  // the same person by licence: judged above
                const std::string their_birth = other.detail.substr(2);
                if (!my_birth.empty() && !their_birth.empty() && my_birth != their_birth) continue;  // two people
                if (!overlap(ck, other)) continue;
                by_birth = by_birth || (!my_birth.empty() && my_birth == their_birth);
                (other.detail.rfind("F|", 0) == 0 ? full_hits : part_hits).push_back(files_[e.file].path);
            }
            const Text why = by_birth ? Text{"氏名と生年月日が同じで免許番号が異なります", "same name and date of birth, other licence numbers"}
                                      : Text{"氏名が同じで、免許番号が異なるか記載がありません（生年月日で区別できません）",
                                             "same name, other or no licence numbers (no date of birth tells them apart)"};
            std::string scope = "teacher=" + ck.owner + " same-person";
            if (!full_hits.empty()) {
                Text files = name_files(full_hits, max_named_files);
                em1.fail_as(Severity::review, scope, Text{"同一人物の可能性: " + ck.label.ja, "possibly the same person: " + ck.label.en}, ck.loc,
                            Text{"専任の教員 " + ck.label.ja + " と同じ氏名の専任教員が " + files.ja + " にいます（" + why.ja +
                                     "）。同一人物の可能性があるため、免許証で確認してください",
                                 "a full-time teacher named " + ck.label.en + " is also full-time in " + files.en + " (" + why.en +
                                     "): possibly the same person; check the licences"},
                            fmt::text(files), fmt::text(Text{"別人であること", "different people"}), {});
            }
            if (!part_hits.empty()) {
                Text files = name_files(part_hits, max_named_files);
                em3.fail_as(Severity::review, scope, Text{"同一人物の可能性: " + ck.label.ja, "possibly the same person: " + ck.label.en}, ck.loc,
                            Text{"専任の教員 " + ck.label.ja + " と同じ氏名の非常勤教員が " + files.ja + " にいます（" + why.ja +
                                     "）。同一人物なら専任教員の他施設での兼務です。免許証で確認してください",
                                 "a part-time teacher named " + ck.label.en + " is described in " + files.en + " (" + why.en +
                                     "): if it is the same person, the full-time teacher also works elsewhere; check the licences"},
                            fmt::text(files), fmt::text(Text{"別人であること", "different people"}), {});
            }
        }
    }

    // ---- XSB-002 (9(1)): clinical sites by registration number or address, once per site.
    summary(*site_rule, "sites across-files",
            Text{"他の " + n + " 件の申請との臨床実習施設の照合", "clinical sites checked against " + n + " other submissions"});
    {
        Emitter em(*site_rule, options, report.outcomes);
        std::unordered_set<std::string> reported;
        for (const auto& ck : keys) {
            if (ck.kind == CrossKey::Kind::unidentified_site) {
                Outcome& o = em.requirement("site=" + ck.owner + " across-files", Text{"他の申請と照合できない臨床実習施設: " + ck.label.ja,
                                                                                      "clinical site that cannot be compared: " + ck.label.en},
                                            ck.loc);
                o.status = Status::not_checked;
                o.measured = fmt::text(Text{"登録番号（registration）も所在地（address）も記載がないため、名称だけでは同定できません",
                                            "neither a registration number (registration) nor an address (address): a name alone does not identify a site"});
                continue;
            }
            if (ck.kind != CrossKey::Kind::site) continue;
            const auto* entries = group(ck);
            if (!entries) continue;
            std::vector<std::string> others;
            for (const auto& e : *entries)
                if (comparable(e.file) && rel_of(e.file) == Relation::other &&
                    std::find(others.begin(), others.end(), files_[e.file].path) == others.end())
                    others.push_back(files_[e.file].path);
            if (others.empty() || !reported.insert(ck.owner).second) continue;
            Text files = name_files(others, max_named_files);
            const bool by_registration = ck.key.rfind("R|", 0) == 0;
            em.fail("site=" + ck.owner + " across-files",
                    Text{"複数の学校が使う臨床実習施設: " + ck.label.ja, "clinical site used by several schools: " + ck.label.en}, ck.loc,
                    Text{"臨床実習施設「" + ck.label.ja + "」は " + files.ja + " でも臨床実習施設です（" + (by_registration ? "登録番号" : "所在地") +
                             "が同じ）。受入れ人数と指導体制がすべての学校の実習に足りるか確認してください",
                         "the clinical site \"" + ck.label.en + "\" is also a clinical site of " + files.en + " (same " +
                             (by_registration ? "registration number" : "address") +
                             "); check that its capacity and supervision suffice for every school's practice"},
                    fmt::text(files), fmt::text(Text{"受入れ体制の確認", "capacity checked"}), {});
        }
    }

    // ---- XSB-003 (6(6)).
    summary(*part_rule, "teachers part-time-elsewhere",
            Text{"他の " + n + " 件の申請との専任教員の兼務の照合", "full-time teachers' posts elsewhere checked against " + n + " other submissions"});
    for (auto& o : xsb3) report.outcomes.push_back(std::move(o));

    // ---- XSB-004: the same file twice, or another version of the same school.
    {
        Emitter em(*same_rule, options, report.outcomes);
        Outcome& o = em.requirement("submissions same-school", Text{"同じ申請の重複・再提出の確認", "the same submission given twice, or resubmitted"},
                                    Loc{}, fmt::text(Text{"照合した申請: " + list.ja, "compared with: " + list.en}));
        if (compared.empty() && same_file.empty() && resubmitted.empty()) {
            o.status = Status::not_checked;
            o.measured = fmt::text(Text{"照合できる他の申請がありません", "no other submission to compare with"});
        }
        // Said in every format (the text report lists findings only): what this school was compared with.
        if (compared_count > 0)
            em.finding(o, Severity::info, Loc{},
                       Text{"他の申請 " + n + " 件と照合しました: " + list.ja, "compared with " + n + " other submissions: " + list.en});
        if (!same_file.empty()) {
            Text files = name_files(same_file, max_named_files);
            const CrossKey* me = find_kind(f, CrossKey::Kind::school);
            em.finding(o, Severity::info, me ? me->loc : Loc{},
                       Text{"このファイルは " + files.ja + " と同じ内容です（同じファイルが2回指定されています）。互いには照合していません",
                            "this file has the same content as " + files.en + " (the same file given twice); they are not compared with each other"});
        }
        if (!resubmitted.empty()) {
            Text files = name_files(resubmitted, max_named_files);
            const CrossKey* me = find_kind(f, CrossKey::Kind::school);
            const std::string name = me ? me->label.ja : std::string();
            em.finding(o, Severity::info, me ? me->loc : Loc{},
                       Text{files.ja + " は同じ学校（「" + name + "」、同じ種類）の別の版です（再提出）。互いには照合していません",
                            files.en + " is another version of the same school (\"" + name + "\", same type): a resubmission; they are not compared with each other"});
        }
        if (!same_facility.empty()) {
            Text files = name_files(same_facility, max_named_files);
            em.finding(o, Severity::info, Loc{},
                       Text{files.ja + " は同じ養成施設（one-facility）の別の認定です。専任教員の兼務は 6(5) 後段により認められます",
                            files.en + " is another accreditation of the same facility (one-facility); full-time teachers may serve both (6(5) second sentence)"});
        }
    }
}

void cross_check(std::vector<FileReport>& reports) {
    CrossIndex index;
    for (std::size_t f = 0; f < reports.size(); ++f) index.add(f, reports[f].path, reports[f].cross_keys, reports[f].errors.empty());
    for (std::size_t f = 0; f < reports.size(); ++f) index.apply(f, reports[f]);
}

}  // namespace ahaki
