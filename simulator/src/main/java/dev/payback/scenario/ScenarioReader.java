package dev.payback.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Walks a composed scenario tree, validating every field and building the {@link Scenario}. */
final class ScenarioReader {
    private static final String ID = "[a-z0-9_-]+";
    private static final String NAME = "[a-z0-9_]+";

    private final Problems problems;
    private final Values values;
    /** Canonical path → input, for correlations. */
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    /** Canonical paths that exist but could not be read (their problem is already reported). */
    private final Set<String> broken = new HashSet<>();
    /** Canonical paths of other and event items, which cannot be correlated. */
    private final Set<String> uncorrelatable = new HashSet<>();
    /** Names usable as effects keys besides the drivers. */
    private final List<String> painNames = new ArrayList<>();

    ScenarioReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    /** Validates the tree; returns the scenario, or null when problems were reported. */
    Scenario read(Node root, Map<String, Map<String, String>> stress) {
        if (!(root instanceof MappingNode)) {
            problems.add(root, "", "a scenario must be a map of keys, found " + Nodes.describe(root),
                    "start from scenarios/template.yaml");
            return null;
        }
        Fields top = new Fields(root, "", Keys.TOP, problems);
        String name = text(top.require("name"), "name");
        String currency = top.has("currency") ? text(top.get("currency"), "currency") : "USD";
        Long horizon = top.has("horizon_months") ? values.wholeNumber(top.get("horizon_months"), "horizon_months",
                12, 120) : Long.valueOf(36);
        Double discount = top.has("discount_rate") ? discountRate(top.get("discount_rate")) : Double.valueOf(0.10);

        Fields sim = new Fields(top.get("simulation"), "simulation", Keys.SIMULATION, problems);
        Long trials = sim.has("trials") ? values.wholeNumber(sim.get("trials"), "simulation.trials", 1,
                Integer.MAX_VALUE) : Long.valueOf(100_000);
        Long seed = sim.has("seed") ? values.wholeNumber(sim.get("seed"), "simulation.seed", 0, Long.MAX_VALUE)
                : Long.valueOf(1);

        Node businessNode = top.require("business");
        Business business = businessNode == null ? null : business(businessNode);
        Pain pain = pain(top.get("pain"));
        List<OptionSpec> options = options(top.require("options"));
        List<Correlation> correlations = correlations(top.get("correlations"));

        Fields decision = new Fields(top.get("decision"), "decision", Keys.DECISION, problems);
        Double confidence = Double.valueOf(0.8);
        if (decision.has("payback_confidence")) {
            confidence = values.plainNumber(decision.get("payback_confidence"), "decision.payback_confidence");
            if (confidence != null && !(confidence > 0 && confidence < 1)) {
                problems.add(decision.get("payback_confidence"), "decision.payback_confidence",
                        "must lie strictly between 0 and 1, got " + Input.plain(confidence),
                        "0.8 means: pay back in 80% of trials");
                confidence = null;
            }
        }
        Long paybackMonths = Long.valueOf(12);
        if (decision.has("payback_months")) {
            paybackMonths = values.wholeNumber(decision.get("payback_months"), "decision.payback_months", 1,
                    horizon == null ? 120 : horizon);
        }
        ScorecardWeights weights = top.has("scorecard_weights") ? scorecardWeights(top.get("scorecard_weights"))
                : ScorecardWeights.DEFAULTS;
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scenario(problems.source(), name, currency, horizon.intValue(), discount, trials.intValue(), seed,
                business, pain, options, correlations, confidence, stress, paybackMonths.intValue(), weights);
    }

    /**
     * scorecard_weights (docs/model.md section 9): known dimensions only, plain numbers ≥ 0, not all 0.
     * A dimension the block leaves out weighs 0 (the block replaces the defaults as a whole).
     */
    private ScorecardWeights scorecardWeights(Node n) {
        String path = "scorecard_weights";
        int before = problems.size();
        Fields f = new Fields(n, path, Keys.SCORECARD, problems);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String key : Keys.SCORECARD) {
            if (f.has(key)) {
                Double w = values.plainNumber(f.get(key), f.path(key));
                if (w != null && w < 0) {
                    problems.add(f.get(key), f.path(key), "a weight cannot be negative, got " + Input.plain(w),
                            "write 0 to leave the dimension out, or a positive weight");
                    w = null;
                }
                if (w != null) {
                    weights.put(key, w);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (weights.values().stream().noneMatch(w -> w > 0)) {
            problems.add(n, path, weights.isEmpty() ? "no weights given" : "every weight is 0, so no option can be scored",
                    "give at least one dimension a weight above 0, e.g. {implementation_speed: 0.3, support_quality: "
                            + "0.25, integration_quality: 0.2, rule_flexibility: 0.15, reporting_depth: 0.1}, "
                            + "or remove scorecard_weights for these defaults");
            return null;
        }
        return new ScorecardWeights(weights);
    }

    private Double discountRate(Node n) {
        Double r = values.plainNumber(n, "discount_rate");
        if (r != null && !(r > -1 && r <= 1)) {
            problems.add(n, "discount_rate", "must be an annual rate as a fraction, between -1 and 1, got "
                    + Input.plain(r), "write 10% as 0.10");
            return null;
        }
        return r;
    }

    private String text(Node n, String path) {
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s) || Nodes.isNull(n) || s.getValue().isBlank()) {
            problems.add(n, path, "expected text, found " + Nodes.describe(n), "write e.g. " + path + ": My scenario");
            return null;
        }
        String v = s.getValue();
        if (v.codePointCount(0, v.length()) > Limits.MAX_TEXT) {
            problems.add(n, path, "the text is " + v.codePointCount(0, v.length()) + " characters long, more than "
                    + Limits.MAX_TEXT, "shorten it to at most " + Limits.MAX_TEXT + " characters");
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                problems.add(n, path, String.format("the text holds a lone UTF-16 surrogate (U+%04X at character %d)",
                        (int) c, i + 1), "remove it; it is not a character and no output can hold it");
                return null;
            }
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                problems.add(n, path, String.format("the text holds the control character U+%04X at character %d",
                        (int) c, i + 1), "write it on one line, without tabs or control characters");
                return null;
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- business

    private Business business(Node node) {
        int before = problems.size();
        Fields f = new Fields(node, "business", Keys.BUSINESS, problems);
        if (!f.isMap()) {
            return null;
        }
        Input orders = required(f, "orders_per_month", "business.orders_per_month", Domain.NON_NEGATIVE);
        Input growth = optional(f, "annual_growth", "business.annual_growth", Domain.GROWTH, 0);
        double[] season = seasonality(f.get("seasonality"));
        Input aov = required(f, "average_order_value", "business.average_order_value", Domain.NON_NEGATIVE);
        Input margin = required(f, "gross_margin", "business.gross_margin", Domain.UNIT);
        Input wage = required(f, "loaded_labor_cost_per_hour", "business.loaded_labor_cost_per_hour",
                Domain.NON_NEGATIVE);
        positive(f, "orders_per_month", orders, "revenue");
        positive(f, "average_order_value", aov, "revenue");
        positive(f, "loaded_labor_cost_per_hour", wage, "the labor cost of an FTE");
        if (season != null && growth != null) {
            // the first year's orders must not vanish either: revenue is their sum (Limits.MIN_POSITIVE)
            double most = 0;
            for (double x : season) {
                most = Math.max(most, x);
            }
            if (most < Limits.MIN_POSITIVE) {
                problems.add(f.get("seasonality"), "business.seasonality", "every multiplier is 0: no month has "
                        + "orders, so there is no revenue to measure the pain against",
                        "1 is an average month, 1.5 a month 50% busier");
            } else if (season[0] < Limits.MIN_POSITIVE && Values.reach(growth.dist())[0] <= -1) {
                problems.add(f.get("seasonality"), "business.seasonality", "month 1 has no orders and "
                        + "annual_growth can reach -1 (a 100% decline, no orders after month 1): a first year "
                        + "without revenue to measure the pain against", "raise annual_growth's lower end above -1, "
                        + "or give month 1 a multiplier above 0");
            }
        }
        Double hours = Double.valueOf(2080);
        if (f.has("hours_per_fte_year")) {
            hours = values.plainNumber(f.get("hours_per_fte_year"), "business.hours_per_fte_year");
            if (hours != null && !(hours >= 1 && hours <= 8784)) {
                problems.add(f.get("hours_per_fte_year"), "business.hours_per_fte_year",
                        "must lie between 1 and 8784 (the hours of a leap year), got " + Input.plain(hours),
                        "a full-time year is about 2080 hours");
                hours = null;
            }
        }
        Long channels = whole(f, "channels", 1, Integer.MAX_VALUE, 1);
        Long paths = whole(f, "fulfillment_paths", 1, Integer.MAX_VALUE, 1);
        Input accuracy = optional(f, "inventory_accuracy", "business.inventory_accuracy", Domain.UNIT, 1);
        Long complexity = whole(f, "complexity", 1, 5, 1);
        Long readiness = whole(f, "adoption_readiness", 1, 5, 3);
        if (problems.size() > before) {
            return null;
        }
        return new Business(orders, growth, season, aov, margin, wage, hours, channels.intValue(), paths.intValue(),
                accuracy, complexity.intValue(), readiness.intValue());
    }

    private Long whole(Fields f, String key, long lo, long hi, long dflt) {
        return f.has(key) ? values.wholeNumber(f.get(key), f.path(key), lo, hi) : Long.valueOf(dflt);
    }

    private double[] seasonality(Node n) {
        String path = "business.seasonality";
        double[] out = new double[12];
        java.util.Arrays.fill(out, 1);
        if (n == null) {
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.add(n, path, "expected a list of 12 monthly multipliers, found " + Nodes.describe(n),
                    "write 12 numbers, month 1 first, e.g. [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.4]");
            return null;
        }
        List<Node> items = seq.getValue();
        if (items.size() != 12) {
            problems.add(n, path, "needs exactly 12 monthly multipliers, found " + items.size(),
                    "give one multiplier per month, month 1 first");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < 12; i++) {
            String p = path + "[" + i + "]";
            Double x = values.plainNumber(items.get(i), p);
            if (x != null && !(x >= 0 && x <= Limits.MAX_MAGNITUDE)) {
                problems.add(items.get(i), p, x < 0 ? "a seasonality multiplier cannot be negative, got "
                        + Input.plain(x) : "a seasonality multiplier must be at most 1e15, got " + Input.plain(x),
                        "1 is an average month, 1.5 a month 50% busier");
                x = null;
            }
            ok &= x != null;
            out[i] = x == null ? 0 : x;
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- inputs

    private Input required(Fields f, String key, String canonical, Domain domain) {
        Node n = f.require(key);
        if (n == null) {
            broken.add(canonical);
            return null;
        }
        return input(n, f.path(key), canonical, domain);
    }

    /**
     * Refuses a divisor of the model (orders, average order value, wage) that can be 0 or nearly 0 in
     * some trial: the pain's share of revenue and its FTEs would be infinite (see {@link Limits#MIN_POSITIVE}).
     */
    private void positive(Fields f, String key, Input in, String divides) {
        if (in == null) {
            return;
        }
        String what = Values.notPositive(in);
        if (what != null) {
            problems.add(f.get(key), f.path(key), what + ", but it must stay above 0 in every trial (at least "
                    + String.format(java.util.Locale.ROOT, "%.0e", Limits.MIN_POSITIVE)
                    + "): the pain is measured against " + divides,
                    "give a positive range, e.g. {pert: [min, mode, max]} with min > 0, or {ci90: [lo, hi]} with "
                            + "lo > 0 (a lognormal)");
            broken.add(in.path());
        }
    }

    private Input optional(Fields f, String key, String canonical, Domain domain, double dflt) {
        if (f.meant(key)) {
            broken.add(canonical);
        }
        if (!f.has(key)) {
            Input in = Input.fixed(canonical, dflt, domain);
            inputs.put(canonical, in);
            return in;
        }
        return input(f.get(key), f.path(key), canonical, domain);
    }

    private Input input(Node n, String path, String canonical, Domain domain) {
        Input in = values.input(n, path, canonical, domain);
        if (in == null) {
            broken.add(canonical);
        } else {
            inputs.put(canonical, in);
        }
        return in;
    }

    // ---------------------------------------------------------------- pain

    private Pain pain(Node node) {
        int before = problems.size();
        Fields f = new Fields(node, "pain", Keys.PAIN, problems);
        Map<Driver, Input> drivers = new EnumMap<>(Driver.class);
        for (Driver d : Driver.values()) {
            if (f.has(d.key())) {
                Input in = input(f.get(d.key()), f.path(d.key()), d.path(), d.domain());
                if (in != null) {
                    drivers.put(d, in);
                }
            } else if (f.meant(d.key())) {
                broken.add(d.path());
            }
        }
        Set<String> names = new HashSet<>();
        List<Pain.Other> other = new ArrayList<>();
        forEachItem(f.get("other"), "pain.other", (item, path) -> {
            Fields o = new Fields(item, path, Keys.OTHER_ITEM, problems);
            String name = itemName(o, path, names);
            String canonical = "pain.other." + (name == null ? "?" : name);
            Input perYear = required(o, "per_year", canonical, Domain.NON_NEGATIVE);
            if (name != null) {
                uncorrelatable.add(canonical);
                if (perYear != null) {
                    other.add(new Pain.Other(name, perYear));
                }
            }
        });
        List<Pain.Event> events = new ArrayList<>();
        forEachItem(f.get("events"), "pain.events", (item, path) -> {
            Fields e = new Fields(item, path, Keys.EVENT_ITEM, problems);
            String name = itemName(e, path, names);
            String base = "pain.events." + (name == null ? "?" : name);
            Input probability = required(e, "probability", base + ".probability", Domain.UNIT);
            Input cost = required(e, "cost", base + ".cost", Domain.NON_NEGATIVE);
            if (name != null) {
                uncorrelatable.add(base + ".probability");
                uncorrelatable.add(base + ".cost");
                if (probability != null && cost != null) {
                    events.add(new Pain.Event(name, probability, cost));
                }
            }
        });
        return problems.size() > before ? null : new Pain(drivers, other, events);
    }

    private String itemName(Fields f, String path, Set<String> names) {
        Node n = f.require("name");
        String name = text(n, f.path("name"));
        if (name == null) {
            return null;
        }
        if (!name.matches(NAME)) {
            problems.add(n, f.path("name"), "'" + name + "' is not a valid name",
                    "use lower-case letters, digits and _, e.g. " + slug(name, false));
            return null;
        }
        if (Driver.byKey(name) != null || name.equals("other") || name.equals("events")) {
            problems.add(n, f.path("name"), "'" + name + "' is already a pain driver name",
                    "give this item a different name, or set pain." + name + " directly");
            return null;
        }
        if (!names.add(name)) {
            problems.add(n, f.path("name"), "the name '" + name + "' is used twice in other/events",
                    "give each item its own name");
            return null;
        }
        painNames.add(name);
        return name;
    }

    private static String slug(String s, boolean dash) {
        String t = s.toLowerCase(java.util.Locale.ROOT).replaceAll(dash ? "[^a-z0-9_-]+" : "[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
        return t.isEmpty() ? "item_1" : t;
    }

    private interface ItemVisitor {
        void visit(Node item, String path);
    }

    private void forEachItem(Node list, String path, ItemVisitor visitor) {
        if (list == null || Nodes.isNull(list)) {
            return;
        }
        if (!(list instanceof SequenceNode seq)) {
            problems.add(list, path, "expected a list, found " + Nodes.describe(list),
                    "write a list of items, each starting with '- '");
            return;
        }
        int i = 0;
        for (Node item : seq.getValue()) {
            visitor.visit(item, path + "[" + i++ + "]");
        }
    }

    // ---------------------------------------------------------------- options

    private List<OptionSpec> options(Node node) {
        if (node == null) {
            return null;
        }
        if (Nodes.isNull(node) || (node instanceof SequenceNode s && s.getValue().isEmpty())) {
            problems.add(node, "options", "there are no options to compare",
                    "add at least one option with id, kind, one_time_cost, annual_cost and implementation_months");
            return null;
        }
        if (node instanceof SequenceNode s && s.getValue().size() > Limits.MAX_OPTIONS) {
            problems.add(node, "options", "there are " + s.getValue().size() + " options, more than "
                    + Limits.MAX_OPTIONS, "compare at most " + Limits.MAX_OPTIONS + " options in one scenario "
                    + "(the engine records each trial's best option in one byte); split the others into "
                    + "another scenario and use payback compare");
            return null;
        }
        int before = problems.size();
        List<OptionSpec> out = new ArrayList<>();
        Map<String, Node> ids = new HashMap<>();
        forEachItem(node, "options", (item, path) -> {
            OptionSpec o = option(item, path, ids);
            if (o != null) {
                out.add(o);
            }
        });
        // docs/model.md section 7: the staged strategy's derived id must not collide with an option's id
        for (Map.Entry<String, Node> staged : stagesNodes.entrySet()) {
            String derived = staged.getKey() + Stages.SUFFIX;
            if (ids.containsKey(derived)) {
                Location at = problems.loc(ids.get(derived));
                problems.add(staged.getValue(), stagesPaths.get(staged.getKey()), "the staged rollout of '"
                        + staged.getKey() + "' is reported as '" + derived + "', which is already an option id"
                        + (at.line() > 0 ? " (line " + at.line() + ")" : ""),
                        "rename that option, or this one");
            }
        }
        long staged = out.stream().filter(o -> o.stages() != null).count();
        if (problems.size() == before && out.size() + staged > Limits.MAX_OPTIONS) {
            problems.add(node, "options", "there are " + out.size() + " options and " + staged + " staged rollouts, "
                    + (out.size() + staged) + " strategies, more than " + Limits.MAX_OPTIONS, "compare at most "
                    + Limits.MAX_OPTIONS + " strategies in one scenario (the engine records each trial's best in one "
                    + "byte); split the others into another scenario and use payback compare");
            return null;
        }
        return problems.size() > before ? null : out;
    }

    /** Option id → its stages node and path, for the derived-id check. */
    private final Map<String, Node> stagesNodes = new LinkedHashMap<>();
    private final Map<String, String> stagesPaths = new HashMap<>();

    private OptionSpec option(Node item, String path, Map<String, Node> ids) {
        int before = problems.size();
        Fields f = new Fields(item, path, Keys.OPTION, problems);
        if (!f.isMap() || Nodes.isNull(item)) {
            if (Nodes.isNull(item)) {
                problems.add(item, path, "the option is empty", "give it id, kind, one_time_cost, annual_cost "
                        + "and implementation_months");
            }
            return null;
        }
        Node idNode = f.require("id");
        String id = text(idNode, f.path("id"));
        if (id != null) {
            if (!id.matches(ID)) {
                problems.add(idNode, f.path("id"), "'" + id + "' is not a valid option id",
                        "use lower-case letters, digits, _ and -, e.g. " + slug(id, true));
                id = null;
            } else if (id.equals("status_quo")) {
                problems.add(idNode, f.path("id"), "status_quo is reserved for doing nothing",
                        "the status quo is always compared; give this option another id");
                id = null;
            } else if (ids.containsKey(id)) {
                Location first = problems.loc(ids.get(id));
                problems.add(idNode, f.path("id"), "the option id '" + id + "' is used twice"
                        + (first.line() > 0 ? " (first on line " + first.line() + ")" : ""),
                        "give each option its own id");
                id = null;
            } else {
                ids.put(id, idNode);
            }
        }
        String label = f.has("label") ? text(f.get("label"), f.path("label")) : id;
        OptionSpec.Kind kind = null;
        Node kindNode = f.require("kind");
        String kindText = text(kindNode, f.path("kind"));
        if (kindText != null) {
            if (Keys.KINDS.contains(kindText)) {
                kind = OptionSpec.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
            } else {
                problems.add(kindNode, f.path("kind"), "kind must be operate or orchestrate, got '" + kindText + "'",
                        Suggest.didYouMean(kindText, Keys.KINDS, "valid kinds"));
            }
        }
        String base = "options." + (id == null ? "?" + path : id) + ".";
        Input oneTime = required(f, "one_time_cost", base + "one_time_cost", Domain.NON_NEGATIVE);
        Input annual = required(f, "annual_cost", base + "annual_cost", Domain.NON_NEGATIVE);
        Input perOrder = optional(f, "per_order_fee", base + "per_order_fee", Domain.NON_NEGATIVE, 0);
        Input months = required(f, "implementation_months", base + "implementation_months", Domain.NON_NEGATIVE);
        Input ramp = optional(f, "ramp_months", base + "ramp_months", Domain.NON_NEGATIVE, 0);
        Input dip = optional(f, "go_live_dip", base + "go_live_dip", Domain.NON_NEGATIVE, 0);
        Input failP = optional(f, "failure_probability", base + "failure_probability", Domain.UNIT, 0);
        Input failShare = optional(f, "failure_benefit_share", base + "failure_benefit_share", Domain.UNIT, 0);

        Map<String, Input> effects = new LinkedHashMap<>();
        Node effectsNode = f.get("effects");
        if (effectsNode instanceof MappingNode) {
            List<String> valid = new ArrayList<>(Keys.DRIVERS);
            valid.addAll(painNames);
            Fields e = new Fields(effectsNode, f.path("effects"), valid, problems);
            for (String key : valid) {
                if (e.has(key)) {
                    Input in = input(e.get(key), e.path(key), base + "effects." + key, Domain.UNIT);
                    if (in != null) {
                        effects.put(key, in);
                    }
                } else if (e.meant(key)) {
                    broken.add(base + "effects." + key);
                }
            }
        } else if (effectsNode != null && !Nodes.isNull(effectsNode)) {
            problems.add(effectsNode, f.path("effects"), "expected a map of pain driver → reduction, found "
                    + Nodes.describe(effectsNode), "write e.g. effects: {exception_rate: {pert: [0.2, 0.4, 0.6]}}");
        }
        Map<String, Double> scorecard = new LinkedHashMap<>();
        Fields sc = new Fields(f.get("scorecard"), f.path("scorecard"), Keys.SCORECARD, problems);
        for (String key : Keys.SCORECARD) {
            if (sc.has(key)) {
                Long v = values.wholeNumber(sc.get(key), sc.path(key), 1, 5);
                if (v != null) {
                    scorecard.put(key, v.doubleValue());
                }
            }
        }
        Stages stages = null;
        Node stagesNode = f.get("stages");
        if (stagesNode != null && !Nodes.isNull(stagesNode)) {
            stages = stages(stagesNode, f.path("stages"), base, effects);
            if (id != null) {
                stagesNodes.put(id, stagesNode);
                stagesPaths.put(id, f.path("stages"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new OptionSpec(id, label, kind, oneTime, annual, perOrder, months, ramp, dip, failP, failShare,
                effects, scorecard, stages);
    }

    /** docs/model.md section 7: the optional stages block of an option. */
    private Stages stages(Node node, String path, String base, Map<String, Input> effects) {
        int before = problems.size();
        Fields f = new Fields(node, path, Keys.STAGES, problems);
        if (!f.isMap()) {
            return null;
        }
        Double share = null;
        Node shareNode = f.require("pilot_share");
        if (shareNode != null) {
            share = values.plainNumber(shareNode, f.path("pilot_share"));
            if (share != null && !(share > 0 && share < 1)) {
                problems.add(shareNode, f.path("pilot_share"), "must lie strictly between 0 and 1, got "
                        + Input.plain(share), "0.25 pilots a quarter of the orders (one channel, region or product family)");
                share = null;
            }
        }
        Long months = null;
        Node monthsNode = f.require("pilot_months");
        if (monthsNode != null) {
            months = values.wholeNumber(monthsNode, f.path("pilot_months"), 1, 120);
        }
        Input pilotCost = f.has("pilot_one_time_cost") ? input(f.get("pilot_one_time_cost"),
                f.path("pilot_one_time_cost"), base + "stages.pilot_one_time_cost", Domain.NON_NEGATIVE) : null;
        Input expansion = f.has("expansion_cost") ? input(f.get("expansion_cost"), f.path("expansion_cost"),
                base + "stages.expansion_cost", Domain.NON_NEGATIVE) : null;
        Input stop = optional(f, "stop_cost", base + "stages.stop_cost", Domain.NON_NEGATIVE, 0);
        Double target = null;
        Node goNode = f.require("go_criteria");
        if (goNode != null) {
            Fields go = new Fields(goNode, f.path("go_criteria"), Keys.GO_CRITERIA, problems);
            Node t = go.isMap() ? go.require("exception_rate_reduction") : null;
            if (t != null) {
                String tp = go.path("exception_rate_reduction");
                target = values.plainNumber(t, tp);
                if (target != null && !(target >= 0 && target <= 1)) {
                    problems.add(t, tp, "must lie between 0 and 1, got " + Input.plain(target),
                            "the seed's example target is 0.30: exception handling down by 30%");
                    target = null;
                }
            }
        }
        if (!effects.containsKey(Driver.EXCEPTION_RATE.key()) && !broken.contains(base + "effects.exception_rate")) {
            problems.add(node, path, "a staged rollout needs the option to have an exception_rate effect (the "
                    + "pilot's gate measures it)", "add effects: {exception_rate: ...} to this option");
        }
        if (problems.size() > before || share == null || months == null || target == null || stop == null) {
            return null;
        }
        return new Stages(share, months.intValue(), pilotCost, expansion, stop, target);
    }

    // ---------------------------------------------------------------- correlations

    private List<Correlation> correlations(Node node) {
        List<Correlation> out = new ArrayList<>();
        List<Node> entryNodes = new ArrayList<>();
        Map<String, String> pairs = new HashMap<>();
        int before = problems.size();
        forEachItem(node, "correlations", (item, path) -> {
            Correlation c = correlation(item, path, pairs);
            if (c != null) {
                out.add(c);
                entryNodes.add(item);
            }
        });
        if (problems.size() > before || out.isEmpty()) {
            return out;
        }
        CorrelationCheck.Result r = CorrelationCheck.check(out, p -> inputs.get(p).dist());
        for (CorrelationCheck.Unattainable u : r.unattainable()) {
            int i = out.indexOf(u.correlation());
            problems.add(entryNodes.get(i), "correlations[" + i + "]", CorrelationCheck.unattainable(
                    CorrelationCheck.describe(u.correlation()), u), CorrelationCheck.UNATTAINABLE_FIX);
        }
        if (r.unattainable().isEmpty() && !r.positiveDefinite()) {
            StringBuilder named = new StringBuilder();
            Node first = null;
            for (Correlation c : r.offending()) {
                int i = out.indexOf(c);
                if (first == null) {
                    first = entryNodes.get(i);
                }
                named.append(named.length() == 0 ? "" : ", ").append("correlations[").append(i).append("] ")
                        .append(CorrelationCheck.describe(c));
            }
            problems.add(first, "correlations", CorrelationCheck.notPositiveDefinite(named.toString()),
                    CorrelationCheck.NOT_POSITIVE_DEFINITE_FIX);
        }
        return out;
    }

    private Correlation correlation(Node item, String path, Map<String, String> pairs) {
        if (!(item instanceof SequenceNode seq) || seq.getValue().size() != 3) {
            problems.add(item, path, "a correlation is [input, input, rho], found " + Nodes.describe(item)
                    + (item instanceof SequenceNode s ? " of " + s.getValue().size() : ""),
                    "write e.g. [pain.exception_rate, pain.cancellation_rate, 0.6]");
            return null;
        }
        List<Node> parts = seq.getValue();
        String a = correlatedPath(parts.get(0), path);
        String b = correlatedPath(parts.get(1), path);
        Double rho = values.plainNumber(parts.get(2), path);
        if (rho != null && !(rho > -1 && rho < 1)) {
            problems.add(parts.get(2), path, "rho must lie strictly between -1 and 1, got " + Input.plain(rho),
                    "a rank correlation of 0.6 is already strong");
            rho = null;
        }
        if (a == null || b == null || rho == null) {
            return null;
        }
        if (a.equals(b)) {
            problems.add(parts.get(1), path, "an input cannot be correlated with itself", "name two different inputs");
            return null;
        }
        String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        if (pairs.containsKey(key)) {
            problems.add(item, path, "this pair is already correlated in " + pairs.get(key),
                    "keep one entry per pair");
            return null;
        }
        pairs.put(key, path);
        return new Correlation(a, b, rho, problems.loc(item));
    }

    private String correlatedPath(Node n, String path) {
        if (!(n instanceof ScalarNode s) || !Tag.STR.equals(s.getTag())) {
            problems.add(n, path, "expected an input path, found " + Nodes.describe(n),
                    "write e.g. pain.exception_rate");
            return null;
        }
        String p = s.getValue();
        if (uncorrelatable.contains(p)) {
            problems.add(n, path, p + " is an other or events item, which cannot be correlated",
                    "correlate business, pain driver or option inputs");
            return null;
        }
        if (broken.contains(p)) {
            return null;
        }
        Input in = inputs.get(p);
        if (in == null) {
            Driver d = p.startsWith("pain.") ? Driver.byKey(p.substring(5)) : null;
            if (d != null) {
                problems.add(n, path, p + " is not given in pain (a missing driver is 0)",
                        "add the driver under pain, or remove this correlation");
            } else {
                String near = Suggest.nearest(p, inputs.keySet());
                problems.add(n, path, "unknown input '" + p + "'", near != null ? "did you mean " + near + "?"
                        : "name an input by its path, e.g. business.orders_per_month or pain.exception_rate");
            }
            return null;
        }
        if (in.dist().isFixed()) {
            problems.add(n, path, p + " is a fixed value (" + in.notation() + "), so it cannot be correlated",
                    "give it a distribution, or remove this correlation");
            return null;
        }
        return p;
    }
}
