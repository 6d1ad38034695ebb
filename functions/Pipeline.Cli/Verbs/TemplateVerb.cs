using System.CommandLine;
using Pipeline.Domain.Catalogue;
using Pipeline.Spreadsheets.Templates;

namespace Pipeline.Cli.Verbs;

/// <summary><c>pipeline template [--plan P] --department D --out FILE.xlsx</c>: a department's submission
/// template.</summary>
internal static class TemplateVerb
{
    public static Command Create(TextWriter output, TextWriter error, IDictionary<string, string?>? settings)
    {
        var (plan, department) = (VerbOptions.Plan(), VerbOptions.Department());
        var templateOut = new Option<FileInfo>("--out") { Description = "the .xlsx to write", Required = true };
        var template =
            new Command("template", "提出用テンプレートを作る / write a department's submission template for a plan") { plan,
                department, templateOut };
        template.SetAction(parse => Run(parse.GetValue(plan), parse.GetRequiredValue(department),
            parse.GetRequiredValue(templateOut), output, error, settings));
        return template;
    }

    private static int Run(string? planId, string departmentId, FileInfo file, TextWriter output, TextWriter error,
        IDictionary<string, string?>? settings)
    {
        using var host = CliHost.Build(settings);
        if (PlanOption.Resolve(host, planId, error) is not { } plan)
        {
            return ExitCode.Usage;
        }

        if (!DepartmentId.TryParse(departmentId, out var id) || plan.FindDepartment(id) is not { } department)
        {
            error.WriteLine(
                $"unknown department '{departmentId}' " +
                $"(known: {string.Join(", ", plan.Departments.Select(d => d.Id.Value))})");
            error.WriteLine(ExitCode.UsageLine);
            return ExitCode.Usage;
        }

        file.Directory?.Create();
        using (var stream = file.Create())
        {
            SubmissionTemplate.Write(plan, department, stream);
        }

        output.WriteLine(
            $"{file.FullName}: {plan.Name.Ja} {department.Name.Ja} の提出用テンプレート / submission template for " +
                $"{department.Id} of {plan.Id}");
        return ExitCode.Ok;
    }
}
