package dev.payback.report.pilot;

import dev.payback.report.Money;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the two-part pilot verdict ({@link PilotVerdict}): the headline, one sentence per
 * part, what would make a no-go a go, which option leads after the update, and the table of every
 * option and the status quo before and after.
 */
public final class PilotVerdictText {
    private PilotVerdictText() {
    }

    /** One row of the every-option table. */
    public record OptionRow(String name, String priorBest, String updatedBest, String priorNpv, String updatedNpv,
                            String priorPayback, String updatedPayback) {
    }

    /** "Go: ..." only when both parts hold; otherwise "No-go: ..." naming the part that failed. */
    public static String headline(PilotVerdict v) {
        if (v.go()) {
            return "Go: the pilot hit its target and the updated business case meets the payback bar.";
        }
        if (v.targetHit()) {
            return "No-go: the pilot hit its target, but the updated business case misses the payback bar.";
        }
        if (v.barMet()) {
            return "No-go: the updated business case meets the payback bar, but the pilot missed its target.";
        }
        return "No-go: the pilot missed its target and the updated business case misses the payback bar.";
    }

    /** The headline without its leading "Go: " or "No-go: ", capitalised (for a page that shows the word apart). */
    public static String reason(PilotVerdict v) {
        String h = headline(v);
        String rest = h.substring(h.indexOf(": ") + 2);
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Part 1: did the pilot hit its target (every criterion, each stated). */
    public static String target(PilotVerdict v) {
        StringBuilder b = new StringBuilder("1. Target: ");
        b.append(v.targetHit() ? "hit. " : "missed. ");
        List<String> parts = new ArrayList<>();
        for (PilotUpdate.Criterion c : v.criteria()) {
            parts.add(criterion(c, v.update().scenario().currency()));
        }
        String all = String.join("; ", parts);
        b.append(Character.toUpperCase(all.charAt(0))).append(all.substring(1)).append('.');
        return b.toString();
    }

    static String criterion(PilotUpdate.Criterion c, String currency) {
        String mark = c.met() ? " (met)" : " (missed)";
        return switch (c.name()) {
            case "exception_rate_reduction" -> (c.observed() == Double.NEGATIVE_INFINITY
                    ? "exceptions appeared where the baseline had none"
                    : c.observed() >= 0 ? "exceptions per order fell " + Money.percent1(c.observed())
                    : "exceptions per order rose " + Money.percent1(-c.observed()))
                    + " against a target of " + Money.percent(c.target()) + mark;
            case "promise_accuracy_increase" -> (Double.isNaN(c.observed()) ? "promise accuracy was not counted"
                    : c.observed() == Double.POSITIVE_INFINITY ? "promise accuracy rose from zero"
                    : c.observed() >= 0 ? "promise accuracy rose " + Money.percent1(c.observed())
                    : "promise accuracy fell " + Money.percent1(-c.observed()))
                    + " (relative) against a target of +" + Money.percent(c.target()) + mark;
            case "max_pilot_cost" -> "the pilot cost " + Money.whole(c.observed(), currency) + " against a cap of "
                    + Money.whole(c.target(), currency) + mark;
            default -> c.name() + mark;
        };
    }

    /** Part 2: does the updated business case meet the payback bar, and at what price. */
    public static String bar(PilotVerdict v) {
        String cur = v.update().scenario().currency();
        String id = v.update().option().id();
        StringBuilder b = new StringBuilder("2. Payback bar: ");
        b.append(v.barMet() ? "met. " : "missed. ");
        b.append("After the pilot, ").append(id).append(" pays back within ").append(v.barMonths())
                .append(" months in ").append(Money.percent(v.payback())).append(" of futures (")
                .append(Money.percent(v.priorPayback())).append(" before), against the bar of ")
                .append(Money.percent(v.confidence())).append(v.actualPrice()
                        ? ", at the actual one-time cost of " + Money.whole(v.price(), cur) : "").append(". ");
        b.append(priceSentence(v, cur));
        return b.toString();
    }

    private static String priceSentence(PilotVerdict v, String cur) {
        String quote = (v.actualPrice() ? "the actual one-time cost is " : "the quote (median one-time cost) is ")
                + Money.whole(v.price(), cur);
        if (v.maxOneTimeCost() < 0) {
            return "No one-time cost meets the bar now, not even a free start; " + quote + ".";
        }
        return "The most it can cost once and still meet the bar is now " + Money.whole(v.maxOneTimeCost(), cur)
                + " (" + Money.whole(Math.max(0, v.priorMaxOneTimeCost()), cur) + " before); " + quote
                + (v.maxOneTimeCost() >= v.price() ? ", within it." : ", above it.");
    }

    /** What would make a no-go a go; empty for a go. */
    public static List<String> whatWouldMakeItGo(PilotVerdict v) {
        List<String> out = new ArrayList<>();
        if (v.go()) {
            return out;
        }
        String cur = v.update().scenario().currency();
        if (!v.barMet()) {
            if (v.maxOneTimeCost() > 0) {
                out.add("A lower price: a one-time cost of at most " + Money.whole(v.maxOneTimeCost(), cur)
                        + " would meet the bar (" + Money.whole(v.price() - v.maxOneTimeCost(), cur)
                        + " less than " + (v.actualPrice() ? "the actual cost" : "the quote") + ").");
            } else {
                out.add("No price alone: even a free start does not pay back within "
                        + v.barMonths() + " months often enough; lower running costs, a larger scope or "
                        + "a different option would have to change the case.");
            }
        }
        for (PilotUpdate.Criterion c : v.criteria()) {
            if (c.met()) {
                continue;
            }
            switch (c.name()) {
                case "exception_rate_reduction" -> {
                    boolean reaches = v.projectedFullEffect() >= c.target();
                    String ramp = v.rampLeft() > 0 ? " The adoption ramp is not finished (median "
                            + Money.percent(v.rampLeft()) + " of it still ahead)." : "";
                    out.add(reaches
                            ? "A longer pilot: at full adoption the updated projection cuts exceptions by "
                                    + Money.percent(v.projectedFullEffect()) + " (median), above the "
                                    + Money.percent(c.target()) + " target, so more live months may reach it." + ramp
                            : "A longer pilot is unlikely to help: even at full adoption the updated projection "
                                    + "cuts exceptions by " + Money.percent(v.projectedFullEffect())
                                    + " (median), below the " + Money.percent(c.target()) + " target." + ramp);
                    if (!v.update().pilot().hasPromiseCriterion()) {
                        out.add("A second criterion: if better promises are why you pilot, count promises "
                                + "kept and set promise_accuracy_increase (the seed's other example).");
                    }
                }
                case "promise_accuracy_increase" -> {
                    double base = v.update().pilot().baselinePromiseAccuracy();
                    out.add(base * (1 + c.target()) > 1
                            ? "A reachable promise target: the baseline accuracy " + Money.percent1(base) + " times "
                                    + Money.percent(1 + c.target()) + " exceeds 100%."
                            : "A longer pilot: promise accuracy has to reach " + Money.percent1(base * (1 + c.target()))
                                    + " in a live month (baseline " + Money.percent1(base) + ").");
                }
                case "max_pilot_cost" -> out.add("A pilot within its budget: it cost "
                        + Money.whole(c.observed() - c.target(), cur) + " more than the cap.");
                default -> { }
            }
        }
        return out;
    }

    /** Which option leads after the update, and which options meet the payback bar then. */
    public static String leader(PilotVerdict v) {
        List<String> meet = new ArrayList<>();
        for (PilotVerdict.OptionFigures f : v.options()) {
            // the piloted option as the bar judges it (at the actual one-time cost when given)
            double p = f.piloted() ? v.payback() : f.updatedPaybackBar();
            if (p >= v.confidence()) {
                meet.add(f.id() + " (" + Money.percent(p) + ")");
            }
        }
        return leaderOnly(v) + (meet.isEmpty() ? " No option meets the payback bar after the update."
                : " Meeting the payback bar after the update: " + String.join(", ", meet)
                        + (v.actualPrice() ? " (the piloted option at its actual one-time cost, others at their "
                                + "projected costs)." : "."));
    }

    private static String leaderOnly(PilotVerdict v) {
        String piloted = v.update().option().id();
        if (v.leader().equals(PilotVerdict.STATUS_QUO)) {
            return "After the update, doing nothing (the status quo) is most often the best choice ("
                    + Money.percent(v.updatedStatusQuoBest()) + " of futures).";
        }
        PilotVerdict.OptionFigures f = v.options().stream().filter(o -> o.id().equals(v.leader())).findFirst()
                .orElseThrow();
        return "After the update, " + f.id() + " leads: best in "
                + Money.percent(f.updatedPBest()) + " of futures" + (f.id().equals(piloted) ? ", the piloted option."
                : "; the piloted " + piloted + " is best in " + Money.percent(pBest(v, piloted)) + ".");
    }

    private static double pBest(PilotVerdict v, String id) {
        return v.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow().updatedPBest();
    }

    /** Every option and the status quo, before and after the pilot. */
    public static List<OptionRow> optionRows(PilotVerdict v) {
        String cur = v.update().scenario().currency();
        List<OptionRow> rows = new ArrayList<>();
        for (PilotVerdict.OptionFigures f : v.options()) {
            rows.add(new OptionRow(f.id() + (f.piloted() ? " (piloted)" : ""), Money.percent(f.priorPBest()),
                    Money.percent(f.updatedPBest()), Money.compact(f.priorMeanNpv(), cur),
                    Money.compact(f.updatedMeanNpv(), cur), Money.percent(f.priorPaybackBar()),
                    Money.percent(f.updatedPaybackBar())));
        }
        rows.add(new OptionRow("status quo", Money.percent(v.priorStatusQuoBest()),
                Money.percent(v.updatedStatusQuoBest()), Money.compact(0, cur), Money.compact(0, cur), "", ""));
        return rows;
    }
}
