namespace Pipeline.Domain.Problems;

/// <summary>
/// Every problem code a report can carry, in one place: the serialized snake_case strings of
/// <c>RULES.md §2</c> (reports, the uploads ledger's reason). Readers and rules name these constants,
/// never a literal.
/// </summary>
public static class ProblemCode
{
    /// <summary><c>area_unrecognised</c></summary>
    public const string AreaUnrecognised = "area_unrecognised";

    /// <summary><c>cell_error</c></summary>
    public const string CellError = "cell_error";

    /// <summary><c>cell_too_long</c></summary>
    public const string CellTooLong = "cell_too_long";

    /// <summary><c>count_not_integer</c></summary>
    public const string CountNotInteger = "count_not_integer";

    /// <summary><c>denominator_zero</c></summary>
    public const string DenominatorZero = "denominator_zero";

    /// <summary><c>department_unknown</c></summary>
    public const string DepartmentUnknown = "department_unknown";

    /// <summary><c>duplicate_row</c></summary>
    public const string DuplicateRow = "duplicate_row";

    /// <summary><c>file_too_large</c></summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary><c>file_too_complex</c>: the file asks for more work than its size allows (RULES.md §2).</summary>
    public const string FileTooComplex = "file_too_complex";

    /// <summary><c>file_unreadable</c></summary>
    public const string FileUnreadable = "file_unreadable";

    /// <summary><c>fiscal_year_missing</c></summary>
    public const string FiscalYearMissing = "fiscal_year_missing";

    /// <summary><c>fiscal_year_out_of_plan</c></summary>
    public const string FiscalYearOutOfPlan = "fiscal_year_out_of_plan";

    /// <summary><c>fiscal_year_unrecognised</c></summary>
    public const string FiscalYearUnrecognised = "fiscal_year_unrecognised";

    /// <summary><c>formula_without_value</c></summary>
    public const string FormulaWithoutValue = "formula_without_value";

    /// <summary><c>header_not_found</c></summary>
    public const string HeaderNotFound = "header_not_found";

    /// <summary><c>indicator_missing</c></summary>
    public const string IndicatorMissing = "indicator_missing";

    /// <summary><c>month_unrecognised</c></summary>
    public const string MonthUnrecognised = "month_unrecognised";

    /// <summary><c>no_values</c></summary>
    public const string NoValues = "no_values";

    /// <summary><c>not_owner</c></summary>
    public const string NotOwner = "not_owner";

    /// <summary><c>percent_out_of_range</c></summary>
    public const string PercentOutOfRange = "percent_out_of_range";

    /// <summary><c>problems_truncated</c></summary>
    public const string ProblemsTruncated = "problems_truncated";

    /// <summary><c>processing_failed</c></summary>
    public const string ProcessingFailed = "processing_failed";

    /// <summary><c>rating_unrecognised</c></summary>
    public const string RatingUnrecognised = "rating_unrecognised";

    /// <summary><c>ratio_incomplete</c></summary>
    public const string RatioIncomplete = "ratio_incomplete";

    /// <summary><c>ratio_mismatch</c></summary>
    public const string RatioMismatch = "ratio_mismatch";

    /// <summary><c>ratio_not_applicable</c></summary>
    public const string RatioNotApplicable = "ratio_not_applicable";

    /// <summary><c>too_many_columns</c></summary>
    public const string TooManyColumns = "too_many_columns";

    /// <summary><c>too_many_rows</c></summary>
    public const string TooManyRows = "too_many_rows";

    /// <summary><c>unknown_indicator</c></summary>
    public const string UnknownIndicator = "unknown_indicator";

    /// <summary><c>unknown_initiative</c></summary>
    public const string UnknownInitiative = "unknown_initiative";

    /// <summary><c>unsupported_format</c></summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary><c>value_missing</c></summary>
    public const string ValueMissing = "value_missing";

    /// <summary><c>value_negative</c></summary>
    public const string ValueNegative = "value_negative";

    /// <summary><c>value_not_numeric</c></summary>
    public const string ValueNotNumeric = "value_not_numeric";

    /// <summary><c>unit_mismatch</c></summary>
    public const string UnitMismatch = "unit_mismatch";

    /// <summary><c>total_mismatch</c></summary>
    public const string TotalMismatch = "total_mismatch";

    /// <summary><c>total_row_skipped</c></summary>
    public const string TotalRowSkipped = "total_row_skipped";

    /// <summary><c>header_ambiguous</c></summary>
    public const string HeaderAmbiguous = "header_ambiguous";

    /// <summary>Our own code failed while processing the upload: not the file's fault; the platform retries it.</summary>
    public const string InternalError = "internal_error";

    /// <summary>The upload names a plan whose definition file is not served (it failed the loader's checks).</summary>
    public const string PlanNotServed = "plan_not_served";

    /// <summary><c>flag_unrecognised</c>: a flag cell that is not 速報値, 推計 or 定義変更 (RULES.md §13).</summary>
    public const string FlagUnrecognised = "flag_unrecognised";

    /// <summary><c>commentary_conflict</c>: two rows differ in one indicator and year's commentary.</summary>
    public const string CommentaryConflict = "commentary_conflict";

    /// <summary><c>commentary_without_japanese</c>: an English commentary cell without the Japanese one.</summary>
    public const string CommentaryWithoutJapanese = "commentary_without_japanese";
}
