package dev.payback.report.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.analysis.Comparison;
import dev.payback.report.Money;
import dev.payback.report.ConsoleSummary;
import dev.payback.report.OverridesText;
import dev.payback.report.SamplingText;
import dev.payback.report.SummaryJson;
import dev.payback.report.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Comparison} as a console table, compare.json, compare.csv and a self-contained
 * compare.html (inline CSS, no script, nothing fetched; rendered by a mustache template that
 * escapes every value).
 */
public final class CompareReport {
    private static final String TEMPLATE = "dev/payback/report/compare/compare.html.mustache";

    private CompareReport() {
    }

    /** A value for people: money compact, shares as percentages, "absent" when missing. */
    static String value(Comparison.Metric m, int i, String currency) {
        if (m.unit() == Comparison.Unit.TEXT) {
            String text = m.texts().get(i);
            if (text == null) {
                return "absent";
            }
            return m.key().equals("decision.verdict") ? ConsoleSummary.verdictText(text) : text;
        }
        Double v = m.numbers().get(i);
        if (v == null) {
            return "absent";
        }
        if (notEvenFree(m, i)) {
            return "not even free";
        }
        return m.unit() == Comparison.Unit.MONEY ? Money.compact(v, currency) : Money.percent(v);
    }

    /**
     * A negative max one-time cost is not a price: the option does not pay back in time even if
     * free, and the report says so instead of printing a negative amount.
     */
    static boolean notEvenFree(Comparison.Metric m, int i) {
        Double v = m.numbers().get(i);
        return m.key().contains(".max_one_time_cost.") && v != null && v < 0;
    }

    /**
     * A difference of shares smaller than the tenth of a percentage point it is shown to: "0", not a
     * "+0.0 pp" coloured as good or bad news (compare.json keeps the exact difference).
     */
    static boolean belowShown(Comparison.Metric m, double d) {
        return m.unit() == Comparison.Unit.SHARE
                && String.format(Locale.ROOT, "%.1f", Math.abs(d) * 100).equals("0.0");
    }

    /** A difference against the first scenario for people: +$12k, −3.5 pp, 0; "" when none. */
    static String difference(Comparison.Metric m, int i, String currency) {
        if (i == 0) {
            return "";
        }
        if (m.unit() == Comparison.Unit.TEXT) {
            return m.changed(i) ? "changed" : "same";
        }
        Double d = m.differences().get(i);
        if (notEvenFree(m, i) || notEvenFree(m, 0)) {
            return "";
        }
        if (d == null) {
            return m.numbers().get(i) == null || m.numbers().get(0) == null ? "" : "n/a";
        }
        if (d == 0 || belowShown(m, d)) {
            return "0";
        }
        String sign = d > 0 ? "+" : "";
        if (m.unit() == Comparison.Unit.MONEY) {
            return sign + Money.compact(d, currency);
        }
        return (d > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f pp", Math.abs(d) * 100);
    }

    /** The widest console line. */
    public static final int WIDTH = 100;

    /** Whether a difference is good news, bad news or neither (lower pain is good). */
    enum Tone { GOOD, BAD, SAME, NEUTRAL }

    /** The tone of run i's difference against the first. */
    static Tone tone(Comparison.Metric m, int i) {
        if (i == 0) {
            return Tone.NEUTRAL;
        }
        if (m.unit() == Comparison.Unit.TEXT) {
            return m.changed(i) ? Tone.NEUTRAL : Tone.SAME;
        }
        Double d = m.differences().get(i);
        if (d == null) {
            return Tone.NEUTRAL;
        }
        if (d == 0 || belowShown(m, d)) {
            return Tone.SAME;
        }
        return switch (m.better()) {
            case HIGHER -> d > 0 ? Tone.GOOD : Tone.BAD;
            case LOWER -> d < 0 ? Tone.GOOD : Tone.BAD;
            case NEITHER -> Tone.NEUTRAL;
        };
    }

    /** The label of a metric within its group: "mean NPV" under the option "orchestrate". */
    static String shortLabel(Comparison.Metric m) {
        String g = group(m);
        return g != null && MetricLabels.of(m.key()).startsWith(g + ": ") ? MetricLabels.of(m.key()).substring(g.length() + 2) : MetricLabels.of(m.key());
    }

    /** The option a metric belongs to (the id in options.&lt;id&gt;. or p_best.&lt;id&gt;), or null. */
    static String group(Comparison.Metric m) {
        String k = m.key();
        if (k.startsWith("options.")) {
            String rest = k.substring("options.".length());
            return rest.substring(0, rest.indexOf('.'));
        }
        if (k.startsWith("p_best.") && !k.equals("p_best.status_quo")) {
            return k.substring("p_best.".length());
        }
        return null;
    }

    /** A run's name with its overrides, e.g. "Acme [stress preset peak_season]". */
    static String runName(Comparison.ScenarioInfo s) {
        return OverridesText.title(s.name(), s.overrides());
    }

    /**
     * The console table (ending in a newline), at most {@link #WIDTH} characters wide: the figures
     * grouped by option; with more runs than fit, the runs are shown a few at a time beside [1].
     */
    public static String table(Comparison c) {
        StringBuilder b = new StringBuilder();
        List<Comparison.ScenarioInfo> sc = c.scenarios();
        for (int i = 0; i < sc.size(); i++) {
            Comparison.ScenarioInfo s = sc.get(i);
            String head = "[" + (i + 1) + "] ";
            b.append(wrap(head + runName(s), head.length()));
            b.append(wrap(String.format(Locale.ROOT, "%s; %,d trials, seed %d, %s", s.file(), s.trials(), s.seed(),
                    SamplingText.name(s.sampling())),
                    head.length(), head.length()));
        }
        b.append("Differences are against [1]; in compare.html good news is green, bad news red.\n\n");
        int labelWidth = 12;
        for (Comparison.Metric m : c.metrics()) {
            labelWidth = Math.max(labelWidth, 2 + shortLabel(m).length());
        }
        int valueWidth = 13;   // "not even free" whole
        int diffWidth = 10;
        labelWidth = Math.min(labelWidth, WIDTH - (3 + valueWidth) * 2 - (1 + diffWidth));
        int perChunk = Math.max(1, (WIDTH - labelWidth - 3 - valueWidth) / (3 + valueWidth + 1 + diffWidth));
        for (int from = 1; from < Math.max(2, sc.size()); from += perChunk) {
            List<Integer> cols = new ArrayList<>();
            cols.add(0);
            for (int i = from; i < Math.min(sc.size(), from + perChunk); i++) {
                cols.add(i);
            }
            if (from > 1) {
                b.append('\n');
            }
            StringBuilder head = new StringBuilder(pad("figure", labelWidth));
            for (int i : cols) {
                head.append(" | ").append(pad("[" + (i + 1) + "]", valueWidth));
                if (i > 0) {
                    head.append(' ').append(pad("vs [1]", diffWidth));
                }
            }
            b.append(head.toString().stripTrailing()).append('\n');
            String lastGroup = "";
            for (Comparison.Metric m : c.metrics()) {
                String g = group(m);
                String label;
                if (g == null) {
                    label = MetricLabels.of(m.key());
                    lastGroup = "";
                } else {
                    if (!g.equals(lastGroup)) {
                        b.append(g).append('\n');
                        lastGroup = g;
                    }
                    label = "  " + shortLabel(m);
                }
                StringBuilder row = new StringBuilder(pad(cut(label, labelWidth), labelWidth));
                for (int i : cols) {
                    row.append(" | ").append(pad(cut(value(m, i, sc.get(i).currency()), valueWidth), valueWidth));
                    if (i > 0) {
                        row.append(' ').append(pad(difference(m, i, sc.get(i).currency()), diffWidth));
                    }
                }
                b.append(row.toString().stripTrailing()).append('\n');
            }
        }
        String verdicts = verdictLines(c);
        if (!verdicts.isEmpty()) {
            b.append('\n').append(verdicts);
        }
        if (!c.inputs().isEmpty()) {
            b.append("\nInputs that differ between the runs:\n");
            for (Comparison.InputDifference d : c.inputs()) {
                b.append("  ").append(cut(d.path(), WIDTH - 2)).append('\n');
                for (int i = 0; i < d.values().size(); i++) {
                    String v = d.values().get(i) == null ? "absent" : d.values().get(i);
                    b.append(cut("    [" + (i + 1) + "] " + v, WIDTH)).append('\n');
                }
            }
        } else if (sc.size() > 1) {
            b.append("\nThe runs use the same inputs (they may differ in trials or seed).\n");
        }
        if (!sameCurrency(c)) {
            b.append("\nThe scenarios use different currencies: money differences are not computed.\n");
        }
        return b.toString();
    }

    /** The verdict of each run in words, one line each (the table cuts long ones). */
    private static String verdictLines(Comparison c) {
        StringBuilder b = new StringBuilder();
        for (Comparison.Metric m : c.metrics()) {
            if (m.key().equals("decision.verdict")) {
                b.append("Verdicts of the decision matrix:\n");
                for (int i = 0; i < c.scenarios().size(); i++) {
                    b.append(cut("  [" + (i + 1) + "] " + value(m, i, c.scenarios().get(i).currency()), WIDTH))
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** The text cut to {@code width} characters, ending in "..." when cut. */
    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
    }

    /** Prose wrapped at {@link #WIDTH}, continuation lines indented by {@code indent}. */
    static String wrap(String text, int indent) {
        return wrap(text, 0, indent);
    }

    private static String wrap(String text, int firstIndent, int indent) {
        StringBuilder b = new StringBuilder(" ".repeat(firstIndent));
        int col = firstIndent;
        boolean first = true;
        for (String word : text.split(" ")) {
            if (!first && col + 1 + word.length() > WIDTH) {
                b.append('\n').append(" ".repeat(indent));
                col = indent;
                first = true;
            }
            if (!first) {
                b.append(' ');
                col++;
            }
            if (word.length() > WIDTH - col) {
                word = cut(word, WIDTH - col);
            }
            b.append(word);
            col += word.length();
            first = false;
        }
        return b.append('\n').toString();
    }

    private static boolean sameCurrency(Comparison c) {
        return c.scenarios().stream().map(Comparison.ScenarioInfo::currency).distinct().count() == 1;
    }

    /** compare.json (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] json(Comparison c) {
        return SummaryJson.pretty(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("scenarios");
            for (Comparison.ScenarioInfo s : c.scenarios()) {
                g.writeStartObject();
                g.writeStringField("file", s.file());
                g.writeStringField("name", s.name());
                g.writeStringField("currency", s.currency());
                g.writeNumberField("trials", s.trials());
                g.writeNumberField("seed", s.seed());
                g.writeStringField("sampling", s.sampling());
                OverridesText.json(g, s.overrides());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("inputs_that_differ");
            for (Comparison.InputDifference d : c.inputs()) {
                g.writeStartObject();
                g.writeStringField("input", d.path());
                g.writeArrayFieldStart("values");
                for (String v : d.values()) {
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeString(v);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("metrics");
            for (Comparison.Metric m : c.metrics()) {
                g.writeStartObject();
                g.writeStringField("key", m.key());
                g.writeStringField("label", MetricLabels.of(m.key()));
                g.writeStringField("unit", m.unit().name().toLowerCase(Locale.ROOT));
                g.writeStringField("better", m.better().name().toLowerCase(Locale.ROOT));
                g.writeArrayFieldStart("values");
                for (int i = 0; i < c.scenarios().size(); i++) {
                    if (m.unit() == Comparison.Unit.TEXT) {
                        if (m.texts().get(i) == null) {
                            g.writeNull();
                        } else {
                            g.writeString(m.texts().get(i));
                        }
                    } else {
                        nullableNumber(g, m.numbers().get(i));
                    }
                }
                g.writeEndArray();
                if (m.unit() == Comparison.Unit.TEXT) {
                    g.writeArrayFieldStart("changed_vs_first");
                    for (int i = 0; i < c.scenarios().size(); i++) {
                        g.writeBoolean(m.changed(i));
                    }
                } else {
                    g.writeArrayFieldStart("difference_vs_first");
                    for (Double d : m.differences()) {
                        nullableNumber(g, d);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void nullableNumber(JsonGenerator g, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    /** compare.csv: one row per figure and scenario. */
    public static void csv(Comparison c, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("metric", "unit", "scenario_index", "scenario_file", "scenario", "value",
                    "difference_vs_first", "scenario_overrides");
            for (Comparison.Metric m : c.metrics()) {
                for (int i = 0; i < c.scenarios().size(); i++) {
                    Comparison.ScenarioInfo s = c.scenarios().get(i);
                    Object value;
                    Object diff;
                    if (m.unit() == Comparison.Unit.TEXT) {
                        value = m.texts().get(i) == null ? "" : m.texts().get(i);
                        diff = i == 0 ? "" : (m.changed(i) ? "changed" : "same");
                    } else {
                        value = m.numbers().get(i) == null ? "" : m.numbers().get(i);
                        diff = m.differences().get(i) == null ? "" : m.differences().get(i);
                    }
                    p.printRecord(CsvCells.safe(m.key(), m.unit().name().toLowerCase(Locale.ROOT), i + 1, s.file(),
                            s.name(), value, diff, OverridesText.describe(s.overrides())));
                }
            }
        }
    }

    /** One run's charts as inline {@code <svg>} elements (ids unique on the page). */
    public record RunCharts(String npvSvg, String paybackSvg) {
    }

    /** compare.html without charts. */
    public static byte[] html(Comparison c) {
        return html(c, List.of());
    }

    /** compare.html: one self-contained page; {@code charts} empty or one per run, drawn side by side. */
    public static byte[] html(Comparison c, List<RunCharts> charts) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (int i = 0; i < c.scenarios().size(); i++) {
            Comparison.ScenarioInfo s = c.scenarios().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i + 1);
            m.put("name", runName(s));
            m.put("file", s.file());
            m.put("meta", String.format(Locale.ROOT, "%s, %,d trials, seed %d, %s", s.currency(), s.trials(), s.seed(),
                    SamplingText.name(s.sampling())));
            m.put("notFirst", i > 0);
            scenarios.add(m);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Comparison.Metric m : c.metrics()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", MetricLabels.of(m.key()));
            row.put("groupStart", false);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < c.scenarios().size(); i++) {
                String cur = c.scenarios().get(i).currency();
                Map<String, Object> cell = new LinkedHashMap<>();
                String v = value(m, i, cur);
                cell.put("value", v);
                cell.put("absent", "absent".equals(v) && m.unit() != Comparison.Unit.TEXT
                        || m.unit() == Comparison.Unit.TEXT && m.texts().get(i) == null);
                cell.put("notFirst", i > 0);
                String d = difference(m, i, cur);
                cell.put("difference", d);
                cell.put("diffClass", switch (tone(m, i)) {
                    case GOOD -> "good";
                    case BAD -> "bad";
                    case SAME -> "same";
                    case NEUTRAL -> "neutral";
                });
                cells.add(cell);
            }
            row.put("cells", cells);
            rows.add(row);
        }
        view.put("scenarios", scenarios);
        view.put("rows", rows);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Comparison.InputDifference d : c.inputs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", d.path());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < d.values().size(); i++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("value", d.values().get(i) == null ? "absent" : d.values().get(i));
                cell.put("changed", i > 0 && !java.util.Objects.equals(d.values().get(i), d.values().get(0)));
                cells.add(cell);
            }
            row.put("cells", cells);
            inputs.add(row);
        }
        view.put("inputs", inputs);
        view.put("hasInputs", !inputs.isEmpty());
        view.put("sameInputs", inputs.isEmpty() && c.scenarios().size() > 1);
        if (charts.size() == c.scenarios().size() && !charts.isEmpty()) {
            List<Map<String, Object>> npv = new ArrayList<>();
            List<Map<String, Object>> payback = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                String caption = "[" + (i + 1) + "] " + runName(c.scenarios().get(i));
                npv.add(Map.of("caption", caption, "svg", charts.get(i).npvSvg()));
                payback.add(Map.of("caption", caption, "svg", charts.get(i).paybackSvg()));
            }
            view.put("charts", List.of(Map.of("heading", "NPV distribution", "runs", npv),
                    Map.of("heading", "Probability of payback", "runs", payback)));
            view.put("columns", Math.min(charts.size(), 3));
        }
        view.put("currencyNote", sameCurrency(c) ? null
                : "The scenarios use different currencies: money differences are not computed.");
        Mustache template = new DefaultMustacheFactory().compile(TEMPLATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            template.execute(w, view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
