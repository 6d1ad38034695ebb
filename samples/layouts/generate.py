#!/usr/bin/python3
"""Writes the layout samples of issue 17 under samples/layouts/ with openpyxl and Python's codecs (other
writers than the pipeline's reader and than the tests' Open XML SDK builder), and expected.json: for each
file, the department and every value a person reads in it (indicator, fiscal year, ward name or null for the
whole city, month or null, value), or the problem code a refused file must get.
Then LibreOffice, a third writer, converts each openpyxl workbook to .ods and saves it again as .xlsx, and converts the
UTF-8 tab-separated export to .ods, into libreoffice/ with the same expected values (CI never runs this: the tests
read the files checked in).
The figures are invented. Run: apt-get install python3-openpyxl libreoffice-calc-nogui && /usr/bin/python3 samples/layouts/generate.py
"""
import json, os, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
WARDS = ["中央区", "東区", "西区", "南区", "北区"]
expected = {}

def save(wb, name, department, values=None, refused=None):
    wb.save(os.path.join(HERE, name))
    expected[name] = {"department": department, "values": values or [], "refused": refused}

# Headings with units and an Alt+Enter line break.
wb = Workbook(); ws = wb.active; ws.title = "実績"
ws.append(["指標ID", "年　度", "実績値\n（件）"]); ws["C1"].alignment = Alignment(wrap_text=True)
ws.append(["III-1-K1", "令和3年度", 1100]); ws.append(["III-1-K1", "R4", "1,120件"])
save(wb, "units_in_headings.xlsx", "seikatsu-jiritsu", [["III-1-K1", 2021, None, None, 1100], ["III-1-K1", 2022, None, None, 1120]])

# A unit contradicting the indicator.
wb = Workbook(); ws = wb.active
ws.append(["指標ID", "年度", "実績(％)"]); ws.append(["III-1-K1", "R4", 1120])
save(wb, "unit_contradicts.xlsx", "seikatsu-jiritsu", refused="unit_mismatch")

# Year-suffixed wide headings and a merged title row.
wb = Workbook(); ws = wb.active; ws.title = "推移"
ws.append(["新規相談受付件数の推移"]); ws.merge_cells("A1:F1")
ws.append(["指標ID", "H30実績", "R2実績", "令和3年度実績", "令和５年度（実績）", "2022年度実績値"])
ws.append(["III-1-K1", 900, 1000, 1050, 1150, 1100])
save(wb, "year_suffixed_wide.xlsx", "seikatsu-jiritsu",
     [["III-1-K1", fy, None, None, v] for fy, v in [(2018, 900), (2020, 1000), (2021, 1050), (2023, 1150), (2022, 1100)]])

# The era in the heading, bare numbers in the cells.
wb = Workbook(); ws = wb.active
ws.append(["指標ID", "年度（令和）", "実績値"]); ws.append(["III-1-K1", 4, 1100]); ws.append(["III-1-K1", 5, 1150])
save(wb, "era_in_heading.xlsx", "seikatsu-jiritsu", [["III-1-K1", 2022, None, None, 1100], ["III-1-K1", 2023, None, None, 1150]])

# Two header rows: a group title merged across years, the indicator heading merged down.
wb = Workbook(); ws = wb.active
ws.append(["指標ID", "実績値", None, "目標値", None]); ws.append([None, "R4", "R5", "R4", "R5"])
ws.merge_cells("A1:A2"); ws.merge_cells("B1:C1"); ws.merge_cells("D1:E1")
ws.append(["III-1-K1", 1100, 1150, 1200, 1250])
save(wb, "two_header_rows.xlsx", "seikatsu-jiritsu", [["III-1-K1", 2022, None, None, 1100], ["III-1-K1", 2023, None, None, 1150]])

# Two header rows that cannot be told apart.
wb = Workbook(); ws = wb.active
ws.append(["指標ID", "上期", None, "下期", None]); ws.append([None, "R4", "R5", "R4", "R5"])
ws.append(["III-1-K1", 500, 520, 600, 630])
save(wb, "ambiguous_header.xlsx", "seikatsu-jiritsu", refused="header_ambiguous")

# Wards as columns, the total as the whole city; a total row skipped.
wb = Workbook(); ws = wb.active; ws.title = "区別"
ws.append(["指標ID", "年度"] + ["熊本市" + w for w in WARDS] + ["合計"])
rows = {2022: [290, 240, 190, 210, 190], 2023: [300, 250, 200, 220, 180]}
for fy, vs in rows.items():
    ws.append(["III-1-K1", fy] + vs + [sum(vs)])
ws.append(["合計", None] + [a + b for a, b in zip(*rows.values())] + [sum(map(sum, rows.values()))])
save(wb, "wards_as_columns.xlsx", "seikatsu-jiritsu",
     [["III-1-K1", fy, w, None, v] for fy, vs in rows.items() for w, v in list(zip(WARDS, vs)) + [(None, sum(vs))]])

wb = Workbook(); ws = wb.active
ws.append(["指標ID", "年度"] + WARDS + ["計"]); ws.append(["III-1-K1", "R5", 300, 250, 200, 220, 180, 1200])
save(wb, "ward_total_differs.xlsx", "seikatsu-jiritsu", refused="total_mismatch")

# Months as columns in April order with the year total.
wb = Workbook(); ws = wb.active; ws.title = "月別"
months = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
ws.append(["指標ID", "年度", "区"] + [f"{m}月" for m in months] + ["年計"])
vals = [10, 12, 9, 11, 14, 8, 10, 13, 7, 9, 12, 15]
ws.append(["III-1-K1", "令和5年度", "南区"] + vals + [sum(vals)])
save(wb, "months_as_columns.xlsx", "seikatsu-jiritsu", [["III-1-K1", 2023, "南区", m, v] for m, v in zip(months, vals)])

wb = Workbook(); ws = wb.active
ws.append(["指標ID", "年度"] + [f"{m}月" for m in months] + ["合計"]); ws.append(["III-1-K1", "R5"] + vals + [sum(vals) + 1])
save(wb, "month_total_differs.xlsx", "seikatsu-jiritsu", refused="total_mismatch")

# Text exports: Excel's Unicode text (UTF-16 with BOM, tabs) named .csv; tab-separated CP932 and UTF-8.
text = "指標ID\t年度\t実績値\nIII-1-K1\t令和4年度\t1,100\nIII-1-K1\tR5\t1150\n"
text_values = [["III-1-K1", 2022, None, None, 1100], ["III-1-K1", 2023, None, None, 1150]]
for name, data in [("unicode_text_utf16.csv", b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")),
                   ("tab_separated_cp932.tsv.csv", text.encode("cp932")),
                   ("tab_separated_utf8.csv", text.encode("utf-8"))]:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    expected[name] = {"department": "seikatsu-jiritsu", "values": text_values, "refused": None}

# LibreOffice headless: .xlsx -> .ods and .xlsx; the tab-separated UTF-8 export -> .ods (CSV filter: tab, ", UTF-8).
LO = os.path.join(HERE, "libreoffice")
os.makedirs(LO, exist_ok=True)
with tempfile.TemporaryDirectory() as profile:
    def soffice(target, sources, infilter=None):
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        command += [f"--infilter={infilter}"] if infilter else []
        subprocess.run(command + ["--convert-to", target, "--outdir", LO] + [os.path.join(HERE, s) for s in sources], check=True)
    workbooks = sorted(n for n in expected if n.endswith(".xlsx"))
    soffice("ods", workbooks)
    soffice("xlsx:Calc MS Excel 2007 XML", workbooks)
    soffice("ods", ["tab_separated_utf8.csv"], infilter="CSV:9,34,76")
for name in workbooks:
    for extension in (".ods", ".xlsx"):
        expected["libreoffice/" + name[:-len(".xlsx")] + extension] = expected[name]
expected["libreoffice/tab_separated_utf8.ods"] = expected["tab_separated_utf8.csv"]

with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
