#include "rules/people/fields.hpp"

#include <algorithm>

#include "model/normalise.hpp"

namespace ahaki::rules {
namespace {

struct Hit {
    std::size_t begin, end;
    std::size_t owner;  ///< index of the entry (or 教科) the word belongs to
    const std::string* word;
};

/// Every occurrence of the words in `text`, less those inside a longer
/// occurrence (医学 inside 東洋医学, 化学 inside 生化学): what the text is about.
std::vector<Hit> maximal_hits(const std::string& text, std::vector<Hit> hits) {
    std::vector<Hit> out;
    for (const auto& h : hits) {
        bool inside = false;
        for (const auto& o : hits)
            if (o.begin <= h.begin && h.end <= o.end && (o.end - o.begin) > (h.end - h.begin)) {
                inside = true;
                break;
            }
        if (!inside) out.push_back(h);
    }
    (void)text;
    return out;
}

void find_all(const std::string& text, const std::string& word, std::size_t owner, std::vector<Hit>& out) {
    if (word.empty()) return;
    for (std::size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1))
        out.push_back(Hit{p, p + word.size(), owner, &word});
}

/// A word without a final 学 (鍼灸学 = 鍼灸, 心理学 = 心理): a table need not list both forms.
std::string_view stem(std::string_view w) {
    constexpr std::string_view gaku = "学";
    if (w.size() > gaku.size() && w.substr(w.size() - gaku.size()) == gaku) return w.substr(0, w.size() - gaku.size());
    return w;
}

bool contains(const std::vector<std::string>& list, const std::string& w) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return stem(x) == stem(w); });
}

Fit combine(const std::vector<Fit>& fits) {
    if (fits.empty()) return Fit::unknown;
    bool all_yes = true, all_no = true;
    for (Fit f : fits) {
        if (f == Fit::unknown) return Fit::unknown;
        all_yes = all_yes && f == Fit::yes;
        all_no = all_no && f == Fit::no;
    }
    return all_yes ? Fit::yes : all_no ? Fit::no : Fit::maybe;
}

std::string join_unique(const std::vector<std::string>& words) {
    std::string out;
    std::vector<std::string> seen;
    for (const auto& w : words) {
        if (contains(seen, w)) continue;
        seen.push_back(w);
        if (!out.empty()) out += "・";
        out += w;
    }
    return out;
}

}  // namespace

std::vector<const SubjectField*> subject_entries(const SubjectFieldMap& map, const Subject& s) {
    const std::string name = fold_text(s.name);
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < map.subjects.size(); ++i) {
        const SubjectField& f = map.subjects[i];
        if (!f.areas.empty() && std::find(f.areas.begin(), f.areas.end(), s.area) == f.areas.end()) continue;
        for (const auto& w : f.patterns) find_all(name, w, i, hits);
    }
    std::vector<const SubjectField*> out;
    for (const auto& h : maximal_hits(name, std::move(hits))) {
        const SubjectField* f = &map.subjects[h.owner];
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    }
    return out;
}

Fit field_fit(const SubjectFieldMap& map, const std::vector<const SubjectField*>& entries, std::string_view field,
              std::string& recognised) {
    const std::string text = fold_text(field);
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < map.subjects.size(); ++i) {
        for (const auto& w : map.subjects[i].fields) find_all(text, w, i, hits);
        for (const auto& w : map.subjects[i].fields_review) find_all(text, w, i, hits);
    }
    std::vector<std::string> words;
    for (const auto& h : maximal_hits(text, std::move(hits))) words.push_back(*h.word);
    recognised = join_unique(words);
    if (words.empty() || entries.empty()) return Fit::unknown;
    std::vector<Fit> fits;
    for (const SubjectField* e : entries) {
        Fit f = Fit::no;
        for (const auto& w : words) {
            if (contains(e->fields, w)) f = Fit::yes;
            else if (f == Fit::no && contains(e->fields_review, w)) f = Fit::maybe;
        }
        fits.push_back(f);
    }
    return combine(fits);
}

Fit licence_fit(const SubjectFieldMap& map, const std::vector<const SubjectField*>& entries, std::string_view field,
                std::string& recognised) {
    const std::string text = fold_text(field);
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < map.licence_subjects.size(); ++i)
        for (const auto& w : map.licence_subjects[i].aliases) find_all(text, w, i, hits);
    std::vector<std::string> codes;
    for (const auto& h : maximal_hits(text, std::move(hits))) codes.push_back(map.licence_subjects[h.owner].code);
    recognised = join_unique(codes);
    if (codes.empty() || entries.empty()) return Fit::unknown;
    std::vector<Fit> fits;
    for (const SubjectField* e : entries) {
        Fit f = Fit::no;
        for (const auto& c : codes) {
            if (contains(e->licences, c)) f = Fit::yes;
            else if (f == Fit::no && contains(e->licences_review, c)) f = Fit::maybe;
        }
        fits.push_back(f);
    }
    return combine(fits);
}

Text entry_names(const std::vector<const SubjectField*>& entries) {
    Text t;
    for (const SubjectField* e : entries) {
        if (!t.ja.empty()) {
            t.ja += "・";
            t.en += ", ";
        }
        t.ja += e->name.ja;
        t.en += e->name.en;
    }
    return t;
}

}  // namespace ahaki::rules
