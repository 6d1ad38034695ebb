using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pipeline.Cli.Verbs;

/// <summary>The options and arguments several verbs share, each verb with instances of its own.</summary>
internal static class VerbOptions
{
    public static Option<string> Department() =>
        new("--department", "-d") { Description = "所属ID / department id (for example shakyo)", Required = true };

    public static Argument<FileInfo[]> Files()
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = ".xlsx, .xls, .ods, .csv, .tsv or .txt files", Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(NoUnknownOptions);
        return files;
    }

    /// <summary><c>--as-of yyyy-MM-dd</c>: the day the verb judges by (JST), read by <see cref="AsOfClock"/>.</summary>
    public static Option<string?> AsOf() =>
        new("--as-of") { Description = "the day to judge by, yyyy-MM-dd (default: today in JST)" };

    public static Option<bool> Json() => new("--json") { Description = "print the reports as JSON" };

    public static Option<string?> Plan() =>
        new("--plan", "-p") { Description = "計画ID / plan id (default: the deployment's default plan)" };

    /// <summary>Refuses argument values that look like options: an unknown option is a usage error, never a file
    /// name.</summary>
    public static void NoUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
        {
            result.AddError($"unknown option '{token.Value}'");
        }
    }
}
