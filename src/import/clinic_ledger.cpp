#include "import/clinic_ledger.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "import/names.hpp"
#include "import/xlsx.hpp"
#include "import/xml_text.hpp"
#include "model/date.hpp"
#include "model/fold_width.hpp"
#include "model/similar.hpp"
#include "model/wareki.hpp"

namespace ahaki::import {
namespace {

// ---- Text helpers -----------------------------------------------------------

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s) { return trim_space(s); }
std::string narrow(std::string_view s) { return narrow_ascii(s); }


/// A cell's text as written, cut for a message.
std::string shown(std::string_view s) {
    s = trim(s);
    if (s.size() <= 60) return std::string(s);
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}


Diagnostic diag(const std::string& file, Loc loc, Text message, Text expected = {}) {
    return Diagnostic{file, std::move(loc), std::move(message), std::move(expected)};
}

// ---- Columns ----------------------------------------------------------------

enum class Col {
    patient, name, consent_date, doctor, disease, date, techniques,  // required
    birth, consent_kind, consent_form, period_end, first_exam, electro, home_visit, distance, building, reason, outcome,
    end_date, amount
};
constexpr std::size_t col_count = 20;

struct ColumnInfo {
    Col col;
    std::string_view code;
    std::string_view ja;  ///< the name messages use
    bool required;
    std::initializer_list<std::string_view> names;  ///< accepted headers (English matched case-insensitively)
};

const ColumnInfo columns[] = {
    {Col::patient, "patient", "患者番号", true, {"patient", "patient-id", "患者番号", "患者ID", "患者id", "患者コード", "カルテ番号"}},
    {Col::name, "name", "患者氏名", true, {"name", "patient-name", "患者氏名", "氏名", "患者名"}},
    {Col::consent_date, "consent-date", "同意日", true, {"consent-date", "consent", "同意日", "同意年月日"}},
    {Col::doctor, "doctor", "同意医師", true, {"doctor", "同意医師", "同意医師名", "医師", "医師名"}},
    {Col::disease, "disease", "同意疾病", true, {"disease", "同意疾病", "同意疾病名", "傷病名", "疾病名", "病名"}},
    {Col::date, "date", "施術日", true, {"date", "visit-date", "施術日", "施術年月日"}},
    {Col::techniques, "techniques", "術式", true, {"techniques", "術式", "施術内容", "施術の種類"}},
    {Col::birth, "birth-date", "生年月日", false, {"birth-date", "生年月日"}},
    {Col::consent_kind, "consent-kind", "同意区分", false, {"consent-kind", "同意区分", "同意種別", "初回・再同意"}},
    {Col::consent_form, "consent-form", "同意方法", false, {"consent-form", "同意方法", "同意の方法", "同意の形式"}},
    {Col::period_end, "period-end", "加療期間", false, {"period-end", "加療期間", "加療期間終了日"}},
    {Col::first_exam, "first-exam", "初検", false, {"first-exam", "初検", "初検料"}},
    {Col::electro, "electro", "電療", false, {"electro", "電療", "電療料"}},
    {Col::home_visit, "home-visit", "往療", false, {"home-visit", "往療", "往療区分", "訪問"}},
    {Col::distance, "distance-km", "往療距離", false, {"distance-km", "distance", "往療距離", "距離", "距離(km)", "距離（km）"}},
    {Col::building, "building", "建物", false, {"building", "建物", "同一建物", "施設名", "訪問先"}},
    {Col::reason, "reason", "往療理由", false, {"reason", "往療理由", "往療の理由", "理由"}},
    {Col::outcome, "outcome", "転帰", false, {"outcome", "転帰"}},
    {Col::end_date, "end-date", "施術終了日", false, {"end-date", "施術終了日", "終了日"}},
    {Col::amount, "amount", "金額", false, {"amount", "金額", "請求額", "施術金額", "合計"}},
};

std::optional<Col> column_of(std::string_view header) {
    const std::string h = lower_ascii(narrow(trim(header)));
    for (const auto& c : columns)
        for (auto n : c.names)
            if (h == lower_ascii(n)) return c.col;
    return std::nullopt;
}

std::string names_of(const ColumnInfo& c) {
    std::string s;
    for (auto n : c.names) s.append(s.empty() ? "" : "/").append(n);
    return s;
}

// ---- Values -----------------------------------------------------------------

struct Choice {
    std::string_view code;  ///< what the XML gets
    std::initializer_list<std::string_view> words;
};

const Choice disease_choices[] = {
    {"neuralgia", {"neuralgia", "神経痛"}},
    {"rheumatism", {"rheumatism", "リウマチ", "リューマチ", "関節リウマチ"}},
    {"cervicobrachial", {"cervicobrachial", "頸腕症候群", "頚腕症候群"}},
    {"frozen-shoulder", {"frozen-shoulder", "五十肩", "肩関節周囲炎"}},
    {"lumbago", {"lumbago", "腰痛症", "腰痛"}},
    {"whiplash", {"whiplash", "頸椎捻挫後遺症", "頚椎捻挫後遺症"}},
};
const Choice technique_choices[] = {
    {"hari kyu", {"hari kyu", "hari+kyu", "hari-kyu", "はり・きゅう", "はりきゅう", "はり、きゅう", "はり･きゅう", "はり きゅう", "鍼灸", "鍼・灸", "2術", "２術"}},
    {"hari", {"hari", "はり", "鍼", "針", "1術（はり）"}},
    {"kyu", {"kyu", "きゅう", "灸", "1術（きゅう）"}},
};
const Choice kind_choices[] = {
    {"initial", {"initial", "初回", "初回同意", "新規"}},
    {"renewal", {"renewal", "再同意", "継続"}},
};
const Choice form_choices[] = {
    {"written", {"written", "書面", "同意書", "文書"}},
    {"verbal", {"verbal", "口頭", "口頭同意"}},
};
// 往療: "" = at the clinic; "home" = a home visit whose kind the ledger does not say.
const Choice home_choices[] = {
    {"", {"なし", "無", "no", "-", "0", "clinic", "院内", "来院"}},
    {"sudden", {"sudden", "突発", "突発的", "突発的な往療", "往療（突発）", "往療(突発)"}},
    {"regular", {"regular", "定期", "定期的", "訪問", "訪問施術", "往療（定期）", "往療(定期)"}},
    {"home", {"有", "あり", "○", "〇", "yes", "1", "往療"}},
};
const Choice outcome_choices[] = {
    {"cured", {"cured", "治癒"}},
    {"stopped", {"stopped", "中止"}},
    {"transferred", {"transferred", "転医"}},
};
const Choice yes_no[] = {
    {"true", {"true", "yes", "1", "○", "〇", "有", "あり", "レ", "✓", "済"}},
    {"false", {"false", "no", "0", "×", "無", "なし", "-"}},
};

template <std::size_t N>
const Choice* choose(const Choice (&table)[N], std::string_view value) {
    const std::string v = lower_ascii(narrow(trim(value)));
    for (const auto& c : table)
        for (auto w : c.words)
            if (v == lower_ascii(w) || trim(value) == w) return &c;
    return nullptr;
}

template <std::size_t N>
Text choices_text(const Choice (&table)[N]) {
    std::string ja, en;
    for (const auto& c : table) {
        std::string words;
        for (auto w : c.words) words.append(words.empty() ? "" : "/").append(w);
        ja.append(ja.empty() ? "" : "、").append(words);
        en.append(en.empty() ? "" : "; ").append(words);
    }
    return {ja + " のいずれか", "one of " + en};
}

/// Distance: a decimal in km (ASCII or full-width digits), an optional km unit.
std::optional<std::string> parse_km(std::string_view cell, Text& problem) {
    std::string v = narrow(trim(cell));
    for (std::string_view unit : {"km", "KM", "Km", "キロ", "キロメートル"})
        if (v.size() > unit.size() && v.substr(v.size() - unit.size()) == unit) {
            v.resize(v.size() - unit.size());
            while (!v.empty() && v.back() == ' ') v.pop_back();
            break;
        }
    const auto dot = v.find('.');
    const std::string ip = v.substr(0, dot), fp = dot == std::string::npos ? "" : v.substr(dot + 1);
    auto digits = [](const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (!v.empty() && v.front() == '-') {
        problem = {"負の距離は使えません", "a negative distance is not allowed"};
        return std::nullopt;
    }
    if (!digits(ip) || (dot != std::string::npos && !digits(fp))) {
        problem = {"距離として読めません: 「" + shown(cell) + "」", "not a distance: '" + shown(cell) + "'"};
        return std::nullopt;
    }
    if (fp.size() > 3) {
        problem = {"距離の小数は3桁までです", "at most 3 decimals are allowed in a distance"};
        return std::nullopt;
    }
    std::size_t first = ip.find_first_not_of('0');
    std::string whole = first == std::string::npos ? "0" : ip.substr(first);
    if (whole.size() > 3) {
        problem = {"距離が大きすぎます（上限 999 km）", "the distance is too large (at most 999 km)"};
        return std::nullopt;
    }
    std::string f = fp;
    while (!f.empty() && f.back() == '0') f.pop_back();
    return f.empty() ? whole : whole + "." + f;
}

/// Yen: a whole number; thousands separators (1,610), ¥ and 円 allowed.
std::optional<long long> parse_yen(std::string_view cell, Text& problem) {
    std::string v = narrow(trim(cell));
    for (std::string_view pre : {"¥", "\\", "￥"})
        if (v.substr(0, pre.size()) == pre) { v.erase(0, pre.size()); break; }
    if (v.size() > 3 && v.substr(v.size() - 3) == "円") v.resize(v.size() - 3);
    if (!v.empty() && v.front() == '-') {
        problem = {"負の金額は使えません", "a negative amount is not allowed"};
        return std::nullopt;
    }
    if (v.find('.') != std::string::npos) {
        problem = {"金額は円単位の整数です（小数は使えません）", "amounts are whole yen (no decimals)"};
        return std::nullopt;
    }
    // Thousands separators only in their places: 1,610 or 12,345,678.
    std::string digits;
    const auto comma = v.find(',');
    if (comma != std::string::npos) {
        bool good = comma >= 1 && comma <= 3;
        for (std::size_t i = comma; good && i < v.size(); i += 4) good = v[i] == ',' && i + 4 <= v.size() && (i + 4 == v.size() || v[i + 4] == ',');
        if (!good) {
            problem = {"金額の桁区切りが正しくありません: 「" + shown(cell) + "」", "misplaced thousands separator: '" + shown(cell) + "'"};
            return std::nullopt;
        }
        for (char c : v)
            if (c != ',') digits += c;
    } else {
        digits = v;
    }
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        problem = {"金額として読めません: 「" + shown(cell) + "」", "not an amount: '" + shown(cell) + "'"};
        return std::nullopt;
    }
    if (digits.size() > 9) {
        problem = {"金額が大きすぎます", "the amount is too large"};
        return std::nullopt;
    }
    return std::stoll(digits);
}

// ---- What the rows say --------------------------------------------------------

struct ConsentRec {
    Date date;
    std::string doctor, disease, disease_name, kind, form;
    std::optional<Date> period_end;
    std::uint32_t line = 0;
    std::string id;
};
struct VisitRec {
    Date date;
    std::size_t consent = 0;
    std::string techniques, home_visit, distance, building, reason;
    bool first_exam = false, electro = false;
    std::optional<long long> amount;
    std::uint32_t line = 0;
};
struct EndRec {
    Date date;
    std::string outcome;
    std::uint32_t line = 0, column = 0;  ///< the cell that gave it (施術終了日, else 転帰)
    std::string label;                   ///< that cell's header
};
struct PatientRec {
    std::string number, name, id;
    std::optional<Date> birth;
    std::uint32_t line = 0;
    std::vector<ConsentRec> consents;
    std::vector<VisitRec> visits;
    std::vector<EndRec> ends;
};

bool safe_id(std::string_view s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

std::string month_of(const Date& d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", d.year, d.month);
    return b;
}

/// The first row (of the first 30) naming at least three ledger columns: rows above it (a title,
/// the template's instructions) are not part of the table.
std::optional<std::size_t> find_header(const Grid& g) {
    for (std::size_t i = 0; i < g.rows.size() && i < 30; ++i) {
        std::size_t known = 0;
        for (const auto& c : g.rows[i]) {
            std::string_view name = trim(c.text);
            if (name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3);
            if (column_of(name)) ++known;
        }
        if (known >= 3) return i;
    }
    return std::nullopt;
}

}  // namespace

std::string ledger_columns_help(bool ja) {
    std::string s;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& c : columns) {
            if (c.required != (pass == 0)) continue;
            s += "  " + names_of(c) + (c.required ? (ja ? "（必須）" : " (required)") : "") + "\n";
        }
    return s;
}

SheetOut ledger_template() {
    // What each column takes, as the template's instruction row says it (above the header, so the import skips it).
    auto instruction = [](Col c) -> std::string {
        switch (c) {
            case Col::patient: return "患者ごとの番号（必須）";
            case Col::name: return "患者の氏名（必須）";
            case Col::consent_date: return "同意書の日付 例 令和6年10月10日（必須）";
            case Col::doctor: return "同意した医師（必須）";
            case Col::disease: return "神経痛／リウマチ／頸腕症候群／五十肩／腰痛症／頸椎捻挫後遺症、またはその他の病名（必須）";
            case Col::date: return "施術した日 例 令和6年10月16日（必須）";
            case Col::techniques: return "はり／きゅう／はり・きゅう（必須）";
            case Col::birth: return "例 昭和25年4月1日";
            case Col::consent_kind: return "初回／再同意（空欄: 自動で判断）";
            case Col::consent_form: return "書面／口頭";
            case Col::period_end: return "同意書の加療期間の終わり";
            case Col::first_exam: return "初検料を算定した日に ○";
            case Col::electro: return "電療料を算定した日に ○";
            case Col::home_visit: return "往療した日に 突発／定期";
            case Col::distance: return "往療の片道の直線距離（km）";
            case Col::building: return "往療先の建物（施設名）";
            case Col::reason: return "往療が必要な理由";
            case Col::outcome: return "施術を終えた日に 治癒／中止／転医";
            case Col::end_date: return "施術を終えた日（空欄: その行の施術日）";
            case Col::amount: return "その日の金額（円）";
        }
        return {};
    };
    SheetOut s;
    s.name = "施術台帳";
    s.rows.push_back({"施術台帳: 2行目の説明に従い、4行目から施術日ごとに1行で記入してください（日付は和暦でも西暦でも、日付のセルでも可）"});
    std::vector<std::string> help, head;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& c : columns) {
            if (c.required != (pass == 0)) continue;
            help.push_back(instruction(c.col));
            head.emplace_back(c.ja);
            s.widths.push_back(c.required ? 16.0 : 12.0);
        }
    s.rows.push_back(help);
    s.rows.push_back(head);
    auto list = [&](Col col, std::vector<std::string> values) {
        for (std::size_t k = 0; k < head.size(); ++k) {
            auto c = column_of(head[k]);
            if (!c || *c != col) continue;
            std::string letter = cell_name(static_cast<std::uint32_t>(k + 1), 1);
            letter.pop_back();
            s.drop_downs.push_back({letter + "4:" + letter + "2000", std::move(values)});
            return;
        }
    };
    list(Col::techniques, {"はり", "きゅう", "はり・きゅう"});
    list(Col::consent_kind, {"初回", "再同意"});
    list(Col::consent_form, {"書面", "口頭"});
    list(Col::first_exam, {"○"});
    list(Col::electro, {"○"});
    list(Col::home_visit, {"突発", "定期"});
    list(Col::outcome, {"治癒", "中止", "転医"});
    return s;
}

LedgerResult import_ledger(const std::string& file, std::string_view bytes, const LedgerOptions& opt) {
    LedgerResult result;
    if (looks_like_zip(bytes) || (bytes.size() >= 8 && bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))) {
        Workbook wb = read_xlsx(file, bytes, result.errors);
        if (!result.errors.empty()) return result;
        const Grid* chosen = nullptr;
        if (!opt.sheet.empty()) {
            for (const auto& g : wb.sheets)
                if (!chosen && (g.name == opt.sheet || normalise_name(g.name) == normalise_name(opt.sheet))) chosen = &g;
            if (!chosen) {
                std::string names;
                for (const auto& g : wb.sheets) names.append(names.empty() ? "" : "、").append(g.name);
                result.errors.push_back(diag(file, Loc{}, {"シート「" + opt.sheet + "」がありません", "there is no sheet '" + opt.sheet + "'"},
                                             {"次のシートのいずれか: " + names, "one of the sheets: " + names}));
                return result;
            }
        } else {
            // A sheet named as ledgers are (schemas/sheet-names.tsv), else the first with a ledger header.
            for (const auto& g : wb.sheets)
                if (!chosen && match_sheet(g.name) == "clinic-ledger") chosen = &g;
            for (const auto& g : wb.sheets)
                if (!chosen && find_header(g)) chosen = &g;
            if (!chosen) chosen = &wb.sheets.front();
        }
        result = convert_ledger(file, *chosen, opt, wb.date1904);
        result.encoding = "xlsx";
        result.sheet = chosen->name;
        return result;
    }
    auto decoded = decode_csv(file, bytes, opt.encoding);
    if (decoded.error) {
        result.errors.push_back(std::move(*decoded.error));
        return result;
    }
    auto rows = parse_csv(decoded.text, file, result.errors);
    if (!result.errors.empty()) return result;
    result = convert_ledger(file, grid_of_csv(rows), opt);
    result.encoding = decoded.encoding;
    return result;
}

LedgerResult import_ledger_csv(const std::string& file, std::string_view bytes, const LedgerOptions& opt) { return import_ledger(file, bytes, opt); }

LedgerResult convert_ledger(const std::string& file, const Grid& grid, const LedgerOptions& opt, bool date1904) {
    LedgerResult result;
    auto& errors = result.errors;
    // Where a cell is: a CSV line and column, or the workbook cell (来院記録!B7); and how a message names a row.
    auto at = [&](std::uint32_t line, std::uint32_t column) { return cell_loc(grid, line, column); };
    auto row_ja = [&](std::uint32_t line) { return grid.workbook ? grid.name + "!" + std::to_string(line) + "行" : std::to_string(line) + " 行目"; };
    auto row_en = [&](std::uint32_t line) { return grid.workbook ? grid.name + "!row " + std::to_string(line) : "line " + std::to_string(line); };
    if (trim(opt.name).empty() || has_forbidden_control(opt.name)) {
        errors.push_back(diag(file, Loc{}, {"施術所名が空か制御文字を含んでいます", "the clinic's name is empty or has a control character"},
                              {"施術所名（--name）", "the clinic's name (--name)"}));
        return result;
    }
    const bool blank = std::all_of(grid.rows.begin(), grid.rows.end(), [](const std::vector<Cell>& r) {
        return std::all_of(r.begin(), r.end(), [](const Cell& c) { return trim(c.text).empty(); });
    });
    if (blank) {
        errors.push_back(diag(file, at(1, 1), {"施術台帳が空です", "the ledger is empty"},
                              {"見出し行と、施術日ごとに1行", "a header row and one row per treatment day"}));
        return result;
    }
    const auto header_index = find_header(grid);
    if (!header_index) {
        std::string need;
        for (const auto& c : columns)
            if (c.required) need.append(need.empty() ? "" : "・").append(c.ja);
        errors.push_back(diag(file, at(grid.row_lines.empty() ? 1 : grid.row_lines.front(), 1),
                              {"施術台帳の見出し行が見つかりません（最初の30行に、施術台帳の列見出しが3つ以上ある行がありません）",
                               "no ledger header row found (no row among the first 30 has three or more of the ledger's column headers)"},
                              {"見出しの行: " + need + "（必須）と任意の列", "a header row: " + need + " (required) and optional columns"}));
        return result;
    }

    // Header: every column at most once, the required ones present; unknown ones reported.
    const std::vector<Cell>& header_cells = grid.rows[*header_index];
    const std::uint32_t header_line = grid.row_lines[*header_index];
    std::array<std::optional<std::size_t>, col_count> index{};
    std::array<std::string, col_count> label{};  // the header as the user wrote it
    std::vector<const Cell*> unknown;
    for (std::size_t k = 0; k < header_cells.size(); ++k) {
        const auto& f = header_cells[k];
        std::string_view name = trim(f.text);
        if (name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3);  // a second BOM some exporters add
        auto col = column_of(name);
        if (!col) {
            if (!name.empty()) {
                unknown.push_back(&f);
                result.ignored_columns.emplace_back(name);
            }
            continue;
        }
        auto& slot = index[static_cast<std::size_t>(*col)];
        if (slot) {
            errors.push_back(diag(file, at(f.line, f.column),
                                  {"列「" + std::string(name) + "」が2回あります", "the column '" + std::string(name) + "' appears twice"},
                                  {"各列は1回だけ", "each column once"}));
            continue;
        }
        slot = k;
        label[static_cast<std::size_t>(*col)] = std::string(name);
    }
    for (const auto& c : columns) {
        if (!c.required || index[static_cast<std::size_t>(c.col)]) continue;
        std::string hint;
        std::size_t best = 3;
        for (const auto* u : unknown)
            for (auto n : c.names) {
                const std::size_t d = edit_distance(lower_ascii(trim(u->text)), lower_ascii(n));
                if (d < best) { best = d; hint = std::string(trim(u->text)); }
            }
        errors.push_back(diag(file, at(header_line, 1),
                              {"見出し行に列「" + std::string(c.ja) + "」がありません" + (hint.empty() ? "" : "（「" + hint + "」のことですか?）"),
                               "the header row has no '" + std::string(c.code) + "' column" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)")},
                              {"見出し " + names_of(c), "a header named " + names_of(c)}));
    }
    if (!errors.empty()) return result;
    auto has = [&](Col c) { return index[static_cast<std::size_t>(c)].has_value(); };
    auto lab = [&](Col c) { return label[static_cast<std::size_t>(c)]; };

    std::vector<PatientRec> patients;
    std::map<std::string, std::size_t> by_number;
    // Consents are told apart by patient, date and disease; ends by patient and date.
    for (std::size_t r = *header_index + 1; r < grid.rows.size() && errors.size() < opt.max_errors; ++r) {
        const std::vector<Cell>& cells = grid.rows[r];
        const std::uint32_t row_line = grid.row_lines[r];
        if (std::all_of(cells.begin(), cells.end(), [](const Cell& f) { return trim(f.text).empty(); })) continue;
        // A header of two rows merged vertically: the second row holds the merged copies of the header's cells.
        bool header_copy = true;
        for (std::size_t k = 0; k < cells.size() && header_copy; ++k)
            header_copy = trim(cells[k].text).empty() || (cells[k].merged && k < header_cells.size() && cells[k].text == header_cells[k].text);
        if (header_copy) continue;
        if (grid.workbook && cells.size() > header_cells.size()) {
            const auto& f = cells[header_cells.size()];
            errors.push_back(diag(file, at(f.line, f.column),
                                  {"見出しのない列に値「" + shown(f.text) + "」があります", "a value '" + shown(f.text) + "' in a column without a header"},
                                  {"見出しのある列（" + std::to_string(header_cells.size()) + " 列）だけに値", "values only in the " + std::to_string(header_cells.size()) + " columns with a header"}));
            continue;
        }
        if (cells.size() > header_cells.size()) {
            const auto& f = cells[header_cells.size()];
            const auto& header = header_cells;
            const auto& row = cells;
            errors.push_back(diag(file, at(f.line, f.column),
                                  {"列が多すぎます（" + std::to_string(row.size()) + " 列、見出しは " + std::to_string(header.size()) +
                                       " 列）。コンマを含む値は \"…\" で囲んでください",
                                   "too many fields (" + std::to_string(row.size()) + ", the header has " +
                                       std::to_string(header.size()) + "); quote values that contain a comma"},
                                  {std::to_string(header.size()) + " 列", std::to_string(header.size()) + " fields"}));
            continue;
        }
        const std::size_t errors_before = errors.size();
        auto cell = [&](Col c) -> const Cell* {
            auto k = index[static_cast<std::size_t>(c)];
            if (!k || *k >= cells.size()) return nullptr;
            return &cells[*k];
        };
        auto text = [&](Col c) { const Cell* f = cell(c); return f ? trim(f->text) : std::string_view{}; };
        auto where = [&](Col c) -> std::pair<std::uint32_t, std::uint32_t> {
            const Cell* f = cell(c);
            if (f) return {f->line, f->column};
            // An empty cell past the row's last value: the workbook's column, the CSV row's end.
            if (grid.workbook) return {row_line, static_cast<std::uint32_t>(*index[static_cast<std::size_t>(c)] + 1)};
            return {row_line, cells.empty() ? 1u : cells.back().column};
        };
        auto error_at = [&](Col c, Text message, Text expected) {
            auto [l, k] = where(c);
            errors.push_back(diag(file, at(l, k), {lab(c) + ": " + message.ja, lab(c) + ": " + message.en}, std::move(expected)));
        };
        auto required_text = [&](Col c, const Text& expected) -> std::optional<std::string> {
            std::string_view v = text(c);
            if (v.empty()) {
                error_at(c, {"空です", "empty"}, expected);
                return std::nullopt;
            }
            if (has_forbidden_control(v)) {
                error_at(c, {"制御文字があります", "contains a control character"}, {"印字できる文字", "printable characters"});
                return std::nullopt;
            }
            return std::string(v);
        };
        auto optional_text = [&](Col c) -> std::string {
            std::string_view v = text(c);
            if (has_forbidden_control(v)) {
                error_at(c, {"制御文字があります", "contains a control character"}, {"印字できる文字", "printable characters"});
                return {};
            }
            return std::string(v);
        };
        auto date_of = [&](Col c, bool required) -> std::optional<Date> {
            std::string_view v = text(c);
            if (v.empty()) {
                if (required) error_at(c, {"空です", "empty"}, wareki::accepted_forms());
                return std::nullopt;
            }
            if (const Cell* f = cell(c); f && f->number) {  // a date cell: the serial number behind the date Excel shows
                Text problem;
                auto d = excel_serial_date(v, date1904, problem);
                if (!d) error_at(c, problem, {"日付（日付のセルか、令和6年10月1日 のような文字）", "a date (a date cell, or text such as 令和6年10月1日)"});
                return d;
            }
            auto p = wareki::parse(v);
            if (!p.date) {
                error_at(c, p.error, p.expected);
                return std::nullopt;
            }
            if (p.normalised) {
                auto [l, k] = where(c);
                result.warnings.push_back(diag(file, at(l, k), {lab(c) + ": " + p.warning.ja, lab(c) + ": " + p.warning.en}));
            }
            return p.date;
        };
        auto choice = [&](Col c, const auto& table, bool required, const char* empty_code) -> std::optional<std::string> {
            std::string_view v = text(c);
            if (v.empty()) {
                if (required) {
                    error_at(c, {"空です", "empty"}, choices_text(table));
                    return std::nullopt;
                }
                return std::string(empty_code);
            }
            if (const Choice* ch = choose(table, v)) return std::string(ch->code);
            error_at(c, {"「" + shown(v) + "」は使えません", "'" + shown(v) + "' is not allowed"}, choices_text(table));
            return std::nullopt;
        };

        // Patient.
        auto number = required_text(Col::patient, {"患者番号", "the patient's number"});
        auto name = required_text(Col::name, {"患者の氏名", "the patient's name"});
        auto birth = has(Col::birth) ? date_of(Col::birth, false) : std::nullopt;
        // Consent.
        auto consent_date = date_of(Col::consent_date, true);
        auto doctor = required_text(Col::doctor, {"同意した医師の氏名", "the consenting doctor's name"});
        auto disease_text = required_text(Col::disease, {"同意疾病名（神経痛、リウマチ、頸腕症候群、五十肩、腰痛症、頸椎捻挫後遺症、その他の病名）",
                                                          "the consented disease (神経痛, リウマチ, 頸腕症候群, 五十肩, 腰痛症, 頸椎捻挫後遺症, or another disease's name)"});
        auto kind = has(Col::consent_kind) ? choice(Col::consent_kind, kind_choices, false, "") : std::optional<std::string>("");
        auto form = has(Col::consent_form) ? choice(Col::consent_form, form_choices, false, "") : std::optional<std::string>("");
        auto period_end = has(Col::period_end) ? date_of(Col::period_end, false) : std::nullopt;
        // Visit.
        auto date = date_of(Col::date, true);
        auto techniques = choice(Col::techniques, technique_choices, true, "");
        auto first_exam = has(Col::first_exam) ? choice(Col::first_exam, yes_no, false, "false") : std::optional<std::string>("false");
        auto electro = has(Col::electro) ? choice(Col::electro, yes_no, false, "false") : std::optional<std::string>("false");
        auto home = has(Col::home_visit) ? choice(Col::home_visit, home_choices, false, "") : std::optional<std::string>("");
        std::string distance, building = optional_text(Col::building), reason = optional_text(Col::reason);
        const bool at_home = home && !home->empty();
        if (has(Col::distance) && !text(Col::distance).empty()) {
            Text problem;
            if (auto km = parse_km(text(Col::distance), problem)) {
                if (!at_home && *km != "0")
                    error_at(Col::distance, {"往療のない行に往療距離 " + *km + " km があります", "a home-visit distance of " + *km + " km on a row without a home visit"},
                             {"往療の行だけに距離", "a distance only on home-visit rows"});
                distance = *km;
            } else {
                error_at(Col::distance, problem, {"片道の直線距離（km、例 3.2）", "the one-way straight-line distance in km (e.g. 3.2)"});
            }
        } else if (at_home) {
            error_at(Col::distance, {"往療の行に往療距離がありません", "a home visit without its distance"},
                     {"片道の直線距離（km、例 3.2）", "the one-way straight-line distance in km (e.g. 3.2)"});
        }
        if (!at_home && home) {
            if (!building.empty())
                error_at(Col::building, {"往療のない行に建物があります", "a building on a row without a home visit"}, {"往療の行だけに建物", "a building only on home-visit rows"});
            if (!reason.empty())
                error_at(Col::reason, {"往療のない行に往療理由があります", "a home-visit reason on a row without a home visit"},
                         {"往療の行だけに理由", "a reason only on home-visit rows"});
        }
        // End of a course and amount.
        auto outcome = has(Col::outcome) ? choice(Col::outcome, outcome_choices, false, "") : std::optional<std::string>("");
        auto end_date = has(Col::end_date) ? date_of(Col::end_date, false) : std::nullopt;
        if (end_date && outcome && outcome->empty())
            error_at(Col::end_date, {"施術終了日に転帰がありません", "an end date without its outcome"},
                     {"同じ行の転帰（治癒、中止、転医）", "the outcome (治癒, 中止, 転医) on the same row"});
        std::optional<long long> amount;
        if (has(Col::amount)) {
            Text problem;
            if (text(Col::amount).empty())
                error_at(Col::amount, {"空です", "empty"}, {"その日の金額（円、0 も可）", "the day's amount in yen (0 allowed)"});
            else if (!(amount = parse_yen(text(Col::amount), problem)))
                error_at(Col::amount, problem, {"円単位の整数（例 1,610）", "whole yen (e.g. 1,610)"});
        }
        if (errors.size() != errors_before) continue;
        if (date && consent_date && *date < *consent_date) {
            error_at(Col::date, {"施術日 " + wareki::format(*date) + " が同意日 " + wareki::format(*consent_date) + " より前です",
                                 "the treatment day " + date->str() + " is before the consent's date " + consent_date->str()},
                     {"同意日以後の施術日", "a treatment day on or after the consent's date"});
            continue;
        }
        const Date end_day = end_date ? *end_date : *date;
        if (outcome && !outcome->empty() && end_day < *date) {
            error_at(Col::end_date, {"施術終了日 " + wareki::format(end_day) + " が同じ行の施術日 " + wareki::format(*date) + " より前です",
                                     "the end date " + end_day.str() + " is before the treatment day " + date->str() + " of its row"},
                     {"その行の施術日以後", "on or after the row's treatment day"});
            continue;
        }

        // Same patient: the same name and birth date on every row.
        auto [it, fresh] = by_number.try_emplace(*number, patients.size());
        if (fresh) {
            PatientRec p;
            p.number = *number;
            p.name = *name;
            p.birth = birth;
            p.line = row_line;
            patients.push_back(std::move(p));
        }
        PatientRec& p = patients[it->second];
        if (!fresh) {
            if (p.name != *name) {
                error_at(Col::name, {"患者番号 " + shown(*number) + " の氏名「" + shown(*name) + "」が " + row_ja(p.line) + "の「" + shown(p.name) + "」と違います",
                                     "patient " + shown(*number) + " is named '" + shown(*name) + "' here but '" + shown(p.name) + "' on " + row_en(p.line)},
                         {"同じ患者番号には同じ氏名", "the same name for the same patient number"});
                continue;
            }
            if (birth && p.birth && *birth != *p.birth) {
                error_at(Col::birth, {"患者番号 " + shown(*number) + " の生年月日 " + wareki::format(*birth) + " が " + row_ja(p.line) + "の " + wareki::format(*p.birth) + " と違います",
                                      "patient " + shown(*number) + " was born on " + birth->str() + " here but on " + p.birth->str() + " on " + row_en(p.line)},
                         {"同じ患者番号には同じ生年月日", "the same birth date for the same patient number"});
                continue;
            }
            if (birth && !p.birth) p.birth = birth;
        }
        // The consent: the same date and disease is the same consent, which must agree on the rest.
        const Choice* dz = choose(disease_choices, *disease_text);
        const std::string disease = dz ? std::string(dz->code) : "other";
        const std::string disease_name = dz ? "" : *disease_text;
        std::size_t ci = p.consents.size();
        for (std::size_t k = 0; k < p.consents.size(); ++k)
            if (p.consents[k].date == *consent_date && p.consents[k].disease == disease && p.consents[k].disease_name == disease_name) ci = k;
        if (ci == p.consents.size()) {
            p.consents.push_back(ConsentRec{*consent_date, *doctor, disease, disease_name, *kind, *form, period_end, row_line, {}});
        } else {
            const ConsentRec& c = p.consents[ci];
            auto differs = [&](Col col, const std::string& was, const std::string& now) {
                if (was == now) return false;
                error_at(col, {"同じ同意（同意日 " + wareki::format(c.date) + "）の内容「" + shown(now) + "」が " + row_ja(c.line) + "の「" + shown(was) + "」と違います",
                               "the same consent (dated " + c.date.str() + ") says '" + shown(now) + "' here but '" + shown(was) + "' on " + row_en(c.line)},
                         {"同じ同意の行はすべて同じ値", "the same value on every row of one consent"});
                return true;
            };
            if (differs(Col::doctor, c.doctor, *doctor) || (!kind->empty() && differs(Col::consent_kind, c.kind, *kind)) ||
                (!form->empty() && differs(Col::consent_form, c.form, *form)) ||
                (period_end && differs(Col::period_end, c.period_end ? c.period_end->str() : "", period_end->str())))
                continue;
        }
        VisitRec v;
        v.date = *date;
        v.consent = ci;
        v.techniques = *techniques;
        v.first_exam = *first_exam == "true";
        v.electro = *electro == "true";
        v.home_visit = *home;
        v.distance = at_home ? distance : "";
        v.building = at_home ? building : "";
        v.reason = at_home ? reason : "";
        v.amount = amount;
        v.line = row_line;
        p.visits.push_back(std::move(v));
        if (outcome && !outcome->empty()) {
            auto same = std::find_if(p.ends.begin(), p.ends.end(), [&](const EndRec& e) { return e.date == end_day; });
            if (same == p.ends.end()) {
                const Col c = end_date ? Col::end_date : Col::outcome;
                p.ends.push_back(EndRec{end_day, *outcome, where(c).first, where(c).second, lab(c)});
            } else if (same->outcome != *outcome) {
                error_at(Col::outcome, {wareki::format(end_day) + " の転帰が " + row_ja(same->line) + "と違います",
                                        "the outcome of " + end_day.str() + " differs from " + row_en(same->line)},
                         {"同じ終了日には同じ転帰", "one outcome per end date"});
            }
        }
    }
    // Each end closes the course of the visits since the previous end (as the clinic reader requires).
    for (auto& p : patients) {
        std::sort(p.ends.begin(), p.ends.end(), [](const EndRec& a, const EndRec& b) { return a.date < b.date; });
        for (std::size_t k = 0; k < p.ends.size() && errors.size() < opt.max_errors; ++k) {
            const EndRec& e = p.ends[k];
            const std::optional<Date> prev = k > 0 ? std::optional<Date>(p.ends[k - 1].date) : std::nullopt;
            if (std::any_of(p.visits.begin(), p.visits.end(), [&](const VisitRec& v) { return (!prev || v.date > *prev) && v.date <= e.date; }))
                continue;
            errors.push_back(diag(file, at(e.line, e.column),
                                  {e.label + ": 施術終了 " + wareki::format(e.date) + " と前の施術終了 " + wareki::format(*prev) + "（" +
                                       row_ja(p.ends[k - 1].line) + "）の間に施術日がありません",
                                   e.label + ": no treatment day between this end (" + e.date.str() + ") and the previous end (" + prev->str() +
                                       ", " + row_en(p.ends[k - 1].line) + ")"},
                                  {"施術の経過ごとに1つの施術終了", "one end per course of treatment"}));
        }
    }
    if (errors.size() >= opt.max_errors)
        errors.push_back(diag(file, Loc{}, {"エラーが多すぎるため確認を打ち切りました", "too many errors; stopped"}, {}));
    if (!errors.empty()) {
        result.warnings.clear();
        return result;
    }
    if (patients.empty()) {
        errors.push_back(diag(file, at(header_line, 1), {"施術の行がありません", "no treatment rows"},
                              {"見出し行の下に施術日ごとに1行", "one row per treatment day below the header"}));
        return result;
    }

    // Ids: the patient's number when it is a plain identifier, else a serial; consents by date.
    std::map<std::string, int> taken;
    for (std::size_t k = 0; k < patients.size(); ++k) {
        auto& p = patients[k];
        p.id = safe_id(p.number) ? "pt-" + p.number : "pt" + std::to_string(k + 1);
        if (taken[p.id]++ > 0) p.id += "-" + std::to_string(k + 1);
    }
    std::string x;
    x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x += "<!-- Converted by ahaki-check import (kind clinic) from a visit ledger; ledger:row is the ledger line each element came from. -->\n";
    x += "<clinic xmlns=\"urn:ahaki-check:clinic:1\" xmlns:ledger=\"" + std::string(ledger_namespace) + "\" name=\"" + xml_attr(trim(opt.name)) + "\">\n";
    std::map<std::pair<std::size_t, std::string>, long long> claim_totals;  // (patient, month) -> yen
    for (std::size_t pk = 0; pk < patients.size(); ++pk) {
        auto& p = patients[pk];
        // Consents in date order (then ledger order); kind inferred where the ledger does not say:
        // a patient's first consent is initial, so is one for another disease or after a cure or
        // transfer; otherwise a renewal.
        std::vector<std::size_t> order(p.consents.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p.consents[a].date < p.consents[b].date; });
        for (std::size_t n = 0; n < order.size(); ++n) {
            ConsentRec& c = p.consents[order[n]];
            c.id = p.id + "-c" + std::to_string(n + 1);
            if (!c.kind.empty()) continue;
            if (n == 0) { c.kind = "initial"; continue; }
            const ConsentRec& prev = p.consents[order[n - 1]];
            bool closed = std::any_of(p.ends.begin(), p.ends.end(), [&](const EndRec& e) {
                return (e.outcome == "cured" || e.outcome == "transferred") && e.date >= prev.date && e.date < c.date;
            });
            c.kind = (closed || prev.disease != c.disease || prev.disease_name != c.disease_name) ? "initial" : "renewal";
        }
        x += "  <patient id=\"" + xml_attr(p.id) + "\" name=\"" + xml_attr(p.name) + "\"";
        if (p.birth) x += " birth-date=\"" + p.birth->str() + "\"";
        x += " ledger:patient=\"" + xml_attr(p.number) + "\" ledger:row=\"" + std::to_string(p.line) + "\">\n";
        for (std::size_t k : order) {
            const ConsentRec& c = p.consents[k];
            x += "    <consent id=\"" + c.id + "\" kind=\"" + c.kind + "\" date=\"" + c.date.str() + "\" doctor=\"" + xml_attr(c.doctor) +
                 "\" disease=\"" + c.disease + "\"";
            if (!c.disease_name.empty()) x += " disease-name=\"" + xml_attr(c.disease_name) + "\"";
            if (c.period_end) x += " period-end=\"" + c.period_end->str() + "\"";
            if (!c.form.empty()) x += " form=\"" + c.form + "\"";
            x += " ledger:row=\"" + std::to_string(c.line) + "\"/>\n";
        }
        std::stable_sort(p.visits.begin(), p.visits.end(), [](const VisitRec& a, const VisitRec& b) { return a.date < b.date; });
        std::sort(p.ends.begin(), p.ends.end(), [](const EndRec& a, const EndRec& b) { return a.date < b.date; });
        std::size_t e = 0;
        auto emit_end = [&](const EndRec& en) {
            x += "    <end date=\"" + en.date.str() + "\" outcome=\"" + en.outcome + "\" ledger:row=\"" + std::to_string(en.line) + "\"/>\n";
            ++result.ends;
        };
        for (const auto& v : p.visits) {
            while (e < p.ends.size() && p.ends[e].date < v.date) emit_end(p.ends[e++]);
            x += "    <visit date=\"" + v.date.str() + "\" consent=\"" + p.consents[v.consent].id + "\" techniques=\"" + v.techniques + "\"";
            if (v.first_exam) x += " first-exam=\"true\"";
            if (v.electro) x += " electro=\"true\"";
            if (!v.home_visit.empty()) {
                x += " place=\"home\"";
                if (v.home_visit != "home") x += " home-visit=\"" + v.home_visit + "\"";
                x += " distance-km=\"" + v.distance + "\"";
                if (!v.building.empty()) x += " building=\"" + xml_attr(v.building) + "\"";
                if (!v.reason.empty()) x += " reason=\"" + xml_attr(v.reason) + "\"";
            }
            x += " ledger:row=\"" + std::to_string(v.line) + "\"/>\n";
            if (v.amount) claim_totals[{pk, month_of(v.date)}] += *v.amount;
        }
        while (e < p.ends.size()) emit_end(p.ends[e++]);
        x += "  </patient>\n";
        result.consents += p.consents.size();
        result.visits += p.visits.size();
    }
    // Claims: when the ledger has the day's amounts, one per patient and month, their sum.
    for (const auto& [key, total] : claim_totals) {
        const auto& p = patients[key.first];
        x += "  <claim id=\"cl-" + key.second + "-" + xml_attr(p.id) + "\" patient=\"" + xml_attr(p.id) + "\" month=\"" + key.second +
             "\" total=\"" + std::to_string(total) + "\"/>\n";
        ++result.claims;
    }
    x += "</clinic>\n";
    result.xml = std::move(x);
    result.patients = patients.size();
    return result;
}

}  // namespace ahaki::import
