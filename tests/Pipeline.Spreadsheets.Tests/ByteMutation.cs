using Pipeline.Domain.Json;
using Pipeline.Domain.Problems;

namespace Pipeline.Spreadsheets.Tests;

/// <summary>
/// One mutation of a valid file's bytes, for the readers' mutation tests: random bytes overwritten, the file cut, or
/// a span of it written twice. <see cref="Verdict"/> says what must hold of the report on the mutated file.
/// </summary>
internal sealed record ByteMutation(ByteMutationKind Kind, string Description, byte[] Content)
{
    /// <summary>Applies mutation <paramref name="kind"/> to a copy of <paramref name="original"/>.</summary>
    public static ByteMutation Apply(Random random, byte[] original, ByteMutationKind kind, int longestSpan)
    {
        var bytes = (byte[])original.Clone();
        switch (kind)
        {
            case ByteMutationKind.Overwritten:
                var count = random.Next(1, 20);
                for (var k = count; k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return new(kind, $"{count} random bytes", bytes);
            case ByteMutationKind.Cut:
                var cut = random.Next(1, bytes.Length);
                return new(kind, $"cut at byte {cut} of {bytes.Length}", bytes[..cut]);
            default:
                var at = random.Next(bytes.Length);
                var length = random.Next(1, Math.Min(longestSpan, bytes.Length - at));
                return new(kind, $"{length} bytes at {at} written twice",
                    [.. bytes[..at], .. bytes[at..(at + length)], .. bytes[at..]]);
        }
    }

    /// <summary>
    /// Null when the report on the mutated file is as it must be, else what is wrong. Every refusal names an error
    /// with its Japanese and English message. A zip package (.xlsx, .ods) keeps its directory at its end and a CRC-32
    /// of every part: cut, it is <c>file_unreadable</c>; read at all, it holds exactly the original's values and
    /// evaluations (a changed byte can break the file, never change a figure).
    /// </summary>
    public string? Verdict(Submission original, Submission mutated, bool zipPackage)
    {
        if (mutated.Problems.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.MessageJa)
                || string.IsNullOrWhiteSpace(p.MessageEn)) is { } unexplained)
        {
            return $"a problem without its Japanese and English message: {unexplained}";
        }

        if (!mutated.IsAcceptable)
        {
            var error = mutated.Problems.First(p => p.Severity == Severity.Error);
            return zipPackage && Kind == ByteMutationKind.Cut && error.Code != ProblemCode.FileUnreadable
                ? $"a cut package, yet {error}; expected {ProblemCode.FileUnreadable}"
                : null;
        }

        if (!zipPackage)
        {
            return null;
        }

        if (Kind == ByteMutationKind.Cut)
        {
            return "a cut package was accepted";
        }

        var expected = Figures(original);
        var read = Figures(mutated);
        return expected.SequenceEqual(read)
            ? null
            : $"accepted with other figures: missing [{string.Join("; ", expected.Except(read).Take(3))}], " +
              $"unexpected [{string.Join("; ", read.Except(expected).Take(3))}]";
    }

    /// <summary>"accepted", or the code of the report's first error.</summary>
    public static string Outcome(Submission submission) =>
        submission.IsAcceptable
            ? "accepted"
            : PipelineJson.Name(submission.Problems.First(p => p.Severity == Severity.Error).Code);

    /// <summary>The values and evaluations of a report, without where they were read.</summary>
    private static string[] Figures(Submission submission) =>
    [
        .. submission.Observations.Select(o =>
            $"{o.IndicatorId} {o.FiscalYear} {o.AreaCode} {o.Month} {o.Value} {o.Numerator} {o.Denominator}"),
        .. submission.Evaluations.Select(e => $"{e.InitiativeId} {e.FiscalYear} {e.Rating} {e.Comment}"),
    ];

    /// <inheritdoc />
    public override string ToString() => Description;
}
