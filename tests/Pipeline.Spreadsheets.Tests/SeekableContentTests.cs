using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// An upload's content made seekable and hashed (issue 27, ninth pass): a file or memory stream from its start is
/// read where it is, never copied, and stays its caller's; any other stream is copied whole (or up to just past the
/// size limit); the hash is the content's either way.
/// </summary>
public sealed class SeekableContentTests
{
    private static readonly byte[] Content = MakeContent(300_000);

    [Fact]
    public async Task A_file_is_read_in_place_and_left_open_for_its_owner()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, Content);
            await using var file = File.OpenRead(path);
            await using (var content = await SeekableContent.OfAsync(file, Content.Length, CancellationToken.None))
            {
                Assert.Same(file, content.Stream);
                Assert.Equal(0, content.Stream.Position);
                Assert.Equal(Sha256.Of(Content), content.Sha256);
            }

            // Disposing the content did not close the caller's stream.
            Assert.True(file.CanRead);
            Assert.Equal(Content, ReadAll(file));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_copied_and_the_copy_closed_with_the_content()
    {
        using var source = new OneWayStream(Content);
        Stream copy;
        await using (var content = await SeekableContent.OfAsync(source, Content.Length, CancellationToken.None))
        {
            copy = content.Stream;
            Assert.NotSame(source, copy);
            Assert.True(copy.CanSeek);
            Assert.Equal(Sha256.Of(Content), content.Sha256);
            Assert.Equal(Content, ReadAll(copy));
        }

        Assert.False(copy.CanRead);
    }

    [Fact]
    public async Task A_memory_stream_past_the_limit_or_not_at_its_start_is_copied_as_before()
    {
        // Over the limit: a copy stopping just past it (one chunk of 81,920 bytes), for the reader to refuse.
        using var large = new MemoryStream(Content);
        await using (var content = await SeekableContent.OfAsync(large, 100_000, CancellationToken.None))
        {
            Assert.NotSame(large, content.Stream);
            Assert.InRange(content.Length, 100_001, 100_000 + 81_920);
            Assert.Equal(Sha256.Of(Content.AsSpan(0, (int)content.Length)), content.Sha256);
        }

        // Not at its start: the rest of it, copied.
        using var moved = new MemoryStream(Content) { Position = 1_000 };
        await using (var content = await SeekableContent.OfAsync(moved, Content.Length, CancellationToken.None))
        {
            Assert.NotSame(moved, content.Stream);
            Assert.Equal(Content[1_000..], ReadAll(content.Stream));
            Assert.Equal(Sha256.Of(Content.AsSpan(1_000)), content.Sha256);
        }
    }

    private static byte[] MakeContent(int length)
    {
        var bytes = new byte[length];
        new Random(27).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ReadAll(Stream stream)
    {
        stream.Position = 0;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A stream read once, front to back, as a request's body or a blob's download is.</summary>
    private sealed class OneWayStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
