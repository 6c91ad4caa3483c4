package dev.payback.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a pilot file (docs/model.md section 6) against the scenario it belongs to, reporting every
 * problem at once, each with its line:column and field path, like {@link ScenarioLoader}.
 *
 * <p>Rules beyond the format: the option must be one of the scenario's; {@code scope_share} lies in
 * (0, 1] and {@code exception_rate_reduction} in [0, 1]; months are whole numbers from −120 to 120,
 * each given once; orders are whole numbers ≥ 1 and exceptions whole numbers from 0 to the month's
 * orders; at least one baseline month (≤ 0) is required, because the observed reduction
 * {@code 1 − rate_last / rate_base} needs a baseline rate, and at least one live month (≥ 1).
 */
public final class PilotLoader {
    static final List<String> TOP = List.of("option", "scope_share", "success_criteria", "months",
            "actual_pilot_cost", "actual_one_time_cost");
    static final List<String> CRITERIA = List.of("exception_rate_reduction", "promise_accuracy_increase",
            "max_pilot_cost");
    static final List<String> MONTH = List.of("month", "orders", "exceptions", "promises", "promises_kept");
    /** Months are counted from the pilot's go-live; ten years either side is plenty. */
    static final int MONTH_LIMIT = 120;
    /**
     * The most orders (and exceptions) one pilot month may report: 10^12. The pilot's totals over at
     * most 241 months then stay below 2.5e14, exact in a long and in a double (below 2^53), so no
     * sum overflows or rounds.
     */
    static final long MAX_MONTH_ORDERS = 1_000_000_000_000L;
    private static final String TEMPLATE = "see scenarios/b_consumer_goods_multichannel_pilot.yaml";

    private PilotLoader() {
    }

    /** Loads a pilot file for {@code scenario}. */
    public static Pilot load(Path file, Scenario scenario) throws InvalidInputException {
        String source = file.toString();
        return parse(YamlSource.readText(file, source), source, scenario);
    }

    /** Parses pilot text; {@code sourceName} is used in problem locations. */
    public static Pilot parse(String yamlText, String sourceName, Scenario scenario) throws InvalidInputException {
        Problems problems = new Problems(sourceName);
        Optional<Node> composed = YamlSource.compose(yamlText, sourceName);
        if (composed.isEmpty()) {
            throw new InvalidInputException(new Problem(new Location(sourceName, 1, 1), "", "the file is empty",
                    TEMPLATE));
        }
        Node root = composed.get();
        YamlSource.checkTags(root, problems);
        problems.throwIfAny();
        if (!(root instanceof MappingNode)) {
            throw new InvalidInputException(new Problem(problems.loc(root), "",
                    "a pilot file must be a map of keys (option, scope_share, success_criteria, months), found "
                            + Nodes.describe(root), TEMPLATE));
        }
        if (Nodes.get((MappingNode) root, "months") == null && (Nodes.get((MappingNode) root, "business") != null
                || Nodes.get((MappingNode) root, "options") != null)) {
            // one line instead of a dozen unknown and missing keys
            throw new InvalidInputException(new Problem(problems.loc(root), "", "this is a scenario file (it has "
                    + "business: or options:), not a pilot file", "give the pilot file here: its months of "
                    + "observed orders and exceptions (" + TEMPLATE + ")"));
        }
        Values values = new Values(problems);
        Fields top = new Fields(root, "", TOP, problems);

        String option = option(top.require("option"), scenario, problems);
        Double scope = null;
        Node scopeNode = top.require("scope_share");
        if (scopeNode != null) {
            scope = values.plainNumber(scopeNode, "scope_share");
            if (scope != null && !(scope > 0 && scope <= 1)) {
                problems.add(scopeNode, "scope_share", "must lie in (0, 1], got " + Input.plain(scope),
                        "the share of all orders that went through the pilot, e.g. 0.25");
                scope = null;
            }
        }
        Double target = null;
        double promiseTarget = Double.NaN;
        double maxPilotCost = Double.NaN;
        Node maxPilotCostNode = null;
        Node promiseNode = null;
        Node criteriaNode = top.require("success_criteria");
        if (criteriaNode != null) {
            Fields criteria = new Fields(criteriaNode, "success_criteria", CRITERIA, problems);
            promiseNode = criteria.get("promise_accuracy_increase");
            if (promiseNode != null) {
                Double v = values.plainNumber(promiseNode, "success_criteria.promise_accuracy_increase");
                if (v != null && !(v >= 0 && v <= 10)) {
                    problems.add(promiseNode, "success_criteria.promise_accuracy_increase", "must lie in [0, 10], got "
                            + Input.plain(v), "write a 15% increase of promise accuracy as 0.15");
                } else if (v != null) {
                    promiseTarget = v;
                }
            }
            maxPilotCostNode = criteria.get("max_pilot_cost");
            if (maxPilotCostNode != null) {
                maxPilotCost = cost(maxPilotCostNode, "success_criteria.max_pilot_cost", values, problems);
            }
            Node t = criteria.require("exception_rate_reduction");
            if (t != null) {
                target = values.plainNumber(t, "success_criteria.exception_rate_reduction");
                if (target != null && !(target >= 0 && target <= 1)) {
                    problems.add(t, "success_criteria.exception_rate_reduction", "must lie in [0, 1], got "
                            + Input.plain(target), "write a 30% reduction as 0.30");
                    target = null;
                }
            }
        }
        double actualPilotCost = Double.NaN;
        if (top.has("actual_pilot_cost")) {
            actualPilotCost = cost(top.get("actual_pilot_cost"), "actual_pilot_cost", values, problems);
        }
        double actualOneTimeCost = Double.NaN;
        if (top.has("actual_one_time_cost")) {
            actualOneTimeCost = cost(top.get("actual_one_time_cost"), "actual_one_time_cost", values, problems);
        }
        if (maxPilotCostNode != null && !top.has("actual_pilot_cost")) {
            problems.add(maxPilotCostNode, "success_criteria.max_pilot_cost", "the cap needs the pilot's actual "
                    + "cost", "add actual_pilot_cost: what the pilot cost, e.g. actual_pilot_cost: 28000");
        }
        List<Pilot.Month> months = months(top.require("months"), values, problems);
        if (promiseNode != null && problems.isEmpty()) {
            boolean base = months.stream().anyMatch(m -> m.month() <= 0 && m.hasPromises());
            boolean live = months.stream().anyMatch(m -> m.month() >= 1 && m.hasPromises());
            if (!base || !live) {
                problems.add(promiseNode, "success_criteria.promise_accuracy_increase", "the criterion needs "
                        + "promise counts in a baseline month (month <= 0) and a live month (month >= 1)",
                        "add promises and promises_kept to those months, e.g. {month: 0, orders: 2950, exceptions: "
                                + "420, promises: 2950, promises_kept: 2480}");
            }
        }
        problems.throwIfAny();
        return new Pilot(sourceName, option, scope, target, months, promiseTarget, maxPilotCost, actualPilotCost,
                actualOneTimeCost);
    }

    /** A money amount ≥ 0; NaN (with a problem) when it is not one. */
    private static double cost(Node n, String path, Values values, Problems problems) {
        Double v = values.plainNumber(n, path);
        if (v == null) {
            return Double.NaN;
        }
        if (!(v >= 0)) {
            problems.add(n, path, "must be 0 or more, got " + Input.plain(v), "write the amount, e.g. 28000");
            return Double.NaN;
        }
        return v;
    }

    private static String option(Node n, Scenario scenario, Problems problems) {
        if (n == null) {
            return null;
        }
        List<String> ids = scenario.options().stream().map(OptionSpec::id).toList();
        if (!(n instanceof ScalarNode s) || Nodes.isNull(n) || s.getValue().isBlank()) {
            problems.add(n, "option", "expected an option id, found " + Nodes.describe(n),
                    "the scenario's options: " + String.join(", ", ids));
            return null;
        }
        String id = s.getValue();
        if (!ids.contains(id)) {
            problems.add(n, "option", "the scenario has no option '" + id + "'",
                    Suggest.didYouMean(id, ids, "the scenario's options"));
            return null;
        }
        return id;
    }

    private static List<Pilot.Month> months(Node n, Values values, Problems problems) {
        List<Pilot.Month> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.add(n, "months", "expected a list of months, found " + Nodes.describe(n),
                    "write e.g. - {month: 0, orders: 2950, exceptions: 420}");
            return out;
        }
        if (seq.getValue().isEmpty()) {
            problems.add(n, "months", "no months are listed",
                    "add at least one baseline month (month <= 0) and one live month (month >= 1)");
            return out;
        }
        Map<Long, Node> seen = new HashMap<>();
        boolean baseline = false;
        boolean live = false;
        boolean allMonthsKnown = true;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = "months[" + i + "]";
            Fields f = new Fields(item, path, MONTH, problems);
            if (!f.isMap()) {
                allMonthsKnown = false;
                continue;
            }
            Node monthNode = f.require("month");
            Node ordersNode = f.require("orders");
            Node exceptionsNode = f.require("exceptions");
            Long month = monthNode == null ? null
                    : values.wholeNumber(monthNode, path + ".month", -MONTH_LIMIT, MONTH_LIMIT);
            Long orders = ordersNode == null ? null
                    : values.wholeNumber(ordersNode, path + ".orders", 1, MAX_MONTH_ORDERS);
            Long exceptions = exceptionsNode == null ? null
                    : values.wholeNumber(exceptionsNode, path + ".exceptions", 0, MAX_MONTH_ORDERS);
            Node promisesNode = f.get("promises");
            Node keptNode = f.get("promises_kept");
            Long promises = promisesNode == null ? Long.valueOf(-1)
                    : values.wholeNumber(promisesNode, path + ".promises", 1, Long.MAX_VALUE);
            Long kept = keptNode == null ? Long.valueOf(-1)
                    : values.wholeNumber(keptNode, path + ".promises_kept", 0, Long.MAX_VALUE);
            if ((promisesNode == null) != (keptNode == null)) {
                Node given = promisesNode != null ? promisesNode : keptNode;
                problems.add(given, path + (promisesNode != null ? ".promises" : ".promises_kept"),
                        "promises and promises_kept go together", "give both counts for the month, or neither");
                promises = null;
            } else if (promises != null && kept != null && promises >= 1 && kept > promises) {
                problems.add(keptNode, path + ".promises_kept", "promises_kept " + kept + " exceed the month's "
                        + "promises " + promises, "count kept promises among the promises made");
                promises = null;
            }
            if (month == null) {
                allMonthsKnown = false;
            } else {
                Node first = seen.putIfAbsent(month, monthNode);
                if (first != null) {
                    Location at = problems.loc(first);
                    problems.add(monthNode, path + ".month", "month " + month + " is listed twice"
                                    + (at.line() > 0 ? " (first on line " + at.line() + ")" : ""),
                            "give each month once; add up the orders and exceptions of one month");
                    month = null;
                } else if (month <= 0) {
                    baseline = true;
                } else {
                    live = true;
                }
            }
            if (orders != null && exceptions != null && exceptions > orders) {
                problems.add(exceptionsNode, path + ".exceptions", "exceptions " + exceptions
                        + " exceed the month's orders " + orders, "exceptions are counted among the month's orders");
                exceptions = null;
            }
            if (month == null || orders == null || exceptions == null || promises == null || kept == null) {
                continue;
            }
            out.add(new Pilot.Month(month.intValue(), orders, exceptions, promises, kept));
        }
        if (!baseline && allMonthsKnown) {
            problems.add(n, "months", "no baseline month (month <= 0)", "add the month before go-live as month: 0; "
                    + "the observed reduction is measured against it");
        }
        if (!live && allMonthsKnown) {
            problems.add(n, "months", "no live month (month >= 1)",
                    "add the pilot's months from go-live as month: 1, 2, ...");
        }
        return out;
    }
}
