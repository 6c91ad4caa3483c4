package dev.payback.analysis;

import dev.payback.scenario.Correlation;
import dev.payback.scenario.Input;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.RunOverrides;
import dev.payback.scenario.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scenarios side by side: the headline figures of each {@link Summary} and their differences
 * against the first scenario. Options are matched by id; an option missing in a scenario is absent
 * (null) there, and so is its difference.
 *
 * @param scenarios the scenarios, the first being the reference
 * @param metrics   one per headline figure, in a fixed order
 * @param inputs    the scenario values that differ between the compared runs (empty when unknown)
 */
public record Comparison(List<ScenarioInfo> scenarios, List<Metric> metrics, List<InputDifference> inputs) {
    public Comparison {
        scenarios = List.copyOf(scenarios);
        metrics = List.copyOf(metrics);
        inputs = List.copyOf(inputs);
    }

    /** A comparison without the input differences. */
    public Comparison(List<ScenarioInfo> scenarios, List<Metric> metrics) {
        this(scenarios, metrics, List.of());
    }

    /** One compared scenario; {@code overrides} is how the run changed its file (stress preset, --set). */
    public record ScenarioInfo(String file, String name, String currency, int trials, long seed,
                               RunOverrides overrides, String sampling) {
        public ScenarioInfo {
            overrides = overrides == null ? RunOverrides.NONE : overrides;
            java.util.Objects.requireNonNull(sampling, "sampling");
        }

        public ScenarioInfo(String file, String name, String currency, int trials, long seed) {
            this(file, name, currency, trials, seed, RunOverrides.NONE, Summary.RANDOM);
        }
    }

    /**
     * A scenario value that is not the same in every compared run.
     *
     * @param path   the value's path, e.g. {@code pain.exception_rate}
     * @param values per run, the value as the scenario writes it, or null when the run has no such value
     */
    public record InputDifference(String path, List<String> values) {
        public InputDifference {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** Which way a metric is better, for colouring differences: lower pain is good. */
    public enum Better { HIGHER, LOWER, NEITHER }

    /** How a metric's values read. */
    public enum Unit { MONEY, SHARE, TEXT }

    /**
     * One headline figure across the scenarios, named by its summary.json key (its words live in
     * {@code report.compare.MetricLabels}).
     *
     * @param numbers     per scenario, the value (null when absent); TEXT metrics have none
     * @param texts       per scenario, the value of a TEXT metric (null when absent)
     * @param differences per scenario, value − the first scenario's (null for the first, when either is
     *                    absent, for TEXT metrics, and for money in another currency)
     */
    public record Metric(String key, Unit unit, List<Double> numbers, List<String> texts,
                         List<Double> differences, Better better) {
        public Metric(String key, Unit unit, List<Double> numbers, List<String> texts,
                List<Double> differences) {
            this(key, unit, numbers, texts, differences, Better.NEITHER);
        }

        public Metric {
            better = better == null ? Better.NEITHER : better;
            numbers = java.util.Collections.unmodifiableList(new ArrayList<>(numbers));
            texts = java.util.Collections.unmodifiableList(new ArrayList<>(texts));
            differences = java.util.Collections.unmodifiableList(new ArrayList<>(differences));
        }

        /** For a TEXT metric: whether scenario i's text differs from the first's. */
        public boolean changed(int i) {
            return i > 0 && !java.util.Objects.equals(texts.get(i), texts.get(0));
        }
    }

    /** Compares summaries; {@code files} names each one's scenario file. */
    public static Comparison of(List<String> files, List<Summary> summaries) {
        return of(files, summaries, List.of());
    }

    /**
     * Compares summaries and the scenarios they were run from ({@code scenarios} empty, or one per
     * summary: then the values that differ between them are listed).
     */
    public static Comparison of(List<String> files, List<Summary> summaries, List<Scenario> scenarios) {
        List<ScenarioInfo> infos = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            Summary s = summaries.get(i);
            infos.add(new ScenarioInfo(files.get(i), s.scenario(), s.currency(), s.trials(), s.seed(),
                    s.overrides(), s.sampling()));
        }
        Map<String, String> optionLabels = new LinkedHashMap<>();
        for (Summary s : summaries) {
            for (Summary.OptionSummary o : s.options()) {
                optionLabels.putIfAbsent(o.id(), o.label());
            }
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(number(summaries, "annualized_pain.p50", Unit.MONEY,
                Better.LOWER, s -> s.annualizedPain().p50()));
        for (String id : optionLabels.keySet()) {
            metrics.add(number(summaries, "options." + id + ".npv.mean", Unit.MONEY, Better.HIGHER,
                    s -> option(s, id) == null ? null : option(s, id).npv().mean()));
            metrics.add(number(summaries, "options." + id + ".npv.p50", Unit.MONEY, Better.HIGHER,
                    s -> option(s, id) == null ? null : option(s, id).npv().p50()));
            for (int m : new int[] {3, 6, 12}) {
                metrics.add(number(summaries, "options." + id + ".payback_probability." + m,
                        Unit.SHARE, Better.HIGHER,
                        s -> option(s, id) == null ? null : option(s, id).paybackProbability().get(m)));
            }
            metrics.add(number(summaries, "options." + id + ".max_one_time_cost.12",
                    Unit.MONEY, Better.HIGHER,
                    s -> option(s, id) == null ? null : option(s, id).maxOneTimeCost().get(12)));
            metrics.add(number(summaries, "p_best." + id, Unit.SHARE, Better.NEITHER,
                    s -> option(s, id) == null ? null : s.pBest().get(id)));
        }
        metrics.add(number(summaries, "p_best.status_quo", Unit.SHARE, Better.NEITHER,
                s -> s.pBest().get("status_quo")));
        List<String> verdicts = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (Summary s : summaries) {
            verdicts.add(s.decision().verdict());
            none.add(null);
        }
        metrics.add(new Metric("decision.verdict", Unit.TEXT, none, verdicts, none));
        return new Comparison(infos, metrics, scenarios.size() == summaries.size()
                ? inputDifferences(scenarios) : List.of());
    }

    /**
     * The scenario values that differ between the runs, in scenario order (the first run's, then
     * any the others add): every input (compared by distribution, shown in the scenario's notation),
     * the plain numbers the model uses, the seasonality, the correlations and each option's kind.
     */
    public static List<InputDifference> inputDifferences(List<Scenario> scenarios) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        Map<String, List<Object>> compared = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Map<String, Object[]> values = new LinkedHashMap<>();
            values.put("horizon_months", new Object[] {s.horizonMonths(), Integer.toString(s.horizonMonths())});
            values.put("discount_rate", new Object[] {s.discountRate(), Input.plain(s.discountRate())});
            values.put("decision.payback_confidence", new Object[] {s.paybackConfidence(),
                Input.plain(s.paybackConfidence())});
            values.put("business.seasonality", new Object[] {Arrays.toString(s.business().seasonality()),
                plainList(s.business().seasonality())});
            values.put("business.hours_per_fte_year", new Object[] {s.business().hoursPerFteYear(),
                Input.plain(s.business().hoursPerFteYear())});
            values.put("business.channels", new Object[] {s.business().channels(),
                Integer.toString(s.business().channels())});
            values.put("business.fulfillment_paths", new Object[] {s.business().fulfillmentPaths(),
                Integer.toString(s.business().fulfillmentPaths())});
            values.put("business.complexity", new Object[] {s.business().complexity(),
                Integer.toString(s.business().complexity())});
            values.put("business.adoption_readiness", new Object[] {s.business().adoptionReadiness(),
                Integer.toString(s.business().adoptionReadiness())});
            for (Input in : s.inputs()) {
                values.put(in.path(), new Object[] {distKey(in.dist()), in.notation()});
            }
            for (OptionSpec o : s.options()) {
                String kind = o.kind().name().toLowerCase(java.util.Locale.ROOT);
                values.put("options." + o.id() + ".kind", new Object[] {kind, kind});
            }
            for (Correlation c : s.correlations()) {
                String text = Input.plain(c.rho());
                values.put("correlations." + c.a() + "~" + c.b(), new Object[] {c.rho(), text});
            }
            for (Map.Entry<String, Object[]> e : values.entrySet()) {
                List<String> sh = shown.computeIfAbsent(e.getKey(), k -> nulls(scenarios.size()));
                List<Object> cmp = compared.computeIfAbsent(e.getKey(), k -> nulls(scenarios.size()));
                sh.set(i, (String) e.getValue()[1]);
                cmp.set(i, e.getValue()[0]);
            }
        }
        List<InputDifference> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : compared.entrySet()) {
            List<Object> v = e.getValue();
            boolean differ = false;
            for (Object x : v) {
                differ |= !Objects.equals(x, v.get(0));
            }
            if (differ) {
                out.add(new InputDifference(e.getKey(), shown.get(e.getKey())));
            }
        }
        return out;
    }

    /** A value equal for equal distributions (records with arrays compare their contents). */
    private static Object distKey(dev.payback.scenario.Dist d) {
        if (d instanceof dev.payback.scenario.Dist.Discrete x) {
            return "discrete" + Arrays.toString(x.values()) + Arrays.toString(x.weights());
        }
        if (d instanceof dev.payback.scenario.Dist.Empirical x) {
            return "empirical" + Arrays.toString(x.observations());
        }
        return d;
    }

    private static <T> List<T> nulls(int n) {
        List<T> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }

    private static String plainList(double[] xs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : ", ").append(Input.plain(xs[i]));
        }
        return b.append(']').toString();
    }

    private interface Getter {
        Double get(Summary s);
    }

    private static Metric number(List<Summary> summaries, String key, Unit unit, Better better,
            Getter getter) {
        List<Double> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Double> diffs = new ArrayList<>();
        for (Summary s : summaries) {
            Double v = getter.get(s);
            values.add(v == null || !Double.isFinite(v) ? null : v);
            texts.add(null);
        }
        String currency = summaries.get(0).currency();
        for (int i = 0; i < summaries.size(); i++) {
            Double v = values.get(i);
            Double first = values.get(0);
            boolean comparable = unit != Unit.MONEY || summaries.get(i).currency().equals(currency);
            diffs.add(i == 0 || v == null || first == null || !comparable ? null : v - first);
        }
        return new Metric(key, unit, values, texts, diffs, better);
    }

    private static Summary.OptionSummary option(Summary s, String id) {
        for (Summary.OptionSummary o : s.options()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        return null;
    }
}
