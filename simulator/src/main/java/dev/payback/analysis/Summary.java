package dev.payback.analysis;

import dev.payback.scenario.RunOverrides;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headline results of a run: everything summary.json holds (docs/model.md section 5) plus the
 * extensions documented in docs/model-notes.md (five tests, clamping, standard errors, sensitivity and
 * value of information).
 */
public record Summary(
        String scenario,
        int trials,
        long seed,
        String currency,
        int horizonMonths,
        Stats annualizedPain,
        Stats painShareOfRevenue,
        Stats painFte,
        Stats revenue,
        Thresholds thresholds,
        List<OptionSummary> options,
        Map<String, Double> pBest,
        Decision decision,
        List<FiveTest> fiveTests,
        List<InputSummary> inputs,
        Sensitivity sensitivity,
        long percentileTrials,
        RunOverrides overrides,
        List<KpiTrack> kpis,
        Map<String, Double> scorecardWeights,
        String sampling) {

    /** A summary of a run of the scenario file as written, without KPI checkpoints, default scorecard weights. */
    public Summary(String scenario, int trials, long seed, String currency, int horizonMonths, Stats annualizedPain,
            Stats painShareOfRevenue, Stats painFte, Stats revenue, Thresholds thresholds, List<OptionSummary> options,
            Map<String, Double> pBest, Decision decision, List<FiveTest> fiveTests, List<InputSummary> inputs,
            Sensitivity sensitivity, long percentileTrials) {
        this(scenario, trials, seed, currency, horizonMonths, annualizedPain, painShareOfRevenue, painFte, revenue,
                thresholds, options, pBest, decision, fiveTests, inputs, sensitivity, percentileTrials,
                RunOverrides.NONE, List.of(), dev.payback.scenario.ScorecardWeights.DEFAULTS.weights(), RANDOM);
    }

    /** How the inputs of a run were drawn when nothing else is said: {@code --sampling}'s default. */
    public static final String RANDOM = "random";

    /**
     * {@code sensitivity} may be null (not computed); the other components may not.
     * {@code percentileTrials} is how many trials the percentiles come from: every trial, or beyond
     * the retention line the retained random subset (see docs/model-notes.md, "Scale").
     * {@code kpis} holds the status quo first, then the options in order (docs/model.md section 8);
     * {@code scorecardWeights} the scenario's scorecard weights by dimension (section 9);
     * {@code sampling} how the inputs were drawn ({@code random}, {@code lhs} or {@code sobol}).
     */
    public Summary {
        Objects.requireNonNull(sampling, "sampling");
        options = List.copyOf(options);
        pBest = ordered(pBest);
        fiveTests = List.copyOf(fiveTests);
        inputs = List.copyOf(inputs);
        overrides = overrides == null ? RunOverrides.NONE : overrides;
        kpis = List.copyOf(kpis);
        scorecardWeights = ordered(scorecardWeights);
    }

    /** The same summary, recorded as a run with these overrides (the stress preset and --set values). */
    public Summary withOverrides(RunOverrides o) {
        return new Summary(scenario, trials, seed, currency, horizonMonths, annualizedPain, painShareOfRevenue,
                painFte, revenue, thresholds, options, pBest, decision, fiveTests, inputs, sensitivity,
                percentileTrials, o, kpis, scorecardWeights, sampling);
    }

    /** A summary whose percentiles are over every trial. */
    public Summary(String scenario, int trials, long seed, String currency, int horizonMonths, Stats annualizedPain,
            Stats painShareOfRevenue, Stats painFte, Stats revenue, Thresholds thresholds, List<OptionSummary> options,
            Map<String, Double> pBest, Decision decision, List<FiveTest> fiveTests, List<InputSummary> inputs,
            Sensitivity sensitivity) {
        this(scenario, trials, seed, currency, horizonMonths, annualizedPain, painShareOfRevenue, painFte, revenue,
                thresholds, options, pBest, decision, fiveTests, inputs, sensitivity, trials);
    }

    /** A summary without sensitivity analysis. */
    public Summary(String scenario, int trials, long seed, String currency, int horizonMonths, Stats annualizedPain,
            Stats painShareOfRevenue, Stats painFte, Stats revenue, Thresholds thresholds, List<OptionSummary> options,
            Map<String, Double> pBest, Decision decision, List<FiveTest> fiveTests, List<InputSummary> inputs) {
        this(scenario, trials, seed, currency, horizonMonths, annualizedPain, painShareOfRevenue, painFte, revenue,
                thresholds, options, pBest, decision, fiveTests, inputs, (Sensitivity) null);
    }

    /**
     * An unmodifiable copy that iterates in the given map's order (Map.copyOf's order changes from one
     * JVM run to the next, and every output that iterates these maps must be the same for the same run).
     */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return Collections.unmodifiableMap(copy);
    }

    /** docs/model.md section 3: probabilities of the seed's thresholds, over trials. */
    public record Thresholds(
            double painShareGe1_5pct,
            double painShareGe3pct,
            double painShareGe5pct,
            double fteGe1,
            double fteGe2,
            double exceptionRateGe10pct,
            double exceptionRateGe15pct,
            double inventoryAccuracyLt95pct,
            double reconciliationGe10pctOfWeek,
            boolean fulfillmentPathsGe2) {
    }

    /** One option's results (docs/model.md section 5, options.&lt;id&gt;). */
    public record OptionSummary(
            String id,
            String label,
            String kind,
            Stats npv,
            Stats roi,
            Stats firstYearCost,
            Map<Integer, Stats> cumulativeNet,
            Map<Integer, Double> paybackProbability,
            Stats paybackMonth,
            double pNoPayback,
            double pNpvNegative,
            double pPainExceedsFirstYearCost,
            Map<Integer, Double> maxOneTimeCost,
            double paybackConfidence,
            Stats oneTimeCost,
            Gate gate,
            Stats yearOneBenefit,
            double pYearOneBenefitExceedsFirstYearCost,
            int paybackMonths,
            double paybackProbabilityAtBar,
            double maxOneTimeCostAtBar,
            double scorecardScore) {

        /**
         * roi is null when some trial's total cost is 0 (docs/model.md section 2); gate is null for a
         * big-bang option. The next five components are the payback bar's figures and the year-one
         * benefit test (docs/model-notes.md); scorecardScore is NaN (summary.json null) when the option
         * has no scorecard (docs/model.md section 9).
         */
        public OptionSummary {
            cumulativeNet = ordered(cumulativeNet);
            paybackProbability = ordered(paybackProbability);
            maxOneTimeCost = ordered(maxOneTimeCost);
            if (paybackMonths < 1) {
                throw new IllegalArgumentException("paybackMonths must be >= 1");
            }
        }

        /** An option without a scorecard score. */
        public OptionSummary(String id, String label, String kind, Stats npv, Stats roi, Stats firstYearCost,
                Map<Integer, Stats> cumulativeNet, Map<Integer, Double> paybackProbability, Stats paybackMonth,
                double pNoPayback, double pNpvNegative, double pPainExceedsFirstYearCost,
                Map<Integer, Double> maxOneTimeCost, double paybackConfidence, Stats oneTimeCost, Gate gate,
                Stats yearOneBenefit, double pYearOneBenefitExceedsFirstYearCost, int paybackMonths,
                double paybackProbabilityAtBar, double maxOneTimeCostAtBar) {
            this(id, label, kind, npv, roi, firstYearCost, cumulativeNet, paybackProbability, paybackMonth, pNoPayback,
                    pNpvNegative, pPainExceedsFirstYearCost, maxOneTimeCost, paybackConfidence, oneTimeCost, gate,
                    yearOneBenefit, pYearOneBenefitExceedsFirstYearCost, paybackMonths, paybackProbabilityAtBar,
                    maxOneTimeCostAtBar, Double.NaN);
        }

        /** True when the option has a scorecard score (docs/model.md section 9). */
        public boolean hasScorecard() {
            return Double.isFinite(scorecardScore);
        }

        /** Whether the option pays back within the bar in at least a share q of trials. */
        public boolean meetsBar() {
            return paybackProbabilityAtBar >= paybackConfidence;
        }

        /** True for a staged rollout (docs/model.md section 7). */
        public boolean staged() {
            return gate != null;
        }
    }

    /**
     * docs/model.md section 8: one strategy's KPIs at each checkpoint month, and (for an option) its
     * checklist: per KPI the value it does at least as well as in a share q of trials (every KPI is
     * lower-is-better, so the q-quantile).
     *
     * @param id        "status_quo" or the option's id
     * @param stats     month → KPI name → STATS, months and KPIs in order
     * @param checklist month → KPI name → checklist value; empty for the status quo
     */
    public record KpiTrack(String id, Map<Integer, Map<String, Stats>> stats,
                           Map<Integer, Map<String, Double>> checklist) {
        public KpiTrack {
            stats = ordered(stats);
            checklist = ordered(checklist);
        }

        private static <V> Map<Integer, Map<String, V>> ordered(Map<Integer, Map<String, V>> m) {
            Map<Integer, Map<String, V>> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
            return java.util.Collections.unmodifiableMap(out);
        }
    }

    /** The KPI checkpoints of the status quo or an option, or null when there are none. */
    public KpiTrack kpiTrack(String id) {
        for (KpiTrack t : kpis) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The go/no-go gate of a staged strategy (docs/model.md section 7, {@code options.<id>_staged.gate}).
     *
     * @param twin            id of the big-bang option
     * @param pGo             share of trials in which the pilot says go
     * @param pFalseGo        go while the big bang's NPV is &lt; 0
     * @param pFalseStop      stop while the big bang's NPV is &gt; 0
     * @param pNoGate         share of trials whose gate falls outside the horizon (nothing decided)
     * @param observedReduction the measured reduction, over trials with a gate
     * @param valueOfStaging  NPV_staged − NPV_big bang, per trial
     */
    public record Gate(String twin, double pilotShare, int pilotMonths, double target, double pGo, double pFalseGo,
                       double pFalseStop, double pNoGate, Stats observedReduction, Stats valueOfStaging) {
    }

    /** docs/model.md section 4: the score's distribution and each verdict's probability. */
    public record Decision(Stats score, double pOperate, double pPilot, double pOrchestrate) {
        /** The most probable verdict; ties go to the more cautious one. */
        public String verdict() {
            if (pOperate >= pPilot && pOperate >= pOrchestrate) {
                return dev.payback.engine.Verdict.OPERATE.key();
            }
            return pPilot >= pOrchestrate ? dev.payback.engine.Verdict.PILOT.key()
                    : dev.payback.engine.Verdict.ORCHESTRATE.key();
        }
    }

    /**
     * One of the seed's five tests: the figures it rests on and the way it leans (the rule lives
     * here; the question and the evidence in words live in {@code report.FiveTestText}).
     */
    public sealed interface FiveTest {
        /** The test's number in the seed, 1 to 5. */
        int number();

        /** Whether the evidence leans orchestrate (else operate). */
        boolean leansOrchestrate();

        /** "orchestrate" or "operate". */
        default String leans() {
            return leansOrchestrate() ? "orchestrate" : "operate";
        }

        /** Test 1, localized or networked: networked with 2 or more channels or fulfillment paths. */
        record Networked(int channels, int paths) implements FiveTest {
            @Override
            public int number() {
                return 1;
            }

            @Override
            public boolean leansOrchestrate() {
                return channels >= 2 || paths >= 2;
            }
        }

        /**
         * Test 2, exceptions needing manual intervention: leans orchestrate when the exception rate is
         * at least 10% in at least half of the futures.
         *
         * @param medianRate the exception rate's P50, or NaN when the scenario gives none
         * @param pGe10      the share of futures with an exception rate of at least 10%
         * @param pGe15      the same at 15%
         */
        record ManualExceptions(double medianRate, double pGe10, double pGe15) implements FiveTest {
            @Override
            public int number() {
                return 2;
            }

            @Override
            public boolean leansOrchestrate() {
                return pGe10 >= 0.5;
            }
        }

        /** Test 3, dynamic routing: 2 or more fulfillment paths. */
        record DynamicRouting(int paths) implements FiveTest {
            @Override
            public int number() {
                return 3;
            }

            @Override
            public boolean leansOrchestrate() {
                return paths >= 2;
            }
        }

        /**
         * Test 4, errors costing more than software: leans orchestrate when the option's year-one
         * benefit exceeds its first-year cost in at least half of the futures.
         *
         * @param option               the option compared (see {@code Analysis})
         * @param yearOneBenefitP50    its median year-one benefit
         * @param firstYearCostP50     its median first-year cost
         * @param pBenefitExceedsCost  the share of futures where the benefit exceeds the cost
         * @param painP50              the median annualized pain
         * @param pPainShareGe1_5pct   the share of futures where the pain is at least 1.5% of revenue
         */
        record ErrorsCost(String option, double yearOneBenefitP50, double firstYearCostP50,
                          double pBenefitExceedsCost, double painP50, double pPainShareGe1_5pct)
                implements FiveTest {
            public ErrorsCost {
                Objects.requireNonNull(option, "option");
            }

            @Override
            public int number() {
                return 4;
            }

            @Override
            public boolean leansOrchestrate() {
                return pBenefitExceedsCost >= 0.5;
            }
        }

        /** Test 5, adoption without chaos: readiness of at least 3 of 5. */
        record Readiness(int readiness) implements FiveTest {
            @Override
            public int number() {
                return 5;
            }

            @Override
            public boolean leansOrchestrate() {
                return readiness >= 3;
            }
        }
    }

    /**
     * One scenario input as sampled: its notation, P10/P50/P90 and the share of trials clamped.
     */
    public record InputSummary(String path, String notation, double p10, double p50, double p90,
                               double clampedShare) {
    }
}
