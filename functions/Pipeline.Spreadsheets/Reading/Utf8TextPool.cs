using System.Buffers.Binary;
using System.Text;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// The strings of a CSV file's fields, made from the UTF-8 bytes the reader hands out: within a column, the same
/// short text gives the same string, looked up by its bytes before anything is decoded (ids, years, areas and
/// months repeat row after row; issue 27). Bounded: texts of up to <see cref="MaxLength"/> bytes in the first
/// <see cref="MaxColumns"/> columns, at most <see cref="MaxTexts"/> of them in all; any other text is a new
/// string. Plain arrays of our own types only, so that the ahead-of-time compiled code runs from the first row.
/// </summary>
internal sealed class Utf8TextPool
{
    /// <summary>The longest text pooled, in UTF-8 bytes.</summary>
    public const int MaxLength = 64;

    /// <summary>The most texts kept, over all columns.</summary>
    public const int MaxTexts = 16_384;

    /// <summary>The columns pooled (1-based columns 1 … 64).</summary>
    public const int MaxColumns = 64;

    private readonly ColumnTexts?[] _columns = new ColumnTexts?[MaxColumns];
    private int _kept;

    /// <summary>The text of a field (0-based column) as a string, the column's earlier one where it was seen.</summary>
    public string Get(int column, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || (uint)column >= MaxColumns)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var texts = _columns[column] ??= new ColumnTexts();
        var text = texts.Get(utf8, _kept < MaxTexts, out var kept);
        _kept += kept ? 1 : 0;
        return text;
    }

    /// <summary>
    /// One column's texts: an open-addressing table keyed by the bytes, grown at half full. Its hash starts from a
    /// seed of its own, so that a file cannot be written to make every text of a column probe the same run of slots.
    /// </summary>
    private sealed class ColumnTexts
    {
        private readonly ulong _seed = (ulong)Random.Shared.NextInt64();
        private Entry[] _entries = new Entry[64];
        private int _count;
        private int _last = -1;

        /// <summary>The known string, or a new one, kept where <paramref name="mayKeep"/>.</summary>
        public string Get(ReadOnlySpan<byte> utf8, bool mayKeep, out bool kept)
        {
            kept = false;
            // Sorted files repeat a column's text over many rows running: the last one found is tried first.
            if (_last >= 0 && utf8.SequenceEqual(_entries[_last].Bytes))
            {
                return _entries[_last].Text!;
            }

            var hash = Hash(utf8, _seed);
            var mask = _entries.Length - 1;
            var slot = hash & mask;
            while (_entries[slot].Text is { } known)
            {
                if (_entries[slot].Hash == hash && utf8.SequenceEqual(_entries[slot].Bytes))
                {
                    _last = slot;
                    return known;
                }

                slot = (slot + 1) & mask;
            }

            var text = Encoding.UTF8.GetString(utf8);
            if (mayKeep)
            {
                kept = true;
                _entries[slot] = new Entry(hash, utf8.ToArray(), text);
                _last = slot;
                if (++_count * 2 > _entries.Length)
                {
                    Grow();
                    _last = -1;
                }
            }

            return text;
        }

        private void Grow()
        {
            var entries = new Entry[_entries.Length * 2];
            var mask = entries.Length - 1;
            foreach (var entry in _entries)
            {
                if (entry.Text is null)
                {
                    continue;
                }

                var slot = entry.Hash & mask;
                while (entries[slot].Text is not null)
                {
                    slot = (slot + 1) & mask;
                }

                entries[slot] = entry;
            }

            _entries = entries;
        }

        /// <summary>
        /// A hash of the bytes (at most <see cref="MaxLength"/>) from the column's seed, eight at a time, the last
        /// eight overlapping, the high bits folded into the low ones the table's mask keeps.
        /// </summary>
        private static int Hash(ReadOnlySpan<byte> utf8, ulong seed)
        {
            var length = utf8.Length;
            var hash = seed ^ ((ulong)length * 0x9E3779B97F4A7C15UL);
            if (length < 8)
            {
                foreach (var b in utf8)
                {
                    hash = (hash ^ b) * 0x100000001B3UL;
                }
            }
            else
            {
                for (var at = 0; at < length - 8; at += 8)
                {
                    hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[at..])) * 0xFF51AFD7ED558CCDUL;
                }

                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..])) * 0xC4CEB9FE1A85EC53UL;
            }

            hash ^= hash >> 33;
            return (int)(hash ^ (hash >> 17)) & int.MaxValue;
        }
    }

    private readonly struct Entry(int hash, byte[] bytes, string text)
    {
        public int Hash { get; } = hash;

        public byte[] Bytes { get; } = bytes;

        /// <summary>The string; null marks a free slot.</summary>
        public string? Text { get; } = text;
    }
}
