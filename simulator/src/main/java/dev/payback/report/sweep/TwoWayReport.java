package dev.payback.report.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.payback.report.Money;
import dev.payback.analysis.Sweep;
import dev.payback.analysis.TwoWaySweep;
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
import java.util.function.ToDoubleFunction;

/** A two-way sweep as console grids, JSON and CSV. */
public final class TwoWayReport {
    /** Width of a grid's first column and of each value column (plus one space). */
    private static final int ROW_LABEL = 12;
    private static final int CELL = 8;

    private TwoWayReport() {
    }

    /** The console grids per option and the break-even lines (ending in a newline), at most 100 columns. */
    public static String table(TwoWaySweep s) {
        StringBuilder b = new StringBuilder();
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT,
                "Two-way sweep of %s (columns, %d values) and %s (rows, %d values)", s.xPath(), s.xs().size(),
                s.yPath(), s.ys().size()), 2));
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT,
                "%s: %,d trials per cell, seed %d; everything else keeps its draws", s.scenario(), s.trials(),
                s.seed()), 2));
        if (!s.overrides().isBase()) {
            b.append(ConsoleWidth.wrap("", OverridesText.line(s.overrides()), 2));
        }
        int fit = (ConsoleWidth.WIDTH - ROW_LABEL) / (CELL + 1);
        if (s.xs().size() > fit) {
            b.append(ConsoleWidth.wrap("", "The console shows the first " + fit + " columns; the CSV, JSON and "
                    + "HTML files hold the whole grid.", 2));
        }
        String q = Money.percent(s.confidence());
        for (Sweep.OptionInfo o : s.options()) {
            b.append('\n');
            b.append(ConsoleWidth.wrap("", o.id() + ": P(payback within " + Sweep.PAYBACK_MONTHS
                    + " months); * marks cells at or above " + q, 2));
            grid(b, s, o.id(), fit, f -> f.pPayback12(), v -> Money.percent(v) + (v >= s.confidence() ? "*" : ""));
            b.append(ConsoleWidth.wrap("", o.id() + ": mean NPV", 2));
            grid(b, s, o.id(), fit, f -> f.meanNpv(), v -> Money.compact(v, s.currency()));
        }
        b.append('\n').append(ConsoleWidth.wrap("", "Break-even line: for each value of " + s.yPath()
                + ", the value of " + s.xPath() + " where mean NPV crosses 0", 2));
        for (Sweep.OptionInfo o : s.options()) {
            b.append(lines(o.id(), s.npvBreakEven(o.id()), s));
        }
        b.append(ConsoleWidth.wrap("", "Where P(payback within " + Sweep.PAYBACK_MONTHS + " months) crosses " + q
                + " along " + s.xPath(), 2));
        for (Sweep.OptionInfo o : s.options()) {
            b.append(lines(o.id(), s.paybackBreakEven(o.id()), s));
        }
        return b.toString();
    }

    private interface Cell {
        String text(double v);
    }

    /** One option's grid: rows are the second input, columns the first. */
    private static void grid(StringBuilder b, TwoWaySweep s, String id, int fit,
            ToDoubleFunction<Sweep.Figures> value, Cell text) {
        StringBuilder head = new StringBuilder(pad(ConsoleWidth.cut(shortName(s.yPath()) + "\\"
                + shortName(s.xPath()), ROW_LABEL - 1), ROW_LABEL));
        int cols = Math.min(fit, s.xs().size());
        for (int ix = 0; ix < cols; ix++) {
            head.append(lpad(ConsoleWidth.cut(SweepReport.heading(s.xPath(), s.xs().get(ix), s.currency()), CELL),
                    CELL)).append(' ');
        }
        b.append(head.toString().stripTrailing()).append('\n');
        for (int iy = 0; iy < s.ys().size(); iy++) {
            StringBuilder row = new StringBuilder(pad(ConsoleWidth.cut(SweepReport.heading(s.yPath(), s.ys().get(iy), s.currency()),
                    ROW_LABEL - 1), ROW_LABEL));
            for (int ix = 0; ix < cols; ix++) {
                row.append(lpad(ConsoleWidth.cut(text.text(value.applyAsDouble(s.at(id, ix, iy))), CELL), CELL))
                        .append(' ');
            }
            b.append(row.toString().stripTrailing()).append('\n');
        }
    }

    private static String lines(String id, List<TwoWaySweep.LinePoint> line, TwoWaySweep s) {
        StringBuilder t = new StringBuilder();
        for (TwoWaySweep.LinePoint p : line) {
            if (t.length() > 0) {
                t.append("; ");
            }
            t.append(SweepReport.heading(s.yPath(), p.y(), s.currency())).append(" -> ");
            if (p.crossings().isEmpty()) {
                t.append("none");
            } else {
                for (int k = 0; k < p.crossings().size(); k++) {
                    t.append(k == 0 ? "" : ", ").append(SweepReport.shown(s.xPath(), p.crossings().get(k).value(),
                            s.currency()));
                }
            }
        }
        int w = SweepReport.idWidth(s.options());
        return ConsoleWidth.wrap(SweepReport.idLabel(id, w), t.toString(), w + 3);
    }

    /** The last part of a path: pain.exception_rate → exception_rate. */
    static String shortName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String lpad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    /** The two-way sweep's JSON (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] json(TwoWaySweep s) {
        return SummaryJson.pretty(g -> {
            g.writeStartObject();
            g.writeStringField("scenario", s.scenario());
            g.writeArrayFieldStart("inputs");
            g.writeString(s.xPath());
            g.writeString(s.yPath());
            g.writeEndArray();
            g.writeStringField("currency", s.currency());
            g.writeNumberField("trials", s.trials());
            g.writeNumberField("seed", s.seed());
            SummaryJson.number(g, "payback_confidence", s.confidence());
            g.writeNumberField("payback_months", Sweep.PAYBACK_MONTHS);
            g.writeStringField("sampling", s.sampling());
            OverridesText.json(g, s.overrides());
            values(g, "x_values", s.xs());
            values(g, "y_values", s.ys());
            g.writeArrayFieldStart("cells");
            for (int iy = 0; iy < s.ys().size(); iy++) {
                for (int ix = 0; ix < s.xs().size(); ix++) {
                    g.writeStartObject();
                    SummaryJson.number(g, "x", s.xs().get(ix));
                    SummaryJson.number(g, "y", s.ys().get(iy));
                    g.writeObjectFieldStart("options");
                    for (Sweep.OptionInfo o : s.options()) {
                        Sweep.Figures f = s.at(o.id(), ix, iy);
                        g.writeObjectFieldStart(o.id());
                        SummaryJson.number(g, "mean_npv", f.meanNpv());
                        SummaryJson.number(g, "p_payback_12", f.pPayback12());
                        SummaryJson.number(g, "p_best", f.pBest());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                    SummaryJson.number(g, "p_best_status_quo", s.statusQuoBest(ix, iy));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("break_even");
            for (Sweep.OptionInfo o : s.options()) {
                g.writeObjectFieldStart(o.id());
                line(g, "mean_npv_zero", s.npvBreakEven(o.id()));
                line(g, "payback_12_at_confidence", s.paybackBreakEven(o.id()));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void values(JsonGenerator g, String name, List<Double> xs) throws IOException {
        g.writeArrayFieldStart(name);
        for (double x : xs) {
            g.writeNumber(x);
        }
        g.writeEndArray();
    }

    private static void line(JsonGenerator g, String name, List<TwoWaySweep.LinePoint> line) throws IOException {
        g.writeArrayFieldStart(name);
        for (TwoWaySweep.LinePoint p : line) {
            g.writeStartObject();
            SummaryJson.number(g, "y", p.y());
            g.writeArrayFieldStart("x");
            for (Sweep.Crossing c : p.crossings()) {
                g.writeStartObject();
                SummaryJson.number(g, "value", c.value());
                g.writeStringField("direction", c.rising() ? "rising" : "falling");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The two-way sweep's CSV: one row per cell and option (status_quo with its P(best) only). */
    public static void csv(TwoWaySweep s, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("input_x", "value_x", "input_y", "value_y", "option", "mean_npv", "p_payback_12",
                    "p_best");
            for (int iy = 0; iy < s.ys().size(); iy++) {
                for (int ix = 0; ix < s.xs().size(); ix++) {
                    String x = SweepReport.num(s.xs().get(ix));
                    String y = SweepReport.num(s.ys().get(iy));
                    for (Sweep.OptionInfo o : s.options()) {
                        Sweep.Figures f = s.at(o.id(), ix, iy);
                        p.printRecord(CsvCells.safe(s.xPath(), x, s.yPath(), y, o.id(), f.meanNpv(), f.pPayback12(),
                                f.pBest()));
                    }
                    p.printRecord(CsvCells.safe(s.xPath(), x, s.yPath(), y, "status_quo", 0.0, "",
                            s.statusQuoBest(ix, iy)));
                }
            }
        }
    }
}
