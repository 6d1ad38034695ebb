using System.Text;
using Pipeline.Application.Reports;
using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;
using Pipeline.Spreadsheets;
using Pipeline.Spreadsheets.Reading;

namespace Pipeline.Application.Tests;

/// <summary>
/// A report lists what was read up to <see cref="SubmissionReader.MaxValuesListed"/> values, in the file's order,
/// and counts the rest (<c>RULES.md §2</c>): a file of 12,000 values against a generated plan of 200 indicators.
/// </summary>
public sealed class ReportListingTests
{
    private const int Indicators = 200;
    private static readonly int[] Years = [2025, 2026, 2027, 2028, 2029];

    [Fact]
    public void The_report_lists_the_first_ten_thousand_values_and_counts_the_rest()
    {
        var plan = PlanDefinitionLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(PlanJson())), "many-indicators");
        var csv = new StringBuilder("指標ID,年度,月,実績値\n");
        var expected = new List<ReportValue>();
        for (var i = 1; i <= Indicators; i++)
        {
            foreach (var year in Years)
            {
                for (var month = 1; month <= 12; month++)
                {
                    var value = (i * 100) + month;
                    csv.Append($"I-1-K{i},{year},{month},{value}\n");
                    expected.Add(new ReportValue($"I-1-K{i}", year, plan.WholeCity.Code.Value, month, value));
                }
            }
        }

        var summary = new SubmissionReader(plan, ReadLimits.Default)
            .ReadSummary(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "many.csv", plan.FindDepartment("fukushi"));
        Assert.True(summary.IsAcceptable, string.Join("\n", summary.Problems.Take(5)));
        Assert.Equal(12_000, summary.ObservationCount);

        var report = new UploadReport("1.1", plan.Id.Value, "fukushi", "many-indicators/fukushi/many.csv", "many-indicators/fukushi/many.csv".Split('/')[^1], null, null, default, default, UploadStatus.Accepted,
            new ReportCounts(summary.RowsRead, summary.RowsSkipped, summary.ObservationCount, 0, 0, 0), null, []).WithRead(summary);
        var back = UploadReport.FromJson(report.ToJson());
        Assert.Equal(10_000, back.Values.Count);
        Assert.Equal(2_000, back.ValuesNotListed);
        Assert.Equal(expected.Take(10_000), back.Values);
        Assert.Equal(new ReportValue("I-1-K167", 2028, plan.WholeCity.Code.Value, 4, 16_704), back.Values[^1]);
    }

    private static string PlanJson()
    {
        var indicators = string.Join(",\n", Enumerable.Range(1, Indicators).Select(i =>
            $"{{ \"id\": \"I-1-K{i}\", \"policyId\": \"I-1\", \"name\": {{ \"ja\": \"件数{i}\", \"en\": \"Count {i}\" }}, \"unit\": \"件\", \"kind\": \"flow\", " +
            "\"baseline\": { \"fiscalYear\": 2024, \"value\": 10 }, \"target\": { \"fiscalYear\": 2029, \"value\": 60 }, \"owner\": \"fukushi\" }"));
        return $$"""
            {
              "schemaVersion": "1.0", "id": "many-indicators",
              "name": { "ja": "テスト計画", "en": "Test plan" }, "startFiscalYear": 2025, "endFiscalYear": 2029,
              "publisher": { "name": { "ja": "テスト市", "en": "Test City" }, "localGovernmentCode": "432083" },
              "areas": { "city": { "code": "432083", "name": { "ja": "テスト市", "en": "Test City" }, "aliases": [] }, "wards": [] },
              "departments": [ { "id": "fukushi", "name": { "ja": "福祉課" }, "organisation": "city" } ],
              "basicPolicies": [ { "id": "I", "name": { "ja": "人づくり", "en": "People" }, "policies": [
                { "id": "I-1", "name": { "ja": "担い手", "en": "Helpers" }, "measures": [ { "id": "I-1-1", "name": { "ja": "研修" },
                  "initiatives": [ { "id": "I-1-1-a", "name": { "ja": "研修の実施" }, "priority": false, "owners": ["city"] } ] } ] } ] } ],
              "indicators": [ {{indicators}} ]
            }
            """;
    }
}
