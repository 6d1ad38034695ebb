namespace Pipeline.Portal.Tests;

/// <summary>What the fake provider puts in the id_token it issues for one code (the knobs the refusal tests turn).</summary>
internal sealed record FakeIssue(string Nonce, string Challenge, string Audience, TimeSpan ExpiresIn, string[] Groups);
