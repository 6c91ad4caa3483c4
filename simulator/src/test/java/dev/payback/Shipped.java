package dev.payback;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one place tests find the shipped scenario files (the repository's {@code scenarios/}). */
public final class Shipped {
    /** The scenarios folder, seen from the simulator module where Maven runs the tests. */
    private static final Path DIR = Path.of("..", "scenarios");

    private Shipped() {
    }

    /** The scenarios folder itself. */
    public static Path dir() {
        return DIR;
    }

    /** The path of a shipped file, e.g. {@code path("b_consumer_goods_multichannel.yaml")}. */
    public static Path path(String file) {
        Path p = DIR.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no shipped scenario file " + p.toAbsolutePath());
        }
        return p;
    }

    /** The same path as a command-line argument. */
    public static String file(String file) {
        return path(file).toString();
    }
}
