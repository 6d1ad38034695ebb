namespace Pipeline.Domain.Catalogue;

/// <summary>
/// A Japanese fiscal year, April to March, named by the calendar year it starts in; written in JSON as that year
/// (<c>2025</c>).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FiscalYearJsonConverter))]
public readonly record struct FiscalYear(int Value) : IComparable<FiscalYear>
{
    /// <summary>The fiscal year a calendar date falls in.</summary>
    public static FiscalYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <inheritdoc />
    public int CompareTo(FiscalYear other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool operator <(FiscalYear a, FiscalYear b) => a.Value < b.Value;
    public static bool operator >(FiscalYear a, FiscalYear b) => a.Value > b.Value;
    public static bool operator <=(FiscalYear a, FiscalYear b) => a.Value <= b.Value;
    public static bool operator >=(FiscalYear a, FiscalYear b) => a.Value >= b.Value;
}
