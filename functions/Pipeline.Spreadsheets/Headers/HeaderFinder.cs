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

    private int _likeliestScore = -1;

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
        var columnHeadings = labels.Count(l => l.Kind is HeaderLabelKind.Year or HeaderLabelKind.Ward or HeaderLabelKind.Month or HeaderLabelKind.Total);
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

    private void Remember(SheetRow row, List<(Cell, HeaderLabel)> labels)
    {
        var score = HeaderMap.Score(labels.Select(l => (l.Item1.Column, l.Item2))) * 100 + labels.Count(l => l.Item1.Kind == CellKind.Text);
        if (score > _likeliestScore)
        {
            _likeliestScore = score;
            Likeliest = (row, labels);
        }
    }
}
