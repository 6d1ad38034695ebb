using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Problems;
using Pipeline.Spreadsheets.Reading;
using Pipeline.Domain.Observations;

namespace Pipeline.Spreadsheets.Problems;

/// <summary>
/// Every problem a submission can have, with its stable code and its wording in Japanese and English.
/// Values from the file are quoted, shortened and never interpreted as markup by the report.
/// </summary>
public static class ProblemCatalog
{
    public static Problem FileUnreadable(string detailJa, string detailEn) =>
        new(Severity.Error, ProblemCode.FileUnreadable, null, null, null,
            $"ファイルを読み取れません。{detailJa}", $"The file cannot be read. {detailEn}");

    public static Problem FromReader(SpreadsheetReadException e) =>
        new(Severity.Error, e.Code, e.Sheet, e.Row, e.Column, e.MessageJa, e.Message);

    public static Problem UnsupportedFormat(string fileName) =>
        new(Severity.Error, ProblemCode.UnsupportedFormat, null, null, null,
            $"「{Quote(fileName)}」は受け付けない形式です。.xlsx、.xls、.ods、.csv（.tsv、.txt のタブ区切りも可）のいずれかで提出してください。",
            $"'{Quote(fileName)}' is not an accepted format; submit .xlsx, .xls, .ods or .csv (tab-separated .tsv " +
                $"and .txt too).");

    public static Problem FileTooLarge(long limit) =>
        new(Severity.Error, ProblemCode.FileTooLarge, null, null, null,
            $"ファイルが大きすぎます（上限 {limit:N0} バイト）。ファイルを分けてください。",
            $"The file is larger than the limit of {limit:N0} bytes; split it into several files.");

    /// <summary>Reading stopped where the file's work budget ran out (<c>RULES.md §2</c>).</summary>
    public static Problem FileTooComplex(string sheet, int row, long limit, long fileBytes) =>
        new(Severity.Error, ProblemCode.FileTooComplex, sheet, row, null,
            $"ファイルの内容が大きさに比べて複雑すぎるため、ここで読み取りをやめました（{fileBytes:N0} バイトのファイルに許される作業量 " +
            $"{limit:N0} を超えました）。同じ文字列を非常に多くのセルに繰り返していないか、非常に長い見出しや何万列もの行がないかを確かめ、" +
            "必要な行と列だけのファイルにしてください。",
            $"The file asks for more work than its size allows ({limit:N0} units for {fileBytes:N0} bytes: " +
            "cells read and characters examined), so reading stopped here. Look for one text repeated over very many " +
            "cells, very long headings or rows tens of thousands of columns wide, and keep only the rows and columns " +
            "needed.");

    public static Problem DepartmentUnknown(string? department) =>
        new(Severity.Error, ProblemCode.DepartmentUnknown, null, null, null,
            $"提出元の所属「{Quote(department ?? "")}」は登録されていません。uploads/{{所属ID}}/ の下に置いてください。",
            $"The submitting department '{Quote(department ?? "")}' is not registered; upload under " +
                $"uploads/{{departmentId}}/.");

    public static Problem HeaderNotFound() =>
        new(Severity.Error, ProblemCode.HeaderNotFound, null, null, null,
            "見出し行が見つかりません。「指標ID」（または「取組ID」）と「年度」「実績値」（または「評価」）の列が必要です。",
            "No header row was found: a sheet needs an indicator (or initiative) column with fiscal-year and value " +
                "(or rating) columns.");

    /// <summary>No header, with what the likeliest header row held: each heading not understood and the nearest
    /// accepted one.</summary>
    public static Problem HeaderNotFound(string sheet, int row,
        IReadOnlyList<(string Column, string Text, string? Nearest)> unmapped)
    {
        var plain = HeaderNotFound();
        var ja =
            string.Join("、",
                unmapped.Select(u => $"{u.Column}「{Quote(u.Text)}」"
                    + (u.Nearest is { } n ? $"（近い見出し: {n}）" : "（対応する見出しなし）")));
        var en =
            string.Join("; ",
                unmapped.Select(u => $"{u.Column} '{Quote(u.Text)}'"
                    + (u.Nearest is { } n ? $" (nearest accepted heading: {n})" : " (no accepted heading is near)")));
        return new(Severity.Error, ProblemCode.HeaderNotFound, sheet, row, null,
            $"{plain.MessageJa} 見出しらしい {row} 行目で読み取れなかった見出し: {ja}",
            $"{plain.MessageEn} On row {row}, the likeliest header, these headings were not understood: {en}");
    }

    public static Problem HeaderAmbiguous(string sheet, int row, IEnumerable<int> columns)
    {
        var list = string.Join(", ", columns.Order().Select(ColumnName.Of));
        return new(Severity.Error, ProblemCode.HeaderAmbiguous, sheet, row, null,
            $"見出しの列 {list} が同じ年度・区・月を指していて区別できません。見出しを 1 行にするか、列ごとに異なる見出しにしてください。",
            $"The header columns {list} name the same fiscal year, ward or month and cannot be told apart; give each " +
                $"column its own heading.");
    }

    public static Problem UnitMismatch(SourceLocation at, string headerUnit, string indicatorId, string unit) =>
        Located(Severity.Error, ProblemCode.UnitMismatch, at,
            $"見出しの単位「{Quote(headerUnit)}」が指標 {indicatorId} の単位「{unit}」と一致しません。",
            $"The header's unit '{Quote(headerUnit)}' differs from the unit of {indicatorId}, '{unit}'.");

    public static Problem TotalMismatch(SourceLocation at, decimal total, decimal sum, bool overWards) =>
        Located(Severity.Error, ProblemCode.TotalMismatch, at,
            $"合計 {total} が{(overWards ? "各区" : "各月")}の合計 {sum} と一致しません。",
            $"The total {total} differs from the sum of the {(overWards ? "wards" : "months")}, {sum}.");

    public static Problem TotalRowSkipped(SourceLocation at, string label) =>
        Located(Severity.Warning, ProblemCode.TotalRowSkipped, at,
            $"「{Quote(label)}」の行は合計・小計の行として読み飛ばしました。",
            $"The '{Quote(label)}' row is a total or subtotal and was skipped.");

    public static Problem NoValues() =>
        new(Severity.Error, ProblemCode.NoValues, null, null, null,
            "登録できる値が 1 件もありません。",
            "The file holds no value to store.");

    public static Problem IndicatorMissing(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.IndicatorMissing, at,
            "指標が空欄です。指標ID または成果指標名を入力してください。",
            "The indicator is blank; give an indicator id or its name.");

    public static Problem UnknownIndicator(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.UnknownIndicator, at,
            $"「{Quote(text)}」はこの計画の成果指標ではありません。",
            $"'{Quote(text)}' is not an indicator of this plan.");

    public static Problem UnknownInitiative(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.UnknownInitiative, at,
            $"「{Quote(text)}」はこの計画の取組項目ではありません。",
            $"'{Quote(text)}' is not an initiative of this plan.");

    public static Problem NotOwner(SourceLocation at, string what, string department) =>
        Located(Severity.Error, ProblemCode.NotOwner, at,
            $"「{Quote(what)}」は所属「{Quote(department)}」が提出できる項目ではありません。",
            $"Department '{Quote(department)}' may not submit '{Quote(what)}'.");

    public static Problem FiscalYearMissing(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.FiscalYearMissing, at, "年度が空欄です。", "The fiscal year is blank.");

    public static Problem FiscalYearUnrecognised(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.FiscalYearUnrecognised, at,
            $"「{Quote(text)}」を年度として読み取れません（例: 2021、令和3年度、R3、FY2021）。",
            $"'{Quote(text)}' is not a fiscal year (for example 2021, 令和3年度, R3, FY2021).");

    public static Problem FiscalYearOutOfPlan(SourceLocation at, int fiscalYear, int first, int last) =>
        Located(Severity.Error, ProblemCode.FiscalYearOutOfPlan, at,
            $"{fiscalYear}年度は受付期間（{first}年度～{last}年度）の外です。",
            $"FY{fiscalYear} lies outside the accepted range FY{first}–FY{last}.");

    /// <summary>An area cell that names none of the plan's areas; <paramref name="examples"/> are the plan's own (a
    /// ward, its code, the whole city).</summary>
    public static Problem AreaUnrecognised(SourceLocation at, string text, IReadOnlyList<string> examples) =>
        Located(Severity.Error, ProblemCode.AreaUnrecognised, at,
            $"「{Quote(text)}」は区名・団体コードとして読み取れません（例: {string.Join("、", examples)}）。",
            $"'{Quote(text)}' is not a ward or area code (for example {string.Join(", ", examples)}).");

    public static Problem MonthUnrecognised(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.MonthUnrecognised, at,
            $"「{Quote(text)}」を月（1～12）として読み取れません。",
            $"'{Quote(text)}' is not a month (1–12).");

    public static Problem ValueMissing(SourceLocation at) =>
        Located(Severity.Warning, ProblemCode.ValueMissing, at,
            "値がないため、この行は登録しません（0 としては扱いません）。",
            "No value: the row is skipped, not stored as zero.");

    public static Problem ValueNotNumeric(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.ValueNotNumeric, at,
            $"「{Quote(text)}」を数値として読み取れません。",
            $"'{Quote(text)}' is not a number.");

    public static Problem CountNotInteger(SourceLocation at, decimal value, string unit) =>
        Located(Severity.Error, ProblemCode.CountNotInteger, at,
            $"{value}{unit} は整数ではありません。件数・人数は 0 以上の整数で入力してください。",
            $"{value} {unit} is not a whole number; counts are whole and non-negative.");

    public static Problem ValueNegative(SourceLocation at, decimal value) =>
        Located(Severity.Error, ProblemCode.ValueNegative, at,
            $"{value} は負の値です。件数・人数は 0 以上で入力してください。",
            $"{value} is negative; counts cannot be negative.");

    public static Problem PercentOutOfRange(SourceLocation at, decimal value) =>
        Located(Severity.Error, ProblemCode.PercentOutOfRange, at,
            $"{value}% は 0～100 の範囲外です。",
            $"{value}% lies outside 0–100.");

    public static Problem RatioMismatch(SourceLocation at, decimal given, decimal computed) =>
        Located(Severity.Error, ProblemCode.RatioMismatch, at,
            $"実績値 {given}% が 分子÷分母 から求めた {computed}% と一致しません。",
            $"The value {given}% differs from numerator ÷ denominator = {computed}%.");

    public static Problem RatioIncomplete(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.RatioIncomplete, at,
            "分子と分母は両方入力してください。",
            "Give both the numerator and the denominator, or neither.");

    public static Problem RatioNotApplicable(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.RatioNotApplicable, at,
            "分子・分母は割合（%）の指標にだけ入力できます。",
            "Numerator and denominator apply only to percentage indicators.");

    public static Problem DenominatorZero(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.DenominatorZero, at,
            "分母が 0 以下です。", "The denominator is zero or negative.");

    public static Problem RatingUnrecognised(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.RatingUnrecognised, at,
            $"「{Quote(text)}」は評価（A 順調、B 概ね順調、C 遅れ、D 未着手）ではありません。",
            $"'{Quote(text)}' is not a rating (A on track, B mostly on track, C delayed, D not started).");

    public static Problem FormulaWithoutValue(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.FormulaWithoutValue, at,
            "数式の計算結果が保存されていません。Excel で開いて保存し直してください。",
            "The formula has no saved result; open the file in Excel and save it again.");

    public static Problem CellError(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.CellError, at,
            $"セルがエラー値（{Quote(text)}）です。",
            $"The cell holds an error value ({Quote(text)}).");

    public static Problem DuplicateRow(SourceLocation at, int firstRow) =>
        Located(Severity.Error, ProblemCode.DuplicateRow, at,
            $"{firstRow} 行目と同じ指標・年度・区・月の値が重複しています。",
            $"The same indicator, fiscal year, area and month is given again (first at row {firstRow}).");

    public static Problem FlagUnrecognised(SourceLocation at, string text) =>
        Located(Severity.Error, ProblemCode.FlagUnrecognised, at,
            $"「{Quote(text)}」は値の区分ではありません（{Parsing.FlagParser.Accepted}）。",
            $"'{Quote(text)}' is not a flag: provisional (速報値), estimate (推計) or definition change (定義変更); " +
            "leave it blank for a final figure.");

    public static Problem CommentaryConflict(SourceLocation at, string indicatorId, int fiscalYear, int firstRow) =>
        Located(Severity.Error, ProblemCode.CommentaryConflict, at,
            $"指標 {Quote(indicatorId)} の {fiscalYear} 年度の評価・要因分析・課題・今後の方向性が {firstRow} 行目と異なります。" +
            "1 つにまとめてください。",
            $"The commentary of {Quote(indicatorId)} for FY{fiscalYear} differs from the one at row {firstRow}; " +
            "give it once.");

    public static Problem CommentaryWithoutJapanese(SourceLocation at) =>
        Located(Severity.Error, ProblemCode.CommentaryWithoutJapanese, at,
            "英語の記述だけがあります。日本語の記述も入力してください。",
            "There is English text without the Japanese text it renders; give the Japanese too.");

    private static Problem Located(Severity severity, ProblemCode code, SourceLocation at, string ja, string en) =>
        new(severity, code, at.Sheet, at.Row, at.Column > 0 ? ColumnName.Of(at.Column) : null, ja, en);

    /// <summary>A value from the file, shortened for a message and stripped of control characters.</summary>
    public static string Quote(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(80).ToArray());
        return text.Length > 80 ? clean + "…" : clean;
    }

    /// <summary>The pipeline itself failed on an upload (not its file); the upload is delivered again.</summary>
    public static Problem InternalError() =>
        new(Severity.Error, ProblemCode.InternalError, null, null, null,
            "システム側の障害で処理できませんでした。ファイルの問題ではありません。自動で再処理します。",
            "The pipeline failed while processing this upload; this is our fault, not the file's. It is retried " +
                "automatically.");
}
