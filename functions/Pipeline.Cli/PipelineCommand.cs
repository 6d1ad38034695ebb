using System.CommandLine;
using Pipeline.Cli.Serve;
using Pipeline.Cli.Verbs;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline</c>: the department and operator tool (RULES.md §6). Every verb runs the same services
/// as the Functions app; nothing here parses, validates or aggregates on its own.
/// </summary>
public static class PipelineCommand
{
    /// <summary>Runs the command line; <paramref name="settings"/> add to the environment (tests use it).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string,
        string?>? settings = null)
    {
        var verbose =
            new Option<bool>("--verbose") { Description = "print the whole exception when something fails", Recursive =
                true };
        var root = Build(output, error, settings);
        root.Options.Add(verbose);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(e.Message);
            }

            await error.WriteLineAsync(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One or two lines that say what failed and what to do; the stack trace only on request.
            foreach (var line in CliFailure.Explain(e, settings))
            {
                await error.WriteLineAsync(line);
            }

            if (parse.GetValue(verbose))
            {
                await error.WriteLineAsync(e.ToString());
            }

            return ExitCode.Rejected;
        }
    }

    private static RootCommand Build(TextWriter output, TextWriter error, IDictionary<string, string?>? settings) =>
        new("計画の成果指標 進捗データパイプライン / progress pipeline for the outcome indicators of municipal plans")
        {
            ValidateVerb.Create(output, error, settings),
            IngestVerb.Create(output, error, settings),
            ReplayVerb.Create(output, error, settings),
            AggregateVerb.Create(output, error, settings),
            TemplateVerb.Create(output, error, settings),
            ContactsVerb.Create(output, error, settings),
            RemindVerb.Create(output, error, settings),
            ReportVerb.Create(output, error, settings),
            PlansVerb.Create(output, error, settings),
            DemoVerb.Create(output, error, settings),
            ServeVerb.Create(output, settings),
        };
}
