#include "report/stream.hpp"

#include <array>
#include <cstdio>

#include "report/json_parts.hpp"
#include "report/text_parts.hpp"

namespace ahaki {
namespace {

class TextStream final : public StreamWriter {
public:
    TextStream(const WriteContext& c, ByteSink sink) : opt_{c.lang, c.color, true}, sink_(std::move(sink)) {}
    bool begin(const RunReport& run) override {
        buf_.clear();
        text_parts::run_errors(buf_, run, opt_);
        return buf_.empty() || sink_(buf_);
    }
    bool file(const FileReport& f) override {
        ++files_;
        ++verdicts_[static_cast<std::size_t>(f.verdict())];
        buf_.clear();
        text_parts::file(buf_, f, opt_);
        return sink_(buf_);
    }
    bool end(const RunReport& run) override {
        buf_.clear();
        text_parts::totals(buf_, files_, verdicts_, !run.run_errors.empty(), opt_);
        return buf_.empty() || sink_(buf_);
    }

private:
    TextOptions opt_;
    ByteSink sink_;
    std::string buf_;
    std::size_t files_ = 0;
    std::array<std::size_t, 5> verdicts_{};
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
    bool file(const FileReport& f) override {
        if (!spool_) return false;
        totals_.add(f);
        buf_.clear();
        if (totals_.files > 1) buf_ += ',';
        json_parts::file(buf_, f, lang_);
        return std::fwrite(buf_.data(), 1, buf_.size(), spool_) == buf_.size();
    }
    bool end(const RunReport& run) override {
        if (!spool_ || std::fflush(spool_) != 0) return false;
        buf_.clear();
        json_parts::header(buf_, run, lang_);
        json_parts::summary(buf_, totals_);
        buf_ += ",\"files\":[";
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
};

}  // namespace

std::unique_ptr<StreamWriter> make_stream_writer(std::string_view format, const WriteContext& context, ByteSink sink) {
    if (format == "text") return std::make_unique<TextStream>(context, std::move(sink));
    if (format == "json") return std::make_unique<JsonStream>(context, std::move(sink));
    return nullptr;
}

}  // namespace ahaki
