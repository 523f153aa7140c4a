#include "import/csv.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <span>

#include "model/decimal.hpp"
#include "model/similar.hpp"
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


// ---- Columns --------------------------------------------------------------

enum class Column { subject, area, method, units, hours, year, covers };
constexpr std::size_t column_count = 7;

struct ColumnInfo {
    Column column;
    std::string_view code;
    bool required;
    std::initializer_list<std::string_view> names;  ///< accepted headers (English matched case-insensitively)
};

const ColumnInfo column_table[] = {
    {Column::subject, "subject", true, {"subject", "name", "科目名", "科目", "授業科目", "授業科目名"}},
    {Column::area, "area", true, {"area", "教育内容", "分野"}},
    {Column::method, "method", true, {"method", "授業方法", "方法", "授業の方法"}},
    {Column::units, "units", true, {"units", "unit", "単位数", "単位"}},
    {Column::hours, "hours", true, {"hours", "hour", "時間数", "時間", "授業時間数"}},
    {Column::year, "year", false, {"year", "配当年次", "年次", "学年"}},
    // 別表第一 備考: which subject covers each content the standard requires (CUR-015).
    {Column::covers, "covers", false, {"covers", "備考の内容", "含む内容", "必須の内容"}},
};

std::optional<Column> column_of(std::string_view header) {
    std::string h = lower_ascii(trim(header));
    for (const auto& c : column_table)
        for (auto n : c.names)
            if (h == n) return c.column;
    return std::nullopt;
}

std::string all_header_names(Lang L) {
    std::string s;
    for (const auto& c : column_table) {
        if (!s.empty()) s += L == Lang::ja ? "、" : "; ";
        std::string names;
        for (auto n : c.names) names.append(names.empty() ? "" : "/").append(n);
        s += names;
        if (!c.required) s += L == Lang::ja ? "（任意）" : " (optional)";
    }
    return s;
}

// ---- Codes: accept the code or the Japanese name ------------------------

template <class E>
std::optional<E> code_or_name(std::span<const CodeInfo<E>> table, std::string_view value) {
    std::string v = lower_ascii(value);
    for (const auto& c : table)
        if (v == c.code || value == c.ja || v == lower_ascii(c.en)) return c.value;
    return std::nullopt;
}

template <class E>
std::pair<std::string, std::string> nearest_code(std::span<const CodeInfo<E>> table, std::string_view value) {
    std::size_t best = static_cast<std::size_t>(-1);
    const CodeInfo<E>* hit = nullptr;
    std::string v = lower_ascii(value);
    for (const auto& c : table)
        for (std::string_view cand : {c.code, c.ja}) {
            std::size_t d = edit_distance(v, cand);
            if (d < best) { best = d; hit = &c; }
        }
    return {std::string(hit->ja), std::string(hit->code)};
}

template <class E>
Text allowed_codes(std::span<const CodeInfo<E>> table) {
    std::string ja, en;
    for (const auto& c : table) {
        ja.append(ja.empty() ? "" : "、").append(c.ja).append("（").append(c.code).append("）");
        en.append(en.empty() ? "" : ", ").append(c.code).append(" (").append(c.ja).append(")");
    }
    return {ja + " のいずれか", "one of " + en};
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

std::string xml_attr(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default: out += c;
        }
    }
    return out;
}

/// XML 1.0 forbids most C0 controls even as character references.
bool has_forbidden_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 && u != '\t' && u != '\n' && u != '\r';
    });
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

Decoded decode_csv(const std::string& file, std::string_view bytes, CsvEncoding encoding) {
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

ImportResult import_csv(const std::string& file, std::string_view bytes, const CsvOptions& opt) {
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
    auto decoded = decode_csv(file, bytes, opt.encoding);
    if (decoded.error) {
        result.errors.push_back(std::move(*decoded.error));
        return result;
    }
    result.encoding = decoded.encoding;
    auto& errors = result.errors;
    auto rows = parse_csv(decoded.text, file, errors);
    if (!errors.empty()) return result;
    if (rows.empty()) {
        errors.push_back(diag(file, 1, 1, {"CSV が空です", "the CSV file is empty"},
                              {"見出し行（" + all_header_names(Lang::ja) + "）と科目の行", "a header row (" + all_header_names(Lang::en) + ") and one row per subject"}));
        return result;
    }

    // Header: every column of the format at most once; the required ones present.
    const CsvRow& header = rows.front();
    std::array<std::optional<std::size_t>, column_count> index{};
    std::vector<const CsvField*> unknown;
    for (std::size_t k = 0; k < header.fields.size(); ++k) {
        const auto& f = header.fields[k];
        std::string_view name = trim(f.text);
        if (k == 0 && name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3);  // a second BOM some exporters add
        auto col = column_of(name);
        if (!col) {
            if (!name.empty()) unknown.push_back(&f);
            result.ignored_columns.emplace_back(name);
            continue;
        }
        auto& slot = index[static_cast<std::size_t>(*col)];
        if (slot) {
            errors.push_back(diag(file, f.line, f.column,
                                  {"列「" + std::string(name) + "」が2回あります", "the column '" + std::string(name) + "' appears twice"},
                                  {"各列は1回だけ", "each column once"}));
            continue;
        }
        slot = k;
    }
    for (const auto& c : column_table) {
        if (!c.required || index[static_cast<std::size_t>(c.column)]) continue;
        // Name the unrecognised header that looks most like the missing column.
        std::string hint;
        std::size_t best = 4;
        for (const auto* u : unknown)
            for (auto n : c.names) {
                std::size_t d = edit_distance(lower_ascii(trim(u->text)), n);
                if (d < best) { best = d; hint = std::string(trim(u->text)); }
            }
        std::string names;
        for (auto n : c.names) names.append(names.empty() ? "" : "/").append(n);
        errors.push_back(diag(file, header.line, 1,
                              {"見出し行に列「" + std::string(c.code) + "」がありません" + (hint.empty() ? "" : "（「" + hint + "」のことですか?）"),
                               "the header row has no '" + std::string(c.code) + "' column" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")},
                              {"見出し " + names, "a header named " + names}));
    }
    if (!errors.empty()) return result;
    // Unknown columns are dropped from the output but never silently: the caller reports them.
    result.ignored_columns.erase(std::remove(result.ignored_columns.begin(), result.ignored_columns.end(), std::string()),
                                 result.ignored_columns.end());

    struct Row {
        std::string name, area, method, units, hours;
        std::optional<int> year;
        std::string covers;
    };
    std::vector<Row> out_rows;
    for (std::size_t r = 1; r < rows.size() && errors.size() < opt.max_errors; ++r) {
        const CsvRow& row = rows[r];
        bool blank = std::all_of(row.fields.begin(), row.fields.end(), [](const CsvField& f) { return trim(f.text).empty(); });
        if (blank) continue;  // spreadsheets leave empty rows (",,,,,") between blocks
        if (row.fields.size() > header.fields.size()) {
            const auto& f = row.fields[header.fields.size()];
            errors.push_back(diag(file, f.line, f.column,
                                  {"列が多すぎます（" + std::to_string(row.fields.size()) + " 列、見出しは " +
                                       std::to_string(header.fields.size()) + " 列）。コンマを含む値は \"…\" で囲んでください",
                                   "too many fields (" + std::to_string(row.fields.size()) + ", the header has " +
                                       std::to_string(header.fields.size()) + "); quote values that contain a comma"},
                                  {std::to_string(header.fields.size()) + " 列", std::to_string(header.fields.size()) + " fields"}));
            continue;
        }
        auto field = [&](Column c) -> const CsvField* {
            auto k = index[static_cast<std::size_t>(c)];
            if (!k || *k >= row.fields.size()) return nullptr;
            return &row.fields[*k];
        };
        auto missing = [&](Column c, std::string_view what_ja, std::string_view what_en, const Text& expected) {
            const CsvField* f = field(c);
            std::uint32_t col = f ? f->column : (row.fields.empty() ? 1 : row.fields.back().column);
            errors.push_back(diag(file, f ? f->line : row.line, col,
                                  {std::string(what_ja) + "が空です", "the " + std::string(what_en) + " is empty"}, expected));
        };
        Row out;
        bool ok = true;
        // subject
        if (const CsvField* f = field(Column::subject); f && !trim(f->text).empty()) {
            out.name = std::string(trim(f->text));
            if (has_forbidden_control(out.name)) {
                errors.push_back(diag(file, f->line, f->column, {"科目名に制御文字があります", "the subject name contains a control character"},
                                      {"印字できる文字", "printable characters"}));
                ok = false;
            }
        } else {
            missing(Column::subject, "科目名", "subject name", {"科目名", "the subject's name"});
            ok = false;
        }
        // area and method: the code or the Japanese name
        auto code_field = [&](Column c, auto table, std::string_view what_ja, std::string_view what_en, std::string& dest) {
            const CsvField* f = field(c);
            std::string_view v = f ? trim(f->text) : std::string_view{};
            if (v.empty()) {
                missing(c, what_ja, what_en, allowed_codes(table));
                ok = false;
                return;
            }
            if (auto code = code_or_name(table, v)) {
                dest = std::string(info(table, *code).code);
                return;
            }
            auto [near_ja, near_code] = nearest_code(table, v);
            errors.push_back(diag(file, f->line, f->column,
                                  {std::string(what_ja) + "「" + std::string(v) + "」はありません（もしかして: " + near_ja + "（" + near_code + "））",
                                   "unknown " + std::string(what_en) + " '" + std::string(v) + "' (did you mean " + near_code + " (" + near_ja + ")?)"},
                                  allowed_codes(table)));
            ok = false;
        };
        code_field(Column::area, areas(), "教育内容", "area", out.area);
        code_field(Column::method, methods(), "授業方法", "method", out.method);
        auto number_field = [&](Column c, Decimal max, std::string_view what_ja, std::string_view what_en, std::string& dest) {
            const CsvField* f = field(c);
            std::string_view v = f ? trim(f->text) : std::string_view{};
            Text expected{"0以上" + max.str() + "以下の数（半角数字、小数は「.」の後3桁まで）",
                          "a number from 0 to " + max.str() + " (ASCII digits, up to 3 decimals after '.')"};
            if (v.empty()) {
                missing(c, what_ja, what_en, expected);
                ok = false;
                return;
            }
            Text problem;
            if (auto d = parse_decimal(v, max, problem)) {
                dest = d->str();
                return;
            }
            errors.push_back(diag(file, f->line, f->column,
                                  {std::string(what_ja) + ": " + problem.ja, std::string(what_en) + ": " + problem.en}, expected));
            ok = false;
        };
        number_field(Column::units, max_units, "単位数", "units", out.units);
        number_field(Column::hours, max_hours, "時間数", "hours", out.hours);
        if (const CsvField* f = field(Column::year); f && !trim(f->text).empty()) {
            std::string_view v = trim(f->text);
            // "1年" and "1年次" are how people write it; the number is what counts.
            for (std::string_view suffix : {"年次", "年"})
                if (v.size() > suffix.size() && v.substr(v.size() - suffix.size()) == suffix) { v.remove_suffix(suffix.size()); break; }
            int y = 0;
            bool good = !v.empty() && v.size() <= 2 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (good) for (char c : v) y = y * 10 + (c - '0');
            if (!good || y < 1 || y > max_year) {
                errors.push_back(diag(file, f->line, f->column,
                                      {"配当年次「" + std::string(trim(f->text)) + "」は 1〜" + std::to_string(max_year) + " の整数ではありません",
                                       "year '" + std::string(trim(f->text)) + "' is not a whole number from 1 to " + std::to_string(max_year)},
                                      {"1以上" + std::to_string(max_year) + "以下の整数（半角数字）、または空欄",
                                       "a whole number from 1 to " + std::to_string(max_year) + " in ASCII digits, or empty"}));
                ok = false;
            } else {
                out.year = y;
            }
        }
        if (const CsvField* f = field(Column::covers); f && !trim(f->text).empty()) {
            // Separated by spaces, commas, 、 or ; — whatever a cell holds.
            std::string list(trim(f->text));
            for (std::string_view sep : {"\xE3\x80\x81", "\xE3\x80\x80", "\xEF\xBC\x9B", "\xEF\xBC\x8C", ",", ";", "\n", "\t"})
                for (std::size_t p; (p = list.find(sep)) != std::string::npos;) list.replace(p, sep.size(), " ");
            std::size_t start = 0;
            while (start < list.size()) {
                std::size_t end = list.find(' ', start);
                if (end == std::string::npos) end = list.size();
                std::string_view token = std::string_view(list).substr(start, end - start);
                start = end + 1;
                if (token.empty()) continue;
                if (auto c = code_or_name(contents(), token)) {
                    if (!out.covers.empty()) out.covers += ' ';
                    out.covers += info(*c).code;
                    continue;
                }
                auto [near_ja, near_code] = nearest_code(contents(), token);
                errors.push_back(diag(file, f->line, f->column,
                                      {"備考の内容「" + std::string(token) + "」はありません（もしかして: " + near_ja + "（" + near_code + "））",
                                       "unknown required content '" + std::string(token) + "' (did you mean " + near_code + " (" + near_ja + ")?)"},
                                      allowed_codes(contents())));
                ok = false;
            }
        }
        if (ok) out_rows.push_back(std::move(out));
    }
    if (errors.size() >= opt.max_errors)
        errors.push_back(diag(file, 0, 0, {"エラーが多すぎるため確認を打ち切りました", "too many errors; stopped"}, {}));
    if (!errors.empty()) return result;
    if (out_rows.empty()) {
        errors.push_back(diag(file, header.line, 1, {"科目の行がありません", "no subject rows"},
                              {"見出し行の下に1科目1行", "one row per subject below the header"}));
        return result;
    }

    // Ids: the course id and the row's position, so the same CSV always gives the same file.
    std::string x;
    x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x += "<!-- Converted by ahaki-check import from a CSV curriculum. -->\n";
    x += "<school xmlns=\"urn:ahaki-check:school:1\" name=\"" + xml_attr(opt.name) + "\" type=\"" +
         std::string(info(opt.type).code) + "\">\n";
    x += "  <course id=\"" + xml_attr(opt.course_id) + "\" schedule=\"" + std::string(info(opt.schedule).code) + "\" years=\"" +
         std::to_string(opt.years) + "\">\n";
    std::size_t width = std::max<std::size_t>(3, std::to_string(out_rows.size()).size());
    for (std::size_t k = 0; k < out_rows.size(); ++k) {
        const auto& r = out_rows[k];
        std::string n = std::to_string(k + 1);
        n.insert(0, width - n.size(), '0');
        x += "    <subject id=\"" + xml_attr(opt.course_id) + "-s" + n + "\" name=\"" + xml_attr(r.name) + "\" area=\"" + r.area +
             "\" method=\"" + r.method + "\" units=\"" + r.units + "\" hours=\"" + r.hours + "\"";
        if (r.year) x += " year=\"" + std::to_string(*r.year) + "\"";
        if (!r.covers.empty()) x += " covers=\"" + r.covers + "\"";
        x += "/>\n";
    }
    x += "  </course>\n</school>\n";
    result.xml = std::move(x);
    result.subjects = out_rows.size();
    return result;
}

}  // namespace ahaki::import
