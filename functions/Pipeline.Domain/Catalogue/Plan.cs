using System.Collections.Frozen;

namespace Pipeline.Domain.Catalogue;

/// <summary>Text in Japanese with an optional English rendering.</summary>
public sealed record LocalizedText(string Ja, string? En = null);

/// <summary>How an indicator's monthly and ward values combine into a fiscal-year value (RULES.md §3).</summary>
public enum IndicatorKind
{
    /// <summary>A count over a period: months and wards are summed.</summary>
    Flow,
    /// <summary>A level at a point in time: the latest month is taken, wards are summed.</summary>
    Stock,
    /// <summary>A percentage: the latest month is taken, wards combine as Σnumerator / Σdenominator.</summary>
    Ratio,
}

/// <summary>A Japanese fiscal year, April to March, named by the calendar year it starts in.</summary>
public readonly record struct FiscalYear(int Value) : IComparable<FiscalYear>
{
    /// <summary>The fiscal year a calendar date falls in.</summary>
    public static FiscalYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <inheritdoc />
    public int CompareTo(FiscalYear other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool operator <(FiscalYear a, FiscalYear b) => a.Value < b.Value;
    public static bool operator >(FiscalYear a, FiscalYear b) => a.Value > b.Value;
    public static bool operator <=(FiscalYear a, FiscalYear b) => a.Value <= b.Value;
    public static bool operator >=(FiscalYear a, FiscalYear b) => a.Value >= b.Value;
}

/// <summary>A measured value of an indicator at a fiscal year; <see cref="Value"/> is null where the plan has none (現状値なし).</summary>
public sealed record FiscalYearValue(FiscalYear FiscalYear, decimal? Value, LocalizedText? Note = null);

/// <summary>A unit of measure and whether its values are percentages or whole counts.</summary>
public sealed record Unit(string Symbol, bool IsPercent)
{
    private static readonly FrozenDictionary<string, Unit> Known = new[]
    {
        new Unit("%", true),
        new Unit("人", false), new Unit("回", false), new Unit("件", false), new Unit("箇所", false),
        new Unit("校区", false), new Unit("団体", false), new Unit("世帯", false), new Unit("施設", false),
        new Unit("か所", false), new Unit("地区", false), new Unit("人日", false),
    }.ToFrozenDictionary(u => u.Symbol, StringComparer.Ordinal);

    /// <summary>Every unit a plan file may use.</summary>
    public static IReadOnlyCollection<string> KnownSymbols => Known.Keys;

    /// <summary>Finds a known unit by its symbol.</summary>
    public static bool TryGet(string symbol, out Unit unit) => Known.TryGetValue(symbol, out unit!);
}

/// <summary>An outcome indicator (成果指標) of a policy direction.</summary>
public sealed record Indicator(
    string Id,
    string PolicyId,
    string BasicPolicyId,
    LocalizedText Name,
    Unit Unit,
    IndicatorKind Kind,
    FiscalYearValue Baseline,
    FiscalYearValue Target,
    string OwnerDepartmentId,
    IndicatorDirection Direction = IndicatorDirection.Increase,
    SeriesContinuation? Continues = null);

/// <summary>A main initiative (主な取組項目) of a measure; 【重点】 ones are priorities.</summary>
/// <remarks><see cref="Owners"/> are ids of the plan's organisations (RULES.md §7).</remarks>
public sealed record Initiative(string Id, string MeasureId, LocalizedText Name, bool Priority, IReadOnlyList<string> Owners);

/// <summary>A measure (事業概要) of a policy direction.</summary>
public sealed record Measure(string Id, string PolicyId, LocalizedText Name, IReadOnlyList<Initiative> Initiatives);

/// <summary>A policy direction (施策方針).</summary>
public sealed record PolicyDirection(string Id, string BasicPolicyId, LocalizedText Name, IReadOnlyList<Measure> Measures);

/// <summary>A basic policy (基本方針).</summary>
public sealed record BasicPolicy(string Id, LocalizedText Name, IReadOnlyList<PolicyDirection> Policies);

/// <summary>A department allowed to submit files, and the id of the organisation it belongs to.</summary>
public sealed record Department(string Id, LocalizedText Name, string OrganisationId);

/// <summary>An area results are reported for: the whole city or one of its wards, by 全国地方公共団体コード.</summary>
public sealed record Area(string Code, LocalizedText Name, bool IsWholeCity);

/// <summary>The publisher of a plan.</summary>
public sealed record Publisher(LocalizedText Name, string LocalGovernmentCode, IReadOnlyList<LocalizedText> Partners);

/// <summary>A plan's whole catalogue: policies, measures, initiatives, indicators, departments and areas.</summary>
public sealed class Plan
{
    private readonly FrozenDictionary<string, Indicator> _indicators;
    private readonly FrozenDictionary<string, Initiative> _initiatives;
    private readonly FrozenDictionary<string, Measure> _measures;
    private readonly FrozenDictionary<string, PolicyDirection> _policies;
    private readonly FrozenDictionary<string, Department> _departments;

    internal Plan(
        string id, LocalizedText name, FiscalYear start, FiscalYear end, Publisher publisher,
        Area wholeCity, IReadOnlyList<string> wholeCityAliases, IReadOnlyList<Area> wards, IReadOnlyList<Organisation> organisations,
        IReadOnlyList<Department> departments, IReadOnlyList<BasicPolicy> basicPolicies, IReadOnlyList<Indicator> indicators,
        bool isBuiltInDefault)
    {
        Organisations = organisations;
        IsBuiltInDefault = isBuiltInDefault;
        Id = id;
        Name = name;
        StartFiscalYear = start;
        EndFiscalYear = end;
        Publisher = publisher;
        WholeCity = wholeCity;
        WholeCityAliases = wholeCityAliases;
        Wards = wards;
        Departments = departments;
        BasicPolicies = basicPolicies;
        Indicators = indicators;
        Policies = basicPolicies.SelectMany(b => b.Policies).ToArray();
        Measures = Policies.SelectMany(p => p.Measures).ToArray();
        Initiatives = Measures.SelectMany(m => m.Initiatives).ToArray();
        _indicators = indicators.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        _initiatives = Initiatives.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        _measures = Measures.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        _policies = Policies.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _departments = departments.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The plan id: lower-case letters, digits and hyphens (<see cref="PathSafeId"/>).</summary>
    public string Id { get; }
    public LocalizedText Name { get; }
    public FiscalYear StartFiscalYear { get; }
    public FiscalYear EndFiscalYear { get; }
    public Publisher Publisher { get; }
    public Area WholeCity { get; }
    public IReadOnlyList<string> WholeCityAliases { get; }
    /// <summary>The subdivisions results may be given for (wards); empty for a city without wards.</summary>
    public IReadOnlyList<Area> Wards { get; }
    /// <summary>The organisations departments belong to and initiatives name as responsible (RULES.md §7).</summary>
    public IReadOnlyList<Organisation> Organisations { get; }
    /// <summary>True for the built-in plan file marked <c>"default": true</c>: the default plan unless configuration names another.</summary>
    public bool IsBuiltInDefault { get; }
    public IReadOnlyList<Department> Departments { get; }
    public IReadOnlyList<BasicPolicy> BasicPolicies { get; }
    public IReadOnlyList<PolicyDirection> Policies { get; }
    public IReadOnlyList<Measure> Measures { get; }
    public IReadOnlyList<Initiative> Initiatives { get; }
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The licence and dataset URL of the plan's open data (plan-file section <c>openData</c>).</summary>
    public OpenDataTerms OpenData { get; init; } = OpenDataTerms.Default;

    public Indicator? FindIndicator(string id) => _indicators.GetValueOrDefault(id);
    public Initiative? FindInitiative(string id) => _initiatives.GetValueOrDefault(id);
    public Measure? FindMeasure(string id) => _measures.GetValueOrDefault(id);
    public PolicyDirection? FindPolicy(string id) => _policies.GetValueOrDefault(id);
    public Department? FindDepartment(string id) => _departments.GetValueOrDefault(id);

    /// <summary>Whether a department may submit values of an indicator.</summary>
    public static bool MaySubmit(Department department, Indicator indicator) =>
        string.Equals(indicator.OwnerDepartmentId, department.Id, StringComparison.Ordinal);

    /// <summary>Whether a department may evaluate an initiative: by any department of an organisation the initiative names.</summary>
    public static bool MayEvaluate(Department department, Initiative initiative) =>
        initiative.Owners.Contains(department.OrganisationId, StringComparer.Ordinal);
}
