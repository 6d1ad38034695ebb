using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Infrastructure.Storage;
using Pipeline.Testing;

namespace Pipeline.Integration.Tests;

/// <summary>
/// The portal's data-protection keys live in blob storage, so a cookie one instance of the app protected (a sign-in
/// started there, a session) is read by another instance: two separate key rings over one account, on Azurite.
/// </summary>
public sealed class BlobKeyRingTests : IDisposable
{
    private readonly TestPipeline _pipeline = new(Azurite.Instance);

    public void Dispose() => _pipeline.Dispose();

    private IDataProtector Instance()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("pipeline-portal");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRing(_pipeline.Storage));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("session");
    }

    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_another_and_the_key_is_a_blob()
    {
        var first = Instance();
        var protectedText = first.Protect("担当 A: kumamoto-welfare-4/shakyo");
        var second = Instance();
        Assert.Equal("担当 A: kumamoto-welfare-4/shakyo", second.Unprotect(protectedText));

        var container = await _pipeline.Storage.ContainerAsync(StorageNames.DataProtectionContainer, CancellationToken.None);
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "keys/", CancellationToken.None))
        {
            keys.Add(blob.Name);
        }

        Assert.Single(keys);
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, (await container.GetAccessPolicyAsync()).Value.BlobPublicAccess);
    }
}
