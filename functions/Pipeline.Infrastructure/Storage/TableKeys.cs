using System.Globalization;
using System.Text;
using Pipeline.Domain.Catalogue;

namespace Pipeline.Infrastructure.Storage;

/// <summary>
/// PartitionKey and RowKey design, from the queries:
/// <list type="bullet">
/// <item>observations: PK <c>{planId}~{policyId}</c> (the nightly run reads a plan partition by partition;
/// a consumer may want one policy direction), RK <c>{indicatorId}~{FY}~{area}~{month|00}~{uploadId}</c>,
/// so one indicator's history is one contiguous range and every upload's value is kept.</item>
/// <item>evaluations: PK <c>{planId}~{measureId}</c>, RK <c>{initiativeId}~{FY}~{uploadId}</c>.</item>
/// <item>commentary: PK <c>{planId}~{indicatorId}</c> (the nightly run reads a plan's range in one query),
/// RK <c>{FY}~{uploadId}</c>, so every upload's words are kept.</item>
/// <item>uploads: PK <c>{planId}~{departmentId}</c>, RK <c>{uploadId}</c> (received time first, so sortable),
/// and <c>accepted~latest</c>, the department's latest commit, written in the commit's transaction with the
/// upload's row (and conditional on the marker as read, so commits of a department decide one after another),
/// which the nightly decision reads instead of the uploads. <c>content~{sha256}</c> rows of earlier versions stay,
/// unread.</item>
/// <item>planpublications: PK <c>plans</c>, RK <c>{planId}</c>: one partition, read in one query each night.</item>
/// </list>
/// </summary>
public static class TableKeys
{
    public const char Separator = '~';

    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        "/\\#?%~"
            + new string(Enumerable.Range(0, 32).Concat(Enumerable.Range(127, 33)).Select(c => (char)c).ToArray()));

    public static string ObservationPartition(string planId, string policyId) => Join(planId, policyId);

    public static string EvaluationPartition(string planId, string measureId) => Join(planId, measureId);

    public static string UploadPartition(string planId, string departmentId) => Join(planId, departmentId);

    public static string ObservationRow(string indicatorId, FiscalYear fiscalYear, string areaCode, int? month,
        string uploadId)
    {
        var number = month ?? 0;
        if (fiscalYear.Value is < 1000 or > 9999 || number is < 0 or > 99
            || indicatorId.AsSpan().IndexOfAny(Escaped) >= 0 || areaCode.AsSpan().IndexOfAny(Escaped) >= 0
            || uploadId.AsSpan().IndexOfAny(Escaped) >= 0)
        {
            return Join(indicatorId, fiscalYear.Value.ToString(CultureInfo.InvariantCulture), areaCode,
                number.ToString("00", CultureInfo.InvariantCulture), uploadId);
        }

        // The common case, written in place (issue 27: a row key per observation read): nothing to escape, a
        // four-digit year and a two-digit month, as Join writes them.
        return string.Create(indicatorId.Length + areaCode.Length + uploadId.Length + 10,
            (indicatorId, fiscalYear.Value, areaCode, number, uploadId), static (span, parts) =>
            {
                parts.indicatorId.CopyTo(span);
                var at = parts.indicatorId.Length;
                span[at++] = Separator;
                parts.Value.TryFormat(span[at..], out _, default, CultureInfo.InvariantCulture);
                at += 4;
                span[at++] = Separator;
                parts.areaCode.CopyTo(span[at..]);
                at += parts.areaCode.Length;
                span[at++] = Separator;
                span[at++] = (char)('0' + (parts.number / 10));
                span[at++] = (char)('0' + (parts.number % 10));
                span[at++] = Separator;
                parts.uploadId.CopyTo(span[at..]);
            });
    }

    public static string EvaluationRow(string initiativeId, FiscalYear fiscalYear, string uploadId) =>
        Join(initiativeId, fiscalYear.Value.ToString(CultureInfo.InvariantCulture), uploadId);

    public static string CommentaryPartition(string planId, string indicatorId) => Join(planId, indicatorId);

    public static string CommentaryRow(FiscalYear fiscalYear, string uploadId) =>
        Join(fiscalYear.Value.ToString(CultureInfo.InvariantCulture), uploadId);

    /// <summary>The RowKey of a department's "latest accepted upload" marker, beside its uploads.</summary>
    public static readonly string AcceptedMarkerRow = Join("accepted", "latest");

    /// <summary>The lowest and the first-past-the-end partition key of a plan's partitions.</summary>
    public static (string From, string To) PlanRange(string planId) =>
        (planId + Separator, planId + Separator + Separator);

    /// <summary>Joins parts, escaping the characters Table keys forbid (/ \ # ? and control characters) and the
    /// separator.</summary>
    public static string Join(params string[] parts)
    {
        var plain = true;
        foreach (var part in parts)
        {
            plain &= part.AsSpan().IndexOfAny(Escaped) < 0;
        }

        if (plain)
        {
            return string.Join(Separator, parts);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator);
            }

            foreach (var c in parts[i])
            {
                if (c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c))
                {
                    builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString();
    }
}
