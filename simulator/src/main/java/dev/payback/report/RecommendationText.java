package dev.payback.report;

import dev.payback.analysis.Recommendation;
import dev.payback.analysis.Summary;
import dev.payback.report.charts.Charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The recommendation in words: one sentence that says what to do, then the reasons. Shared by the
 * console (first line after the header), report.html and report.pdf (first thing on the first
 * page) and the workbook's Decision sheet. The rule itself is {@link Recommendation}.
 */
public final class RecommendationText {
    private RecommendationText() {
    }

    /** The sentence that says what to do. */
    public static String sentence(Summary s) {
        return sentence(s, Recommendation.of(s));
    }

    static String sentence(Summary s, Recommendation r) {
        String cur = s.currency();
        Summary.OptionSummary o = r.subject();
        String bar = o == null ? "" : barPhrase(s, o);
        return switch (r.branch()) {
            case BUY -> "Buy " + o.id() + ": it meets the bar, " + bar + ".";
            case FIX_NODE -> "Fix the node first with " + o.id() + ": it meets the bar, " + bar + ".";
            case BUY_AT_PRICE -> (o.kind().equals("operate")
                    ? "Fix the node first with " + o.id() + ", keeping its one-time cost to at most "
                    : "Buy " + o.id() + " only at a one-time price of at most ")
                    + Money.whole(o.maxOneTimeCostAtBar(), cur) + " (the quote's median is "
                    + Money.whole(o.oneTimeCost().p50(), cur) + "): at that " + (o.kind().equals("operate") ? "cost"
                    : "price") + " it meets the bar, " + bar + ".";
            case PILOT -> "Pilot " + o.id() + " first and expand only if the pilot meets its target ("
                    + r.staged().id() + "): staging "
                    + (r.staged().pNpvNegative() < o.pNpvNegative()
                    ? "cuts the chance of losing money from " + Money.percent(o.pNpvNegative()) + " to "
                    + Money.percent(r.staged().pNpvNegative())
                    : "keeps the chance of losing money at " + Money.percent(r.staged().pNpvNegative()))
                    + " and keeps a mean NPV of " + Money.compact(r.staged().npv().mean(), cur) + " (big bang "
                    + Money.compact(o.npv().mean(), cur) + ").";
            case NOT_EVEN_FREE -> "Do not buy " + o.id() + " on a " + months(o.paybackMonths())
                    + " payback case: it does not pay back within " + within(o.paybackMonths())
                    + " even if free; it is worth having only if a longer payback is acceptable (mean NPV "
                    + Money.compact(o.npv().mean(), cur) + " over " + s.horizonMonths() + " months).";
            case DO_NOTHING -> o == null
                    ? "Do nothing yet: no option is expected to make money over the " + s.horizonMonths()
                    + "-month horizon."
                    : "Do nothing yet: doing nothing is the best choice in " + Money.percent(r.statusQuoPBest())
                    + " of futures, more often than any option.";
        };
    }

    /** The reasons behind the sentence, one short paragraph each. */
    public static List<String> reasons(Summary s) {
        return reasons(s, Recommendation.of(s));
    }

    static List<String> reasons(Summary s, Recommendation r) {
        String cur = s.currency();
        List<String> out = new ArrayList<>();
        Summary.OptionSummary o = r.subject();
        if (o == null) {
            Summary.OptionSummary top = null;
            for (Summary.OptionSummary x : s.options()) {
                if (top == null || x.npv().mean() > top.npv().mean()) {
                    top = x;
                }
            }
            out.add("Money: the best option by expected NPV, " + top.id() + ", has a mean NPV of "
                    + Money.compact(top.npv().mean(), cur) + " over " + s.horizonMonths()
                    + " months and loses money in " + Money.percent(top.pNpvNegative()) + " of futures.");
        } else {
            out.add("Money: " + o.id() + " has the highest expected NPV over " + s.horizonMonths() + " months, "
                    + Money.compact(o.npv().mean(), cur) + " on average (median " + Money.compact(o.npv().p50(), cur)
                    + "); it is the best choice in " + Money.percent(s.pBest().getOrDefault(o.id(), 0.0))
                    + " of futures, doing nothing in " + Money.percent(r.statusQuoPBest()) + ".");
            StringBuilder bar = new StringBuilder("Payback: it pays back within " + within(o.paybackMonths())
                    + " in " + Money.percent(o.paybackProbabilityAtBar()) + " of futures; the bar asks for "
                    + Money.percent(o.paybackConfidence())
                    + (o.paybackMonths() == 12 ? "" : " (within 12 months: "
                    + Money.percent(o.paybackProbability().get(12)) + ")") + ".");
            if (!o.meetsBar()) {
                bar.append(maxCostClause(o, cur));
            }
            out.add(bar.toString());
            out.add("Risk: it loses money (NPV below 0) in " + Money.percent(o.pNpvNegative()) + " of futures.");
        }
        String agrees = o == null ? "" : agreement(r, o);
        out.add("The decision matrix scores the business " + Math.round(r.score()) + " of 30 at the median: "
                + Charts.verdict(r.verdict()) + " in " + Money.percent(r.verdictShare()) + " of futures" + agrees
                + ".");
        if (r.staged() != null && o != null) {
            Summary.OptionSummary st = r.staged();
            out.add("Staged rollout (" + st.id() + "): loses money in " + Money.percent(st.pNpvNegative())
                    + " of futures against " + Money.percent(o.pNpvNegative()) + " for the big bang; mean NPV "
                    + Money.compact(st.npv().mean(), cur) + " against " + Money.compact(o.npv().mean(), cur)
                    + "; pays back within " + within(st.paybackMonths()) + " in "
                    + Money.percent(st.paybackProbabilityAtBar()) + " of futures.");
        }
        Summary.OptionSummary alt = r.alternative();
        if (alt != null && r.branch() != Recommendation.Branch.BUY && r.branch() != Recommendation.Branch.FIX_NODE) {
            out.add("Alternative: " + alt.id() + " meets the bar (payback within " + within(alt.paybackMonths())
                    + " in " + Money.percent(alt.paybackProbabilityAtBar()) + " of futures) with a lower mean NPV, "
                    + Money.compact(alt.npv().mean(), cur) + ".");
        }
        return out;
    }

    private static String agreement(Recommendation r, Summary.OptionSummary o) {
        String leans = r.branch() == Recommendation.Branch.PILOT ? "pilot" : o.kind();
        if (r.branch() == Recommendation.Branch.DO_NOTHING) {
            return "";
        }
        return r.verdict().equals(leans) || (leans.equals("pilot") && r.verdict().equals("orchestrate"))
                ? " (it agrees)" : " (it points elsewhere; the money decides here)";
    }

    /** What the option's one-time cost must stay under to meet the bar, or that no price will do. */
    static String maxCostClause(Summary.OptionSummary o, String cur) {
        double max = o.maxOneTimeCostAtBar();
        if (max < 0) {
            return " It does not pay back within " + within(o.paybackMonths())
                    + " even if free: in more than " + Money.percent(1 - o.paybackConfidence())
                    + " of futures its running costs outweigh what it removes in that time.";
        }
        double quote = o.oneTimeCost().p50();
        String gap = quote > 0 && max < 0.5 * quote ? " That is " + Money.percent(1 - max / quote)
                + " below the quote: unless the price can come down that far, or the rollout can be made faster or "
                + "cheaper to run, the option does not meet the bar as quoted." : "";
        return " To meet it, the one-time cost must stay at or below " + Money.whole(max, cur)
                + "; the quote's median is " + Money.whole(quote, cur) + "." + gap;
    }

    /** "payback within 12 months in at least 80% of futures (here 85%)". */
    private static String barPhrase(Summary s, Summary.OptionSummary o) {
        return "payback within " + within(o.paybackMonths()) + " in at least " + Money.percent(o.paybackConfidence())
                + " of futures";
    }

    /** The rule of {@link Recommendation}, in words, for the report's method notes and the workbook. */
    public static List<String> rule(int paybackMonths, double confidence) {
        String bar = "pays back within " + within(paybackMonths) + " in at least " + Money.percent(confidence)
                + " of futures (the scenario's decision.payback_months and decision.payback_confidence)";
        return List.of(
                "The leader is the option with the highest expected (mean) NPV. If no option has a positive mean NPV, "
                        + "or doing nothing is the best choice in more futures than any option, the recommendation is "
                        + "to do nothing yet.",
                "If the leader has a staged rollout (a pilot with a go/no-go gate) and the staged rollout leads, or it "
                        + "lowers the chance of losing money by at least "
                        + Math.round(Recommendation.PILOT_RISK_CUT * 100) + " percentage points while keeping at least "
                        + Math.round(Recommendation.PILOT_VALUE_KEPT * 100) + "% of the leader's mean NPV: pilot first.",
                "Otherwise, if the leader meets the payback bar (it " + bar + "): buy it, or, for an operate option, "
                        + "fix the node first with it.",
                "If it misses the bar and would miss it even with a one-time cost of zero: it does not pay back "
                        + "within the bar even if free; buy it only if a longer payback is acceptable.",
                "If it misses the bar but would meet it at a lower one-time cost: buy it only at a one-time price at "
                        + "or below that cost (the max one-time cost for the bar, at that confidence).",
                "The reasons quote the figures behind each step, the decision matrix (which agrees or points "
                        + "elsewhere but does not decide), any staged rollout, and an option that meets the bar when "
                        + "the leader does not.");
    }

    /** The name of a span of months, one name per checkpoint: "90 days", "6 months", "1 month". */
    public static String within(int months) {
        return months == 3 ? "90 days" : months == 1 ? "1 month" : months + " months";
    }

    /** As an adjective: "90-day", "12-month". */
    public static String months(int months) {
        return months == 3 ? "90-day" : months + "-month";
    }
}
