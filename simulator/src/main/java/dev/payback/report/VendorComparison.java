package dev.payback.report;

import dev.payback.analysis.Summary;

import java.util.List;

/**
 * "Vendors compared" (docs/model.md section 9): the options that carry a scorecard, their weighted score
 * beside the money, and one sentence on whether the two agree. Shown when two or more options have
 * a scorecard score.
 */
public final class VendorComparison {
    private VendorComparison() {
    }

    /**
     * The options with a scorecard score, in scenario order; a staged rollout (docs/model.md section 7) is
     * the same vendor as its big-bang twin and is not compared again.
     */
    public static List<Summary.OptionSummary> scored(Summary s) {
        return s.options().stream().filter(o -> o.hasScorecard() && !o.staged()).toList();
    }

    /** Whether the comparison is shown: two or more options have a score. */
    public static boolean applies(Summary s) {
        return scored(s).size() >= 2;
    }

    /** The scored option with the highest score; ties go to the option listed first. */
    public static Summary.OptionSummary scorecardFavourite(Summary s) {
        Summary.OptionSummary best = null;
        for (Summary.OptionSummary o : scored(s)) {
            if (best == null || o.scorecardScore() > best.scorecardScore()) {
                best = o;
            }
        }
        return best;
    }

    /**
     * The scored option the money favours: the highest P(best) (the share of futures in which it has
     * the highest NPV of all choices), ties to the higher median NPV, then to the option listed first.
     */
    public static Summary.OptionSummary moneyFavourite(Summary s) {
        Summary.OptionSummary best = null;
        for (Summary.OptionSummary o : scored(s)) {
            if (best == null) {
                best = o;
                continue;
            }
            double p = s.pBest().get(o.id());
            double pb = s.pBest().get(best.id());
            if (p > pb || (p == pb && o.npv().p50() > best.npv().p50())) {
                best = o;
            }
        }
        return best;
    }

    /** One sentence: whether the scorecard and the money agree and, if not, what each favours. */
    public static String sentence(Summary s) {
        String cur = s.currency();
        Summary.OptionSummary card = scorecardFavourite(s);
        Summary.OptionSummary money = moneyFavourite(s);
        if (card == money) {
            Summary.OptionSummary next = null;
            for (Summary.OptionSummary o : scored(s)) {
                if (o != card && (next == null || o.scorecardScore() > next.scorecardScore())) {
                    next = o;
                }
            }
            return "The scorecard and the money agree: " + card.id() + " scores highest (" + score(card)
                    + " of 5, against " + score(next) + " for " + next.id() + ") and is also the vendor most often "
                    + "best by NPV (in " + Money.percent(s.pBest().get(card.id())) + " of futures, median NPV "
                    + Money.compact(card.npv().p50(), cur) + ").";
        }
        return "The scorecard and the money disagree: the scorecard favours " + card.id() + " (" + score(card)
                + " of 5, against " + score(money) + " for " + money.id() + "), the money favours " + money.id()
                + " (best by NPV in " + Money.percent(s.pBest().get(money.id())) + " of futures against "
                + Money.percent(s.pBest().get(card.id())) + ", median NPV " + pair(money.npv().p50(), card.npv().p50(), cur)
                + ", payback within 12 months in "
                + Money.percent(money.paybackProbability().get(12)) + " of futures against "
                + Money.percent(card.paybackProbability().get(12)) + ").";
    }

    /** The console's lines: each scored option's score and money in one line, then the sentence. */
    public static List<String> consoleLines(Summary s) {
        if (!applies(s)) {
            return List.of();
        }
        String cur = s.currency();
        StringBuilder b = new StringBuilder("Vendors compared (scorecard weighted toward speed and support): ");
        List<Summary.OptionSummary> scored = scored(s);
        for (int k = 0; k < scored.size(); k++) {
            Summary.OptionSummary o = scored.get(k);
            b.append(k == 0 ? "" : "; ").append(o.id()).append(' ').append(score(o)).append(" of 5, median NPV ")
                    .append(Money.compact(o.npv().p50(), cur));
        }
        return List.of(b.toString(), sentence(s));
    }

    /** "$528k against $410k", in whole money when the compact figures would read the same. */
    static String pair(double a, double b, String cur) {
        String x = Money.compact(a, cur);
        String y = Money.compact(b, cur);
        if (x.equals(y)) {
            x = Money.whole(a, cur);
            y = Money.whole(b, cur);
        }
        return x + " against " + y;
    }

    /** A score with two decimals: 3.85. */
    public static String score(Summary.OptionSummary o) {
        return HtmlReport.format("score", o.scorecardScore(), "");
    }
}
