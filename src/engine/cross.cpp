#include "engine/cross.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/engine.hpp"
#include "rules/format.hpp"

namespace ahaki {
namespace {

/// A site's identity across schools. Sites have only a name in this version of
/// the format; when the format gains an address or a registration number, add
/// it here.
std::string site_identity(const Site& s) {
    std::string out;
    for (char c : s.name)
        if (c != ' ' && c != '\t') out.push_back(c);
    return out;
}

constexpr std::size_t max_named_files = 3;

std::string group_key(const CrossKey& ck) { return (ck.kind == CrossKey::Kind::site ? "S|" : "T|") + ck.key; }

}  // namespace

std::vector<CrossKey> cross_keys_of(const School& school) {
    std::vector<CrossKey> keys;
    if (school.teachers)
        for (const auto& t : school.teachers->list) {
            if (!t.full_time()) continue;
            for (const auto& q : t.qualifications) {
                if (q.number.empty()) continue;
                keys.push_back(CrossKey{CrossKey::Kind::full_time_teacher, std::string(info(q.code).code) + " " + q.number, t.id,
                                        Text{t.name, t.name}, t.loc});
            }
        }
    if (school.sites)
        for (const auto& s : *school.sites) {
            if (s.kind == SiteKind::affiliated) continue;  // the school's own facility
            keys.push_back(CrossKey{CrossKey::Kind::site, site_identity(s), s.id, Text{s.name, s.name}, s.loc});
        }
    return keys;
}

void CrossIndex::add(std::size_t file, std::string path, const std::vector<CrossKey>& keys, bool checked) {
    if (paths_.size() <= file) paths_.resize(file + 1);
    paths_[file] = std::move(path);
    if (!checked) return;
    ++checked_;
    // Files are added in input order, so a repeated file is always the last one added.
    for (const auto& ck : keys) {
        FileList& files = groups_[group_key(ck)];
        if (files.empty() || files.back() != file) files.push_back(file);
    }
}

/// Up to max_named_files other files of the group, and how many more there are.
std::string CrossIndex::others(const FileList& files, std::size_t self, std::size_t& more) const {
    std::string out;
    std::size_t named = 0;
    for (std::size_t f : files) {
        if (f == self) continue;
        if (named == max_named_files) break;
        if (named) out += ", ";
        out += paths_[f];
        ++named;
    }
    more = files.size() - 1 - named;
    return out;
}

void CrossIndex::apply(std::size_t f, FileReport& report) const {
    if (checked_ < 2 || !report.errors.empty()) return;
    const Rule* teacher_rule = find_rule("XSB-001");
    const Rule* site_rule = find_rule("XSB-002");
    if (!teacher_rule || !site_rule) return;
    // In document order so the output is stable: a teacher or site is reported
    // once per file, however many of its keys matched.
    CheckOptions options;
    static const FileList none;
    std::unordered_set<std::string> reported;
    const std::string n = std::to_string(checked_ - 1);
    for (bool teacher : {true, false}) {
        bool found = false;
        for (std::size_t k = 0; k < report.cross_keys.size(); ++k) {
            const CrossKey ck = report.cross_keys[k];
            if ((ck.kind == CrossKey::Kind::full_time_teacher) != teacher) continue;
            auto it = groups_.find(group_key(ck));
            const FileList& files = it == groups_.end() ? none : it->second;
            if (files.size() < 2) continue;
            if (!reported.insert((teacher ? "T|" : "S|") + ck.owner).second) continue;
            found = true;
            std::size_t more = 0;
            std::string list = others(files, f, more);
            std::string more_ja = more ? " ほか" + std::to_string(more) + "件" : "";
                std::string more_en = more ? " and " + std::to_string(more) + " more" : "";
                Emitter em(teacher ? *teacher_rule : *site_rule, options, report.outcomes);
                std::string scope = (teacher ? "teacher=" : "site=") + ck.owner + " across-files";
                if (teacher) {
                    em.fail(scope, Text{"複数の施設で専任: " + ck.label.ja, "full-time at several facilities: " + ck.label.en}, ck.loc,
                            Text{"専任の教員 " + ck.label.ja + "（" + ck.key + "）は " + list + more_ja +
                                     " でも専任教員です。専任教員は1つの養成施設に限ります",
                                 "the full-time teacher " + ck.label.en + " (" + ck.key + ") is also a full-time teacher in " + list +
                                     more_en + "; a teacher is full-time at one facility only"},
                            fmt::text(Text{list + more_ja, list + more_en}),
                            fmt::text(Text{"1施設のみで専任", "full-time at one facility only"}), {});
                } else {
                    em.fail(scope, Text{"複数の学校が使う臨床実習施設: " + ck.label.ja, "clinical site used by several schools: " + ck.label.en},
                            ck.loc,
                            Text{"臨床実習施設「" + ck.label.ja + "」は " + list + more_ja +
                                     " でも臨床実習施設です。受入れ人数と指導体制がすべての学校の実習に足りるか確認してください",
                                 "the clinical site \"" + ck.label.en + "\" is also a clinical site of " + list + more_en +
                                     "; check that its capacity and supervision suffice for every school's practice"},
                            fmt::text(Text{list + more_ja, list + more_en}), fmt::text(Text{"受入れ体制の確認", "capacity checked"}), {});
                }
            }
            // Record that the check ran, so reports show it as compliant rather than absent.
            if (!found)
                Emitter(teacher ? *teacher_rule : *site_rule, options, report.outcomes)
                    .pass(teacher ? "teachers across-files" : "sites across-files",
                          teacher ? Text{"他の " + n + " 件の申請との専任教員の照合", "full-time teachers checked against " + n + " other submissions"}
                                  : Text{"他の " + n + " 件の申請との臨床実習施設の照合", "clinical sites checked against " + n + " other submissions"},
                          Loc{});
    }
}

void cross_check(std::vector<FileReport>& reports) {
    CrossIndex index;
    for (std::size_t f = 0; f < reports.size(); ++f) index.add(f, reports[f].path, reports[f].cross_keys, reports[f].errors.empty());
    for (std::size_t f = 0; f < reports.size(); ++f) index.apply(f, reports[f]);
}

}  // namespace ahaki
