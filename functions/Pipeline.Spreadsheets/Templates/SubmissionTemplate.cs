using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Parsing;

namespace Pipeline.Spreadsheets.Templates;

/// <summary>
/// A department's submission workbook: its indicators and initiatives pre-filled, one row per fiscal
/// year of the plan (in 令和 notation, from a dropdown), a ward dropdown, a 記入例 and a 説明 sheet.
/// Filled in and uploaded as it is, it is accepted.
/// </summary>
public static class SubmissionTemplate
{
    private static readonly string[] IndicatorHeaders = ["指標ID", "成果指標", "単位", "年度", "区", "月", "実績値", "分子", "分母", "備考"];
    private static readonly string[] Ratings = ["A", "B", "C", "D"];
    private static readonly string[] EvaluationHeaders = ["取組ID", "取組項目", "年度", "評価", "コメント"];

    public static void Write(Plan plan, Department department, Stream output)
    {
        var years =
            Enumerable.Range(plan.StartFiscalYear.Value, plan.EndFiscalYear.Value - plan.StartFiscalYear.Value + 1)
            .Select(fy => FiscalYearParser.ToEraText(new FiscalYear(fy))).ToArray();
        // The whole city by the plan's own name for it (a plan may have no wards and no 市全体 alias), then its wards.
        var wholeCity = plan.WholeCity.Name.Ja;
        var areas = plan.Wards.Select(w => w.Name.Ja).Prepend(wholeCity).ToArray();
        var exampleWard = plan.Wards.Count > 0 ? plan.Wards[0].Name.Ja : wholeCity;
        var indicators = plan.Indicators.Where(i => Plan.MaySubmit(department, i)).ToList();
        var initiatives = plan.Initiatives.Where(i => Plan.MayEvaluate(department, i)).ToList();

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        AddStyles(workbook);

        var indicatorRows = indicators.SelectMany(i => years.Select(y => new object?[]
        {
            i.Id.Value, i.Name.Ja, i.Unit.Symbol, y, wholeCity, null, null, null, null, null,
        })).ToList();
        AddSheet(workbook, "成果指標", IndicatorHeaders, indicatorRows,
            [List("D", years), List("E", areas), List("F", Enumerable.Range(1, 12).Select(m => $"{m}月").ToArray())],
            [12, 60, 8, 14, 10, 8, 12, 10, 10, 30]);
        if (initiatives.Count > 0)
        {
            var evaluationRows =
                initiatives.SelectMany(i => years.Select(y => new object?[] { i.Id.Value, i.Name.Ja, y, null, null }))
                    .ToList();
            AddSheet(workbook, "取組評価", EvaluationHeaders, evaluationRows,
                [List("D", Ratings)], [12, 70, 14, 8, 40]);
        }

        var example = indicators.FirstOrDefault();
        AddSheet(workbook, "記入例", IndicatorHeaders,
        [
            [example?.Id.Value ?? "", example?.Name.Ja ?? "", example?.Unit.Symbol ?? "", years[0], wholeCity, null,
                120,
                null, null, "年間の合計"],
            [example?.Id.Value ?? "", example?.Name.Ja ?? "", example?.Unit.Symbol ?? "", years[1], exampleWard,
                "4月", 10,
                null, null, 
                plan.Wards.Count > 0 ? "月別・区別に入力する場合" : "月別に入力する場合"],
        ], [], [12, 60, 8, 14, 10, 8, 12, 10, 10, 30]);
        AddSheet(workbook, "説明", ["記入方法 / How to fill in"], Instructions(plan, department)
            .Select(l => new object?[] { l }).ToList(), [], [120]);
    }

    private static string[] Instructions(Plan plan, Department department) =>
    [
        $"{plan.Name.Ja}　提出用シート（{department.Name.Ja}）",
        "1. 「成果指標」シートの「実績値」列に、各年度の実績を入力してください。値がない年度は空欄のままか「－」を入力してください（0 とは扱いません）。",
        "2. 年度は一覧から選びます（令和N年度）。区別・月別の値がある場合は、行をコピーして「区」「月」を選んでください。区を空欄にすると市全体の値になります。",
        "3. 割合（%）の指標は、実績値の代わりに「分子」「分母」を入力すると自動で計算します。両方入力した場合は一致を確認します。",
        "4. 「取組評価」シートには、各取組の評価を A（順調）・B（概ね順調）・C（遅れ）・D（未着手）から選んでください。",
        "5. ※ や 注 で始まる行はメモとして読み飛ばします。このシートと「記入例」シートは読み込みません。",
        "6. 保存したファイルを uploads/" + department.Id + "/ にアップロードしてください。結果は upload-reports/" + department.Id
            + "/（ファイル名）.report.json に出ます。",
        "7. この様式のほか、いつもの表のままでも受け付けます: 年度を列にした表（令和5年度実績、R5実績）、区を列にした表（各区＋合計）、"
            + "月を列にした表（4月～3月＋年計）、見出しに単位のある表（実績値（件））、2 段の見出し。合計は各区・各月の合計と一致する必要があります。"
            + "形式は .xlsx・.xls・.ods・.csv（タブ区切りの .tsv・.txt も可）。",
        "",
        "Besides this form, the usual tables are accepted: years as columns (R5実績), wards as columns with the total, " +
            "months as columns "
            + "(4月–3月 with 年計), units in headings (実績値（件）) and two-row headings; a total must equal its wards' or " +
                "months' sum. "
            + "Files: .xlsx, .xls, .ods, .csv (tab-separated .tsv and .txt too).",
        "Enter each fiscal year's result in the 実績値 (value) column of the 成果指標 sheet; leave it blank or type － where " +
            "there is none (never 0).",
        "Pick the fiscal year (令和N年度) and, for ward or monthly figures, the ward (区) and month (月) from the lists; a " +
            "blank ward means the whole city.",
        "For a percentage you may give 分子 (numerator) and 分母 (denominator) instead of the value. Rate initiatives " +
            "A–D on the 取組評価 sheet.",
    ];

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(
                    new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType =
                        PatternValues.Solid })) { Count = 3 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(),
                new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true }) { Count = 2 });
    }

    private static DataValidation List(string column, string[] values) => new(
        new Formula1($"\"{string.Join(',', values)}\""))
    {
        Type = DataValidationValues.List,
        AllowBlank = true,
        ShowErrorMessage = true,
        ErrorTitle = "入力エラー",
        Error = "一覧から選んでください。",
        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}5000" },
    };

    private static void AddSheet(WorkbookPart workbook, string name, string[] headers, List<object?[]> rows,
        DataValidation[] validations, int[] widths)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, headers.Cast<object?>().ToArray(), header: true));
        for (var i = 0; i < rows.Count; i++)
        {
            data.Append(Row((uint)(i + 2), rows[i], header: false));
        }

        var columns =
            new Columns(
                widths.Select((w, i) =>
                    new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var worksheet = new Worksheet(
            new SheetViews(
                new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", State = PaneStateValues.Frozen, ActivePane =
                        PaneValues.BottomLeft }) { WorkbookViewId = 0 }),
            columns, data);
        if (validations.Length > 0)
        {
            worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Length });
        }

        part.Worksheet = worksheet;
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    private static Row Row(uint index, object?[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = Reading.ColumnName.Of(c + 1) + index.ToString(CultureInfo.InvariantCulture);
            var cell = values[c] switch
            {
                null => null,
                string s =>
                    new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString =
                        new InlineString(new Text(s)) },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
                var other =>
                    new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString =
                        new InlineString(new Text(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "")) },
            };
            if (cell is not null)
            {
                if (header)
                {
                    cell.StyleIndex = 1;
                }

                row.Append(cell);
            }
        }

        return row;
    }
}
