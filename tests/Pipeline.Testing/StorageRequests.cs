using System.Text.RegularExpressions;
using Azure.Core;

namespace Pipeline.Testing;

/// <summary>
/// Which storage call a request is, for <see cref="FaultInjection.Interleave"/>: a table's name comes after the test's
/// storage prefix (letters and digits), so only its ending is matched.
/// </summary>
public static class StorageRequests
{
    /// <summary>An entity-group transaction (staging an upload's rows, a ledger commit, a sweep's deletes).</summary>
    public static bool IsTransaction(Request request) => Is(request, "POST", "/\\$batch$");

    /// <summary>A query of a whole table (<c>GET {table}()</c>).</summary>
    public static bool IsQuery(Request request, string table) => Is(request, "GET", "/[a-z0-9]*" + table + @"\(\)$");

    /// <summary>A write of one entity of a table: POST (add) to the table, PUT or MERGE of a row in it.</summary>
    public static bool IsEntityWrite(Request request, string method, string table) => Is(request, method, "/[a-z0-9]*" + table + @"(\(.*\))?$");

    private static bool Is(Request request, string method, string pathPattern) =>
        request.Method.Method == method && Regex.IsMatch(Uri.UnescapeDataString(request.Uri.Path), pathPattern);
}
