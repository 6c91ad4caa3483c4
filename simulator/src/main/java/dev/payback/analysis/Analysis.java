package dev.payback.analysis;

import dev.payback.engine.GateColumns;
import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Driver;
import dev.payback.scenario.Input;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.Stages;
import dev.payback.scenario.Strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a run's per-trial columns into the {@link Summary} of docs/model.md sections 3–5. Every figure
 * is a share of trials or a statistic over trials, computed in trial order (deterministic).
 */
public final class Analysis {
    private Analysis() {
    }

    /** Decision-matrix boundaries: total &lt; 15 operate, 15..22 pilot, &gt; 22 orchestrate. */
    public static final int PILOT_FROM = dev.payback.engine.Verdict.PILOT_FROM;
    public static final int ORCHESTRATE_ABOVE = dev.payback.engine.Verdict.ORCHESTRATE_ABOVE;

    /**
     * Summarizes a run. Probabilities, means, standard deviations, minima and maxima are exact over
     * all trials ({@link RunStats}); percentiles and the max one-time costs (quantiles) are taken
     * over the retained trials, which are all trials up to the retention line and a uniform
     * pseudo-random subset beyond it (see {@link SimulationResult}).
     */
    public static Summary summarize(SimulationResult r) {
        return summarize(r, Sensitivity.of(r));
    }

    /**
     * The same summary without the sensitivity and value-of-information analysis, for callers that
     * only read the headline figures (scenario comparison).
     */
    public static Summary headlines(SimulationResult r) {
        return summarize(r, (Sensitivity) null);
    }

    /**
     * The summary of a run with its sensitivity analysis computed apart ({@link Sensitivity#of(SimulationResult)}
     * of the same run), or without one when {@code sensitivity} is null.
     */
    public static Summary summarize(SimulationResult r, Sensitivity sensitivity) {
        return summarize(r, () -> sensitivity);
    }

    /**
     * As {@link #summarize(SimulationResult, Sensitivity)}, with the sensitivity analysis asked for
     * only once every other figure is computed but the inputs' percentiles (and the five tests, which
     * read the exception rate's median), which it carries for the inputs it ranked: a caller may
     * compute it meanwhile on another thread, handing over that task's join.
     */
    public static Summary summarize(SimulationResult r, Supplier<Sensitivity> sensitivity) {
        Scenario s = r.scenario();
        TrialColumns c = r.columns();
        RunStats rs = r.stats();
        int n = r.trials();

        Summary.Thresholds thresholds = new Summary.Thresholds(
                share(rs, RunStats.SHARE_GE_1_5PCT, n),
                share(rs, RunStats.SHARE_GE_3PCT, n),
                share(rs, RunStats.SHARE_GE_5PCT, n),
                share(rs, RunStats.FTE_GE_1, n),
                share(rs, RunStats.FTE_GE_2, n),
                share(rs, RunStats.EXCEPTION_GE_10PCT, n),
                share(rs, RunStats.EXCEPTION_GE_15PCT, n),
                share(rs, RunStats.ACCURACY_LT_95PCT, n),
                share(rs, RunStats.RECONCILIATION_GE_4H, n),
                s.business().fulfillmentPaths() >= dev.payback.engine.SeedThresholds.FULFILLMENT_PATHS);

        List<Strategy> strategies = s.strategies();
        // one strategy per task, results in strategy order (independent of scheduling)
        List<Summary.OptionSummary> options = java.util.stream.IntStream.range(0, strategies.size()).parallel()
                .mapToObj(k -> OptionFigures.exact(r, k,
                        strategies.get(k).staged() ? gate(r, k - s.options().size(), strategies.get(k)) : null))
                .toList();

        Map<String, Double> pBest = new LinkedHashMap<>();
        pBest.put("status_quo", (double) rs.best(0) / n);
        for (int k = 0; k < strategies.size(); k++) {
            pBest.put(strategies.get(k).id(), OptionFigures.exactPBest(r, k));
        }

        double[] score = new double[c.rows()];
        for (int i = 0; i < score.length; i++) {
            score[i] = c.score(i);
        }
        long operate = rs.count(RunStats.SCORE_OPERATE);
        long orchestrate = rs.count(RunStats.SCORE_ORCHESTRATE);
        Summary.Decision decision = new Summary.Decision(stats(rs.moments(RunStats.SCORE), score),
                (double) operate / n, (double) (n - operate - orchestrate) / n, (double) orchestrate / n);

        Stats pain = stats(rs.moments(RunStats.PAIN), c.annualPain().toArray());
        Stats painShare = stats(rs.moments(RunStats.PAIN_SHARE), c.painShare().toArray());
        Stats painFte = stats(rs.moments(RunStats.PAIN_FTE), c.painFte().toArray());
        Stats revenue = stats(rs.moments(RunStats.REVENUE), c.revenue().toArray());
        List<Summary.KpiTrack> kpis = KpiTracks.of(r);

        // The inputs' percentiles: those the sensitivity analysis read off its order of each input it
        // ranked (the same values), the others by an order statistic; and so is the exception rate's
        // median, without sorting the column.
        Sensitivity sens = sensitivity.get();
        List<Input> all = r.layout().inputs();
        // one column per task, results in column order (independent of scheduling)
        List<Summary.InputSummary> inputs = java.util.stream.IntStream.range(0, r.layout().scenarioInputCount())
                .parallel().mapToObj(k -> {
                    double[] q = inputPercentiles(sens, all.get(k).path(), r.inputs()[k]);
                    return new Summary.InputSummary(all.get(k).path(), all.get(k).notation(), q[0], q[1], q[2],
                            (double) r.clampCounts()[k] / n);
                }).toList();
        double[] exceptionRate = r.input(Driver.EXCEPTION_RATE.path());
        double exceptionMedian = exceptionRate == null ? Double.NaN
                : inputPercentiles(sens, Driver.EXCEPTION_RATE.path(), exceptionRate)[1];
        List<Summary.FiveTest> tests = fiveTests(s, thresholds, options, pain, exceptionMedian);

        return new Summary(s.name(), n, s.seed(), s.currency(), s.horizonMonths(), pain, painShare, painFte,
                revenue, thresholds, options, pBest, decision, tests, inputs, sens, r.retained(), s.overrides(), kpis,
                s.scorecardWeights().weights(), r.sampling().key());
    }

    /**
     * An input column's type-7 percentiles at {@link Sensitivity#INPUT_LEVELS} (P10, P50, P90): as the
     * sensitivity analysis read them off its order of the column when it ranked it, else by
     * {@link OrderStatistics}; both are the values a sort of the column gives.
     */
    private static double[] inputPercentiles(Sensitivity sens, String path, double[] column) {
        Sensitivity.InputPercentiles p = sens == null ? null : sens.percentilesOf(path);
        return p != null ? new double[] {p.p10(), p.p50(), p.p90()}
                : OrderStatistics.quantiles(column, Sensitivity.INPUT_LEVELS);
    }

    private static Stats stats(RunStats.Moments m, double[] retained) {
        return OptionFigures.stats(m, retained);
    }

    private static double share(RunStats rs, int count, int n) {
        return (double) rs.count(count) / n;
    }

    /** docs/model.md section 7: the gate of staged strategy j. */
    private static Summary.Gate gate(SimulationResult r, int j, Strategy st) {
        RunStats rs = r.stats();
        TrialColumns c = r.columns();
        long n = rs.trials();
        GateColumns g = c.gate(j);
        int twin = r.layout().stagedTwin(j);
        double[] staged = c.option(r.scenario().options().size() + j).npv().toArray();
        double[] bigBang = c.option(twin).npv().toArray();
        int kept = staged.length;
        double[] value = new double[kept];
        boolean[] gated = new boolean[kept];
        for (int i = 0; i < kept; i++) {
            value[i] = staged[i] - bigBang[i];
            gated[i] = g.outcome(i) != GateColumns.NO_GATE;
        }
        Stats observed = OptionFigures.kept(rs.gate(j, RunStats.OBSERVED_REDUCTION), g.observedReduction().toArray(),
                gated);
        Stages stages = st.option().stages();
        return new Summary.Gate(st.option().id(), stages.pilotShare(), stages.pilotMonths(),
                stages.exceptionRateReduction(), (double) rs.gateCount(j, RunStats.GO) / n,
                (double) rs.gateCount(j, RunStats.FALSE_GO) / n, (double) rs.gateCount(j, RunStats.FALSE_STOP) / n,
                (double) rs.gateCount(j, RunStats.NO_GATE) / n, observed,
                stats(rs.gate(j, RunStats.VALUE_OF_STAGING), value));
    }

    private static List<Summary.FiveTest> fiveTests(Scenario s, Summary.Thresholds th,
            List<Summary.OptionSummary> options, Stats pain, double exceptionMedian) {
        int channels = s.business().channels();
        int paths = s.business().fulfillmentPaths();
        List<Summary.FiveTest> tests = new ArrayList<>();
        tests.add(new Summary.FiveTest.Networked(channels, paths));
        tests.add(new Summary.FiveTest.ManualExceptions(exceptionMedian,
                th.exceptionRateGe10pct(), th.exceptionRateGe15pct()));
        tests.add(new Summary.FiveTest.DynamicRouting(paths));

        // Test 4 compares what the software would remove in its first year, at its adoption
        // (Σ_{m≤12} a_m·benefit_m), with its first-year cost, for the orchestrate option (any option
        // when none is of kind orchestrate) whose year-one benefit exceeds that cost most often.
        Summary.OptionSummary bestCase = null;
        // the options as quoted: a staged rollout is a way to buy one of them, not another software
        options = options.stream().filter(o -> !o.staged()).toList();
        for (boolean orchestrateOnly : new boolean[] {true, false}) {
            for (Summary.OptionSummary o : options) {
                if ((!orchestrateOnly || o.kind().equals("orchestrate")) && (bestCase == null
                        || o.pYearOneBenefitExceedsFirstYearCost() > bestCase.pYearOneBenefitExceedsFirstYearCost())) {
                    bestCase = o;
                }
            }
            if (bestCase != null) {
                break;              // an orchestrate option decides; the others only when there is none
            }
        }
        tests.add(new Summary.FiveTest.ErrorsCost(bestCase.id(), bestCase.yearOneBenefit().p50(),
                bestCase.firstYearCost().p50(), bestCase.pYearOneBenefitExceedsFirstYearCost(), pain.p50(),
                th.painShareGe1_5pct()));
        tests.add(new Summary.FiveTest.Readiness(s.business().adoptionReadiness()));
        return tests;
    }
}
