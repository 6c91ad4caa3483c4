package dev.payback.analysis;

import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Driver;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Location;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.Problem;
import dev.payback.scenario.Scenario;
import org.apache.commons.math3.special.Gamma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates a run's projection with a pilot's observed months (docs/model.md section 6).
 *
 * <ul>
 *   <li>Projected rate of trial i in pilot month j: {@code p_ij = e_i · (1 − a_ij · r_i)}, e_i the
 *       sampled {@code pain.exception_rate}, r_i the option's exception_rate effect after the failure
 *       draw ({@link OptionColumns#exceptionEffect}), {@code a_ij = 0} for j ≤ 0, 1 when R_i = 0, else
 *       {@code min(1, j / R_i)} with R_i the sampled {@code ramp_months} ({@link #adoption}).</li>
 *   <li>Likelihood: exceptions k_j ~ Binomial(n_j orders, p_ij), independent months;
 *       {@code log L_i = Σ_j log C(n_j, k_j) + k_j log p_ij + (n_j − k_j) log(1 − p_ij)}
 *       ({@link #logBinomial}), with p = 0 and p = 1 handled exactly.</li>
 *   <li>Weights: {@code w_i = exp(log L_i − max log L)}, normalised to sum 1 ({@link #weights}).</li>
 *   <li>Prior figures: the option's block exactly as {@code simulate} reports it; updated figures:
 *       the same block with every share, mean and percentile weighted by w ({@link Weighted}), both
 *       built by {@link OptionFigures} with the same event tests.</li>
 *   <li>Observed reduction {@code 1 − rate_last / rate_base} ({@link Pilot#observedReduction}); its
 *       percentile is the share of prior trials whose projected reduction {@code a_iJ · r_i} at the
 *       last live month J is at or below it; go when it reaches the target.</li>
 *   <li>Effective sample size {@code (Σw)² / Σw²}, with a warning below {@link #ESS_WARNING}.</li>
 * </ul>
 */
public final class PilotUpdate {
    /** Below this effective sample size the updated figures carry a warning. */
    public static final double ESS_WARNING = 1000;
    /** The scope-share warning allows the implied orders this far (a share) outside the scenario's P5–P95. */
    static final double SCOPE_TOLERANCE = 0.10;
    /** Percentile levels of the chart's band: P10, P50, P90. */
    private static final double[] BAND = {0.10, 0.50, 0.90};

    private PilotUpdate() {
    }

    /** The option's figures under one set of weights (prior or updated). */
    public record Figures(Summary.OptionSummary option, double pBest, Stats exceptionEffect,
                          Stats baselineExceptionRate, Stats projectedReduction) {
    }

    /** One success criterion: its target, the observed value and whether it was met. */
    public record Criterion(String name, double target, double observed, boolean met) {
    }

    /** The projected exception rate of one pilot month: P10, P50, P90, prior and updated, and the observed rate. */
    public record MonthBand(int month, double[] prior, double[] updated, double observed, boolean hasObserved) {
        /** prior and updated are {P10, P50, P90}; copied in and out. */
        public MonthBand {
            if (prior.length != 3 || updated.length != 3) {
                throw new IllegalArgumentException("a month band holds P10, P50 and P90, prior and updated");
            }
            prior = prior.clone();
            updated = updated.clone();
        }

        @Override
        public double[] prior() {
            return prior.clone();
        }

        @Override
        public double[] updated() {
            return updated.clone();
        }
    }

    /**
     * Something the reader of a pilot comparison must know, as figures (the words are in
     * {@code report.pilot.PilotWarnings}).
     */
    public sealed interface Warning {
        /** The pilot's baseline exception rate lies outside [lo, hi], every rate the scenario draws. */
        record BaselineOutside(double baseline, double lo, double hi) implements Warning {
        }

        /**
         * Fewer than {@link PilotUpdate#ESS_WARNING} effective trials carry the update.
         *
         * @param ess    the effective sample size
         * @param trials the trials it is computed over
         * @param remedy what more trials would do
         * @param count  for {@link Remedy#MORE_TRIALS} the trials to run; else the bound they would exceed
         */
        record LowEss(double ess, long trials, Remedy remedy, long count) implements Warning {
            public LowEss {
                java.util.Objects.requireNonNull(remedy, "remedy");
            }
        }

        /** The pilot's orders, scaled by scope_share, lie outside the scenario's P5–P95 orders a month. */
        record ScopeOutside(double scopeShare, double impliedOrders, double p5, double p95) implements Warning {
        }

        /** What more trials would do for a low ESS. */
        enum Remedy {
            /** Running about {@code count} trials clears the warning. */
            MORE_TRIALS,
            /** It would take more than {@code count} trials, the most a run can have. */
            BEYOND_ANY_RUN,
            /** It would take more than the {@code count} trials a run retains. */
            BEYOND_RETAINED
        }
    }

    /** Everything the pilot comparison reports. */
    public record Result(Scenario scenario, Pilot pilot, OptionSpec option, Figures prior, Figures updated,
                         double observedReduction, double percentile, List<Criterion> criteria, boolean go,
                         double ess, List<Warning> warnings, List<MonthBand> bands, double checklist90, int rows,
                         double rowsEss, String sampling) {
        /**
         * {@code checklist90}: the option's 90-day checklist value of the exception rate (docs/model.md
         * section 8, over the prior trials), NaN when the pilot has fewer than three live months.
         * {@code rows}: the retained rows the weighted percentiles come from (every trial within the
         * retention line), {@code rowsEss} their effective sample size: a weighted p-quantile carries a
         * rank error of about sqrt(p(1−p)/rowsEss) on top of the run's. {@code sampling}: how the run's
         * inputs were drawn ({@code random}, {@code lhs} or {@code sobol}).
         */
        public Result {
            java.util.Objects.requireNonNull(sampling, "sampling");
            criteria = List.copyOf(criteria);
            warnings = List.copyOf(warnings);
            bands = List.copyOf(bands);
        }

        /** A result without the 90-day checklist comparison. */
        public Result(Scenario scenario, Pilot pilot, OptionSpec option, Figures prior, Figures updated,
                double observedReduction, double percentile, List<Criterion> criteria, boolean go, double ess,
                List<Warning> warnings, List<MonthBand> bands) {
            this(scenario, pilot, option, prior, updated, observedReduction, percentile, criteria, go, ess, warnings,
                    bands, Double.NaN, scenario.trials(), ess, Summary.RANDOM);
        }

        /** Whether the weighted percentiles come from a subset of the trials (the run exceeded the retention line). */
        public boolean percentilesFromRows() {
            return rows < scenario.trials();
        }

        /** Whether the pilot has run long enough (three live months) to be held against the 90-day checklist. */
        public boolean hasChecklist() {
            return Double.isFinite(checklist90);
        }
    }

    /** The checkpoint month of the pilot's checklist comparison: 90 days. */
    public static final int CHECKLIST_MONTH = 3;

    /**
     * Compares the pilot with the run's projection.
     *
     * @throws InvalidInputException when no trial can produce the observed months (every likelihood 0)
     */
    public static Result analyze(SimulationResult r, Pilot pilot) throws InvalidInputException {
        return analyze(r, pilot, null);
    }

    /**
     * Compares the pilot with the run's projection, with {@code stream} (may be null) the pilot's
     * weighted sums over every trial of that run ({@link PilotStream}, shown every block by
     * {@code Engine.run}). Within the retention line every trial is a retained row and the rows give
     * every figure. Beyond it, with a stream, the ESS, the percentile of the observed reduction, the
     * baseline-range warning and every weighted mean, sd, min, max and share come from every trial;
     * the weighted percentiles (STATS percentiles, max one-time cost, the chart's band) from the
     * retained rows, a uniform random sample of the trials weighted by the same likelihoods.
     *
     * @throws InvalidInputException when no trial can produce the observed months (every likelihood 0)
     */
    public static Result analyze(SimulationResult r, Pilot pilot, PilotStream stream) throws InvalidInputException {
        boolean streamed = streamed(r, stream);
        Scenario s = r.scenario();
        int k = optionIndex(s, pilot.option());
        OptionSpec spec = s.options().get(k);
        int n = r.retained();
        double[] e = exceptionRate(r);
        double[] ramp = r.input("options." + spec.id() + ".ramp_months");
        if (ramp == null) {
            ramp = new double[n];   // ramp_months defaults to 0 (docs/model.md section 1)
        }
        double[] effect = r.columns().option(k).exceptionEffect().toArray();

        double[] logL = logLikelihoods(pilot, e, effect, ramp);
        double[] w;
        try {
            if (streamed && stream.anyNotANumber()) {
                throw new IllegalStateException("a likelihood is not a number");
            }
            w = weights(logL);
        } catch (IllegalStateException impossible) {
            throw new InvalidInputException(new Problem(Location.unknown(pilot.source()), "months",
                    "no simulated future can produce these months: " + impossible.getMessage(),
                    "check the counts, or widen the scenario's pain.exception_rate and the "
                            + spec.id() + " exception_rate effect"));
        }
        double[] prior = Weighted.uniform(n);

        int last = pilot.lastLive().month();
        double[] projected = new double[n];
        for (int i = 0; i < n; i++) {
            projected[i] = adoption(last, ramp[i]) * effect[i];
        }
        double observed = pilot.observedReduction();
        long atOrBelow = 0;
        for (double x : projected) {
            if (x <= observed) {
                atOrBelow++;
            }
        }
        double percentile = streamed ? (double) stream.atOrBelow() / stream.trials() : (double) atOrBelow / n;
        Criterion reduction = new Criterion("exception_rate_reduction", pilot.exceptionRateReduction(), observed,
                observed >= pilot.exceptionRateReduction());
        List<Criterion> criteria = List.of(reduction);
        boolean go = criteria.stream().allMatch(Criterion::met);

        double ess = streamed ? stream.effectiveSampleSize() : Weighted.effectiveSampleSize(w);
        List<Warning> warnings = new ArrayList<>();
        double eMin = Double.POSITIVE_INFINITY;
        double eMax = Double.NEGATIVE_INFINITY;
        for (double x : e) {
            eMin = Math.min(eMin, x);
            eMax = Math.max(eMax, x);
        }
        if (streamed) {
            double[] range = stream.exceptionRateRange();
            eMin = range[0];
            eMax = range[1];
        }
        double base = pilot.baselineRate();
        boolean outside = base < eMin || base > eMax;
        if (outside) {
            // no number of trials helps: before go-live the projected rate is e itself (adoption 0)
            warnings.add(new Warning.BaselineOutside(base, eMin, eMax));
        }
        if (ess < ESS_WARNING && !outside) {
            warnings.add(essWarning(r, ess, stream != null));
        }
        scopeWarning(r, pilot).ifPresent(warnings::add);

        List<MonthBand> bands = bands(pilot, e, effect, ramp, prior, w);
        Figures priorFigures = figures(r, k, null, projected, e);
        Figures updatedFigures = figures(r, k, w, projected, e);
        if (streamed) {
            priorFigures = overlay(priorFigures, stream, PilotStream.PRIOR, null);
            updatedFigures = overlay(updatedFigures, stream, PilotStream.UPDATED,
                    stream.overlay(updatedFigures.option()));
        }
        // Equal likelihoods carry no evidence: the update is the prior, exactly.
        if (streamed ? stream.allEqual() : allEqual(logL)) {
            updatedFigures = priorFigures;
        }
        // the 90-day checklist (docs/model.md section 8): the q-quantile of the option's exception rate at
        // month 3 over the prior trials, once the pilot has three live months to hold against it
        double checklist90 = pilot.lastLive().month() >= CHECKLIST_MONTH
                ? KpiTracks.checklist(r.columns().option(k).kpis.column(0, dev.payback.engine.Kpis.EXCEPTION_RATE)
                        .toArray(),
                        s.paybackConfidence())
                : Double.NaN;
        return new Result(s, pilot, spec, priorFigures, updatedFigures,
                observed, percentile, criteria, go, ess, warnings, bands, checklist90, n,
                Weighted.effectiveSampleSize(w), r.sampling().key());
    }

    /** Whether the pilot's figures come from {@code stream} (every trial) rather than the rows: beyond the line. */
    static boolean streamed(SimulationResult r, PilotStream stream) {
        if (stream == null || r.allRetained()) {
            return false;
        }
        if (stream.trials() != r.trials() || !stream.complete()) {
            throw new IllegalArgumentException("the pilot stream is not of this run");
        }
        return true;
    }

    /**
     * The prior or updated figures with the pilot's own STATS (effect, baseline rate, projected
     * reduction) over every trial from the stream and, for the update, the option's block
     * {@code option} (the prior's block is simulate's, already exact over every trial).
     */
    private static Figures overlay(Figures rows, PilotStream stream, int weighting, Summary.OptionSummary option) {
        int k = stream.option();
        return new Figures(option == null ? rows.option() : option,
                weighting == PilotStream.PRIOR ? rows.pBest() : stream.share(weighting, PilotStream.key(k, "best")),
                stream.moments(weighting, PilotStream.key(k, "exception_effect")).with(rows.exceptionEffect()),
                stream.moments(weighting, PilotStream.key(k, "exception_rate")).with(rows.baselineExceptionRate()),
                stream.moments(weighting, PilotStream.key(k, "projected_reduction")).with(rows.projectedReduction()));
    }

    /**
     * The warning for an effective sample size below {@link #ESS_WARNING}. The ESS grows in proportion
     * to the trials it is computed over, so aiming at twice the threshold needs
     * {@code trials · 2,000 / ESS} trials. With the pilot's stream ({@code everyTrial}: the weights of
     * every trial, {@link PilotStream}) that count is suggested while a run can have that many trials
     * ({@link #MAX_SUGGESTED_TRIALS}); without it (the rows only) while the run would still retain every
     * trial (the retention line), since beyond the line the rows, and with them the ESS, stop growing.
     */
    static Warning.LowEss essWarning(SimulationResult r, double ess) {
        return essWarning(r, ess, false);
    }

    /** The most trials the ESS warning suggests: the most a run can have ({@code --trials} is an int). */
    static final long MAX_SUGGESTED_TRIALS = Integer.MAX_VALUE;

    static Warning.LowEss essWarning(SimulationResult r, double ess, boolean everyTrial) {
        long n = everyTrial ? r.trials() : r.retained();
        double needed = (double) r.trials() * 2 * ESS_WARNING / Math.max(ess, 1e-300);
        long suggested = (long) Math.min(Math.ceil(needed / 1000) * 1000, Long.MAX_VALUE);
        long limit = everyTrial ? MAX_SUGGESTED_TRIALS : r.allRetained() ? r.retention().line() : 0;
        if (suggested <= limit) {
            return new Warning.LowEss(ess, n, Warning.Remedy.MORE_TRIALS, suggested);
        }
        if (everyTrial) {
            return new Warning.LowEss(ess, n, Warning.Remedy.BEYOND_ANY_RUN, MAX_SUGGESTED_TRIALS);
        }
        return new Warning.LowEss(ess, n, Warning.Remedy.BEYOND_RETAINED, r.retention().line());
    }

    /** a_ij of docs/model.md section 6: 0 for j ≤ 0; 1 when R = 0; else min(1, j / R). */
    public static double adoption(int month, double ramp) {
        if (month <= 0) {
            return 0;
        }
        if (ramp <= 0) {
            return 1;
        }
        return Math.min(1, month / ramp);
    }

    /** p_ij = e_i · (1 − a_ij · r_i), kept in [0, 1]. */
    public static double projectedRate(double e, double effect, double ramp, int month) {
        double p = e * (1 - adoption(month, ramp) * effect);
        return Math.min(1, Math.max(0, p));
    }

    /** log L_i of every trial: the sum over the pilot's months of {@link #logBinomial}. */
    public static double[] logLikelihoods(Pilot pilot, double[] e, double[] effect, double[] ramp) {
        int n = e.length;
        double[] logL = new double[n];
        for (Pilot.Month m : pilot.months()) {
            double logChoose = logChoose(m.orders(), m.exceptions());
            for (int i = 0; i < n; i++) {
                logL[i] += logBinomial(m.exceptions(), m.orders(), projectedRate(e[i], effect[i], ramp[i],
                        m.month()), logChoose);
            }
        }
        return logL;
    }

    /** log C(n, k) by log-gamma. */
    public static double logChoose(long n, long k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n: " + k + " of " + n);
        }
        if (k == 0 || k == n) {
            return 0;
        }
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /** log of the binomial pmf P(K = k | n, p); exact at p = 0 and p = 1 (0 or −∞). */
    public static double logBinomial(long k, long n, double p) {
        return logBinomial(k, n, p, logChoose(n, k));
    }

    private static double logBinomial(long k, long n, double p, double logChoose) {
        if (p <= 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return k == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    /**
     * Normalised weights {@code exp(log L_i − max log L) / Σ}.
     *
     * @throws IllegalStateException when every log-likelihood is −∞ (or any is NaN)
     */
    public static double[] weights(double[] logL) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logL) {
            if (Double.isNaN(x)) {
                throw new IllegalStateException("a likelihood is not a number");
            }
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every trial gives the observed months probability 0");
        }
        double[] w = new double[logL.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logL[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * The option's figures under weights {@code w} over the retained rows, or, for the prior
     * ({@code w} null), exactly as {@code simulate} reports them ({@link OptionFigures}).
     */
    static Figures figures(SimulationResult r, int k, double[] w, double[] projected, double[] e) {
        if (w == null) {
            double[] u = Weighted.uniform(projected.length);
            return new Figures(OptionFigures.exact(r, k), OptionFigures.exactPBest(r, k),
                    Weighted.stats(r.columns().option(k).exceptionEffect().toArray(), u), Weighted.stats(e, u),
                    Weighted.stats(projected, u));
        }
        return new Figures(OptionFigures.weighted(r, k, w), OptionFigures.weightedPBest(r, k, w),
                Weighted.stats(r.columns().option(k).exceptionEffect().toArray(), w), Weighted.stats(e, w),
                Weighted.stats(projected, w));
    }

    private static List<MonthBand> bands(Pilot pilot, double[] e, double[] effect, double[] ramp, double[] prior,
            double[] w) {
        Map<Integer, Pilot.Month> observed = new LinkedHashMap<>();
        for (Pilot.Month m : pilot.months()) {
            observed.put(m.month(), m);
        }
        int first = pilot.months().get(0).month();
        int last = pilot.lastLive().month();
        List<MonthBand> out = new ArrayList<>();
        double[] rate = new double[e.length];
        for (int j = first; j <= last; j++) {
            for (int i = 0; i < e.length; i++) {
                rate[i] = projectedRate(e[i], effect[i], ramp[i], j);
            }
            Pilot.Month m = observed.get(j);
            out.add(new MonthBand(j, Weighted.quantiles(rate, prior, BAND), Weighted.quantiles(rate, w, BAND),
                    m == null ? Double.NaN : m.rate(), m != null));
        }
        return out;
    }

    /**
     * A warning when the pilot's orders, scaled up by scope_share, fall more than
     * {@link #SCOPE_TOLERANCE} outside the scenario's P5–P95 orders.
     */
    private static java.util.Optional<Warning> scopeWarning(SimulationResult r, Pilot pilot) {
        double[] orders = r.input("business.orders_per_month");
        if (orders == null) {
            return java.util.Optional.empty();
        }
        double sum = 0;
        for (Pilot.Month m : pilot.months()) {
            sum += m.orders();
        }
        double implied = sum / pilot.months().size() / pilot.scopeShare();
        double[] sorted = Stats.sortedCopy(orders);
        double p5 = Stats.quantile(sorted, 0.05);
        double p95 = Stats.quantile(sorted, 0.95);
        // The scenario's orders_per_month is the level of horizon month 1, before seasonality and
        // growth, and the pilot's months are a handful of real months: a mismatch within 10% of the
        // range's ends is ordinary variation (and a fixed orders_per_month has p5 = p95), not a
        // wrong scope_share, so only a larger one is worth a warning.
        if (implied >= p5 * (1 - SCOPE_TOLERANCE) && implied <= p95 * (1 + SCOPE_TOLERANCE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Warning.ScopeOutside(pilot.scopeShare(), implied, p5, p95));
    }

    private static boolean allEqual(double[] x) {
        for (double v : x) {
            if (Double.compare(v, x[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int optionIndex(Scenario s, String id) {
        for (int k = 0; k < s.options().size(); k++) {
            if (s.options().get(k).id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the scenario has no option " + id);
    }

    private static double[] exceptionRate(SimulationResult r) {
        double[] e = r.input(Driver.EXCEPTION_RATE.path());
        return e != null ? e : new double[r.retained()];
    }
}
