using Azure;
using Azure.Storage.Blobs;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The plan-definition files kept in a private blob container (<c>Pipeline__PlansContainer</c>, docs/plans.md):
/// how a city adds its next plan in Azure without a deployment of code, read with the app's own identity.
/// Read when the plan set is built at start-up, and again by the nightly run (<see cref="BlobPlanSetSource"/>); each
/// <c>*.json</c> blob becomes an entry of the set, served or listed with its problems, like a file of the plans folder.
/// </summary>
public static class BlobPlanFiles
{
    /// <summary>
    /// The entries of every <c>*.json</c> blob in <paramref name="container"/>, in name order. A container that
    /// cannot be read (missing, or no permission) is one entry with that problem, so that <c>pipeline plans</c>
    /// and the start-up log say so and the other plans are still served.
    /// </summary>
    public static IReadOnlyList<PlanSetEntry> Read(BlobContainerClient container)
    {
        try
        {
            var entries = new List<PlanSetEntry>();
            var names = container.GetBlobs().Select(b => b.Name)
                .Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
                    .ToArray();
            foreach (var name in names)
            {
                var content = container.GetBlobClient(name).DownloadContent().Value.Content;
                entries.Add(
                    PlanSetEntry.Read(content.ToStream(), $"{container.Name}/{name}",
                        Path.GetFileNameWithoutExtension(name)));
            }

            return entries;
        }
        catch (RequestFailedException e)
        {
            return [Unreadable(container, e)];
        }
    }

    /// <summary>The entry that stands for a container that cannot be read.</summary>
    public static PlanSetEntry Unreadable(BlobContainerClient container, RequestFailedException e) =>
        new(container.Name, $"blob container '{container.Name}'", null,
            [new PlanDefinitionProblem("$",
                $"cannot be read ({e.Status} {e.ErrorCode}): create the container or give the app's identity Storage " +
                    $"Blob Data Reader on it")]);
}
