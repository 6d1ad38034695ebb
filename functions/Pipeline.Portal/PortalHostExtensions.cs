using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pipeline.Infrastructure.Storage;
using Pipeline.Portal.Access;
using Pipeline.Portal.Api;
using Pipeline.Portal.Plans;
using Pipeline.Portal.SignIn;
using Pipeline.Application.Obligations;
using Pipeline.Portal.Settings;

namespace Pipeline.Portal;

/// <summary>Composition of the portal, for the Functions app and <c>pipeline serve</c> alike (after <c>AddPipeline</c>).</summary>
public static class PortalHostExtensions
{
    /// <summary>Adds the access check, the handlers and, where configured, Entra ID token validation.</summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PortalAccessOptions.Section);
        builder.Services.AddOptions<PortalAccessOptions>().Bind(section);
        builder.Services.TryAddSingleton<IPortalPlans, PlanSetPortalPlans>();
        builder.Services.TryAddSingleton<IAfterUpload, BlobTriggerIngests>();
        builder.Services.TryAddSingleton<PortalAccess>();
        builder.Services.TryAddSingleton<ObligationService>();
        builder.Services.TryAddSingleton<PortalApi>();
        builder.Services.TryAddSingleton<DepartmentApi>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One key ring for every instance of the app, in blob storage, so a sign-in started on one instance
        // finishes on another and a session cookie is read wherever the next request lands.
        builder.Services.AddDataProtection().SetApplicationName("pipeline-portal");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<StorageAccount>((options, storage) => options.XmlRepository = new BlobKeyRing(storage));
        builder.Services.TryAddSingleton<SignInCookies>();
        builder.Services.TryAddSingleton<EntraMetadata>();
        builder.Services.TryAddTransient<EntraSignIn>();
        builder.Services.TryAddTransient<EntraSignOut>();
        builder.Services.AddHttpClient<EntraTokenClient>()
            .AddPolicyHandler(EntraPolicies.Total())
            .AddPolicyHandler(request => EntraPolicies.RetryFor(request))
            .AddPolicyHandler(EntraPolicies.Try());

        var options = section.Get<PortalAccessOptions>() ?? new PortalAccessOptions();
        var authentication = builder.Services.AddAuthentication();
        if (options.ValidatesTokens)
        {
            // Entra ID access tokens for the app registration, validated in the app: the Flex Consumption plan does
            // not enforce App Service Authentication (docs/portal.md).
            // Metadata and validation rules are shared with the browser sign-in (EntraMetadata, EntraTokenRules).
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.MapInboundClaims = false);
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<EntraMetadata, TimeProvider>((jwt, metadata, clock) =>
                {
                    jwt.ConfigurationManager = metadata.Manager;
                    jwt.TokenValidationParameters = EntraTokenRules.Parameters(EntraTokenRules.ApiAudiences(options), clock);
                });
        }

        return builder;
    }

    /// <summary>The portal's routes on an ASP.NET Core host (<c>pipeline serve</c>), calling the same handlers as the functions.</summary>
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        const string department = "/api/plans/{planId}/departments/{departmentId}";
        app.MapGet("/api/sign-in", (PortalApi api) => api.SignInOptions());
        app.MapPost("/api/sign-in/development", (PortalApi api, HttpContext c) => api.DevelopmentSignInAsync(c));
        app.MapPost("/api/sign-out/development", (PortalApi api, HttpContext c) => api.DevelopmentSignOut(c));
        app.MapGet(EntraSignIn.StartPath, (EntraSignIn entra, HttpContext c) => entra.StartAsync(c));
        app.MapGet(EntraSignIn.CallbackPath, (EntraSignIn entra, HttpContext c) => entra.CallbackAsync(c));
        app.MapPost("/api/sign-out", (EntraSignOut entra, HttpContext c) => entra.SignOutAsync(c));
        app.MapGet("/api/me", (PortalApi api, HttpContext c) => api.MeAsync(c));
        app.MapGet("/api/plans", (PortalApi api, HttpContext c) => api.PlansAsync(c));
        app.MapGet("/api/plans/{planId}/progress", (PortalApi api, string planId, HttpContext c) => api.ProgressAsync(planId, c.RequestAborted));
        app.MapGet(department + "/obligations", (DepartmentApi api, HttpContext c, string planId, string departmentId) => api.ObligationsAsync(c, planId, departmentId));
        app.MapGet(department + "/template", (DepartmentApi api, HttpContext c, string planId, string departmentId) => api.TemplateAsync(c, planId, departmentId));
        app.MapPost(department + "/validate", (DepartmentApi api, HttpContext c, string planId, string departmentId) => api.ValidateAsync(c, planId, departmentId));
        app.MapPost(department + "/uploads", (DepartmentApi api, HttpContext c, string planId, string departmentId) => api.UploadAsync(c, planId, departmentId));
        app.MapGet(department + "/uploads", (DepartmentApi api, HttpContext c, string planId, string departmentId) => api.HistoryAsync(c, planId, departmentId));
        app.MapGet(department + "/uploads/{name}/report", (DepartmentApi api, HttpContext c, string planId, string departmentId, string name) => api.ReportAsync(c, planId, departmentId, name));
        app.MapGet("/api/portal/{**path}", (PortalApi api, HttpContext c, string? path) => api.PageAsync(c, path));
        app.MapGet("/", () => Results.Redirect("/api/portal/"));
        return app;
    }
}
