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
        // Loops rather than LINQ over our value types: this runs on a sheet's first rows only, where compiling
        // LINQ's generic code for them cost more than the search itself (issue 27).
        var cells = row.Cells;
        var labels = new List<(Cell Cell, HeaderLabel Label)>(cells.Count);
        var columns = new List<(int Column, HeaderLabel Label)>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].IsBlank)
            {
                var label = vocabulary.Classify(cells[i]);
                labels.Add((cells[i], label));
                columns.Add((cells[i].Column, label));
            }
        }

        Remember(row, labels);
        var map = HeaderMap.TryBuild(columns);
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

        var columnHeadings = 0;
        var cells = below.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].IsBlank)
            {
                continue;
            }

            var kind = vocabulary.Classify(cells[i]).Kind;
            if (kind is HeaderLabelKind.Unknown or HeaderLabelKind.Field)
            {
                return null;
            }

            columnHeadings += kind is HeaderLabelKind.Year or HeaderLabelKind.Ward or HeaderLabelKind.Month
                or HeaderLabelKind.Total ? 1 : 0;
        }

        if (columnHeadings < 2)
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
    private void Remember(SheetRow row, List<(Cell Cell, HeaderLabel Label)> labels)
    {
        var recognised = HeaderMap.Score(labels);
        var text = 0;
        var holdsValues = false;
        foreach (var (cell, label) in labels)
        {
            text += cell.Kind == CellKind.Text ? 1 : 0;
            holdsValues |= IsValue(cell, label);
        }

        // Each count is below 2^20 (a sheet has at most 16,384 columns).
        var score = (holdsValues ? 0L : 1L << 40) + ((long)recognised << 20) + text;
        if (score > _likeliestScore)
        {
            _likeliestScore = score;
            Likeliest = (row, labels);
        }
    }
}
