package dev.payback.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a run changed its scenario file: the stress preset and the {@code --set} overrides, as given.
 * A run with neither is the base case. Every output of a changed run names them, and its default
 * output folder is its own ({@link #folderSuffix()}), so a stressed run never overwrites the base case.
 *
 * @param stress the stress preset's name, or null for none
 * @param sets   the {@code PATH=VALUE} overrides in the order given (applied after the preset)
 */
public record RunOverrides(String stress, List<String> sets) {
    /** The base case: no preset, no override. */
    public static final RunOverrides NONE = new RunOverrides(null, List.of());

    public RunOverrides {
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    /** Whether the run is the scenario file as written. */
    public boolean isBase() {
        return stress == null && sets.isEmpty();
    }

    /**
     * The overrides that take effect, one per path: the last value given for a path wins (as when
     * they are applied), sorted by path, each written {@code path=value} with the spaces around
     * {@code =} and at the ends removed. Two runs with the same effective overrides have the same list.
     */
    public List<String> effectiveSets() {
        Map<String, String> last = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            String path = eq < 0 ? s.trim() : s.substring(0, eq).trim();
            String value = eq < 0 ? "" : s.substring(eq + 1).trim();
            last.remove(path);
            last.put(path, value);
        }
        List<String> out = new ArrayList<>();
        last.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
        return out;
    }

    /**
     * What the default output folder's name adds to the scenario's: "" for the base case,
     * {@code --<preset>} for a stress preset, {@code --set-<8 hex digits>} for {@code --set} overrides
     * (the first 8 hex digits of the SHA-256 of {@link #effectiveSets()} joined by line ends), both
     * when both are given. A preset name with characters other than letters, digits, '.', '_' and '-'
     * has them replaced by '_' and the hash of its name appended, so two presets never share a folder.
     */
    public String folderSuffix() {
        StringBuilder b = new StringBuilder();
        if (stress != null) {
            String safe = stress.replaceAll("[^A-Za-z0-9._-]", "_");
            if (safe.isEmpty() || !safe.equals(stress) || safe.startsWith(".")) {
                safe = safe + "-" + hash8(stress);
            }
            b.append("--").append(safe);
        }
        if (!sets.isEmpty()) {
            b.append("--set-").append(hash8(String.join("\n", effectiveSets())));
        }
        return b.toString();
    }

    /** The default output folder's name for a scenario whose own folder name is {@code base}. */
    public String folderName(String base) {
        Objects.requireNonNull(base, "base");
        return base + folderSuffix();
    }

    private static String hash8(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
