package dev.payback.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Applies {@code PATH=value} overrides (from {@code --set} or a stress preset) to the node tree
 * before validation, so an override is checked exactly like file content.
 */
final class Overrides {
    /** The location name of values given on the command line. */
    static final String SET = "--set";

    private Overrides() {
    }

    /** A parsed {@code --set} string. */
    record Override(String path, Node value) { }

    /** Parses {@code PATH=YAML}; null (with a problem) when malformed. */
    static Override parse(String set, Problems problems) {
        Location where = Location.unknown(SET);
        int eq = set.indexOf('=');
        String path = eq < 0 ? set.trim() : set.substring(0, eq).trim();
        if (eq < 0 || !path.matches("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*")) {
            problems.add(where, path.isEmpty() ? set : path, "malformed override '" + set + "'",
                    "write PATH=VALUE, e.g. pain.exception_rate={pert: [0.1, 0.15, 0.2]}");
            return null;
        }
        String text = set.substring(eq + 1);
        if (text.isBlank()) {
            problems.add(where, path, "the override gives no value", "write PATH=VALUE, e.g. horizon_months=48");
            return null;
        }
        try {
            Optional<Node> node = YamlSource.compose(text, SET);
            if (node.isEmpty()) {
                problems.add(where, path, "the override gives no value", "write PATH=VALUE, e.g. horizon_months=48");
                return null;
            }
            return new Override(path, node.get());
        } catch (InvalidInputException e) {
            Problem first = e.problems().get(0);
            problems.add(where, path, "the value is not valid YAML: " + first.message(),
                    "quote the whole argument in the shell, e.g. --set 'pain.expedite_fee={ci90: [9, 30]}'");
            return null;
        }
    }

    /**
     * Puts {@code value} at {@code path} in the tree; with {@code apply} false only checks that the
     * path can name a value. Returns false (with a problem at {@code where}) when it cannot.
     */
    static boolean apply(MappingNode root, String path, Node value, Location where, Problems problems,
            boolean apply) {
        return apply(root, path, path, value, where, problems, apply);
    }

    /** As above, reporting problems under {@code reportPath} (e.g. {@code stress.high.pain.x}). */
    static boolean apply(MappingNode root, String path, String reportPath, Node value, Location where,
            Problems problems, boolean apply) {
        String[] s = path.split("\\.", -1);
        Resolver r = new Resolver(root, reportPath, where, problems, apply, value);
        return r.resolve(s);
    }

    private static final class Resolver {
        private final MappingNode root;
        private final String path;
        private final Location where;
        private final Problems problems;
        private final boolean apply;
        private final Node value;

        Resolver(MappingNode root, String path, Location where, Problems problems, boolean apply, Node value) {
            this.root = root;
            this.path = path;
            this.where = where;
            this.problems = problems;
            this.apply = apply;
            this.value = value;
        }

        boolean resolve(String[] s) {
            String top = s[0];
            switch (top) {
                case "name", "currency", "horizon_months", "discount_rate" -> {
                    return length(s, 1) && set(root, top);
                }
                case "simulation" -> {
                    if (s.length == 1) {
                        return set(root, top);
                    }
                    return length(s, 2) && known(s[1], Keys.SIMULATION) && set(map(root, top), s[1]);
                }
                case "decision" -> {
                    return length(s, 2) && known(s[1], Keys.DECISION) && set(map(root, top), s[1]);
                }
                case "scorecard_weights" -> {
                    if (s.length == 1) {
                        return set(root, top);
                    }
                    return length(s, 2) && known(s[1], Keys.SCORECARD) && set(map(root, top), s[1]);
                }
                case "business" -> {
                    return length(s, 2) && known(s[1], Keys.BUSINESS) && set(map(root, top), s[1]);
                }
                case "pain" -> {
                    return pain(s);
                }
                case "options" -> {
                    return option(s);
                }
                case "correlations", "stress" -> {
                    return fail(top + " cannot be overridden", "change it in the scenario file");
                }
                default -> {
                    return fail("unknown key", Suggest.didYouMean(top, Keys.TOP, "valid keys"));
                }
            }
        }

        private boolean pain(String[] s) {
            if (s.length < 2) {
                return fail("name a pain driver, e.g. pain.exception_rate", "");
            }
            if (s[1].equals("other")) {
                if (s.length < 3 || s.length > 4 || (s.length == 4 && !s[3].equals("per_year"))) {
                    return fail("write pain.other.<name> or pain.other.<name>.per_year", "");
                }
                MappingNode item = item(Nodes.get(root, "pain"), "other", s[2], "name", "other item");
                return item != null && set(item, "per_year");
            }
            if (s[1].equals("events")) {
                if (s.length != 4) {
                    return fail("write pain.events.<name>.probability or pain.events.<name>.cost", "");
                }
                MappingNode item = item(Nodes.get(root, "pain"), "events", s[2], "name", "event");
                return item != null && known(s[3], List.of("probability", "cost")) && set(item, s[3]);
            }
            return length(s, 2) && known(s[1], Keys.DRIVERS) && set(map(root, "pain"), s[1]);
        }

        private boolean option(String[] s) {
            if (s.length < 3) {
                return fail("write options.<id>.<field>, e.g. options.orchestrate.one_time_cost", "");
            }
            MappingNode item = item(root, "options", s[1], "id", "option");
            if (item == null) {
                return false;
            }
            String field = s[2];
            if (field.equals("effects") || field.equals("scorecard")) {
                if (s.length != 4) {
                    return fail("write options." + s[1] + "." + field + ".<key>", "");
                }
                if (field.equals("scorecard") && !known(s[3], Keys.SCORECARD)) {
                    return false;
                }
                return set(map(item, field), s[3]);
            }
            if (field.equals("stages")) {
                if (s.length == 5 && s[3].equals("go_criteria")) {
                    return known(s[4], Keys.GO_CRITERIA) && set(map(map(item, field), s[3]), s[4]);
                }
                if (s.length != 4 || s[3].equals("go_criteria")) {
                    return fail("write options." + s[1] + ".stages.<key> or options." + s[1]
                            + ".stages.go_criteria.exception_rate_reduction", "");
                }
                return known(s[3], Keys.STAGES) && set(map(item, field), s[3]);
            }
            if (field.equals("id")) {
                return fail("an option's id cannot be overridden", "change it in the scenario file");
            }
            return length(s, 3) && known(field, Keys.OPTION) && set(item, field);
        }

        /** The item of list {@code parent.listKey} whose {@code idKey} is {@code id}. */
        private MappingNode item(Node parent, String listKey, String id, String idKey, String what) {
            Node list = parent instanceof MappingNode m ? Nodes.get(m, listKey) : null;
            List<String> ids = new ArrayList<>();
            if (list instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    if (n instanceof MappingNode m) {
                        Node idNode = Nodes.get(m, idKey);
                        String text = idNode == null ? null : Nodes.keyText(idNode);
                        if (id.equals(text)) {
                            return m;
                        }
                        if (text != null) {
                            ids.add(text);
                        }
                    }
                }
            }
            fail("there is no " + what + " with " + idKey + " '" + id + "'",
                    ids.isEmpty() ? "" : Suggest.didYouMean(id, ids, "defined"));
            return null;
        }

        /** The map under {@code key}, created when absent (only when applying). */
        private MappingNode map(MappingNode parent, String key) {
            if (parent == null) {
                return null;
            }
            Node n = Nodes.get(parent, key);
            if (n instanceof MappingNode m) {
                return m;
            }
            if (!apply) {
                return null;
            }
            if (n == null || Nodes.isNull(n)) {
                MappingNode m = Nodes.emptyMap(value.getStartMark());
                Nodes.put(parent, key, m);
                return m;
            }
            return null;
        }

        private boolean set(MappingNode parent, String key) {
            if (!apply) {
                return true;
            }
            if (parent == null) {
                return fail("cannot set this value because its section is not a map", "fix the section first");
            }
            Nodes.put(parent, key, value);
            return true;
        }

        private boolean length(String[] s, int n) {
            return s.length == n || fail(s.length < n ? "the path is incomplete" : "the path has too many parts",
                    "write e.g. pain.exception_rate or options.<id>.one_time_cost");
        }

        private boolean known(String key, List<String> valid) {
            return valid.contains(key) || fail("unknown key", Suggest.didYouMean(key, valid, "valid keys"));
        }

        private boolean fail(String message, String suggestion) {
            problems.add(where, path, message, suggestion);
            return false;
        }
    }
}
