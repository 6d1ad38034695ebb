namespace Pipeline.Infrastructure.Storage;

/// <summary>The containers and tables the pipeline uses (RULES.md §2 and §5).</summary>
public static class StorageNames
{
    /// <summary>Departments upload here, at <c>{planId}/{departmentId}/{name}</c> (or <c>{departmentId}/{name}</c> for
    /// the default plan).</summary>
    public const string UploadsContainer = "uploads";

    /// <summary>One report per upload, at <c>{planId}/{departmentId}/{uploadId}.json</c> (ReportNames).</summary>
    public const string ReportsContainer = "upload-reports";

    /// <summary>The published feed; anonymous read of blobs only.</summary>
    public const string OpenDataContainer = "opendata";

    /// <summary>Where the blob trigger puts a blob that failed five times.</summary>
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>One message per plan that needs work, from the nightly timer to <c>AggregatePlan</c>.</summary>
    public const string PlanQueue = "plan-aggregation";

    /// <summary>Where the queue trigger puts a plan message that failed every delivery (host.json
    /// maxDequeueCount).</summary>
    public const string PlanPoisonQueue = PlanQueue + "-poison";

    /// <summary>Each plan's publication record (what its last computation was made from and published).</summary>
    public const string PlanPublicationsTable = "planpublications";

    public const string UploadsTable = "uploads";
    public const string ObservationsTable = "observations";
    public const string EvaluationsTable = "evaluations";

    /// <summary>Each plan's confirmed fiscal years and the audit of its secretariat's actions (RULES.md §14).</summary>
    public const string SecretariatTable = "secretariat";

    /// <summary>The departments' commentary per indicator and fiscal year, under the upload that brought it.</summary>
    public const string CommentaryTable = "commentary";

    /// <summary>The portal's data-protection keys (private), shared by every instance of the app.</summary>
    public const string DataProtectionContainer = "dataprotection";

    /// <summary>The contact addresses of each plan's departments and secretariat (RULES.md §12); private.</summary>
    public const string ContactsTable = "contacts";

    /// <summary>One record per reminder (plan, department, day), so nothing is sent twice (RULES.md §12).</summary>
    public const string RemindersTable = "reminders";
}
