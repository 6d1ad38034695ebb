using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Pipeline.Application.Ingestion;
using Pipeline.Domain.Catalogue;
using Pipeline.Hosting;

namespace Pipeline.Cli.Verbs;

/// <summary>
/// What <c>pipeline validate</c> needs and nothing more (issue 27: a department waits for it): the settings, the one
/// plan it checks against, the read limits and the clock. No host, no storage clients, no logging: validate stores
/// nothing. Only the plan asked for is built (<see cref="PlanSet.LoadEntry"/>); the whole plan set is read where the
/// plan is not served, to say why as every verb does, and where plans come from a blob container.
/// </summary>
internal static class CliValidation
{
    /// <summary>The validator of the plan asked for (or the default plan), or null after telling why there is
    /// none.</summary>
    public static SubmissionValidator? Resolve(
        string? planId, IDictionary<string, string?>? overrides, TextWriter error)
    {
        var settings = CliHost.Settings(overrides);
        CheckStorageSetting(settings);
        var options = settings.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        if (!string.IsNullOrWhiteSpace(options.PlansContainer))
        {
            // Plans read from storage: the host reads them as every verb does.
            using var host = CliHost.Build(overrides);
            return PlanOption.Resolve(host, planId, error) is { } served
                ? new SubmissionValidator(served, host.Get<Spreadsheets.Reading.ReadLimits>(), host.Get<TimeProvider>())
                : null;
        }

        var defaultPlanId = options.ConfiguredDefaultPlanId();
        var id = planId ?? (string.IsNullOrWhiteSpace(defaultPlanId) ? null : defaultPlanId);
        var plan = id is null ? null : PlanSet.LoadEntry(options.PlansPath, id)?.Plan;
        plan ??= PlanOption.Resolve(PlanSet.Load(options.PlansPath, defaultPlanId), planId, error);
        return plan is null
            ? null
            : new SubmissionValidator(plan, PipelineHostExtensions.ReadLimitsOf(settings), TimeProvider.System);
    }

    /// <summary>
    /// As <see cref="CliHost.Build"/> does: a half-given identity-based storage setting stops every verb, this one
    /// too (nothing given at all means Azurite there, and is no error).
    /// </summary>
    private static void CheckStorageSetting(IConfiguration settings)
    {
        if (string.IsNullOrWhiteSpace(settings[PipelineHostExtensions.StorageSetting])
            && settings.GetSection(PipelineHostExtensions.StorageSetting)["blobServiceUri"] is not null)
        {
            StorageConnectionSettings.Check(
                settings, new HostingEnvironment { EnvironmentName = Environments.Production });
        }
    }
}
