package dev.payback.report;

/**
 * How business-case.xlsx is written.
 *
 * @param trials whether to add the Trials sheet (the first {@link BusinessCaseXlsx#MAX_TRIAL_ROWS} trials,
 *               streamed row by row); off by default, which keeps the workbook small enough to e-mail
 *               (per-trial data is what {@code --trials-csv} is for)
 */
public record WorkbookOptions(boolean trials) {
    /** The default workbook: every figure, no per-trial rows. */
    public static final WorkbookOptions DEFAULT = new WorkbookOptions(false);
}
