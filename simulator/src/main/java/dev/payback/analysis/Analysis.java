package dev.payback.analysis;

import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Driver;
import dev.payback.scenario.Input;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a run's per-trial columns into the {@link Summary} of MODEL.md sections 3–5. Every figure
 * is a share of trials or a statistic over trials, computed in trial order (deterministic).
 */
public final class Analysis {
    private Analysis() {
    }

    /** Decision-matrix boundaries: total &lt; 15 operate, 15..22 pilot, &gt; 22 orchestrate. */
    public static final int PILOT_FROM = 15;
    public static final int ORCHESTRATE_ABOVE = 22;

    /** Summarizes a run. */
    public static Summary summarize(SimulationResult r) {
        Scenario s = r.scenario();
        TrialColumns c = r.columns();
        int n = c.trials();

        double[] exceptionRate = r.input(Driver.EXCEPTION_RATE.path());
        double[] accuracy = r.input("business.inventory_accuracy");
        double[] recon = r.input(Driver.RECONCILIATION_HOURS_PER_WEEK.path());
        Summary.Thresholds thresholds = new Summary.Thresholds(
                share(c.painShare, x -> x >= 0.015),
                share(c.painShare, x -> x >= 0.03),
                share(c.painShare, x -> x >= 0.05),
                share(c.painFte, x -> x >= 1),
                share(c.painFte, x -> x >= 2),
                exceptionRate == null ? 0 : share(exceptionRate, x -> x >= 0.10),
                exceptionRate == null ? 0 : share(exceptionRate, x -> x >= 0.15),
                share(accuracy, x -> x < 0.95),
                recon == null ? 0 : share(recon, x -> x >= 4),
                s.business().fulfillmentPaths() >= 2);

        List<Summary.OptionSummary> options = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            options.add(option(s, s.options().get(k), c.options[k], c.annualPain,
                    r.input("options." + s.options().get(k).id() + ".one_time_cost")));
        }

        Map<String, Double> pBest = new LinkedHashMap<>();
        long[] bestCounts = new long[s.options().size() + 1];
        for (int i = 0; i < n; i++) {
            bestCounts[c.best[i]]++;
        }
        pBest.put("status_quo", (double) bestCounts[0] / n);
        for (int k = 0; k < s.options().size(); k++) {
            pBest.put(s.options().get(k).id(), (double) bestCounts[k + 1] / n);
        }

        double[] score = new double[n];
        long operate = 0;
        long orchestrate = 0;
        for (int i = 0; i < n; i++) {
            score[i] = c.score[i];
            if (c.score[i] < PILOT_FROM) {
                operate++;
            } else if (c.score[i] > ORCHESTRATE_ABOVE) {
                orchestrate++;
            }
        }
        Summary.Decision decision = new Summary.Decision(Stats.of(score), (double) operate / n,
                (double) (n - operate - orchestrate) / n, (double) orchestrate / n);

        Stats pain = Stats.of(c.annualPain);
        Stats exception = exceptionRate == null ? null : Stats.of(exceptionRate);
        List<Summary.FiveTest> tests = fiveTests(s, thresholds, options, pain, exception);

        List<Summary.InputSummary> inputs = new ArrayList<>();
        List<Input> all = r.layout().inputs();
        for (int k = 0; k < r.layout().scenarioInputCount(); k++) {
            double[] sorted = Stats.sortedCopy(r.inputs()[k]);
            inputs.add(new Summary.InputSummary(all.get(k).path(), all.get(k).notation(),
                    Stats.quantile(sorted, 0.10), Stats.quantile(sorted, 0.50), Stats.quantile(sorted, 0.90),
                    (double) r.clampCounts()[k] / n));
        }

        return new Summary(s.name(), n, s.seed(), s.currency(), s.horizonMonths(), pain, Stats.of(c.painShare),
                Stats.of(c.painFte), Stats.of(c.revenue), thresholds, options, pBest, decision, tests, inputs,
                Sensitivity.of(r));
    }

    private static Summary.OptionSummary option(Scenario s, OptionSpec spec, OptionColumns oc, double[] pain,
            double[] oneTimeCost) {
        int n = oc.npv.length;
        boolean zeroCost = oc.anyZeroTotalCost();
        Map<Integer, Stats> cumulative = new LinkedHashMap<>();
        Map<Integer, Double> payback = new LinkedHashMap<>();
        Map<Integer, Double> maxOneTime = new LinkedHashMap<>();
        double q = s.paybackConfidence();
        for (int j = 0; j < OptionColumns.CHECKPOINTS.length; j++) {
            int month = OptionColumns.CHECKPOINTS[j];
            cumulative.put(month, Stats.of(oc.cumulativeNet[j]));
            long paid = 0;
            for (short m : oc.paybackMonth) {
                if (m != 0 && m <= month) {
                    paid++;
                }
            }
            payback.put(month, (double) paid / n);
            // The largest C that pays back within T in at least a share q of trials: the (1−q)
            // quantile of max_{m≤T}(cum_m + C).
            maxOneTime.put(month, Stats.quantile(Stats.sortedCopy(oc.maxCumulativeBeforeOneTime[j]), 1 - q));
        }
        boolean[] paid = new boolean[n];
        double[] month = new double[n];
        long none = 0;
        long negative = 0;
        long painExceeds = 0;
        for (int i = 0; i < n; i++) {
            paid[i] = oc.paybackMonth[i] != 0;
            month[i] = oc.paybackMonth[i];
            if (!paid[i]) {
                none++;
            }
            if (oc.npv[i] < 0) {
                negative++;
            }
            if (pain[i] > oc.firstYearCost[i]) {
                painExceeds++;
            }
        }
        return new Summary.OptionSummary(spec.id(), spec.label(), spec.kind().name().toLowerCase(Locale.ROOT),
                Stats.of(oc.npv), zeroCost ? null : Stats.of(oc.roi), Stats.of(oc.firstYearCost), cumulative,
                payback, Stats.of(month, paid), (double) none / n, (double) negative / n,
                (double) painExceeds / n, maxOneTime, q, Stats.of(oneTimeCost));
    }

    private static List<Summary.FiveTest> fiveTests(Scenario s, Summary.Thresholds th,
            List<Summary.OptionSummary> options, Stats pain, Stats exception) {
        String cur = s.currency();
        int channels = s.business().channels();
        int paths = s.business().fulfillmentPaths();
        List<Summary.FiveTest> tests = new ArrayList<>();

        boolean networked = channels >= 2 || paths >= 2;
        tests.add(new Summary.FiveTest(1, "Is the problem localized or networked?",
                plural(channels, "channel") + " and " + plural(paths, "fulfillment path") + ": "
                        + (networked ? "the problem crosses nodes and teams" : "one node, one flow"),
                networked ? "orchestrate" : "operate"));

        boolean manual = th.exceptionRateGe10pct() >= 0.5;
        tests.add(new Summary.FiveTest(2, "How often do exceptions need manual intervention?",
                exception == null ? "no exception rate given (taken as 0)"
                        : "median exception rate " + Money.percent1(exception.p50()) + "; at least 10% in "
                        + Money.percent(th.exceptionRateGe10pct()) + " of trials, at least 15% in "
                        + Money.percent(th.exceptionRateGe15pct()) + " (the seed's trigger is 10–15%)",
                manual ? "orchestrate" : "operate"));

        tests.add(new Summary.FiveTest(3, "Does the service promise depend on dynamic routing?",
                plural(paths, "fulfillment path") + (paths >= 2 ? " (2 or more need coordinated routing logic)"
                        : " (a single path can keep a static promise)"),
                paths >= 2 ? "orchestrate" : "operate"));

        Summary.OptionSummary bestCase = null;
        for (Summary.OptionSummary o : options) {
            if (o.kind().equals("orchestrate")
                    && (bestCase == null || o.pPainExceedsFirstYearCost() > bestCase.pPainExceedsFirstYearCost())) {
                bestCase = o;
            }
        }
        if (bestCase == null) {
            for (Summary.OptionSummary o : options) {
                if (bestCase == null || o.pPainExceedsFirstYearCost() > bestCase.pPainExceedsFirstYearCost()) {
                    bestCase = o;
                }
            }
        }
        boolean costly = bestCase.pPainExceedsFirstYearCost() >= 0.5;
        tests.add(new Summary.FiveTest(4, "Are inventory and order errors costing more than software would?",
                "annualized pain (median " + Money.compact(pain.p50(), cur) + ") exceeds " + bestCase.label()
                        + "'s first-year cost (median " + Money.compact(bestCase.firstYearCost().p50(), cur)
                        + ") in " + Money.percent(bestCase.pPainExceedsFirstYearCost()) + " of trials; pain is at least "
                        + "1.5% of revenue in " + Money.percent(th.painShareGe1_5pct()) + " of trials",
                costly ? "orchestrate" : "operate"));

        int readiness = s.business().adoptionReadiness();
        tests.add(new Summary.FiveTest(5, "Can the team adopt the change without chaos?",
                "adoption readiness " + readiness + " of 5" + (readiness >= 3
                        ? ": the team can absorb a phased rollout" : ": stabilize process ownership first"),
                readiness >= 3 ? "orchestrate" : "operate"));
        return tests;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private interface DoubleTest {
        boolean test(double x);
    }

    private static double share(double[] values, DoubleTest test) {
        long k = 0;
        for (double v : values) {
            if (test.test(v)) {
                k++;
            }
        }
        return (double) k / values.length;
    }
}
