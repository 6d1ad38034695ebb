using System.Text.Json.Serialization;

namespace Pipeline.Domain.Catalogue;

// The plan-definition file as written on disk. Every member is nullable: the loader, not the
// deserializer, decides what is missing and says where.
internal sealed record PlanFileText(string? Ja, string? En);

internal sealed record PlanFileValue(int? FiscalYear, decimal? Value, PlanFileText? Note);

internal sealed record PlanFileInitiative(string? Id, PlanFileText? Name, bool? Priority, List<string>? Owners);

internal sealed record PlanFileMeasure(string? Id, PlanFileText? Name, List<PlanFileInitiative>? Initiatives);

internal sealed record PlanFilePolicy(string? Id, PlanFileText? Name, List<PlanFileMeasure>? Measures);

internal sealed record PlanFileBasicPolicy(string? Id, PlanFileText? Name, List<PlanFilePolicy>? Policies);

internal sealed record PlanFileContinuation(string? PlanId, string? IndicatorId, PlanFileText? Note);

internal sealed record PlanFileDefinitionChange(int? FiscalYear, PlanFileText? Note);

internal sealed record PlanFileIndicator(
    string? Id, string? PolicyId, PlanFileText? Name, string? Unit, string? Kind,
    PlanFileValue? Baseline, PlanFileValue? Target, string? Owner, string? Direction, PlanFileContinuation? Continues,
    decimal? Tolerance = null, PlanFileDefinitionChange? DefinitionChange = null);

internal sealed record PlanFileReminders(List<string>? Before);

internal sealed record PlanFileOrganisation(string? Id, PlanFileText? Name);

internal sealed record PlanFileDepartment(string? Id, PlanFileText? Name, string? Organisation);

internal sealed record PlanFileArea(string? Code, PlanFileText? Name, List<string>? Aliases);

internal sealed record PlanFileAreas(PlanFileArea? City, List<PlanFileArea>? Wards);

internal sealed record PlanFilePublisher(PlanFileText? Name, string? LocalGovernmentCode, List<PlanFileText>? Partners);

internal sealed record PlanFileOpenData(string? License, string? DatasetUrl);

internal sealed record PlanFilePublication(System.Text.Json.JsonElement? Review);

internal sealed record PlanFile(
    string? SchemaVersion, string? Id, PlanFileText? Name, int? StartFiscalYear, int? EndFiscalYear,
    PlanFilePublisher? Publisher, PlanFileAreas? Areas, List<PlanFileOrganisation>? Organisations,
        List<PlanFileDepartment>? Departments,
    List<PlanFileBasicPolicy>? BasicPolicies, List<PlanFileIndicator>? Indicators, bool? Default,
        PlanFileOpenData? OpenData = null,
    PlanFileReminders? Reminders = null, PlanFilePublication? Publication = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PlanFile))]
internal sealed partial class PlanFileJsonContext : JsonSerializerContext;
