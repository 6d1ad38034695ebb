using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Observations;

/// <summary>
/// What a department says about one value (RULES.md §13), from a column of its file or the portal, kept with the
/// value and published with it: 速報値 provisional, 推計 estimate, 定義変更 definition change (a break in the series).
/// A value without a flag is a final figure (確報値). Written <c>provisional</c>, <c>estimate</c>,
/// <c>definition_change</c> wherever it is published.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A flag in the statistical sense (an observation's flag, SDMX OBS_STATUS), not a [Flags] enum.")]
[JsonConverter(typeof(SnakeCaseEnumConverter<ValueFlag>))]
public enum ValueFlag
{
    /// <summary>速報値: a first figure that a final one will replace (the replacement is a revision).</summary>
    Provisional,

    /// <summary>推計: estimated, not counted.</summary>
    Estimate,

    /// <summary>
    /// 定義変更: the definition changed from this value on; earlier values are not comparable (a series break).
    /// </summary>
    DefinitionChange,
}
