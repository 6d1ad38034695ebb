using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Spreadsheets.Headers;
using Pipeline.Spreadsheets.Parsing;
using Pipeline.Spreadsheets.Problems;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Spreadsheets.Rows;

/// <summary>
/// An evaluation row (<c>RULES.md §2</c>): the initiative named by id or name and owned by the department,
/// then one rating (long form) or one per fiscal-year column (wide form), A–D, once per fiscal year.
/// </summary>
internal sealed class EvaluationRows(FileReading context)
{
    public void Read(SheetRow row, HeaderMap header, Cell initiativeCell)
    {
        var problems = context.Problems;
        var initiative = header.InitiativeColumns.Select(c => row[c]).Where(c => !c.IsBlank)
            .Select(context.Catalogue.Initiative).FirstOrDefault(i => i is not null);
        if (initiative is null)
        {
            problems.Add(
                ProblemCatalog.UnknownInitiative(FileReading.At(row, initiativeCell.Column), initiativeCell.Display));
            return;
        }

        if (context.Department is { } department && !Plan.MayEvaluate(department, initiative))
        {
            problems.Add(
                ProblemCatalog.NotOwner(FileReading.At(row, initiativeCell.Column), initiative.Id.Value,
                    department.Id.Value));
            return;
        }

        var comment = header.Note > 0 && !row[header.Note].IsBlank ? row[header.Note].Display : null;
        var first = context.Plan.StartFiscalYear;
        if (header.IsWide)
        {
            foreach (var (yearColumn, fiscalYear) in header.YearColumns.Select(c => (c.Column, c.Year!.Value)))
            {
                if (!row[yearColumn].IsBlank && context.InPlan(row, yearColumn, fiscalYear, first))
                {
                    Rate(row, initiative, fiscalYear, row[yearColumn], comment);
                }
            }

            return;
        }

        if (context.FiscalYearOf(row, header.FiscalYear) is { } fy && context.InPlan(row, header.FiscalYear, fy, first))
        {
            Rate(row, initiative, fy, header.Rating > 0 ? row[header.Rating] : default, comment);
        }
    }

    private void Rate(SheetRow row, Initiative initiative, FiscalYear fy, Cell ratingCell, string? comment)
    {
        var at = FileReading.At(row, ratingCell.Column);
        if (!RatingParser.TryParse(ratingCell, out var rating))
        {
            context.Problems.Add(ProblemCatalog.RatingUnrecognised(at, ratingCell.Display));
            return;
        }

        if (!context.Duplicates.TryClaim(initiative, fy, row.Row, out var firstRow))
        {
            context.Problems.Add(ProblemCatalog.DuplicateRow(at, firstRow));
            return;
        }

        context.Output.Add(
            new Evaluation(initiative.Id.Value, fy, rating, comment,
                new SourceLocation(row.Sheet, row.Row, at.Column)));
    }
}
