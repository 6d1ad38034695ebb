namespace Pipeline.Infrastructure.Ckan;

/// <summary>
/// Section <c>Ckan</c>: the portal the feeds are pushed to, one dataset per plan (docs/settings.md).
/// Without a base URL and a dataset nothing is pushed; a plan without a dataset is not pushed.
/// </summary>
public sealed class CkanOptions
{
    public const string Section = "Ckan";

    /// <summary>The portal, such as <c>https://data.bodik.jp</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The default plan's dataset (package) id or name: the setting of a deployment of one plan, kept as it
    /// was.</summary>
    public string DatasetId { get; set; } = "";

    /// <summary>
    /// Plan id → the dataset (package) id or name its resources belong to (<c>Ckan__Datasets__{planId}</c>).
    /// The default plan's may be given here or as <see cref="DatasetId"/>; see <see cref="CkanDatasets"/>.
    /// </summary>
    public Dictionary<string, string> Datasets { get; } = new(StringComparer.Ordinal);

    /// <summary>The API token (in Azure a Key Vault reference), sent in the Authorization header.</summary>
    public string ApiToken { get; set; } = "";

    /// <summary>Retries after the first try, for 5xx, 408, 429 and network errors.</summary>
    public int RetryCount { get; set; } = 4;

    /// <summary>The first backoff; later ones double, with full jitter. Retry-After wins when given.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a Retry-After is honoured for.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One try's timeout.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole push's timeout: well below the 10-minute function timeout.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Consecutive failed tries that open the circuit.</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long the circuit stays open.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A portal and at least one dataset.</summary>
    public bool IsConfigured => BaseUrl is not null
        && (DatasetId.Length > 0 || Datasets.Values.Any(d => !string.IsNullOrWhiteSpace(d)));
}
