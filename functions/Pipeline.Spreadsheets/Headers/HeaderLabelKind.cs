namespace Pipeline.Spreadsheets.Headers;

/// <summary>What a header cell says, as <see cref="HeaderVocabulary"/> reads it.</summary>
internal enum HeaderLabelKind
{
    /// <summary>Nothing the reader knows.</summary>
    Unknown,
    /// <summary>A column of the long form (指標ID, 年度, 実績値 …).</summary>
    Field,
    /// <summary>A fiscal year: the column holds that year's value (wide by year).</summary>
    Year,
    /// <summary>A ward of the plan: the column holds that ward's value.</summary>
    Ward,
    /// <summary>A month (4月): the column holds that month's value.</summary>
    Month,
    /// <summary>合計, 計, 市計 …: the whole city over wards, or the year over months.</summary>
    Total,
    /// <summary>A column the reader knowingly leaves alone (目標, 小計 …).</summary>
    Ignored,
}
