#!/usr/bin/python3
"""Writes the sample department submissions under samples/submissions/.

The numbers are invented (plausible, not real). The files are made with other writers than the
pipeline's own (openpyxl, xlwt, Python's CP932 codec) in the forms departments really use.
Run: apt-get install python3-openpyxl python3-xlwt && /usr/bin/python3 samples/generate.py
"""
import csv, io, os, random
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment
import xlwt

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "submissions")
WARDS = [("中央区", "431010"), ("東区", "431028"), ("西区", "431036"), ("南区", "431044"), ("北区", "431052")]
ERA = {2020: "令和2年度", 2021: "令和3年度", 2022: "令和4年度", 2023: "令和5年度"}
RATINGS = "AABBBC"
rng = random.Random(431001)

def path(dept, name):
    os.makedirs(os.path.join(ROOT, dept), exist_ok=True)
    return os.path.join(ROOT, dept, name)

def split(total, parts, weights):
    s = sum(weights)
    values = [int(total * w / s) for w in weights]
    values[0] += total - sum(values)
    return values

# 社協: wide form .xlsx with a merged title row, a 記入例 sheet and a 説明 sheet; evaluations on a second sheet.
wb = Workbook()
ex = wb.active
ex.title = "記入例"
ex.append(["指標ID", "成果指標", "令和2年度"])
ex.append(["I-1-K2", "（例）マッチング件数", 123])
help_ = wb.create_sheet("説明")
help_.append(["年度の列に各年度の実績値を入力してください。値がない場合は「－」を入力してください。"])
ws = wb.create_sheet("成果指標")
ws.append(["第4次熊本市地域福祉計画・地域福祉活動計画 成果指標実績（熊本市社会福祉協議会）"])
ws.merge_cells("A1:G1")
ws["A1"].font = Font(bold=True, size=14)
ws["A1"].alignment = Alignment(horizontal="center")
ws.append([])
ws.append(["指標ID", "成果指標", "単位", "令和2年度", "令和3年度", "令和4年度", "令和5年度"])
ws.append(["I-1-K2", "ボランティア登録者等のうち地域福祉活動へマッチングを行った件数（年間）", "人", 120, 180, "260人", 350])
ws.append(["I-2-K1", "熊本市ボランティアセンターによる研修の実施回数（年間）", "回", 18, 35, 52, "６１回"])
ws.append(["II-2-K1", "行動計画を策定した校区社会福祉協議会数", "校区", 20, 38, 61, 85])
ws.append(["III-3-K1", "「赤い羽根共同募金」を行った団体数（年間）", "団体", 1302, "1,320", 1348, 1361])
ws.append(["※ 令和2・3年度は新型コロナウイルス感染症の影響により研修・募金活動を縮小"])
ev = wb.create_sheet("取組評価")
ev.append(["取組ID", "取組項目", "令和2年度", "令和3年度", "令和4年度", "令和5年度"])
shakyo_initiatives = [
    ("I-1-1-a", "業務負担軽減に向けた仕組みづくり"), ("I-1-2-a", "ボランティア等を地域福祉活動へと結びつけるマッチング機能の強化"),
    ("I-1-2-b", "ボランティア活動に関する広報の充実"), ("I-1-2-c", "ボランティア活動にかかる保険制度の普及や充実"),
    ("II-2-1-a", "「校区社協行動計画」策定の推進"), ("II-2-3-b", "「赤い羽根共同募金」等の推進による支援の充実"),
    ("III-1-4-b", "判断能力が十分でない方への福祉サービスの利用援助の推進"),
    ("III-2-3-b", "災害時に迅速かつ効率的に「災害ボランティアセンター」を運営する仕組みづくり"),
    ("III-3-3-a", "「赤い羽根共同募金」等の募金活動への協力依頼"),
]
for iid, name in shakyo_initiatives:
    ev.append([iid, name] + [rng.choice(RATINGS) for _ in range(4)])
wb.save(path("shakyo", "R5_成果指標実績_社協.xlsx"))

# 生活自立支援センター: Shift_JIS CSV, long form, wards × months (a flow: months and wards are summed).
totals = {2020: 720, 2021: 810, 2022: 905, 2023: 1150}
out = io.StringIO()
w = csv.writer(out, lineterminator="\r\n")
w.writerow(["指標ID", "年度", "区", "月", "実績値", "備考"])
for fy, total in totals.items():
    by_ward = split(total, 5, [30, 20, 15, 18, 17])
    for (ward, _), ward_total in zip(WARDS, by_ward):
        by_month = split(ward_total, 12, [rng.randint(8, 12) for _ in range(12)])
        for i, value in enumerate(by_month):
            month = (i + 3) % 12 + 1
            w.writerow(["III-1-K1", ERA[fy], ward, f"{month}月", value, ""])
with open(path("seikatsu-jiritsu", "新規相談受付件数_区別月別.csv"), "w", encoding="cp932", newline="") as f:
    f.write(out.getvalue())

# 健康福祉政策課: Excel 97-2003 (.xls): ratios with numerators and denominators by ward, and city-wide rows.
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("成果指標")
pct = xlwt.easyxf(num_format_str="0.0%")
rows = [["指標ID", "年度", "区", "実績値", "分子", "分母", "備考"]]
for fy, value in {2020: 0.948, 2021: 0.945, 2022: 0.953, 2023: 0.959}.items():
    rows.append(["I-1-K1", f"R{fy - 2018}", "市全体", ("pct", value), None, None, "定員充足率（各年度12月1日現在）"])
for fy, value in {2020: 62.0, 2021: 66.5, 2022: 70.2, 2023: 82.0}.items():
    rows.append(["II-1-K2", fy, "", value, None, None, "アンケート調査"])
shares = {2020: [0.30, 0.27, 0.28, 0.29, 0.31], 2021: [0.33, 0.30, 0.31, 0.32, 0.34],
          2022: [0.37, 0.34, 0.35, 0.36, 0.38], 2023: [0.42, 0.39, 0.40, 0.41, 0.43]}
for fy, ratios in shares.items():
    for (ward, code), share in zip(WARDS, ratios):
        denominator = rng.randint(3000, 4500)
        numerator = round(denominator * share)
        rows.append(["III-2-K1", f"H{fy - 1988}" if fy < 2019 else f"令和{fy - 2018}年度", code, None, numerator, denominator, None])
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        if isinstance(value, tuple):
            sheet.write(r, c, value[1], pct)
        elif value is not None:
            sheet.write(r, c, value)
evals = book.add_sheet("取組評価")
city_initiatives = ["I-1-1-b", "I-2-1-a", "I-2-1-b", "I-2-2-a", "I-2-2-b", "II-1-1-a", "II-1-1-b", "II-1-2-a", "II-1-2-b",
                    "II-1-3-a", "II-1-3-b", "II-2-1-b", "II-2-1-c", "II-2-2-a", "II-2-2-b", "II-2-3-a", "III-1-1-a", "III-1-1-b",
                    "III-1-2-a", "III-1-2-b", "III-1-3-a", "III-1-3-b", "III-1-4-a", "III-2-1-a", "III-2-1-b", "III-2-1-c",
                    "III-2-2-a", "III-2-2-b", "III-2-3-a", "III-3-1-a", "III-3-1-b", "III-3-2-a", "III-3-2-b", "III-3-3-b"]
evals.write(0, 0, "取組ID"); evals.write(0, 1, "年度"); evals.write(0, 2, "評価"); evals.write(0, 3, "コメント")
r = 1
for iid in city_initiatives:
    for fy in range(2020, 2024):
        evals.write(r, 0, iid); evals.write(r, 1, ERA[fy]); evals.write(r, 2, rng.choice(RATINGS)); r += 1
book.save(path("kenko-fukushi-seisaku", "成果指標_取組評価_R2-R5.xls"))

# 地域包括ケア推進室: .xlsx long form, a stock by ward (wards are summed), fiscal years as dates in some rows.
wb = Workbook()
ws = wb.active
ws.title = "通いの場"
ws.append(["住民主体の通いの場の数（各年度末）"])
ws.append(["指標番号", "年度", "区", "実績"])
for fy, total in {2020: 722, 2021: 735, 2022: 748, 2023: 760}.items():
    for (ward, _), value in zip(WARDS, split(total, 5, [26, 19, 16, 20, 19])):
        ws.append(["II-1-K1", f"FY{fy}", f"熊本市{ward}", f"{value}箇所"])
wb.save(path("chiiki-houkatsu", "kayoinoba_2020-2023.xlsx"))

# 住宅政策課: UTF-8 CSV with a BOM, English headers, 令和 years with full-width digits.
with open(path("jutaku-seisaku", "mimamori_visits.csv"), "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["indicator_id", "fiscal_year", "value", "note"])
    for fy, value in {2020: 140, 2021: 185, 2022: 236, 2023: 390}.items():
        w.writerow(["III-1-K2", f"令和{chr(0xFF10 + fy - 2018)}年度", value, "見守り訪問（居住支援法人と連携）"])
print("written under", ROOT)
