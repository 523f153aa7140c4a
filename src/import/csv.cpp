#include "import/csv.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <span>

#include "import/names.hpp"
#include "import/sections.hpp"
#include "import/xlsx.hpp"
#include "import/xml_text.hpp"
#include "model/decimal.hpp"
#include "model/similar.hpp"
#include "model/wareki.hpp"
#include "xml/source.hpp"

namespace ahaki::import {
namespace {

// The same ceilings as the XML loader (schemas/school.xsd Units/Hours/Year).
const Decimal max_units = Decimal::from_int(999);
const Decimal max_hours = Decimal::from_int(99999);
constexpr int max_year = 20;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t char_count(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

bool valid_utf8(std::string_view s, std::size_t& bad) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) { bad = i; return false; }
        for (std::size_t k = 1; k < n; ++k)
            if (!is_continuation(s[i + k])) { bad = i; return false; }
        if (n == 3) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) { bad = i; return false; }
        }
        if (n == 4) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) { bad = i; return false; }
        }
        i += n;
    }
    return true;
}

/// Line and column (in characters) just after the UTF-8 text `before`. Rows end
/// with CRLF, LF or a lone CR (old Mac exports), as parse_csv reads them.
std::pair<std::uint32_t, std::uint32_t> position_after(std::string_view before) {
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.size() || before[i + 1] != '\n'))) {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<std::uint32_t>(char_count(before.substr(line_start)) + 1)};
}

std::string hex_byte(unsigned char b) {
    const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

std::optional<std::string> cp932_to_utf8(std::string_view in_bytes, std::size_t& bad_offset, std::string& converted) {
    iconv_t cd = iconv_open("UTF-8", "CP932");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::string("iconv");
    std::string out(in_bytes.size() * 3 + 16, '\0');
    char* in = const_cast<char*>(in_bytes.data());
    std::size_t in_left = in_bytes.size();
    char* o = out.data();
    std::size_t o_left = out.size();
    std::optional<std::string> failure;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &o_left) == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {  // cannot happen with 3x room, but never loop on it
                failure = "E2BIG";
                break;
            }
            bad_offset = in_bytes.size() - in_left;
            failure = "EILSEQ";
            break;
        }
    }
    iconv_close(cd);
    out.resize(out.size() - o_left);
    converted = std::move(out);
    return failure;
}

Diagnostic diag(const std::string& file, std::uint32_t line, std::uint32_t column, Text message, Text expected, std::string path = {}) {
    return Diagnostic{file, Loc{line, column, std::move(path)}, std::move(message), std::move(expected)};
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Trims ASCII white space and the ideographic space U+3000 (common in Japanese cells).
std::string_view trim(std::string_view s) {
    auto ws_front = [&]() {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) return std::size_t{1};
        if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") return std::size_t{3};
        return std::size_t{0};
    };
    auto ws_back = [&]() {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) return std::size_t{1};
        if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return std::size_t{3};
        return std::size_t{0};
    };
    for (std::size_t n; (n = ws_front()) != 0;) s.remove_prefix(n);
    for (std::size_t n; (n = ws_back()) != 0;) s.remove_suffix(n);
    return s;
}


// ---- Numbers ------------------------------------------------------------

Text number_problem(std::string_view v) {
    if (v.empty()) return {"値が空です", "the value is empty"};
    if (v.find("\xEF\xBC") != std::string_view::npos) return {"全角数字は使えません（半角にしてください）", "full-width digits are not allowed (use ASCII digits)"};
    if (v.front() == '-') return {"負の数は使えません", "negative numbers are not allowed"};
    if (v.find(',') != std::string_view::npos)
        return {"コンマは使えません（桁区切りを外してください）", "commas are not allowed (remove the thousands separator)"};
    std::string l = lower_ascii(v);
    if (l.find('e') != std::string::npos && l.find_first_not_of("0123456789.e+-") == std::string::npos)
        return {"指数表記は使えません", "exponent notation is not allowed"};
    return {"数値ではありません（" + std::string(v) + "）", "not a number (" + std::string(v) + ")"};
}

std::optional<Decimal> parse_decimal(std::string_view v, Decimal max, Text& problem) {
    auto dot = v.find('.');
    std::string_view ip = v.substr(0, dot);
    std::string_view fp = dot == std::string_view::npos ? std::string_view{} : v.substr(dot + 1);
    auto digits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (ip.empty() || !digits(ip) || (dot != std::string_view::npos && (fp.empty() || !digits(fp)))) {
        problem = number_problem(v);
        return std::nullopt;
    }
    if (fp.size() > 3) {
        problem = {"小数は3桁までです", "at most 3 decimals are allowed"};
        return std::nullopt;
    }
    auto first = ip.find_first_not_of('0');
    std::string_view sig = first == std::string_view::npos ? std::string_view{} : ip.substr(first);
    std::int64_t whole = 0;
    if (sig.size() > 9) {
        problem = {"大きすぎます（上限 " + max.str() + "）", "too large (at most " + max.str() + ")"};
        return std::nullopt;
    }
    for (char c : sig) whole = whole * 10 + (c - '0');
    std::int64_t frac = 0;
    for (std::size_t i = 0; i < 3; ++i) frac = frac * 10 + (i < fp.size() ? fp[i] - '0' : 0);
    Decimal d = Decimal::from_milli(whole * Decimal::scale + frac);
    if (d > max) {
        problem = {"大きすぎます（上限 " + max.str() + "）", "too large (at most " + max.str() + ")"};
        return std::nullopt;
    }
    return d;
}



}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file, std::vector<Diagnostic>& errors) {
    std::vector<CsvRow> rows;
    std::uint32_t line = 1, column = 1;
    std::size_t i = 0;
    CsvRow row;
    row.line = 1;
    bool row_has_content = false;  // distinguishes "" (one empty field) from an empty line
    auto advance = [&](std::size_t n) {
        for (std::size_t k = 0; k < n; ++k, ++i) {
            char c = text[i];
            if (c == '\n') { ++line; column = 1; }
            else if (!is_continuation(c)) ++column;
        }
    };
    while (i <= text.size()) {
        CsvField field;
        field.line = line;
        field.column = column;
        if (i < text.size() && text[i] == '"') {
            row_has_content = true;
            std::uint32_t qline = line, qcol = column;
            advance(1);
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.text += '"';
                        advance(2);
                        continue;
                    }
                    advance(1);
                    closed = true;
                    break;
                }
                if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                    field.text += '\n';  // a CRLF inside a cell is one line break
                    advance(2);
                    continue;
                }
                field.text += text[i];
                advance(1);
            }
            if (!closed) {
                errors.push_back(diag(file, qline, qcol, {"引用符 \" が閉じられていません", "the quote \" is never closed"},
                                      {"\"…\" で囲んだ値（値の中の \" は \"\" と書く）", "a value closed by \" (a \" inside is written \"\")"}));
                return rows;
            }
            // Text after the closing quote, before the separator, is a malformed cell.
            std::size_t j = i;
            while (j < text.size() && text[j] != ',' && text[j] != '\n' && text[j] != '\r') ++j;
            if (j > i) {
                std::string_view extra = text.substr(i, j - i);
                if (!trim(extra).empty())
                    errors.push_back(diag(file, line, column,
                                          {"閉じ引用符の後に文字があります: " + std::string(extra),
                                           "text after the closing quote: " + std::string(extra)},
                                          {"区切りのコンマか行末", "a comma or the end of the line"}));
                advance(j - i);
            }
        } else {
            std::size_t j = i;
            while (j < text.size() && text[j] != ',' && text[j] != '\n' && text[j] != '\r') ++j;
            field.text.assign(text.substr(i, j - i));
            if (j > i) row_has_content = true;
            advance(j - i);
        }
        row.fields.push_back(std::move(field));
        if (i < text.size() && text[i] == ',') {
            row_has_content = true;
            advance(1);
            continue;
        }
        // End of a record: CRLF, LF, a lone CR, or the end of the text.
        if (row_has_content) rows.push_back(std::move(row));
        row = CsvRow{};
        row_has_content = false;
        if (i >= text.size()) break;
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') advance(2);
        else if (text[i] == '\r') { ++i; ++line; column = 1; }
        else advance(1);
        row.line = line;
    }
    return rows;
}

namespace {
Decoded decode_csv_text(const std::string& file, std::string_view bytes, CsvEncoding encoding) {
    Decoded out;
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        out.error = diag(file, 1, 1, {"UTF-16 の CSV は読めません", "UTF-16 CSV files are not supported"},
                         {"「CSV UTF-8（コンマ区切り）」か「CSV（コンマ区切り）」（CP932）で保存したファイル",
                          "a file saved as \"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\" (CP932)"});
        return out;
    }
    bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    std::size_t bad = 0;
    if (bom || encoding == CsvEncoding::utf8 || (encoding == CsvEncoding::automatic && valid_utf8(bytes, bad))) {
        std::string_view body = bom ? bytes.substr(3) : bytes;
        if (!valid_utf8(body, bad)) {
            auto [line, col] = position_after(body.substr(0, bad));
            out.error = diag(file, line, col,
                             {"UTF-8 として読めないバイト " + hex_byte(static_cast<unsigned char>(body[bad])) + " があります",
                              "byte " + hex_byte(static_cast<unsigned char>(body[bad])) + " is not valid UTF-8"},
                             {"UTF-8 の文字（CP932 のファイルなら --encoding cp932）", "UTF-8 text (for a CP932 file use --encoding cp932)"});
            return out;
        }
        // The imported text becomes XML: what `check` refuses is refused here, at its row.
        // (One more BOM right after the first is an exporter's habit, skipped with the header's.)
        std::uint32_t cp = 0;
        const std::size_t skip = body.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        if (std::size_t d = first_disallowed_char(body.substr(skip), cp) + skip; d < body.size()) {
            auto [line, col] = position_after(body.substr(0, d));
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
            out.error = cp == 0xFEFF
                            ? diag(file, line, col, {"行の途中にBOM（U+FEFF、見えない文字）があります", "a byte order mark (U+FEFF, an invisible character) inside the text"},
                                   {"BOMはファイルの先頭だけ", "a BOM only at the start of the file"})
                            : diag(file, line, col, {std::string("XMLで使えない非文字 ") + code + " があります",
                                                     std::string("the non-character ") + code + " is not allowed in XML"},
                                   {"XMLで使える文字", "characters XML allows"});
            return out;
        }
        out.text.assign(body);
        out.encoding = "UTF-8";
        return out;
    }
    std::string converted;
    std::size_t bad_offset = 0;
    if (auto failure = cp932_to_utf8(bytes, bad_offset, converted)) {
        if (*failure != "EILSEQ") {
            out.error = diag(file, 1, 1, {"この環境では CP932 を変換できません", "this system cannot convert from CP932"},
                             {"UTF-8 で保存したファイル", "a file saved as UTF-8"});
            return out;
        }
        // Neither encoding reads the whole file: the bad byte is where the one that
        // read further stopped (a UTF-8 file with one bad byte fails as CP932 at its
        // first Japanese character, rows before the real problem).
        if (encoding == CsvEncoding::automatic && bad > bad_offset) {
            auto [line, col] = position_after(bytes.substr(0, bad));
            out.error = diag(file, line, col,
                             {"UTF-8 としても CP932 としても読めないバイト " + hex_byte(static_cast<unsigned char>(bytes[bad])) + " があります",
                              "byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) + " is neither UTF-8 nor CP932"},
                             {"UTF-8 か CP932（Shift_JIS）で保存したファイル", "a file saved as UTF-8 or CP932 (Shift_JIS)"});
            return out;
        }
        auto [line, col] = position_after(converted);
        out.error = diag(file, line, col,
                         {"UTF-8 としても CP932 としても読めないバイト " + hex_byte(static_cast<unsigned char>(bytes[bad_offset])) + " があります",
                          "byte " + hex_byte(static_cast<unsigned char>(bytes[bad_offset])) + " is neither UTF-8 nor CP932"},
                         {"UTF-8 か CP932（Shift_JIS）で保存したファイル", "a file saved as UTF-8 or CP932 (Shift_JIS)"});
        return out;
    }
    out.text = std::move(converted);
    out.encoding = "CP932";
    return out;
}
}  // namespace

Decoded decode_csv(const std::string& file, std::string_view bytes, CsvEncoding encoding) {
    Decoded out = decode_csv_text(file, bytes, encoding);
    if (out.error) return out;
    // The imported text becomes XML, which cannot carry C0 control characters other than
    // TAB, LF and CR (check refuses them): refused here, at the row and column they are in.
    for (std::size_t i = 0; i < out.text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(out.text[i]);
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
        auto [line, col] = position_after(std::string_view(out.text).substr(0, i));
        out.error = diag(file, line, col, {"XMLで使えない制御文字 " + hex_byte(c) + " があります", "the control character " + hex_byte(c) + " cannot be written to XML"},
                         {"制御文字のないテキスト", "text without control characters"});
        out.text.clear();
        return out;
    }
    return out;
}

// ---- Sheets: the layout offices use ---------------------------------------

std::string csv_field(std::string_view text) {
    std::string v(text);
    if (formula_like(v)) v.insert(0, "'");
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

namespace {

enum class Col { group, area, subject, method, units, hours, year, covers, note };
constexpr std::size_t col_count = 9;

struct ColInfo {
    Col col;
    std::string_view ja;
    std::string_view en;
    std::initializer_list<std::string_view> names;  ///< normalised header names
};
const ColInfo col_table[] = {
    {Col::group, "分野", "field", {"分野", "区分", "field", "group"}},
    {Col::area, "教育内容", "area", {"教育内容", "area"}},
    {Col::subject, "科目名", "subject", {"科目名", "科目", "授業科目", "授業科目名", "subject", "name"}},
    {Col::method, "授業方法", "method", {"授業方法", "方法", "授業の方法", "授業形態", "形態", "method"}},
    {Col::units, "単位数", "units", {"単位数", "単位", "units", "unit"}},
    {Col::hours, "時間数", "hours", {"時間数", "時間", "授業時間数", "総時間数", "hours", "hour"}},
    {Col::year, "配当年次", "year", {"配当年次", "年次", "学年", "履修年次", "配当学年", "year"}},
    {Col::covers, "備考の内容", "covers", {"備考の内容", "含む内容", "必須の内容", "covers"}},
    {Col::note, "備考", "note", {"備考", "note", "notes"}},
};

std::optional<Col> header_col(std::string_view text) {
    std::string n = normalise_name(text);
    if (n.starts_with("\xEF\xBB\xBF")) n.erase(0, 3);
    for (const auto& c : col_table)
        for (auto name : c.names)
            if (n == name) return c.col;
    return std::nullopt;
}

/// Full-width digits, point and minus to ASCII; true when something changed.
bool ascii_digits(std::string& s) {
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < s.size();) {
        if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
            auto b = static_cast<unsigned char>(s[i + 2]);
            if (b >= 0x90 && b <= 0x99) { out += static_cast<char>('0' + (b - 0x90)); i += 3; changed = true; continue; }
            if (b == 0x8E) { out += '.'; i += 3; changed = true; continue; }
        }
        out += s[i++];
    }
    s = std::move(out);
    return changed;
}

std::string strip_suffix(std::string_view v, std::initializer_list<std::string_view> suffixes) {
    for (auto suf : suffixes)
        if (v.size() > suf.size() && v.ends_with(suf)) return std::string(trim(v.substr(0, v.size() - suf.size())));
    return std::string(v);
}

/// 1, 1年, 1年次, 1・2, 1～3年, 1-3: the first and last year; nullopt if not that.
std::optional<std::pair<int, int>> parse_years(std::string v) {
    v = strip_suffix(v, {"年次", "年"});
    {
        // Separators between years become spaces (built anew: no in-place replace).
        static constexpr std::string_view seps[] = {"年次", "年", "・", "～", "〜", "~", "－", "-", "、", ",", "，", "･", "/", "／"};
        std::string spaced;
        for (std::size_t i = 0; i < v.size();) {
            bool hit = false;
            for (auto sep : seps)
                if (std::string_view(v).substr(i, sep.size()) == sep) {
                    spaced += ' ';
                    i += sep.size();
                    hit = true;
                    break;
                }
            if (!hit) spaced += v[i++];
        }
        v = std::move(spaced);
    }
    int lo = 0, hi = 0, n = 0;
    std::size_t i = 0;
    while (i < v.size()) {
        if (v[i] == ' ') { ++i; continue; }
        int y = 0, digits = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9' && digits < 3) y = y * 10 + (v[i++] - '0'), ++digits;
        if (digits == 0 || (i < v.size() && v[i] != ' ')) return std::nullopt;
        lo = n == 0 ? y : std::min(lo, y);
        hi = n == 0 ? y : std::max(hi, y);
        ++n;
    }
    if (n == 0) return std::nullopt;
    return std::pair{lo, hi};
}

struct Parsed {
    std::string name, area, method, units, hours, covers, note, years_text;
    std::optional<int> year;
    Area area_value = Area::foundations;
    Decimal units_value, hours_value;
    std::optional<Group> group;
    SubjectOrigin origin;
};

/// A 小計/合計 row: what it prints and the subjects (indices into the rows read) it stands for.
struct SummaryRow {
    bool total = false;
    std::string label, scope, units, hours;
    std::vector<std::size_t> subjects;
    Loc row, units_loc, hours_loc;
};

class SheetReader {
public:
    SheetReader(const std::string& file, const Grid& g, const CsvOptions& opt, ImportResult& result)
        : file_(file), g_(g), opt_(opt), r_(result) {}

    /// The header row's index, or nullopt (no error pushed).
    std::optional<std::size_t> find_header() {
        for (std::size_t i = 0; i < g_.rows.size() && i < 30; ++i) {
            std::array<bool, col_count> seen{};
            for (const auto& c : g_.rows[i])
                if (auto col = header_col(c.text)) seen[static_cast<std::size_t>(*col)] = true;
            if (seen[static_cast<std::size_t>(Col::subject)] && seen[static_cast<std::size_t>(Col::units)] &&
                seen[static_cast<std::size_t>(Col::hours)])
                return i;
        }
        return std::nullopt;
    }

    void run() {
        auto h = find_header();
        if (!h) {
            push_error(at(1, 1), {"教育課程の見出し行が見つかりません（最初の30行に「科目名」「単位数」「時間数」の列がありません）",
                                  "no curriculum header row found (no row among the first 30 has the columns 科目名, 単位数 and 時間数)"},
                       {"見出しの行: 分野（任意）・教育内容・科目名・授業方法・単位数・時間数・配当年次（任意）・備考（任意）",
                        "a header row: 分野 (optional), 教育内容, 科目名, 授業方法, 単位数, 時間数, 配当年次 (optional), 備考 (optional)"});
            return;
        }
        header_ = *h;
        const auto& hr = g_.rows[header_];
        r_.header = hr.empty() ? at(g_.row_lines[header_], 1) : at(hr.front().line, hr.front().column);
        for (std::size_t k = 0; k < hr.size(); ++k) {
            std::string_view name = trim(hr[k].text);
            if (name.empty()) continue;
            auto col = header_col(name);
            if (!col) {
                r_.ignored_columns.emplace_back(name);
                continue;
            }
            auto& slot = index_[static_cast<std::size_t>(*col)];
            if (slot) {
                push_error(at(hr[k].line, hr[k].column), {"列「" + std::string(name) + "」が2回あります", "the column '" + std::string(name) + "' appears twice"},
                           {"各列は1回だけ", "each column once"});
                continue;
            }
            slot = k;
        }
        // A sheet with 分野 but no 教育内容 column writes the area under 分野 (the earlier import format).
        if (!index_[idx(Col::area)] && index_[idx(Col::group)]) std::swap(index_[idx(Col::area)], index_[idx(Col::group)]);
        for (Col c : {Col::area, Col::method}) {
            if (index_[idx(c)]) continue;
            const auto& ci = col_table[idx(c)];
            push_error(r_.header, {"見出し行に列「" + std::string(ci.ja) + "」がありません", "the header row has no '" + std::string(ci.ja) + "' (" + std::string(ci.en) + ") column"},
                       {"見出し「" + std::string(ci.ja) + "」の列", "a column headed " + std::string(ci.ja)});
        }
        if (!r_.errors.empty()) return;
        for (std::size_t i = header_ + 1; i < g_.rows.size() && r_.errors.size() < opt_.max_errors; ++i) row(i);
        notices();
        if (r_.errors.empty() && subjects_.empty())
            push_error(r_.header, {"科目の行がありません", "no subject rows"}, {"見出し行の下に1科目1行", "one row per subject below the header"});
    }

    std::vector<Parsed> subjects_;
    std::vector<SummaryRow> summaries_;

private:
    static std::size_t idx(Col c) { return static_cast<std::size_t>(c); }
    Loc at(std::uint32_t line, std::uint32_t column) const { return cell_loc(g_, line, column); }
    Loc at(const Cell& c) const { return at(c.line, c.column); }
    void push_error(Loc l, Text m, Text e = {}) { r_.errors.push_back(Diagnostic{file_, std::move(l), std::move(m), std::move(e)}); }
    void notice(Loc l, Text m) { r_.notices.push_back(Diagnostic{file_, std::move(l), std::move(m), {}}); }
    std::string where_row(std::uint32_t line) const {
        return g_.workbook ? g_.name + "!" + std::to_string(line) + "行" : std::to_string(line) + "行目";
    }
    std::string where_row_en(std::uint32_t line) const {
        return g_.workbook ? g_.name + "!row " + std::to_string(line) : "line " + std::to_string(line);
    }

    const Cell* cell(std::size_t row, Col c) const {
        auto k = index_[idx(c)];
        if (!k || *k >= g_.rows[row].size()) return nullptr;
        return &g_.rows[row][*k];
    }
    std::string text(std::size_t row, Col c) const {
        const Cell* x = cell(row, c);
        return x ? std::string(trim(x->text)) : std::string();
    }
    Loc loc_of(std::size_t row, Col c) const {
        if (const Cell* x = cell(row, c)) return at(*x);
        auto k = index_[idx(c)];
        return at(g_.row_lines[row], k ? static_cast<std::uint32_t>(*k + 1) : 1);
    }

    /// A number cell: full-width digits converted (noted once per column), 単位/時間 suffixes dropped.
    std::optional<Decimal> number(std::size_t row, Col c, Decimal max, bool required, std::string& out) {
        std::string v = text(row, c);
        const auto& ci = col_table[idx(c)];
        Text expected{"0以上" + max.str() + "以下の数（小数は「.」の後3桁まで）", "a number from 0 to " + max.str() + " (up to 3 decimals after '.')"};
        if (v.empty()) {
            if (required) push_error(loc_of(row, c), {std::string(ci.ja) + "が空です", "the " + std::string(ci.en) + " is empty"}, expected);
            return std::nullopt;
        }
        if (ascii_digits(v) && !wide_noted_[idx(c)]) {
            wide_noted_[idx(c)] = true;
            notice(loc_of(row, c), {"列「" + std::string(ci.ja) + "」の全角数字は半角として読みました（この列で最初: この行）",
                                    "full-width digits in the column " + std::string(ci.ja) + " were read as ASCII digits (first: this row)"});
        }
        v = strip_suffix(v, {"単位", "時間", "h"});
        Text problem;
        auto d = parse_decimal(v, max, problem);
        if (!d) {
            push_error(loc_of(row, c), {std::string(ci.ja) + "「" + v + "」: " + problem.ja, std::string(ci.en) + " '" + v + "': " + problem.en}, expected);
            return std::nullopt;
        }
        out = d->str();
        return d;
    }

    /// What the sheet prints in a label column: this row's own text, not a filled-down one.
    std::string own(std::size_t row, Col c) const {
        const Cell* x = cell(row, c);
        return x && !x->merged ? std::string(trim(x->text)) : std::string();
    }

    void row(std::size_t i) {
        const auto& cells = g_.rows[i];
        const std::uint32_t line = g_.row_lines[i];
        if (std::all_of(cells.begin(), cells.end(), [](const Cell& c) { return trim(c.text).empty(); })) return;
        // A header of two rows merged vertically: the second row repeats the header; nothing to read.
        {
            const auto& hr = g_.rows[header_];
            bool repeat = true;
            for (std::size_t k = 0; k < cells.size() && repeat; ++k)
                if (!trim(cells[k].text).empty()) repeat = cells[k].merged && k < hr.size() && cells[k].text == hr[k].text;
            if (repeat) return;
        }
        const std::size_t width = g_.rows[header_].size();
        if (!g_.workbook && cells.size() > width && !trim(cells[width].text).empty()) {
            push_error(at(cells[width]), {"列が多すぎます（" + std::to_string(cells.size()) + " 列、見出しは " + std::to_string(width) +
                                              " 列）。コンマを含む値は \"…\" で囲んでください",
                                          "too many fields (" + std::to_string(cells.size()) + ", the header has " + std::to_string(width) +
                                              "); quote values that contain a comma"},
                       {std::to_string(width) + " 列", std::to_string(width) + " fields"});
            return;
        }
        // Summary rows: 小計, 合計, 基礎分野計 … in any label column.
        for (Col c : {Col::subject, Col::area, Col::group}) {
            std::string label = own(i, c);
            if (label.empty()) continue;
            std::optional<Summary> kind = match_summary(label);
            std::optional<Area> scope_area;
            std::optional<Group> scope_group;
            if (!kind) {
                // "専門基礎分野 小計", "基礎分野計", "人体の構造と機能 計"
                std::string n = normalise_name(label);
                for (std::string_view suf : {"小計", "合計", "計"}) {
                    if (n.size() <= suf.size() || !n.ends_with(suf)) continue;
                    std::string head = n.substr(0, n.size() - suf.size());
                    if (auto gr = match_group(head)) scope_group = gr, kind = Summary::subtotal;
                    else if (auto ar = match_area(head, opt_.type)) scope_area = ar->area, kind = Summary::subtotal;
                    break;
                }
            }
            if (!kind) continue;
            if (c != Col::subject && !scope_group && !scope_area) {
                // 小計 in the 分野 or 教育内容 column under a group: the group or area of the rows above.
                if (*kind == Summary::subtotal && c == Col::group && !subjects_.empty()) scope_group = last_group_;
            }
            summary(i, *kind, label, scope_area, scope_group, c);
            since_summary_ = subjects_.size();
            return;
        }
        std::string subject = text(i, Col::subject);
        std::string units_text = text(i, Col::units), hours_text = text(i, Col::hours);
        if (subject.empty() && units_text.empty() && hours_text.empty()) {
            // A heading row inside the table: 専門基礎分野, 人体の構造と機能 …
            std::string g = own(i, Col::group), a = own(i, Col::area);
            bool known = false;
            if (!g.empty() && match_group(g)) { ctx_group_ = g; ctx_group_loc_ = loc_of(i, Col::group); ctx_area_.clear(); known = true; }
            if (!a.empty() && (match_area(a, opt_.type) || match_group(a))) { ctx_area_ = a; ctx_area_loc_ = loc_of(i, Col::area); known = true; }
            if (!known) {
                std::string shown;
                for (const auto& c : cells)
                    if (!trim(c.text).empty()) { shown = std::string(trim(c.text)); break; }
                notice(at(line, 1), {"行「" + shown + "」は科目の行ではないため読み飛ばしました", "the row '" + shown + "' is not a subject row and was skipped"});
            }
            return;
        }
        Parsed p;
        p.origin.row = loc_of(i, Col::subject);
        bool ok = true;
        if (subject.empty()) {
            push_error(loc_of(i, Col::subject), {"科目名が空です", "the subject name is empty"}, {"科目名", "the subject's name"});
            return;
        }
        if (has_forbidden_control(subject)) {
            push_error(loc_of(i, Col::subject), {"科目名に制御文字があります", "the subject name contains a control character"}, {"印字できる文字", "printable characters"});
            return;
        }
        p.name = subject;
        // 分野: this row's cell, a merged cell, or the value above.
        std::string gtext = text(i, Col::group);
        Loc gloc = loc_of(i, Col::group);
        if (const Cell* gc = cell(i, Col::group); gc && gc->merged && !gtext.empty()) merged_noted(Col::group, gloc);
        if (gtext.empty() && index_[idx(Col::group)] && !ctx_group_.empty()) {
            gtext = ctx_group_;
            filled(Col::group, gloc);
        }
        if (!gtext.empty()) {
            if (gtext != ctx_group_) ctx_area_.clear();  // an area never carries over into another 分野
            ctx_group_ = gtext;
            p.group = match_group(gtext);
            if (!p.group) {
                push_error(gloc, {"分野「" + gtext + "」は 基礎分野・専門基礎分野・専門分野 のいずれでもありません",
                                  "the field '" + gtext + "' is not one of 基礎分野, 専門基礎分野, 専門分野"},
                           {"基礎分野、専門基礎分野、専門分野 のいずれか", "基礎分野, 専門基礎分野 or 専門分野"});
                ok = false;
            }
        }
        // 教育内容
        std::string atext = text(i, Col::area);
        Loc aloc = loc_of(i, Col::area);
        if (const Cell* ac = cell(i, Col::area); ac && ac->merged && !atext.empty()) merged_noted(Col::area, aloc);
        if (atext.empty() && !ctx_area_.empty()) {
            atext = ctx_area_;
            filled(Col::area, aloc);
        }
        p.origin.area = aloc;
        if (atext.empty()) {
            push_error(aloc, {"教育内容が空です", "the area (教育内容) is empty"}, areas_expected(p.group));
            ok = false;
        } else {
            ctx_area_ = atext;
            if (auto m = match_area(atext, opt_.type)) {
                if (!m->type_ok) {
                    push_error(aloc, {"教育内容「" + atext + "」は" + std::string(info(facility_types(), opt_.type).ja) + "の教育内容ではありません",
                                      "the area '" + atext + "' is not one of a " + std::string(info(facility_types(), opt_.type).en)},
                               {std::string(area_label(m->area, opt_.type)), std::string(area_label(m->area, opt_.type))});
                    ok = false;
                } else {
                    p.area_value = m->area;
                    read_as(aloc, atext, std::string(area_label(m->area, opt_.type)));
                    if (p.group && group_of(m->area) != *p.group) {
                        push_error(aloc, {"教育内容「" + atext + "」は" + std::string(group_ja(group_of(m->area))) + "ですが、分野の列は「" + gtext + "」です",
                                          "the area '" + atext + "' belongs to " + std::string(group_ja(group_of(m->area))) + ", but the field column says '" + gtext + "'"},
                                   areas_expected(p.group));
                        ok = false;
                    }
                }
            } else if (auto gr = match_group(atext); gr && *gr == Group::basic) {
                p.area_value = Area::foundations;  // 基礎分野 has one area
                read_as(aloc, atext, std::string(area_label(Area::foundations, opt_.type)));
            } else if (gr) {
                push_error(aloc, {"「" + atext + "」は分野の名前です。教育内容を書いてください", "'" + atext + "' is the name of a field (分野), not of an area: write the area"},
                           areas_expected(*gr));
                ok = false;
            } else {
                push_error(aloc, {"教育内容「" + atext + "」は別表第一にありません", "the area '" + atext + "' is not one of 別表第一"}, areas_expected(p.group));
                ok = false;
            }
        }
        if (ok) last_group_ = group_of(p.area_value);
        p.area = std::string(info(areas(), p.area_value).code);
        p.origin.area_code = p.area;
        // 授業方法
        std::string mtext = text(i, Col::method);
        p.origin.method = loc_of(i, Col::method);
        if (mtext.empty()) {
            push_error(p.origin.method, {"授業方法が空です", "the method (授業方法) is empty"}, methods_expected());
            ok = false;
        } else if (auto m = match_method(mtext)) {
            p.method = std::string(info(methods(), *m).code);
        } else {
            push_error(p.origin.method, {"授業方法「" + mtext + "」は使えません", "the method '" + mtext + "' is not one of the methods"}, methods_expected());
            ok = false;
        }
        p.origin.units = loc_of(i, Col::units);
        p.origin.hours = loc_of(i, Col::hours);
        auto u = number(i, Col::units, max_units, true, p.units);
        auto h = number(i, Col::hours, max_hours, true, p.hours);
        if (!u || !h) ok = false;
        else p.units_value = *u, p.hours_value = *h;
        // 配当年次
        if (std::string y = text(i, Col::year); !y.empty()) {
            p.origin.year = loc_of(i, Col::year);
            std::string v = y;
            ascii_digits(v);
            auto ys = parse_years(v);
            if (!ys || ys->first < 1 || ys->second > max_year) {
                push_error(p.origin.year, {"配当年次「" + y + "」が読めません", "the year '" + y + "' cannot be read"},
                           {"1〜" + std::to_string(max_year) + " の年次（例: 1、1年、1・2、1～3年）", "a year from 1 to " + std::to_string(max_year) + " (e.g. 1, 1年, 1・2, 1～3年)"});
                ok = false;
            } else {
                p.year = ys->second;  // the last year: a subject spread over years ends then
                if (ys->first != ys->second) p.years_text = std::to_string(ys->first) + "-" + std::to_string(ys->second);
            }
        }
        // 備考の内容 and 備考: the contents 別表第一 備考 requires, named in either.
        auto add_content = [&](Content c) {
            std::string code(info(contents(), c).code);
            if ((" " + p.covers + " ").find(" " + code + " ") != std::string::npos) return;
            if (!p.covers.empty()) p.covers += ' ';
            p.covers += code;
        };
        if (std::string cv = text(i, Col::covers); !cv.empty()) {
            std::string list = cv;
            for (std::string_view sep : {"\xE3\x80\x81", "\xE3\x80\x80", "\xEF\xBC\x9B", "\xEF\xBC\x8C", "・", ",", ";", "\n", "\t", "及び"})
                for (std::size_t q; (q = list.find(sep)) != std::string::npos;) list.replace(q, sep.size(), " ");
            std::size_t start = 0;
            while (start < list.size()) {
                std::size_t end = list.find(' ', start);
                if (end == std::string::npos) end = list.size();
                std::string token = list.substr(start, end - start);
                start = end + 1;
                if (token.empty()) continue;
                std::optional<Content> hit;
                for (const auto& c : contents())
                    if (token == c.code || token == c.ja) hit = c.value;
                if (hit) add_content(*hit);
                else {
                    std::string all;
                    for (const auto& c : contents()) all.append(all.empty() ? "" : "、").append(c.ja);
                    push_error(loc_of(i, Col::covers), {"備考の内容「" + token + "」は別表第一 備考の事項にありません", "'" + token + "' is not one of the contents of 別表第一 備考"},
                               {all + " のいずれか", "one of " + all});
                    ok = false;
                }
            }
        }
        if (std::string note = text(i, Col::note); !note.empty()) {
            p.note = note;
            for (const auto& c : contents())
                if (note.find(c.ja) != std::string::npos) add_content(c.value);
        }
        if (!ok) return;
        subjects_.push_back(std::move(p));
    }

    Text areas_expected(std::optional<Group> g) {
        std::string ja, en;
        for (const auto& a : areas()) {
            if (g && group_of(a.value) != *g) continue;
            std::string_view l = area_label(a.value, opt_.type);
            ja.append(ja.empty() ? "" : "、").append(l);
            en.append(en.empty() ? "" : ", ").append(l);
        }
        if (!g) {
            if (listed_areas_) return {"別表第一の教育内容（一覧は最初のエラーに）", "an area of 別表第一 (listed at the first error)"};
            listed_areas_ = true;
        }
        return {(g ? std::string(group_ja(*g)) + "の教育内容: " : "別表第一の教育内容: ") + ja, (g ? std::string(group_en(*g)) + ": " : "an area of 別表第一: ") + en};
    }
    static Text methods_expected() {
        return {"講義、演習、実験、実習、実技、臨床実習 のいずれか", "講義 (lecture), 演習 (seminar), 実験 (experiment), 実習 (practical), 実技 (skills) or 臨床実習 (clinical)"};
    }

    /// A name written otherwise than 別表第一 prints it for the type (基礎鍼灸学, 基礎分野): noted once per spelling.
    void read_as(const Loc& l, const std::string& written, const std::string& label) {
        if (normalise_name(written) == normalise_name(label) || !read_as_noted_.insert(written).second) return;
        notice(l, {"教育内容「" + written + "」は「" + label + "」として読みました（この書き方で最初: この行）",
                   "the area '" + written + "' was read as " + label + " (first written so: this row)"});
    }

    void filled(Col c, const Loc& l) {
        auto& n = filled_[idx(c)];
        if (n.count++ == 0) n.first = l;
    }
    void merged_noted(Col c, const Loc& l) {
        auto& n = merged_[idx(c)];
        if (n.count++ == 0) n.first = l;
    }
    void notices() {
        for (Col c : {Col::group, Col::area}) {
            const auto& ci = col_table[idx(c)];
            if (const auto& m = merged_[idx(c)]; m.count)
                notice(m.first, {"列「" + std::string(ci.ja) + "」の結合セルの値を " + std::to_string(m.count) + " 行に使いました（最初: この行）",
                                 "the merged cells of the column " + std::string(ci.ja) + " were used for " + std::to_string(m.count) + " rows (first: this row)"});
            if (const auto& f = filled_[idx(c)]; f.count)
                notice(f.first, {"列「" + std::string(ci.ja) + "」の空欄 " + std::to_string(f.count) + " 行は上の行の値で埋めました（最初: この行）",
                                 std::to_string(f.count) + " blank cells of the column " + std::string(ci.ja) + " were filled from the row above (first: this row)"});
        }
    }

    void summary(std::size_t i, Summary kind, const std::string& label, std::optional<Area> area, std::optional<Group> group, Col label_col) {
        const std::uint32_t line = g_.row_lines[i];
        if (kind == Summary::other) {
            notice(at(line, 1), {"集計の行「" + label + "」は読み飛ばしました", "the summary row '" + label + "' was skipped"});
            return;
        }
        // The printed figures are checked against their rows by the rule CUR-021 (rules/curriculum/sheet_summary.cpp),
        // on the direct check and on the imported XML alike: here they are only read and recorded.
        SummaryRow row;
        row.total = kind == Summary::total;
        for (char ch : label)
            if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\t') row.label += ch;
        row.scope = area ? std::string(area_label(*area, opt_.type)) : group ? std::string(group_ja(*group)) : std::string();
        row.row = loc_of(i, label_col);
        std::size_t from = kind == Summary::total || area || group ? 0 : since_summary_;
        for (std::size_t k = from; k < subjects_.size(); ++k) {
            const auto& s = subjects_[k];
            if (area && s.area_value != *area) continue;
            if (group && group_of(s.area_value) != *group) continue;
            row.subjects.push_back(k);
        }
        // A subject row that failed to read is not in subjects_: its sum is unknown, and the error already stops the import.
        auto read = [&](Col c, Decimal max, std::string& out, Loc& where) {
            where = loc_of(i, c);
            if (text(i, c).empty()) return;
            number(i, c, max, false, out);
        };
        read(Col::units, max_units, row.units, row.units_loc);
        read(Col::hours, max_hours, row.hours, row.hours_loc);
        if (row.units.empty() && row.hours.empty()) {
            notice(row.row, {"集計の行「" + label + "」に単位数も時間数もないため読み飛ばしました", "the summary row '" + label + "' has neither units nor hours and was skipped"});
            return;
        }
        summaries_.push_back(std::move(row));
    }

    struct Count {
        std::size_t count = 0;
        Loc first;
    };
    const std::string& file_;
    const Grid& g_;
    const CsvOptions& opt_;
    ImportResult& r_;
    std::size_t header_ = 0;
    std::array<std::optional<std::size_t>, col_count> index_{};
    std::array<bool, col_count> wide_noted_{};
    std::array<Count, col_count> filled_{}, merged_{};
    std::string ctx_group_, ctx_area_;
    Loc ctx_group_loc_, ctx_area_loc_;
    Group last_group_ = Group::basic;
    std::size_t since_summary_ = 0;
    bool listed_areas_ = false;
    std::set<std::string> read_as_noted_;
};

std::string origin_text(const std::string& file, const Loc& l) {
    if (!l.cell.empty()) return file + ":" + l.cell;
    return file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

}  // namespace

// ---- The other sections: one sheet each ---------------------------------------

namespace {

/// A date as offices write it: ISO or 2020/4/1, 2020年4月1日, 和暦 (令和6年4月1日, R6.4.1, 令和元年5月1日,
/// full-width digits: the project's 和暦 parser, model/wareki.hpp), or an Excel date serial number.
struct SheetDate {
    std::optional<std::string> iso;
    Text warning;  ///< a 平成 date after the era's end, read as 令和
    Text error, expected;
};
SheetDate parse_sheet_date(std::string v, bool number, bool date1904) {
    SheetDate out;
    ascii_digits(v);
    if (number) {  // a date cell of a workbook: the serial number behind the date Excel shows
        Text problem;
        if (auto d = excel_serial_date(v, date1904, problem)) {
            out.iso = d->str();
            return out;
        }
        out.error = problem;
        out.expected = {"日付（日付の書式のセル、または 令和6年4月1日・2024-04-01 のような文字）",
                        "a date (a date-formatted cell, or text such as 令和6年4月1日 or 2024-04-01)"};
        return out;
    }
    auto p = wareki::parse(v);
    if (p.date) {
        out.iso = p.date->str();
        if (p.normalised) out.warning = p.warning;
        return out;
    }
    out.error = p.error;
    out.expected = p.expected;
    return out;
}

std::optional<std::string> lookup(const SectionColumn& c, std::string_view text) {
    std::string n = normalise_name(text);
    for (const auto& [name, code] : c.values)
        if (normalise_name(name) == n) return code;
    return std::nullopt;
}

std::vector<std::string> split_list(const std::string& v) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i <= v.size();) {
        bool sep = i == v.size();
        std::size_t w = 1;
        if (!sep) {
            for (std::string_view s : {"、", "，", "・", "／", "\n", ",", ";", "/"})
                if (v.compare(i, s.size(), s) == 0) { sep = true; w = s.size(); break; }
        }
        if (sep) {
            std::string t(trim(cur));
            if (!t.empty()) out.push_back(t);
            cur.clear();
            i += w;
            continue;
        }
        cur += v[i++];
    }
    return out;
}

/// A placement read from the 臨床実習施設 sheet: a <placement> child of the subject.
struct SheetPlacement {
    std::string subject_id, site_id, units, mode;
    Loc row, site, units_loc, mode_loc;
};

/// The column of the placement's units in a section's spec.
std::optional<std::size_t> c_units(const SectionSpec& spec) {
    for (std::size_t c = 0; c < spec.columns.size(); ++c)
        if (spec.columns[c].attr == "placement:units") return c;
    return std::nullopt;
}

struct SectionOut {
    std::vector<std::string> lines;  ///< XML lines (without indentation of the container)
    std::vector<SubjectOrigin> origins;  ///< xml_line = index into lines + 1 (fixed by the caller)
    std::vector<SheetPlacement> placements;  ///< 臨床実習施設: which subject is done where
};

void read_section(const std::string& file, const std::string& origin_file, const Grid& g, const SectionSpec& spec,
                  const std::map<std::string, std::string>& subject_ids, ImportResult& r, SectionOut& out) {
    auto err = [&](Loc l, Text m, Text e) { r.errors.push_back(Diagnostic{file, std::move(l), std::move(m), std::move(e)}); };
    // The header: the first row (of the first 30) with every required column.
    std::optional<std::size_t> header;
    std::vector<std::optional<std::size_t>> index(spec.columns.size());
    for (std::size_t i = 0; i < g.rows.size() && i < 30 && !header; ++i) {
        std::vector<std::optional<std::size_t>> idx(spec.columns.size());
        for (std::size_t k = 0; k < g.rows[i].size(); ++k) {
            std::string h = normalise_name(g.rows[i][k].text);
            for (std::size_t c = 0; c < spec.columns.size(); ++c) {
                bool hit = h == normalise_name(spec.columns[c].header);
                for (const auto& a : spec.columns[c].aliases) hit = hit || h == normalise_name(a);
                if (hit && !idx[c]) idx[c] = k;
            }
        }
        bool all = true;
        for (std::size_t c = 0; c < spec.columns.size(); ++c) all = all && (!spec.columns[c].required || idx[c]);
        if (all) header = i, index = idx;
    }
    if (!header) {
        std::string need;
        for (const auto& c : spec.columns)
            if (c.required) need.append(need.empty() ? "" : "・").append(c.header);
        err(cell_loc(g, 1, 1), {"シート「" + g.name + "」に見出し行が見つかりません（最初の30行に「" + need + "」の列がありません）",
                                "no header row found in the sheet '" + g.name + "' (no row among the first 30 has the columns " + need + ")"},
            {"ahaki-check template で作る表の見出し", "the header of the sheet ahaki-check template writes"});
        return;
    }
    std::vector<std::string> premises_lines, equipment_lines;
    std::vector<SubjectOrigin> premises_origins, equipment_origins;
    std::string ownership;
    Loc ownership_loc;
    // The 校舎 row's own attributes (term of lease, shared use), written on <premises> with their cells.
    static constexpr std::array<std::string_view, 4> building_attrs = {"lease-start", "lease-end", "shared-use", "shared-use-note"};
    std::string building_attr_text;
    std::vector<std::pair<std::string, Loc>> building_attr_locs;
    std::size_t n = 0;
    // 臨床実習施設: the placement columns (a row per subject; a blank or repeated 名称 continues the site above).
    const bool sites = spec.container == "clinical-sites";
    std::optional<std::size_t> name_col, subject_col;
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        if (spec.columns[c].attr == "name") name_col = c;
        if (spec.columns[c].attr == "placement:subject") subject_col = c;
    }
    std::string last_site_id, last_site_name;
    for (std::size_t i = *header + 1; i < g.rows.size(); ++i) {
        const auto& row = g.rows[i];
        if (std::all_of(row.begin(), row.end(), [](const Cell& c) { return trim(c.text).empty(); })) continue;
        auto cell = [&](std::size_t c) -> const Cell* {
            return index[c] && *index[c] < row.size() ? &row[*index[c]] : nullptr;
        };
        auto loc = [&](std::size_t c) {
            if (const Cell* x = cell(c)) return cell_loc(g, x->line, x->column);
            return cell_loc(g, g.row_lines[i], index[c] ? static_cast<std::uint32_t>(*index[c] + 1) : 1);
        };
        auto value = [&](std::optional<std::size_t> c) { return c && cell(*c) ? std::string(trim(cell(*c)->text)) : std::string(); };
        const bool continuation = sites && !last_site_id.empty() && !value(subject_col).empty() &&
                                  (value(name_col).empty() || value(name_col) == last_site_name);
        SheetPlacement pl;
        SubjectOrigin o;
        o.row = loc(0);
        std::string attrs, children, row_kind;
        bool ok = true;
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            const auto& col = spec.columns[c];
            const bool placement = col.attr.starts_with("placement:");
            if (continuation && !placement) continue;  // the site is the one above
            std::string v = cell(c) ? std::string(trim(cell(c)->text)) : std::string();
            if (placement) {
                if (v.empty()) continue;
                if (col.attr == "placement:subject") {
                    pl.row = loc(c);
                    if (auto it = subject_ids.find(v); it != subject_ids.end()) pl.subject_id = it->second;
                    else {
                        err(loc(c), {"実施科目「" + v + "」は教育課程の表にありません", "the subject '" + v + "' is not in the curriculum sheet"},
                            {"教育課程のシートの科目名", "a subject name of the curriculum sheet"});
                        ok = false;
                    }
                } else if (col.attr == "placement:units") {
                    pl.units_loc = loc(c);
                    std::string d = v;
                    ascii_digits(d);
                    d = strip_suffix(d, {"単位"});
                    Text problem;
                    if (auto num = parse_decimal(d, max_units, problem)) pl.units = num->str();
                    else {
                        err(loc(c), {"「" + col.header + "」の「" + v + "」: " + problem.ja, "'" + v + "' in " + col.header + ": " + problem.en},
                            {col.instruction, col.instruction});
                        ok = false;
                    }
                } else if (auto code = lookup(col, v)) {
                    pl.mode_loc = loc(c);
                    pl.mode = *code;
                } else {
                    std::string allowed;
                    for (const auto& a : drop_down_values(col)) allowed.append(allowed.empty() ? "" : "、").append(a);
                    err(loc(c), {"「" + col.header + "」の「" + v + "」は使えません", "'" + v + "' is not a value of " + col.header},
                        {allowed + " のいずれか", "one of " + allowed});
                    ok = false;
                }
                continue;
            }
            if (v.empty()) {
                if (col.required) {
                    err(loc(c), {"「" + col.header + "」が空です", "the " + col.header + " is empty"}, {col.instruction, col.instruction});
                    ok = false;
                }
                continue;
            }
            if (!col.attr.empty()) o.attrs.emplace_back(col.attr, loc(c));
            auto bad = [&](const std::string& what_ja, const std::string& what_en) {
                err(loc(c), {"「" + col.header + "」の「" + v + "」は" + what_ja, "'" + v + "' in " + col.header + " is " + what_en},
                    {col.instruction, col.instruction});
                ok = false;
            };
            switch (col.kind) {
                case ValueKind::text:
                    if (has_forbidden_control(v)) bad("制御文字を含みます", "contains a control character");
                    else attrs += " " + col.attr + "=\"" + xml_attr(v) + "\"";
                    break;
                case ValueKind::number:
                case ValueKind::whole: {
                    std::string d = v;
                    ascii_digits(d);
                    d = strip_suffix(d, {"年", "時間", "台", "冊", "個", "点"});
                    Text problem;
                    auto num = parse_decimal(d, Decimal::from_int(999999), problem);
                    if (!num || (col.kind == ValueKind::whole && d.find('.') != std::string::npos)) bad("数ではありません", "not a number");
                    else attrs += " " + col.attr + "=\"" + num->str() + "\"";
                    break;
                }
                case ValueKind::date: {
                    SheetDate d = parse_sheet_date(v, cell(c)->number, g.date1904);
                    if (d.iso) {
                        attrs += " " + col.attr + "=\"" + *d.iso + "\"";
                        if (!d.warning.empty()) r.notices.push_back(Diagnostic{file, loc(c), d.warning, {}});
                    } else {
                        err(loc(c), {"「" + col.header + "」の「" + v + "」は日付として読めません: " + d.error.ja, "'" + v + "' in " + col.header + " is not a date: " + d.error.en},
                            d.expected.empty() ? Text{col.instruction, col.instruction} : d.expected);
                        ok = false;
                    }
                    break;
                }
                case ValueKind::yes_no:
                case ValueKind::code:
                    if (auto code = lookup(col, v)) {
                        if (col.attr == "ownership") { ownership = *code; ownership_loc = loc(c); }
                        else attrs += " " + col.attr + "=\"" + *code + "\"";
                    } else {
                        std::string allowed;
                        for (const auto& a : drop_down_values(col)) allowed.append(allowed.empty() ? "" : "、").append(a);
                        err(loc(c), {"「" + col.header + "」の「" + v + "」は使えません", "'" + v + "' is not a value of " + col.header},
                            {allowed + " のいずれか", "one of " + allowed});
                        ok = false;
                    }
                    break;
                case ValueKind::row_kind:
                    if (auto code = lookup(col, v)) row_kind = *code;
                    else bad("使えません（図書室・実習室・器械器具等・校舎）", "not one of 図書室, 実習室, 器械器具等, 校舎");
                    break;
                case ValueKind::qualifications:
                    for (const auto& q : split_list(v)) {
                        if (auto code = lookup(col, q)) children += "<qualification code=\"" + *code + "\"/>";
                        else {
                            err(loc(c), {"資格「" + q + "」は一覧にありません", "the qualification '" + q + "' is not in the list"},
                                {"はり師免許、きゅう師免許、医師、教員養成機関（教員養成課程）修了 など", "はり師免許, きゅう師免許, 医師, …"});
                            ok = false;
                        }
                    }
                    break;
                case ValueKind::subjects:
                    for (const auto& sname : split_list(v)) {
                        auto it = subject_ids.find(sname);
                        if (it != subject_ids.end()) children += "<teaches subject=\"" + it->second + "\"/>";
                        else {
                            err(loc(c), {"担当科目「" + sname + "」は教育課程の表にありません", "the subject '" + sname + "' is not in the curriculum sheet"},
                                {"教育課程のシートの科目名", "a subject name of the curriculum sheet"});
                            ok = false;
                        }
                    }
                    break;
            }
        }
        if (ok && sites && (!pl.subject_id.empty() || !pl.units.empty() || !pl.mode.empty()) && (pl.subject_id.empty() || pl.units.empty())) {
            Loc at = pl.subject_id.empty() ? (pl.units_loc.known() ? pl.units_loc : pl.mode_loc) : pl.row;
            if (auto cu = c_units(spec); cu && !pl.subject_id.empty() && pl.units.empty()) at = loc(*cu);
            err(at, {"実施科目と実施単位数は組で書きます（この行にはどちらかがありません）", "a placement needs both the subject and its units (this row lacks one)"},
                {"実施科目（教育課程の科目名）と実施単位数", "the subject (a name of the curriculum sheet) and its units"});
            ok = false;
        }
        if (!ok) {
            // The rows below that continue this site are read against it (one error per problem; nothing is written).
            if (sites && !continuation) last_site_id = "?", last_site_name = value(name_col);
            continue;
        }
        if (continuation) {
            pl.site_id = last_site_id;
            pl.site = pl.row;
            out.placements.push_back(std::move(pl));
            continue;
        }
        std::string num = std::to_string(++n);
        num.insert(0, num.size() < 3 ? 3 - num.size() : 0, '0');
        if (sites) {
            last_site_id = spec.id_prefix + num;
            last_site_name = value(name_col);
            if (!pl.subject_id.empty()) {
                pl.site_id = last_site_id;
                pl.site = name_col ? loc(*name_col) : pl.row;
                out.placements.push_back(std::move(pl));
            }
        }
        std::string origin = " sheet:cell=\"" + xml_attr(origin_file + ":" + o.row.cell) + "\"";
        if (spec.element.empty()) {  // 校舎・設備: the kind column decides
            // An attribute of the building (lease, shared use) belongs on the 校舎 row only.
            bool misplaced = false;
            for (const auto& [attr_name, at] : o.attrs) {
                const std::string attr = attr_name;  // (clang 14 cannot capture a structured binding)
                const bool building = std::find(building_attrs.begin(), building_attrs.end(), attr) != building_attrs.end();
                if (building && row_kind != "premises") {
                    const auto& header = std::find_if(spec.columns.begin(), spec.columns.end(), [&](const SectionColumn& x) { return x.attr == attr; })->header;
                    err(at, {"「" + header + "」は区分「校舎」の行に書きます", "the " + header + " belongs on the row 校舎"},
                        {"区分「校舎」の行の「" + header + "」", "the " + header + " of the row 校舎"});
                    misplaced = true;
                }
            }
            if (misplaced) continue;
            if (row_kind == "premises") {  // the ownership (kept above) and the building's own attributes
                for (const auto& [attr, at] : o.attrs) {
                    if (std::find(building_attrs.begin(), building_attrs.end(), attr) == building_attrs.end()) continue;
                    const std::string key = " " + attr + "=\"";
                    const auto p = attrs.find(key);
                    if (p == std::string::npos) continue;
                    building_attr_text += attrs.substr(p, attrs.find('"', p + key.size()) + 1 - p);
                    building_attr_locs.emplace_back(attr, at);
                }
                continue;
            }
            if (row_kind == "library") premises_lines.push_back("<library" + attrs.substr(0, attrs.find(" quantity=")) + origin + "/>"), premises_origins.push_back(o);
            else if (row_kind == "practice-room") {
                std::string a = attrs;
                if (auto q = a.find(" quantity="); q != std::string::npos) a.erase(q, a.find('"', a.find('"', q) + 1) + 1 - q);
                premises_lines.push_back("<practice-room id=\"room" + num + "\"" + a + origin + "/>");
                premises_origins.push_back(o);
            } else {
                // The item's identifier: the sheet's 記号 if given, else its row number (the 別表 list is not in the data).
                std::string code = attrs.find(" code=") == std::string::npos ? " code=\"item" + num + "\"" : "";
                equipment_lines.push_back("<item" + code + attrs + origin + "/>");
                equipment_origins.push_back(o);
            }
            continue;
        }
        std::string id = spec.id_prefix.empty() ? "" : " id=\"" + spec.id_prefix + num + "\"";
        if (children.empty()) out.lines.push_back("<" + spec.element + id + attrs + origin + "/>");
        else out.lines.push_back("<" + spec.element + id + attrs + origin + ">" + children + "</" + spec.element + ">");
        out.origins.push_back(o);
    }
    if (spec.element.empty()) {
        if (!premises_lines.empty() || !ownership.empty() || !building_attr_text.empty()) {  // a 校舎 row alone is the premises too
            if (ownership.empty()) {
                err(cell_loc(g, g.row_lines[*header], 1), {"校舎の所有が書かれていません（区分「校舎」の行の「所有」）", "the ownership of the building is missing (the 所有 of the row 校舎)"},
                    {"区分「校舎」の行に 設置者所有 か 賃貸借", "a row 校舎 with 所有 設置者所有 or 賃貸借"});
                return;
            }
            out.lines.push_back("<premises ownership=\"" + ownership + "\"" + building_attr_text + ">");
            building_attr_locs.insert(building_attr_locs.begin(), {"ownership", ownership_loc});
            out.origins.push_back(SubjectOrigin{0, ownership_loc, {}, {}, {}, {}, {}, {}, building_attr_locs});
            for (std::size_t k = 0; k < premises_lines.size(); ++k) out.lines.push_back("  " + premises_lines[k]), out.origins.push_back(premises_origins[k]);
            out.lines.push_back("</premises>");
            out.origins.push_back(SubjectOrigin{0, ownership_loc, {}, {}, {}, {}, {}, {}, {}});
        }
        if (!equipment_lines.empty()) {
            out.lines.push_back("<equipment>");
            out.origins.push_back(SubjectOrigin{0, equipment_origins.front().row, {}, {}, {}, {}, {}, {}, {}});
            for (std::size_t k = 0; k < equipment_lines.size(); ++k) out.lines.push_back("  " + equipment_lines[k]), out.origins.push_back(equipment_origins[k]);
            out.lines.push_back("</equipment>");
            out.origins.push_back(SubjectOrigin{0, equipment_origins.front().row, {}, {}, {}, {}, {}, {}, {}});
        }
        return;
    }
    if (out.lines.empty()) return;
    out.lines.insert(out.lines.begin(), "<" + spec.container + ">");
    out.origins.insert(out.origins.begin(), SubjectOrigin{0, cell_loc(g, g.row_lines[*header], 1), {}, {}, {}, {}, {}, {}, {}});
    for (std::size_t k = 1; k < out.lines.size(); ++k) out.lines[k] = "  " + out.lines[k];
    out.lines.push_back("</" + spec.container + ">");
    out.origins.push_back(out.origins.front());
}

}  // namespace


Grid grid_of_csv(const std::vector<CsvRow>& rows) {
    Grid g;
    for (const auto& r : rows) {
        std::vector<Cell> cells;
        for (const auto& f : r.fields) cells.push_back(Cell{f.text, f.line, f.column, false, false});
        g.rows.push_back(std::move(cells));
        g.row_lines.push_back(r.line);
    }
    return g;
}

ImportResult import_sheet(const std::string& file, std::string_view bytes, const CsvOptions& opt) {
    ImportResult result;
    // What the options put in the file must be valid too (the CLI checks them first).
    if (trim(opt.name).empty() || has_forbidden_control(opt.name))
        result.errors.push_back(diag(file, 0, 0, {"学校名が空か制御文字を含んでいます", "the school name is empty or has a control character"},
                                     {"学校名（--name）", "the school's name (--name)"}));
    if (opt.course_id.empty() || opt.course_id.find_first_of(" \t\r\n") != std::string::npos || has_forbidden_control(opt.course_id))
        result.errors.push_back(diag(file, 0, 0, {"課程の id が空か空白を含んでいます", "the course id is empty or contains spaces"},
                                     {"空白を含まない識別子（--course-id）", "an identifier without spaces (--course-id)"}));
    if (opt.years < 1 || opt.years > max_year)
        result.errors.push_back(diag(file, 0, 0, {"修業年限は 1〜20 です", "the years must be from 1 to 20"}, {"--years 1〜20", "--years 1 to 20"}));
    if (!result.errors.empty()) return result;
    auto& errors = result.errors;

    Grid grid;
    std::vector<std::pair<const SectionSpec*, Grid>> section_sheets;
    if (looks_like_zip(bytes) || (bytes.size() >= 8 && bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))) {
        Workbook wb = read_xlsx(file, bytes, errors);
        if (!errors.empty()) return result;
        result.encoding = "xlsx";
        const Grid* chosen = nullptr;
        if (!opt.sheet.empty()) {
            for (const auto& s : wb.sheets)
                if (s.name == opt.sheet) chosen = &s;
            if (!chosen) {
                std::string names;
                for (const auto& s : wb.sheets) names.append(names.empty() ? "" : "、").append(s.name);
                errors.push_back(diag(file, 0, 0, {"シート「" + opt.sheet + "」がありません", "there is no sheet '" + opt.sheet + "'"},
                                      {"次のシートのいずれか: " + names, "one of the sheets: " + names}));
                return result;
            }
        } else {
            // The first sheet named like a curriculum, else the first with a curriculum header.
            for (const auto& s : wb.sheets)
                if (!chosen && (s.name.find("教育課程") != std::string::npos || s.name.find("カリキュラム") != std::string::npos)) chosen = &s;
            for (const auto& s : wb.sheets) {
                if (chosen) break;
                ImportResult probe;
                SheetReader r(file, s, opt, probe);
                if (r.find_header()) chosen = &s;
            }
            if (!chosen) chosen = &wb.sheets.front();
        }
        grid = *chosen;
        result.sheet = grid.name;
        // The other sections, each on its own sheet (教員一覧, 臨床実習施設, 校舎・設備, 表簿).
        for (const auto& spec : section_specs())
            for (const auto& s : wb.sheets) {
                if (&s == chosen) continue;
                std::string n = normalise_name(s.name);
                bool hit = n == normalise_name(spec.sheet);
                for (const auto& a : spec.aliases) hit = hit || n == normalise_name(a);
                if (hit) {
                    section_sheets.emplace_back(&spec, s);
                    break;
                }
            }
    } else {
        auto decoded = decode_csv(file, bytes, opt.encoding);
        if (decoded.error) {
            errors.push_back(std::move(*decoded.error));
            return result;
        }
        result.encoding = decoded.encoding;
        auto rows = parse_csv(decoded.text, file, errors);
        if (!errors.empty()) return result;
        if (rows.empty()) {
            errors.push_back(diag(file, 1, 1, {"CSV が空です", "the CSV file is empty"},
                                  {"見出し行（科目名・教育内容・授業方法・単位数・時間数）と科目の行", "a header row (科目名, 教育内容, 授業方法, 単位数, 時間数) and one row per subject"}));
            return result;
        }
        grid = grid_of_csv(rows);
    }

    SheetReader reader(file, grid, opt, result);
    reader.run();
    if (errors.size() >= opt.max_errors)
        errors.push_back(diag(file, 0, 0, {"エラーが多すぎるため確認を打ち切りました", "too many errors; stopped"}, {}));
    if (!errors.empty()) return result;
    const auto& rows = reader.subjects_;
    const std::string origin = opt.origin_name.empty() ? file : opt.origin_name;

    // Ids: the course id and the row's position, so the same sheet always gives the same file.
    std::string x;
    std::uint32_t line = 1;
    auto put = [&](const std::string& s) {
        x += s;
        line += static_cast<std::uint32_t>(std::count(s.begin(), s.end(), '\n'));
    };
    put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put("<!-- Converted by ahaki-check import from a spreadsheet; sheet:cell says where each row came from. -->\n");
    result.xml_school_line = line;
    put("<school xmlns=\"urn:ahaki-check:school:1\" xmlns:sheet=\"" + std::string(sheet_namespace) + "\" name=\"" + xml_attr(opt.name) +
        "\" type=\"" + std::string(info(opt.type).code) + "\">\n");
    result.xml_course_line = line;
    put("  <course id=\"" + xml_attr(opt.course_id) + "\" schedule=\"" + std::string(info(opt.schedule).code) + "\" years=\"" +
        std::to_string(opt.years) + "\" sheet:cell=\"" + xml_attr(origin_text(origin, result.header)) + "\">\n");
    std::size_t width = std::max<std::size_t>(3, std::to_string(rows.size()).size());
    std::map<std::string, std::string> subject_ids;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::string n = std::to_string(k + 1);
        n.insert(0, width - n.size(), '0');
        subject_ids.emplace(rows[k].name, opt.course_id + "-s" + n);
    }
    // The other sheets first: the 臨床実習施設 sheet says where each clinical subject is done (<placement>).
    std::vector<SectionOut> section_outs;
    std::map<std::string, std::vector<const SheetPlacement*>> placements;  // subject id -> its placements
    for (const auto& [spec, g] : section_sheets) {
        section_outs.emplace_back();
        read_section(file, origin, g, *spec, subject_ids, result, section_outs.back());
    }
    for (const auto& so : section_outs)
        for (const auto& p : so.placements) placements[p.subject_id].push_back(&p);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        std::string n = std::to_string(k + 1);
        n.insert(0, width - n.size(), '0');
        SubjectOrigin o = r.origin;
        o.xml_line = line;
        result.origins.push_back(o);
        std::string s = "    <subject id=\"" + xml_attr(opt.course_id) + "-s" + n + "\" name=\"" + xml_attr(r.name) + "\" area=\"" + r.area +
                        "\" method=\"" + r.method + "\" units=\"" + r.units + "\" hours=\"" + r.hours + "\"";
        if (r.year) s += " year=\"" + std::to_string(*r.year) + "\"";
        if (!r.covers.empty()) s += " covers=\"" + r.covers + "\"";
        s += " sheet:cell=\"" + xml_attr(origin_text(origin, r.origin.row)) + "\"";
        if (!r.years_text.empty()) s += " sheet:years=\"" + r.years_text + "\"";
        if (!r.note.empty()) s += " sheet:note=\"" + xml_attr(r.note) + "\"";
        auto pit = placements.find(opt.course_id + "-s" + n);
        if (pit == placements.end()) {
            put(s + "/>\n");
            continue;
        }
        put(s + ">\n");
        for (const SheetPlacement* p : pit->second) {
            SubjectOrigin po;
            po.xml_line = line;
            po.row = p->row;
            po.units = p->units_loc;
            po.attrs = {{"site", p->site}, {"units", p->units_loc}};
            if (!p->mode.empty()) po.attrs.emplace_back("mode", p->mode_loc);
            result.origins.push_back(po);
            std::string pl = "      <placement site=\"" + p->site_id + "\" units=\"" + p->units + "\"";
            if (!p->mode.empty()) pl += " mode=\"" + p->mode + "\"";
            put(pl + " sheet:cell=\"" + xml_attr(origin_text(origin, p->row)) + "\"/>\n");
        }
        put("    </subject>\n");
    }
    // The printed 小計/合計 rows (sheet:summary, schemas/school.xsd), checked by CUR-021.
    for (const auto& sm : reader.summaries_) {
        SubjectOrigin o;
        o.xml_line = line;
        o.row = sm.row;
        o.units = sm.units.empty() ? sm.row : sm.units_loc;
        o.hours = sm.hours.empty() ? sm.row : sm.hours_loc;
        o.area = sm.row;
        result.origins.push_back(o);
        std::string ids;
        for (std::size_t k : sm.subjects) {
            std::string n = std::to_string(k + 1);
            n.insert(0, width - n.size(), '0');
            ids += (ids.empty() ? "" : " ") + xml_attr(opt.course_id) + "-s" + n;
        }
        std::string s = "    <sheet:summary kind=\"" + std::string(sm.total ? "total" : "subtotal") + "\" label=\"" + xml_attr(sm.label) + "\"";
        if (!sm.scope.empty()) s += " scope=\"" + xml_attr(sm.scope) + "\"";
        s += " subjects=\"" + ids + "\"";
        if (!sm.units.empty()) s += " units=\"" + sm.units + "\" units-cell=\"" + xml_attr(origin_text(origin, sm.units_loc)) + "\"";
        if (!sm.hours.empty()) s += " hours=\"" + sm.hours + "\" hours-cell=\"" + xml_attr(origin_text(origin, sm.hours_loc)) + "\"";
        s += " sheet:cell=\"" + xml_attr(origin_text(origin, sm.row)) + "\"";
        put(s + "/>\n");
    }
    put("  </course>\n");
    for (std::size_t si = 0; si < section_sheets.size(); ++si) {
        const Grid& g = section_sheets[si].second;
        const SectionOut& out = section_outs[si];
        for (std::size_t k = 0; k < out.lines.size(); ++k) {
            SubjectOrigin o = out.origins[k];
            o.xml_line = line;
            result.origins.push_back(std::move(o));
            put("  " + out.lines[k] + "\n");
        }
        result.sections.push_back(g.name);
    }
    if (!errors.empty()) {
        result.origins.clear();
        return result;
    }
    put("</school>\n");
    result.xml = std::move(x);
    result.subjects = rows.size();
    return result;
}

ImportResult import_csv(const std::string& file, std::string_view bytes, const CsvOptions& options) {
    return import_sheet(file, bytes, options);
}

}  // namespace ahaki::import

