using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Data.Tables;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// An observation's table entity built for writing: its sixteen properties (keys included, under the names
/// <see cref="TableEntity"/> uses) in one array, seen by the SDK as the dictionary of properties it serialises as it
/// serialises a <see cref="TableEntity"/>'s, property by property, nulls included. Issue 27: a dictionary per row (two,
/// with TableEntity's copy) was most of what building the entities of a 100,000-row file cost.
/// </summary>
internal sealed class ObservationEntity : ITableEntity, IDictionary<string, object>
{
    /// <summary>The properties, in the order they are written.</summary>
    public static readonly string[] Names =
    [
        nameof(PartitionKey), nameof(RowKey), "IndicatorId", "FiscalYear", "AreaCode", "Month", "Value", "Numerator",
        "Denominator", "Note", "Flag", "UploadId", "DepartmentId", "ReceivedAt", "SourceSheet", "SourceRow",
    ];

    private readonly object?[] _values;

    /// <summary>An entity of the values of <see cref="Names"/>, in that order (the array is kept, not
    /// copied).</summary>
    public ObservationEntity(object?[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, Names.Length);
        ArgumentNullException.ThrowIfNull(values[0]);
        ArgumentNullException.ThrowIfNull(values[1]);
        _values = values;
    }

    public string PartitionKey
    {
        get => (string)_values[0]!;
        set => _values[0] = value;
    }

    public string RowKey
    {
        get => (string)_values[1]!;
        set => _values[1] = value;
    }

    /// <summary>Set by the service, never written: not one of the properties.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Not written: upserts replace whatever is stored.</summary>
    public ETag ETag { get; set; }

    public object this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        set => _values[IndexOf(key) is var i and >= 0 ? i : throw new NotSupportedException(key)] = value;
    }

    public ICollection<string> Keys => Names;

    public ICollection<object> Values => _values!;

    public int Count => Names.Length;

    public bool IsReadOnly => false;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i]! : null!;
        return i >= 0;
    }

    public bool Contains(KeyValuePair<string, object> item) =>
        TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            array[arrayIndex + i] = new KeyValuePair<string, object>(Names[i], _values[i]!);
        }
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            yield return new KeyValuePair<string, object>(Names[i], _values[i]!);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The set of properties is fixed: none is added or removed.</summary>
    public void Add(string key, object value) => throw new NotSupportedException(key);

    /// <inheritdoc cref="Add(string, object)"/>
    public void Add(KeyValuePair<string, object> item) => throw new NotSupportedException(item.Key);

    /// <inheritdoc cref="Add(string, object)"/>
    public bool Remove(string key) => throw new NotSupportedException(key);

    /// <inheritdoc cref="Add(string, object)"/>
    public bool Remove(KeyValuePair<string, object> item) => throw new NotSupportedException(item.Key);

    /// <inheritdoc cref="Add(string, object)"/>
    public void Clear() => throw new NotSupportedException();

    private static int IndexOf(string key) => Array.IndexOf(Names, key);
}
