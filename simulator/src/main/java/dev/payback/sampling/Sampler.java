package dev.payback.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws independent values of one distribution from a source of randomness, in the style of
 * Commons RNG's {@code SharedStateContinuousSampler}. Implementations are small and immutable
 * apart from the generator they hold; they are not thread-safe (the generator is not), so each
 * thread or stream uses its own copy from {@link #withUniformRandomProvider(UniformRandomProvider)}.
 */
public interface Sampler {

    /** One draw. */
    double sample();

    /**
     * A copy drawing from {@code rng}, sharing every precomputed table with this one; cheap
     * enough to call once per block of trials.
     */
    Sampler withUniformRandomProvider(UniformRandomProvider rng);

    /**
     * Writes {@code n} successive draws to {@code out[0..n-1]}; identical to calling
     * {@link #sample()} n times, but with a call site that the JIT sees as monomorphic.
     */
    default void sample(double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = sample();
        }
    }
}
