#include "engine/engine.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <system_error>
#include <thread>

#include "engine/kinds.hpp"
#include "engine/ordered.hpp"
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
    report.school_name = school.name;
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
    if (options.keep_models) r.school = std::make_shared<const School>(std::move(*loaded.school));
    return r;
}

FileReport check_file(const std::string& path, const StandardSet& standards, const RunOptions& options) {
    ReadResult read = read_source(path, options.load.limits);
    if (read.error) {
        FileReport r;
        r.path = path;
        r.errors.push_back(std::move(*read.error));
        return r;
    }
    return check_source(*read.source, standards, options);
}

Expanded expand_paths(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    Expanded out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (!it->is_regular_file(ec)) continue;
                if (it->path().extension() == ".xml") found.push_back(it->path().string());
            }
            if (ec)
                out.errors.push_back(Diagnostic{p, Loc{}, Text{"ディレクトリを読めません: " + ec.message(), "cannot read the directory: " + ec.message()}, {}});
            std::sort(found.begin(), found.end());
            if (found.empty() && !ec)
                out.errors.push_back(Diagnostic{p, Loc{}, Text{"ディレクトリに .xml ファイルがありません", "the directory contains no .xml file"},
                                                Text{"学校の記述（*.xml）を含むディレクトリ", "a directory with school descriptions (*.xml)"}});
            out.files.insert(out.files.end(), found.begin(), found.end());
        } else {
            out.files.push_back(p);  // missing or unreadable files are reported when read
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
