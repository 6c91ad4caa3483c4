package dev.payback.report;

import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.engine.Kpis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the tracking plan (docs/model.md section 8): what each KPI is called, how its values are
 * written, and the checklist in plain sentences. Shared by report.html, the workbook, the console
 * and {@code payback pilot}; the numbers come from {@link Summary#kpis()}.
 */
public final class TrackingPlan {
    private TrackingPlan() {
    }

    /**
     * One KPI as people read it.
     *
     * @param key    its summary.json name
     * @param name   the table's row name
     * @param fmt    its {@link HtmlReport#format} format
     * @param before the words before the value in a checklist sentence ("exceptions at or below")
     * @param after  the words after it (" of orders")
     */
    public record Kpi(String key, String name, String fmt, String before, String after) {
        /** The short name of tables and the console: "Exceptions", "Labor / order", ... */
        public String shortName() {
            return switch (key) {
                case "exception_rate" -> "Exceptions";
                case "labor_cost_per_order" -> "Labor / order";
                case "margin_leakage" -> "Margin leakage";
                case "cash_in_excess_inventory" -> "Excess inventory";
                default -> "Pain / order";
            };
        }
    }

    /** The five KPIs in summary.json order. */
    public static final List<Kpi> KPIS = List.of(
            new Kpi("exception_rate", "Exception rate (share of orders needing a manual decision)", "pct1",
                    "exceptions at or below", " of orders"),
            new Kpi("labor_cost_per_order", "Labor cost per order (exception handling and reconciliation)", "cents",
                    "labor at or below", " per order"),
            new Kpi("margin_leakage", "Margin leakage (expedites, lost sales, write-offs; share of revenue)", "pct2",
                    "margin leakage at or below", " of revenue"),
            new Kpi("cash_in_excess_inventory", "Cash in excess inventory", "money",
                    "cash in excess inventory at or below", ""),
            new Kpi("pain_per_order", "Pain per order (all of the status quo's pain left, per order)", "cents",
                    "total pain at or below", " per order"));

    static {
        for (int k = 0; k < KPIS.size(); k++) {
            if (!KPIS.get(k).key().equals(Kpis.NAMES.get(k))) {
                throw new IllegalStateException("KPI words out of step with the engine: " + KPIS.get(k).key());
            }
        }
    }

    /** "90 days", "6 months", "12 months". */
    public static String monthName(int month) {
        return month == 3 ? "90 days" : month + " months";
    }

    /** A KPI value as the report writes it. */
    public static String value(Kpi kpi, double v, String currency) {
        return HtmlReport.format(kpi.fmt(), v, currency);
    }

    /** "At 90 days, exceptions at or below 9.8% of orders; worse than that, the case is off track." */
    public static String sentence(Kpi kpi, int month, double checklist, String currency) {
        return "At " + monthName(month) + ", " + kpi.before() + " " + value(kpi, checklist, currency) + kpi.after()
                + "; worse than that, the case is off track.";
    }

    /**
     * The option with the highest P(best) among the options (the status quo aside); ties go to the
     * option listed first.
     */
    public static Summary.OptionSummary leader(Summary s) {
        Summary.OptionSummary best = s.options().get(0);
        for (Summary.OptionSummary o : s.options()) {
            if (s.pBest().get(o.id()) > s.pBest().get(best.id())) {
                best = o;
            }
        }
        return best;
    }

    /**
     * The checklist of one option at one checkpoint in one sentence: every KPI's value, and, when the
     * option's median pain per order is not yet below doing nothing's, a warning that the checklist then
     * only guards against things getting worse.
     */
    public static String checkpointSentence(Summary s, String id, int month) {
        String cur = s.currency();
        Map<String, Double> check = s.kpiTrack(id).checklist().get(month);
        StringBuilder b = new StringBuilder("At " + monthName(month) + ", on track means ");
        for (int k = 0; k < KPIS.size(); k++) {
            Kpi kpi = KPIS.get(k);
            b.append(k == 0 ? "" : k == KPIS.size() - 1 ? " and " : ", ").append(kpi.before()).append(' ')
                    .append(value(kpi, check.get(kpi.key()), cur)).append(kpi.after());
        }
        b.append(" (met in ").append(dev.payback.report.Money.percent(s.options().get(0).paybackConfidence()))
                .append(" of futures); worse than that on any of them, the case is off track.");
        Stats option = s.kpiTrack(id).stats().get(month).get("pain_per_order");
        Stats today = s.kpiTrack(dev.payback.analysis.KpiTracks.STATUS_QUO).stats().get(month).get("pain_per_order");
        if (!(option.p50() < today.p50())) {
            b.append(" By then no improvement on doing nothing is expected yet at the median (pain per order ")
                    .append(dev.payback.report.Money.cents(option.p50(), cur)).append(" against ")
                    .append(dev.payback.report.Money.cents(today.p50(), cur))
                    .append("), so these values only guard against things getting worse.");
        }
        return b.toString();
    }

    /** The console's lines: the leading option's checklist, one line per checkpoint (empty without KPIs). */
    public static List<String> consoleLines(Summary s) {
        List<String> lines = new ArrayList<>();
        if (s.kpis().isEmpty()) {
            return lines;
        }
        Summary.OptionSummary lead = leader(s);
        String cur = s.currency();
        lines.add("Tracking plan for " + lead.id() + " (best option by NPV in "
                + dev.payback.report.Money.percent(s.pBest().get(lead.id())) + " of futures): on track at or below these values, each met in "
                + dev.payback.report.Money.percent(lead.paybackConfidence()) + " of futures");
        Map<Integer, Map<String, Double>> checklist = s.kpiTrack(lead.id()).checklist();
        for (Map.Entry<Integer, Map<String, Double>> e : checklist.entrySet()) {
            // one line per checkpoint, wrapped between KPIs under the first one, so that no KPI's name is
            // split from its value
            String label = String.format(Locale.ROOT, "  %-10s ", monthName(e.getKey()));
            StringBuilder b = new StringBuilder(label);
            for (int k = 0; k < KPIS.size(); k++) {
                Kpi kpi = KPIS.get(k);
                String item = kpi.shortName().toLowerCase(Locale.ROOT) + ' ' + value(kpi, e.getValue().get(kpi.key()), cur);
                boolean last = k == KPIS.size() - 1;
                if (k > 0 && b.length() + 1 + item.length() + (last ? 0 : 1) > ConsoleWidth.WIDTH) {
                    lines.add(b.toString());
                    b = new StringBuilder(" ".repeat(label.length()));
                } else if (k > 0) {
                    b.append(' ');
                }
                b.append(item).append(last ? "" : ",");
            }
            lines.add(b.toString());
        }
        return lines;
    }
}
