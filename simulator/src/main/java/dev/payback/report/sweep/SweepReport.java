package dev.payback.report.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.payback.report.Money;
import dev.payback.report.InputWords;
import dev.payback.analysis.Sweep;
import dev.payback.report.ConsoleWidth;
import dev.payback.report.OverridesText;
import dev.payback.report.SummaryJson;
import dev.payback.report.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The sweep as a console table, sweep-<input>.json and sweep-<input>.csv. */
public final class SweepReport {

    private SweepReport() {
    }

    /**
     * The stem of a sweep's file names: {@code sweep-<input>} for one input, {@code sweep-<x>--<y>}
     * for two, so sweeps of different inputs never overwrite each other.
     */
    public static String fileStem(List<String> paths) {
        StringBuilder b = new StringBuilder("sweep");
        for (String p : paths) {
            b.append(b.length() == 5 ? "-" : "--").append(p.replaceAll("[^A-Za-z0-9._-]", "_"));
        }
        return b.toString();
    }

    /** The console table and the break-even lines (ending in a newline), at most 100 columns wide. */
    public static String table(Sweep s) {
        String cur = s.currency();
        StringBuilder b = new StringBuilder();
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT, "Sweep of %s (%s), %d values from %s to %s",
                s.path(), InputWords.plainName(s.path()), s.steps().size(), shown(s.path(), s.xs()[0], s.currency()),
                shown(s.path(), s.xs()[s.xs().length - 1], s.currency())), 2));
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT,
                "%s: %,d trials per value, seed %d; everything else keeps its draws", s.scenario(), s.trials(),
                s.seed()), 2));
        if (!s.overrides().isBase()) {
            b.append(ConsoleWidth.wrap("", OverridesText.line(s.overrides()), 2));
        }
        b.append('\n');
        int perTable = Math.max(1, (ConsoleWidth.WIDTH - 12 - 13) / 33);
        List<Sweep.OptionInfo> all = s.options();
        for (int from = 0; from < all.size(); from += perTable) {
            List<Sweep.OptionInfo> chunk = all.subList(from, Math.min(all.size(), from + perTable));
            boolean last = from + perTable >= all.size();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s", "value"));
            StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-12s", ""));
            for (Sweep.OptionInfo o : chunk) {
                head.append(String.format(Locale.ROOT, " | %-30s", ConsoleWidth.cut(o.id(), 30)));
                sub.append(String.format(Locale.ROOT, " | %-10s %-9s %-9s", "mean NPV", "P(pb<=12)", "P(best)"));
            }
            if (last) {
                head.append(" | status quo");
                sub.append(" | P(best)");
            }
            b.append(head.toString().stripTrailing()).append('\n').append(sub.toString().stripTrailing()).append('\n');
            for (Sweep.Step st : s.steps()) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s",
                        ConsoleWidth.cut(heading(s.path(), st.value(), cur), 12)));
                for (Sweep.OptionInfo o : chunk) {
                    Sweep.Figures f = st.options().get(o.id());
                    row.append(String.format(Locale.ROOT, " | %-10s %-9s %-9s", Money.compact(f.meanNpv(), cur),
                            Money.percent(f.pPayback12()), Money.percent(f.pBest())));
                }
                if (last) {
                    row.append(" | ").append(Money.percent(st.pBestStatusQuo()));
                }
                b.append(row.toString().stripTrailing()).append('\n');
            }
            b.append('\n');
        }
        b.append("Break-even: where mean NPV crosses 0\n");
        int w = idWidth(s.options());
        for (Sweep.OptionInfo o : s.options()) {
            b.append(ConsoleWidth.wrap(idLabel(o.id(), w), crossings(s,
                    s.npvBreakEven(o.id()), "mean NPV is positive", "mean NPV is negative"), w + 3));
        }
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT,
                "Where P(payback within %d months) crosses %s (the payback confidence)", Sweep.PAYBACK_MONTHS,
                Money.percent(s.confidence())), 2));
        String q = Money.percent(s.confidence());
        for (Sweep.OptionInfo o : s.options()) {
            b.append(ConsoleWidth.wrap(idLabel(o.id(), w), crossings(s,
                    s.paybackBreakEven(o.id()), "P(payback) >= " + q, "P(payback) < " + q), w + 3));
        }
        return b.toString();
    }

    /** The width of the option-id column of the break-even lines: the longest id, at least 14, at most 30. */
    static int idWidth(List<Sweep.OptionInfo> options) {
        int w = 14;
        for (Sweep.OptionInfo o : options) {
            w = Math.max(w, o.id().length());
        }
        return Math.min(w, 30);
    }

    /** "  orchestrate    ": an option's id padded to {@code width}, so every option's values line up. */
    static String idLabel(String id, int width) {
        return "  " + id + " ".repeat(Math.max(1, width - id.length() + 1));
    }

    private static String crossings(Sweep s, List<Sweep.Crossing> list, String aboveIfRising,
            String aboveIfFalling) {
        if (list.isEmpty()) {
            return "no crossing in range";
        }
        StringBuilder b = new StringBuilder();
        for (Sweep.Crossing c : list) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(s.path()).append(" = ").append(shown(s.path(), c.value(), s.currency())).append(" (")
                    .append(c.rising() ? aboveIfRising : aboveIfFalling).append(" above this value)");
        }
        return b.toString();
    }

    /** sweep-<input>.json (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] json(Sweep s) {
        return SummaryJson.pretty(g -> {
            g.writeStartObject();
            g.writeStringField("scenario", s.scenario());
            g.writeStringField("input", s.path());
            g.writeStringField("currency", s.currency());
            g.writeNumberField("trials", s.trials());
            g.writeNumberField("seed", s.seed());
            SummaryJson.number(g, "payback_confidence", s.confidence());
            g.writeNumberField("payback_months", Sweep.PAYBACK_MONTHS);
            g.writeStringField("sampling", s.sampling());
            OverridesText.json(g, s.overrides());
            g.writeArrayFieldStart("steps");
            for (Sweep.Step st : s.steps()) {
                g.writeStartObject();
                SummaryJson.number(g, "value", st.value());
                g.writeObjectFieldStart("options");
                for (Sweep.OptionInfo o : s.options()) {
                    Sweep.Figures f = st.options().get(o.id());
                    g.writeObjectFieldStart(o.id());
                    SummaryJson.number(g, "mean_npv", f.meanNpv());
                    SummaryJson.number(g, "p_payback_12", f.pPayback12());
                    SummaryJson.number(g, "p_best", f.pBest());
                    g.writeEndObject();
                }
                g.writeEndObject();
                SummaryJson.number(g, "p_best_status_quo", st.pBestStatusQuo());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("break_even");
            for (Sweep.OptionInfo o : s.options()) {
                g.writeObjectFieldStart(o.id());
                crossingsJson(g, "mean_npv_zero", s.npvBreakEven(o.id()));
                crossingsJson(g, "payback_12_at_confidence", s.paybackBreakEven(o.id()));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void crossingsJson(JsonGenerator g, String name, List<Sweep.Crossing> list) throws IOException {
        g.writeArrayFieldStart(name);
        for (Sweep.Crossing c : list) {
            g.writeStartObject();
            SummaryJson.number(g, "value", c.value());
            g.writeStringField("direction", c.rising() ? "rising" : "falling");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** sweep-<input>.csv: one row per value and option (status_quo included, with its P(best) only). */
    public static void csv(Sweep s, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("input", "value", "option", "mean_npv", "p_payback_12", "p_best");
            for (Sweep.Step st : s.steps()) {
                for (Sweep.OptionInfo o : s.options()) {
                    Sweep.Figures f = st.options().get(o.id());
                    p.printRecord(CsvCells.safe(s.path(), num(st.value()), o.id(), f.meanNpv(), f.pPayback12(), f.pBest()));
                }
                p.printRecord(CsvCells.safe(s.path(), num(st.value()), "status_quo", 0.0, "", st.pBestStatusQuo()));
            }
        }
    }

    /** Whether a swept input is an amount of money (shown as money in tables and text, not in CSV/JSON). */
    static boolean isMoney(String path) {
        return path.endsWith("_cost") || path.endsWith("_fee") || path.endsWith(".per_year")
                || path.startsWith("pain.other.") || path.equals("business.average_order_value")
                || path.equals("business.loaded_labor_cost_per_hour") || path.endsWith(".cost");
    }

    /** A swept value for people: money in the currency ($48,472), other numbers as {@link #num}. */
    public static String shown(String path, double v, String currency) {
        return isMoney(path) ? dev.payback.report.Money.whole(v, currency) : num(v);
    }

    /** A grid heading for people: money compact ($16k), other numbers as {@link #num}. */
    static String heading(String path, double v, String currency) {
        return isMoney(path) ? Money.compact(v, currency) : num(v);
    }

    /** A swept value as written: no trailing zeros, at most 6 significant digits. */
    public static String num(double v) {
        String t = String.format(Locale.ROOT, "%.6g", v);
        if (t.contains("e") || t.contains("E")) {
            return t;
        }
        if (t.contains(".")) {
            t = t.replaceAll("0+$", "");
            t = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        }
        return t;
    }
}
