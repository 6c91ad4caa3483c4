package dev.payback.report.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.analysis.Comparison;
import dev.payback.analysis.Money;
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
            return m.texts().get(i) == null ? "absent" : m.texts().get(i);
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
        if (d == 0) {
            return "0";
        }
        String sign = d > 0 ? "+" : "";
        if (m.unit() == Comparison.Unit.MONEY) {
            return sign + Money.compact(d, currency);
        }
        return (d > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f pp", Math.abs(d) * 100);
    }

    /** The console table (ending in a newline). */
    public static String table(Comparison c) {
        StringBuilder b = new StringBuilder();
        List<Comparison.ScenarioInfo> sc = c.scenarios();
        for (int i = 0; i < sc.size(); i++) {
            b.append(String.format(Locale.ROOT, "[%d] %s (%s; %,d trials, seed %d)%n", i + 1, sc.get(i).name(),
                    sc.get(i).file(), sc.get(i).trials(), sc.get(i).seed()));
        }
        b.append("Differences are against [1].\n\n");
        int labelWidth = 12;
        for (Comparison.Metric m : c.metrics()) {
            labelWidth = Math.max(labelWidth, m.label().length());
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + labelWidth + "s", "figure"));
        for (int i = 0; i < sc.size(); i++) {
            head.append(String.format(Locale.ROOT, " | %-12s", "[" + (i + 1) + "]"));
            if (i > 0) {
                head.append(String.format(Locale.ROOT, " %-10s", "vs [1]"));
            }
        }
        b.append(head).append('\n');
        for (Comparison.Metric m : c.metrics()) {
            b.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", m.label()));
            for (int i = 0; i < sc.size(); i++) {
                b.append(String.format(Locale.ROOT, " | %-12s", value(m, i, sc.get(i).currency())));
                if (i > 0) {
                    b.append(String.format(Locale.ROOT, " %-10s", difference(m, i, sc.get(i).currency())));
                }
            }
            b.append('\n');
        }
        if (!sameCurrency(c)) {
            b.append("\nThe scenarios use different currencies: money differences are not computed.\n");
        }
        return b.toString();
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("metrics");
            for (Comparison.Metric m : c.metrics()) {
                g.writeStartObject();
                g.writeStringField("key", m.key());
                g.writeStringField("label", m.label());
                g.writeStringField("unit", m.unit().name().toLowerCase(Locale.ROOT));
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
                    "difference_vs_first");
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
                            s.name(), value, diff));
                }
            }
        }
    }

    /** compare.html: one self-contained page. */
    public static byte[] html(Comparison c) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (int i = 0; i < c.scenarios().size(); i++) {
            Comparison.ScenarioInfo s = c.scenarios().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i + 1);
            m.put("name", s.name());
            m.put("file", s.file());
            m.put("meta", String.format(Locale.ROOT, "%s, %,d trials, seed %d", s.currency(), s.trials(), s.seed()));
            m.put("notFirst", i > 0);
            scenarios.add(m);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Comparison.Metric m : c.metrics()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", m.label());
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
                cell.put("diffClass", d.startsWith("+") ? "up" : d.startsWith("−") || d.equals("changed")
                        ? "down" : "same");
                cells.add(cell);
            }
            row.put("cells", cells);
            rows.add(row);
        }
        view.put("scenarios", scenarios);
        view.put("rows", rows);
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
