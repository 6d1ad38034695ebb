using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.Bicep.Tests;

/// <summary>
/// Azure Communication Services Email for the reminders (functions/RULES.md §12, infra/README.md), compiled offline: the
/// resources at API 2025-09-01 (no BCP081: types known to this Bicep), and the app settings bicep snapshot evaluates.
/// </summary>
public sealed class EmailTests : IDisposable
{
    private readonly TempFolder _scratch = new("bicep-snapshot-");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void An_azure_managed_domain_is_linked_to_communication_services_with_an_smtp_user_allowed_to_send()
    {
        var email = Assert.Single(Bicep.OfType("Microsoft.Communication/emailServices"));
        Assert.Equal(("2025-09-01", "global", "[parameters('dataLocation')]"),
            ((string?)email["apiVersion"], (string?)email["location"], (string?)email["properties"]!["dataLocation"]));
        // The mail's data stays in Japan unless a deployment says otherwise.
        var module = JsonNode.Parse(Bicep.Module("email"))!;
        Assert.Equal("Japan", (string?)module["parameters"]!["dataLocation"]!["defaultValue"]);
        var domain = Assert.Single(Bicep.OfType("Microsoft.Communication/emailServices/domains"));
        Assert.EndsWith("'AzureManagedDomain')]", (string?)domain["name"], StringComparison.Ordinal);
        Assert.Equal(("AzureManaged", "2025-09-01"), ((string?)domain["properties"]!["domainManagement"], (string?)domain["apiVersion"]));
        var acs = Assert.Single(Bicep.OfType("Microsoft.Communication/communicationServices"));
        Assert.Contains("Microsoft.Communication/emailServices/domains", acs["properties"]!["linkedDomains"]!.ToJsonString(), StringComparison.Ordinal);
        var smtp = Assert.Single(Bicep.OfType("Microsoft.Communication/communicationServices/smtpUsernames"));
        Assert.Equal("2025-09-01", (string?)smtp["apiVersion"]);
        Assert.Contains("smtpAppId", smtp["properties"]!["entraApplicationId"]!.ToJsonString(), StringComparison.Ordinal);
        // "Communication and Email Service Owner" on the Communication Services resource, for the application's principal.
        var text = module.ToJsonString();
        Assert.Contains("09976791-48a7-449e-bb21-39d1a415f350", text, StringComparison.Ordinal);
        Assert.Contains("\"principalType\":\"ServicePrincipal\"", text, StringComparison.Ordinal);
        var build = Bicep.Run("build", Path.Combine(Bicep.InfraFolder, "modules", "email.bicep"), "--stdout");
        Assert.Equal(0, build.Exit);
        Assert.DoesNotContain("BCP081", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reminders_get_the_smtp_settings_with_the_password_as_a_key_vault_reference_and_a_9am_jst_schedule()
    {
        var settings = Bicep.AppSettings(_scratch, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'welfare-test'",
            ["keyVaultName"] = "'kv-welfare-test'",
            ["emailSmtpAppId"] = "'11111111-1111-1111-1111-111111111111'",
            ["emailSmtpPrincipalId"] = "'22222222-2222-2222-2222-222222222222'",
        });
        Assert.Contains(("RemindersSchedule", "0 0 0 * * *"), settings);
        Assert.Contains(("Reminders__Smtp__Host", "smtp.azurecomm.net"), settings);
        Assert.Contains(("Reminders__Smtp__Port", "587"), settings);
        Assert.Contains(("Reminders__Smtp__UseStartTls", "true"), settings);
        Assert.Contains(("Reminders__Smtp__UserName", "pipeline-reminders"), settings);
        // The links in the messages go to the portal's public origin (the site's own name by default).
        var origin = Assert.Single(settings, s => s.Name == "Portal__PublicOrigin").Value;
        Assert.StartsWith("https://func-welfare-test-", origin, StringComparison.Ordinal);
        Assert.Contains(("Reminders__PortalUrl", origin + "/"), settings);
        var password = Assert.Single(settings, s => s.Name == "Reminders__Smtp__Password").Value;
        // A Key Vault reference (its vault DNS suffix is left for Azure to fill in, so the value is still an expression).
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", password, StringComparison.Ordinal);
        Assert.Contains("kv-welfare-test", password, StringComparison.Ordinal);
        Assert.Contains("smtp-password", password, StringComparison.Ordinal);
        Assert.Contains(settings, s => s.Name == "Reminders__From");
    }

    [Fact]
    public void Without_an_smtp_application_there_is_no_mail_server_setting_and_so_no_reminder_is_sent()
    {
        var settings = Bicep.AppSettings(_scratch, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["environmentName"] = "'welfare-test'",
        });
        Assert.Contains(("RemindersSchedule", "0 0 0 * * *"), settings);
        Assert.DoesNotContain(settings, s => s.Name.StartsWith("Reminders__", StringComparison.Ordinal));
    }
}
