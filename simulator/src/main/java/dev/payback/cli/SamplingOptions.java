package dev.payback.cli;

import dev.payback.sampling.SamplingMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code --sampling}, shared by every command that lets the user choose how inputs are drawn. */
final class SamplingOptions {
    @Option(names = "--sampling", paramLabel = "METHOD", converter = Method.class, completionCandidates = Keys.class,
            description = "How inputs are drawn: random (default), lhs (Latin hypercube) or sobol (Sobol' points "
                    + "with a random shift, the Cranley-Patterson rotation; not scrambled).")
    SamplingMethod method = SamplingMethod.RANDOM;

    /** The method chosen, {@link SamplingMethod#RANDOM} when --sampling was not given. */
    SamplingMethod method() {
        return method;
    }

    /** Reads a method by its {@link SamplingMethod#key()}, in any case; anything else is a usage error (exit 2). */
    static final class Method implements ITypeConverter<SamplingMethod> {
        @Override
        public SamplingMethod convert(String value) {
            String key = value.trim().toLowerCase(Locale.ROOT);
            for (SamplingMethod m : SamplingMethod.values()) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            throw new TypeConversionException("must be random, lhs or sobol, got '" + value + "'");
        }
    }

    /** The keys, for shell completion. */
    static final class Keys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(SamplingMethod.values()).map(SamplingMethod::key).iterator();
        }
    }
}
