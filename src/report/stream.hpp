#pragma once
// Writing a report while the run is going, file by file, so a run over many
// files does not keep every FileReport (check_files_each). Only some formats can
// (text, json); the others take the whole RunReport (formats.hpp). The bytes are
// the same either way.
#include <array>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "report/formats.hpp"
#include "report/json_parts.hpp"
#include "report/report.hpp"

namespace ahaki {

/// Where the bytes go: returns false when they could not be written.
using ByteSink = std::function<bool(std::string_view)>;

/// One file's part of a streamed report, rendered (on any thread) but not yet
/// written, and what it adds to the run's totals.
struct Fragment {
    std::string bytes;
    std::string second, third;  ///< further parts some formats keep apart (GitHub: findings after every load error)
    std::array<std::size_t, 4> counts{};  ///< a format's own per-file counters (JUnit: tests, failures, errors, skipped)
    std::string label;  ///< a format's own short per-file text (HTML: the school's name for the title, the page's file name)
    json_parts::Totals totals;  ///< of this one file
};

/// Per file, the work is split so that the expensive part can run on the worker
/// threads: render() is pure (safe to call from several threads at once, for any
/// file, in any order), append() is cheap and gets the files in input order, one
/// call at a time.
class StreamWriter {
public:
    virtual ~StreamWriter() = default;
    /// `run` has everything but the files (run errors, standards, complete).
    virtual bool begin(const RunReport& run) = 0;
    virtual Fragment render(const FileReport& f) const = 0;
    virtual bool append(Fragment&& fragment) = 0;
    bool file(const FileReport& f) { return append(render(f)); }
    virtual bool end(const RunReport& run) = 0;
};

/// Where the pages of `--format html=DIR/` go: each page is opened by its file
/// name, written in pieces and closed (committed); false when it could not be.
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual bool open(const std::string& name) = 0;
    virtual bool write(std::string_view bytes) = 0;
    virtual bool close() = 0;
};

/// The HTML report (one file) written while the run goes: the same bytes as write_html (report.hpp).
std::unique_ptr<StreamWriter> make_html_stream(const HtmlOptions& options, ByteSink sink);
/// `--format html=DIR/` written while the run goes: the pages of write_html_pages. Each file's page is
/// rendered as soon as the file is checked and spooled to an unnamed temporary file; at end() (after the
/// run, when the index can be made) every page and then index.html go to `pages`, so a run that fails
/// before its end replaces no page.
std::unique_ptr<StreamWriter> make_html_pages_stream(const HtmlOptions& options, PageSink& pages);

/// The name of file `index`'s page in `--format html=DIR/` ("001-hari-kyu.html"), from its path.
std::string html_page_name(const std::string& path, std::size_t index);

/// A streaming writer for the format, or nullptr when it has none.
std::unique_ptr<StreamWriter> make_stream_writer(std::string_view format, const WriteContext& context, ByteSink sink);

}  // namespace ahaki
