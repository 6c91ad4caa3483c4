package dev.payback.property;

import java.util.Arrays;
import java.util.Random;

/**
 * A generated value in any of the forms of docs/model.md section 1, with parameters inside [lo, hi]
 * (rounded to 6 significant digits, as written in the YAML). {@link #raised(double)} gives a
 * distribution whose every quantile is at least this one's: location forms are shifted up, the
 * lognormal forms scaled up, a bernoulli's p raised.
 */
record GenDist(String form, double[] p, double[] weights) {
    static final String[] FORMS = {"bare", "fixed", "uniform", "triangular", "pert", "normal", "lognormal", "ci90",
            "discrete", "empirical", "bernoulli"};

    static GenDist random(Random r, double lo, double hi, boolean unit) {
        String form = FORMS[r.nextInt(unit ? FORMS.length : FORMS.length - 1)];
        double span = hi - lo;
        switch (form) {
            case "bare", "fixed" -> {
                return new GenDist(form, new double[] {v(lo + span * r.nextDouble())}, null);
            }
            case "uniform", "ci90" -> {
                double[] x = sortedDistinct(r, lo, hi, 2);
                return new GenDist(form, x, null);
            }
            case "triangular", "pert" -> {
                double[] x = sortedDistinct(r, lo, hi, 3);
                return new GenDist(form, x, null);
            }
            case "normal" -> {
                return new GenDist(form, new double[] {v(lo + span * r.nextDouble()), v(span * (0.01 + 0.3 * r.nextDouble()))},
                        null);
            }
            case "lognormal" -> {
                double p5 = v(Math.max(lo, 0) + span * (0.01 + 0.5 * r.nextDouble()));
                return new GenDist(form, new double[] {p5, v(p5 * (1.05 + 3 * r.nextDouble()))}, null);
            }
            case "discrete" -> {
                int n = 1 + r.nextInt(4);
                double[] x = new double[n];
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = v(lo + span * r.nextDouble());
                    w[i] = r.nextInt(4);
                }
                w[r.nextInt(n)] = 1 + r.nextInt(3);
                return new GenDist(form, x, w);
            }
            case "empirical" -> {
                double[] x = new double[1 + r.nextInt(6)];
                for (int i = 0; i < x.length; i++) {
                    x[i] = v(lo + span * r.nextDouble());
                }
                return new GenDist(form, x, null);
            }
            case "bernoulli" -> {
                return new GenDist(form, new double[] {v(r.nextDouble())}, null);
            }
            default -> throw new IllegalStateException(form);
        }
    }

    /**
     * This value made usable as a divisor of the model (orders, average order value, wage): a normal
     * whose 10-sd lower tail would reach 0 gets sd = mean / 11, as the loader requires
     * (scenario/Limits.MIN_POSITIVE). No random numbers are drawn, so the rest of a generated
     * scenario is unchanged.
     */
    GenDist positive() {
        if (form.equals("normal") && !(p[0] - 10 * p[1] >= 1e-15)) {
            return new GenDist(form, new double[] {p[0], v(p[0] / 11)}, weights);
        }
        return this;
    }

    private static double[] sortedDistinct(Random r, double lo, double hi, int n) {
        double[] x = new double[n];
        do {
            for (int i = 0; i < n; i++) {
                x[i] = v(lo + (hi - lo) * r.nextDouble());
            }
            Arrays.sort(x);
        } while (x[0] == x[n - 1]);
        return x;
    }

    private static double v(double x) {
        return Double.parseDouble(GeneratedScenario.num(x));
    }

    /** True for forms that have a continuous distribution that varies (may be correlated). */
    boolean continuous() {
        return switch (form) {
            case "uniform", "triangular", "pert", "normal", "lognormal", "ci90" -> true;
            default -> false;
        };
    }

    /** A distribution stochastically at least as large, quantile by quantile (see the class comment). */
    GenDist raised(double delta) {
        double[] q = p.clone();
        switch (form) {
            case "lognormal" -> {
                for (int i = 0; i < q.length; i++) {
                    q[i] = q[i] * (1 + delta);
                }
            }
            case "ci90" -> {
                if (q[0] > 0) {
                    q[0] *= 1 + delta;
                    q[1] *= 1 + delta;
                } else {
                    // stay a normal (lo <= 0): a positive lo would turn it into a lognormal
                    double d = Math.min(delta, -q[0]);
                    q[0] += d;
                    q[1] += d;
                }
            }
            case "normal" -> q[0] += delta;
            case "bernoulli" -> q[0] = Math.min(1, q[0] + delta);
            default -> {
                for (int i = 0; i < q.length; i++) {
                    q[i] += delta;
                }
            }
        }
        return new GenDist(form, q, weights);
    }

    @Override
    public String toString() {
        return switch (form) {
            case "bare" -> s(p[0]);
            case "fixed" -> "{fixed: " + s(p[0]) + "}";
            case "normal", "uniform", "triangular", "pert", "lognormal", "ci90", "empirical" ->
                    "{" + form + ": " + list(p) + "}";
            case "bernoulli" -> "{bernoulli: " + s(p[0]) + "}";
            case "discrete" -> "{discrete: {values: " + list(p) + ", weights: " + list(weights) + "}}";
            default -> throw new IllegalStateException(form);
        };
    }

    private static String list(double[] xs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(s(xs[i]));
        }
        return sb.append(']').toString();
    }

    /** Exactly the double (shortest round-trip form), so a raised value is parsed as computed. */
    private static String s(double x) {
        String t = Double.toString(x);
        return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
    }
}
