#include "import/xlsx.hpp"

#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

namespace ahaki::import {

std::string cell_name(std::uint32_t column, std::uint32_t row) {
    std::string letters;
    for (std::uint32_t c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::uint32_t column_number(std::string_view letters) {
    std::uint32_t n = 0;
    if (letters.empty() || letters.size() > 3) return 0;
    for (char c : letters) {
        if (c < 'A' || c > 'Z') return 0;
        n = n * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    }
    return n;
}

Loc cell_loc(const Grid& g, std::uint32_t line, std::uint32_t column) {
    Loc l{line, column, {}};
    if (g.workbook) l.cell = g.name + "!" + cell_name(column, line);
    return l;
}

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

namespace {

/// A cell of type d (ECMA-376 Part 1, 18.18.11 ST_CellType) holds an ISO 8601 date and time, as Strict
/// Open XML workbooks and some libraries (openpyxl with iso_dates) write it: 2024-10-01T00:00:00, 2024-10-01T09:30:00.000Z. The
/// day is what a date column reads (a time of day is dropped, as with a serial number's fraction), so the
/// cell is given as 2024-10-01; text of another shape is kept as written, and refused with its cell by
/// the column that reads it.
std::string iso_date_cell(std::string v) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (i >= v.size() || v[i] < '0' || v[i] > '9') return false;
        return true;
    };
    if (digits(0, 4) && v.size() >= 10 && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2) &&
        (v.size() == 10 || v[10] == 'T'))
        v.resize(10);
    return v;
}

Diagnostic diag(const std::string& file, Loc loc, Text message, Text expected = {}) {
    return Diagnostic{file, std::move(loc), std::move(message), std::move(expected)};
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

/// Replaces C0 controls (other than tab and newline) so that a sheet name or
/// a cell never carries a terminal escape into a message.
std::string clean(std::string s) {
    for (auto& c : s) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) c = '?';
    }
    return s;
}

class Archive {
public:
    Archive(const std::string& file, std::string_view bytes, const XlsxLimits& limits, std::vector<Diagnostic>& errors)
        : file_(file), limits_(limits), errors_(errors) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
        if (src) {
            zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
            if (!z) zip_source_free(src);
            zip_.reset(z);
        }
        if (!zip_) {
            std::string why = zip_error_strerror(&ze);
            errors_.push_back(diag(file_, Loc{}, {"ブック（.xlsx）として読めません（壊れた zip: " + clean(why) + "）",
                                                  "cannot read the workbook (.xlsx): a broken zip archive (" + clean(why) + ")"},
                                   {"Excel で保存し直した .xlsx ファイル", "an .xlsx file saved again from Excel"}));
        }
        zip_error_fini(&ze);
    }
    bool ok() const { return zip_ != nullptr; }

    /// The part's bytes; nullopt when absent (not an error by itself) or refused (error pushed).
    std::optional<std::string> read(const std::string& name, bool& refused) {
        refused = false;
        zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
        if (index < 0) return std::nullopt;
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) return refuse(name, refused, "stat");
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
            errors_.push_back(diag(file_, Loc{}, {"ブックの一部（" + clean(name) + "）が暗号化されています", "a part of the workbook (" + clean(name) + ") is encrypted"},
                                   {"パスワードを外して保存した .xlsx", "an .xlsx saved without a password"}));
            refused = true;
            return std::nullopt;
        }
        const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        if (declared > limits_.max_entry || total_ + declared > limits_.max_total ||
            (declared > (1u << 20) && declared / std::max<std::uint64_t>(packed, 1) > limits_.max_ratio))
            return bomb(name, refused);
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0), zip_fclose);
        if (!f) return refuse(name, refused, zip_strerror(zip_.get()));
        std::string out;
        char buf[65536];
        for (;;) {
            zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
            if (n < 0) return refuse(name, refused, zip_file_strerror(f.get()));
            if (n == 0) break;
            out.append(buf, static_cast<std::size_t>(n));
            // The declared size may lie: count what really comes out.
            if (out.size() > limits_.max_entry || total_ + out.size() > limits_.max_total ||
                (out.size() > (1u << 20) && out.size() / std::max<std::uint64_t>(packed, 1) > limits_.max_ratio))
                return bomb(name, refused);
        }
        total_ += out.size();
        return out;
    }

private:
    std::optional<std::string> refuse(const std::string& name, bool& refused, const std::string& why) {
        errors_.push_back(diag(file_, Loc{}, {"ブックの一部（" + clean(name) + "）を読めません（" + clean(why) + "）",
                                              "cannot read a part of the workbook (" + clean(name) + "): " + clean(why)},
                               {"Excel で保存し直した .xlsx ファイル", "an .xlsx file saved again from Excel"}));
        refused = true;
        return std::nullopt;
    }
    std::optional<std::string> bomb(const std::string& name, bool& refused) {
        errors_.push_back(diag(file_, Loc{},
                               {"ブックの一部（" + clean(name) + "）が展開すると大きすぎます（1部品 " + std::to_string(limits_.max_entry >> 20) +
                                    " MiB、全体 " + std::to_string(limits_.max_total >> 20) + " MiB、圧縮率 " + std::to_string(limits_.max_ratio) +
                                    " 倍まで）。zip 爆弾の疑いがあるため読みません",
                                "a part of the workbook (" + clean(name) + ") is too large once unpacked (at most " +
                                    std::to_string(limits_.max_entry >> 20) + " MiB a part, " + std::to_string(limits_.max_total >> 20) +
                                    " MiB in all, a ratio of " + std::to_string(limits_.max_ratio) + "); refused as a possible zip bomb"},
                               {"通常の大きさの教育課程表", "a curriculum table of ordinary size"}));
        refused = true;
        return std::nullopt;
    }

    std::string file_;
    XlsxLimits limits_;
    std::vector<Diagnostic>& errors_;
    std::unique_ptr<zip_t, ZipCloser> zip_;
    std::uint64_t total_ = 0;
};

bool parse_xml(pugi::xml_document& doc, const std::string& data) {
    // No DOCTYPE processing beyond pugixml's own (which never expands external entities).
    return doc.load_buffer(data.data(), data.size(), pugi::parse_default & ~pugi::parse_doctype, pugi::encoding_utf8);
}

std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

/// The text of a <si> or <is>: plain <t>, or the runs' <t>; phonetic guides (<rPh>) are not part of the text.
std::string string_item(pugi::xml_node si) {
    std::string s;
    for (auto c : si.children()) {
        if (c.type() != pugi::node_element) continue;
        auto n = local(c.name());
        if (n == "t") s += c.text().get();
        else if (n == "r") s += child(c, "t").text().get();
    }
    return s;
}

/// "E12" -> (5, 12).
bool parse_ref(std::string_view ref, std::uint32_t& col, std::uint32_t& row) {
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') ++i;
    col = column_number(ref.substr(0, i));
    if (col == 0 || i == ref.size()) return false;
    std::uint64_t r = 0;
    for (std::size_t k = i; k < ref.size(); ++k) {
        if (ref[k] < '0' || ref[k] > '9' || r > 10000000) return false;
        r = r * 10 + static_cast<std::uint64_t>(ref[k] - '0');
    }
    row = static_cast<std::uint32_t>(r);
    return row > 0;
}

/// A number as a person reads it: 3, 1.5, 90 (no exponent, no float noise).
std::string number_text(std::string_view v) {
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
    double r = std::round(d * 1e6) / 1e6;  // 1.4999999999 -> 1.5
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
    std::string s(buf, res.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

}  // namespace

Workbook read_xlsx(const std::string& file, std::string_view bytes, std::vector<Diagnostic>& errors, const XlsxLimits& limits) {
    Workbook wb;
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        errors.push_back(diag(file, Loc{}, {"パスワードで保護されたブック、または古い形式（.xls）のブックです。読めません",
                                            "a password-protected workbook or an old-format (.xls) workbook: cannot be read"},
                              {"パスワードを外して Excel ブック（*.xlsx）として保存したファイル", "a file saved without a password as an Excel workbook (*.xlsx)"}));
        return wb;
    }
    if (!looks_like_zip(bytes)) {
        errors.push_back(diag(file, Loc{}, {"Excel ブック（.xlsx）ではありません（zip 形式ではない）", "not an Excel workbook (.xlsx): not a zip archive"},
                              {"Excel ブック（*.xlsx）、または CSV（*.csv）", "an Excel workbook (*.xlsx), or a CSV file (*.csv)"}));
        return wb;
    }
    Archive zip(file, bytes, limits, errors);
    if (!zip.ok()) return wb;
    bool refused = false;

    auto load = [&](const std::string& name, pugi::xml_document& doc, bool required) -> bool {
        auto data = zip.read(name, refused);
        if (refused) return false;
        if (!data) {
            if (required)
                errors.push_back(diag(file, Loc{}, {"ブックに " + name + " がありません（Excel ブックではないか、壊れています）",
                                                    "the workbook has no " + name + " (not an Excel workbook, or damaged)"},
                                      {"Excel ブック（*.xlsx）", "an Excel workbook (*.xlsx)"}));
            return false;
        }
        if (!parse_xml(doc, *data)) {
            errors.push_back(diag(file, Loc{}, {"ブックの " + name + " が壊れています（XML として読めません）", "the workbook's " + name + " is damaged (not well-formed XML)"},
                                  {"Excel で保存し直した .xlsx ファイル", "an .xlsx file saved again from Excel"}));
            refused = true;
            return false;
        }
        return true;
    };

    pugi::xml_document workbook, rels, shared;
    if (!load("xl/workbook.xml", workbook, true)) return wb;
    if (!load("xl/_rels/workbook.xml.rels", rels, true)) return wb;
    std::vector<std::string> strings;
    if (load("xl/sharedStrings.xml", shared, false)) {
        for (auto si : child(shared, "sst").children())
            if (si.type() == pugi::node_element && local(si.name()) == "si") strings.push_back(clean(string_item(si)));
    }
    if (refused) return wb;
    std::map<std::string, std::string> targets;
    for (auto r : child(rels, "Relationships").children()) {
        if (r.type() != pugi::node_element) continue;
        std::string type = r.attribute("Type").value();
        if (type.size() < 10 || type.substr(type.size() - 10) != "/worksheet") continue;
        std::string target = r.attribute("Target").value();
        if (!target.empty() && target.front() == '/') target.erase(0, 1);
        else target = "xl/" + target;
        targets[r.attribute("Id").value()] = target;
    }
    {
        std::string_view d1904 = child(child(workbook, "workbook"), "workbookPr").attribute("date1904").value();
        wb.date1904 = d1904 == "1" || d1904 == "true";
    }
    pugi::xml_node sheets = child(child(workbook, "workbook"), "sheets");
    for (auto s : sheets.children()) {
        if (s.type() != pugi::node_element || local(s.name()) != "sheet") continue;
        std::string rid;
        for (auto a : s.attributes())
            if (local(a.name()) == "id") rid = a.value();
        auto t = targets.find(rid);
        if (t == targets.end()) continue;  // a chart sheet or a dialog sheet: not a table
        Grid g;
        g.workbook = true;
        g.date1904 = wb.date1904;
        g.name = clean(s.attribute("name").value());
        pugi::xml_document doc;
        if (!load(t->second, doc, true)) return Workbook{};
        pugi::xml_node ws = child(doc, "worksheet");
        pugi::xml_node data = child(ws, "sheetData");
        std::map<std::pair<std::uint32_t, std::uint32_t>, Cell> cells;
        std::uint32_t max_row = 0, max_col = 0, next_row = 1;
        bool too_big = false;
        for (auto row : data.children()) {
            if (row.type() != pugi::node_element || local(row.name()) != "row") continue;
            std::uint32_t r = row.attribute("r") ? row.attribute("r").as_uint() : next_row;
            if (r == 0) r = next_row;
            next_row = r + 1;
            std::uint32_t next_col = 1;
            for (auto c : row.children()) {
                if (c.type() != pugi::node_element || local(c.name()) != "c") continue;
                std::uint32_t col = next_col, rr = r;
                if (auto ref = c.attribute("r")) {
                    if (!parse_ref(ref.value(), col, rr)) {
                        errors.push_back(diag(file, Loc{r, next_col, {}, g.name + "!" + cell_name(next_col, r)},
                                              {"セル番地「" + clean(ref.value()) + "」が読めません", "unreadable cell reference '" + clean(ref.value()) + "'"}));
                        return Workbook{};
                    }
                }
                next_col = col + 1;
                std::string type = c.attribute("t").value();
                pugi::xml_node v = child(c, "v"), f = child(c, "f");
                Cell cell;
                cell.line = rr;
                cell.column = col;
                Loc at{rr, col, {}, g.name + "!" + cell_name(col, rr)};
                if (type == "inlineStr") cell.text = clean(string_item(child(c, "is")));
                else if (f && (!v || (type != "str" && std::string_view(v.text().get()).empty()))) {
                    errors.push_back(diag(file, at, {"セル " + at.cell + " の数式に計算結果が保存されていません", "the formula in " + at.cell + " has no saved result"},
                                          {"Excel で再計算して保存したブック、または値の入ったセル", "a workbook recalculated and saved in Excel, or a plain value"}));
                    continue;
                } else if (type == "e") {
                    errors.push_back(diag(file, at, {"セル " + at.cell + " がエラー値 " + clean(v.text().get()) + " です", "the cell " + at.cell + " holds the error " + clean(v.text().get())},
                                          {"数値または文字", "a number or text"}));
                    continue;
                } else if (type == "s") {
                    std::size_t k = v.text().as_ullong(static_cast<unsigned long long>(-1));
                    if (k >= strings.size()) {
                        errors.push_back(diag(file, at, {"セル " + at.cell + " の共有文字列の番号が範囲外です（ブックが壊れています）", "the cell " + at.cell + " points at a shared string that does not exist (damaged workbook)"},
                                              {"Excel で保存し直した .xlsx ファイル", "an .xlsx file saved again from Excel"}));
                        continue;
                    }
                    cell.text = strings[k];
                } else if (type == "b") {
                    cell.text = std::string_view(v.text().get()) == "1" ? "TRUE" : "FALSE";
                } else if (type == "d") {
                    cell.text = iso_date_cell(clean(v.text().get()));
                } else if (type == "str") {
                    cell.text = clean(v.text().get());
                } else {
                    std::string_view raw = v.text().get();
                    if (raw.empty()) continue;
                    cell.text = number_text(raw);
                    cell.number = true;
                }
                if (cell.text.empty()) continue;
                if (rr > limits.max_rows || col > limits.max_columns) {
                    too_big = true;
                    errors.push_back(diag(file, at, {"表が大きすぎます（" + std::to_string(limits.max_rows) + " 行、" + std::to_string(limits.max_columns) + " 列まで）",
                                                     "the table is too large (at most " + std::to_string(limits.max_rows) + " rows and " + std::to_string(limits.max_columns) + " columns)"}));
                    break;
                }
                max_row = std::max(max_row, rr);
                max_col = std::max(max_col, col);
                cells[{rr, col}] = std::move(cell);
            }
            if (too_big) break;
        }
        if (!errors.empty()) return Workbook{};
        // Merged ranges: the value of the top-left cell stands for every cell of the range.
        std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::uint32_t, std::uint32_t>>> merges;
        for (auto m : child(ws, "mergeCells").children()) {
            if (m.type() != pugi::node_element) continue;
            std::string_view ref = m.attribute("ref").value();
            auto colon = ref.find(':');
            std::uint32_t c1, r1, c2, r2;
            if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), c1, r1) || !parse_ref(ref.substr(colon + 1), c2, r2)) continue;
            if (c2 < c1 || r2 < r1) continue;
            r2 = std::min(r2, std::max(max_row, r1));
            c2 = std::min(c2, std::max(max_col, c1));
            if (static_cast<std::uint64_t>(r2 - r1 + 1) * (c2 - c1 + 1) > 1000000) continue;
            merges.push_back({{r1, c1}, {r2, c2}});
        }
        for (auto& [a, b] : merges) {
            auto top = cells.find(a);
            if (top == cells.end()) continue;
            Cell proto = top->second;
            for (std::uint32_t r = a.first; r <= b.first; ++r)
                for (std::uint32_t c = a.second; c <= b.second; ++c) {
                    if (r == a.first && c == a.second) continue;
                    Cell copy = proto;
                    copy.line = r;
                    copy.column = c;
                    copy.merged = true;
                    cells[{r, c}] = std::move(copy);
                }
        }
        g.rows.resize(max_row);
        g.row_lines.resize(max_row);
        for (std::uint32_t r = 0; r < max_row; ++r) g.row_lines[r] = r + 1;
        for (auto& [pos, cell] : cells) {
            auto& row = g.rows[pos.first - 1];
            if (row.size() < pos.second) {
                std::uint32_t from = static_cast<std::uint32_t>(row.size());
                row.resize(pos.second);
                for (std::uint32_t k = from; k < pos.second; ++k) {
                    row[k].line = pos.first;
                    row[k].column = k + 1;
                }
            }
            row[pos.second - 1] = std::move(cell);
        }
        wb.sheets.push_back(std::move(g));
    }
    if (wb.sheets.empty())
        errors.push_back(diag(file, Loc{}, {"ブックにワークシートがありません", "the workbook has no worksheet"}, {"表のあるワークシート", "a worksheet with a table"}));
    return wb;
}


// ---- Writing --------------------------------------------------------------

bool formula_like(std::string_view s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

namespace {

std::string xml_text(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (u < 0x20 && c != '\n' && c != '\t') out += ' ';  // XML 1.0 cannot carry the other controls
                else out += c;
        }
    }
    return out;
}

std::string sheet_xml(const SheetOut& s, const std::string& list_sheet, const std::vector<std::pair<std::size_t, std::size_t>>& list_ranges) {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    if (!s.widths.empty()) {
        x += "<cols>";
        for (std::size_t c = 0; c < s.widths.size(); ++c) {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, s.widths[c], std::chars_format::fixed, 1);
            x += "<col min=\"" + std::to_string(c + 1) + "\" max=\"" + std::to_string(c + 1) + "\" width=\"" + std::string(buf, r.ptr) +
                 "\" customWidth=\"1\"/>";
        }
        x += "</cols>";
    }
    x += "<sheetData>";
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        x += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            const std::string& v = s.rows[r][c];
            if (v.empty()) continue;
            std::string ref = cell_name(static_cast<std::uint32_t>(c + 1), static_cast<std::uint32_t>(r + 1));
            // Always a string, never a formula; text that looks like one also gets
            // Excel's quote prefix (style 1), so editing the cell keeps it text.
            x += "<c r=\"" + ref + "\" t=\"inlineStr\"" + (formula_like(v) ? " s=\"1\"" : "") + "><is><t xml:space=\"preserve\">" +
                 xml_text(v) + "</t></is></c>";
        }
        x += "</row>";
    }
    x += "</sheetData>";
    if (!s.drop_downs.empty()) {
        x += "<dataValidations count=\"" + std::to_string(s.drop_downs.size()) + "\">";
        for (std::size_t k = 0; k < s.drop_downs.size(); ++k) {
            auto [first, last] = list_ranges[k];
            x += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"" + xml_text(s.drop_downs[k].range) +
                 "\"><formula1>" + xml_text("'" + list_sheet + "'!$A$" + std::to_string(first) + ":$A$" + std::to_string(last)) +
                 "</formula1></dataValidation>";
        }
        x += "</dataValidations>";
    }
    x += "</worksheet>\n";
    return x;
}

}  // namespace

std::string write_xlsx(const std::vector<SheetOut>& sheets_in, std::string& error) {
    // The allowed values of every drop-down go on one hidden sheet, one list after another.
    const std::string list_sheet = "選択肢";
    std::vector<SheetOut> sheets = sheets_in;
    SheetOut lists;
    lists.name = list_sheet;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> ranges(sheets.size());
    for (std::size_t i = 0; i < sheets.size(); ++i)
        for (const auto& d : sheets[i].drop_downs) {
            std::size_t first = lists.rows.size() + 1;
            for (const auto& v : d.values) lists.rows.push_back({v});
            ranges[i].push_back({first, lists.rows.size()});
        }
    const bool has_lists = !lists.rows.empty();
    if (has_lists) {
        sheets.push_back(lists);
        ranges.emplace_back();
    }
    std::vector<std::pair<std::string, std::string>> parts;
    std::string types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    std::string wb = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                     "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        types += "<Override PartName=\"/xl/worksheets/sheet" + n +
                 ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
        bool hidden = has_lists && i + 1 == sheets.size();
        wb += "<sheet name=\"" + xml_text(sheets[i].name) + "\" sheetId=\"" + n + "\"" + (hidden ? " state=\"hidden\"" : "") + " r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet" + n +
                ".xml\"/>";
        parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheet_xml(sheets[i], list_sheet, ranges[i]));
    }
    std::string sid = std::to_string(sheets.size() + 1);
    rels += "<Relationship Id=\"rId" + sid +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>";
    wb += "</sheets></workbook>";
    types += "</Types>";
    parts.emplace_back("[Content_Types].xml", types);
    parts.emplace_back("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                                      "Target=\"xl/workbook.xml\"/></Relationships>");
    parts.emplace_back("xl/workbook.xml", wb);
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
    parts.emplace_back("xl/styles.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                       "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                       "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                       "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                       "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                       "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                       "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                       "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\" applyNumberFormat=\"1\"/></cellXfs>"
                       "</styleSheet>");

    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!src) {
        error = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return {};
    }
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!z) {
        error = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        zip_source_free(src);
        zip_source_free(src);
        return {};
    }
    zip_error_fini(&ze);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
            if (s) zip_source_free(s);
            error = zip_strerror(z);
            zip_discard(z);
            zip_source_free(src);
            return {};
        }
    }
    if (zip_close(z) != 0) {
        error = zip_strerror(z);
        zip_discard(z);
        zip_source_free(src);
        return {};
    }
    std::string out;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        zip_int64_t n = zip_source_read(src, out.data(), out.size());
        zip_source_close(src);
        if (n < 0 || static_cast<std::size_t>(n) != out.size()) out.clear();
    }
    zip_source_free(src);
    if (out.empty()) error = "zip";
    return out;
}

std::optional<Date> excel_serial_date(std::string_view text, bool date1904, Text& problem) {
    const std::string shown_text(text);
    auto bad = [&](Text t) {
        problem = std::move(t);
        return std::nullopt;
    };
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    if (whole.empty() || whole.front() == '-')
        return bad({"日付のシリアル値 " + shown_text + " は負の数です", "the date serial number " + shown_text + " is negative"});
    if (whole.size() > 7 || !std::all_of(whole.begin(), whole.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return bad({"日付のシリアル値 " + shown_text + " が大きすぎます", "the date serial number " + shown_text + " is too large"});
    const long n = std::stol(std::string(whole));
    const long max = date1904 ? 2957003 : 2958465;  // 9999-12-31
    if (n > max) return bad({"日付のシリアル値 " + shown_text + " が大きすぎます（9999年12月31日まで）", "the date serial number " + shown_text + " is too large (up to 9999-12-31)"});
    if (date1904) return Date::from_days(n - 24107);  // 1904-01-01 is 24,107 days before 1970-01-01
    if (n == 0)
        return bad({"日付のシリアル値 0 は日付ではありません（Excel では 1900年1月0日と表示されます）", "the date serial number 0 is no date (Excel shows it as 1900-01-00)"});
    if (n == 60)
        return bad({"日付のシリアル値 60 は存在しない 1900年2月29日です（Excel の1900年うるう年の誤り）",
                    "the date serial number 60 is 1900-02-29, which does not exist (Excel's 1900 leap-year bug)"});
    return Date::from_days(n < 60 ? n - 25568 : n - 25569);  // 1899-12-31 + n before the bug, 1899-12-30 + n after
}


}  // namespace ahaki::import
