namespace Pipeline.Portal.Api;

/// <summary>
/// What follows a stored upload in this host. In Azure nothing: Event Grid delivers the blob to the blob
/// trigger. <c>pipeline serve</c> ingests it at once and runs the nightly aggregation after an accepted one.
/// </summary>
public interface IAfterUpload
{
    /// <summary>Called once the upload is stored; must not wait for the work it starts.</summary>
    void Stored(string blobName);
}
