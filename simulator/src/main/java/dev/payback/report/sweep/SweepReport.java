package dev.payback.report.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.payback.analysis.Money;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Sweep;
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

/** The sweep as a console table, sweep.json and sweep.csv. */
public final class SweepReport {

    private SweepReport() {
    }

    /** The console table and the break-even lines (ending in a newline). */
    public static String table(Sweep s) {
        String cur = s.currency();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Sweep of %s (%s), %d values from %s to %s%n", s.path(),
                Sensitivity.plainName(s.path()), s.steps().size(), num(s.xs()[0]), num(s.xs()[s.xs().length - 1])));
        b.append(String.format(Locale.ROOT, "%s: %,d trials per value, seed %d; everything else keeps its draws%n%n",
                s.scenario(), s.trials(), s.seed()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s", "value"));
        StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-12s", ""));
        for (Sweep.OptionInfo o : s.options()) {
            head.append(String.format(Locale.ROOT, " | %-30s", o.id()));
            sub.append(String.format(Locale.ROOT, " | %-10s %-9s %-9s", "mean NPV", "P(pb<=12)", "P(best)"));
        }
        head.append(" | status quo");
        sub.append(" | P(best)");
        b.append(head).append('\n').append(sub).append('\n');
        for (Sweep.Step st : s.steps()) {
            b.append(String.format(Locale.ROOT, "%-12s", num(st.value())));
            for (Sweep.OptionInfo o : s.options()) {
                Sweep.Figures f = st.options().get(o.id());
                b.append(String.format(Locale.ROOT, " | %-10s %-9s %-9s", Money.compact(f.meanNpv(), cur),
                        Money.percent(f.pPayback12()), Money.percent(f.pBest())));
            }
            b.append(String.format(Locale.ROOT, " | %s%n", Money.percent(st.pBestStatusQuo())));
        }
        b.append('\n').append("Break-even: where mean NPV crosses 0\n");
        for (Sweep.OptionInfo o : s.options()) {
            b.append(String.format(Locale.ROOT, "  %-14s %s%n", o.id(), crossings(s, s.npvBreakEven(o.id()),
                    "mean NPV is positive", "mean NPV is negative")));
        }
        b.append(String.format(Locale.ROOT, "Where P(payback within %d months) crosses %s (the payback confidence)%n",
                Sweep.PAYBACK_MONTHS, Money.percent(s.confidence())));
        String q = Money.percent(s.confidence());
        for (Sweep.OptionInfo o : s.options()) {
            b.append(String.format(Locale.ROOT, "  %-14s %s%n", o.id(), crossings(s, s.paybackBreakEven(o.id()),
                    "P(payback) >= " + q, "P(payback) < " + q)));
        }
        return b.toString();
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
            b.append(s.path()).append(" = ").append(num(c.value())).append(" (")
                    .append(c.rising() ? aboveIfRising : aboveIfFalling).append(" above this value)");
        }
        return b.toString();
    }

    /** sweep.json (UTF-8, pretty-printed, ending in a newline). */
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

    /** sweep.csv: one row per value and option (status_quo included, with its P(best) only). */
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

    /** A swept value as written: no trailing zeros, at most 6 significant digits. */
    static String num(double v) {
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
