#!/usr/bin/env python3
"""Writes the real-layout curriculum sheets the tests check (run from this directory;
the outputs are committed, so the tests need no Python).

The layout follows the 教育課程表 schools publish: a title and a blank row above the
header, a 分野 column and a 教育内容 column written once per group (merged cells in
the workbook, blank cells in the CSVs), 小計 rows after each 分野 and a 合計 at the
bottom, full-width digits in some cells, years such as 1・2 and 2～3年, 備考 text.
The same subjects are also written as a plain table (one full row per subject):
the tests assert that every layout gives the units and hours of the plain table.
"""
import zipfile

G1, G2, G3 = "基礎分野", "専門基礎分野", "専門分野"
# (分野, 教育内容, 科目, 方法, 単位, 時間, 年次, 備考)
S = [
    (G1, "科学的思考の基盤・人間と生活", "心理学", "講義", 2, 30, "1", ""),
    (G1, None, "生物学", "講義", 2, 30, "1", ""),
    (G1, None, "情報科学", "演習", 2, 60, "1", ""),
    (G1, None, "英語", "演習", 2, 60, "1・2", ""),
    (G1, None, "人間関係論", "講義", 2, 30, "1", "コミュニケーションを含む"),
    (G1, None, "保健体育", "実技", 2, 60, "1", ""),
    (G1, None, "教育学", "講義", 2, 30, "2", ""),
    (G2, "人体の構造と機能", "解剖学Ⅰ", "講義", 3, 90, "1", ""),
    (G2, None, "解剖学Ⅱ", "講義", 3, 90, "2", ""),
    (G2, None, "生理学Ⅰ", "講義", 2, 60, "1", ""),
    (G2, None, "生理学Ⅱ", "講義", 2, 60, "2", ""),
    (G2, None, "運動学", "講義", 2, 45, "2", "運動学を含む"),
    (G2, "疾病の成り立ち、予防及び回復の促進", "病理学", "講義", 2, 60, "1", ""),
    (G2, None, "臨床医学総論", "講義", 3, 90, "2", ""),
    (G2, None, "臨床医学各論", "講義", 4, 120, "2～3年", ""),
    (G2, None, "リハビリテーション医学", "講義", 2, 60, "3", ""),
    (G2, None, "衛生学・公衆衛生学", "講義", 1, 30, "1", ""),
    (G2, "保健医療福祉とはり及びきゆうの理念", "医療概論", "講義", 1, 30, "1", ""),
    (G2, None, "関係法規", "講義", 2, 30, "1", "社会保障制度及び職業倫理を含む"),
    (G3, "基礎はり学・基礎きゆう学", "東洋医学概論", "講義", 3, 90, "1", "東洋医学概論"),
    (G3, None, "経絡経穴概論", "講義", 3, 90, "1", "経絡経穴"),
    (G3, None, "はりきゅう理論", "講義", 3, 90, "1", ""),
    (G3, "臨床はり学・臨床きゆう学", "東洋医学臨床論Ⅰ", "講義", 4, 120, "2", ""),
    (G3, None, "東洋医学臨床論Ⅱ", "講義", 4, 120, "3", ""),
    (G3, None, "臨床はりきゅう学", "講義", 3, 90, "3", "適応の判断・病態生理学・生体観察を含む"),
    (G3, None, "東洋医学特論", "講義", 2, 60, "3", ""),
    (G3, "社会はり学・社会きゆう学", "社会はりきゅう学", "講義", 2, 30, "3", ""),
    (G3, "実習", "はり実技Ⅰ", "実技", 4, 160, "1", ""),
    (G3, None, "きゅう実技Ⅰ", "実技", 4, 160, "1", ""),
    (G3, None, "はりきゅう実技Ⅱ", "実技", 4, 160, "2", ""),
    (G3, None, "臨床実習前施術実技", "実習", 3, 120, "3", "臨床実習前施術実技試験を含む"),
    (G3, "臨床実習", "臨床実習", "臨床実習", 4, 180, "3", ""),
    (G3, "総合領域", "総合演習Ⅰ", "演習", 5, 150, "3", ""),
    (G3, None, "総合演習Ⅱ", "演習", 5, 150, "3", ""),
]
TITLE = "令和8年度　教育課程表（はり師・きゅう師科　昼間部）"
HEADER = ["分野", "教育内容", "授業科目", "授業方法", "単位数", "時間数", "配当年次", "備考"]
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def filled():
    """Rows with the 教育内容 written on every row (the plain table)."""
    out, area = [], None
    for g, a, *rest in S:
        area = a or area
        out.append((g, area, *rest))
    return out


def layout_rows():
    """The published layout: [(cells, kind)], kind = subject / subtotal / total / title / blank / header."""
    rows = [([TITLE], "title"), ([], "blank"), (HEADER, "header")]
    prev_group = None
    for i, (g, a, name, m, u, h, y, note) in enumerate(S):
        if prev_group and g != prev_group:
            rows.append(("subtotal", prev_group))
        prev_group = g
        wide = g == G3 and name.startswith("はり")  # full-width digits, as some offices type them
        rows.append(([g if (i == 0 or S[i - 1][0] != g) else "", a or "", name, m,
                      str(u).translate(WIDE) if wide else u, str(h).translate(WIDE) if wide else h, y, note], "subject"))
    rows.append(("subtotal", prev_group))
    rows.append(("total", None))
    return rows


def sums(group=None):
    su = sum(s[4] for s in S if group is None or s[0] == group)
    sh = sum(s[5] for s in S if group is None or s[0] == group)
    return su, sh


def csv_text(rows):
    def q(v):
        v = str(v)
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
    return "\r\n".join(",".join(q(c) for c in r) for r in rows) + "\r\n"


def layout_csv_rows():
    out = []
    for r, kind in layout_rows():
        if r == "subtotal":
            su, sh = sums(kind)
            out.append(["", "", kind + "　小計", "", su, sh, "", ""])
        elif r == "total":
            su, sh = sums()
            out.append(["", "", "合計", "", su, sh, "", ""])
        else:
            out.append(r)
    return out


def plain_csv_rows():
    return [["分野", "教育内容", "科目名", "授業方法", "単位数", "時間数", "配当年次", "備考"]] + [list(s) for s in filled()]


def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xlsx(path, sheets, strings):
    """sheets: [(name, xml body)]; strings: the shared-string list."""
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>')
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    for i, (name, body) in enumerate(sheets, 1):
        ct += f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        wb += f'<sheet name="{esc(name)}" sheetId="{i}" r:id="rId{i}"/>'
        rels += f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        z.writestr(f"xl/worksheets/sheet{i}.xml", body)
    n = len(sheets) + 1
    rels += f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    z.writestr("[Content_Types].xml", ct + "</Types>")
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", wb + "</sheets></workbook>")
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    sst = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    for s in strings:
        if isinstance(s, tuple):  # rich text with a phonetic guide, as Japanese Excel writes it
            sst += f'<si><r><t>{esc(s[0])}</t></r><r><rPr><b/></rPr><t>{esc(s[1])}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>'
        else:
            sst += f'<si><t xml:space="preserve">{esc(s)}</t></si>'
    z.writestr("xl/sharedStrings.xml", sst + "</sst>")
    z.close()


class Sheet:
    def __init__(self, strings):
        self.strings, self.rows, self.merges = strings, {}, []

    def s(self, r, c, text, inline=False):
        if text == "" or text is None:
            return
        if inline:
            self.rows.setdefault(r, []).append(f'<c r="{col(c)}{r}" t="inlineStr"><is><t>{esc(text)}</t></is></c>')
            return
        if text not in self.strings:
            self.strings.append(text)
        self.rows.setdefault(r, []).append(f'<c r="{col(c)}{r}" t="s"><v>{self.strings.index(text)}</v></c>')

    def n(self, r, c, v, formula=None, cached=True):
        f = f"<f>{esc(formula)}</f>" if formula else ""
        v_ = f"<v>{v}</v>" if cached else ""
        self.rows.setdefault(r, []).append(f'<c r="{col(c)}{r}">{f}{v_}</c>')

    def xml(self):
        body = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        for r in sorted(self.rows):
            body += f'<row r="{r}">' + "".join(self.rows[r]) + "</row>"
        body += "</sheetData>"
        if self.merges:
            body += f'<mergeCells count="{len(self.merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
        return body + "</worksheet>"


def layout_xlsx(path):
    strings = []
    notes = Sheet(strings)  # a first sheet that is not the curriculum
    notes.s(1, 1, "記入上の注意")
    notes.s(2, 1, "単位数・時間数は別表第一による")
    sh = Sheet(strings)
    sh.s(1, 1, TITLE)
    sh.merges.append("A1:H1")
    for c, h in enumerate(HEADER, 1):
        sh.s(3, c, h)
    r = 4
    group_start = area_start = None
    first_subject_row = {}
    prev = None
    for i, (g, a, name, m, u, h, y, note) in enumerate(S):
        if prev and g != prev[0]:
            sh.merges.append(f"A{group_start}:A{r - 1}")
            sh.merges.append(f"B{area_start}:B{r - 1}")
            su, shh = sums(prev[0])
            sh.s(r, 3, prev[0] + "　小計")
            sh.n(r, 5, su, f"SUM(E{group_start}:E{r - 1})")
            sh.n(r, 6, shh, f"SUM(F{group_start}:F{r - 1})")
            r += 1
            group_start = None
        if group_start is None:
            group_start = r
            sh.s(r, 1, g)
        if a:
            if area_start is not None and area_start < r and prev and prev[0] == g:
                sh.merges.append(f"B{area_start}:B{r - 1}")
            area_start = r
            sh.s(r, 2, a)
        sh.s(r, 3, name if name != "解剖学Ⅰ" else None)
        if name == "解剖学Ⅰ":
            strings.append(("解剖学", "Ⅰ"))  # rich text run + phonetic guide
            sh.rows.setdefault(r, []).append(f'<c r="C{r}" t="s"><v>{len(strings) - 1}</v></c>')
        sh.s(r, 4, m, inline=(name == "心理学"))
        if g == G3 and name.startswith("はり"):
            sh.s(r, 5, str(u).translate(WIDE))
            sh.s(r, 6, str(h).translate(WIDE))
        else:
            sh.n(r, 5, u)
            sh.n(r, 6, h)
        if y.isdigit():
            sh.n(r, 7, int(y))
        else:
            sh.s(r, 7, y)
        sh.s(r, 8, note)
        prev = (g, a)
        r += 1
    sh.merges.append(f"A{group_start}:A{r - 1}")
    if area_start < r - 1:
        sh.merges.append(f"B{area_start}:B{r - 1}")
    su, shh = sums(G3)
    sh.s(r, 3, G3 + "　小計")
    sh.n(r, 5, su, f"SUM(E{group_start}:E{r - 1})")
    sh.n(r, 6, shh, f"SUM(F{group_start}:F{r - 1})")
    r += 1
    su, shh = sums()
    sh.s(r, 1, "合計")
    sh.merges.append(f"A{r}:D{r}")
    sh.n(r, 5, su)
    sh.n(r, 6, shh)
    xlsx(path, [("記入上の注意", notes.xml()), ("教育課程", sh.xml())], strings)


def small_xlsx(path, cells, merges=()):
    """One sheet '教育課程' from {(row, col): value or ('f', formula, cached)}."""
    strings = []
    sh = Sheet(strings)
    for (r, c), v in sorted(cells.items()):
        if isinstance(v, tuple):
            sh.n(r, c, v[2] if v[2] is not None else "", v[1], cached=v[2] is not None)
        elif isinstance(v, (int, float)):
            sh.n(r, c, v)
        else:
            sh.s(r, c, v)
    sh.merges = list(merges)
    xlsx(path, [("教育課程", sh.xml())], strings)


if __name__ == "__main__":
    open("plain.csv", "w", encoding="utf-8", newline="").write(csv_text(plain_csv_rows()))
    open("layout-utf8.csv", "w", encoding="utf-8-sig", newline="").write(csv_text(layout_csv_rows()))
    open("layout-cp932.csv", "w", encoding="cp932", newline="").write(csv_text(layout_csv_rows()))
    layout_xlsx("layout.xlsx")
    head = {(1, c): h for c, h in enumerate(["科目名", "教育内容", "授業方法", "単位数", "時間数"], 1)}
    # A formula whose result was never saved (written by a program, not by Excel).
    small_xlsx("bad-formula.xlsx", {**head, (2, 1): "心理学", (2, 2): "基礎分野", (2, 3): "講義", (2, 4): ("f", "1+1", None), (2, 5): 30})
    # A table that is not a curriculum.
    small_xlsx("not-curriculum.xlsx", {(1, 1): "氏名", (1, 2): "住所", (2, 1): "山田", (2, 2): "東京"})
    # A printed subtotal that does not match its rows.
    small_xlsx("bad-subtotal.xlsx", {**head, (2, 1): "心理学", (2, 2): "基礎分野", (2, 3): "講義", (2, 4): 2, (2, 5): 30,
                                     (3, 1): "生物学", (3, 4): 2, (3, 5): 30, (3, 3): "講義", (4, 1): "小計", (4, 4): 5, (4, 5): 60},
               merges=["B2:B3"])
    # A header of two rows merged vertically, as tables with sub-headings are laid out.
    small_xlsx("two-row-header.xlsx", {**head, (3, 1): "心理学", (3, 2): "基礎分野", (3, 3): "講義", (3, 4): 2, (3, 5): 30,
                                       (4, 1): "生物学", (4, 2): "基礎分野", (4, 3): "講義", (4, 4): 2, (4, 5): 30},
               merges=[f"{c}1:{c}2" for c in "ABCDE"])
    # A zip bomb: 8 MiB of zeros in a few kilobytes (ratio far above the limit).
    z = zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED)
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", "<Relationships/>")
    z.writestr("xl/sharedStrings.xml", "<sst>" + " " * (8 << 20) + "</sst>")
    z.close()
    # An encrypted workbook: Excel stores it as an OLE compound file, not a zip.
    open("encrypted.xlsx", "wb").write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    # A damaged one: the first half of a real workbook.
    data = open("layout.xlsx", "rb").read()
    open("truncated.xlsx", "wb").write(data[: len(data) // 2])
