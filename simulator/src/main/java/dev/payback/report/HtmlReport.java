package dev.payback.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.payback.analysis.Stats;
import dev.payback.analysis.StandardErrors;
import dev.payback.analysis.CashFlow;
import dev.payback.analysis.PathPercentiles;
import dev.payback.analysis.Summary;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.Charts;
import dev.payback.report.charts.Palette;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: the business case as one self-contained page (inline CSS and SVG, nothing fetched),
 * rendered with mustache.java from {@code dev/payback/report/report.mustache}. Every text, scenario
 * strings included, goes through the template's HTML escaping; only the charts' SVG (drawn by
 * JFreeSVG, which XML-escapes its text) is inserted as markup. report.pdf is laid out from the same
 * page with an {@code <object>} in place of each SVG ({@link #renderForPdf}).
 *
 * <p>Each number taken from summary.json is written in an element carrying {@code data-json} (its
 * JSON pointer) and {@code data-fmt} (its format, see {@link #format}), so it can be checked.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * A chart as the report shows it, in its section ({@link Charts#SECTION_CHARTS} and the others):
     * {@code id} is the name of its files, {@code svg} its inline SVG element (not read by
     * {@link #renderForPdf}, for which it may be null).
     */
    public record Chart(String id, String heading, String caption, String svg, String section) {
        public Chart(String id, String heading, String caption, String svg) {
            this(id, heading, caption, svg, Charts.SECTION_CHARTS);
        }
    }

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/payback/report")
            .compile("report.mustache");

    /** The page, UTF-8. */
    public static byte[] render(SimulationResult r, Summary s, List<Chart> charts) {
        return render(r, s, charts, PdfReport.PageSize.forCurrency(s.currency()));
    }

    /** The page, UTF-8, its print style sheet on that paper size. */
    public static byte[] render(SimulationResult r, Summary s, List<Chart> charts, PdfReport.PageSize pageSize) {
        return render(r, s, charts, pageSize, PathFigures.of(r, s));
    }

    /**
     * What the page draws from the run's monthly paths: each option's quarterly cash flow and how many
     * trials the fan chart keeps. Computed before the paths are let go ({@code r} may then be a run
     * without them, {@link SimulationResult#withoutPaths()}).
     */
    public record PathFigures(List<List<CashFlow.Period>> quarters, int fanKept, boolean fanAllKept) {
        public PathFigures {
            quarters = quarters.stream().map(List::copyOf).toList();
        }

        public static PathFigures of(SimulationResult r, Summary s) {
            return of(PathPercentiles.of(r), s);
        }

        /** The page's figures from the percentiles of the run's monthly paths. */
        public static PathFigures of(PathPercentiles paths, Summary s) {
            List<List<CashFlow.Period>> q = new ArrayList<>();
            for (int k = 0; k < s.options().size(); k++) {
                q.add(CashFlow.quarters(paths, k));
            }
            return new PathFigures(q, paths.keptTrials(), paths.allKept());
        }
    }

    /** The page, UTF-8, its print style sheet on that paper size, with the figures drawn from the paths. */
    public static byte[] render(SimulationResult r, Summary s, List<Chart> charts, PdfReport.PageSize pageSize,
            PathFigures paths) {
        return render(r, s, charts, pageSize, paths, "svg");
    }

    /**
     * report.pdf's page: the page of {@link #render(SimulationResult, Summary, List, PdfReport.PageSize,
     * PathFigures)} with, in place of each chart's SVG, an empty {@code <object>} of type
     * {@link PdfReport#CHART_TYPE} whose {@code data-chart} names the chart's file ({@link Chart#id()};
     * the charts' {@code svg} is not read), styled as the SVG is (the same size and place), into which
     * {@link PdfReport} draws the chart itself.
     */
    public static byte[] renderForPdf(SimulationResult r, Summary s, List<Chart> charts, PdfReport.PageSize pageSize,
            PathFigures paths) {
        List<Chart> objects = charts.stream()
                .map(c -> new Chart(c.id(), c.heading(), c.caption(), chartObject(c.id()), c.section())).toList();
        return render(r, s, objects, pageSize, paths, "object");
    }

    /**
     * The {@code <object>} that stands for the chart with files {@code file} on report.pdf's page, with
     * the id of the chart's SVG in report.html (the summary's copy gets its own, as the SVG does).
     */
    static String chartObject(String file) {
        return "<object id=\"chart-svg-" + attribute(file) + "\" type=\"" + PdfReport.CHART_TYPE
                + "\" data-chart=\"" + attribute(file) + "\"></object>";
    }

    /** {@code text} escaped as the template escapes every other text of the page. */
    private static String attribute(String text) {
        java.io.StringWriter w = new java.io.StringWriter();
        com.github.mustachejava.util.HtmlEscaper.escape(text, w);
        return w.toString();
    }

    /** The page with each chart as {@code chartElement} (its markup in {@link Chart#svg()}) in the style sheet. */
    private static byte[] render(SimulationResult r, Summary s, List<Chart> charts, PdfReport.PageSize pageSize,
            PathFigures paths, String chartElement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Map<String, Object> model = model(r, s, charts, paths);
            model.put("pageSize", pageSize.css());
            model.put("chartElement", chartElement);
            TEMPLATE.execute(w, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Formats a number as the report shows it: {@code pct} 78%, {@code money} $1.2M, {@code whole}
     * $96,000, {@code num0} 24, {@code count} 100,000, {@code num1} 1.8, {@code signed2} (a correlation) +0.43, {@code pp} (a standard error in percentage
     * points) 0.13 pp, {@code pct2} 1.66%, {@code cents} $1.23 (per order), {@code score} 3.85 (a vendor score).
     */
    public static String format(String fmt, double v, String currency) {
        return switch (fmt) {
            case "pct" -> Money.percent(v);
            case "pct1" -> Money.percent1(v);
            case "pct2" -> Money.percent2(v);
            case "cents" -> Money.cents(v, currency);
            case "score" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
            case "money" -> Money.compact(v, currency);
            case "whole" -> Money.whole(v, currency);
            case "num0" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "n/a";
            case "count" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
            case "num1" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
            case "signed2" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f", v) : "n/a";
            case "pp" -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f pp", v * 100) : "n/a";
            default -> throw new IllegalArgumentException("unknown format " + fmt);
        };
    }

    // ---- the view model: maps and lists only, so the template sees nothing but text ----

    static Map<String, Object> model(SimulationResult r, Summary s, List<Chart> charts, PathFigures paths) {
        String cur = s.currency();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", OverridesText.title(s.scenario(), s.overrides()));
        m.put("overridesLine", s.overrides().isBase() ? null : OverridesText.line(s.overrides()));
        m.put("runLine", String.format(Locale.ROOT, "%s · random seed %d · %s · %s · %d-month "
                + "horizon · discount rate %s a year", SamplingText.futures(s.trials()), s.seed(), SamplingText.name(s.sampling()), cur,
                s.horizonMonths(), Money.percent1(r.scenario().discountRate())));
        m.put("executive", executive(r, s));
        m.put("todo", whatToDo(s, charts));

        Summary.Decision d = s.decision();
        m.put("verdict", Charts.verdict(d.verdict()));
        m.put("verdictCell", cell(verdictP(d), "/decision/verdict_probability/" + d.verdict(), "pct", cur));
        m.put("verdicts", List.of(
                row("name", "Operate the node (score below 15)",
                        "cell", cell(d.pOperate(), "/decision/verdict_probability/operate", "pct", cur)),
                row("name", "Improve the node and pilot orchestration (15 to 22)",
                        "cell", cell(d.pPilot(), "/decision/verdict_probability/pilot", "pct", cur)),
                row("name", "Orchestrate (above 22)",
                        "cell", cell(d.pOrchestrate(), "/decision/verdict_probability/orchestrate", "pct", cur))));
        m.put("scoreP10", cell(d.score().p10(), "/decision/score/p10", "num0", cur));
        m.put("scoreP50", cell(d.score().p50(), "/decision/score/p50", "num0", cur));
        m.put("scoreP90", cell(d.score().p90(), "/decision/score/p90", "num0", cur));
        m.put("recommendation", recommendation(s));

        List<Map<String, Object>> tests = new ArrayList<>();
        for (Summary.FiveTest t : s.fiveTests()) {
            tests.add(row("number", t.number(), "question", FiveTestText.question(t), "evidence",
                    FiveTestText.evidence(t, s.currency()),
                    "leans", t.leans(), "orchestrate", t.leans().equals("orchestrate")));
        }
        m.put("tests", tests);
        m.put("thresholds", thresholds(s));
        m.put("optionHeads", optionHeads(s));
        m.put("optionRows", optionRows(s));
        m.put("cashflow", cashFlow(paths, s));
        m.put("statusQuoBest", cell(s.pBest().get("status_quo"), "/p_best/status_quo", "pct", cur));
        m.put("vendors", TrackingHtml.vendors(s, charts));
        m.put("tracking", TrackingHtml.tracking(s, charts));
        m.put("charts", figures(charts, Charts.SECTION_CHARTS));
        m.put("pilotFirst", pilotFirst(s, charts));
        if (s.sensitivity() != null) {
            m.put("sensitivity", row(
                    "drivers", lines(SensitivityText.driversLines(s), false, cur),
                    "driverList", list(lines(SensitivityText.driversLines(s), true, cur)),
                    "driverCharts", figures(charts, Charts.SECTION_DRIVERS),
                    "measure", lines(SensitivityText.measureLines(s), false, cur),
                    "measureList", list(lines(SensitivityText.measureLines(s), true, cur)),
                    "measureCharts", figures(charts, Charts.SECTION_MEASURE)));
        }
        m.put("inputs", s.inputs().stream().map(in -> {
            dev.payback.scenario.Input spec = r.scenario().input(in.path());
            boolean pct = spec != null && (spec.domain() == dev.payback.scenario.Domain.UNIT
                    || spec.domain() == dev.payback.scenario.Domain.GROWTH);
            return row("path", in.path(), "name", InputWords.name(in.path()), "notation", in.notation(),
                    "words", spec == null ? in.notation() : InputWords.describe(spec),
                    "p10", inputNumber(in.p10(), pct), "p50", inputNumber(in.p50(), pct),
                    "p90", inputNumber(in.p90(), pct),
                    "clamped", Money.percent(in.clampedShare()), "anyClamped", in.clampedShare() > 0);
        }).toList());
        m.put("method", method(r, s, paths));
        m.put("rule", RecommendationText.rule(r.scenario().paybackMonths(), r.scenario().paybackConfidence()));
        m.put("glossary", Glossary.terms().stream().map(t -> row("term", t.term(), "meaning", t.meaning())).toList());
        m.put("standardErrors", standardErrors(s));
        m.put("standardErrorsNote", SamplingText.standardErrors(s.sampling()));
        return m;
    }

    /**
     * The first thing on the first page (and the PDF's one-page summary): the recommendation's
     * sentence and reasons, the headline figures of the option it names, and that option's fan.
     */
    static Map<String, Object> whatToDo(Summary s, List<Chart> charts) {
        String cur = s.currency();
        dev.payback.analysis.Recommendation rec = dev.payback.analysis.Recommendation.of(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentence", RecommendationText.sentence(s, rec));
        m.put("reasons", RecommendationText.reasons(s, rec));
        List<Map<String, Object>> rows = new ArrayList<>();
        Stats pain = s.annualizedPain();
        rows.add(row("name", "Doing nothing: what the problems cost in year one, median",
                "cell", cell(pain.p50(), "/annualized_pain/p50", "money", cur)));
        rows.add(row("name", "Share of year-one revenue, median",
                "cell", cell(s.painShareOfRevenue().p50(), "/pain_share_of_revenue/p50", "pct1", cur)));
        Summary.OptionSummary o = rec.branch() == dev.payback.analysis.Recommendation.Branch.PILOT
                ? rec.staged() : rec.subject();
        if (o != null) {
            String at = "/options/" + o.id() + "/";
            String within = RecommendationText.within(o.paybackMonths());
            rows.add(row("name", o.id() + ": expected NPV over " + s.horizonMonths() + " months (mean)",
                    "cell", cell(o.npv().mean(), at + "npv/mean", "money", cur)));
            rows.add(row("name", o.id() + ": chance of losing money (NPV below 0)",
                    "cell", cell(o.pNpvNegative(), at + "p_npv_negative", "pct", cur)));
            rows.add(row("name", o.id() + ": chance of paying back within " + within,
                    "cell", cell(o.paybackProbabilityAtBar(), at + "payback_bar/probability", "pct", cur)));
            rows.add(row("name", o.id() + ": one-time cost, quote median",
                    "cell", cell(o.oneTimeCost().p50(), at + "one_time_cost/p50", "whole", cur)));
            double max = o.maxOneTimeCostAtBar();
            rows.add(max < 0
                    ? row("name", o.id() + ": most it can cost up front and pay back within " + within + " in "
                    + Money.percent(o.paybackConfidence()) + " of futures", "text",
                    "nothing: it does not pay back within " + within + " even if free")
                    : row("name", o.id() + ": most it can cost up front and pay back within " + within + " in "
                    + Money.percent(o.paybackConfidence()) + " of futures",
                    "cell", cell(max, at + "payback_bar/max_one_time_cost", "whole", cur)));
            rows.add(row("name", o.id() + ": first-year cost, median",
                    "cell", cell(o.firstYearCost().p50(), at + "first_year_cost/p50", "money", cur)));
            for (Chart c : charts) {
                if (c.id().equals("payback-fan-" + o.id())) {
                    // the same drawing under other ids, so its definitions never clash with the chart's
                    m.put("fan", row("heading", c.heading(), "caption", c.caption(), "svg",
                            c.svg().replace("chart-svg-" + c.id(), "summary-svg-" + c.id())));
                }
            }
        }
        m.put("headline", rows);
        return m;
    }

    /** The cash flow by quarter of each option: P10, median and P90 of the quarter's net and of the position. */
    private static List<Map<String, Object>> cashFlow(PathFigures paths, Summary s) {
        String cur = s.currency();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Summary.OptionSummary o = s.options().get(k);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CashFlow.Period p : paths.quarters().get(k)) {
                String name = p.toMonth() == 0 ? "Start (one-time cost)"
                        : p.fromMonth() == p.toMonth() ? "Month " + p.toMonth()
                        : "Months " + p.fromMonth() + "–" + p.toMonth();
                rows.add(row("period", name,
                        "n10", Money.compact(p.net().p10(), cur), "n50", Money.compact(p.net().p50(), cur),
                        "n90", Money.compact(p.net().p90(), cur),
                        "c10", Money.compact(p.cumulative().p10(), cur), "c50", Money.compact(p.cumulative().p50(), cur),
                        "c90", Money.compact(p.cumulative().p90(), cur)));
            }
            out.add(row("id", o.id(), "colour", Palette.hex(Palette.option(k)), "rows", rows));
        }
        return out;
    }

    /** docs/model.md section 7: one "Pilot first?" block per staged strategy, big bang beside staged. */
    private static List<Map<String, Object>> pilotFirst(Summary s, List<Chart> charts) {
        String cur = s.currency();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Summary.OptionSummary st : s.options()) {
            if (st.gate() == null) {
                continue;
            }
            Summary.OptionSummary big = s.options().stream().filter(o -> o.id().equals(st.gate().twin()))
                    .findFirst().orElseThrow();
            String a = "/options/" + big.id() + "/";
            String b = "/options/" + st.id() + "/";
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(pair("Mean NPV", big.npv().mean(), st.npv().mean(), a, b, "npv/mean", "money", cur));
            rows.add(pair("P10 NPV (the bad case)", big.npv().p10(), st.npv().p10(), a, b, "npv/p10", "money", cur));
            rows.add(pair("P(NPV < 0): the chance of losing money", big.pNpvNegative(), st.pNpvNegative(), a, b,
                    "p_npv_negative", "pct", cur));
            for (int month : OptionColumns.CHECKPOINTS) {
                rows.add(pair("P(payback within " + dev.payback.engine.Checkpoint.labelOf(month) + ")",
                        big.paybackProbability().get(month),
                        st.paybackProbability().get(month), a, b, "payback_probability/" + month, "pct", cur));
            }
            rows.add(row("name", "Max one-time cost for a 12-month payback (" + Money.percent(st.paybackConfidence())
                    + " confidence)", "big", maxCostCell(big.maxOneTimeCost().get(12), a + "max_one_time_cost/12", cur),
                    "staged", maxCostCell(st.maxOneTimeCost().get(12), b + "max_one_time_cost/12", cur)));
            rows.add(pair("Mean one-time cost up front", big.oneTimeCost().mean(), st.oneTimeCost().mean(), a, b,
                    "one_time_cost/mean", "money", cur));
            String g = b + "gate/";
            List<Map<String, Object>> gate = List.of(
                    row("name", "The pilot says go", "cell", cell(st.gate().pGo(), g + "p_go", "pct", cur)),
                    row("name", "False go: expands where the big bang loses money", "cell",
                            cell(st.gate().pFalseGo(), g + "p_false_go", "pct", cur)),
                    row("name", "False stop: stops where the big bang would have made money", "cell",
                            cell(st.gate().pFalseStop(), g + "p_false_stop", "pct", cur)),
                    row("name", "Median observed reduction at the gate", "cell",
                            cell(st.gate().observedReduction().p50(), g + "observed_reduction/p50", "pct", cur)),
                    row("name", "Mean value of staging (NPV staged − NPV big bang)", "cell",
                            cell(st.gate().valueOfStaging().mean(), g + "value_of_staging/mean", "money", cur)));
            out.add(row("id", st.id(), "bigBang", big.id(), "staged", st.id(),
                    "paragraph", StagedText.paragraph(big, st, cur), "rows", rows, "gate", gate,
                    "charts", charts.stream().filter(c -> c.id().equals("pilot-first-" + st.id()))
                            .map(c -> row("id", c.id(), "heading", c.heading(), "caption", c.caption(), "svg", c.svg()))
                            .toList()));
        }
        return out;
    }

    private static Map<String, Object> pair(String name, double big, double staged, String a, String b, String key,
            String fmt, String cur) {
        return row("name", name, "big", cell(big, a + key, fmt, cur), "staged", cell(staged, b + key, fmt, cur));
    }

    static List<Map<String, Object>> figures(List<Chart> charts, String section) {
        return charts.stream().filter(c -> c.section().equals(section)).map(c -> row("id", c.id(), "heading",
                c.heading(), "caption", c.caption(), "svg", c.svg())).toList();
    }

    /** A list for the template's {@code {{#xList}}{{#items}}}: null (nothing rendered) when empty. */
    private static Map<String, Object> list(List<Map<String, Object>> items) {
        return items.isEmpty() ? null : row("items", items);
    }

    /** The sentences (items false) or the list items (items true) of a {@link SensitivityText} paragraph. */
    private static List<Map<String, Object>> lines(List<SensitivityText.Line> lines, boolean items, String cur) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SensitivityText.Line l : lines) {
            if (l.item() != items) {
                continue;
            }
            List<Map<String, Object>> parts = new ArrayList<>();
            for (SensitivityText.Part p : l.parts()) {
                parts.add(p.isNumber() ? row("text", "", "cell", row("text", p.render(cur), "key", p.pointer(),
                        "fmt", p.fmt())) : row("text", p.text(), "cell", false));
            }
            out.add(row("parts", parts));
        }
        return out;
    }

    private static double verdictP(Summary.Decision d) {
        return switch (d.verdict()) {
            case "operate" -> d.pOperate();
            case "pilot" -> d.pPilot();
            default -> d.pOrchestrate();
        };
    }

    /** The executive summary: plain sentences generated from the numbers. */
    static List<String> executive(SimulationResult r, Summary s) {
        String cur = s.currency();
        List<String> p = new ArrayList<>();
        Stats pain = s.annualizedPain();
        p.add("Doing nothing costs a median of " + Money.compact(pain.p50(), cur) + " a year (in 80% of futures between "
                + Money.compact(pain.p10(), cur) + " and " + Money.compact(pain.p90(), cur) + "): "
                + Money.percent1(s.painShareOfRevenue().p50()) + " of year-one revenue, or the work of "
                + format("num1", s.painFte().p50(), cur) + " full-time people.");

        List<Summary.OptionSummary> byPayback = new ArrayList<>(s.options());
        byPayback.sort(Comparator.comparingDouble((Summary.OptionSummary o) -> -o.paybackProbability().get(12)));
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < byPayback.size(); k++) {
            Summary.OptionSummary o = byPayback.get(k);
            String pct = Money.percent(o.paybackProbability().get(12));
            if (k == 0) {
                b.append(capitalize(o.id())).append(" pays back within 12 months in ").append(pct).append(" of ")
                        .append(SamplingText.futures(s.trials()));
            } else {
                b.append("; ").append(o.id()).append(" in ").append(pct);
            }
        }
        p.add(b.append('.').toString());

        for (Summary.OptionSummary o : byPayback) {
            double max = o.maxOneTimeCost().get(12);
            double quote = o.oneTimeCost().p50();
            String conf = Money.percent(o.paybackConfidence());
            if (max < 0) {
                p.add(capitalize(o.id()) + " does not pay back within 12 months with " + conf
                        + " confidence even if free: in more than " + Money.percent(1 - o.paybackConfidence())
                        + " of futures its first-year running costs outweigh what it removes. The quote's median is "
                        + Money.whole(quote, cur) + ".");
            } else {
                p.add("To pay back within 12 months with " + conf + " confidence, " + o.id()
                        + "'s one-time cost must stay under " + Money.whole(max, cur) + "; the quote's median is "
                        + Money.whole(quote, cur) + (quote <= max ? ", within that limit." : ", "
                        + Money.whole(quote - max, cur) + " above it."));
            }
        }

        StringBuilder npv = new StringBuilder("Over the " + s.horizonMonths() + "-month horizon the median NPV is ");
        for (int k = 0; k < s.options().size(); k++) {
            Summary.OptionSummary o = s.options().get(k);
            npv.append(k == 0 ? "" : k == s.options().size() - 1 ? " and " : ", ")
                    .append(Money.compact(o.npv().p50(), cur)).append(" for ").append(o.id())
                    .append(" (negative in ").append(Money.percent(o.pNpvNegative())).append(" of futures)");
        }
        p.add(npv.append('.').toString());

        Summary.OptionSummary best = mostOftenBest(s);
        p.add(capitalize(best.id()) + " is the best choice, by NPV, in " + Money.percent(s.pBest().get(best.id()))
                + " of futures; doing nothing is best in " + Money.percent(s.pBest().get("status_quo")) + ".");

        Summary.Decision d = s.decision();
        p.add("The framework's decision matrix scores the business " + format("num0", d.score().p50(), cur)
                + " of 30 at the median (P10 " + format("num0", d.score().p10(), cur) + ", P90 "
                + format("num0", d.score().p90(), cur) + "): " + Charts.verdict(d.verdict()) + " in "
                + Money.percent(verdictP(d)) + " of futures.");
        String tension = tension(s);
        if (tension != null) {
            p.add(tension);
        }
        return p;
    }

    /**
     * The tension a CFO would notice, or null when there is none: the option most often best by NPV
     * (the leader) is not the one most likely to pay back within 12 months. The sentence says what
     * the decision matrix says, the leader's P(best) and median NPV, how much more often the faster
     * option pays back, whether the leader's quote fits the most it can cost for a 12-month payback at
     * the confidence, and what the choice therefore turns on.
     */
    static String tension(Summary s) {
        String cur = s.currency();
        Summary.OptionSummary lead = mostOftenBest(s);
        Summary.OptionSummary fast = lead;
        for (Summary.OptionSummary o : s.options()) {
            if (o.paybackProbability().get(12) > fast.paybackProbability().get(12)) {
                fast = o;
            }
        }
        if (fast == lead) {
            return null;
        }
        String verdict = s.decision().verdict();
        String leadFigures = lead.id() + " (the best choice by NPV in " + Money.percent(s.pBest().get(lead.id()))
                + " of futures, median NPV " + Money.compact(lead.npv().p50(), cur) + ")";
        String faster = fast.id() + " pays back within 12 months more often ("
                + Money.percent(fast.paybackProbability().get(12)) + " of futures against "
                + Money.percent(lead.paybackProbability().get(12)) + ")";
        StringBuilder b = new StringBuilder();
        if (verdict.equals(lead.kind())) {
            b.append("The decision matrix and the NPV both point to ").append(leadFigures).append(", yet ")
                    .append(faster);
        } else {
            b.append("The NPV points to ").append(leadFigures).append(", but the decision matrix says ")
                    .append(Charts.verdict(verdict)).append(", and ").append(faster);
        }
        double max = lead.maxOneTimeCost().get(12);
        double quote = lead.oneTimeCost().p50();
        String conf = Money.percent(lead.paybackConfidence());
        if (max < 0) {
            b.append("; ").append(lead.id()).append(" does not pay back within 12 months with ").append(conf)
                    .append(" confidence even if free");
        } else {
            b.append("; ").append(lead.id()).append("'s quote median (").append(Money.whole(quote, cur))
                    .append(quote > max ? ") exceeds" : ") is within")
                    .append(" the most it can cost and still pay back within 12 months with ").append(conf)
                    .append(" confidence (").append(Money.whole(max, cur)).append(")");
        }
        b.append(". What to do, weighing the two by the scenario's payback bar, is at the top of this report.");
        return b.toString();
    }

    private static List<String> recommendation(Summary s) {
        List<String> lines = new ArrayList<>();
        Summary.OptionSummary best = mostOftenBest(s);
        long lean = s.fiveTests().stream().filter(t -> t.leans().equals("orchestrate")).count();
        lines.add(lean + " of the framework's 5 tests " + (lean == 1 ? "leans" : "lean") + " towards orchestration, "
                + (5 - lean) + " towards operating the node.");
        lines.add("On the money, " + best.id() + " has the highest NPV in "
                + Money.percent(s.pBest().get(best.id())) + " of futures; its median NPV is "
                + Money.compact(best.npv().p50(), s.currency()) + " and it pays back within 12 months in "
                + Money.percent(best.paybackProbability().get(12)) + " of them.");
        return lines;
    }

    private static Summary.OptionSummary mostOftenBest(Summary s) {
        Summary.OptionSummary best = s.options().get(0);
        for (Summary.OptionSummary o : s.options()) {
            if (s.pBest().get(o.id()) > s.pBest().get(best.id())) {
                best = o;
            }
        }
        return best;
    }

    private static List<Map<String, Object>> thresholds(Summary s) {
        String cur = s.currency();
        Summary.Thresholds t = s.thresholds();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(threshold("Pain reaches 1.5% of revenue", t.painShareGe1_5pct(), "pain_share_ge_1_5pct", cur));
        rows.add(threshold("Pain reaches 3% of revenue", t.painShareGe3pct(), "pain_share_ge_3pct", cur));
        rows.add(threshold("Pain reaches 5% of revenue", t.painShareGe5pct(), "pain_share_ge_5pct", cur));
        rows.add(threshold("Pain is worth the work of 1 full-time person or more", t.fteGe1(), "fte_ge_1", cur));
        rows.add(threshold("Pain is worth the work of 2 full-time people or more", t.fteGe2(), "fte_ge_2", cur));
        rows.add(threshold("10% of orders or more need a manual decision", t.exceptionRateGe10pct(),
                "exception_rate_ge_10pct", cur));
        rows.add(threshold("15% of orders or more need a manual decision", t.exceptionRateGe15pct(),
                "exception_rate_ge_15pct", cur));
        rows.add(threshold("Inventory records are less than 95% accurate", t.inventoryAccuracyLt95pct(),
                "inventory_accuracy_lt_95pct", cur));
        rows.add(threshold("Reconciliation takes 4 hours a week or more (10% of a 40-hour week)",
                t.reconciliationGe10pctOfWeek(), "reconciliation_ge_10pct_of_week", cur));
        Map<String, Object> paths = row("name", "Two or more fulfillment paths", "fixed", true,
                "fixedValue", t.fulfillmentPathsGe2() ? "yes, in every future" : "no", "pass", t.fulfillmentPathsGe2());
        rows.add(paths);
        for (Summary.OptionSummary o : s.options()) {
            Map<String, Object> r = threshold("The whole annualized pain exceeds " + o.id() + "'s first-year cost",
                    o.pPainExceedsFirstYearCost(), null, cur);
            r.put("cell", cell(o.pPainExceedsFirstYearCost(), "/options/" + o.id() + "/p_pain_exceeds_first_year_cost",
                    "pct", cur));
            rows.add(r);
            Map<String, Object> y = threshold("What " + o.id() + " removes in its first year exceeds its first-year cost",
                    o.pYearOneBenefitExceedsFirstYearCost(), null, cur);
            y.put("cell", cell(o.pYearOneBenefitExceedsFirstYearCost(),
                    "/options/" + o.id() + "/p_year_one_benefit_exceeds_first_year_cost", "pct", cur));
            rows.add(y);
        }
        return rows;
    }

    private static Map<String, Object> threshold(String name, double p, String key, String cur) {
        return row("name", name, "cell", key == null ? null : cell(p, "/thresholds/" + key, "pct", cur),
                "pass", p >= 0.5);
    }

    private static List<Map<String, Object>> optionHeads(Summary s) {
        List<Map<String, Object>> heads = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Summary.OptionSummary o = s.options().get(k);
            heads.add(row("id", o.id(), "label", o.label(), "kind", o.kind(), "colour", Palette.hex(Palette.option(k))));
        }
        return heads;
    }

    private static List<Map<String, Object>> optionRows(Summary s) {
        String cur = s.currency();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(optionRow(s, "One-time cost, quote median", o -> o.oneTimeCost().p50(), "one_time_cost/p50", "whole"));
        rows.add(optionRow(s, "First-year cost, median", o -> o.firstYearCost().p50(), "first_year_cost/p50", "money"));
        for (int m : OptionColumns.CHECKPOINTS) {
            String name = dev.payback.engine.Checkpoint.labelOf(m);
            rows.add(optionRow(s, "P(payback within " + name + ")", o -> o.paybackProbability().get(m),
                    "payback_probability/" + m, "pct"));
        }
        rows.add(optionRow(s, "Payback month, median of those that pay back", o -> o.paybackMonth().p50(),
                "payback_month/p50", "num0"));
        rows.add(optionRow(s, "P(no payback within the horizon)", o -> o.pNoPayback(), "p_no_payback", "pct"));
        for (int m : OptionColumns.CHECKPOINTS) {
            String name = dev.payback.engine.Checkpoint.labelOf(m);
            Map<String, Object> max = optionRow(s, "Max one-time cost for payback within " + name + " at "
                            + Money.percent(s.options().get(0).paybackConfidence()) + " confidence",
                    o -> o.maxOneTimeCost().get(m), "max_one_time_cost/" + m, "whole");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) max.get("cells");
            for (int k = 0; k < cells.size(); k++) {
                Summary.OptionSummary o = s.options().get(k);
                cells.set(k, maxCostCell(o.maxOneTimeCost().get(m), "/options/" + o.id() + "/max_one_time_cost/" + m,
                        cur));
            }
            rows.add(max);
        }
        rows.add(optionRow(s, "NPV, P10", o -> o.npv().p10(), "npv/p10", "money"));
        rows.add(optionRow(s, "NPV, median", o -> o.npv().p50(), "npv/p50", "money"));
        rows.add(optionRow(s, "NPV, P90", o -> o.npv().p90(), "npv/p90", "money"));
        rows.add(optionRow(s, "P(NPV < 0)", o -> o.pNpvNegative(), "p_npv_negative", "pct"));
        rows.add(optionRow(s, "ROI over the horizon, median", o -> o.roi() == null ? Double.NaN : o.roi().p50(),
                "roi/p50", "pct"));
        rows.add(optionRow(s, "P(annualized pain > first-year cost)", o -> o.pPainExceedsFirstYearCost(),
                "p_pain_exceeds_first_year_cost", "pct"));
        List<Map<String, Object>> best = new ArrayList<>();
        for (Summary.OptionSummary o : s.options()) {
            best.add(cell(s.pBest().get(o.id()), "/p_best/" + o.id(), "pct", cur));
        }
        rows.add(row("name", "P(best option by NPV)", "cells", best));
        return rows;
    }

    private interface Value {
        double of(Summary.OptionSummary o);
    }

    private static Map<String, Object> optionRow(Summary s, String name, Value v, String key, String fmt) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Summary.OptionSummary o : s.options()) {
            double x = v.of(o);
            cells.add(cell(x, Double.isFinite(x) ? "/options/" + o.id() + "/" + key : null, fmt, s.currency()));
        }
        return row("name", name, "cells", cells);
    }

    private static Map<String, Object> method(SimulationResult r, Summary s, PathFigures paths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trials", cell(s.trials(), "/trials", "count", s.currency()));
        m.put("seed", cell(s.seed(), "/seed", "num0", s.currency()));
        m.put("horizon", s.horizonMonths());
        m.put("discount", Money.percent1(r.scenario().discountRate()));
        m.put("confidence", Money.percent(r.scenario().paybackConfidence()));
        m.put("fanTrials", String.format(Locale.ROOT, "%,d", paths.fanKept()));
        m.put("fanSubsample", !paths.fanAllKept());
        m.put("rowSubsample", !r.allRetained());
        m.put("rowTrials", String.format(Locale.ROOT, "%,d", r.retained()));
        // the standard error of a p-quantile's rank, sqrt(p(1−p)/rows), at its largest (the median)
        m.put("rowRankError", String.format(Locale.ROOT, "%.2f percentage points",
                100 * StandardErrors.medianRank(Math.max(1, r.retained()))));
        m.put("correlations", r.scenario().correlations().size());
        m.put("sampling", SamplingText.sentence(s.sampling()));
        return m;
    }

    private static List<Map<String, Object>> standardErrors(Summary s) {
        String cur = s.currency();
        int n = s.trials();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.OptionSummary o : s.options()) {
            for (int m : OptionColumns.CHECKPOINTS) {
                String name = dev.payback.engine.Checkpoint.labelOf(m);
                rows.add(se(o.id() + ": P(payback within " + name + ")", o.paybackProbability().get(m),
                        "/options/" + o.id() + "/payback_probability/" + m, n, cur));
            }
            rows.add(se(o.id() + ": P(NPV < 0)", o.pNpvNegative(), "/options/" + o.id() + "/p_npv_negative", n, cur));
            rows.add(se(o.id() + ": P(best)", s.pBest().get(o.id()), "/p_best/" + o.id(), n, cur));
        }
        rows.add(se("Status quo: P(best)", s.pBest().get("status_quo"), "/p_best/status_quo", n, cur));
        Summary.Decision d = s.decision();
        rows.add(se("P(verdict " + d.verdict() + ")", verdictP(d), "/decision/verdict_probability/" + d.verdict(), n,
                cur));
        rows.add(se("P(pain at least 1.5% of revenue)", s.thresholds().painShareGe1_5pct(),
                "/thresholds/pain_share_ge_1_5pct", n, cur));
        rows.add(se("P(pain worth at least 1 FTE)", s.thresholds().fteGe1(), "/thresholds/fte_ge_1", n, cur));
        return rows;
    }

    private static Map<String, Object> se(String name, double p, String key, int n, String cur) {
        return row("name", name, "cell", cell(p, key, "pct1", cur),
                "se", format("pp", StandardErrors.share(p, n), cur));
    }

    /**
     * A max one-time cost: the amount, or "none, even if free" when the ceiling is negative (the option
     * misses the bar even at a one-time cost of zero), which is never shown as a price.
     */
    static Map<String, Object> maxCostCell(double v, String jsonPointer, String currency) {
        return v < 0 ? row("text", Money.NO_PRICE, "key", null, "fmt", null)
                : cell(v, Double.isFinite(v) ? jsonPointer : null, "whole", currency);
    }

    static Map<String, Object> cell(double v, String jsonPointer, String fmt, String currency) {
        return row("text", format(fmt, v, currency), "key", jsonPointer, "fmt", fmt);
    }

    private static String inputNumber(double x, boolean pct) {
        return pct && Double.isFinite(x) ? InputWords.n(Math.round(x * 10000) / 10000.0, true) : number(x);
    }

    private static String number(double x) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 10) {
            return strip(String.format(Locale.ROOT, "%.1f", x));
        }
        if (a >= 1) {
            return strip(String.format(Locale.ROOT, "%.2f", x));
        }
        return strip(String.format(Locale.ROOT, "%.3f", x));
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
