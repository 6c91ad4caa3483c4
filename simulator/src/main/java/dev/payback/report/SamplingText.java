package dev.payback.report;

import dev.payback.sampling.SamplingMethod;

import java.util.Locale;

/**
 * How a run's inputs were drawn ({@code --sampling}, summary.json's {@code sampling}), in words: every
 * output states it beside the trials and the seed, since the standard errors read differently for each.
 */
public final class SamplingText {
    private SamplingText() {
    }

    private static SamplingMethod of(String key) {
        return SamplingMethod.valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** The run's trial count for run lines: "1 simulated future", "100,000 simulated futures". */
    public static String futures(long trials) {
        return String.format(Locale.ROOT, "%,d simulated future%s", trials, trials == 1 ? "" : "s");
    }

    /** A short name for run lines: "random sampling", "Latin hypercube sampling", "Sobol' sampling". */
    public static String name(String key) {
        return switch (of(key)) {
            case RANDOM -> "random sampling";
            case LHS -> "Latin hypercube sampling";
            case SOBOL -> "Sobol' sampling";
        };
    }

    /** The method notes' sentence: how the inputs were drawn, and the option that chose it. */
    public static String sentence(String key) {
        return switch (of(key)) {
            case RANDOM -> "The inputs are independent random draws (--sampling random, the default).";
            case LHS -> "The inputs are drawn by Latin hypercube sampling, stratified within each block of 2,048 "
                    + "trials (--sampling lhs), which estimates means and probabilities with a smaller error than "
                    + "independent draws.";
            case SOBOL -> "The inputs are drawn from a randomly shifted Sobol' sequence (--sampling sobol), which "
                    + "estimates means and probabilities with a smaller error than independent draws.";
        };
    }

    /** What the standard errors below, computed as for independent draws, mean for this method. */
    public static String standardErrors(String key) {
        return switch (of(key)) {
            case RANDOM -> "";
            case LHS -> " With Latin hypercube sampling these are conservative: the true error is at most about this.";
            case SOBOL -> " With Sobol' sampling these are not error estimates (the points are not independent): "
                    + "repeat the run with other seeds to measure the error.";
        };
    }
}
