package dev.payback.scenario;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The keys of one YAML map, checked against the valid ones: duplicates, unknown keys (with the
 * nearest valid key) and non-text keys are reported once, when the view is made.
 */
final class Fields {
    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();
    // the valid keys an unknown key is nearest to: what a misspelt key most likely meant
    private final Set<String> meant = new HashSet<>();
    private final boolean isMap;

    /**
     * @param node  the map's node; null or a YAML null counts as an empty map
     * @param path  the map's field path, e.g. {@code options[0]}
     * @param valid the keys allowed here
     */
    Fields(Node node, String path, List<String> valid, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.isMap = node instanceof MappingNode || Nodes.isNull(node);
        if (node != null && !isMap) {
            problems.add(node, path.isEmpty() ? "" : path, "expected a map of keys, found " + Nodes.describe(node),
                    valid.isEmpty() ? "" : "valid keys: " + String.join(", ", valid));
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> firstKey = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node keyNode = t.getKeyNode();
                String key = Nodes.keyText(keyNode);
                if (key == null) {
                    problems.add(keyNode, path.isEmpty() ? "(top level)" : path, "a key must be plain text, found "
                            + Nodes.describe(keyNode), "write the key as a word followed by a colon, e.g. name: My "
                            + "scenario; a line starting with [ or { makes the key a list or a map");
                    continue;
                }
                String at = Keys.join(path, key);
                if (firstKey.containsKey(key)) {
                    Location first = problems.loc(firstKey.get(key));
                    problems.add(keyNode, at, "duplicate key '" + key + "'"
                            + (first.line() > 0 ? " (first given on line " + first.line() + ")" : ""),
                            "keep one of them");
                    continue;
                }
                firstKey.put(key, keyNode);
                if (!valid.contains(key)) {
                    problems.add(keyNode, at, "unknown key '" + key + "'", Suggest.didYouMean(key, valid, "valid keys"));
                    String near = Suggest.nearest(key, valid);
                    if (near != null) {
                        meant.add(near);
                    }
                    continue;
                }
                values.put(key, t.getValueNode());
            }
        }
    }

    /**
     * True when {@code key} is not given but an unknown key here was reported as its likely
     * misspelling ("did you mean key?"): a reader then refrains from reporting what follows from the
     * key's absence (a correlation of the input, a staged rollout without its effect), which the one
     * line about the misspelt key already explains.
     */
    boolean meant(String key) {
        return !values.containsKey(key) && meant.contains(key);
    }

    /** The node, for locations. */
    Node node() {
        return node;
    }

    boolean isMap() {
        return isMap;
    }

    /** The value of a valid key, or null when absent. */
    Node get(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of a required key; reports it as missing (at the map) and returns null when absent. */
    Node require(String key) {
        Node n = values.get(key);
        // a misspelt required key is reported once, as the unknown key nearest to it
        if (n == null && isMap && !meant.contains(key)) {
            problems.add(node, Keys.join(path, key), "required key '" + key + "' is missing",
                    "add " + key + ": under " + (path.isEmpty() ? "the top level" : path));
        }
        return n;
    }

    String path(String key) {
        return Keys.join(path, key);
    }
}
