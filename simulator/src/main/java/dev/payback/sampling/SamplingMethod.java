package dev.payback.sampling;

import java.util.Locale;

/**
 * How the trials' inputs are drawn. Every method is deterministic per (seed, block of
 * {@link InputSampler#BLOCK} trials, input), so results never depend on the number of threads.
 */
public enum SamplingMethod {
    /** Independent pseudo-random draws (the default). */
    RANDOM,
    /**
     * Latin hypercube, stratified within each block: each input's n draws of a block fall one in
     * each of n equal-probability strata, in a random order of their own.
     */
    LHS,
    /**
     * Randomly shifted Sobol' (not scrambled): trial i is point i of a Sobol' sequence (Joe–Kuo directions) with one
     * dimension per sampled input, shifted modulo 1 by a random vector drawn from the seed
     * (Cranley–Patterson rotation).
     */
    SOBOL;

    /** The lower-case name used on the command line and in summary.json. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
