namespace Pipeline.Domain.Catalogue;

/// <summary>A department allowed to submit files, and the id of the organisation it belongs to.</summary>
public sealed record Department(DepartmentId Id, LocalizedText Name, string OrganisationId);
