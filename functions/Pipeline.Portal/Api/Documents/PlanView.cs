using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Api.Documents;

/// <summary>A plan whose secretariat a person is (or may sign in as, in Development), with its name to show.</summary>
public sealed record PlanView(string PlanId, LocalizedText PlanName);
