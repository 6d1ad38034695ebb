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
using Pipeline.Application.Review;

namespace Pipeline.Portal;

/// <summary>Composition of the portal, for the Functions app and <c>pipeline serve</c> alike (after
/// <c>AddPipeline</c>).</summary>
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
        builder.Services.TryAddSingleton<IAfterReview, NextAggregationPublishes>();
        builder.Services.TryAddSingleton<ReviewService>();
        builder.Services.TryAddSingleton<SecretariatService>();
        builder.Services.TryAddSingleton<CommentaryEntries>();
        builder.Services.TryAddSingleton<SecretariatApi>();
        builder.Services.TryAddSingleton<CommentaryApi>();
        builder.Services.TryAddSingleton<ContactsApi>();
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
                    jwt.TokenValidationParameters =
                        EntraTokenRules.Parameters(EntraTokenRules.ApiAudiences(options), clock);
                });
        }

        return builder;
    }

    /// <summary>
    /// The portal's routes on an ASP.NET Core host (<c>pipeline serve</c>): every route of <see cref="PortalRoutes"/>,
    /// each running the handler its function runs in the Functions app through <see cref="PortalEdge"/>; and the site's
    /// root sends the browser to the portal.
    /// </summary>
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        foreach (var route in PortalRoutes.All)
        {
            app.MapMethods(route.Pattern, [route.Method], context => PortalEdge.AnswerAsync(context, route.Handle));
        }

        app.MapGet("/", context => Results.Redirect("/api/portal/").ExecuteAsync(context));
        return app;
    }
}
