using System.Globalization;
using System.Text;
using CsvHelper;
using Pipeline.Domain.Problems;


namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// Reads a CSV file whose encoding is detected, never configured: a byte-order mark, else strict
/// UTF-8 if every byte decodes, else Shift_JIS (CP932, which Excel for Japanese Windows writes).
/// </summary>
internal static class CsvSheetReader
{
    static CsvSheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>CP932, Microsoft's Shift_JIS.</summary>
    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    public static IEnumerable<SheetRow> Read(Stream stream, string sheetName, ReadLimits limits)
    {
        var encoding = DetectEncoding(stream);
        var separator = DetectSeparator(stream, encoding);
        stream.Position = 0;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            // UTF-8 and UTF-16 are the reader's own (BOM honoured); CP932 is transcoded.
            Encoding = encoding.CodePage == 932 ? encoding : null,
            MalformedData = CsvMalformedDataHandling.Throw,
            // Ids, years, areas and months repeat row after row: each distinct text of a column is decoded once,
            // by our pool (Utf8TextPool) from the field's bytes.
            MaxRecordSize =
                (int)Math.Min(int.MaxValue, (long)limits.MaxCellCharacters * 3 * Math.Min(limits.MaxColumns, 64)),
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var pool = new Utf8TextPool();
        var texts = new string[16];
        var columns = new int[16];
        var row = 0;
        while (Next(reader, sheetName, row + 1))
        {
            row = (int)reader.LineNumber;
            if (reader.RowNumber > limits.MaxRows)
            {
                throw Limits.TooManyRows(limits, sheetName, row);
            }

            if (reader.FieldCount > limits.MaxColumns)
            {
                throw Limits.TooManyColumns(limits, sheetName, row, reader.FieldCount);
            }

            var fields = reader.FieldCount;
            if (texts.Length < fields)
            {
                texts = new string[fields];
                columns = new int[fields];
            }

            var count = 0;
            var gaps = false;
            for (var i = 0; i < fields; i++)
            {
                var utf8 = reader.GetSpan(i);
                if (utf8.IsEmpty)
                {
                    continue;
                }

                // A text has at most as many characters as bytes: only a long one is counted in characters.
                var text = pool.Get(i, utf8);
                if (utf8.Length > limits.MaxCellCharacters && text.Length > limits.MaxCellCharacters)
                {
                    throw Limits.CellTooLong(limits, sheetName, row, i + 1);
                }

                gaps |= i != count;
                columns[count] = i + 1;
                texts[count++] = text;
            }

            if (count > 0)
            {
                // The row's texts in an array of their number (their columns too where a field was empty): a CSV
                // cell is always text, made into a Cell when asked for (CsvCells).
                yield return new SheetRow(sheetName, row, new CsvCells(texts[..count], gaps ? columns[..count] : null));
            }
        }
    }

    private static bool Next(CsvReader reader, string sheetName, int row)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new SpreadsheetReadException(ProblemCode.FileUnreadable,
                "CSV の形式が壊れています（引用符の閉じ忘れ、または長すぎる行）。",
                $"The CSV is malformed (an unclosed quote or an over-long line): {e.Message}",
                sheetName, e.LineNumber > 0 ? (int)e.LineNumber : row);
        }
    }

    /// <summary>
    /// The separator of a text export, detected from its first 4,096 characters (outside quotes): a tab where tabs
    /// outnumber commas (Excel's "Unicode text" and tab-separated exports, whatever the file is named), else a comma.
    /// </summary>
    public static char DetectSeparator(Stream stream, Encoding encoding)
    {
        stream.Position = 0;
        using var reader =
            new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 4096,
                leaveOpen: true);
        var buffer = new char[4096];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        int tabs = 0, commas = 0;
        var quoted = false;
        foreach (var c in buffer.AsSpan(0, read))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }

        return tabs > commas ? '\t' : ',';
    }

    /// <summary>UTF-8 (with or without BOM) when every byte decodes as UTF-8, otherwise CP932.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        stream.Position = 0;
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            return Encoding.Unicode;
        }

        if (read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return new UTF8Encoding(false);
        }

        stream.Position = 0;
        return IsUtf8(stream) ? new UTF8Encoding(false) : ShiftJis;
    }

    private static bool IsUtf8(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false).GetDecoder();
        decoder.Fallback = DecoderFallback.ExceptionFallback;
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int n;
        try
        {
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the caller falls back to CP932. The decision itself is the result.
            return false;
        }
    }
}
