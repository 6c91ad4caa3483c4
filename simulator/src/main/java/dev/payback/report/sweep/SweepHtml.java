package dev.payback.report.sweep;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.report.Money;
import dev.payback.report.InputWords;
import dev.payback.analysis.Sweep;
import dev.payback.analysis.TwoWaySweep;
import dev.payback.report.OverridesText;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Palette;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * sweep-&lt;input&gt;.html: a self-contained page (inline CSS and SVG, no script) in the style of
 * report.html, with the break-even values, the chart (one input) or heat maps (two inputs) and the
 * figures, each option in its colour of every other chart ({@link Palette}).
 */
public final class SweepHtml {
    private static final String TEMPLATE = "dev/payback/report/sweep/sweep.html.mustache";
    private static final Color GOOD = new Color(0x0a6e4f);
    private static final Color BAD = new Color(0x9b2c00);

    private SweepHtml() {
    }

    /** The page of a one-way sweep. */
    public static byte[] render(Sweep s, String stem) {
        Map<String, Object> m = header(s.scenario(), List.of(s.path()), s.trials(), s.seed(), s.sampling(),
                s.overrides(), stem, "value");
        String q = Money.percent(s.confidence());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Sweep.OptionInfo o = s.options().get(k);
            findings.add(finding(k, o.id() + ": mean NPV crosses 0 at "
                    + crossings(s.path(), s.npvBreakEven(o.id()), s.currency())
                    + "; P(payback within 12 months) crosses " + q + " at "
                    + crossings(s.path(), s.paybackBreakEven(o.id()), s.currency()) + "."));
        }
        m.put("findings", findings);
        m.put("chart", Map.of("svg", ChartImages.svgElement(SweepChart.chart(s), "sweep"), "caption",
                "Top: mean NPV; bottom: P(payback within 12 months) with the payback confidence " + q
                        + ". Dotted vertical lines mark the break-even values, in the option's colour."));
        List<Map<String, Object>> heads = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            heads.add(Map.of("id", s.options().get(k).id(), "colour", Palette.hex(Palette.option(k))));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Sweep.Step st : s.steps()) {
            List<String> cells = new ArrayList<>();
            for (Sweep.OptionInfo o : s.options()) {
                Sweep.Figures f = st.options().get(o.id());
                cells.add(Money.compact(f.meanNpv(), s.currency()));
                cells.add(Money.percent(f.pPayback12()));
                cells.add(Money.percent(f.pBest()));
            }
            cells.add(Money.percent(st.pBestStatusQuo()));
            rows.add(Map.of("value", SweepReport.heading(s.path(), st.value(), s.currency()), "cells", cells));
        }
        m.put("oneWay", Map.of("optionHeads", heads, "rows", rows));
        return execute(m);
    }

    /** The page of a two-way sweep: per option a heat map of P(payback ≤ 12) and one of mean NPV. */
    public static byte[] render(TwoWaySweep s, String stem) {
        Map<String, Object> m = header(s.scenario(), List.of(s.xPath(), s.yPath()), s.trials(), s.seed(),
                s.sampling(), s.overrides(), stem, "cell");
        m.put("yPath", s.yPath());
        String q = Money.percent(s.confidence());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Sweep.OptionInfo o = s.options().get(k);
            findings.add(finding(k, o.id() + ": mean NPV crosses 0 along " + s.xPath() + " at "
                    + line(s, s.npvBreakEven(o.id())) + "."));
            findings.add(finding(k, o.id() + ": P(payback within 12 months) crosses " + q + " along " + s.xPath()
                    + " at " + line(s, s.paybackBreakEven(o.id())) + "."));
        }
        m.put("findings", findings);
        List<String> xs = s.xs().stream().map(x -> SweepReport.heading(s.xPath(), x, s.currency())).toList();
        double maxAbs = 0;
        for (Sweep.OptionInfo o : s.options()) {
            for (int iy = 0; iy < s.ys().size(); iy++) {
                for (int ix = 0; ix < s.xs().size(); ix++) {
                    double v = s.at(o.id(), ix, iy).meanNpv();
                    if (Double.isFinite(v)) {
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                    }
                }
            }
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Sweep.OptionInfo o = s.options().get(k);
            Color c = Palette.option(k);
            List<Map<String, Object>> pRows = new ArrayList<>();
            List<Map<String, Object>> nRows = new ArrayList<>();
            for (int iy = s.ys().size() - 1; iy >= 0; iy--) {
                List<Map<String, Object>> pc = new ArrayList<>();
                List<Map<String, Object>> nc = new ArrayList<>();
                for (int ix = 0; ix < s.xs().size(); ix++) {
                    Sweep.Figures f = s.at(o.id(), ix, iy);
                    double p = f.pPayback12();
                    pc.add(cell(Money.percent(p), mix(c, p), p > 0.55 ? "#fff" : "#1d1d1f", p >= s.confidence()));
                    double v = f.meanNpv();
                    double a = maxAbs > 0 && Double.isFinite(v) ? Math.abs(v) / maxAbs : 0;
                    nc.add(cell(Money.compact(v, s.currency()), mix(v < 0 ? BAD : GOOD, a),
                            a > 0.55 ? "#fff" : "#1d1d1f", false));
                }
                String y = SweepReport.heading(s.yPath(), s.ys().get(iy), s.currency());
                pRows.add(Map.of("y", y, "cells", pc));
                nRows.add(Map.of("y", y, "cells", nc));
            }
            maps.add(heat(o.id(), c, "P(payback within 12 months)", "Darker is likelier; outlined cells reach the "
                    + "payback confidence " + q + ".", xs, pRows));
            maps.add(heat(o.id(), c, "mean NPV (" + s.currency() + ")", "Green is a gain, red a loss, darker is "
                    + "larger; the break-even line runs between the reds and the greens.", xs, nRows));
        }
        m.put("heatMaps", maps);
        return execute(m);
    }

    private static Map<String, Object> header(String scenario, List<String> paths, int trials, long seed,
            String sampling, dev.payback.scenario.RunOverrides o, String stem, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        StringBuilder title = new StringBuilder("Sweep of ");
        for (int k = 0; k < paths.size(); k++) {
            title.append(k == 0 ? "" : " and ").append(paths.get(k)).append(" (")
                    .append(InputWords.plainName(paths.get(k))).append(')');
        }
        m.put("title", OverridesText.title(title + " — " + scenario, o));
        m.put("runLine", String.format(Locale.ROOT, "%,d simulated futures per %s · seed %d · %s sampling · "
                + "every other input keeps its draws", trials, unit, seed, sampling));
        m.put("overridesLine", o.isBase() ? null : OverridesText.line(o));
        m.put("xPath", paths.get(0));
        m.put("stem", stem);
        return m;
    }

    private static Map<String, Object> finding(int k, String text) {
        return Map.of("colour", Palette.hex(Palette.option(k)), "text", text);
    }

    private static Map<String, Object> cell(String text, String bg, String fg, boolean met) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", text);
        c.put("bg", bg);
        c.put("fg", fg);
        c.put("met", met);
        return c;
    }

    private static Map<String, Object> heat(String id, Color c, String heading, String note, List<String> xs,
            List<Map<String, Object>> rows) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("id", id);
        h.put("colour", Palette.hex(c));
        h.put("heading", heading);
        h.put("note", note);
        h.put("xs", xs);
        h.put("rows", rows);
        return h;
    }

    /** White mixed with {@code c}: share 0 is white, 1 is c. */
    static String mix(Color c, double share) {
        double a = Math.max(0, Math.min(1, Double.isFinite(share) ? share : 0));
        int r = (int) Math.round(255 + (c.getRed() - 255) * a);
        int g = (int) Math.round(255 + (c.getGreen() - 255) * a);
        int b = (int) Math.round(255 + (c.getBlue() - 255) * a);
        return Palette.hex(new Color(r, g, b));
    }

    private static String crossings(String path, List<Sweep.Crossing> list, String currency) {
        if (list.isEmpty()) {
            return "no value in the swept range";
        }
        StringBuilder b = new StringBuilder();
        for (Sweep.Crossing c : list) {
            b.append(b.length() == 0 ? "" : " and ").append(path).append(" = ").append(SweepReport.shown(path, c.value(), currency))
                    .append(c.rising() ? " (better above)" : " (better below)");
        }
        return b.toString();
    }

    private static String line(TwoWaySweep s, List<TwoWaySweep.LinePoint> line) {
        StringBuilder b = new StringBuilder("(" + s.yPath() + " → value) ");
        boolean first = true;
        for (TwoWaySweep.LinePoint p : line) {
            b.append(first ? "" : "; ").append(SweepReport.heading(s.yPath(), p.y(), s.currency())).append(" → ");
            first = false;
            if (p.crossings().isEmpty()) {
                b.append("none in range");
            } else {
                for (int k = 0; k < p.crossings().size(); k++) {
                    b.append(k == 0 ? "" : ", ").append(SweepReport.shown(s.xPath(), p.crossings().get(k).value(),
                            s.currency()));
                }
            }
        }
        return b.toString();
    }

    private static byte[] execute(Map<String, Object> view) {
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
