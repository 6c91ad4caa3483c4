package dev.payback.sampling;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * PERT by inversion of a standard normal draw through the tabulated quantile of
 * {@link InverseCdf} (value = atZ(Z), Z from {@link ZigguratSampler.NormalizedGaussian}): exact in
 * distribution up to the table's documented error ({@link InverseCdf#PERT_MAX_ERROR} of the range),
 * and about 2.5 times faster than the ratio of two gamma draws. Used by {@link InputSampler} for
 * independent PERT inputs; the table is shared with every other input of the same shape.
 */
public final class PertTableSampler implements Sampler {
    private final InverseCdf inverse;
    private final ZigguratSampler.NormalizedGaussian gauss;

    /** A sampler of {@code pert} drawing from {@code rng} (the table is shared per shape). */
    public static PertTableSampler of(dev.payback.scenario.Dist.Pert pert, UniformRandomProvider rng) {
        return new PertTableSampler(InverseCdf.of(pert), rng);
    }

    PertTableSampler(InverseCdf inverse, UniformRandomProvider rng) {
        this.inverse = Objects.requireNonNull(inverse, "inverse");
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    @Override
    public double sample() {
        return inverse.atZ(gauss.sample());
    }

    @Override
    public void sample(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = gauss.sample();
        }
        inverse.atZ(out, out, n);
    }

    @Override
    public Sampler withUniformRandomProvider(UniformRandomProvider rng) {
        return new PertTableSampler(inverse, rng);
    }
}
