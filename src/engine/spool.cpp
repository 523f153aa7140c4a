#include "engine/spool.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <concepts>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>

#include "model/system_error.hpp"

namespace ahaki {
namespace {

// ---- The fields of each report type, listed once for writing and reading ----
//
// fields(io, x) hands every member of x to io, in order; io is a Writer (x
// const) or a Reader (x mutable). When a member is added to one of these types,
// add it here: the static_asserts below count the members and fail until then.

template <class T, class U>
concept Like = std::same_as<std::remove_const_t<T>, U>;

template <class Io> void fields(Io& io, Like<Text> auto& x) { io(x.ja, x.en); }
template <class Io> void fields(Io& io, Like<Loc> auto& x) { io(x.line, x.column, x.path, x.cell); }
template <class Io> void fields(Io& io, Like<Value> auto& x) { io(x.number, x.unit, x.text); }
template <class Io> void fields(Io& io, Like<Finding> auto& x) {
    io(x.rule_id, x.severity, x.loc, x.message, x.notes, x.measured, x.required, x.citation, x.waiver_reason, x.waiver_id);
}
template <class Io> void fields(Io& io, Like<Outcome> auto& x) {
    io(x.rule_id, x.scope, x.label, x.status, x.measured, x.required, x.loc, x.findings, x.basis, x.evidence);
}
template <class Io> void fields(Io& io, Like<Diagnostic> auto& x) { io(x.file, x.loc, x.message, x.expected); }
template <class Io> void fields(Io& io, Like<AreaRow> auto& x) { io(x.area, x.units, x.hours, x.min_units); }
template <class Io> void fields(Io& io, Like<CourseSummary> auto& x) {
    io(x.id, x.schedule, x.years, x.standard_id, x.areas, x.total_units, x.total_hours, x.min_total_units,
       x.min_total_hours, x.subject_count, x.loc);
}
template <class Io> void fields(Io& io, Like<CrossKey> auto& x) {
    io(x.kind, x.key, x.owner, x.label, x.loc, x.from, x.until, x.detail);
}
template <class Io> void fields(Io& io, Like<PlanStep> auto& x) {
    io(x.kind, x.course_id, x.subject_id, x.subject_name, x.area, x.method_from, x.method_to, x.units_from, x.units_to,
       x.hours_from, x.hours_to, x.hours_min, x.hours_max, x.rule_ids, x.why, x.loc);
}
template <class Io> void fields(Io& io, Like<KindSummary> auto& x) { io(x.kind, x.heading, x.text, x.json, x.html); }
// `school`, the model, is there only when the run keeps it (RunOptions::keep_models: the HTML report lays out
// each course's subjects). Only the parts the reports show are spooled (the fields of School, Course and
// Subject below, not every member: these three are not counted); a report read back has that much of it.
template <class Io> void fields(Io& io, Like<Subject> auto& x) { io(x.id, x.name, x.area, x.method, x.units, x.hours, x.year); }
template <class Io> void fields(Io& io, Like<Course> auto& x) { io(x.id, x.schedule, x.years, x.visually_impaired, x.subjects); }
template <class Io> void fields(Io& io, Like<School> auto& x) { io(x.name, x.type, x.courses); }
template <class Io> void fields(Io& io, Like<FileReport> auto& x) {
    io(x.path, x.encoding, x.errors, x.school_name, x.type, x.standard_id, x.outcomes, x.courses, x.cross_keys, x.plan,
       x.notices, x.summary, x.school);
}

/// Converts to anything: an aggregate's members are counted by brace-initialising
/// it with more and more of these. Only named in unevaluated operands, so the body
/// is never instantiated (it exists because clang warns of an undefined function
/// with internal linkage).
struct AnyField {
    template <class T>
    operator T() const { std::abort(); }
};
template <class T, class... A>
constexpr std::size_t member_count() {
    if constexpr (requires { T{A{}..., AnyField{}}; })
        return member_count<T, A..., AnyField>();
    else
        return sizeof...(A);
}
// A failure here means a member was added to (or removed from) the type: list it in fields() above.
static_assert(member_count<Text>() == 2);
static_assert(member_count<Loc>() == 4);
static_assert(member_count<Value>() == 3);
static_assert(member_count<Finding>() == 10);
static_assert(member_count<Outcome>() == 10);
static_assert(member_count<Diagnostic>() == 4);
static_assert(member_count<AreaRow>() == 4);
static_assert(member_count<CourseSummary>() == 11);
static_assert(member_count<CrossKey>() == 8);
static_assert(member_count<PlanStep>() == 16);
static_assert(member_count<KindSummary>() == 5);
static_assert(member_count<FileReport>() == 13);

// ---- Encoding: LEB128 varints (zigzag for signed), length-prefixed strings ----

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    template <class... A>
    void operator()(const A&... a) {
        (one(a), ...);
    }

private:
    void varint(std::uint64_t v) {
        for (; v >= 0x80; v >>= 7) out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
        out_.push_back(static_cast<char>(v));
    }
    void one(bool b) { out_.push_back(b ? 1 : 0); }
    template <std::unsigned_integral I>
    void one(I v) {
        varint(v);
    }
    template <std::signed_integral I>
    void one(I v) {
        const auto u = static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
        varint((u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));  // zigzag: small negatives stay short
    }
    template <class E>
        requires std::is_enum_v<E>
    void one(E e) {
        one(static_cast<std::underlying_type_t<E>>(e));
    }
    void one(Decimal d) { one(d.milli()); }
    void one(const std::string& s) {
        varint(s.size());
        out_.append(s);
    }
    template <class T>
    void one(const std::optional<T>& o) {
        one(o.has_value());
        if (o) one(*o);
    }
    template <class T>
    void one(const std::vector<T>& v) {
        varint(v.size());
        for (const auto& x : v) one(x);
    }
    template <class T, std::size_t N>
    void one(const std::array<T, N>& a) {
        for (const auto& x : a) one(x);
    }
    void one(const std::shared_ptr<const School>& s) {
        one(s != nullptr);
        if (s) one(*s);
    }
    template <class T>
        requires std::is_class_v<T>
    void one(const T& x) {
        fields(*this, x);
    }

    std::string& out_;
};

/// Reads what Writer wrote; any malformed or truncated input makes ok() false
/// (and every later value default) rather than reading out of bounds.
class Reader {
public:
    explicit Reader(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}
    template <class... A>
    void operator()(A&... a) {
        (one(a), ...);
    }
    bool ok() const { return ok_; }
    bool at_end() const { return p_ == end_; }

private:
    bool fail() { return ok_ = false; }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (unsigned shift = 0; ok_; shift += 7) {
            if (p_ == end_ || shift > 63) return fail();
            const auto b = static_cast<unsigned char>(*p_++);
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        return 0;
    }
    /// A count of items each at least one byte long: more than the bytes left is corrupt
    /// (and must not become a huge allocation).
    std::size_t count() {
        std::uint64_t n = varint();
        if (n > static_cast<std::uint64_t>(end_ - p_)) return fail();
        return static_cast<std::size_t>(n);
    }
    void one(bool& b) {
        if (p_ == end_ || static_cast<unsigned char>(*p_) > 1) return void(fail());
        b = *p_++ == 1;
    }
    template <std::unsigned_integral I>
    void one(I& v) {
        std::uint64_t u = varint();
        if (u > std::numeric_limits<I>::max()) return void(fail());
        v = static_cast<I>(u);
    }
    template <std::signed_integral I>
    void one(I& v) {
        std::uint64_t u = varint();
        auto s = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
        if (s < std::numeric_limits<I>::min() || s > std::numeric_limits<I>::max()) return void(fail());
        v = static_cast<I>(s);
    }
    template <class E>
        requires std::is_enum_v<E>
    void one(E& e) {
        std::underlying_type_t<E> u{};
        one(u);
        e = static_cast<E>(u);
    }
    void one(Decimal& d) {
        std::int64_t m = 0;
        one(m);
        d = Decimal::from_milli(m);
    }
    void one(std::string& s) {
        std::size_t n = count();
        s.assign(p_, ok_ ? n : 0);
        p_ += ok_ ? n : 0;
    }
    template <class T>
    void one(std::optional<T>& o) {
        bool present = false;
        one(present);
        if (present) one(o.emplace());
    }
    template <class T>
    void one(std::vector<T>& v) {
        v.resize(count());
        for (auto& x : v) one(x);
    }
    template <class T, std::size_t N>
    void one(std::array<T, N>& a) {
        for (auto& x : a) one(x);
    }
    void one(std::shared_ptr<const School>& s) {
        bool present = false;
        one(present);
        if (!present) return s.reset();
        auto model = std::make_shared<School>();
        one(*model);
        s = std::move(model);
    }
    template <class T>
        requires std::is_class_v<T>
    void one(T& x) {
        fields(*this, x);
    }

    const char* p_;
    const char* end_;
    bool ok_ = true;
};

Text spool_error(int err, const char* what_ja, const char* what_en) {
    const Text reason = err ? system_error_text(err) : Text{"ファイルが途中で終わっています", "unexpected end of file"};
    return Text{std::string("レポートの一時ファイルを") + what_ja + ": " + reason.ja,
                std::string("cannot ") + what_en + " the temporary file that holds the reports: " + reason.en};
}

}  // namespace

namespace spool {

void write(std::string& out, const FileReport& report) {
    Writer w(out);
    w(report);
}

std::optional<FileReport> read(std::string_view bytes) {
    FileReport report;
    Reader r(bytes);
    r(report);
    if (!r.ok() || !r.at_end()) return std::nullopt;
    return report;
}

}  // namespace spool

ReportSpool::ReportSpool() : ReportSpool(std::tmpfile()) {}

ReportSpool::ReportSpool(std::FILE* file) : file_(file) {
    if (!file_) fail(errno);
}

ReportSpool::~ReportSpool() {
    if (file_) std::fclose(file_);
}

bool ReportSpool::fail(int err) {
    if (error_.empty()) error_ = file_ ? spool_error(err, "書けません", "write") : spool_error(err, "作れません", "create");
    return false;
}

bool ReportSpool::append(std::string_view bytes) {
    if (!file_ || !error_.empty()) return false;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) return fail(errno);
    offsets_.push_back(offsets_.back() + bytes.size());
    return true;
}

bool ReportSpool::finish() {
    if (!file_ || !error_.empty()) return false;
    if (std::fflush(file_) != 0) return fail(errno);
    return true;
}

std::optional<FileReport> ReportSpool::read(std::size_t i, Text& why) const {
    const std::uint64_t from = offsets_.at(i), size = offsets_.at(i + 1) - from;
    std::string bytes(size, '\0');
    for (std::size_t got = 0; got < size;) {
        ssize_t n = ::pread(fileno(file_), bytes.data() + got, size - got, static_cast<off_t>(from + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            why = spool_error(n < 0 ? errno : 0, "読めません", "read");
            return std::nullopt;
        }
        got += static_cast<std::size_t>(n);
    }
    auto report = spool::read(bytes);
    if (!report) why = Text{"レポートの一時ファイルが壊れています", "the temporary file that holds the reports is damaged"};
    return report;
}

}  // namespace ahaki
