package dev.payback.scenario;

/**
 * A Spearman rank correlation between two inputs, named by canonical path.
 *
 * @param where where the entry stands in the file, for messages
 */
public record Correlation(String a, String b, double rho, Location where) {
    public Correlation {
        if (!(rho > -1 && rho < 1)) {
            throw new IllegalArgumentException("rho must lie in (-1, 1)");
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("a correlation needs two different inputs");
        }
    }
}
