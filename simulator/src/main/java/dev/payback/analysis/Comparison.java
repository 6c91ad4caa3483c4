package dev.payback.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios side by side: the headline figures of each {@link Summary} and their differences
 * against the first scenario. Options are matched by id; an option missing in a scenario is absent
 * (null) there, and so is its difference.
 *
 * @param scenarios the scenarios, the first being the reference
 * @param metrics   one per headline figure, in a fixed order
 */
public record Comparison(List<ScenarioInfo> scenarios, List<Metric> metrics) {
    public Comparison {
        scenarios = List.copyOf(scenarios);
        metrics = List.copyOf(metrics);
    }

    /** One compared scenario. */
    public record ScenarioInfo(String file, String name, String currency, int trials, long seed) {
    }

    /** How a metric's values read. */
    public enum Unit { MONEY, SHARE, TEXT }

    /**
     * One headline figure across the scenarios.
     *
     * @param numbers     per scenario, the value (null when absent); TEXT metrics have none
     * @param texts       per scenario, the value of a TEXT metric (null when absent)
     * @param differences per scenario, value − the first scenario's (null for the first, when either is
     *                    absent, for TEXT metrics, and for money in another currency)
     */
    public record Metric(String key, String label, Unit unit, List<Double> numbers, List<String> texts,
                         List<Double> differences) {
        public Metric {
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
        List<ScenarioInfo> infos = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            Summary s = summaries.get(i);
            infos.add(new ScenarioInfo(files.get(i), s.scenario(), s.currency(), s.trials(), s.seed()));
        }
        Map<String, String> optionLabels = new LinkedHashMap<>();
        for (Summary s : summaries) {
            for (Summary.OptionSummary o : s.options()) {
                optionLabels.putIfAbsent(o.id(), o.label());
            }
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(number(summaries, "annualized_pain.p50", "Annualized pain of the status quo, P50", Unit.MONEY,
                s -> s.annualizedPain().p50()));
        for (String id : optionLabels.keySet()) {
            metrics.add(number(summaries, "options." + id + ".npv.mean", id + ": mean NPV", Unit.MONEY,
                    s -> option(s, id) == null ? null : option(s, id).npv().mean()));
            metrics.add(number(summaries, "options." + id + ".npv.p50", id + ": NPV P50", Unit.MONEY,
                    s -> option(s, id) == null ? null : option(s, id).npv().p50()));
            for (int m : new int[] {3, 6, 12}) {
                metrics.add(number(summaries, "options." + id + ".payback_probability." + m,
                        id + ": P(payback within " + m + " months)", Unit.SHARE,
                        s -> option(s, id) == null ? null : option(s, id).paybackProbability().get(m)));
            }
            metrics.add(number(summaries, "options." + id + ".max_one_time_cost.12",
                    id + ": max one-time cost for 12-month payback", Unit.MONEY,
                    s -> option(s, id) == null ? null : option(s, id).maxOneTimeCost().get(12)));
            metrics.add(number(summaries, "p_best." + id, id + ": P(best)", Unit.SHARE,
                    s -> option(s, id) == null ? null : s.pBest().get(id)));
        }
        metrics.add(number(summaries, "p_best.status_quo", "status quo: P(best)", Unit.SHARE,
                s -> s.pBest().get("status_quo")));
        List<String> verdicts = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (Summary s : summaries) {
            verdicts.add(s.decision().verdict());
            none.add(null);
        }
        metrics.add(new Metric("decision.verdict", "Verdict", Unit.TEXT, none, verdicts, none));
        return new Comparison(infos, metrics);
    }

    private interface Getter {
        Double get(Summary s);
    }

    private static Metric number(List<Summary> summaries, String key, String label, Unit unit, Getter getter) {
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
        return new Metric(key, label, unit, values, texts, diffs);
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
