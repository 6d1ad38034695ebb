using Pipeline.Domain.Catalogue;

namespace Pipeline.Spreadsheets.Parsing;

/// <summary>
/// A column of values in a wide layout, with what its heading fixes: a fiscal year (R5実績), a ward (中央区) or
/// a month (4月); the rest comes from the row. <see cref="Unit"/> is a unit its heading names (実績値（件）).
/// </summary>
internal readonly record struct ValueColumn(int Column, FiscalYear? Year, Area? Ward, int? Month, string? Unit);
