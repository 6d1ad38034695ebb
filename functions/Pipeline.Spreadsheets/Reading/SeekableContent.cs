using System.Security.Cryptography;
using Pipeline.Domain.Uploads;

namespace Pipeline.Spreadsheets.Reading;

/// <summary>
/// An upload's content as a seekable stream with its SHA-256: readers need to seek, the ledger needs the hash. A
/// file or memory stream (a file the command line opens, the portal's upload already held in memory) is hashed where
/// it is and read in place, its caller leaving it as it is meanwhile; any other (a blob's download, a body as it
/// arrives, which may seek only over the network if at all) is copied once into a buffer, memory or a temporary file
/// past a few megabytes, while it is hashed.
/// </summary>
public sealed class SeekableContent : IDisposable, IAsyncDisposable
{
    private const int InMemoryLimit = 8 * 1024 * 1024;

    private readonly bool _owned;

    private SeekableContent(Stream stream, Sha256 sha256, bool owned)
    {
        Stream = stream;
        Sha256 = sha256;
        _owned = owned;
    }

    /// <summary>The content, positioned at its start.</summary>
    public Stream Stream { get; }

    /// <summary>The SHA-256 of the content.</summary>
    public Sha256 Sha256 { get; }

    public long Length => Stream.Length;

    /// <summary>
    /// The content of <paramref name="source"/>: the stream itself, hashed and rewound, where it is a file or memory
    /// stream at its beginning holding at most <paramref name="maxBytes"/> (issue 27: a 1,000,000-row file validated
    /// was copied into 8 MB of memory, then into a temporary file, and the memory held to the end); otherwise a copy,
    /// stopping once more than <paramref name="maxBytes"/> have come (the rest is not read). The caller still owns
    /// <paramref name="source"/>: disposing the content closes only a copy.
    /// </summary>
    public static async Task<SeekableContent> OfAsync(Stream source, long maxBytes,
        CancellationToken cancellationToken)
    {
        if (source is FileStream or MemoryStream && source.CanSeek && source.Position == 0
            && source.Length <= maxBytes)
        {
            var sha256 = await Sha256.OfAsync(source, cancellationToken);
            source.Position = 0;
            return new SeekableContent(source, sha256, owned: false);
        }

        Stream buffer = new MemoryStream(InitialCapacity(source));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (buffer is MemoryStream && total > InMemoryLimit)
            {
                var file =
                    new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                    FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                buffer.Position = 0;
                await buffer.CopyToAsync(file, cancellationToken);
                await buffer.DisposeAsync();
                buffer = file;
            }

            hash.AppendData(chunk, 0, read);
            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            if (total > maxBytes)
            {
                // Over the limit: keep what came so the reader reports the size, but read no further.
                break;
            }
        }

        buffer.Position = 0;
        return new SeekableContent(buffer, Sha256.FromHash(hash.GetHashAndReset()), owned: true);
    }

    /// <summary>
    /// Room for the whole content where the source knows its length and it fits in memory: a buffer grown by
    /// doubling copies and clears itself a dozen times for a file of a few megabytes (issue 27: a tenth of the
    /// samples of a native <c>validate</c> of 100,000 csv rows). Otherwise it grows as it fills.
    /// </summary>
    private static int InitialCapacity(Stream source)
    {
        if (!source.CanSeek)
        {
            return 0;
        }

        var remaining = source.Length - source.Position;
        return remaining is > 0 and <= InMemoryLimit ? (int)remaining : 0;
    }

    /// <summary>Closes the copy, if one was made.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Stream.Dispose();
        }
    }

    /// <summary>Closes the copy, if one was made.</summary>
    public ValueTask DisposeAsync() => _owned ? Stream.DisposeAsync() : ValueTask.CompletedTask;
}
