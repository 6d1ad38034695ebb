using System.Text.Json.Nodes;

namespace Pipeline.Bicep.Tests;

/// <summary>bicep build and lint are clean, and the compiled ARM template has the security properties the city relies on.</summary>
public sealed class InfrastructureTests
{
    public static TheoryData<string> BicepFiles() =>
        new(Directory.EnumerateFiles(Bicep.InfraFolder, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Bicep.InfraFolder, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_builds_and_lints_with_no_diagnostic(string file)
    {
        var path = Path.Combine(Bicep.InfraFolder, file);
        var build = Bicep.Run("build", path, "--stdout");
        Assert.True(build.Exit == 0, build.Error);
        Assert.Equal("", build.Error.Trim());
        var lint = Bicep.Run("lint", path);
        Assert.True(lint.Exit == 0, lint.Output + lint.Error);
        Assert.Equal("", (lint.Output + lint.Error).Trim());
    }

    private static JsonObject Storage => Bicep.OfType("Microsoft.Storage/storageAccounts").Single(r => r["properties"]?["minimumTlsVersion"] is not null);

    [Fact]
    public void The_data_account_has_shared_key_access_off_tls_1_2_and_https_only()
    {
        var properties = Storage["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void Blob_versioning_and_soft_delete_keep_every_upload()
    {
        var blobs = Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices").Single()["properties"]!;
        Assert.True((bool)blobs["isVersioningEnabled"]!);
        Assert.True((bool)blobs["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blobs["containerDeleteRetentionPolicy"]!["enabled"]!);
    }

    [Fact]
    public void Only_opendata_allows_anonymous_read_and_only_of_blobs()
    {
        var containers = Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Where(c => c["properties"]?["publicAccess"] is not null)
            .ToDictionary(c => ((string)c["name"]!).Split('/')[^1].Trim('\'', ']', ')'), c => (string?)c["properties"]!["publicAccess"]);
        Assert.Equal("Blob", containers.Single(c => c.Key.Contains("opendata", StringComparison.Ordinal)).Value);
        Assert.Equal("None", containers.Single(c => c.Key.Contains("'uploads'", StringComparison.Ordinal) || c.Key.EndsWith("uploads", StringComparison.Ordinal)).Value);
        Assert.Equal("None", containers.Single(c => c.Key.Contains("upload-reports", StringComparison.Ordinal)).Value);
        Assert.Equal(1, containers.Count(c => c.Value != "None"));
    }

    [Fact]
    public void Plan_files_live_in_a_private_plans_container_that_the_app_reads_and_only_the_plan_secretariat_writes()
    {
        // RULES.md §7 in Azure: shared keys are off, so no file share can be mounted; plan files are blobs.
        var plans = Bicep.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Single(c => ((string)c["name"]!).Contains("'plans'", StringComparison.Ordinal) || ((string)c["name"]!).EndsWith("/plans", StringComparison.Ordinal));
        Assert.Equal("None", (string?)plans["properties"]!["publicAccess"]);
        Assert.Contains("createObject('name', 'Pipeline__PlansContainer', 'value', 'plans')",
            Bicep.Module("functionapp").Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        var module = Bicep.Module("plans").Replace("\\u0027", "'", StringComparison.Ordinal);
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", module, StringComparison.Ordinal); // Storage Blob Data Contributor
        Assert.Contains("blobServices/containers", module, StringComparison.Ordinal); // scoped to the container, not the account
        Assert.Contains("parameters('maintainers')[copyIndex()]", module, StringComparison.Ordinal); // one assignment per maintainer
    }

    private static JsonObject FunctionApp => Bicep.OfType("Microsoft.Web/sites").Single();

    [Fact]
    public void The_function_app_is_flex_consumption_dotnet_isolated_10_with_a_user_assigned_identity()
    {
        var plan = Bicep.OfType("Microsoft.Web/serverfarms").Single();
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        var app = FunctionApp;
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)runtime["name"], (string?)runtime["version"]));
        Assert.Equal("UserAssignedIdentity", (string?)app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
    }

    [Fact]
    public void App_settings_are_identity_based_with_no_key_anywhere()
    {
        var settings = FunctionApp["properties"]!["siteConfig"]!["appSettings"]!.ToJsonString();
        foreach (var name in new[] { "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "NightlyAggregationSchedule", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" })
        {
            Assert.Contains(name, settings, StringComparison.Ordinal);
        }

        Assert.Contains("managedidentity", settings, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", Bicep.Module("functionapp"), StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity", FunctionApp["properties"]!.ToJsonString(), StringComparison.Ordinal);
        var all = Bicep.Arm.ToJsonString();
        Assert.DoesNotContain("AccountKey", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"AzureWebJobsStorage\"", all, StringComparison.Ordinal);
        Assert.Equal("0 0 17 * * *", (string?)Bicep.Arm["parameters"]!["nightlySchedule"]!["defaultValue"]);
    }

    [Fact]
    public void The_portal_validates_entra_tokens_itself_and_maps_the_department_groups()
    {
        // Flex Consumption does not enforce App Service Authentication: no authsettings, the platform header is
        // never trusted, and the app registration's client id and tenant configure token validation in the app.
        Assert.Empty(Bicep.OfType("Microsoft.Web/sites/config"));
        var module = Bicep.Module("functionapp");
        foreach (var setting in new[] { "Portal__TrustPlatformHeader", "Portal__TenantId", "Portal__ClientId", "Portal__Groups__", "__GroupId", "__PlanId", "__DepartmentId" })
        {
            Assert.Contains(setting, module, StringComparison.Ordinal);
        }

        Assert.Equal("", (string?)Bicep.Arm["parameters"]!["portalClientId"]!["defaultValue"]);
        // The browser sign-in's client secret is a Key Vault reference, never a value in the template.
        Assert.Contains("Portal__ClientSecret", module, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri={0})', parameters('portalClientSecretUri')", module.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        var main = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "main.bicep"));
        Assert.Contains("groupId: department.principalId", main, StringComparison.Ordinal);
        Assert.Contains("departmentId: department.id", main, StringComparison.Ordinal);
    }

    [Fact]
    public void The_portal_public_origin_is_a_setting_that_defaults_to_the_function_apps_own_host()
    {
        // Portal__PublicOrigin: the redirect URIs are not made from the request's host, which Front Door or a proxy may change.
        var functionApp = Bicep.Resources(Bicep.Arm).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "functionapp");
        var template = functionApp["properties"]!["template"]!;
        var setting = Assert.Single(template["variables"]!.ToJsonString().Replace("\\u0027", "'", StringComparison.Ordinal)
            .Split("createObject("), o => o.Contains("Portal__PublicOrigin", StringComparison.Ordinal));
        Assert.StartsWith("'name', 'Portal__PublicOrigin', 'value', variables('publicOrigin'))", setting, StringComparison.Ordinal);
        // Empty: https:// and the site's own name (the same variable the site is named with) on azurewebsites.net;
        // otherwise the parameter, without a trailing slash.
        Assert.Equal("[format('func-{0}', parameters('name'))]", (string?)template["variables"]!["appName"]);
        Assert.Equal("[variables('appName')]", (string?)Bicep.Resources((JsonObject)template).Single(r => (string?)r["type"] == "Microsoft.Web/sites")["name"]);
        Assert.Equal(
            "[if(empty(parameters('portalPublicOrigin')), format('https://{0}.azurewebsites.net', variables('appName')), "
            + "if(endsWith(parameters('portalPublicOrigin'), '/'), take(parameters('portalPublicOrigin'), sub(length(parameters('portalPublicOrigin')), 1)), parameters('portalPublicOrigin')))]",
            (string?)template["variables"]!["publicOrigin"]);

        // main.bicep passes its parameter through (empty by default), and azd fills it from PORTAL_PUBLIC_ORIGIN.
        Assert.Equal("", (string?)Bicep.Arm["parameters"]!["portalPublicOrigin"]!["defaultValue"]);
        Assert.Equal("[parameters('portalPublicOrigin')]", (string?)functionApp["properties"]!["parameters"]!["portalPublicOrigin"]!["value"]);
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraFolder, "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${PORTAL_PUBLIC_ORIGIN=}", (string?)parameters["portalPublicOrigin"]!["value"]);

        // The two redirect URIs to register on the app registration are outputs of the deployment, made from the module's origin.
        var outputs = Bicep.Arm["outputs"]!;
        foreach (var (output, path) in new[] { ("PORTAL_SIGN_IN_REDIRECT_URI", "/api/sign-in/entra/callback"), ("PORTAL_SIGNED_OUT_URI", "/api/portal/signed-out.html") })
        {
            var value = (string?)outputs[output]!["value"];
            Assert.StartsWith($"[format('{{0}}{path}', reference(", value, StringComparison.Ordinal);
            Assert.EndsWith(".outputs.portalPublicOrigin.value)]", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Application_insights_has_local_auth_off()
    {
        Assert.True((bool)Bicep.OfType("Microsoft.Insights/components").Single()["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)Bicep.OfType("Microsoft.OperationalInsights/workspaces").Single()["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void The_identity_gets_exactly_the_roles_it_needs()
    {
        var roles = Bicep.Module("roles");
        // Three definitions: a loop over the three storage roles, telemetry, and the Key Vault secret reader
        // (and, not the app's, the plan secretariat's write access to the plans container and the SMTP application's
        // right to send mail, EmailTests).
        Assert.Equal(3, Bicep.OfType("Microsoft.Authorization/roleAssignments").Count(r => r["properties"]?["condition"] is null
            && !((string?)r["name"] ?? "").Contains("maintainers", StringComparison.Ordinal)
            && !(r["properties"]?["principalId"]?.ToJsonString() ?? "").Contains("smtpPrincipalId", StringComparison.Ordinal)));
        foreach (var role in new[]
        {
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor (the blob trigger's poison queue)
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User (CKAN token)
        })
        {
            Assert.Contains(role, roles, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Departments_write_only_under_their_own_prefix()
    {
        var conditions = Bicep.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => r["properties"]?["condition"] is not null).Select(r => r["properties"]!).ToList();
        Assert.Equal(2, conditions.Count);
        Assert.All(conditions, c => Assert.Equal("2.0", (string?)c["conditionVersion"]));
        var module = Bicep.Module("departments");
        Assert.Contains("blobs/write", module, StringComparison.Ordinal);
        Assert.Contains("blobs:path]", module, StringComparison.Ordinal);
        Assert.Contains("StringStartsWith", module, StringComparison.Ordinal);
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", module, StringComparison.Ordinal); // Storage Blob Data Contributor on uploads
        Assert.Contains("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", module, StringComparison.Ordinal); // Storage Blob Data Reader on upload-reports
    }

    [Fact]
    public void A_departments_prefix_is_its_plan_and_department_and_the_default_plan_keeps_the_two_part_path()
    {
        // RULES.md §2 and §7: {planId}/{departmentId}/, plus {departmentId}/ for the default plan only.
        var module = Bicep.Module("departments");
        // Default plan: '{defaultPlanId}/{id}/' OR '{id}/'; another plan: '{planId}/{id}/' (formatted by ARM at deployment).
        Assert.Contains("StringStartsWith \\u0027\\u0027{1}/{2}/\\u0027\\u0027 OR {3} StringStartsWith \\u0027\\u0027{4}/\\u0027\\u0027", module, StringComparison.Ordinal);
        Assert.Contains("coalesce(tryGet(", module, StringComparison.Ordinal);
        Assert.Contains("planId", module, StringComparison.Ordinal);
        Assert.Contains("defaultPlanId", Bicep.Module("departments"), StringComparison.Ordinal);
        var settings = Bicep.Module("functionapp");
        Assert.Contains("Pipeline__DefaultPlanId", settings, StringComparison.Ordinal);
        Assert.Contains("Pipeline__PlansPath", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline__PlanId", settings, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_grid_system_topic_watches_the_data_account()
    {
        var topic = Bicep.OfType("Microsoft.EventGrid/systemTopics").Single();
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        var hook = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "hooks", "postdeploy.sh"));
        Assert.Contains("--subject-begins-with /blobServices/default/containers/uploads/", hook, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Storage.BlobCreated", hook, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", hook, StringComparison.Ordinal);
        Assert.Contains("functionName=Host.Functions.IngestUpload", hook, StringComparison.Ordinal);
        var yaml = File.ReadAllText(Path.Combine(Bicep.InfraFolder, "..", "azure.yaml"));
        Assert.Contains("postdeploy.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("postdeploy.ps1", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_cover_poison_uploads_failures_and_a_missing_nightly_run()
    {
        Assert.Single(Bicep.OfType("Microsoft.Insights/scheduledQueryRules"));
        var alerts = Bicep.Module("alerts");
        Assert.Contains("RecordPoisonUpload", alerts, StringComparison.Ordinal);
        Assert.Contains("RecordPoisonPlan", alerts, StringComparison.Ordinal);
        Assert.Contains("success == false", alerts, StringComparison.Ordinal);
        Assert.Contains("ago(26h)", alerts, StringComparison.Ordinal);
        Assert.Contains("NightlyAggregation", alerts, StringComparison.Ordinal);
    }
}
