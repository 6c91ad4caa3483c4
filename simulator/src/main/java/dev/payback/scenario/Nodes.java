package dev.payback.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Small helpers over the composed YAML node tree. */
final class Nodes {
    private static final int RENDER_DEPTH = 20;

    private Nodes() {
    }

    static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode && Tag.NULL.equals(n.getTag()));
    }

    /** The text of a scalar key, or null when the key is not a scalar. */
    static String keyText(Node key) {
        return key instanceof ScalarNode s ? s.getValue() : null;
    }

    /** The value under {@code key} in a mapping (first occurrence), or null. */
    static Node get(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (key.equals(keyText(t.getKeyNode()))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    /** Puts {@code value} under {@code key}, replacing the first occurrence or appending. */
    static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = new ArrayList<>(map.getValue());
        for (int i = 0; i < tuples.size(); i++) {
            if (key.equals(keyText(tuples.get(i).getKeyNode()))) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                map.setValue(tuples);
                return;
            }
        }
        tuples.add(new NodeTuple(new ScalarNode(Tag.STR, true, key, ScalarStyle.PLAIN, value.getStartMark(),
                value.getStartMark()), value));
        map.setValue(tuples);
    }

    static MappingNode emptyMap(Optional<Mark> mark) {
        return new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.BLOCK, mark, mark);
    }

    /** "a list", "a map", "text 'abc'", "true", "nothing": what a node is, for messages. */
    static String describe(Node n) {
        if (isNull(n)) {
            return "nothing";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof MappingNode) {
            return "a map";
        }
        ScalarNode s = (ScalarNode) n;
        if (Tag.BOOL.equals(s.getTag())) {
            return s.getValue();
        }
        if (Tag.STR.equals(s.getTag())) {
            String v = s.getValue();
            return "the text '" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'";
        }
        return s.getValue();
    }

    /** The node in flow style, as written: {@code {pert: [0.08, 0.14, 0.22]}}, {@code 12000}. */
    static String render(Node n) {
        StringBuilder sb = new StringBuilder();
        render(n, sb, 0);
        return sb.toString();
    }

    private static void render(Node n, StringBuilder sb, int depth) {
        if (depth > RENDER_DEPTH) {
            sb.append("...");
            return;
        }
        if (n instanceof ScalarNode s) {
            if (isNull(s)) {
                sb.append("null");
            } else if (s.getScalarStyle() == ScalarStyle.PLAIN) {
                sb.append(s.getValue());
            } else {
                sb.append('"').append(s.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n")).append('"');
            }
        } else if (n instanceof SequenceNode seq) {
            sb.append('[');
            String sep = "";
            for (Node item : seq.getValue()) {
                sb.append(sep);
                render(item, sb, depth + 1);
                sep = ", ";
            }
            sb.append(']');
        } else if (n instanceof MappingNode map) {
            sb.append('{');
            String sep = "";
            for (NodeTuple t : map.getValue()) {
                sb.append(sep);
                render(t.getKeyNode(), sb, depth + 1);
                sb.append(": ");
                render(t.getValueNode(), sb, depth + 1);
                sep = ", ";
            }
            sb.append('}');
        }
    }
}
