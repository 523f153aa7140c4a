#!/usr/bin/env python3
"""Writes the real-layout visit ledgers (施術台帳) the ledger tests import (run from this directory;
the outputs are committed, so the tests need no Python).

The layout follows what receipt software exports into Excel: a first sheet that is not the ledger
(集計), then the sheet 来院記録 with a title (merged over the columns) and a blank row above the
header; dates stored as date cells (Excel serial numbers with a date format: 和暦 for 施術日, yyyy/m/d
for 同意日) except some typed as text (S18.7.7); distances and yen stored as numbers, one yen cell a
formula with its saved result; a column of the clinic's own (備考).

ledger-layout.csv is the same sheet as Excel saves it as CSV UTF-8 (each cell as shown), so importing
either must give the same XML. ledger-1904.xlsx is the same workbook in the 1904 date system;
ledger-isodate.xlsx the same with its date cells of type d (ISO 8601, as Strict Open XML writes them).
The bad workbooks go to tests/bad-input/files (the catalogue).
"""
import datetime
import os

from make_sheets import Sheet, esc, xlsx  # noqa: F401  (the same zip writer as the curriculum sheets)
import zipfile

ERA = [("令和", datetime.date(2019, 5, 1), 2019), ("平成", datetime.date(1989, 1, 8), 1989), ("昭和", datetime.date(1926, 12, 25), 1926)]


def wareki(d):
    for name, first, gannen in ERA:
        if d >= first:
            y = d.year - gannen + 1
            return f"{name}{'元' if y == 1 else y}年{d.month}月{d.day}日"
    raise ValueError(d)


def slash(d):
    return f"{d.year}/{d.month}/{d.day}"


D = datetime.date
HEADER = ["患者番号", "患者氏名", "生年月日", "同意区分", "同意日", "同意医師", "同意疾病", "施術日", "術式", "初検", "電療",
          "往療", "往療距離", "建物", "往療理由", "転帰", "施術終了日", "金額", "備考"]
# Dates are date objects (date cells) or strings (typed as text); yen and km numbers; ("f", formula, value) a formula.
ROWS = [
    ["0001", "山田花子", D(1950, 4, 1), "初回", D(2024, 10, 10), "佐藤一郎", "腰痛症", D(2024, 10, 16), "はり・きゅう", "○", "○", "", "", "", "", "", "", 4100, ""],
    ["0001", "山田花子", D(1950, 4, 1), "初回", D(2024, 10, 10), "佐藤一郎", "腰痛症", D(2024, 10, 23), "はり・きゅう", "", "○", "", "", "", "", "", "", ("f", "1770+100", 1870), ""],
    ["0001", "山田花子", D(1950, 4, 1), "初回", D(2024, 10, 10), "佐藤一郎", "腰痛症", D(2024, 10, 30), "はり・きゅう", "", "○", "", "", "", "", "", "", 1870, ""],
    ["0001", "山田花子", D(1950, 4, 1), "初回", D(2024, 10, 10), "佐藤一郎", "腰痛症", D(2024, 11, 6), "はり", "", "", "突発", 3.2, "", "急性の腰痛で歩行困難", "", "", 3910, "電話で依頼"],
    ["0002", "鈴木一郎", "S18.7.7", "初回", D(2024, 9, 2), "高木誠", "五十肩", D(2024, 10, 1), "きゅう", "", "", "定期", 1.5, "グループホーム城南", "要介護4で通院困難", "", "", 2760, ""],
    ["0003", "鈴木花枝", "S20.1.15", "初回", D(2024, 9, 2), "高木誠", "神経痛", "R6.10.1", "きゅう", "", "", "定期", 1.5, "グループホーム城南", "脳梗塞後遺症で独歩不能", "", "", 2760, ""],
    ["0004", "田中実", D(1958, 3, 21), "初回", D(2024, 8, 19), "石田浩", "頸腕症候群", D(2024, 8, 20), "はり", "○", "", "", "", "", "", "", "", 3560, ""],
    ["0004", "田中実", D(1958, 3, 21), "初回", D(2024, 8, 19), "石田浩", "頸腕症候群", D(2024, 9, 24), "はり", "", "", "", "", "", "", "治癒", D(2024, 9, 30), 1610, ""],
    ["0005", "伊藤節子", D(1940, 11, 3), "再同意", "令和６年９月２０日", "野村真理", "変形性膝関節症", D(2024, 10, 2), "はり・きゅう", "", "", "", "", "", "", "", "", 1770, ""],
]
TITLE = "施術台帳（令和6年8月〜11月）　青葉鍼灸院"
DATE_STYLE = {4: 2}  # 同意日 in yyyy/m/d (style 2); the other date cells in 和暦 (style 1)

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')


def serial(d, date1904):
    return (d - (D(1904, 1, 1) if date1904 else D(1899, 12, 30))).days


def shown(v, col):
    """The cell as Excel shows it (and saves it to CSV)."""
    if isinstance(v, D):
        return slash(v) if col in DATE_STYLE else wareki(v)
    if isinstance(v, tuple):
        return str(v[2])
    return str(v)


def ledger_sheet(strings, rows, date1904, iso=False):
    sh = Sheet(strings)
    sh.s(1, 1, TITLE)
    sh.merges.append(f"A1:S1")
    for c, h in enumerate(HEADER, 1):
        sh.s(3, c, h)
    for r, row in enumerate(rows, 4):
        for c, v in enumerate(row):
            col = c + 1
            if isinstance(v, D) and iso:  # a date cell of type d: ISO 8601 (Strict Open XML, openpyxl iso_dates)
                style = DATE_STYLE.get(c, 1)
                sh.rows.setdefault(r, []).append(f'<c r="{chr(64 + col)}{r}" s="{style}" t="d"><v>{v.isoformat()}T00:00:00</v></c>')
            elif isinstance(v, tuple) and v[0] == "iso":  # a type-d cell as written
                sh.rows.setdefault(r, []).append(f'<c r="{chr(64 + col)}{r}" s="1" t="d"><v>{v[1]}</v></c>')
            elif isinstance(v, D):
                style = DATE_STYLE.get(c, 1)
                sh.rows.setdefault(r, []).append(f'<c r="{chr(64 + col)}{r}" s="{style}"><v>{serial(v, date1904)}</v></c>')
            elif isinstance(v, tuple) and v[0] == "serial":  # a raw serial number in a date cell
                sh.rows.setdefault(r, []).append(f'<c r="{chr(64 + col)}{r}" s="1"><v>{v[1]}</v></c>')
            elif isinstance(v, tuple):
                sh.n(r, col, v[2] if v[2] is not None else "", v[1], cached=v[2] is not None)
            elif isinstance(v, (int, float)):
                sh.n(r, col, v)
            else:
                sh.s(r, col, v)
    return sh.xml()


def workbook(path, rows, date1904=False, sheet_name="来院記録", iso=False):
    strings = []
    summary = Sheet(strings)
    summary.s(1, 1, "月別集計")
    summary.s(2, 1, "令和6年10月")
    summary.n(2, 2, 23300)
    sheets = [("集計", summary.xml()), (sheet_name, ledger_sheet(strings, rows, date1904, iso))]
    xlsx(path, sheets, strings)
    # The writer of make_sheets has no styles or workbook properties: add them (date formats, the 1904 system).
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    wb = parts["xl/workbook.xml"].decode()
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="166925"/>'
    wb = wb.replace('relationships">', 'relationships">' + pr, 1)
    parts["xl/workbook.xml"] = wb.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    parts["xl/styles.xml"] = STYLES.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def csv_text(rows):
    def q(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    lines = [[TITLE] + [""] * (len(HEADER) - 1), [""] * len(HEADER), HEADER] + [[shown(v, c) for c, v in enumerate(r)] for r in rows]
    return "\r\n".join(",".join(q(c) for c in r) for r in lines) + "\r\n"


if __name__ == "__main__":
    workbook("ledger-layout.xlsx", ROWS)
    workbook("ledger-1904.xlsx", ROWS, date1904=True)
    workbook("ledger-isodate.xlsx", ROWS, iso=True)
    open("ledger-layout.csv", "w", encoding="utf-8-sig", newline="").write(csv_text(ROWS))
    bad = "../../bad-input/files/"
    # A formula whose result was never saved (written by a program, not by Excel): error at its cell.
    rows = [list(r) for r in ROWS]
    rows[1][17] = ("f", "1770+100", None)
    workbook(bad + "ledger-formula-without-result.xlsx", rows)
    # A date typed as text that does not exist.
    rows = [list(r) for r in ROWS]
    rows[2][7] = "令和7年2月29日"
    workbook(bad + "ledger-date-does-not-exist.xlsx", rows)
    # A date before its era began (令和 starts on 2019-05-01). (平成32年 is no error: read as 令和2年, warned.)
    rows = [list(r) for r in ROWS]
    rows[3][7] = "令和元年4月30日"
    workbook(bad + "ledger-before-era.xlsx", rows)
    # The date serial 60: Excel's 1900-02-29, which does not exist.
    rows = [list(r) for r in ROWS]
    rows[1][7] = ("serial", 60)
    workbook(bad + "ledger-serial-1900-02-29.xlsx", rows)
    # A type-d (ISO 8601) date cell of a day that does not exist, and one that is not a date at all.
    rows = [list(r) for r in ROWS]
    rows[2][7] = ("iso", "2025-02-29T00:00:00")
    workbook(bad + "ledger-isodate-does-not-exist.xlsx", rows)
    rows = [list(r) for r in ROWS]
    rows[2][7] = ("iso", "T10:30:00")
    workbook(bad + "ledger-isodate-time-only.xlsx", rows)
    # A workbook without any ledger header (a price list).
    strings = []
    sh = Sheet(strings)
    sh.s(1, 1, "料金表")
    sh.s(2, 1, "施術料（1術）")
    sh.n(2, 2, 1610)
    xlsx(bad + "ledger-no-header.xlsx", [("料金表", sh.xml())], strings)
    # An encrypted workbook (an OLE compound file) and a damaged one (half a real workbook).
    open(bad + "ledger-encrypted.xlsx", "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    data = open("ledger-layout.xlsx", "rb").read()
    open(bad + "ledger-truncated.xlsx", "wb").write(data[: len(data) // 2])
    # The same layout as CSV with a date outside its era and one that does not exist.
    rows = [list(r) for r in ROWS]
    rows[0][4] = "令和元年4月30日"
    open(bad + "ledger-era-before-start.csv", "w", encoding="utf-8-sig", newline="").write(csv_text(rows))
