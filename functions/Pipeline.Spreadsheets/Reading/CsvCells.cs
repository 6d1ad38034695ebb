using System.Collections;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The non-empty cells of a CSV row, kept as their texts, and their columns only where a field before them was
/// empty: a row of five texts takes 96 bytes where an array of its cells took 224 (a CSV cell is always text; each
/// <see cref="Cell"/> is made when asked for). Issue 27, fifth pass: in the native build, allocating (the collector
/// clearing fresh memory and the page faults under it) was two thirds of reading a 100,000-row file, and the rows'
/// cell arrays the largest part of what was allocated.
/// </summary>
internal sealed class CsvCells : IReadOnlyList<Cell>
{
    private readonly string[] _texts;
    private readonly int[]? _columns;

    /// <summary>
    /// The cells of <paramref name="texts"/> at the 1-based <paramref name="columns"/> (increasing, one a text), or
    /// at columns 1, 2, 3 … where <paramref name="columns"/> is null.
    /// </summary>
    public CsvCells(string[] texts, int[]? columns)
    {
        if (columns is not null && columns.Length != texts.Length)
        {
            throw new ArgumentException("One column a text.", nameof(columns));
        }

        _texts = texts;
        _columns = columns;
    }

    public int Count => _texts.Length;

    /// <summary>The characters of all the texts.</summary>
    public long TextLength
    {
        get
        {
            long length = 0;
            foreach (var text in _texts)
            {
                length += text.Length;
            }

            return length;
        }
    }

    public Cell this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_texts.Length, nameof(index));
            return Cell.OfText(_columns is null ? index + 1 : _columns[index], _texts[index]);
        }
    }

    public IEnumerator<Cell> GetEnumerator()
    {
        for (var i = 0; i < _texts.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
