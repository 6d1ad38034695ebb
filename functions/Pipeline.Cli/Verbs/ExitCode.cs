namespace Pipeline.Cli.Verbs;

/// <summary>What <c>pipeline</c> exits with (RULES.md §6), and the usage line printed with a usage error.</summary>
internal static class ExitCode
{
    /// <summary>Everything done; every file accepted (or a duplicate of one accepted).</summary>
    public const int Ok = 0;

    /// <summary>A file was rejected, a plan file is invalid, or something failed.</summary>
    public const int Rejected = 1;

    /// <summary>The command line was wrong: an unknown option, plan or department.</summary>
    public const int Usage = 2;

    public const string UsageLine =
        "usage: pipeline (validate|ingest) [--plan P] --department D FILE… | replay BLOB… | aggregate [--plan P] " +
            "[--force] [--out DIR] | template [--plan P] --department D --out FILE.xlsx | contacts [--plan P] " +
                "(--department D|--secretariat) (--set A,B|--list) | remind [--plan P] [--as-of yyyy-MM-dd] " +
                    "[--dry-run] [--json] | report [--plan P] [--fiscal-year FY] --out FILE.docx | plans [--as-of " +
                        "yyyy-MM-dd] | demo [--plan P] [--out DIR] [--as-of yyyy-MM-dd] | serve [--port N]  " +
                            "(--verbose: whole errors)";
}
