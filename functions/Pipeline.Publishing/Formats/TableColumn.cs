namespace Pipeline.Publishing.Formats;

/// <summary>A column of a published CSV file as its Table Schema field: name, type, Japanese title, English description.</summary>
public sealed record TableColumn(string Name, string Type, string Title, string Description);
