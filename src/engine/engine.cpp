#include "engine/engine.hpp"
#include "engine/scan.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <filesystem>
#include <set>
#include <system_error>
#include <thread>

#include "engine/kinds.hpp"
#include "model/system_error.hpp"
#include "engine/ordered.hpp"
#include "report/escape.hpp"
#include "engine/sheet_input.hpp"
#include "standard/embedded.hpp"
#include "xml/standard_reader.hpp"

namespace ahaki {

std::string_view verdict_code(Verdict v) {
    switch (v) {
        case Verdict::compliant: return "compliant";
        case Verdict::non_compliant: return "non-compliant";
        case Verdict::needs_review: return "needs-review";
        case Verdict::partially_checked: return "partially-checked";
        case Verdict::invalid: return "invalid";
    }
    return "invalid";
}

Text verdict_text(Verdict v) {
    switch (v) {
        case Verdict::compliant: return {"適合", "compliant"};
        case Verdict::non_compliant: return {"不適合", "non-compliant"};
        case Verdict::needs_review: return {"要確認", "needs review"};
        case Verdict::partially_checked: return {"一部未確認（確認した範囲では適合）", "partially checked (compliant as far as checked)"};
        case Verdict::invalid: return {"確認できません（入力エラー）", "could not be checked (invalid input)"};
    }
    return {"", ""};
}

std::array<std::size_t, 4> FileReport::counts() const {
    std::array<std::size_t, 4> c{};
    for (const auto& o : outcomes)
        for (const auto& f : o.findings)
            if (!f.waiver_reason) ++c[static_cast<std::size_t>(f.severity)];
    return c;
}

std::array<std::size_t, 4> FileReport::status_counts() const {
    std::array<std::size_t, 4> c{};
    for (const auto& o : outcomes) ++c[static_cast<std::size_t>(o.status)];
    return c;
}

Verdict FileReport::verdict() const {
    if (!errors.empty()) return Verdict::invalid;
    auto c = counts();
    if (c[0] > 0) return Verdict::non_compliant;
    if (c[1] > 0 || c[2] > 0) return Verdict::needs_review;
    for (const auto& o : outcomes)
        if (o.status == Status::not_checked) return Verdict::partially_checked;
    return Verdict::compliant;
}

StandardsLoad load_standards(const std::vector<std::string>& files) {
    StandardsLoad out;
    auto add = [&](StandardLoad&& l) {
        for (auto& e : l.errors) out.errors.push_back(std::move(e));
        if (l.standard) out.set.editions.push_back(std::move(*l.standard));
    };
    if (files.empty()) {
        for (const auto& f : embedded_standard_files()) {
            auto l = read_standard("embedded:" + std::string(f.name), std::string(f.data, f.size));
            if (l.standard) l.standard->origin = "embedded";
            add(std::move(l));
        }
    } else {
        for (const auto& f : files) add(read_standard_file(f));
    }
    std::sort(out.set.editions.begin(), out.set.editions.end(),
              [](const Standard& a, const Standard& b) { return a.applies_from < b.applies_from; });
    for (std::size_t i = 1; i < out.set.editions.size(); ++i)
        if (out.set.editions[i].applies_from == out.set.editions[i - 1].applies_from)
            out.errors.push_back(Diagnostic{out.set.editions[i].origin, Loc{},
                                            Text{"適用開始日が同じ基準が2つあります: " + out.set.editions[i].applies_from.str(),
                                                 "two standards apply from the same date: " + out.set.editions[i].applies_from.str()},
                                            {}});
    return out;
}

namespace {

CourseSummary summarise(const Course& c, FacilityType type, const Standard& st) {
    CourseSummary s;
    s.id = c.id;
    s.schedule = c.schedule;
    s.years = c.years;
    s.standard_id = st.id;
    s.loc = c.loc;
    s.subject_count = c.subjects.size();
    for (std::size_t i = 0; i < area_count; ++i) {
        s.areas[i].area = static_cast<Area>(i);
        s.areas[i].min_units = st.get({"area-min-units", type, static_cast<Area>(i)}).value;
    }
    for (const auto& sub : c.subjects) {
        auto& row = s.areas[static_cast<std::size_t>(sub.area)];
        row.units += sub.units;
        row.hours += sub.hours;
        s.total_units += sub.units;
        s.total_hours += sub.hours;
    }
    s.min_total_units = st.get({"total-min-units", type}).value;
    s.min_total_hours = st.get({"total-min-hours", type}).value;
    return s;
}

}  // namespace

FileReport check_school(const std::string& path, const School& school, const StandardSet& standards,
                        const CheckOptions& options, std::vector<Diagnostic>* errors) {
    FileReport report;
    report.path = path;
    // Shown in every report of the file: a huge name is not repeated whole.
    report.school_name = school.name.size() > escape::max_shown ? escape::capped(school.name, escape::max_shown) : school.name;
    report.type = school.type;
    RuleContext ctx{school, {}, nullptr, options};
    for (const auto& c : school.courses) {
        const Standard* st = standards.select(c.intake);
        if (!st) {
            Loc loc = c.loc;
            loc.path += "/@intake";
            report.errors.push_back(Diagnostic{
                path, loc,
                Text{"入学時期 " + c.intake->str() + " に適用できる基準がありません（最も古い基準は " +
                         standards.editions.front().applies_from.str() + " から）",
                     "no edition of the standard applies to the intake " + c.intake->str() + " (the earliest applies from " +
                         standards.editions.front().applies_from.str() + ")"},
                Text{"基準の適用開始日以後の入学時期、またはその時期の基準ファイル（--standard）",
                     "an intake on or after the earliest standard, or a standard file for that intake (--standard)"}});
            continue;
        }
        ctx.course_standards.push_back(st);
        if (!ctx.standard || st->applies_from > ctx.standard->applies_from) ctx.standard = st;
        report.courses.push_back(summarise(c, school.type, *st));
    }
    if (!report.errors.empty()) {
        if (errors) *errors = report.errors;
        report.courses.clear();
        return report;
    }
    report.standard_id = ctx.standard ? ctx.standard->id : std::string();
    report.outcomes.reserve(320);  // a typical file has ≈ 300 requirements: no regrowth while the rules run
    for (const auto& rule : all_rules()) {
        Emitter em(rule, options, report.outcomes);
        rule.check(ctx, em);
    }
    report.cross_keys = cross_keys_of(school);
    report.plan = make_plan(school, standards, report.outcomes);
    return report;
}

FileReport check_source(const SourceText& source, const StandardSet& standards, const RunOptions& options) {
    return kind_of(source).check(source, standards, options);
}

FileReport check_school_source(const SourceText& source, const StandardSet& standards, const RunOptions& options) {
    LoadResult loaded = load_school(source, options.load);
    if (!loaded.school) {
        FileReport r;
        r.path = source.path();
        r.encoding = source.encoding();
        r.errors = std::move(loaded.errors);
        return r;
    }
    FileReport r = check_school(source.path(), *loaded.school, standards, options.check);
    r.encoding = source.encoding();
    // The same file given twice is recognised by its content (engine/cross.hpp).
    if (r.errors.empty()) r.cross_keys.push_back(file_key(source.text()));
    if (options.keep_models) r.school = std::make_shared<const School>(std::move(*loaded.school));
    return r;
}

FileReport check_file(const std::string& path, const StandardSet& standards, const RunOptions& options) {
    if (is_sheet_path(path)) return check_sheet_file(path, standards, options);  // engine/sheet_input.hpp
    ReadResult read = read_source(path, options.load.limits);
    if (read.error) {
        FileReport r;
        r.path = path;
        r.errors.push_back(std::move(*read.error));
        return r;
    }
    return check_source(*read.source, standards, options);
}

namespace {

const Text expected_xml_file{"学校の記述（*.xml）の読めるファイル", "a readable school description file (*.xml)"};

/// Walks a directory for *.xml files. Directories are followed, symlinked ones
/// too, except a link back to a directory being walked (a loop). Every *.xml
/// entry that is not a readable regular file (a dangling link, a loop of links,
/// a FIFO, a device, a socket, an unreadable entry) and every directory that
/// cannot be read is reported: nothing is skipped silently.
struct Walker {
    std::vector<std::string>& found;
    std::vector<Diagnostic>& errors;
    std::vector<std::pair<dev_t, ino_t>> ancestors;

    void error(const std::string& path, Text message, Text expected = expected_xml_file) {
        errors.push_back(Diagnostic{path, Loc{}, std::move(message), std::move(expected)});
    }

    void walk(const std::filesystem::path& dir, const struct stat& st) {
        namespace fs = std::filesystem;
        for (const auto& a : ancestors)
            if (a.first == st.st_dev && a.second == st.st_ino) {
                error(dir.string(), Text{"上位のディレクトリへのシンボリックリンクです（循環するためたどりません）",
                                         "a symbolic link to a directory above it (a loop; not followed)"},
                      Text{"循環しないディレクトリ", "a directory tree without loops"});
                return;
            }
        if (ancestors.size() >= 256) {
            error(dir.string(), Text{"ディレクトリが深すぎます（256 階層まで）", "directories nested too deep (at most 256 levels)"},
                  Text{"256 階層までのディレクトリ", "at most 256 levels of directories"});
            return;
        }
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        std::vector<fs::path> entries;
        for (; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
        if (ec) {
            error(dir.string(), Text{"ディレクトリを読めません: " + system_error_text(ec.value()).ja, "cannot read the directory: " + system_error_text(ec.value()).en},
                  Text{"読めるディレクトリ", "a readable directory"});
            return;
        }
        std::sort(entries.begin(), entries.end());
        ancestors.emplace_back(st.st_dev, st.st_ino);
        for (const auto& e : entries) entry(e);
        ancestors.pop_back();
    }

    void entry(const std::filesystem::path& e) {
        const std::string path = e.string();
        // Hidden folders (.git, .cache…) and files (editors' backups, temporary outputs) are not submissions.
        if (e.filename().string().starts_with(".")) return;
        const bool xml = e.extension() == ".xml";
        struct stat lst {}, st {};
        if (::lstat(path.c_str(), &lst) != 0) {
            if (xml) error(path, Text{std::string("読めません: ") + system_error_text(errno).ja, std::string("cannot read: ") + system_error_text(errno).en});
            return;
        }
        const bool link = S_ISLNK(lst.st_mode);
        if (::stat(path.c_str(), &st) != 0) {
            const int e2 = errno;
            if (!xml) return;  // a dangling link named anything else is not ours
            if (link && e2 == ENOENT)
                error(path, Text{"リンク先がないシンボリックリンクです", "a symbolic link whose target does not exist"});
            else if (e2 == ELOOP)
                error(path, Text{"シンボリックリンクが循環しています", "a loop of symbolic links"});
            else
                error(path, Text{std::string("読めません: ") + system_error_text(e2).ja, std::string("cannot read: ") + system_error_text(e2).en});
            return;
        }
        if (S_ISDIR(st.st_mode)) {
            walk(e, st);
            return;
        }
        if (!xml) return;
        if (S_ISREG(st.st_mode)) found.push_back(path);
        else if (S_ISFIFO(st.st_mode))
            error(path, Text{"FIFO です（ディレクトリの中の FIFO は読みません）", "a FIFO (FIFOs found in a directory are not read)"});
        else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            error(path, Text{"デバイスです（ディレクトリの中のデバイスは読みません）", "a device (devices found in a directory are not read)"});
        else
            error(path, Text{"通常のファイルではありません（ソケットなど）", "not a regular file (a socket?)"});
    }
};

}  // namespace

Expanded expand_paths(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    Expanded out;
    std::set<std::pair<dev_t, ino_t>> seen;  // each file is checked once, however it is named
    std::set<std::string> seen_missing;
    auto add = [&](const std::string& path) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {  // reported when it is read
            if (!seen_missing.insert(path).second) return;
        } else {
            if (!seen.emplace(st.st_dev, st.st_ino).second) return;
        }
        out.files.push_back(path);
    };
    for (const auto& p : paths) {
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            std::vector<std::string> found;
            std::size_t errors_before = out.errors.size();
            Walker w{found, out.errors, {}};
            w.walk(p, st);
            std::sort(found.begin(), found.end());
            std::sort(out.errors.begin() + static_cast<std::ptrdiff_t>(errors_before), out.errors.end(),
                      [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
            std::size_t skipped = 0;
            // Not ours (a JUnit report written here by the last run, another tool's XML): skipped, with a notice.
            std::erase_if(found, [&](const std::string& file) {
                RootPeek r = peek_root(file);
                if (r.kind != RootPeek::Kind::foreign) return false;
                std::string kinds_ja, kinds_en;
                for (const auto& k : document_roots()) {
                    kinds_ja += (kinds_ja.empty() ? "" : "、") + std::string("<") + std::string(k.name) + ">（" + k.what.ja + "）";
                    kinds_en += (kinds_en.empty() ? "" : ", ") + std::string("<") + std::string(k.name) + "> (" + k.what.en + ")";
                }
                std::string root = "<" + r.name + ">" + (r.ns.empty() ? "" : " (" + r.ns + ")");
                out.notices.push_back(Diagnostic{file, Loc{}, Text{"確認しませんでした: ルート要素が " + root + " で、ahaki-check の文書ではありません",
                                                                   "skipped: the root element is " + root + ", not an ahaki-check document"},
                                                 Text{kinds_ja, kinds_en}});
                ++skipped;
                return true;
            });
            if (found.empty() && out.errors.size() == errors_before && skipped > 0)
                out.errors.push_back(Diagnostic{p, Loc{}, Text{"ディレクトリに ahaki-check の文書がありません（.xml " + std::to_string(skipped) + " 件はほかの形式）",
                                                               "the directory contains no ahaki-check document (" + std::to_string(skipped) + " .xml file(s) of other kinds)"},
                                                Text{"学校の記述（*.xml）を含むディレクトリ", "a directory with school descriptions (*.xml)"}});
            else if (found.empty() && out.errors.size() == errors_before)
                out.errors.push_back(Diagnostic{p, Loc{}, Text{"ディレクトリに .xml ファイルがありません", "the directory contains no .xml file"},
                                                Text{"学校の記述（*.xml）を含むディレクトリ", "a directory with school descriptions (*.xml)"}});
            for (const auto& f : found) add(f);
        } else {
            add(p);  // missing or unreadable files are reported when read
        }
    }
    return out;
}

std::function<FileReport(std::size_t)> checker(const std::vector<std::string>& files, const StandardSet& standards,
                                              const RunOptions& options) {
    auto done = std::make_shared<std::atomic<std::size_t>>(0);
    return [&files, &standards, &options, done](std::size_t i) {
        FileReport r = check_file(files[i], standards, options);
        if (options.progress) options.progress(done->fetch_add(1) + 1, files.size());
        return r;
    };
}

std::vector<FileReport> check_files(const std::vector<std::string>& files, const StandardSet& standards,
                                    const RunOptions& options) {
    std::vector<FileReport> reports(files.size());
    const unsigned jobs = job_count(options.jobs, files.size());
    std::atomic<std::size_t> next{0}, done{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            reports[i] = check_file(files[i], standards, options);
            std::size_t d = done.fetch_add(1) + 1;
            if (options.progress) options.progress(d, files.size());
        }
    };
    if (jobs <= 1) {
        work();
    } else {
        std::vector<std::jthread> threads;
        for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
    }
    return reports;
}

void check_files_each(const std::vector<std::string>& files, const StandardSet& standards, const RunOptions& options,
                      const ReportSink& sink) {
    map_in_order<FileReport>(files.size(), options.jobs, checker(files, standards, options), sink);
}

}  // namespace ahaki
