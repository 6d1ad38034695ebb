using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Uploads;

/// <summary>The SHA-256 of an upload's content: 64 lower-case hex digits, written as that text.</summary>
[JsonConverter(typeof(StringValueJsonConverter<Sha256>))]
public readonly record struct Sha256 : IParsable<Sha256>
{
    private Sha256(string value) => Value = value;

    /// <summary>The hash as 64 lower-case hex digits.</summary>
    public string Value => field ?? "";

    /// <summary>The hash of <paramref name="content"/>.</summary>
    public static Sha256 Of(ReadOnlySpan<byte> content) =>
        FromHash(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>The hash of a stream's content from its position to its end.</summary>
    public static async Task<Sha256> OfAsync(Stream content, CancellationToken cancellationToken) =>
        FromHash(await System.Security.Cryptography.SHA256.HashDataAsync(content, cancellationToken));

    /// <summary>A hash computed elsewhere (32 bytes).</summary>
    public static Sha256 FromHash(ReadOnlySpan<byte> hash) => hash.Length == 32
        ? new Sha256(Convert.ToHexStringLower(hash))
        : throw new ArgumentException("A SHA-256 hash has 32 bytes.", nameof(hash));

    /// <summary>Reads a hash; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static Sha256 Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException($"'{text}' is not a SHA-256 hash.");

    /// <summary>Reads 64 hex digits (either case; kept lower-case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Sha256 hash)
    {
        hash = default;
        if (text is not { Length: 64 } || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = new Sha256(text.ToLowerInvariant());
        return true;
    }

    /// <inheritdoc />
    static Sha256 IParsable<Sha256>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<Sha256>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out Sha256 result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}
