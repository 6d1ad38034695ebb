using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Pipeline.Hosting;

/// <summary>
/// Checks the storage setting as the Functions host reads it (docs/settings.md): a connection string in
/// <c>AzureWebJobsStorage</c>, or the identity-based <c>AzureWebJobsStorage__blobServiceUri</c>,
/// <c>__queueServiceUri</c> and <c>__tableServiceUri</c>. Only in Development does nothing at all mean
/// Azurite (<c>UseDevelopmentStorage=true</c>); anywhere else a missing or half-given setting stops start-up.
/// </summary>
public static class StorageConnectionSettings
{
    /// <summary>The identity-based settings, all of which are needed when no connection string is given.</summary>
    public static readonly IReadOnlyList<string> ServiceUris = ["blobServiceUri", "queueServiceUri", "tableServiceUri"];

    /// <summary>True where no connection string is given and the identity-based settings are not all there
    /// either.</summary>
    public static bool IsMissing(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[PipelineHostExtensions.StorageSetting])
        && ServiceUris.Any(uri =>
            string.IsNullOrWhiteSpace(configuration.GetSection(PipelineHostExtensions.StorageSetting)[uri]));

    /// <summary>Throws, with one message naming what is missing, unless the setting is complete or the environment is
    /// Development.</summary>
    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!IsMissing(configuration) || environment.IsDevelopment())
        {
            return;
        }

        var section = configuration.GetSection(PipelineHostExtensions.StorageSetting);
        var missing = ServiceUris.Where(uri => string.IsNullOrWhiteSpace(section[uri]))
            .Select(uri => $"{PipelineHostExtensions.StorageSetting}__{uri}").ToList();
        var message = missing.Count == ServiceUris.Count
            ? $"The storage setting is missing: set {PipelineHostExtensions.StorageSetting} (a connection string) or " +
                $"{string.Join(", ", missing)} " +
              $"(identity-based). Only in Development does a missing setting mean Azurite (environment: " +
                  $"{environment.EnvironmentName})."
            : $"The identity-based storage setting is incomplete: {string.Join(" and ", missing)} " +
                $"{(missing.Count == 1 ? "is" : "are")} missing " +
              $"(the others of {PipelineHostExtensions.StorageSetting}__blobServiceUri, __queueServiceUri, " +
                  $"__tableServiceUri are set).";
        throw new InvalidOperationException(message);
    }
}
