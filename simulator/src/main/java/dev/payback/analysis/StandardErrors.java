package dev.payback.analysis;

/**
 * Monte Carlo standard errors of independent draws (docs/model-notes.md): exact in expectation for
 * random sampling, an upper bound for Latin hypercube, only indicative for Sobol'.
 */
public final class StandardErrors {
    private StandardErrors() {
    }

    /** Of a share p of n trials: sqrt(p(1 − p)/n). */
    public static double share(double p, double n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    /** Of a mean over n trials with standard deviation sd: sd/sqrt(n). */
    public static double mean(double sd, double n) {
        return sd / Math.sqrt(n);
    }

    /**
     * Of the rank (as a share of trials) of the median taken over n rows (or n effective rows):
     * sqrt(0.5 · 0.5/n), the largest of any quantile's.
     */
    public static double medianRank(double n) {
        return Math.sqrt(0.25 / n);
    }

    /** Of the rank of the P10 or P90 taken over n (effective) rows: sqrt(0.1 · 0.9/n). */
    public static double p10Rank(double n) {
        return Math.sqrt(0.09 / n);
    }
}
