using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>A plan/department pair a person may act for, with names to show.</summary>
public sealed record DepartmentView(string PlanId, LocalizedText PlanName, string DepartmentId, LocalizedText DepartmentName);
