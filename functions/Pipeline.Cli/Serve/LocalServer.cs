using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Development;
using Pipeline.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Publishing.Document;
using Pipeline.Portal;
using Pipeline.Portal.Api;
using Pipeline.Domain.Catalogue;
using Pipeline.Publishing;
using Pipeline.Publishing.Pages;

namespace Pipeline.Cli.Serve;

/// <summary>
/// The whole system on one port (RULES.md §9): the portal and its API (the same handlers as the Functions app),
/// the published dashboards and feed under <c>/feeds/v1/</c>, on Kestrel, against Azurite started here when
/// <c>AzureWebJobsStorage</c> is not set. The environment is Development unless <c>DOTNET_ENVIRONMENT</c> says
/// otherwise.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AzuriteProcess? _azurite;
    private readonly MaildevProcess? _maildev;

    private LocalServer(WebApplication app, AzuriteProcess? azurite, MaildevProcess? maildev, Uri address)
    {
        _app = app;
        _azurite = azurite;
        _maildev = maildev;
        Address = address;
    }

    /// <summary>The inbox of the maildev started here when no SMTP host is set (reminders land there), else
    /// null.</summary>
    public Uri? Inbox => _maildev?.Inbox;

    /// <summary>The server's base address, such as <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The portal's page.</summary>
    public Uri Portal => new(Address, "api/portal/");

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Cancelled when the server is asked to stop: Ctrl+C (SIGINT) or SIGTERM, which the web host's console lifetime
    /// takes from the command line (it cancels the signal's default ending so that the host can stop in order).
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Completes when every upload so far is ingested and aggregated.</summary>
    public Task IdleAsync() => _app.Services.GetRequiredService<IngestNow>().IdleAsync();

    /// <summary>Starts on <paramref name="port"/> (0: any free port) with <paramref name="settings"/> over the
    /// environment.</summary>
    public static async Task<LocalServer> StartAsync(int port, IDictionary<string, string?>? settings,
        string? environment, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        AzuriteProcess? azurite = null;
        var configured = values.GetValueOrDefault(PipelineHostExtensions.StorageSetting)
            ?? Environment.GetEnvironmentVariable(PipelineHostExtensions.StorageSetting);
        if (string.IsNullOrWhiteSpace(configured))
        {
            azurite = AzuriteProcess.StartOnFreePorts(RepositoryRoot.Find());
            values[PipelineHostExtensions.StorageSetting] = azurite.ConnectionString;
        }

        // RULES.md §12: without a mail server of its own, reminders go to a local maildev whose inbox serve prints.
        MaildevProcess? maildev = null;
        if (string.IsNullOrWhiteSpace(values.GetValueOrDefault("Reminders:Smtp:Host")
            ?? Environment.GetEnvironmentVariable("Reminders__Smtp__Host")))
        {
            maildev = MaildevProcess.Start(RepositoryRoot.Find());
            values["Reminders:Smtp:Host"] = "127.0.0.1";
            values["Reminders:Smtp:Port"] =
                maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            values["Reminders:Smtp:UseStartTls"] = "false";
            if (Environment.GetEnvironmentVariable("Reminders__From") is null)
            {
                values.TryAdd("Reminders:From", "pipeline@localhost.invalid");
            }

            if (port != 0 && Environment.GetEnvironmentVariable("Reminders__PortalUrl") is null)
            {
                values.TryAdd("Reminders:PortalUrl", $"http://127.0.0.1:{port}/");
            }
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        // Nothing here is protected with keys (the development cookie is a plain value); keep them in memory.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton<IngestNow>();
        builder.Services.AddSingleton<IAfterUpload>(sp => sp.GetRequiredService<IngestNow>());
        builder.Services.AddSingleton<IAfterReview>(sp => sp.GetRequiredService<IngestNow>());
        builder.AddPipeline();
        builder.AddPortal();
        var app = builder.Build();
        app.MapPortal();
        app.MapGet("/feeds/v1/{planId}/{**file}", Published((context, storage) => ServeFeedFileAsync(
            context.Request.RouteValues["planId"] as string ?? "", context.Request.RouteValues["file"] as string,
            storage, context.RequestAborted)));
        // Beside the plans' folders: the index of plans and the deployment's zip that the dashboards link.
        foreach (var path in new[] { FeedPaths.IndexPath, Publishing.Document.FeedPaths.DeploymentZipPath })
        {
            app.MapGet("/" + path,
                Published((context, storage) => ServeBlobAsync(storage, path, context.RequestAborted)));
        }
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalServer(app, azurite, maildev, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Open data, with the dashboard's Content-Security-Policy (<see cref="DashboardPage.ContentSecurityPolicy"/>)
    /// besides what <see cref="PortalEdge"/> sets, and cached like the open feed rather than not at all.
    /// </summary>
    private static RequestDelegate Published(Func<HttpContext, StorageAccount, Task<IResult>> file)
    {
        Func<HttpContext, Task<IResult>> handler = context =>
        {
            context.Response.Headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            return file(context, context.RequestServices.GetRequiredService<StorageAccount>());
        };
        return context => PortalEdge.AnswerAsync(context, handler);
    }

    /// <summary>A published file (dashboard, feed, CSV, data package) from the open-data container, as Azure serves
    /// it.</summary>
    private static async Task<IResult> ServeFeedFileAsync(string planId, string? file, StorageAccount storage,
        CancellationToken cancellationToken)
    {
        file = string.IsNullOrEmpty(file) ? Publishing.Document.FeedPaths.DashboardName : file;
        if (!PlanId.TryParse(planId, out var plan) || file.Split('/').Any(s => s is "" or "." or ".."))
        {
            return Results.NotFound();
        }

        return await ServeBlobAsync(storage, BlobFeedStore.Path(plan, file), cancellationToken);
    }

    private static async Task<IResult> ServeBlobAsync(StorageAccount storage, string path,
        CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.OpenDataContainer, cancellationToken);
        var blob = container.GetBlobClient(path);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            return Results.Bytes(download.Value.Content.ToArray(), download.Value.Details.ContentType);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return Results.NotFound();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _azurite?.Dispose();
        _maildev?.Dispose();
    }
}
