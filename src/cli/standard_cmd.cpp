#include "cli/standard_cmd.hpp"

#include <ostream>

#include "engine/engine.hpp"
#include "model/codes.hpp"
#include "rules/format.hpp"
#include "report/report.hpp"

namespace ahaki::cli {
namespace {

std::string qualifiers(const Standard::Entry& e) {
    std::string s;
    auto add = [&](std::string_view name, std::string_view code) {
        if (!s.empty()) s += " ";
        s += std::string(name) + "=" + std::string(code);
    };
    if (e.type >= 0) add("type", facility_types()[static_cast<std::size_t>(e.type)].code);
    if (e.area >= 0) add("area", areas()[static_cast<std::size_t>(e.area)].code);
    if (e.method >= 0) add("method", methods()[static_cast<std::size_t>(e.method)].code);
    if (!e.item.empty()) add("item", e.item);
    return s;
}

std::string value_of(const Standard::Entry& e, const ParamSpec& spec, Lang L) {
    const Threshold& t = e.t;
    if (!t.known()) return L == Lang::ja ? "（値なし）" : "(no value)";
    if (spec.kind == ParamKind::text) return t.text;
    if (!t.value) return "";
    if (spec.kind == ParamKind::time) {
        TimeOfDay tod{static_cast<int>(t.value->milli() / Decimal::scale)};
        return tod.str();
    }
    std::string unit(L == Lang::ja ? spec.unit_ja : spec.unit_en);
    return fmt::num(*t.value) + (unit.empty() ? "" : (L == Lang::ja ? "" : " ") + unit);
}

}  // namespace

int cmd_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Lang L = Lang::ja;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) {
            L = args[++i] == "en" ? Lang::en : Lang::ja;
        } else if (args[i] == "--lang=en") {
            L = Lang::en;
        } else if (args[i] == "--lang=ja") {
            L = Lang::ja;
        } else if (args[i] == "--standard" && i + 1 < args.size()) {
            files.push_back(args[++i]);
        } else if (args[i].rfind("--standard=", 0) == 0) {
            files.push_back(args[i].substr(11));
        } else {
            err << (L == Lang::ja ? "エラー: standard コマンドの引数が正しくありません: " : "error: bad argument to the standard command: ")
                << args[i] << "\n"
                << (L == Lang::ja ? "使い方: ahaki-check standard [--standard FILE]... [--lang ja|en]\n"
                                  : "usage: ahaki-check standard [--standard FILE]... [--lang ja|en]\n");
            return 2;
        }
    }
    const bool ja = L == Lang::ja;
    StandardsLoad loaded = load_standards(files);
    if (!loaded.errors.empty() || loaded.set.editions.empty()) {
        for (const auto& d : loaded.errors) err << diagnostic_line(d, L) << "\n";
        if (loaded.errors.empty()) err << (ja ? "エラー: 基準がありません\n" : "error: no standard loaded\n");
        return 2;
    }
    std::size_t unknown = 0;
    for (const Standard& st : loaded.set.editions) {
        out << st.id << ": " << st.title.in(L) << "\n"
            << (ja ? "  適用: " : "  applies to intakes from ") << st.applies_from.str() << (ja ? " 以後の入学\n" : "\n")
            << (ja ? "  出典: " : "  read from: ") << st.origin << "\n\n";
        for (const auto& spec : param_specs()) {
            out << spec.key << "\n";
            for (const auto& e : st.entries) {
                if (e.key != spec.key) continue;
                std::string q = qualifiers(e);
                out << "  " << (q.empty() ? std::string(ja ? "（全体）" : "(all)") : q) << " = " << value_of(e, spec, L) << "  ["
                    << provenance_code(e.t.provenance) << ": " << provenance_text(e.t.provenance).in(L) << "; " << e.t.clause << "]\n";
                if (!e.t.note.empty()) out << "      " << (ja ? "注: " : "note: ") << e.t.note << "\n";
                unknown += e.t.provenance == Provenance::unknown;
            }
        }
        for (const auto& l : st.lists) {
            out << l.key << (ja ? "（表）" : " (table)") << "  [" << provenance_code(l.provenance) << ": "
                << provenance_text(l.provenance).in(L) << "; " << l.clause << "]\n";
            if (!l.note.empty()) out << "      " << (ja ? "注: " : "note: ") << l.note << "\n";
            if (l.items.empty()) out << (ja ? "  （項目なし）\n" : "  (no items)\n");
            for (const auto& i : l.items)
                out << "  " << i.code << " " << i.name.in(L) << (ja ? " " : " at least ") << fmt::num(i.min_quantity) << (ja ? " 以上\n" : "\n");
            unknown += l.provenance == Provenance::unknown;
        }
        out << "\n";
    }
    out << (ja ? "出典区分: " : "provenance marks: ");
    bool first = true;
    for (auto p : {Provenance::seed, Provenance::ord, Provenance::gl_hk, Provenance::derived, Provenance::assumed,
                   Provenance::advisory, Provenance::unknown}) {
        out << (first ? "" : ja ? "、" : "; ") << provenance_code(p) << " = " << provenance_text(p).in(L);
        first = false;
    }
    out << "\n\n";
    if (ja)
        out << "UNKNOWN の値: " << unknown
            << " 件。値が分かったら、基準ファイル（schemas/standards/ahaki-2018.xml）の写しを作り、その項目の provenance を出典区分"
               "（SEED、ORD など）に直して value を書き（clause に根拠条項、note に出典）、再ビルドせずに\n"
               "  ahaki-check check --standard 写し.xml 学校.xml\n"
               "で使います。読み込めない値や区分は行と列を示して拒否されます。この一覧で確かめるには\n"
               "  ahaki-check standard --standard 写し.xml\n";
    else
        out << "UNKNOWN values: " << unknown
            << ". To fill one in, copy the standard file (schemas/standards/ahaki-2018.xml), change the entry's provenance to its "
               "source mark (SEED, ORD, …), give its value (the clause and a note saying where it comes from), and use the copy "
               "without rebuilding:\n"
               "  ahaki-check check --standard copy.xml school.xml\n"
               "A bad value or mark is refused with its line and column. To see the result:\n"
               "  ahaki-check standard --standard copy.xml\n";
    return 0;
}

}  // namespace ahaki::cli
