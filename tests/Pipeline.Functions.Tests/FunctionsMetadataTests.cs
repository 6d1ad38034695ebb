using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>The functions.metadata the Worker SDK generates is what the host will bind; the host itself cannot run here.</summary>
public sealed class FunctionsMetadataTests
{
    internal static JsonElement Metadata()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build Pipeline.Functions first.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    private static JsonElement Function(string name) =>
        Metadata().EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static JsonElement Trigger(string name) =>
        Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Exactly_the_expected_functions_are_generated()
    {
        Assert.Equal(["AggregatePlan", "Commentary", "ConfirmFiscalYear", "Contacts", "DevelopmentSignIn",
                "DevelopmentSignOut", "EntraSignIn", "EntraSignInCallback", "IngestUpload", "Me", "NightlyAggregation",
                "Obligations", "Plans", "PortalPages", "ProgressApi", "RecordPoisonPlan", "RecordPoisonUpload",
                "ReopenFiscalYear", "ReviewDecision", "ReviewQueue", "SecretariatOverview", "SendReminders",
                "SetContacts", "SignInOptions", "SignOut", "Template", "Upload", "UploadHistory", "UploadReport",
                "Validate"],
            Metadata().EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_upload_trigger_is_an_event_grid_blob_trigger_on_uploads()
    {
        var trigger = Trigger("IngestUpload");
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("uploads/{name}", trigger.GetProperty("path").GetString()); // {planId}/{departmentId}/{name} or {departmentId}/{name}: the ingestor reads the name
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("Pipeline.Functions.IngestUpload.Run", Function("IngestUpload").GetProperty("entryPoint").GetString());
    }

    [Fact]
    public void The_nightly_timer_takes_its_schedule_from_an_app_setting_defaulting_to_2am_jst()
    {
        var trigger = Trigger("NightlyAggregation");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%NightlyAggregationSchedule%", trigger.GetProperty("schedule").GetString());
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Functions", "local.settings.json.sample")));
        Assert.Equal("0 0 17 * * *", settings.RootElement.GetProperty("Values").GetProperty("NightlyAggregationSchedule").GetString());
    }

    [Fact]
    public void The_reminders_timer_takes_its_schedule_from_an_app_setting_defaulting_to_9am_jst()
    {
        var trigger = Trigger("SendReminders");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%RemindersSchedule%", trigger.GetProperty("schedule").GetString());
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Functions", "local.settings.json.sample")));
        // 00:00 UTC = 09:00 JST (Flex Consumption ignores WEBSITE_TIME_ZONE).
        Assert.Equal("0 0 0 * * *", settings.RootElement.GetProperty("Values").GetProperty("RemindersSchedule").GetString());
        Assert.Equal("Pipeline.Functions.SendReminders.Run", Function("SendReminders").GetProperty("entryPoint").GetString());
    }

    [Fact]
    public void The_timer_fans_out_one_message_per_plan_to_the_queue_function_whose_poison_is_recorded()
    {
        var output = Function("NightlyAggregation").GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "Out");
        Assert.Equal(("queue", "plan-aggregation", "$return"), (output.GetProperty("type").GetString(), output.GetProperty("queueName").GetString(), output.GetProperty("name").GetString()));
        var trigger = Trigger("AggregatePlan");
        Assert.Equal(("queueTrigger", "plan-aggregation"), (trigger.GetProperty("type").GetString(), trigger.GetProperty("queueName").GetString()));
        Assert.Equal("plan-aggregation-poison", Trigger("RecordPoisonPlan").GetProperty("queueName").GetString());
    }

    [Fact]
    public void The_progress_api_is_an_anonymous_get_route()
    {
        var trigger = Trigger("ProgressApi");
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("plans/{planId}/progress", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void The_plans_api_is_an_anonymous_get_route()
    {
        var trigger = Trigger("Plans");
        Assert.Equal("plans", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Poison_uploads_are_recorded_from_the_blob_trigger_poison_queue()
    {
        var trigger = Trigger("RecordPoisonUpload");
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("webjobs-blobtrigger-poison", trigger.GetProperty("queueName").GetString());
    }

    [Fact]
    public void Host_json_is_in_the_build_output()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var hostJson = Path.Combine(RepositoryRoot.Find(), "functions", "Pipeline.Functions", "bin", configuration, "net10.0", "host.json");
        Assert.Equal("2.0", JsonDocument.Parse(File.ReadAllText(hostJson)).RootElement.GetProperty("version").GetString());
    }
}
