using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// The portal's data-protection key ring in the private <c>dataprotection</c> container, one blob a key, so every
/// instance of the app (Flex Consumption runs several) reads the sign-in and session cookies the others wrote.
/// The container is reached with the app's managed identity like every other; nothing else reads it.
/// </summary>
public sealed class BlobKeyRing(StorageAccount storage) : IXmlRepository
{
    private const string Folder = "keys/";

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var container = storage.ContainerAsync(StorageNames.DataProtectionContainer, CancellationToken.None)
            .GetAwaiter().GetResult();
        var elements = new List<XElement>();
        foreach (var blob in container.GetBlobs(BlobTraits.None, BlobStates.None, Folder, CancellationToken.None))
        {
            try
            {
                using var content = container.GetBlobClient(blob.Name).OpenRead();
                elements.Add(XElement.Load(content));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted between the listing and the read: not a key any more.
            }
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        var container = storage.ContainerAsync(StorageNames.DataProtectionContainer, CancellationToken.None)
            .GetAwaiter().GetResult();
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        container.GetBlobClient($"{Folder}{friendlyName}.xml").Upload(content, overwrite: true);
    }
}
