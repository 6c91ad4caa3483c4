package dev.payback.report;

import dev.payback.analysis.Summary;

/**
 * The words of the "Pilot first?" section (docs/model.md section 7): one plain-English paragraph per
 * staged strategy, generated from its figures and its big-bang twin's.
 */
public final class StagedText {
    private StagedText() {
    }

    /**
     * E.g. "Piloting orchestrate on 25% of orders for 3 months before expanding costs $12k of expected
     * NPV but cuts the chance of losing money from 17% to 6%; the pilot says go in 71% of futures."
     */
    public static String paragraph(Summary.OptionSummary bigBang, Summary.OptionSummary staged, String currency) {
        Summary.Gate g = staged.gate();
        double dMean = staged.npv().mean() - bigBang.npv().mean();
        double lossBig = bigBang.pNpvNegative();
        double lossStaged = staged.pNpvNegative();
        String value = dMean < 0 ? "costs " + Money.compact(-dMean, currency) + " of expected NPV"
                : "adds " + Money.compact(dMean, currency) + " of expected NPV";
        String risk;
        if (Money.percent(lossStaged).equals(Money.percent(lossBig))) {
            risk = "leaves the chance of losing money at about " + Money.percent(lossBig);
        } else {
            risk = (lossStaged < lossBig ? "cuts" : "raises") + " the chance of losing money from "
                    + Money.percent(lossBig) + " to " + Money.percent(lossStaged);
        }
        boolean sameDirection = (dMean >= 0) == (lossStaged <= lossBig);
        StringBuilder b = new StringBuilder("Piloting ").append(bigBang.id()).append(" on ")
                .append(Money.percent(g.pilotShare())).append(" of orders for ").append(g.pilotMonths())
                .append(g.pilotMonths() == 1 ? " month" : " months").append(" before expanding ").append(value)
                .append(sameDirection ? " and " : " but ").append(risk).append("; the pilot says go in ")
                .append(Money.percent(g.pGo())).append(" of futures");
        if (g.pNoGate() > 0) {
            b.append(" and decides nothing within the horizon in ").append(Money.percent(g.pNoGate()));
        }
        b.append('.');
        b.append(" The bad case (P10 NPV) moves from ").append(Money.compact(bigBang.npv().p10(), currency))
                .append(" to ").append(Money.compact(staged.npv().p10(), currency)).append(", and the cash at risk up "
                        + "front from ").append(Money.compact(bigBang.oneTimeCost().mean(), currency)).append(" to ")
                .append(Money.compact(staged.oneTimeCost().mean(), currency)).append(" (mean one-time cost).");
        b.append(" The gate expands in ").append(Money.percent(g.pFalseGo()))
                .append(" of futures where the big bang loses money (false go) and stops in ")
                .append(Money.percent(g.pFalseStop())).append(" where it would have made money (false stop), at a "
                        + "target of ").append(Money.percent(g.target())).append(" fewer exceptions.");
        b.append(" Other pilot designs (share, length, target) compare side by side with payback pilot-plan "
                + "SCENARIO --option ").append(bigBang.id()).append('.');
        return b.toString();
    }
}
