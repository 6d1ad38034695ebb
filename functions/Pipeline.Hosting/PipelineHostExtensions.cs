using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Infrastructure.Storage;
using Pipeline.Application.Ingestion;
using Pipeline.Application.Ports;
using Pipeline.Application.Publication;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Calendar;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Hosting;

/// <summary>Composition of the pipeline for the Functions host and the command line alike.</summary>
public static class PipelineHostExtensions
{
    /// <summary>The app setting that names the storage account, as the Functions host reads it.</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>Adds the plan set, the storage account, the stores and the application services; stops on a missing
    /// storage setting outside Development.</summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        StorageConnectionSettings.Check(builder.Configuration, builder.Environment);
        builder.Services.AddOptions<PipelineOptions>().Bind(builder.Configuration.GetSection(PipelineOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => LoadPlans(sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp));
        builder.Services.TryAddSingleton(sp => DefaultPlan(sp.GetRequiredService<PlanSet>()));
        builder.Services.TryAddSingleton(sp =>
            PlanSource(sp.GetRequiredService<IOptions<PipelineOptions>>().Value, sp));
        builder.Services.TryAddSingleton(_ => ReadLimitsOf(builder.Configuration));
        builder.Services.TryAddSingleton(sp => CreateStorageAccount(builder.Configuration, sp));
        builder.Services.TryAddSingleton<TableUploadLedger>();
        builder.Services.TryAddSingleton<IUploadLedger>(sp => sp.GetRequiredService<TableUploadLedger>());
        builder.Services.TryAddSingleton<IAcceptedUploadMarks>(sp => sp.GetRequiredService<TableUploadLedger>());
        builder.Services.TryAddSingleton<IPublicationRecords, TablePublicationRecords>();
        builder.Services.TryAddSingleton<IUploadHistory>(sp => sp.GetRequiredService<TableUploadLedger>());
        builder.Services.TryAddSingleton<IUploadStore, BlobUploadStore>();
        builder.Services.TryAddSingleton<IObservationStore, TableObservationStore>();
        builder.Services.TryAddSingleton<ICommentaryStore, TableCommentaryStore>();
        builder.Services.TryAddSingleton<TableSecretariatRecords>();
        builder.Services.TryAddSingleton<IReviewLedger, TableReviewLedger>();
        builder.Services.TryAddSingleton<IFiscalYearConfirmations>(
            sp => sp.GetRequiredService<TableSecretariatRecords>());
        builder.Services.TryAddSingleton<IReviewAudit>(sp => sp.GetRequiredService<TableSecretariatRecords>());
        builder.Services.TryAddSingleton<IUploadReports, BlobUploadReports>();
        builder.Services.TryAddSingleton<UploadReportLookup>();
        builder.Services.TryAddSingleton<IFeedStore, BlobFeedStore>();
        builder.Services.TryAddSingleton(sp => new JapanCalendar(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp => new UploadRouter(sp.GetRequiredService<PlanSet>(),
            plan => ActivatorUtilities.CreateInstance<IngestionService>(sp, plan),
                sp.GetRequiredService<IUploadReports>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp =>
            sp.GetRequiredService<UploadRouter>().For(sp.GetRequiredService<Plan>()));
        builder.Services.TryAddTransient<PlanPublication>();
        builder.Services.TryAddTransient<CommitteeReportService>();
        builder.Services.TryAddTransient<PlanDecision>();
        builder.Services.TryAddTransient<PlanIndexPublisher>();
        builder.Services.TryAddTransient<PlanWorker>();
        builder.Services.TryAddTransient<NightlyAggregationService>();
        builder.Services.TryAddTransient<NightlyDispatch>();
        builder.Services.TryAddSingleton<PlanPoisonService>();
        builder.Services.TryAddSingleton<IUploadSource, BlobUploadSource>();
        builder.Services.TryAddSingleton<PoisonUploads>();
        builder.Services.TryAddSingleton<UploadIngestion>();
        builder.Services.TryAddSingleton(sp =>
            new StagedRowSweeper(sp.GetRequiredService<StorageAccount>(), sp.GetRequiredService<PlanSet>(),
            sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StagedRowSweeper>>(),
            sp.GetRequiredService<IOptions<PipelineOptions>>().Value.SweepUploadsPerRun));
        // The timer's maintenance steps, run before it decides which plans need work: the staged-rows sweep.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INightlyMaintenance,
            StagedRowSweeper>(sp => sp.GetRequiredService<StagedRowSweeper>()));
        builder.Services.TryAddSingleton<IPortalPushLedger, TablePortalPushLedger>();
        builder.AddCkanPortal();
        builder.AddReminders();
        return builder;
    }

    /// <summary>
    /// The read limits of section <c>Pipeline:ReadLimits</c>, each the default where it is not given. Read key by key:
    /// <see cref="ReadLimits"/> is immutable (<c>init</c>), and the configuration binder's source generator, which
    /// binds every other section, sets only settable properties (it would keep the defaults without a word).
    /// </summary>
    public static ReadLimits ReadLimitsOf(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{PipelineOptions.Section}:ReadLimits");
        var defaults = ReadLimits.Default;
        return new ReadLimits
        {
            MaxFileBytes = section.GetValue(nameof(defaults.MaxFileBytes), defaults.MaxFileBytes),
            MaxUncompressedBytes =
                section.GetValue(nameof(defaults.MaxUncompressedBytes), defaults.MaxUncompressedBytes),
            MaxRows = section.GetValue(nameof(defaults.MaxRows), defaults.MaxRows),
            MaxColumns = section.GetValue(nameof(defaults.MaxColumns), defaults.MaxColumns),
            MaxCellCharacters = section.GetValue(nameof(defaults.MaxCellCharacters), defaults.MaxCellCharacters),
            MaxSharedStringCharacters =
                section.GetValue(nameof(defaults.MaxSharedStringCharacters), defaults.MaxSharedStringCharacters),
            MaxElementDepth = section.GetValue(nameof(defaults.MaxElementDepth), defaults.MaxElementDepth),
            WorkPerByte = section.GetValue(nameof(defaults.WorkPerByte), defaults.WorkPerByte),
            MinimumWork = section.GetValue(nameof(defaults.MinimumWork), defaults.MinimumWork),
        };
    }

    /// <summary>
    /// The CKAN push, when section <c>Ckan</c> names a portal and a dataset: a typed HttpClient from IHttpClientFactory
    /// with the Polly policies of <see cref="Pipeline.Infrastructure.Ckan.CkanPolicies"/>, pushing each plan to its own
    /// dataset (<see cref="Pipeline.Infrastructure.Ckan.CkanDatasets"/>, checked against the plan set once).
    /// </summary>
    public static IHostApplicationBuilder AddCkanPortal(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Pipeline.Infrastructure.Ckan.CkanOptions.Section);
        var options = section.Get<Pipeline.Infrastructure.Ckan.CkanOptions>()
            ?? new Pipeline.Infrastructure.Ckan.CkanOptions();
        if (!options.IsConfigured)
        {
            return builder;
        }

        builder.Services.AddOptions<Pipeline.Infrastructure.Ckan.CkanOptions>().Bind(section);
        builder.Services.TryAddSingleton(services => Pipeline.Infrastructure.Ckan.CkanDatasets.From(
            services.GetRequiredService<IOptions<Pipeline.Infrastructure.Ckan.CkanOptions>>().Value,
                services.GetRequiredService<PlanSet>(),
            services.GetRequiredService<
                Microsoft.Extensions.Logging.ILogger<Pipeline.Infrastructure.Ckan.CkanDatasets>>()));
        builder.Services.AddHttpClient<Pipeline.Infrastructure.Ckan.CkanPortalPublisher>(client =>
            {
                client.BaseAddress = new Uri(options.BaseUrl!.ToString().TrimEnd('/') + "/");
                client.Timeout = Timeout.InfiniteTimeSpan; // the policies time out, not HttpClient
            })
            .AddPolicyHandler(Pipeline.Infrastructure.Ckan.CkanPolicies.Total(options))
            .AddPolicyHandler((services, request) =>
                Pipeline.Infrastructure.Ckan.CkanPolicies.RetryFor(request, options,
                    services.GetRequiredService<TimeProvider>()))
            .AddPolicyHandler(Pipeline.Infrastructure.Ckan.CkanPolicies.Breaker(options))
            .AddPolicyHandler(Pipeline.Infrastructure.Ckan.CkanPolicies.Try(options));
        // Transient like the typed client, so the factory can rotate its handlers.
        builder.Services.AddTransient<IPortalPublisher>(services =>
            services.GetRequiredService<Pipeline.Infrastructure.Ckan.CkanPortalPublisher>());
        return builder;
    }

    /// <summary>
    /// The plan set (RULES.md §7): the built-in plans, every plan file in <see cref="PipelineOptions.PlansPath"/>, and
    /// every plan file in the blob container <see cref="PipelineOptions.PlansContainer"/> (read with the storage
    /// account's identity).
    /// </summary>
    public static PlanSet LoadPlans(PipelineOptions options, IServiceProvider services) =>
        PlanSet.Load(options.PlansPath, options.ConfiguredDefaultPlanId(),
            string.IsNullOrWhiteSpace(options.PlansContainer)
            ? []
            : BlobPlanFiles.Read(services.GetRequiredService<StorageAccount>()
                .ExistingContainer(options.PlansContainer)));

    /// <summary>
    /// The plan set the nightly run reads (RULES.md §7): with a plans container, the container read again at each run
    /// (by ETag); without one, the set read at start-up.
    /// </summary>
    public static IPlanSetSource PlanSource(PipelineOptions options, IServiceProvider services) =>
        string.IsNullOrWhiteSpace(options.PlansContainer)
            ? new StartupPlanSet(services.GetRequiredService<PlanSet>())
            : new BlobPlanSetSource(PlanSet.FileEntries(options.PlansPath), options.ConfiguredDefaultPlanId(),
                services.GetRequiredService<StorageAccount>().ExistingContainer(options.PlansContainer));

    /// <summary>The default plan; an error naming its problems where it is not served.</summary>
    public static Plan DefaultPlan(PlanSet plans) => plans.Default ?? throw new InvalidOperationException(
        plans.Entry(plans.DefaultPlanId) is { } entry
            ? $"The default plan '{plans.DefaultPlanId}' ({entry.Source}) is not served: " +
                $"{string.Join("; ", entry.Problems)}"
            : $"The default plan '{plans.DefaultPlanId}' is not in the plan set " +
                $"({string.Join(", ", plans.Entries.Select(e => e.Id))}); set Pipeline__DefaultPlanId.");

    private static StorageAccount CreateStorageAccount(IConfiguration configuration, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var tableOptions = services.GetService<TableClientOptions>() ?? new TableClientOptions();
        var blobOptions = services.GetService<BlobClientOptions>() ?? new BlobClientOptions();
        var connection = configuration[StorageSetting];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return new StorageAccount(new TableServiceClient(connection, tableOptions),
                new BlobServiceClient(connection, blobOptions),
                options.WriteParallelism, options.StoragePrefix);
        }

        // Identity-based connection (managed identity in Azure): AzureWebJobsStorage__blobServiceUri and so on.
        var section = configuration.GetSection(StorageSetting);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (StorageConnectionSettings.IsMissing(configuration) || blobUri is null || tableUri is null)
        {
            // Development only (StorageConnectionSettings.Check stops start-up elsewhere): the local default, Azurite.
            const string development = "UseDevelopmentStorage=true";
            return new StorageAccount(new TableServiceClient(development, tableOptions),
                new BlobServiceClient(development, blobOptions),
                options.WriteParallelism, options.StoragePrefix);
        }

        TokenCredential credential = section["credential"] == "managedidentity"
            ? new ManagedIdentityCredential(section["clientId"] is { } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageAccount(new TableServiceClient(new Uri(tableUri), credential, tableOptions),
            new BlobServiceClient(new Uri(blobUri), credential, blobOptions), options.WriteParallelism,
                options.StoragePrefix);
    }
}
