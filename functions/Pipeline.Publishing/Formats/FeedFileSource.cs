namespace Pipeline.Publishing.Formats;

/// <summary>
/// A file of the feed before it has bytes: its name, its media type and what writes it, either to a stream (the
/// large data files: hashed as they are written, or written into <see cref="FeedBuffer"/>) or as bytes (the small
/// files and the packages that must be whole to be read back).
/// </summary>
internal sealed class FeedFileSource
{
    private readonly Action<Stream>? stream;
    private readonly Func<byte[]>? bytes;

    private FeedFileSource(string name, string contentType, Action<Stream>? stream, Func<byte[]>? bytes) =>
        (Name, ContentType, this.stream, this.bytes) = (name, contentType, stream, bytes);

    /// <summary>The path under the plan's folder.</summary>
    public string Name { get; }

    /// <summary>The Content-Type it is published with.</summary>
    public string ContentType { get; }

    /// <summary>A file written to a stream.</summary>
    public static FeedFileSource Streamed(string name, string contentType, Action<Stream> write) =>
        new(name, contentType, write, null);

    /// <summary>A file written as its bytes.</summary>
    public static FeedFileSource Rendered(string name, string contentType, Func<byte[]> write) =>
        new(name, contentType, null, write);

    /// <summary>A file that has its bytes already.</summary>
    public static FeedFileSource Of(FeedFile file) => Rendered(file.Name, file.ContentType, () => file.Content);

    /// <summary>Writes the file to <paramref name="output"/>.</summary>
    public void WriteTo(Stream output)
    {
        if (stream is not null)
        {
            stream(output);
        }
        else
        {
            output.Write(bytes!());
        }
    }

    /// <summary>The file's bytes.</summary>
    public byte[] Bytes() => bytes is not null ? bytes() : FeedBuffer.Bytes(stream!);

    /// <summary>The published file.</summary>
    public FeedFile ToFile(string cacheControl) => new(Name, Bytes(), ContentType, cacheControl);
}
