package dev.payback.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Checks that a set of pairwise correlations can hold together: the matrix with 1 on the diagonal,
 * ρ for each listed pair and 0 elsewhere must be positive definite. Shared by the loader and the
 * sampling layer.
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
     * @param matrix        the correlation matrix
     * @param minEigenvalue its smallest eigenvalue
     * @param offending     the entries involved when not positive definite (empty otherwise), in input order
     */
    public record Result(List<String> variables, double[][] matrix, double minEigenvalue, List<Correlation> offending) {
        public Result {
            variables = List.copyOf(variables);
            offending = List.copyOf(offending);
        }

        /** True when the correlations can be sampled jointly. */
        public boolean positiveDefinite() {
            return minEigenvalue > TOLERANCE;
        }
    }

    /** Input paths in order of first appearance. */
    public static List<String> variables(List<Correlation> correlations) {
        Map<String, Integer> index = index(correlations);
        return new ArrayList<>(index.keySet());
    }

    /** The correlation matrix over {@link #variables}: 1 on the diagonal, 0 where no pair is given. */
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

    /** Checks the correlations; an empty list is trivially fine. */
    public static Result check(List<Correlation> correlations) {
        List<String> vars = variables(correlations);
        double[][] m = matrix(correlations);
        if (vars.isEmpty()) {
            return new Result(vars, m, 1, List.of());
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
        return new Result(vars, m, min, offending);
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
