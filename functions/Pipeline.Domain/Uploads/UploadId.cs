using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Uploads;

/// <summary>
/// The id of one upload (RULES.md §2): <c>{received, UTC, to 100 ns}-{12 hex digits}</c>, the hex digits a hash of
/// what identifies the version of the blob that was received (its name, its version id or ETag, its content).
/// A redelivery of the same version gives the same id; another version of the same name (an overwrite) a new one.
/// Ids of earlier versions (blob creation time, then a hash of name and content) have the same form and stay
/// valid. Letters, digits, <c>-</c> and <c>_</c> only, so an id is a table key and a path segment as it is.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<UploadId>))]
public readonly record struct UploadId : IParsable<UploadId>
{
    private const int MaxLength = 64;

    private UploadId(string value) => Value = value;

    /// <summary>The id's text.</summary>
    public string Value => field ?? "";

    /// <summary>
    /// The id of the version <paramref name="version"/> of the blob at <paramref name="path"/> with content
    /// <paramref name="content"/>.
    /// </summary>
    public static UploadId Of(UploadPath path, ReceivedVersion version, Sha256? content)
    {
        var identity = $"{path.BlobName}\n{version.Tag}\n{content?.Value}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12];
        var received = version.ReceivedAt(path).UtcDateTime
            .ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture);
        return new UploadId($"{received}-{hash}");
    }

    /// <summary>Reads an id; throws <see cref="FormatException"/> for a text that is not one.</summary>
    public static UploadId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an upload id.");

    /// <summary>Reads an id (a table key, a route value); false for anything but 1–64 letters, digits, -, _.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UploadId id)
    {
        id = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength
            || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        id = new UploadId(text);
        return true;
    }

    /// <inheritdoc />
    static UploadId IParsable<UploadId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<UploadId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out UploadId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    public override string ToString() => Value;
}
