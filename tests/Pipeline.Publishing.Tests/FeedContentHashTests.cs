using System.Security.Cryptography;
using System.Text;
using Pipeline.Publishing.Formats;

namespace Pipeline.Publishing.Tests;

/// <summary>
/// The feed's content hash as it is taken (issue 27): each file's bytes hashed as they are written, however the writer
/// cuts them, and the files' names, types, lengths and hashes chained in order, as the hash is defined.
/// </summary>
public sealed class FeedContentHashTests
{
    [Fact]
    public async Task A_file_hashes_and_counts_as_its_bytes_however_they_are_written()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"行{i},")));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(hash))
        {
            stream.Write(bytes, 0, 10);
            stream.WriteByte(bytes[10]);
            stream.Write(bytes.AsSpan(11, 20_000));
            await stream.WriteAsync(bytes.AsMemory(20_011));
            Assert.Equal(bytes.Length, stream.Length);
            Assert.Throws<NotSupportedException>(() => stream.ReadByte());
        }

        Assert.Equal(SHA256.HashData(bytes), hash.GetHashAndReset());
    }

    [Fact]
    public void The_hash_chains_each_files_name_type_length_and_own_hash_in_order()
    {
        (string Name, string Type, byte[] Content)[] files =
        [
            ("progress.json", "application/json; charset=utf-8", Encoding.UTF8.GetBytes("{\"a\":1}")),
            ("progress.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes("\uFEFFa,b\r\n1,2\r\n")),
            ("empty.txt", "text/plain", []),
        ];
        var expected = new List<byte>();
        foreach (var (name, type, content) in files)
        {
            expected.AddRange(Encoding.UTF8.GetBytes($"{name}\n{type}\n{content.Length}\n"));
            expected.AddRange(SHA256.HashData(content));
        }

        using var hash = new FeedContentHash();
        foreach (var (name, type, content) in files)
        {
            hash.Add(name, type, stream => stream.Write(content));
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. expected])), hash.Finish());
    }
}
