using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Headers;

/// <summary>
/// The words header rows are read with (<c>RULES.md §2</c>), as data: field headings, value words that may
/// follow a year (R5実績), unit words in brackets (実績値（件）), era names (年度（令和）), total words
/// (合計, 計, 市計), and words of columns that are not results (目標, 小計). Ward names come from the plan's
/// areas and units from its indicators' catalogue, so nothing here is particular to one city.
/// Matching is on <see cref="JapaneseText.Key"/> (NFKC, no spaces or line breaks, lower case). A key longer than
/// <see cref="MaxHeadingLength"/> is no heading, and each text is classified once per file (cached), so the cost
/// of header search is linear in the characters of the cells searched, however long or repeated they are.
/// </summary>
internal sealed partial class HeaderVocabulary
{
    /// <summary>The longest heading, in characters after <see cref="JapaneseText.Key"/> (<c>RULES.md §2</c>).</summary>
    public const int MaxHeadingLength = 64;

    private static readonly SearchValues<char> OpeningBrackets = SearchValues.Create("([【<〈《");
    private static readonly SearchValues<char> ClosingBrackets = SearchValues.Create(")]】>〉》");

    private static readonly FrozenDictionary<string, HeaderField> Fields = new Dictionary<string, HeaderField>
    {
        ["指標id"] = HeaderField.IndicatorId, ["指標番号"] = HeaderField.IndicatorId, ["indicator_id"] =
            HeaderField.IndicatorId,
        ["indicator"] = HeaderField.IndicatorId, ["indicatorid"] = HeaderField.IndicatorId,
        ["指標名"] = HeaderField.IndicatorName, ["成果指標"] = HeaderField.IndicatorName, ["成果指標名"] =
            HeaderField.IndicatorName,
        ["取組id"] = HeaderField.InitiativeId, ["initiative_id"] = HeaderField.InitiativeId, ["initiative"] =
            HeaderField.InitiativeId,
        ["取組項目"] = HeaderField.InitiativeName, ["主な取組項目"] = HeaderField.InitiativeName,
        ["年度"] = HeaderField.FiscalYear, ["fiscal_year"] = HeaderField.FiscalYear, ["fiscalyear"] =
            HeaderField.FiscalYear,
        ["区"] = HeaderField.Area, ["区分"] = HeaderField.Area, ["地域"] = HeaderField.Area, ["area"] = HeaderField.Area,
        ["月"] = HeaderField.Month, ["month"] = HeaderField.Month,
        ["実績値"] = HeaderField.Value, ["実績"] = HeaderField.Value, ["値"] = HeaderField.Value, ["value"] =
            HeaderField.Value,
        ["分子"] = HeaderField.Numerator, ["numerator"] = HeaderField.Numerator,
        ["分母"] = HeaderField.Denominator, ["denominator"] = HeaderField.Denominator,
        ["評価"] = HeaderField.Rating, ["rating"] = HeaderField.Rating,
        ["備考"] = HeaderField.Note, ["コメント"] = HeaderField.Note, ["note"] = HeaderField.Note, ["comment"] =
            HeaderField.Note,
        ["フラグ"] = HeaderField.Flag, ["数値区分"] = HeaderField.Flag, ["値の区分"] = HeaderField.Flag,
        ["速報・確報"] = HeaderField.Flag, ["速報/確報"] = HeaderField.Flag, ["flag"] = HeaderField.Flag,
        ["評価・要因分析"] = HeaderField.Assessment, ["評価及び要因分析"] = HeaderField.Assessment,
        ["評価と要因分析"] = HeaderField.Assessment, ["要因分析"] = HeaderField.Assessment,
        ["assessment"] = HeaderField.Assessment, ["assessment_en"] = HeaderField.AssessmentEn,
        ["課題"] = HeaderField.Issues, ["issues"] = HeaderField.Issues, ["issues_en"] = HeaderField.IssuesEn,
        ["今後の方向性"] = HeaderField.NextSteps, ["今後の方針"] = HeaderField.NextSteps, ["今後の取組"] = HeaderField.NextSteps,
        ["next_steps"] = HeaderField.NextSteps, ["nextsteps"] = HeaderField.NextSteps,
        ["next_steps_en"] = HeaderField.NextStepsEn, ["nextsteps_en"] = HeaderField.NextStepsEn,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A commentary heading with an English marker in brackets (課題（英語）) names its English column.</summary>
    private static readonly FrozenDictionary<HeaderField, HeaderField> EnglishOf =
        new Dictionary<HeaderField, HeaderField>
    {
        [HeaderField.Assessment] = HeaderField.AssessmentEn,
        [HeaderField.Issues] = HeaderField.IssuesEn,
        [HeaderField.NextSteps] = HeaderField.NextStepsEn,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> EnglishWords = new[] { "英語", "英文", "英訳", "en", "english" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after a year that say the column holds results: R5実績, 2023年度実績値, 令和5年度（実績）.</summary>
    private static readonly string[] ValueWords = ["実績値", "実績", "値", "value"];

    /// <summary>Whole-city or whole-year totals over ward or month columns.</summary>
    private static readonly FrozenSet<string> TotalWords =
        new[] { "合計", "計", "市計", "年計", "総計", "全体", "全市", "年間計", "total" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Columns that are not results: targets, plans, estimates, subtotals, differences, rates.</summary>
    private static readonly string[] NotResultWords = ["目標", "計画", "見込", "小計", "増減", "差", "前年比", "達成率", "予算"];

    /// <summary>Era names a 年度 heading may carry, so that its cells hold bare era years (年度（令和） with 5).</summary>
    private static readonly FrozenSet<string> EraWords =
        new[] { "令和", "平成", "昭和", "r", "h", "s", "和暦" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AreaResolver _areas;
    private readonly FrozenSet<string> _units;
    private readonly Dictionary<string, HeaderLabel> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeaderLabel> _byKey = new(StringComparer.Ordinal);

    public HeaderVocabulary(Plan plan)
    {
        _areas = new AreaResolver(plan);
        _units = Unit.KnownSymbols.Concat(plan.Indicators.Select(i => i.Unit.Symbol)).Append("%")
            .Select(JapaneseText.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every heading accepted as it is, for the nearest-heading hint of a refusal.</summary>
    public static IEnumerable<string> Headings =>
        Fields.Keys.Concat(["r5実績", "令和5年度実績", "4月", "合計"]);

    /// <summary>A label for a header cell.</summary>
    public HeaderLabel Classify(Cell cell)
    {
        if (cell.Kind is CellKind.Number or CellKind.Date)
        {
            return FiscalYearParser.TryParse(cell, out var fy) ? new HeaderLabel(HeaderLabelKind.Year, Year: fy)
                : HeaderLabel.Unknown;
        }

        if (cell.Kind != CellKind.Text || cell.Text is not { } text)
        {
            return HeaderLabel.Unknown;
        }

        if (!_byText.TryGetValue(text, out var label))
        {
            label = Classify(Key(cell));
            _byText[text] = label;
        }

        return label;
    }

    /// <summary>A cell's <see cref="JapaneseText.Key"/>, computed once per text in a file.</summary>
    public string Key(Cell cell)
    {
        if (cell.Kind != CellKind.Text || cell.Text is not { } text)
        {
            return JapaneseText.Key(cell.Display);
        }

        if (!_keys.TryGetValue(text, out var key))
        {
            key = JapaneseText.Key(text);
            _keys[text] = key;
        }

        return key;
    }

    /// <summary>A label for a header key (already through <see cref="JapaneseText.Key"/>); a long key is
    /// none.</summary>
    public HeaderLabel Classify(string key)
    {
        if (key.Length is 0 or > MaxHeadingLength)
        {
            return HeaderLabel.Unknown;
        }

        if (!_byKey.TryGetValue(key, out var label))
        {
            label = ClassifyKey(key);
            _byKey[key] = label;
        }

        return label;
    }

    private HeaderLabel ClassifyKey(string key)
    {
        if (Fields.TryGetValue(key, out var field))
        {
            return new HeaderLabel(HeaderLabelKind.Field, field);
        }

        // A bracketed tail: a unit (実績値（件）), an era (年度（令和）) or a value word (令和5年度（実績）).
        if (Bracketed(key) is var (head, inner))
        {
            var unit = inner.StartsWith("単位:", StringComparison.Ordinal) ? inner[3..] : inner;
            if (_units.Contains(unit) && Classify(head) is { IsKnown: true, Unit: null } withUnit)
            {
                return withUnit with { Unit = unit };
            }

            if (EraWords.Contains(inner) && Fields.TryGetValue(head, out var headField)
                && headField == HeaderField.FiscalYear)
            {
                return new HeaderLabel(HeaderLabelKind.Field, HeaderField.FiscalYear, Era: inner == "和暦" ? "令和"
                    : inner);
            }

            if (EnglishWords.Contains(inner) && Fields.TryGetValue(head, out var ja)
                && EnglishOf.TryGetValue(ja, out var en))
            {
                return new HeaderLabel(HeaderLabelKind.Field, en);
            }

            if (ValueWords.Contains(inner) && Year(head) is { } bracketYear)
            {
                return new HeaderLabel(HeaderLabelKind.Year, Year: bracketYear);
            }

            return HeaderLabel.Unknown;
        }

        if (Year(key) is { } fy)
        {
            return new HeaderLabel(HeaderLabelKind.Year, Year: fy);
        }

        if (Month().Match(key) is { Success: true } month
            && int.Parse(month.Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m)
        {
            return new HeaderLabel(HeaderLabelKind.Month, Month: m);
        }

        if (TotalWords.Contains(key))
        {
            return new HeaderLabel(HeaderLabelKind.Total);
        }

        if (_areas.TryResolve(Cell.OfText(0, key), out var area))
        {
            return area.IsWholeCity ? new HeaderLabel(HeaderLabelKind.Total)
                : new HeaderLabel(HeaderLabelKind.Ward, Ward: area);
        }

        return NotResultWords.Any(w => key.Contains(w, StringComparison.Ordinal))
            ? new HeaderLabel(HeaderLabelKind.Ignored) : HeaderLabel.Unknown;
    }

    /// <summary>Whether a group title over several columns (実績値 merged across years) says they hold results.</summary>
    public HeaderLabel Group(string key) => key.Length > MaxHeadingLength ? HeaderLabel.Unknown : Classify(key) switch
    {
        { Kind: HeaderLabelKind.Field, Field: HeaderField.Value } value => value,
        { Kind: HeaderLabelKind.Ignored } ignored => ignored,
        _ => NotResultWords.Any(w => key.Contains(w, StringComparison.Ordinal))
            ? new HeaderLabel(HeaderLabelKind.Ignored) : HeaderLabel.Unknown,
    };

    /// <summary>A fiscal year, alone or followed by a value word: 2021, 令和3年度, R5実績, 2023年度実績値.</summary>
    private static FiscalYear? Year(string key)
    {
        if (FiscalYearParser.TryParse(key, out var fy))
        {
            return fy;
        }

        foreach (var word in ValueWords)
        {
            if (key.Length > word.Length && key.EndsWith(word, StringComparison.Ordinal)
                && FiscalYearParser.TryParse(key[..^word.Length], out fy))
            {
                return fy;
            }
        }

        return null;
    }

    /// <summary>
    /// A key with a bracketed tail, <c>head（inner）</c>: the first opening bracket after the first character, the
    /// last character a closing one, neither part empty (any of the brackets ( [ 【 &lt; 〈 《 and ) ] 】 &gt; 〉 》).
    /// One scan, no backtracking.
    /// </summary>
    private static (string Head, string Inner)? Bracketed(string key)
    {
        if (key.Length < 4 || !ClosingBrackets.Contains(key[^1]))
        {
            return null;
        }

        var open = key.AsSpan(1).IndexOfAny(OpeningBrackets) + 1;
        return open >= 1 && open <= key.Length - 3 ? (key[..open], key[(open + 1)..^1]) : null;
    }

    [GeneratedRegex(@"^(\d{1,2})月(?:分)?$")]
    private static partial Regex Month();
}
