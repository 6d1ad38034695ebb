namespace Pipeline.Spreadsheets.Reading;

/// <summary>The element names of a worksheet part that <see cref="SheetRowParser"/> acts on.</summary>
internal enum SheetXmlName
{
    /// <summary>Any other element.</summary>
    Other,

    /// <summary><c>row</c>.</summary>
    Row,

    /// <summary><c>c</c>, a cell.</summary>
    C,

    /// <summary><c>v</c>, a cell's value.</summary>
    V,

    /// <summary><c>f</c>, a cell's formula.</summary>
    F,

    /// <summary><c>rPh</c>, a phonetic run.</summary>
    RPh,

    /// <summary><c>t</c>, a text run.</summary>
    T,
}
