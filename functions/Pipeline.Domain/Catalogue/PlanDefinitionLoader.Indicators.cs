using Pipeline.Domain.Problems;
namespace Pipeline.Domain.Catalogue;

// The indicators of a plan file: ids, units, kinds, baseline and target, direction (RULES.md §4) and
// the series an indicator continues (RULES.md §7).
public static partial class PlanDefinitionLoader
{
    private sealed partial class Builder
    {
        private IReadOnlyList<Indicator> Indicators(
            List<PlanFileIndicator>? list, Dictionary<string, PolicyDirection> policies, int? start, int? end)
        {
            var result = new List<Indicator>();
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                var item = list![i];
                var path = $"$.indicators[{i}]";
                var id = UniqueId(item.Id, path) ?? "";
                var policyId = Required(item.PolicyId, $"{path}.policyId") ?? "";
                if (policyId.Length > 0 && !policies.ContainsKey(policyId))
                {
                    Problem($"{path}.policyId",
                        $"'{policyId}' is not a policy direction of this plan (every indicator belongs to one)");
                }

                var unitSymbol = Required(item.Unit, $"{path}.unit") ?? "";
                if (!Unit.TryGet(unitSymbol, out var unit) && unitSymbol.Length > 0)
                {
                    Problem($"{path}.unit",
                        $"unknown unit '{unitSymbol}' (known: {string.Join(' ', Unit.KnownSymbols)})");
                }

                var kind = Kind(item.Kind, $"{path}.kind");
                var baseline = Value(item.Baseline, $"{path}.baseline", valueRequired: false);
                var target = Value(item.Target, $"{path}.target", valueRequired: true);
                if (baseline.FiscalYear >= target.FiscalYear && baseline.FiscalYear.Value != 0
                    && target.FiscalYear.Value != 0)
                {
                    Problem($"{path}.baseline.fiscalYear",
                        $"the baseline FY{baseline.FiscalYear} must come before the target FY{target.FiscalYear}");
                }

                if (end is not null && target.FiscalYear.Value > end)
                {
                    Problem($"{path}.target.fiscalYear",
                        $"the target FY{target.FiscalYear} lies after the plan's last FY{end}");
                }

                if (start is not null && baseline.FiscalYear.Value > start)
                {
                    Problem($"{path}.baseline.fiscalYear",
                        $"the baseline FY{baseline.FiscalYear} lies after the plan's first FY{start}");
                }

                var owner = Required(item.Owner, $"{path}.owner") ?? "";
                if (!_departmentIds.TryGetValue(owner, out var ownerId) && owner.Length > 0)
                {
                    Problem($"{path}.owner", $"owner '{owner}' is not a department of this plan");
                }

                if (unit is not null && unit.IsPercent != (kind == IndicatorKind.Ratio) && kind == IndicatorKind.Ratio)
                {
                    Problem($"{path}.unit", "a ratio indicator must be measured in %");
                }

                var direction = Direction(item.Direction, baseline, target, path);
                var basicPolicyId = policies.TryGetValue(policyId, out var policy) ? policy.BasicPolicyId : "";
                _ = IndicatorId.TryParse(id, out var indicatorId);
                result.Add(new Indicator(indicatorId, policyId, basicPolicyId, Text(item.Name, $"{path}.name"),
                    unit ?? new Unit(unitSymbol, false), kind, baseline, target, ownerId, direction,
                    Continuation(item.Continues, $"{path}.continues"),
                    Tolerance(item.Tolerance, $"{path}.tolerance"),
                    Change(item.DefinitionChange, baseline, end, $"{path}.definitionChange")));
            }

            if (result.Count == 0)
            {
                Problem("$.indicators", "at least one indicator is required");
            }

            return result;
        }

        /// <summary>
        /// RULES.md §4: the stated direction, or where none is stated <c>decrease</c> when the target lies
        /// below the baseline and <c>increase</c> otherwise. A stated direction the figures contradict is refused.
        /// </summary>
        private IndicatorDirection Direction(string? stated, FiscalYearValue baseline, FiscalYearValue target,
            string path)
        {
            var inferred = baseline.Value is { } b && target.Value is { } t && t < b ? IndicatorDirection.Decrease
                : IndicatorDirection.Increase;
            var direction = stated switch
            {
                null => inferred,
                "increase" => IndicatorDirection.Increase,
                "decrease" => IndicatorDirection.Decrease,
                var other =>
                    Fail($"{path}.direction", $"unknown direction '{other}' (known: increase, decrease)", inferred),
            };
            if (baseline.Value is { } baseValue && target.Value is { } targetValue && stated is "increase" or "decrease"
                && (direction == IndicatorDirection.Increase ? targetValue < baseValue : targetValue > baseValue))
            {
                Problem($"{path}.direction",
                    $"'{stated}' contradicts the baseline {baseValue} and the target {targetValue} (the target lies " +
                        $"{(targetValue < baseValue ? "below" : "above")} the baseline)");
            }

            return direction;
        }

        /// <summary>RULES.md §11: the change within which a final value counts as unchanged, in the indicator's
        /// unit.</summary>
        private decimal Tolerance(decimal? tolerance, string path) => tolerance switch
        {
            null => 0m,
            < 0m => Fail(path,
                $"the tolerance {tolerance} must not be negative (it is a distance in the indicator's unit)", 0m),
            { } t => t,
        };

        private DefinitionChange? Change(PlanFileDefinitionChange? change, FiscalYearValue baseline, int? end,
            string path)
        {
            if (change is null)
            {
                return null;
            }

            var fy = Required(change.FiscalYear, $"{path}.fiscalYear") ?? 0;
            if (fy != 0 && (fy <= baseline.FiscalYear.Value || (end is not null && fy > end)))
            {
                Problem($"{path}.fiscalYear",
                    $"FY{fy} must lie after the baseline FY{baseline.FiscalYear} " +
                    $"and not after the plan's last FY{end}");
            }

            return new DefinitionChange(new FiscalYear(fy), change.Note is null ? null
                : Text(change.Note, $"{path}.note"));
        }

        private SeriesContinuation? Continuation(PlanFileContinuation? continues, string path)
        {
            if (continues is null)
            {
                return null;
            }

            var planId = Required(continues.PlanId, $"{path}.planId") ?? "";
            if (planId.Length > 0 && !PathSafeId.IsValid(planId))
            {
                Problem($"{path}.planId", $"'{planId}' is not a plan id (lower-case letters, digits and hyphens)");
            }

            var indicatorId = Required(continues.IndicatorId, $"{path}.indicatorId") ?? "";
            var note = continues.Note is null ? null : Text(continues.Note, $"{path}.note");
            return new SeriesContinuation(planId, indicatorId, note);
        }

        private FiscalYearValue Value(PlanFileValue? value, string path, bool valueRequired)
        {
            if (value is null)
            {
                Problem(path, "is required");
                return new FiscalYearValue(default, null);
            }

            var fy = Required(value.FiscalYear, $"{path}.fiscalYear") ?? 0;
            if (valueRequired && value.Value is null)
            {
                Problem($"{path}.value", "is required");
            }

            return new FiscalYearValue(new FiscalYear(fy), value.Value,
                value.Note is null ? null : new LocalizedText(value.Note.Ja ?? "", value.Note.En));
        }

        private IndicatorKind Kind(string? kind, string path) => Required(kind, path) switch
        {
            "flow" => IndicatorKind.Flow,
            "stock" => IndicatorKind.Stock,
            "ratio" => IndicatorKind.Ratio,
            null => IndicatorKind.Flow,
            var other => Fail(path, $"unknown kind '{other}' (known: flow, stock, ratio)", IndicatorKind.Flow),
        };
    }
}
