package dev.payback.scenario;

import java.util.Arrays;

/**
 * A value as written in a scenario file: a fixed number or one of the distribution forms of
 * docs/model.md section 1. Records validate their parameters in compact constructors, so an instance
 * is always a possible distribution. {@code ci90} is resolved by the loader to {@link Lognormal}
 * (lo &gt; 0) or {@link Normal}; the original notation is kept on the {@link Input}.
 */
public sealed interface Dist {

    /** z, the standard normal's 95th percentile, as docs/model.md fixes it. */
    double Z95 = 1.6448536;

    /** Smallest value the distribution can produce (may be -infinity). */
    double supportMin();

    /** Largest value the distribution can produce (may be +infinity). */
    double supportMax();

    /** The distribution's mean. */
    double mean();

    /** True when every draw is the same number. */
    default boolean isFixed() {
        return false;
    }

    private static void finite(String what, double... xs) {
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " must be finite numbers");
            }
        }
    }

    /** Always {@code value}. */
    record Fixed(double value) implements Dist {
        public Fixed {
            finite("fixed", value);
        }
        public double supportMin() { return value; }
        public double supportMax() { return value; }
        public double mean() { return value; }
        @Override public boolean isFixed() { return true; }
    }

    /** Continuous uniform on [lo, hi]. */
    record Uniform(double lo, double hi) implements Dist {
        public Uniform {
            finite("uniform bounds", lo, hi);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("uniform needs lo < hi, got [" + lo + ", " + hi + "]");
            }
        }
        public double supportMin() { return lo; }
        public double supportMax() { return hi; }
        public double mean() { return (lo + hi) / 2; }
    }

    /** Triangular on [min, max] with the given mode. */
    record Triangular(double min, double mode, double max) implements Dist {
        public Triangular {
            finite("triangular parameters", min, mode, max);
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("triangular needs min <= mode <= max and min < max, got ["
                        + min + ", " + mode + ", " + max + "]");
            }
        }
        public double supportMin() { return min; }
        public double supportMax() { return max; }
        public double mean() { return (min + mode + max) / 3; }
    }

    /** Beta-PERT with shape 4 on [min, max]. */
    record Pert(double min, double mode, double max) implements Dist {
        public Pert {
            finite("pert parameters", min, mode, max);
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("pert needs min <= mode <= max and min < max, got ["
                        + min + ", " + mode + ", " + max + "]");
            }
        }
        /** α = 1 + 4(mode−min)/(max−min). */
        public double alpha() { return 1 + 4 * (mode - min) / (max - min); }
        /** β = 1 + 4(max−mode)/(max−min). */
        public double beta() { return 1 + 4 * (max - mode) / (max - min); }
        public double supportMin() { return min; }
        public double supportMax() { return max; }
        public double mean() { return (min + 4 * mode + max) / 6; }
    }

    /** Normal with mean and standard deviation sd &gt; 0. */
    record Normal(double mu, double sd) implements Dist {
        public Normal {
            finite("normal parameters", mu, sd);
            if (!(sd > 0)) {
                throw new IllegalArgumentException("normal needs sd > 0, got " + sd);
            }
        }
        /** The normal of {@code ci90: [lo, hi]} when lo &lt;= 0. */
        public static Normal ofCi90(double lo, double hi) {
            finite("ci90 bounds", lo, hi);
            if (!(lo < hi)) {
                throw new IllegalArgumentException("ci90 needs lo < hi, got [" + lo + ", " + hi + "]");
            }
            return new Normal((lo + hi) / 2, (hi - lo) / (2 * Z95));
        }
        public double supportMin() { return Double.NEGATIVE_INFINITY; }
        public double supportMax() { return Double.POSITIVE_INFINITY; }
        public double mean() { return mu; }
    }

    /** Lognormal whose 5th and 95th percentiles are p5 and p95 (0 &lt; p5 &lt; p95). */
    record Lognormal(double p5, double p95) implements Dist {
        public Lognormal {
            finite("lognormal percentiles", p5, p95);
            if (!(p5 > 0 && p5 < p95)) {
                throw new IllegalArgumentException("lognormal needs 0 < p5 < p95, got [" + p5 + ", " + p95 + "]");
            }
        }
        /** μ = (ln p5 + ln p95)/2. */
        public double mu() { return (Math.log(p5) + Math.log(p95)) / 2; }
        /** σ = (ln p95 − ln p5)/(2z). */
        public double sigma() { return (Math.log(p95) - Math.log(p5)) / (2 * Z95); }
        public double supportMin() { return 0; }
        public double supportMax() { return Double.POSITIVE_INFINITY; }
        public double mean() { double s = sigma(); return Math.exp(mu() + s * s / 2); }
    }

    /** 1 with probability p, else 0. */
    record Bernoulli(double p) implements Dist {
        public Bernoulli {
            finite("bernoulli p", p);
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("bernoulli p must lie in [0, 1], got " + p);
            }
        }
        public double supportMin() { return p == 1 ? 1 : 0; }
        public double supportMax() { return p == 0 ? 0 : 1; }
        public double mean() { return p; }
    }

    /** values[i] with probability weights[i] / Σ weights. */
    record Discrete(double[] values, double[] weights) implements Dist {
        public Discrete {
            if (values.length == 0 || values.length != weights.length) {
                throw new IllegalArgumentException("discrete needs as many weights as values, and at least one");
            }
            finite("discrete values", values);
            finite("discrete weights", weights);
            double sum = 0;
            for (double w : weights) {
                if (w < 0) {
                    throw new IllegalArgumentException("discrete weights must be >= 0, got " + w);
                }
                sum += w;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("discrete weights must not all be 0");
            }
            values = values.clone();
            weights = weights.clone();
        }
        @Override public double[] values() { return values.clone(); }
        @Override public double[] weights() { return weights.clone(); }
        public double supportMin() {
            double m = Double.POSITIVE_INFINITY;
            for (int i = 0; i < values.length; i++) { if (weights[i] > 0) { m = Math.min(m, values[i]); } }
            return m;
        }
        public double supportMax() {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) { if (weights[i] > 0) { m = Math.max(m, values[i]); } }
            return m;
        }
        public double mean() {
            double s = 0, w = 0;
            for (int i = 0; i < values.length; i++) { s += values[i] * weights[i]; w += weights[i]; }
            return s / w;
        }
        @Override public boolean isFixed() { return supportMin() == supportMax(); }
        @Override public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(values, d.values) && Arrays.equals(weights, d.weights);
        }
        @Override public int hashCode() { return 31 * Arrays.hashCode(values) + Arrays.hashCode(weights); }
        @Override public String toString() {
            return "Discrete[values=" + Arrays.toString(values) + ", weights=" + Arrays.toString(weights) + "]";
        }
    }

    /** Bootstrap: each draw is one of the observations, uniformly. */
    record Empirical(double[] observations) implements Dist {
        public Empirical {
            if (observations.length == 0) {
                throw new IllegalArgumentException("empirical needs at least one observation");
            }
            finite("empirical observations", observations);
            observations = observations.clone();
        }
        @Override public double[] observations() { return observations.clone(); }
        public double supportMin() { return Arrays.stream(observations).min().orElseThrow(); }
        public double supportMax() { return Arrays.stream(observations).max().orElseThrow(); }
        public double mean() { return Arrays.stream(observations).sum() / observations.length; }
        @Override public boolean isFixed() { return supportMin() == supportMax(); }
        @Override public boolean equals(Object o) {
            return o instanceof Empirical e && Arrays.equals(observations, e.observations);
        }
        @Override public int hashCode() { return Arrays.hashCode(observations); }
        @Override public String toString() { return "Empirical" + Arrays.toString(observations); }
    }
}
