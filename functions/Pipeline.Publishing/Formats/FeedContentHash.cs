using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Publishing.Formats;

/// <summary>
/// SHA-256 over a feed's files, one after another: each file's name, media type, length and the SHA-256 of its
/// bytes. The bytes are hashed as they are written (<see cref="HashingStream"/>), never held: the nightly run hashes
/// every file to learn whether anything changed, and most nights nothing has.
/// </summary>
internal sealed class FeedContentHash : IDisposable
{
    private readonly IncrementalHash total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash file = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Adds the file that <paramref name="write"/> writes.</summary>
    public void Add(string name, string contentType, Action<Stream> write)
    {
        using var content = new HashingStream(file);
        write(content);
        total.AppendData(Encoding.UTF8.GetBytes($"{name}\n{contentType}\n{content.Length}\n"));
        total.AppendData(file.GetHashAndReset());
    }

    /// <summary>The hash of the files added, in lower-case hex.</summary>
    public string Finish() => Convert.ToHexStringLower(total.GetHashAndReset());

    public void Dispose()
    {
        total.Dispose();
        file.Dispose();
    }
}
