package dev.payback.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Checks that a set of pairwise Spearman correlations can be sampled, against the matrix the
 * sampler actually factors: the normal copula's correlations (1 on the diagonal, for each listed
 * pair the r that attains its ρ for the two inputs' margins, {@link CopulaCalibration}, and 0
 * elsewhere) must be positive definite, and each ρ must be attainable for its margins. The loader
 * and the sampler use this check and its messages ({@link #notPositiveDefinite},
 * {@link #unattainable}).
 */
public final class CorrelationCheck {
    /** Eigenvalues at or below this count as not positive. */
    public static final double TOLERANCE = 1e-8;
    /** A variable takes part in a bad direction when its eigenvector weight is at least this share of the largest. */
    private static final double WEIGHT = 0.1;

    private CorrelationCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param variables     input paths in order of first appearance; the matrix's rows and columns
     * @param matrix        the correlation matrix: square over the variables, symmetric, 1 on the
     *                      diagonal, every entry in [−1, 1]; copied in and out (no shared state)
     * @param minEigenvalue its smallest eigenvalue
     * @param offending     the entries involved when not positive definite (empty otherwise), in input order
     * @param unattainable  the entries whose ρ their margins cannot attain (then the matrix is not checked)
     */
    public record Result(List<String> variables, double[][] matrix, double minEigenvalue, List<Correlation> offending,
                         List<Unattainable> unattainable) {
        public Result {
            variables = List.copyOf(variables);
            offending = List.copyOf(offending);
            unattainable = List.copyOf(unattainable);
            matrix = correlationsCopy(matrix, variables.size());
            if (Double.isNaN(minEigenvalue)) {
                throw new IllegalArgumentException("the smallest eigenvalue is not a number");
            }
        }

        /** A copy of the matrix; read it once rather than once per entry. */
        @Override
        public double[][] matrix() {
            return copy(matrix);
        }

        /** True when the correlations can be sampled jointly. */
        public boolean positiveDefinite() {
            return unattainable.isEmpty() && minEigenvalue > TOLERANCE;
        }
    }

    /** A copy of {@code m}, which must be an n × n correlation matrix (see {@link Result#matrix}). */
    private static double[][] correlationsCopy(double[][] m, int n) {
        if (m.length != n) {
            throw new IllegalArgumentException("a matrix of " + m.length + " rows for " + n + " variables");
        }
        double[][] c = copy(m);
        for (int i = 0; i < n; i++) {
            if (c[i].length != n) {
                throw new IllegalArgumentException("row " + i + " of the matrix has " + c[i].length
                        + " entries for " + n + " variables: the matrix must be square");
            }
        }
        for (int i = 0; i < n; i++) {
            if (c[i][i] != 1) {
                throw new IllegalArgumentException("the matrix's diagonal must be 1, not " + c[i][i] + " at " + i);
            }
            for (int j = 0; j < i; j++) {
                if (!(c[i][j] >= -1 && c[i][j] <= 1) || c[i][j] != c[j][i]) {
                    throw new IllegalArgumentException("the matrix must be symmetric with entries in [-1, 1]: "
                            + c[i][j] + " at (" + i + ", " + j + "), " + c[j][i] + " at (" + j + ", " + i + ")");
                }
            }
        }
        return c;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** A correlation its two margins cannot attain, with the range they can: [lo, hi]. */
    public record Unattainable(Correlation correlation, double lo, double hi) {
    }

    /** The one message for a matrix that is not positive definite; {@code pairs} names the entries. */
    public static String notPositiveDefinite(String pairs) {
        return "these correlations cannot hold together (their matrix is not positive definite): " + pairs;
    }

    /** The suggestion that goes with {@link #notPositiveDefinite}. */
    public static final String NOT_POSITIVE_DEFINITE_FIX = "weaken one of them or check their signs";

    /** The one message for an unattainable correlation; {@code entry} names it. */
    public static String unattainable(String entry, Unattainable u) {
        return String.format(Locale.ROOT, "%s cannot be attained by these two distributions (their ranks tie): "
                + "the attainable Spearman range is %.3f to %.3f", entry, u.lo(), u.hi());
    }

    /** The suggestion that goes with {@link #unattainable}. */
    public static final String UNATTAINABLE_FIX = "use a correlation inside that range";

    /** "a ~ b ρ": an entry as the messages name it. */
    public static String describe(Correlation c) {
        return c.a() + " ~ " + c.b() + " " + Input.plain(c.rho());
    }

    /** Input paths in order of first appearance. */
    public static List<String> variables(List<Correlation> correlations) {
        Map<String, Integer> index = index(correlations);
        return new ArrayList<>(index.keySet());
    }

    /** The Spearman matrix over {@link #variables}: 1 on the diagonal, 0 where no pair is given. */
    public static double[][] matrix(List<Correlation> correlations) {
        Map<String, Integer> index = index(correlations);
        int n = index.size();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        for (Correlation c : correlations) {
            int a = index.get(c.a());
            int b = index.get(c.b());
            m[a][b] = c.rho();
            m[b][a] = c.rho();
        }
        return m;
    }

    /**
     * Checks the correlations against the normal-copula matrix the sampler factors; an empty list
     * is trivially fine.
     *
     * @param margins each correlated input's distribution, by path
     */
    public static Result check(List<Correlation> correlations, Function<String, Dist> margins) {
        List<String> vars = variables(correlations);
        Map<String, Integer> index = index(correlations);
        int n = vars.size();
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        List<Unattainable> unattainable = new ArrayList<>();
        for (Correlation c : correlations) {
            Dist da = margins.apply(c.a());
            Dist db = margins.apply(c.b());
            double r;
            try {
                r = CopulaCalibration.normalCorrelation(da, db, c.rho());
            } catch (IllegalArgumentException e) {
                double[] range = CopulaCalibration.attainable(da, db);
                unattainable.add(new Unattainable(c, range[0], range[1]));
                continue;
            }
            int a = index.get(c.a());
            int b = index.get(c.b());
            m[a][b] = r;
            m[b][a] = r;
        }
        if (vars.isEmpty() || !unattainable.isEmpty()) {
            return new Result(vars, m, 1, List.of(), unattainable);
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
        double[] values = eig.getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        boolean[] involved = new boolean[vars.size()];
        for (int k = 0; k < values.length; k++) {
            min = Math.min(min, values[k]);
            if (values[k] <= TOLERANCE) {
                RealVector v = eig.getEigenvector(k);
                double largest = v.getLInfNorm();
                for (int i = 0; i < involved.length; i++) {
                    involved[i] |= Math.abs(v.getEntry(i)) >= WEIGHT * largest;
                }
            }
        }
        List<Correlation> offending = new ArrayList<>();
        if (min <= TOLERANCE) {
            for (Correlation c : correlations) {
                if (involved[vars.indexOf(c.a())] && involved[vars.indexOf(c.b())]) {
                    offending.add(c);
                }
            }
            if (offending.isEmpty()) {
                offending.addAll(correlations);
            }
        }
        return new Result(vars, m, min, offending, List.of());
    }

    private static Map<String, Integer> index(List<Correlation> correlations) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Correlation c : correlations) {
            index.putIfAbsent(c.a(), index.size());
            index.putIfAbsent(c.b(), index.size());
        }
        return index;
    }
}
