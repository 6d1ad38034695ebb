using Microsoft.AspNetCore.Http;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Portal.Access;

/// <summary>The outcome of <see cref="PortalAccess"/>: the person (and plan and department), or the problem to answer
/// with.</summary>
public sealed record AccessDecision(PortalPrincipal? Principal, Plan? Plan, Department? Department, IResult? Denied)
{
    internal static AccessDecision Deny(IResult problem) => new(null, null, null, problem);
}
