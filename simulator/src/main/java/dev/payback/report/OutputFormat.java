package dev.payback.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files {@code payback simulate} can write, selected with {@code --format}. */
public enum OutputFormat {
    /** summary.json. */
    JSON,
    /** summary.csv and cashflow.csv. */
    CSV,
    /** business-case.xlsx. */
    XLSX,
    /** report.html. */
    HTML,
    /** charts/*.png and charts/*.svg. */
    CHARTS,
    /** report.pdf: the report laid out for paper, its first page a one-page summary. */
    PDF;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The valid names, comma-separated, in order. */
    public static String validNames() {
        return EnumSet.allOf(OutputFormat.class).stream().map(OutputFormat::cliName).collect(Collectors.joining(","));
    }

    /**
     * Parses comma-separated names (several values, each may hold commas; blanks ignored); no value
     * means all, values naming nothing (--format '') are an error.
     *
     * @throws IllegalArgumentException naming the unknown value and the valid list
     */
    public static Set<OutputFormat> parse(List<String> values) {
        Set<OutputFormat> set = EnumSet.noneOf(OutputFormat.class);
        for (String v : values) {
            for (String part : v.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                OutputFormat f = null;
                for (OutputFormat x : values()) {
                    if (x.cliName().equals(name)) {
                        f = x;
                    }
                }
                if (f == null) {
                    throw new IllegalArgumentException("unknown format '" + part.trim() + "': choose from "
                            + validNames());
                }
                set.add(f);
            }
        }
        if (set.isEmpty() && !values.isEmpty()) {
            // the value as given (--format '' or --format ','), so the user sees what was read
            throw new IllegalArgumentException("no format named (--format '" + String.join(",", values)
                    + "'): choose from " + validNames()
                    + ", or leave --format out for all");
        }
        return set.isEmpty() ? EnumSet.allOf(OutputFormat.class) : set;
    }
}
