package dev.payback.report;

import java.util.regex.Pattern;

/**
 * Neutralises CSV cells a spreadsheet would run as a formula (OWASP "CSV injection"): a text cell
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * single quote, so {@code =HYPERLINK(...)} is shown as text. Numbers stay numbers: a number object is
 * never touched, nor a text that is a plain number such as {@code -123.4} or {@code 1e-5}.
 */
public final class CsvCells {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The cell as written to a CSV: a formula-leading text with a quote in front, anything else as is. */
    public static Object safe(Object cell) {
        return cell instanceof CharSequence cs ? safe(cs.toString()) : cell;
    }

    /** A text cell as written to a CSV. */
    public static String safe(String text) {
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    /** Every cell of a record made safe (a new array). */
    public static Object[] safe(Object... cells) {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = safe(cells[i]);
        }
        return out;
    }
}
