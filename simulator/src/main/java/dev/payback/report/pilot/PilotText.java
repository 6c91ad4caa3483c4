package dev.payback.report.pilot;

import dev.payback.report.Money;
import dev.payback.report.RecommendationText;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words and the prior-vs-updated rows shared by the console and pilot.html. */
public final class PilotText {
    private PilotText() {
    }

    /** One row of the prior-vs-updated table. */
    public record Row(String label, String prior, String updated) {
    }

    /**
     * Where the pilot's measured exception rate (its last live month) falls against the option's 90-day
     * checklist value (docs/model.md section 8); only when the pilot has three live months or more.
     */
    public static String checklist(PilotUpdate.Result r) {
        double rate = r.pilot().lastLive().rate();
        boolean onTrack = rate <= r.checklist90();
        return "Against the tracking plan: the pilot's exception rate in its live month " + r.pilot().lastLive().month()
                + " is " + Money.percent1(rate) + ", " + (onTrack ? "within" : "above") + " the 90-day checklist for "
                + r.option().id() + " (on track at or below " + Money.percent1(r.checklist90()) + " of orders in "
                + Money.percent(r.scenario().paybackConfidence()) + " of projected futures): "
                + (onTrack ? "on track." : "off track.")
                + " The checklist counts 90 days from the decision, the pilot from its own go-live, so a pilot three "
                + "months live should be at least as far along.";
    }

    /** "Go." or "No-go." followed by the plain-English sentence. */
    public static String verdict(PilotUpdate.Result r) {
        return (r.go() ? "Go. " : "No-go. ") + sentence(r);
    }

    /**
     * "The pilot cut exceptions by 36%, above the 30% target and at the 71st percentile of what we
     * projected; the full rollout now pays back within 12 months in 86% of futures, up from 78%." (12: the
     * payback bar T*, decision.payback_months)
     */
    public static String sentence(PilotUpdate.Result r) {
        double obs = r.observedReduction();
        double target = r.pilot().exceptionRateReduction();
        StringBuilder b = new StringBuilder();
        if (obs == Double.NEGATIVE_INFINITY) {
            b.append("The pilot's last month had exceptions where the baseline had none");
        } else if (obs >= 0) {
            b.append("The pilot cut exceptions by ").append(Money.percent(obs));
        } else {
            b.append("The pilot did not cut exceptions (they rose by ").append(Money.percent(-obs)).append(')');
        }
        String t = Money.percent(target);
        b.append(obs > target ? ", above the " + t + " target" : obs == target ? ", exactly the " + t + " target"
                : ", below the " + t + " target");
        b.append(" and ").append(percentilePhrase(r.percentile())).append(" of what we projected; ");
        // within the payback bar T* (decision.payback_months), the months the verdict judges
        double before = r.prior().option().paybackProbabilityAtBar();
        double after = r.updated().option().paybackProbabilityAtBar();
        b.append("the full rollout now pays back within ").append(r.prior().option().paybackMonths())
                .append(" months in ").append(Money.percent(after))
                .append(" of futures");
        String a = Money.percent(after);
        String p = Money.percent(before);
        b.append(a.equals(p) ? ", unchanged" : after > before ? ", up from " + p : ", down from " + p);
        double lossBefore = r.prior().option().pNpvNegative();
        double lossAfter = r.updated().option().pNpvNegative();
        String la = Money.percent(lossAfter);
        String lb = Money.percent(lossBefore);
        b.append(", and loses money over the horizon (NPV < 0) in ").append(la).append(" of futures")
                .append(la.equals(lb) ? ", unchanged" : lossAfter > lossBefore ? ", up from " + lb : ", down from " + lb)
                .append('.');
        String staged = stagedNote(r);
        if (staged != null) {
            b.append(' ').append(staged);
        }
        return b.toString();
    }

    /**
     * When the option has a staged rollout (docs/model.md section 7), which gate the business case assumed:
     * "The business case's staged rollout (orchestrate_staged) assumed a go target of 30% after 3 live
     * months on 25% of orders, the same target as this pilot." Null otherwise.
     */
    static String stagedNote(PilotUpdate.Result r) {
        dev.payback.scenario.Stages st = r.option().stages();
        if (st == null) {
            return null;
        }
        double target = r.pilot().exceptionRateReduction();
        String same = st.exceptionRateReduction() == target ? "the same target as this pilot"
                : "where this pilot's criterion is " + Money.percent(target);
        return "The business case's staged rollout (" + r.option().stagedId() + ") assumed a go target of "
                + Money.percent(st.exceptionRateReduction()) + " after " + st.pilotMonths() + " live "
                + (st.pilotMonths() == 1 ? "month" : "months") + " on " + Money.percent(st.pilotShare())
                + " of orders, " + same + ".";
    }

    /** "at the 71st percentile", "below everything", "above everything". */
    static String percentilePhrase(double share) {
        if (share <= 0) {
            return "below everything";
        }
        if (share >= 1) {
            return "above everything";
        }
        int k = (int) Math.round(share * 100);
        k = Math.max(1, Math.min(99, k));
        return "at the " + ordinal(k) + " percentile";
    }

    static String ordinal(int k) {
        int mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (k % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return k + suffix;
    }

    /** The prior-vs-updated rows, in reading order. */
    public static List<Row> rows(PilotUpdate.Result r) {
        String cur = r.scenario().currency();
        PilotUpdate.Figures pr = r.prior();
        PilotUpdate.Figures up = r.updated();
        Summary.OptionSummary a = pr.option();
        Summary.OptionSummary b = up.option();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("NPV, median", Money.compact(a.npv().p50(), cur), Money.compact(b.npv().p50(), cur)));
        rows.add(new Row("NPV, P10 to P90", range(a.npv(), cur), range(b.npv(), cur)));
        rows.add(new Row("P(NPV < 0)", Money.percent(a.pNpvNegative()), Money.percent(b.pNpvNegative())));
        rows.add(new Row("P(payback within 90 days)", Money.percent(a.paybackProbability().get(3)),
                Money.percent(b.paybackProbability().get(3))));
        rows.add(new Row("P(payback within 6 months)", Money.percent(a.paybackProbability().get(6)),
                Money.percent(b.paybackProbability().get(6))));
        rows.add(new Row("P(payback within 12 months)", Money.percent(a.paybackProbability().get(12)),
                Money.percent(b.paybackProbability().get(12))));
        String q = Money.percent(a.paybackConfidence());
        for (int t : new int[] {3, 6, 12}) {
            // the first checkpoint is "90 days" in every output, as in the rows above
            rows.add(new Row("Max one-time cost, " + RecommendationText.months(t) + " payback (" + q
                    + " confidence)",
                    maxCost(a.maxOneTimeCost().get(t), cur), maxCost(b.maxOneTimeCost().get(t), cur)));
        }
        rows.add(new Row("P(best option)", Money.percent(pr.pBest()), Money.percent(up.pBest())));
        rows.add(new Row("Exception-rate effect r, median (P10 to P90)", shareRange(pr.exceptionEffect()),
                shareRange(up.exceptionEffect())));
        rows.add(new Row("Baseline exception rate e, median (P10 to P90)", shareRange(pr.baselineExceptionRate()),
                shareRange(up.baselineExceptionRate())));
        rows.add(new Row("Projected reduction at pilot month " + r.pilot().lastLive().month() + ", median",
                Money.percent1(pr.projectedReduction().p50()), Money.percent1(up.projectedReduction().p50())));
        return rows;
    }

    /**
     * ESS line: "Effective sample size: 4,210 of 100,000 trials." Beyond the retention line it adds where
     * the percentiles come from: "Percentiles from a random 250,000 of them (effective 6,100: rank error
     * ±0.6 points at the median)."
     */
    public static String ess(PilotUpdate.Result r) {
        String line = String.format(Locale.ROOT, "Effective sample size: %,.0f of %,d trials.", r.ess(),
                r.scenario().trials());
        if (!r.percentilesFromRows()) {
            return line;
        }
        return line + String.format(Locale.ROOT, " Percentiles from a random %,d of them (effective %,.0f: rank "
                + "error ±%.1f points at the median).", r.rows(), r.rowsEss(), 100 * dev.payback.analysis.StandardErrors.medianRank(r.rowsEss()));
    }

    private static String range(Stats s, String cur) {
        return Money.compact(s.p10(), cur) + " to " + Money.compact(s.p90(), cur);
    }

    private static String shareRange(Stats s) {
        return Money.percent1(s.p50()) + " (" + Money.percent1(s.p10()) + " to " + Money.percent1(s.p90()) + ")";
    }

    private static String maxCost(double x, String cur) {
        return x < 0 ? "none" : Money.whole(x, cur);
    }
}
