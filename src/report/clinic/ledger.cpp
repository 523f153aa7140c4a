#include "report/clinic/ledger.hpp"

#include <map>
#include <set>

#include "model/wareki.hpp"
#include "report/escape.hpp"
#include "report/json_escape.hpp"
#include "report/report.hpp"

namespace ahaki {
namespace {

using namespace clinic;
using claims::yen;

/// Text from the input (a name, an id, a source) for the text report and a terminal: through the one escaping
/// layer (report/escape.hpp: controls, C1, bidirectional controls and line separators shown as \xNN/\uXXXX,
/// a leading :: or ## made inert) and shortened like every name.
std::string plain(std::string_view s) { return escape::shown(s); }
/// A whole line made from the input (a visit): escaped the same way, shortened like a message.
std::string plain_line(std::string_view s) { return escape::shown(s, escape::max_message); }

std::string js(std::string_view s) {
    std::string out(json_escape::max_escaped_size(s.size()) + 2, '\0');
    out[0] = '"';
    char* end = json_escape::write_escaped(out.data() + 1, s);
    *end++ = '"';
    out.resize(static_cast<std::size_t>(end - out.data()));
    return out;
}
std::string esc(std::string_view s) { return html_escape(s); }

struct MonthRow {
    Month month;
    std::vector<std::size_t> visits;  // by date
    std::vector<std::size_t> claims;  // indices into Clinic::claims
};

/// Claim indices per patient, in file order (once per section, not once per patient).
std::vector<std::vector<std::size_t>> claims_by_patient(const Clinic& c) {
    std::vector<std::vector<std::size_t>> out(c.patients.size());
    for (std::size_t k = 0; k < c.claims.size(); ++k) out[c.claims[k].patient].push_back(k);
    return out;
}

std::vector<MonthRow> months_of(const Clinic& c, const claims::Calc& calc, std::size_t pi, const std::vector<std::size_t>& claims_of) {
    std::map<Month, MonthRow> rows;
    const Patient& p = c.patients[pi];
    for (std::size_t vi : calc.patients[pi].order) {
        auto& r = rows[Month::of(p.visits[vi].date)];
        r.month = Month::of(p.visits[vi].date);
        r.visits.push_back(vi);
    }
    for (std::size_t k : claims_of) {
        auto& r = rows[c.claims[k].month];
        r.month = c.claims[k].month;
        r.claims.push_back(k);
    }
    std::vector<MonthRow> out;
    for (auto& [m, r] : rows) out.push_back(std::move(r));
    return out;
}

std::int64_t month_total(const MonthRow& r, const claims::PatientCalc& pc, bool& unknown) {
    std::int64_t t = 0;
    unknown = false;
    for (std::size_t vi : r.visits) {
        t += pc.fees[vi].total;
        unknown = unknown || pc.fees[vi].unknown;
    }
    return t;
}

std::string period_str(const claims::ConsentPeriod& per, Lang L) {
    if (!per.known) return L == Lang::ja ? "（期間の規則なし）" : "(no period rule)";
    return L == Lang::ja ? wareki::format(per.start) + "〜" + wareki::format(per.end) : per.start.str() + " to " + per.end.str();
}

std::string consent_head(const Consent& con, Lang L) {
    const bool ja = L == Lang::ja;
    std::string disease = con.disease == Disease::other ? plain(con.disease_name)
                                                        : std::string(ja ? info(con.disease).ja : info(con.disease).en);
    return ja ? "同意 " + plain(con.id) + "（" + (con.kind == ConsentKind::initial ? "初回" : "再同意") + "、" + wareki::format(con.date) + "、" +
                    disease + (con.form == ConsentForm::verbal ? "、口頭" : "") + "）"
              : "consent " + plain(con.id) + " (" + (con.kind == ConsentKind::initial ? "initial" : "renewal") + ", " + con.date.str() + ", " +
                    disease + (con.form == ConsentForm::verbal ? ", verbal" : "") + ")";
}

std::string text_section(const Clinic& c, const claims::Calc& calc, Lang L) {
    const bool ja = L == Lang::ja;
    const auto by_patient = claims_by_patient(c);
    std::string out;
    for (std::size_t pi = 0; pi < c.patients.size(); ++pi) {
        const Patient& p = c.patients[pi];
        const auto& pc = calc.patients[pi];
        out += (ja ? "  患者 " : "  patient ") + plain(p.name) + (ja ? "（" : " (") + plain(p.id) + (ja ? "）\n" : ")\n");
        for (std::size_t ci = 0; ci < p.consents.size(); ++ci)
            out += "    " + consent_head(p.consents[ci], L) + ": " + period_str(pc.periods[ci], L) + "\n";
        for (const auto& r : months_of(c, calc, pi, by_patient[pi])) {
            bool unknown = false;
            std::int64_t computed = month_total(r, pc, unknown);
            std::string head = "    " + (ja ? wareki::format_month(r.month.year, r.month.month) + "分" : r.month.str());
            std::string comp = unknown ? (ja ? "不明" : "unknown") : (ja ? yen(computed) : claims::yen_text(computed).en);
            if (r.claims.empty()) {
                head += ja ? "（申請なし）: 計算 " + comp : " (no claim): computed " + comp;
            } else {
                for (std::size_t k : r.claims) {
                    const Claim& cl = c.claims[k];
                    std::string claimed = ja ? yen(cl.total) : claims::yen_text(cl.total).en;
                    bool same = !unknown && cl.total == computed;
                    head += ja ? "（申請 " + plain(cl.id.empty() ? r.month.str() : cl.id) + "）: 請求 " + claimed + " / 計算 " + comp + (same ? "" : unknown ? "" : " ×")
                               : " (claim " + plain(cl.id.empty() ? r.month.str() : cl.id) + "): claimed " + claimed + " / computed " + comp +
                                     (same || unknown ? "" : " x");
                }
            }
            out += head + "\n";
            for (std::size_t vi : r.visits) out += "      " + plain_line(claims::visit_line(p.visits[vi], pc.fees[vi]).in(L)) + "\n";
        }
    }
    return out;
}

std::string json_section(const Clinic& c, const Ryoyohi& data, const claims::Calc& calc, Lang L) {
    const auto by_patient = claims_by_patient(c);
    std::string o = "{\"kind\":\"clinic\",\"name\":" + js(c.name) + ",\"ryoyohi\":" + js(data.id) + ",\"patients\":[";
    for (std::size_t pi = 0; pi < c.patients.size(); ++pi) {
        const Patient& p = c.patients[pi];
        const auto& pc = calc.patients[pi];
        if (pi) o += ',';
        o += "{\"id\":" + js(p.id) + ",\"name\":" + js(p.name) + ",\"consents\":[";
        for (std::size_t ci = 0; ci < p.consents.size(); ++ci) {
            const Consent& con = p.consents[ci];
            const auto& per = pc.periods[ci];
            if (ci) o += ',';
            o += "{\"id\":" + js(con.id) + ",\"kind\":" + js(con.kind == ConsentKind::initial ? "initial" : "renewal") + ",\"date\":" +
                 js(con.date.str()) + ",\"date_wareki\":" + js(wareki::format(con.date)) + ",\"disease\":" + js(info(con.disease).code);
            if (per.known)
                o += ",\"period\":{\"start\":" + js(per.start.str()) + ",\"end\":" + js(per.end.str()) + ",\"start_wareki\":" +
                     js(wareki::format(per.start)) + ",\"end_wareki\":" + js(wareki::format(per.end)) + ",\"months\":" +
                     std::to_string(per.months) + ",\"limited_by_form\":" + (per.limited_by_form ? "true" : "false") + "}";
            else
                o += ",\"period\":null";
            o += '}';
        }
        o += "],\"months\":[";
        bool first_month = true;
        for (const auto& r : months_of(c, calc, pi, by_patient[pi])) {
            if (!first_month) o += ',';
            first_month = false;
            bool unknown = false;
            std::int64_t computed = month_total(r, pc, unknown);
            o += "{\"month\":" + js(r.month.str()) + ",\"month_wareki\":" + js(wareki::format_month(r.month.year, r.month.month)) +
                 ",\"computed\":" + (unknown ? std::string("null") : std::to_string(computed)) + ",\"claims\":[";
            for (std::size_t i = 0; i < r.claims.size(); ++i) {
                const Claim& cl = c.claims[r.claims[i]];
                if (i) o += ',';
                o += "{\"id\":" + (cl.id.empty() ? std::string("null") : js(cl.id)) + ",\"total\":" + std::to_string(cl.total) + "}";
            }
            o += "],\"visits\":[";
            for (std::size_t i = 0; i < r.visits.size(); ++i) {
                const Visit& v = p.visits[r.visits[i]];
                const auto& f = pc.fees[r.visits[i]];
                if (i) o += ',';
                o += "{\"date\":" + js(v.date.str()) + ",\"date_wareki\":" + js(wareki::format(v.date)) + ",\"edition\":" +
                     (f.edition ? js(f.edition->from.str()) : std::string("null")) + ",\"items\":[";
                for (std::size_t j = 0; j < f.lines.size(); ++j) {
                    const auto& l = f.lines[j];
                    if (j) o += ',';
                    o += "{\"code\":" + js(l.code) + ",\"item\":" + js(l.item.in(L)) + ",\"yen\":" +
                         (l.unknown ? std::string("null") : std::to_string(l.yen)) + ",\"mark\":" + js(mark_code(l.mark)) +
                         ",\"paid\":" + (l.denied == claims::Denied::none ? "true" : "false") +
                         (l.note.empty() ? std::string() : ",\"note\":" + js(l.note.in(L))) + "}";
                }
                o += "],\"total\":" + (f.unknown ? std::string("null") : std::to_string(f.total)) + "}";
            }
            o += "]}";
        }
        o += "]}";
    }
    o += "]}";
    return o;
}

/// The consent periods of a patient as a row of month cells, from the first
/// month of any period or visit to the last.
std::string timeline_html(const Patient& p, const claims::PatientCalc& pc, const std::vector<MonthRow>& rows, Lang L) {
    const bool ja = L == Lang::ja;
    std::optional<Month> lo, hi;
    auto widen = [&](Month m) {
        if (!lo || m < *lo) lo = m;
        if (!hi || *hi < m) hi = m;
    };
    for (const auto& per : pc.periods)
        if (per.known) { widen(Month::of(per.start)); widen(Month::of(per.end)); }
    for (const auto& r : rows) widen(r.month);
    if (!lo) return {};
    if (hi->index() - lo->index() > 71) hi = Month::of(lo->first().add_months(71));  // six years at most on one line
    std::string s = "<table class=\"timeline\"><tr><th>" + std::string(ja ? "同意" : "consent") + "</th>";
    for (int i = lo->index(); i <= hi->index(); ++i) {
        Month m{i / 12, i % 12 + 1};
        s += "<th>" + (m.month == 1 || i == lo->index() ? std::to_string(m.year) + "/" : std::string()) + std::to_string(m.month) + "</th>";
    }
    s += "</tr>\n";
    std::map<std::pair<std::size_t, Month>, std::size_t> per_consent;  // visits by consent and month, in one pass
    for (const auto& v : p.visits) ++per_consent[{v.consent, Month::of(v.date)}];
    for (std::size_t ci = 0; ci < p.consents.size(); ++ci) {
        const auto& per = pc.periods[ci];
        s += "<tr><td class=\"nw\">" + esc(p.consents[ci].id) + " " + esc(period_str(per, L)) + "</td>";
        for (int i = lo->index(); i <= hi->index(); ++i) {
            Month m{i / 12, i % 12 + 1};
            bool in = per.known && Month::of(per.start) <= m && m <= Month::of(per.end);
            auto found = per_consent.find({ci, m});
            std::size_t n = found == per_consent.end() ? 0 : found->second;
            s += std::string("<td class=\"") + (in ? "in" : "out") + "\">" + (n ? std::to_string(n) : std::string()) + "</td>";
        }
        s += "</tr>\n";
    }
    return s + "</table>\n";
}

std::string html_section(const Clinic& c, const Ryoyohi& data, const claims::Calc& calc, const std::vector<Outcome>& outcomes, Lang L) {
    const bool ja = L == Lang::ja;
    (void)outcomes;
    const auto by_patient = claims_by_patient(c);
    std::string s = "<section class=\"ledger\">\n<style>.ledger table{border-collapse:collapse;margin:.3em 0}.ledger td,.ledger th{border:1px solid #999;"
                    "padding:2px 5px;font-size:90%}.ledger td.y{text-align:right}.ledger .in{background:#cde}.ledger .out{background:#fff}"
                    ".ledger .bad{background:#fdd}.ledger h4{page-break-after:avoid}.ledger .month{page-break-inside:avoid}</style>\n";
    s += "<h3>" + std::string(ja ? "施術と申請の台帳" : "Treatment and claim ledger") + "</h3>\n<p>" +
         (ja ? "施術所 " + esc(c.name) + "、療養費データ " + esc(data.id) + "（料金は施術日に適用される版）"
             : "clinic " + esc(c.name) + ", 療養費 data " + esc(data.id) + " (each fee from the edition in force on the treatment day)") +
         "</p>\n";
    for (std::size_t pi = 0; pi < c.patients.size(); ++pi) {
        const Patient& p = c.patients[pi];
        const auto& pc = calc.patients[pi];
        auto rows = months_of(c, calc, pi, by_patient[pi]);
        s += "<h4>" + esc(p.name) + "（" + esc(p.id) + "）</h4>\n" + timeline_html(p, pc, rows, L);
        for (const auto& r : rows) {
            bool unknown = false;
            std::int64_t computed = month_total(r, pc, unknown);
            s += "<div class=\"month\"><table><tr><th colspan=\"3\">" +
                 esc(ja ? wareki::format_month(r.month.year, r.month.month) + "分" : r.month.str()) + "</th></tr>\n<tr><th>" +
                 (ja ? "施術日" : "date") + "</th><th>" + (ja ? "算定項目" : "fee items") + "</th><th>" + (ja ? "金額" : "amount") + "</th></tr>\n";
            for (std::size_t vi : r.visits) {
                const Visit& v = p.visits[vi];
                const auto& f = pc.fees[vi];
                std::string items;
                for (const auto& l : f.lines) {
                    if (!items.empty()) items += "<br>";
                    items += esc(l.item.in(L)) + " " + (l.unknown ? std::string(ja ? "（額不明）" : "(unknown)") : esc(ja ? yen(l.yen) : claims::yen_text(l.yen).en));
                    if (l.denied != claims::Denied::none) items += " <i>" + esc(l.note.in(L)) + "</i>";
                }
                s += "<tr><td class=\"nw\">" + esc(ja ? wareki::format(v.date) : v.date.str()) + "</td><td>" + items + "</td><td class=\"y\">" +
                     (f.unknown ? std::string(ja ? "不明" : "unknown") : esc(ja ? yen(f.total) : claims::yen_text(f.total).en)) + "</td></tr>\n";
            }
            std::string comp = unknown ? std::string(ja ? "不明" : "unknown") : (ja ? yen(computed) : claims::yen_text(computed).en);
            s += "<tr><th colspan=\"2\">" + std::string(ja ? "計算した合計" : "computed total") + "</th><td class=\"y\">" + esc(comp) + "</td></tr>\n";
            for (std::size_t k : r.claims) {
                const Claim& cl = c.claims[k];
                bool bad = !unknown && cl.total != computed;
                s += std::string("<tr") + (bad ? " class=\"bad\"" : "") + "><th colspan=\"2\">" + (ja ? "請求額（申請 " : "claimed (claim ") +
                     esc(cl.id.empty() ? r.month.str() : cl.id) + (ja ? "）" : ")") + "</th><td class=\"y\">" +
                     esc(ja ? yen(cl.total) : claims::yen_text(cl.total).en) + "</td></tr>\n";
            }
            if (r.claims.empty())
                s += "<tr><th colspan=\"2\">" + std::string(ja ? "請求額" : "claimed") + "</th><td>" + (ja ? "申請なし" : "no claim") + "</td></tr>\n";
            s += "</table></div>\n";
        }
    }
    return s + "</section>\n";
}

std::string value_str(const FeeValue& v) {
    if (!v.present) return "-";
    if (!v.yen) return "UNKNOWN";
    return std::to_string(*v.yen) + (v.mark == Mark::seed ? "" : " " + std::string(mark_code(v.mark)));
}

}  // namespace

std::string ryoyohi_listing(const Ryoyohi& data, Lang L) {
    const bool ja = L == Lang::ja;
    std::string s = plain(data.id) + ": " + plain(data.title.in(L)) + (ja ? "（" : " (") + plain(data.origin) + (ja ? "）\n" : ")\n");
    s += ja ? "料金の版（施術日がこの日以後、次の版の前日まで。値の後は出典区分、無印は SEED、- はその版にない料金）\n"
            : "fee editions (for treatment days from the date until the next edition; a mark follows each value, none for SEED; - : no such fee)\n";
    for (const auto& e : data.editions) {
        s += "  " + e.from.str() + " " + (ja ? wareki::format(e.from) + " " : std::string()) + plain(e.name) +
             (e.date_mark == Mark::seed ? "" : " [date " + std::string(mark_code(e.date_mark)) + "]") +
             (e.source.empty() ? "" : " (" + plain(e.source) + ")") + "\n    ";
        for (std::size_t i = 0; i < fee_item_count; ++i) {
            auto item = static_cast<FeeItem>(i);
            s += (i ? ", " : "") + fee_item_text(item).in(L) + " " + value_str(e.fee(item));
        }
        if (!e.bands.empty()) {
            s += ja ? "\n    往療料（片道）: " : "\n    home-visit fee (one way): ";
            for (std::size_t i = 0; i < e.bands.size(); ++i)
                s += (i ? ", " : "") + std::string(ja ? "〜" : "up to ") + e.bands[i].up_to_km.str() + "km " + value_str(e.bands[i].fee);
        }
        if (!e.tiers.empty()) {
            s += ja ? "\n    訪問施術料: " : "\n    home treatment fee: ";
            for (std::size_t i = 0; i < e.tiers.size(); ++i) {
                const auto& t = e.tiers[i];
                FeeValue two = t.two;
                s += (i ? ", " : "") + plain(t.name) + " (" + std::to_string(t.min_patients) + (ja ? "人〜) " : "+ patients) ") +
                     value_str(t.one) + " / " + (two.yen ? std::to_string(*two.yen) : std::string("UNKNOWN"));
            }
        }
        s += "\n";
    }
    s += ja ? "規則のパラメータ（この日から）\n" : "rule parameters (from the date)\n";
    for (const auto& p : data.params)
        s += "  " + plain(p.name) + " " + p.from.str() + ": " + std::to_string(p.value) + " " + std::string(mark_code(p.mark)) +
             (p.source.empty() ? "" : " (" + plain(p.source) + ")") + "\n";
    return s;
}

KindSummary clinic_summary(const Clinic& c, const Ryoyohi& data, const claims::Calc& calc, const std::vector<Outcome>& outcomes,
                           const RunOptions::SummaryParts& parts) {
    KindSummary k;
    k.kind = "clinic";
    k.heading = {"（施術所「" + plain(c.name) + "」、療養費データ " + plain(data.id) + "）",
                 " (clinic \"" + plain(c.name) + "\", 療養費 data " + plain(data.id) + ")"};
    // Only the parts a run writes: each is a full pass over the visits.
    if (parts.text) k.text = {parts.ja ? text_section(c, calc, Lang::ja) : "", parts.en ? text_section(c, calc, Lang::en) : ""};
    if (parts.json) k.json = {parts.ja ? json_section(c, data, calc, Lang::ja) : "", parts.en ? json_section(c, data, calc, Lang::en) : ""};
    if (parts.html)
        k.html = {parts.ja ? html_section(c, data, calc, outcomes, Lang::ja) : "", parts.en ? html_section(c, data, calc, outcomes, Lang::en) : ""};
    return k;
}

}  // namespace ahaki
