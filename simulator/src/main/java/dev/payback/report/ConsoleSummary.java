package dev.payback.report;

import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;

import java.util.Locale;

/** The compact plain-text summary printed by {@code payback simulate}. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /** The summary as lines of text (ending in a newline). */
    public static String render(Summary s) {
        String cur = s.currency();
        StringBuilder b = new StringBuilder();
        b.append(s.scenario()).append('\n');
        if (!s.overrides().isBase()) {
            b.append(OverridesText.line(s.overrides())).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%s (trials), random seed %d, %s, %s, %d-month horizon%n%n",
                SamplingText.futures(s.trials()), s.seed(),
                SamplingText.name(s.sampling()),
                cur, s.horizonMonths()));
        b.append("Recommendation: ").append(RecommendationText.sentence(s)).append('\n');
        for (String reason : RecommendationText.reasons(s)) {
            b.append("  - ").append(reason).append('\n');
        }
        b.append('\n');

        b.append("Annualized pain of the status quo (year one)\n");
        Stats p = s.annualizedPain();
        row(b, "  cost", Money.compact(p.p10(), cur), Money.compact(p.p50(), cur), Money.compact(p.p90(), cur));
        Stats sh = s.painShareOfRevenue();
        row(b, "  share of revenue", Money.percent1(sh.p10()), Money.percent1(sh.p50()), Money.percent1(sh.p90()));
        Stats f = s.painFte();
        row(b, "  full-time equivalents", fte(f.p10()), fte(f.p50()), fte(f.p90()));
        b.append(String.format(Locale.ROOT, "  P(pain >= 1.5%% / 3%% / 5%% of revenue): %s / %s / %s;  "
                        + "P(>= 1 / 2 FTE): %s / %s%n%n",
                Money.percent(s.thresholds().painShareGe1_5pct()), Money.percent(s.thresholds().painShareGe3pct()),
                Money.percent(s.thresholds().painShareGe5pct()), Money.percent(s.thresholds().fteGe1()),
                Money.percent(s.thresholds().fteGe2())));

        for (Summary.OptionSummary o : s.options()) {
            b.append(heading(o.id(), o.label(), o.kind())).append('\n');
            Stats npv = o.npv();
            b.append(String.format(Locale.ROOT, "  %-24s P10 %-9s P50 %-9s P90 %-9s P(NPV < 0) %s%n", "NPV",
                    Money.compact(npv.p10(), cur), Money.compact(npv.p50(), cur), Money.compact(npv.p90(), cur),
                    Money.percent(o.pNpvNegative())));
            StringBuilder within = new StringBuilder();
            for (dev.payback.engine.Checkpoint c : dev.payback.engine.Checkpoint.values()) {
                within.append(within.length() == 0 ? "" : "   ").append(c.label()).append(' ')
                        .append(Money.percent(o.paybackProbability().get(c.month())));
            }
            b.append(String.format(Locale.ROOT, "  %-24s %s%n", "P(payback within)", within));
            double max12 = o.maxOneTimeCost().get(12);
            b.append(String.format(Locale.ROOT, "  %-24s %s (quote median %s)%n", "Max one-time cost",
                    max12 < 0 ? "none: does not pay back within 12 months even if free, at "
                            + Money.percent(o.paybackConfidence()) + " confidence"
                            : Money.whole(max12, cur) + " for payback within 12 months at "
                            + Money.percent(o.paybackConfidence()) + " confidence",
                    Money.whole(o.oneTimeCost().p50(), cur)));
            b.append(String.format(Locale.ROOT, "  %-24s median %s; P(annualized pain > first-year cost) %s%n",
                    "First-year cost", Money.compact(o.firstYearCost().p50(), cur),
                    Money.percent(o.pPainExceedsFirstYearCost())));
            b.append(String.format(Locale.ROOT, "  %-24s median %s; exceeds the first-year cost in %s of futures%n",
                    "Year-one benefit", Money.compact(o.yearOneBenefit().p50(), cur),
                    Money.percent(o.pYearOneBenefitExceedsFirstYearCost())));
            b.append(String.format(Locale.ROOT, "  %-24s %s%n", "P(best option)", Money.percent(s.pBest().get(o.id()))));
            if (o.gate() != null) {
                Summary.Gate g = o.gate();
                b.append(String.format(Locale.ROOT, "  %-24s %s of orders for %d months, go at a %s reduction: go in "
                                + "%s of futures, false go %s, false stop %s; value of staging mean %s%n",
                        "Pilot gate", Money.percent(g.pilotShare()), g.pilotMonths(), Money.percent(g.target()),
                        Money.percent(g.pGo()), Money.percent(g.pFalseGo()), Money.percent(g.pFalseStop()),
                        Money.compact(g.valueOfStaging().mean(), cur)));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "Doing nothing (the status quo) is best in %s of futures.%n%n",
                Money.percent(s.pBest().get("status_quo"))));
        for (java.util.List<String> lines : java.util.List.of(VendorComparison.consoleLines(s),
                TrackingPlan.consoleLines(s))) {
            lines.forEach(l -> b.append(l).append('\n'));
            b.append(lines.isEmpty() ? "" : "\n");
        }

        Summary.Decision d = s.decision();
        b.append(String.format(Locale.ROOT,
                "Decision matrix score (6-30): P10 %.0f, P50 %.0f, P90 %.0f -> %s%n", d.score().p10(),
                d.score().p50(), d.score().p90(), verdictText(d.verdict())));
        b.append(String.format(Locale.ROOT, "  operate the node %s, improve the node and pilot orchestration %s, "
                        + "orchestrate %s%n",
                Money.percent(d.pOperate()), Money.percent(d.pPilot()), Money.percent(d.pOrchestrate())));
        b.append("The five tests:\n");
        for (Summary.FiveTest t : s.fiveTests()) {
            b.append(String.format(Locale.ROOT, "  %d. %s %s -> %s%n", t.number(), FiveTestText.question(t),
                    FiveTestText.evidence(t, s.currency()),
                    t.leans()));
        }
        if (s.sensitivity() != null) {
            b.append('\n').append(SensitivityText.render(s));
        }
        return b.toString();
    }

    /**
     * An option's heading: {@code id — label (kind)}, leaving out a label that only repeats the id
     * and a kind that only repeats the id or label ("orchestrate", not "orchestrate — orchestrate
     * (orchestrate)").
     */
    public static String heading(String id, String label, String kind) {
        StringBuilder b = new StringBuilder(id);
        boolean ownLabel = label != null && !label.isBlank() && !label.equals(id);
        if (ownLabel) {
            b.append(" — ").append(label);
        }
        if (kind != null && !kind.equals(id) && !(ownLabel && kind.equalsIgnoreCase(label))) {
            b.append(" (").append(kind).append(')');
        }
        return b.toString();
    }

    /** The verdict in words. */
    public static String verdictText(String verdict) {
        return switch (verdict) {
            case "operate" -> "operate: fix the node first";
            case "pilot" -> "improve the node and pilot orchestration";
            case "orchestrate" -> "orchestrate";
            default -> verdict;
        };
    }

    private static void row(StringBuilder b, String label, String p10, String p50, String p90) {
        b.append(String.format(Locale.ROOT, "%-26s P10 %-9s P50 %-9s P90 %s%n", label, p10, p50, p90));
    }

    private static String fte(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "n/a";
    }
}
