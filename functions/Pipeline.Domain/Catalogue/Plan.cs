using System.Collections.Frozen;

namespace Pipeline.Domain.Catalogue;

/// <summary>A plan's whole catalogue: policies, measures, initiatives, indicators, departments and areas.</summary>
public sealed class Plan
{
    private readonly FrozenDictionary<string, Indicator> _indicators;
    private readonly FrozenDictionary<string, Initiative> _initiatives;
    private readonly FrozenDictionary<string, Measure> _measures;
    private readonly FrozenDictionary<string, PolicyDirection> _policies;
    private readonly FrozenDictionary<DepartmentId, Department> _departments;

    internal Plan(
        PlanId id, LocalizedText name, FiscalYear start, FiscalYear end, Publisher publisher,
        Area wholeCity, IReadOnlyList<string> wholeCityAliases, IReadOnlyList<Area> wards,
            IReadOnlyList<Organisation> organisations,
        IReadOnlyList<Department> departments, IReadOnlyList<BasicPolicy> basicPolicies,
            IReadOnlyList<Indicator> indicators,
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
        _indicators = indicators.ToFrozenDictionary(i => i.Id.Value, StringComparer.Ordinal);
        _initiatives = Initiatives.ToFrozenDictionary(i => i.Id.Value, StringComparer.Ordinal);
        _measures = Measures.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        _policies = Policies.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _departments = departments.ToFrozenDictionary(d => d.Id);
    }

    /// <summary>The plan id: lower-case letters, digits and hyphens (<see cref="PathSafeId"/>).</summary>
    public PlanId Id { get; }
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
    /// <summary>True for the built-in plan file marked <c>"default": true</c>: the default plan unless configuration
    /// names another.</summary>
    public bool IsBuiltInDefault { get; }
    public IReadOnlyList<Department> Departments { get; }
    public IReadOnlyList<BasicPolicy> BasicPolicies { get; }
    public IReadOnlyList<PolicyDirection> Policies { get; }
    public IReadOnlyList<Measure> Measures { get; }
    public IReadOnlyList<Initiative> Initiatives { get; }
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The licence and dataset URL of the plan's open data (plan-file section <c>openData</c>).</summary>
    public OpenDataTerms OpenData { get; init; } = OpenDataTerms.Default;

    /// <summary>When departments are reminded before a results due date (plan-file section <c>reminders</c>).</summary>
    public ReminderDates Reminders { get; init; } = ReminderDates.Default;

    /// <summary>
    /// Whether uploads wait for the secretariat's approval (plan-file section <c>publication</c>, RULES.md §14).
    /// </summary>
    public PublicationPolicy Publication { get; init; } = PublicationPolicy.Automatic;

    /// <summary>The indicator of an id as a file gives it (a cell's text), or null.</summary>
    public Indicator? FindIndicator(string id) => _indicators.GetValueOrDefault(id);

    /// <summary>The indicator of an id, or null.</summary>
    public Indicator? FindIndicator(IndicatorId id) => _indicators.GetValueOrDefault(id.Value);

    /// <summary>The initiative of an id as a file gives it (a cell's text), or null.</summary>
    public Initiative? FindInitiative(string id) => _initiatives.GetValueOrDefault(id);

    /// <summary>The initiative of an id, or null.</summary>
    public Initiative? FindInitiative(InitiativeId id) => _initiatives.GetValueOrDefault(id.Value);
    public Measure? FindMeasure(string id) => _measures.GetValueOrDefault(id);
    public PolicyDirection? FindPolicy(string id) => _policies.GetValueOrDefault(id);

    /// <summary>The department of an id, or null.</summary>
    public Department? FindDepartment(DepartmentId id) => _departments.GetValueOrDefault(id);

    /// <summary>Whether a department may submit values of an indicator.</summary>
    public static bool MaySubmit(Department department, Indicator indicator) =>
        indicator.OwnerDepartmentId == department.Id;

    /// <summary>Whether a department may evaluate an initiative: by any department of an organisation the initiative
    /// names.</summary>
    public static bool MayEvaluate(Department department, Initiative initiative) =>
        initiative.Owners.Contains(department.OrganisationId, StringComparer.Ordinal);
}
