#include "engine/sheet_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "model/system_error.hpp"
#include "xml/loader.hpp"
#include "xml/source.hpp"

namespace ahaki {
namespace {

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

FileReport failed(const std::string& path, Diagnostic d) {
    FileReport r;
    r.path = path;
    r.errors.push_back(std::move(d));
    return r;
}

/// The file's bytes, at most `limit`; an error is located at the file.
std::optional<std::string> read_bytes(const std::string& path, std::size_t limit, Diagnostic& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        int e = errno;
        error = Diagnostic{path, Loc{}, {e == ENOENT ? "ファイルが見つかりません" : std::string("ファイルを読めません: ") + system_error_text(e).ja,
                                         e == ENOENT ? "file not found" : std::string("cannot read the file: ") + system_error_text(e).en},
                           {}};
        return std::nullopt;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        error = Diagnostic{path, Loc{}, {"通常のファイルではありません", "not a regular file"}, {"表計算のファイル（.xlsx / .csv）", "a spreadsheet file (.xlsx / .csv)"}};
        return std::nullopt;
    }
    std::string bytes;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            ::close(fd);
            error = Diagnostic{path, Loc{}, {std::string("ファイルを読めません: ") + system_error_text(e).ja, std::string("cannot read the file: ") + system_error_text(e).en}, {}};
            return std::nullopt;
        }
        if (n == 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
        if (bytes.size() > limit) {
            ::close(fd);
            error = Diagnostic{path, Loc{}, {"ファイルが大きすぎます（上限 " + std::to_string(limit) + " バイト）", "the file is too large (limit " + std::to_string(limit) + " bytes)"},
                               {"--max-file-size 以下のファイル", "a file within --max-file-size"}};
            return std::nullopt;
        }
    }
    ::close(fd);
    return bytes;
}

}  // namespace

Loc sheet_location(const import::ImportResult& imp, const Loc& l, std::string_view scope) {
    if (!l.known()) return l;
    for (const auto& o : imp.origins) {
        if (o.xml_line != l.line) continue;
        auto ends = [&](std::string_view suffix) { return l.path.size() >= suffix.size() && l.path.ends_with(suffix); };
        for (const auto& [attr, at] : o.attrs)
            if (ends("/@" + attr)) {
                Loc out = at;
                out.path = l.path;
                return out;
            }
        Loc out = ends("/@area") ? o.area : ends("/@method") ? o.method : ends("/@units") ? o.units : ends("/@hours") ? o.hours
                : ends("/@year") && o.year.known() ? o.year : o.row;
        out.path = l.path;
        return out;
    }
    // The course or school: the area's first subject row when the finding is about an area, else the header row.
    auto p = scope.find("area=");
    if (p != std::string_view::npos) {
        std::string_view code = scope.substr(p + 5);
        code = code.substr(0, code.find(' '));
        for (const auto& o : imp.origins)
            if (o.area_code == code) {
                Loc out = o.area;
                out.path = l.path;
                return out;
            }
    }
    Loc out = imp.header;
    out.path = l.path;
    return out;
}

bool is_sheet_path(const std::string& path) {
    std::string ext = lower(std::filesystem::path(path).extension().string());
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".csv";
}

FileReport check_sheet_file(const std::string& path, const StandardSet& standards, const RunOptions& options) {
    if (!options.sheet_type_given)
        return failed(path, Diagnostic{path, Loc{}, {"表（.xlsx / .csv）を確認するには --type で養成施設の種類を指定してください",
                                                     "checking a sheet (.xlsx / .csv) needs the facility type: give --type"},
                                       {"--type はりきゅう、--type hari-kyu など", "--type hari-kyu, --type はり師きゅう師養成施設 …"}});
    Diagnostic error;
    auto bytes = read_bytes(path, options.load.limits.max_file_bytes, error);
    if (!bytes) return failed(path, std::move(error));
    import::CsvOptions opt = options.sheet;
    if (opt.name.empty()) opt.name = std::filesystem::path(path).stem().string();
    opt.origin_name = std::filesystem::path(path).filename().string();
    auto imp = import::import_sheet(path, *bytes, opt);
    if (!imp.errors.empty()) {
        FileReport r;
        r.path = path;
        r.encoding = imp.encoding;
        r.errors = std::move(imp.errors);
        r.notices = std::move(imp.notices);
        return r;
    }
    FileReport r = check_source(SourceText(path, imp.xml, "UTF-8"), standards, options);
    r.encoding = imp.encoding == "xlsx" ? "xlsx" : imp.encoding;
    for (auto& d : r.errors) d.loc = sheet_location(imp, d.loc);
    for (auto& o : r.outcomes) {
        o.loc = sheet_location(imp, o.loc, o.scope);
        for (auto& f : o.findings) f.loc = sheet_location(imp, f.loc, o.scope);
    }
    for (auto& c : r.courses) c.loc = sheet_location(imp, c.loc);
    for (auto& k : r.cross_keys) k.loc = sheet_location(imp, k.loc);
    r.notices = std::move(imp.notices);
    return r;
}

}  // namespace ahaki
