using System.Text.Json.Serialization;
using Pipeline.Domain.Json;

namespace Pipeline.Domain.Problems;

/// <summary>
/// Every problem code a report can carry, in one place (<c>RULES.md §2</c>): written as the snake_case names in the
/// comments by the one JSON policy (<c>PipelineJson</c>) in reports, the uploads ledger's reason and the feed.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ProblemCode>))]
public enum ProblemCode
{
    /// <summary><c>area_unrecognised</c></summary>
    AreaUnrecognised,

    /// <summary><c>cell_error</c></summary>
    CellError,

    /// <summary><c>cell_too_long</c></summary>
    CellTooLong,

    /// <summary><c>count_not_integer</c></summary>
    CountNotInteger,

    /// <summary><c>denominator_zero</c></summary>
    DenominatorZero,

    /// <summary><c>department_unknown</c></summary>
    DepartmentUnknown,

    /// <summary><c>duplicate_row</c></summary>
    DuplicateRow,

    /// <summary><c>file_too_large</c></summary>
    FileTooLarge,

    /// <summary><c>file_too_complex</c>: the file asks for more work than its size allows (RULES.md §2).</summary>
    FileTooComplex,

    /// <summary><c>file_unreadable</c></summary>
    FileUnreadable,

    /// <summary><c>fiscal_year_missing</c></summary>
    FiscalYearMissing,

    /// <summary><c>fiscal_year_out_of_plan</c></summary>
    FiscalYearOutOfPlan,

    /// <summary><c>fiscal_year_unrecognised</c></summary>
    FiscalYearUnrecognised,

    /// <summary><c>formula_without_value</c></summary>
    FormulaWithoutValue,

    /// <summary><c>header_not_found</c></summary>
    HeaderNotFound,

    /// <summary><c>indicator_missing</c></summary>
    IndicatorMissing,

    /// <summary><c>month_unrecognised</c></summary>
    MonthUnrecognised,

    /// <summary><c>no_values</c></summary>
    NoValues,

    /// <summary><c>not_owner</c></summary>
    NotOwner,

    /// <summary><c>percent_out_of_range</c></summary>
    PercentOutOfRange,

    /// <summary><c>problems_truncated</c></summary>
    ProblemsTruncated,

    /// <summary><c>processing_failed</c></summary>
    ProcessingFailed,

    /// <summary><c>rating_unrecognised</c></summary>
    RatingUnrecognised,

    /// <summary><c>ratio_incomplete</c></summary>
    RatioIncomplete,

    /// <summary><c>ratio_mismatch</c></summary>
    RatioMismatch,

    /// <summary><c>ratio_not_applicable</c></summary>
    RatioNotApplicable,

    /// <summary><c>too_many_columns</c></summary>
    TooManyColumns,

    /// <summary><c>too_many_rows</c></summary>
    TooManyRows,

    /// <summary><c>unknown_indicator</c></summary>
    UnknownIndicator,

    /// <summary><c>unknown_initiative</c></summary>
    UnknownInitiative,

    /// <summary><c>unsupported_format</c></summary>
    UnsupportedFormat,

    /// <summary><c>value_missing</c></summary>
    ValueMissing,

    /// <summary><c>value_negative</c></summary>
    ValueNegative,

    /// <summary><c>value_not_numeric</c></summary>
    ValueNotNumeric,

    /// <summary><c>unit_mismatch</c></summary>
    UnitMismatch,

    /// <summary><c>total_mismatch</c></summary>
    TotalMismatch,

    /// <summary><c>total_row_skipped</c></summary>
    TotalRowSkipped,

    /// <summary><c>header_ambiguous</c></summary>
    HeaderAmbiguous,

    /// <summary>Our own code failed while processing the upload: not the file's fault; the platform retries
    /// it.</summary>
    InternalError,

    /// <summary>The upload names a plan whose definition file is not served (it failed the loader's checks).</summary>
    PlanNotServed,

    /// <summary><c>flag_unrecognised</c>: a flag cell that is not 速報値, 推計 or 定義変更 (RULES.md §13).</summary>
    FlagUnrecognised,

    /// <summary><c>commentary_conflict</c>: two rows differ in one indicator and year's commentary.</summary>
    CommentaryConflict,

    /// <summary><c>commentary_without_japanese</c>: an English commentary cell without the Japanese one.</summary>
    CommentaryWithoutJapanese,
}
