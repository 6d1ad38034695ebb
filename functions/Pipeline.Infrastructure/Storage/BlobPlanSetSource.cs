using Azure;
using Azure.Storage.Blobs;
using Pipeline.Application.Ports;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The plan set with the plans blob container (<c>Pipeline__PlansContainer</c>) read again at each call: the
/// container is listed, and a plan file is downloaded and loaded again only where its ETag changed since it was
/// last read; while no name or ETag changed, the same <see cref="PlanSet"/> is returned. The built-in plans and the
/// plans folder are read once (<paramref name="fixedEntries"/>).
/// </summary>
public sealed class BlobPlanSetSource(IReadOnlyList<PlanSetEntry> fixedEntries, string? defaultPlanId,
    BlobContainerClient container)
    : IPlanSetSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (ETag ETag, PlanSetEntry Entry)> _files = new(StringComparer.Ordinal);
    private PlanSet? _current;
    private string? _currentKey;

    /// <inheritdoc />
    public async Task<PlanSet> CurrentAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (entries, key) = await ReadContainerAsync(cancellationToken);
            if (_current is null || key != _currentKey)
            {
                _current = new PlanSet([.. fixedEntries, .. entries], defaultPlanId);
                _currentKey = key;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<(List<PlanSetEntry> Entries, string Key)> ReadContainerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var listed = new List<(string Name, ETag ETag)>();
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (blob.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && blob.Properties.ETag is { } etag)
                {
                    listed.Add((blob.Name, etag));
                }
            }

            listed.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var entries = new List<PlanSetEntry>();
            var key = new System.Text.StringBuilder();
            foreach (var (name, etag) in listed)
            {
                if (!_files.TryGetValue(name, out var known) || known.ETag != etag)
                {
                    var content = (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
                    known = (content.Details.ETag,
                        PlanSetEntry.Read(content.Content.ToStream(), $"{container.Name}/{name}",
                        Path.GetFileNameWithoutExtension(name)));
                    _files[name] = known;
                }

                entries.Add(known.Entry);
                key.Append(name).Append('\u0001').Append(known.ETag).Append('\u0002');
            }

            foreach (var gone in _files.Keys.Except(listed.Select(l => l.Name)).ToList())
            {
                _files.Remove(gone);
            }

            return (entries, key.ToString());
        }
        catch (RequestFailedException e)
        {
            return ([BlobPlanFiles.Unreadable(container, e)], $"unreadable {e.Status} {e.ErrorCode}");
        }
    }
}
