#include "report/stream.hpp"

#include <array>
#include <atomic>
#include <cstdio>

#include "report/escape.hpp"
#include "report/github.hpp"
#include "report/json_parts.hpp"
#include "report/writers.hpp"
#include "report/text_parts.hpp"

namespace ahaki {
namespace {

/// A fragment written by `write`. Its string is reserved at a little more than the
/// previous fragment's size: a 100 kB report grown by doubling would be copied
/// about twice over. `hint` is shared by the rendering threads; any recent size will do.
template <class Write>
Fragment rendered(const FileReport& f, std::atomic<std::size_t>& hint, Write&& write) {
    Fragment out;
    out.totals.add(f);
    std::size_t h = hint.load(std::memory_order_relaxed);
    out.bytes.reserve(h + h / 4);
    write(out.bytes);
    hint.store(out.bytes.size(), std::memory_order_relaxed);
    return out;
}

class TextStream final : public StreamWriter {
public:
    TextStream(const WriteContext& c, ByteSink sink) : opt_{c.lang, c.color, true}, sink_(std::move(sink)) {}
    bool begin(const RunReport& run) override {
        // With waivers, the notices (expired, unmatched) come first but are known
        // only at the end: the files are spooled and written after them.
        if (run.waivers) {
            spool_ = std::tmpfile();
            return spool_ != nullptr;
        }
        buf_.clear();
        text_parts::run_errors(buf_, run, opt_);
        return buf_.empty() || sink_(buf_);
    }
    ~TextStream() override {
        if (spool_) std::fclose(spool_);
    }
    Fragment render(const FileReport& f) const override {
        return rendered(f, size_hint_, [&](std::string& out) { text_parts::file(out, f, opt_); });
    }
    bool append(Fragment&& fragment) override {
        totals_.add(fragment.totals);
        if (spool_) return std::fwrite(fragment.bytes.data(), 1, fragment.bytes.size(), spool_) == fragment.bytes.size();
        return sink_(fragment.bytes);
    }
    bool end(const RunReport& run) override {
        buf_.clear();
        if (spool_) {
            if (std::fflush(spool_) != 0) return false;
            text_parts::run_errors(buf_, run, opt_);
            if (!buf_.empty() && !sink_(buf_)) return false;
            std::rewind(spool_);
            buf_.resize(1 << 16);
            for (std::size_t got; (got = std::fread(buf_.data(), 1, buf_.size(), spool_)) > 0;)
                if (!sink_(std::string_view(buf_.data(), got))) return false;
            if (std::ferror(spool_)) return false;
            buf_.clear();
            text_parts::waivers_line(buf_, run, totals_.waived, opt_);
        }
        text_parts::totals(buf_, totals_.files, totals_.verdicts, !run.run_errors.empty(), opt_);
        return buf_.empty() || sink_(buf_);
    }

private:
    TextOptions opt_;
    ByteSink sink_;
    std::FILE* spool_ = nullptr;
    std::string buf_;
    json_parts::Totals totals_;
    mutable std::atomic<std::size_t> size_hint_{0};
};

/// The summary comes before the files in the JSON report, so the files are
/// spooled to an unnamed temporary file and copied after the summary at the end.
class JsonStream final : public StreamWriter {
public:
    JsonStream(const WriteContext& c, ByteSink sink) : lang_(c.lang), sink_(std::move(sink)) {}
    ~JsonStream() override {
        if (spool_) std::fclose(spool_);
    }
    bool begin(const RunReport&) override {
        spool_ = std::tmpfile();
        return spool_ != nullptr;
    }
    Fragment render(const FileReport& f) const override {
        return rendered(f, size_hint_, [&](std::string& out) {
            json_parts::file(out, f, lang_);
            escape::repair_utf8(out, true);
        });
    }
    bool append(Fragment&& fragment) override {
        if (!spool_) return false;
        // Files are separated by commas: only the order of appending knows which one is first.
        if (totals_.files > 0 && std::fputc(',', spool_) == EOF) return false;
        totals_.add(fragment.totals);
        return std::fwrite(fragment.bytes.data(), 1, fragment.bytes.size(), spool_) == fragment.bytes.size();
    }
    bool end(const RunReport& run) override {
        if (!spool_ || std::fflush(spool_) != 0) return false;
        buf_.clear();
        json_parts::header(buf_, run, lang_);
        json_parts::summary(buf_, totals_);
        buf_ += ",\"files\":[";
        escape::repair_utf8(buf_, true);
        if (!sink_(buf_)) return false;
        std::rewind(spool_);
        buf_.resize(1 << 16);
        for (std::size_t got; (got = std::fread(buf_.data(), 1, buf_.size(), spool_)) > 0;)
            if (!sink_(std::string_view(buf_.data(), got))) return false;
        if (std::ferror(spool_)) return false;
        return sink_("]}\n");
    }

private:
    Lang lang_;
    ByteSink sink_;
    std::FILE* spool_ = nullptr;
    std::string buf_;
    json_parts::Totals totals_;
    mutable std::atomic<std::size_t> size_hint_{0};
};

/// JUnit: the totals are attributes of the root element, so the file suites are
/// spooled to an unnamed temporary file and copied after the root at the end.
class JunitStream final : public StreamWriter {
public:
    JunitStream(const WriteContext& c, ByteSink sink) : context_(c), sink_(std::move(sink)) {}
    ~JunitStream() override {
        if (spool_) std::fclose(spool_);
    }
    bool begin(const RunReport&) override {
        spool_ = std::tmpfile();
        return spool_ != nullptr;
    }
    Fragment render(const FileReport& f) const override {
        Fragment out;
        out.bytes = junit_parts::file_suite(f, context_, out.counts);
        return out;
    }
    bool append(Fragment&& fragment) override {
        if (!spool_) return false;
        for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += fragment.counts[i];
        return std::fwrite(fragment.bytes.data(), 1, fragment.bytes.size(), spool_) == fragment.bytes.size();
    }
    bool end(const RunReport& run) override {
        if (!spool_ || std::fflush(spool_) != 0) return false;
        std::string tail = junit_parts::run_suites(run, context_, counts_);
        if (!sink_(junit_parts::head(counts_))) return false;
        std::rewind(spool_);
        std::string buf(1 << 16, '\0');
        for (std::size_t got; (got = std::fread(buf.data(), 1, buf.size(), spool_)) > 0;)
            if (!sink_(std::string_view(buf.data(), got))) return false;
        if (std::ferror(spool_)) return false;
        return sink_(tail + junit_parts::tail);
    }

private:
    WriteContext context_;
    ByteSink sink_;
    std::FILE* spool_ = nullptr;
    std::array<std::size_t, 4> counts_{};
};

}  // namespace

std::unique_ptr<StreamWriter> make_stream_writer(std::string_view format, const WriteContext& context, ByteSink sink) {
    if (format == "text") return std::make_unique<TextStream>(context, std::move(sink));
    if (format == "json") return std::make_unique<JsonStream>(context, std::move(sink));
    if (format == "html") return make_html_stream(HtmlOptions{context.lang, context.html_full}, std::move(sink));
    if (format == "sarif") return make_sarif_stream(context, std::move(sink));
    if (format == "junit") return std::make_unique<JunitStream>(context, std::move(sink));
    if (format == "github") return make_github_stream(context, std::move(sink), false);
    if (format == "github-summary") return make_github_stream(context, std::move(sink), true);
    return nullptr;
}

}  // namespace ahaki
