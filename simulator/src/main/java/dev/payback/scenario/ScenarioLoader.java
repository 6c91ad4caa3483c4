package dev.payback.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a scenario file (docs/model.md section 1), applies a stress preset and {@code --set} overrides,
 * validates every field and returns the {@link Scenario}. All problems of a file are reported
 * together, in file order, as one {@link InvalidInputException}.
 *
 * <p>YAML is read in safe mode: the text is composed into a node tree (never into Java objects),
 * tags other than the plain YAML ones are refused, and aliases, nesting and size are bounded.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** Loads a file with no overrides. */
    public static Scenario load(Path file) throws InvalidInputException {
        return load(file, List.of(), null);
    }

    /**
     * Loads a file.
     *
     * @param sets         overrides {@code PATH=YAML}, applied in order after the stress preset
     * @param stressPreset the name of a preset under {@code stress:}, or null for none
     * @throws InvalidInputException listing every problem found
     */
    public static Scenario load(Path file, List<String> sets, String stressPreset) throws InvalidInputException {
        String source = file.toString();
        return parse(YamlSource.readText(file, source), source, sets, stressPreset);
    }

    /**
     * Parses scenario text.
     *
     * @param yamlText     the YAML (a leading BOM and CRLF line ends are accepted)
     * @param sourceName   the name used in problem locations, usually the file's path
     * @param sets         overrides {@code PATH=YAML}, applied in order after the stress preset
     * @param stressPreset the name of a preset under {@code stress:}, or null for none
     * @throws InvalidInputException listing every problem found
     */
    public static Scenario parse(String yamlText, String sourceName, List<String> sets, String stressPreset)
            throws InvalidInputException {
        return parse(yamlText, sourceName, sets, stressPreset, Set.of());
    }

    /**
     * Loads a file for a one-way sweep: as {@link #load(Path, List, String)}, but every entry of
     * {@code correlations:} that names one of {@code uncorrelate} is set aside first, so those inputs
     * may be fixed by a {@code --set} (a fixed value cannot be correlated).
     */
    public static Scenario loadUncorrelated(Path file, List<String> sets, String stressPreset,
            Set<String> uncorrelate) throws InvalidInputException {
        String source = file.toString();
        return parse(YamlSource.readText(file, source), source, sets, stressPreset, uncorrelate);
    }

    private static Scenario parse(String yamlText, String sourceName, List<String> sets, String stressPreset,
            Set<String> uncorrelate) throws InvalidInputException {
        Problems problems = new Problems(sourceName);
        Optional<Node> composed = YamlSource.compose(yamlText, sourceName);
        if (composed.isEmpty()) {
            throw new InvalidInputException(new Problem(new Location(sourceName, 1, 1), "", "the file is empty",
                    "start from scenarios/template.yaml"));
        }
        Node root = composed.get();
        YamlSource.checkTags(root, problems);
        problems.throwIfAny();
        if (!(root instanceof MappingNode map)) {
            throw new InvalidInputException(new Problem(problems.loc(root), "",
                    "a scenario must be a map of keys (name, business, pain, options, ...), found "
                            + Nodes.describe(root), "start from scenarios/template.yaml"));
        }
        if (Nodes.get(map, "months") != null && Nodes.get(map, "scope_share") != null
                && Nodes.get(map, "business") == null && Nodes.get(map, "options") == null) {
            // one line instead of a dozen unknown and missing keys
            throw new InvalidInputException(new Problem(problems.loc(root), "", "this is a pilot file (it has "
                    + "months: and scope_share:), not a scenario", "give the scenario here; to check the pilot "
                    + "against it, run payback validate SCENARIO --pilot " + sourceName));
        }
        if (!uncorrelate.isEmpty() && Nodes.get(map, "correlations") instanceof SequenceNode list) {
            list.getValue().removeIf(item -> item instanceof SequenceNode pair && pair.getValue().size() >= 2
                    && (names(pair.getValue().get(0), uncorrelate) || names(pair.getValue().get(1), uncorrelate)));
        }
        Map<String, Map<String, String>> stress = new LinkedHashMap<>();
        Map<String, List<NodeTuple>> presets = stress(map, problems, stress);
        if (stressPreset != null) {
            List<NodeTuple> preset = presets.get(stressPreset);
            if (preset == null) {
                problems.add(Location.unknown("--stress"), "", "there is no stress preset '" + stressPreset + "'",
                        presets.isEmpty() ? "the scenario defines no stress presets"
                                : "defined presets: " + String.join(", ", presets.keySet()));
            } else {
                for (NodeTuple t : preset) {
                    Overrides.apply(map, Nodes.keyText(t.getKeyNode()), t.getValueNode(),
                            problems.loc(t.getKeyNode()), problems, true);
                }
            }
        }
        for (String set : sets == null ? List.<String>of() : sets) {
            Overrides.Override o = Overrides.parse(set, problems);
            if (o != null) {
                Problems tags = new Problems(Overrides.SET);
                YamlSource.checkTags(o.value(), tags);
                if (tags.isEmpty()) {
                    Overrides.apply(map, o.path(), o.value(), Location.unknown(Overrides.SET), problems, true);
                } else {
                    for (Problem p : tags.sorted()) {
                        problems.add(p.location(), o.path(), p.message(), p.suggestion());
                    }
                }
            }
        }
        Scenario s = new ScenarioReader(problems).read(map, stress);
        problems.throwIfAny();
        return s.withOverrides(new RunOverrides(stressPreset, sets));
    }

    private static boolean names(Node n, Set<String> paths) {
        return n instanceof ScalarNode sc && paths.contains(sc.getValue());
    }

    /**
     * Reads {@code stress:}: preset name → its overrides. Every path is checked against the file
     * now, whether or not the preset is used.
     */
    private static Map<String, List<NodeTuple>> stress(MappingNode root, Problems problems,
            Map<String, Map<String, String>> texts) {
        Map<String, List<NodeTuple>> presets = new LinkedHashMap<>();
        Node node = Nodes.get(root, "stress");
        if (node == null || Nodes.isNull(node)) {
            return presets;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(node, "stress", "expected a map of preset name → overrides, found " + Nodes.describe(node),
                    "write e.g. stress: {high_costs: {options.orchestrate.annual_cost: 30000}}");
            return presets;
        }
        for (NodeTuple t : m.getValue()) {
            String name = Nodes.keyText(t.getKeyNode());
            String path = "stress." + name;
            if (name == null || presets.containsKey(name)) {
                problems.add(t.getKeyNode(), "stress", name == null ? "a preset name must be plain text"
                        : "duplicate stress preset '" + name + "'", "give each preset its own name");
                continue;
            }
            List<NodeTuple> entries = new ArrayList<>();
            Map<String, String> text = new LinkedHashMap<>();
            if (t.getValueNode() instanceof MappingNode pm) {
                for (NodeTuple e : pm.getValue()) {
                    String p = Nodes.keyText(e.getKeyNode());
                    if (p == null || text.containsKey(p)) {
                        problems.add(e.getKeyNode(), path, p == null ? "an override path must be plain text"
                                : "duplicate key '" + p + "'", "keep one of them");
                        continue;
                    }
                    if (Overrides.apply(root, p, path + "." + p, e.getValueNode(), problems.loc(e.getKeyNode()),
                            problems, false)) {
                        entries.add(e);
                    }
                    text.put(p, Nodes.render(e.getValueNode()));
                }
            } else {
                problems.add(t.getValueNode(), path, "expected a map of path → value, found "
                        + Nodes.describe(t.getValueNode()), "write e.g. {pain.expedite_fee: {ci90: [15, 45]}}");
            }
            presets.put(name, entries);
            texts.put(name, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(text)));
        }
        return presets;
    }
}
