package dev.payback.sampling;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongFunction;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Small statistics helpers for the sampling tests.
 *
 * <p>False-failure rates of the sampling tests (the chance that a correct sampler fails, over the choice
 * of seeds; the seeds are fixed, so a run is reproducible): a check within 4 standard errors of a closed
 * form fails by chance with probability 6.3e-5 (two-sided normal tail); a Kolmogorov–Smirnov check goes
 * through {@link #assertKolmogorovSmirnov}, whose rate is 9.9e-6.
 */
final class Stats {
    /** Independent samples of a Kolmogorov–Smirnov check, each tested at {@link #KS_ALPHA}. */
    static final int KS_SAMPLES = 5;
    static final double KS_ALPHA = 0.01;
    /** Samples that may fail their test at {@link #KS_ALPHA} before the check fails. */
    static final int KS_ALLOWED_FAILURES = 2;

    private Stats() {
    }

    /**
     * Commons RNG's scheme for a goodness-of-fit check that must not fail by chance: {@link #KS_SAMPLES}
     * independent samples (seeds {@code seed}, {@code seed + 1}, ...) are each tested at level
     * {@link #KS_ALPHA}, and the check fails only if more than {@link #KS_ALLOWED_FAILURES} of them fail.
     * For a correct sampler that happens with probability P(Binomial(5, 0.01) >= 3) = 9.9e-6; a wrong
     * distribution fails every sample at the tests' sizes (100,000 draws).
     */
    static void assertKolmogorovSmirnov(String what, long seed, LongFunction<double[]> sample, DoubleUnaryOperator cdf) {
        int failures = 0;
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < KS_SAMPLES; k++) {
            double pValue = ksPValue(sample.apply(seed + k), cdf);
            p.append(k == 0 ? "" : ", ").append(pValue);
            if (pValue < KS_ALPHA) {
                failures++;
            }
        }
        if (failures > KS_ALLOWED_FAILURES) {
            throw new AssertionError(what + ": " + failures + " of " + KS_SAMPLES + " Kolmogorov-Smirnov tests failed "
                    + "at level " + KS_ALPHA + " (at most " + KS_ALLOWED_FAILURES + " may); p-values " + p);
        }
    }

    /** The one-sample Kolmogorov–Smirnov p-value of data against a continuous CDF. */
    static double ksPValue(double[] data, DoubleUnaryOperator cdf) {
        double[] x = data.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1) / (double) n - f, f - i / (double) n));
        }
        return 1 - new KolmogorovSmirnovTest().cdf(d, n);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }

    /** Type-7 quantile. */
    static double quantile(double[] data, double q) {
        double[] x = data.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * q;
        int i = (int) Math.floor(h);
        return i + 1 < x.length ? x[i] + (h - i) * (x[i + 1] - x[i]) : x[i];
    }

    static double spearman(double[] a, double[] b) {
        return new SpearmansCorrelation().correlation(a, b);
    }
}
