package dev.payback.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario (docs/model.md section 1). Every default has been applied; every value that
 * may be a distribution is an {@link Input}.
 *
 * @param source             the file it was read from (for messages)
 * @param trials             simulation.trials, after any CLI override
 * @param seed               simulation.seed, after any CLI override
 * @param paybackConfidence  decision.payback_confidence, the q of docs/model.md section 2
 * @param stress             named stress presets: preset name → (path → YAML text of the value)
 * @param paybackMonths      decision.payback_months, the payback bar in months (1..horizon, default 12)
 * @param overrides          the stress preset and --set overrides this scenario was loaded with
 * @param scorecardWeights   scorecard_weights (docs/model.md section 9), the defaults when absent
 */
public record Scenario(
        String source,
        String name,
        String currency,
        int horizonMonths,
        double discountRate,
        int trials,
        long seed,
        Business business,
        Pain pain,
        List<OptionSpec> options,
        List<Correlation> correlations,
        double paybackConfidence,
        Map<String, Map<String, String>> stress,
        int paybackMonths,
        RunOverrides overrides,
        ScorecardWeights scorecardWeights) {

    /** A scenario as written in its file (no overrides), with these scorecard weights. */
    public Scenario(String source, String name, String currency, int horizonMonths, double discountRate, int trials,
            long seed, Business business, Pain pain, List<OptionSpec> options, List<Correlation> correlations,
            double paybackConfidence, Map<String, Map<String, String>> stress, int paybackMonths,
            ScorecardWeights scorecardWeights) {
        this(source, name, currency, horizonMonths, discountRate, trials, seed, business, pain, options, correlations,
                paybackConfidence, stress, paybackMonths, RunOverrides.NONE, scorecardWeights);
    }

    /** A scenario as written in its file (no overrides), with the default scorecard weights. */
    public Scenario(String source, String name, String currency, int horizonMonths, double discountRate, int trials,
            long seed, Business business, Pain pain, List<OptionSpec> options, List<Correlation> correlations,
            double paybackConfidence, Map<String, Map<String, String>> stress, int paybackMonths) {
        this(source, name, currency, horizonMonths, discountRate, trials, seed, business, pain, options, correlations,
                paybackConfidence, stress, paybackMonths, RunOverrides.NONE, ScorecardWeights.DEFAULTS);
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        if (horizonMonths < 12 || horizonMonths > 120) {
            throw new IllegalArgumentException("horizon_months must lie in 12..120");
        }
        if (!(discountRate > -1) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discount_rate must be > -1");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1");
        }
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0");
        }
        if (options.isEmpty()) {
            throw new IllegalArgumentException("at least one option");
        }
        if (!(paybackConfidence > 0 && paybackConfidence < 1)) {
            throw new IllegalArgumentException("payback_confidence must lie in (0, 1)");
        }
        if (paybackMonths < 1 || paybackMonths > horizonMonths) {
            throw new IllegalArgumentException("payback_months must lie in 1..horizon_months");
        }
        options = List.copyOf(options);
        correlations = List.copyOf(correlations);
        // insertion order (the file's), not Map.copyOf's order, which changes between JVM runs
        Map<String, Map<String, String>> presets = new java.util.LinkedHashMap<>();
        stress.forEach((k, v) -> presets.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
        stress = java.util.Collections.unmodifiableMap(presets);
        overrides = overrides == null ? RunOverrides.NONE : overrides;
        Objects.requireNonNull(scorecardWeights, "scorecardWeights");
    }

    /** A scenario with the default payback bar of 12 months. */
    public Scenario(String source, String name, String currency, int horizonMonths, double discountRate, int trials,
            long seed, Business business, Pain pain, List<OptionSpec> options, List<Correlation> correlations,
            double paybackConfidence, Map<String, Map<String, String>> stress) {
        this(source, name, currency, horizonMonths, discountRate, trials, seed, business, pain, options, correlations,
                paybackConfidence, stress, 12);
    }

    /** The same scenario with another trial count and seed (CLI overrides). */
    public Scenario withRun(int newTrials, long newSeed) {
        return new Scenario(source, name, currency, horizonMonths, discountRate, newTrials, newSeed,
                business, pain, options, correlations, paybackConfidence, stress, paybackMonths, overrides,
                scorecardWeights);
    }

    /** The same scenario, recorded as loaded with these overrides. */
    public Scenario withOverrides(RunOverrides o) {
        return new Scenario(source, name, currency, horizonMonths, discountRate, trials, seed,
                business, pain, options, correlations, paybackConfidence, stress, paybackMonths, o, scorecardWeights);
    }

    /** The option with this id, or null. */
    public OptionSpec option(String id) {
        for (OptionSpec o : options) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Every strategy the run compares, in the engine's order: the options in file order, then the
     * staged rollout ({@code <id>_staged}) of each option with a {@code stages} block, in option order.
     */
    public List<Strategy> strategies() {
        List<Strategy> all = new ArrayList<>();
        for (OptionSpec o : options) {
            all.add(new Strategy(o.id(), o.label(), o.kind(), o, false));
        }
        for (OptionSpec o : options) {
            if (o.stages() != null) {
                all.add(new Strategy(o.stagedId(), o.stagedLabel(), o.kind(), o, true));
            }
        }
        return all;
    }

    /** Every input of the scenario in a fixed order: business, pain, then options in file order. */
    public List<Input> inputs() {
        List<Input> all = new ArrayList<>(business.inputs());
        all.addAll(pain.inputs());
        for (OptionSpec o : options) {
            all.addAll(o.inputs());
        }
        return all;
    }

    /** The input with this canonical path, or null. */
    public Input input(String path) {
        for (Input in : inputs()) {
            if (in.path().equals(path)) {
                return in;
            }
        }
        return null;
    }
}
