package dev.payback.sampling;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/** Small statistics helpers for the sampling tests. */
final class Stats {
    private Stats() {
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
