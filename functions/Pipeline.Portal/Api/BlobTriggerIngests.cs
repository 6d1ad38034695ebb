namespace Pipeline.Portal.Api;

/// <summary>The Functions app's <see cref="IAfterUpload"/>: nothing, because the blob trigger ingests what is
/// stored.</summary>
public sealed class BlobTriggerIngests : IAfterUpload
{
    public void Stored(string blobName)
    {
        // Event Grid announces the new blob to IngestUpload; nothing to do here.
    }
}
