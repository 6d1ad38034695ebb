using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Headers;

/// <summary>
/// Finds a sheet's header among its first rows (<c>RULES.md §2</c>): one row, or two where a group title
/// (実績値 merged across year, ward or month columns) stands above the column headings and row headings are
/// merged down over both. Remembers the likeliest header row of the file for a helpful refusal.
/// </summary>
internal sealed class HeaderFinder(HeaderVocabulary vocabulary)
{
    private SheetRow? _previous;

    /// <summary>The row most like a header seen so far, with its labels, for <c>header_not_found</c>.</summary>
    public (SheetRow Row, List<(Cell Cell, HeaderLabel Label)> Labels)? Likeliest { get; private set; }

    private long _likeliestScore = -1;

    /// <summary>Starts a new sheet.</summary>
    public void Reset() => _previous = null;

    /// <summary>The header this row makes, alone or under the row above; null where it makes none.</summary>
    public HeaderMap? TryFind(SheetRow row)
    {
        var labels = row.Cells.Where(c => !c.IsBlank).Select(c => (c, vocabulary.Classify(c))).ToList();
        Remember(row, labels);
        var map = HeaderMap.TryBuild(labels.Select(l => (l.c.Column, l.Item2)).ToList());
        if (map is null && _previous is { } above && above.Row == row.Row - 1)
        {
            map = HeaderMap.TryBuild(Combine(above, row));
        }

        _previous = row;
        return map;
    }

    /// <summary>
    /// The header of two rows where the row below a header just found holds only column headings under a group
    /// title (the first row alone read as a long form): null where the row below is data.
    /// </summary>
    public HeaderMap? TryContinue(SheetRow header, SheetRow below)
    {
        if (below.Row != header.Row + 1)
        {
            return null;
        }

        var labels = below.Cells.Where(c => !c.IsBlank).Select(vocabulary.Classify).ToList();
        var columnHeadings =
            labels.Count(l => l.Kind is HeaderLabelKind.Year or HeaderLabelKind.Ward or HeaderLabelKind.Month
                or HeaderLabelKind.Total);
        if (columnHeadings < 2 || labels.Any(l => l.Kind is HeaderLabelKind.Unknown or HeaderLabelKind.Field))
        {
            return null;
        }

        return HeaderMap.TryBuild(Combine(header, below));
    }

    private List<(int Column, HeaderLabel Label)> Combine(SheetRow upper, SheetRow lower)
    {
        var labels = new List<(int, HeaderLabel)>();
        var columns = upper.Cells.Where(c => !c.IsBlank).Select(c => c.Column)
            .Union(lower.Cells.Where(c => !c.IsBlank).Select(c => c.Column)).Order().ToList();
        string? groupKey = null; // the group title over the columns since the last title, read once
        var title = HeaderLabel.Unknown;
        foreach (var column in columns)
        {
            var top = upper[column];
            var bottom = lower[column];
            if (!top.IsBlank)
            {
                groupKey = vocabulary.Key(top);
                title = vocabulary.Group(groupKey);
            }

            if (bottom.IsBlank)
            {
                // A heading merged down over both rows.
                labels.Add((column, vocabulary.Classify(top)));
                groupKey = null;
                continue;
            }

            var label = vocabulary.Classify(bottom);
            if (groupKey is null)
            {
                labels.Add((column, label));
                continue;
            }

            var bottomKey = vocabulary.Key(bottom);
            var joined = groupKey.Length + bottomKey.Length <= HeaderVocabulary.MaxHeadingLength
                ? vocabulary.Classify(groupKey + bottomKey)
                : HeaderLabel.Unknown;
            labels.Add((column, joined.Kind == HeaderLabelKind.Field ? joined : title.Kind switch
            {
                HeaderLabelKind.Ignored => title,
                HeaderLabelKind.Field => label with { Unit = label.Unit ?? title.Unit },
                _ => label,
            }));
        }

        return labels;
    }

    /// <summary>
    /// Whether a cell holds a value rather than a heading: a number (or a text that reads as one: every CSV cell), a
    /// date or a truth, unless it is read as a heading: a ward's code, a year of the present era (2021 heads a
    /// column; 1150, which the year parser also reads, is a count).
    /// </summary>
    private static bool IsValue(Cell cell, HeaderLabel label)
    {
        var heading = label.IsKnown && (label.Kind != HeaderLabelKind.Year || label.Year.Value is >= 1900 and <= 2200);
        return !heading && (cell.Kind != CellKind.Text || ValueParser.Parse(cell, null, out _) == ValueOutcome.Number);
    }

    /// <summary>
    /// Keeps the row most like a header: first one that holds no value (every cell a word or a recognised heading,
    /// such as a year), then the most headings recognised, then the most text. A data row with one recognised name
    /// (相談件数, 1150) never outranks the row of headings above it (項目, 数値).
    /// </summary>
    private void Remember(SheetRow row, List<(Cell, HeaderLabel)> labels)
    {
        var recognised = HeaderMap.Score(labels.Select(l => (l.Item1.Column, l.Item2)));
        var text = labels.Count(l => l.Item1.Kind == CellKind.Text);
        var holdsValues = labels.Any(l => IsValue(l.Item1, l.Item2));
        // Each count is below 2^20 (a sheet has at most 16,384 columns).
        var score = (holdsValues ? 0L : 1L << 40) + ((long)recognised << 20) + text;
        if (score > _likeliestScore)
        {
            _likeliestScore = score;
            Likeliest = (row, labels);
        }
    }
}
