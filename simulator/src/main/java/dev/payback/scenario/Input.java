package dev.payback.scenario;

import java.util.Objects;

/**
 * One uncertain (or fixed) model input: where it lives, how it is distributed, the domain its
 * draws are clamped to, and how the user wrote it (for the assumptions table).
 *
 * @param path     canonical path, e.g. {@code pain.exception_rate}, {@code options.orchestrate.effects.exception_rate}
 * @param dist     the distribution
 * @param domain   where draws must lie; draws outside are clamped and counted
 * @param notation the value in the scenario's own notation, e.g. {@code {pert: [0.08, 0.14, 0.22]}}
 */
public record Input(String path, Dist dist, Domain domain, String notation) {
    public Input {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(dist, "dist");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(notation, "notation");
    }

    /** A fixed input, written as a bare number. */
    public static Input fixed(String path, double value, Domain domain) {
        return new Input(path, new Dist.Fixed(value), domain, plain(value));
    }

    /** A number as a scenario author would write it: no trailing ".0". */
    public static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
