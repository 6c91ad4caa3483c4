package dev.payback.report;

import dev.payback.analysis.Summary.FiveTest;

/** The seed's five tests in words: each test's question and its evidence, for every output that shows them. */
public final class FiveTestText {
    private FiveTestText() {
    }

    /** The test's question. */
    public static String question(FiveTest t) {
        if (t instanceof FiveTest.Networked) {
            return "Is the problem localized or networked?";
        }
        if (t instanceof FiveTest.ManualExceptions) {
            return "How often do exceptions need manual intervention?";
        }
        if (t instanceof FiveTest.DynamicRouting) {
            return "Does the service promise depend on dynamic routing?";
        }
        if (t instanceof FiveTest.ErrorsCost) {
            return "Are inventory and order errors costing more than software would?";
        }
        if (t instanceof FiveTest.Readiness) {
            return "Can the team adopt the change without chaos?";
        }
        throw new IllegalArgumentException("unknown test " + t);
    }

    /** The evidence the test rests on, money in {@code currency}. */
    public static String evidence(FiveTest t, String currency) {
        if (t instanceof FiveTest.Networked n) {
            return plural(n.channels(), "channel") + " and " + plural(n.paths(), "fulfillment path") + ": "
                    + (n.leansOrchestrate() ? "the problem crosses nodes and teams" : "one node, one flow");
        }
        if (t instanceof FiveTest.ManualExceptions m) {
            return Double.isNaN(m.medianRate()) ? "no exception rate given (taken as 0)"
                    : "median exception rate " + Money.percent1(m.medianRate()) + "; at least 10% in "
                    + Money.percent(m.pGe10()) + " of futures, at least 15% in "
                    + Money.percent(m.pGe15()) + " (the framework's trigger is 10–15%)";
        }
        if (t instanceof FiveTest.DynamicRouting d) {
            return plural(d.paths(), "fulfillment path") + (d.leansOrchestrate()
                    ? " (2 or more need coordinated routing logic)" : " (a single path can keep a static promise)");
        }
        if (t instanceof FiveTest.ErrorsCost e) {
            return "what " + e.option() + " would remove in its first year, at its pace of adoption (median "
                    + Money.compact(e.yearOneBenefitP50(), currency) + "), exceeds its first-year cost (median "
                    + Money.compact(e.firstYearCostP50(), currency) + ") in "
                    + Money.percent(e.pBenefitExceedsCost())
                    + " of futures; the whole annualized pain (median " + Money.compact(e.painP50(), currency)
                    + ") is at least 1.5% of revenue in " + Money.percent(e.pPainShareGe1_5pct()) + " of futures";
        }
        if (t instanceof FiveTest.Readiness r) {
            return "adoption readiness " + r.readiness() + " of 5" + (r.leansOrchestrate()
                    ? ": the team can absorb a phased rollout" : ": stabilize process ownership first");
        }
        throw new IllegalArgumentException("unknown test " + t);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
