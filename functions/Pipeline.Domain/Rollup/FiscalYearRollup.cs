using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Observations;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Rollup;

/// <summary>
/// RULES.md §3: observations into one value per indicator and fiscal year. Only rows of committed
/// uploads count; for each indicator / FY / area / month the upload received last wins, whatever order the
/// uploads were processed in (RULES.md §2, <see cref="Supersession"/>).
/// </summary>
public static class FiscalYearRollup
{
    /// <summary>The observation that stands for each indicator / FY / area / month.</summary>
    public static IEnumerable<StoredObservation> Current(
        IEnumerable<StoredObservation> observations, CommittedUploads uploads) =>
        observations
            .Where(o => uploads.Contains(o.UploadId))
            .GroupBy(o => (o.IndicatorId, o.FiscalYear, o.AreaCode, o.Month))
            .Select(g => Supersession.Standing(g, uploads, o => o.Order, (a, b) => a.SameAs(b))!);

    /// <summary>Every indicator's fiscal-year values, in FY order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FiscalYearActual>> Combine(
        Plan plan, IEnumerable<StoredObservation> observations, CommittedUploads uploads) =>
        Combine(plan, Current(observations, uploads));

    /// <summary>Every indicator's fiscal-year values, in FY order, from the rows that stand (<see cref="Current"/>,
    /// or <see cref="ValueHistory.Current"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FiscalYearActual>> Combine(
        Plan plan, IEnumerable<StoredObservation> current)
    {
        var byIndicator = current.ToLookup(o => o.IndicatorId);
        var result = new Dictionary<string, IReadOnlyList<FiscalYearActual>>(StringComparer.Ordinal);
        foreach (var indicator in plan.Indicators)
        {
            result[indicator.Id.Value] = byIndicator[indicator.Id.Value]
                .GroupBy(o => o.FiscalYear)
                .OrderBy(g => g.Key)
                .Select(g => Year(plan, indicator, g.Key, g.ToList()))
                .ToList();
        }

        return result;
    }

    private static FiscalYearActual Year(Plan plan, Indicator indicator, FiscalYear fy, List<StoredObservation> rows)
    {
        var warnings = new List<RollupWarning>();
        var areas = rows.GroupBy(r => r.AreaCode)
            .Select(g => Area(indicator, g.Key, g.ToList(), warnings))
            .ToDictionary(a => a.Code, StringComparer.Ordinal);
        var wards = plan.Wards.Where(w => areas.ContainsKey(w.Code.Value)).Select(w => areas[w.Code.Value]).ToList();
        var allWards = plan.Wards.Count > 0 && wards.Count == plan.Wards.Count;
        var wardValue = WardTotal(indicator, wards, allWards);

        decimal? value;
        bool partial;
        int? months;
        ValueFlag? flag;
        string? note;
        if (areas.TryGetValue(plan.WholeCity.Code.Value, out var city))
        {
            value = city.Value;
            partial = city.Partial;
            months = city.MonthsReported;
            (flag, note) = (city.Flag, city.Note);
            var tolerance = indicator.Kind == IndicatorKind.Ratio ? 0.05m : 0m;
            if (allWards && wardValue is { } total && Math.Abs(total - city.Value) > tolerance)
            {
                warnings.Add(new RollupWarning(RollupWarningCode.WardSumDiffers,
                    $"{fy}年度: 区の合計 {total} が市全体の値 {city.Value} と一致しません（市全体の値を採用）。",
                    $"FY{fy}: the wards give {total} but the whole-city row says {city.Value}; the whole-city value " +
                        $"is used."));
            }
        }
        else
        {
            value = wardValue;
            (flag, note) = (ValueFlags.Combine(wards.Select(w => w.Flag)), null);
            partial = wards.Any(w => w.Partial) || !allWards;
            months = wards.Any(w => w.MonthsReported is not null) ? wards.Min(w => w.MonthsReported ?? 12) : null;
            if (!allWards)
            {
                warnings.Add(new RollupWarning(RollupWarningCode.WardsIncomplete,
                    $"{fy}年度: 全ての区の値がそろっていません（{wards.Count}/{plan.Wards.Count} 区）。",
                    $"FY{fy}: only {wards.Count} of {plan.Wards.Count} wards reported."));
            }

            if (value is null && wards.Count > 0)
            {
                warnings.Add(new RollupWarning(RollupWarningCode.RatioWithoutCounts,
                    $"{fy}年度: 分子・分母のない区があるため、市全体の割合を求められません。",
                    $"FY{fy}: a ward gave no numerator and denominator, so the city's ratio cannot be computed."));
            }
        }

        var wardsMissing = !areas.ContainsKey(plan.WholeCity.Code.Value) && !allWards;
        return new FiscalYearActual(fy, value, partial, wards, warnings, months, wardsMissing)
        {
            Flag = flag, Note = note,
        };
    }

    private static decimal? WardTotal(Indicator indicator, List<AreaValue> wards, bool allWards)
    {
        if (wards.Count == 0)
        {
            return null;
        }

        if (indicator.Kind != IndicatorKind.Ratio)
        {
            return wards.Sum(w => w.Value);
        }

        if (!allWards || wards.Any(w => w.Numerator is null || w.Denominator is null))
        {
            return null;
        }

        var denominator = wards.Sum(w => w.Denominator!.Value);
        return denominator == 0 ? null
            : Math.Round(100m * wards.Sum(w => w.Numerator!.Value) / denominator, 1, MidpointRounding.AwayFromZero);
    }

    private static AreaValue Area(Indicator indicator, string code, List<StoredObservation> rows,
        List<RollupWarning> warnings)
    {
        if (rows.FirstOrDefault(r => r.Month is null) is { } annual)
        {
            if (rows.Count > 1)
            {
                warnings.Add(new RollupWarning(RollupWarningCode.AnnualAndMonthly,
                    $"{annual.FiscalYear}年度 {code}: 年間値と月別値の両方があるため、年間値を採用しました。",
                    $"FY{annual.FiscalYear} {code}: both an annual and monthly values were given; the annual value " +
                        $"is used."));
            }

            return new AreaValue(code, annual.Value, annual.Numerator, annual.Denominator, false)
            {
                Flag = annual.Flag,
                Note = annual.Note,
            };
        }

        var partial = rows.Count < 12;
        if (indicator.Kind == IndicatorKind.Flow)
        {
            var byMonth = rows.OrderBy(r => FiscalMonth(r.Month!.Value)).ToList();
            return new AreaValue(code, rows.Sum(r => r.Value), null, null, partial, rows.Count)
            {
                Flag = ValueFlags.Combine(byMonth.Select(r => r.Flag)),
                Note = Notes(byMonth),
            };
        }

        var latest = rows.MaxBy(r => FiscalMonth(r.Month!.Value))!;
        return new AreaValue(code, latest.Value, latest.Numerator, latest.Denominator, partial, rows.Count)
        {
            Flag = latest.Flag,
            Note = latest.Note,
        };
    }

    /// <summary>The months' notes of a value summed over months, each once, in fiscal-month order.</summary>
    private static string? Notes(List<StoredObservation> byMonth)
    {
        var notes = byMonth.Select(r => r.Note).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return notes.Count == 0 ? null : string.Join(" / ", notes);
    }

    /// <summary>April is the first month of a fiscal year, March the twelfth.</summary>
    public static int FiscalMonth(int month) => month >= 4 ? month - 3 : month + 9;
}
