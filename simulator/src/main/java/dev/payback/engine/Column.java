package dev.payback.engine;

import java.util.Arrays;

/**
 * A read-only view of one per-trial column of a run (indexed by row): other packages read the
 * engine's columns through it and cannot change them. It wraps the engine's array without copying
 * (made once per column, not per trial); {@link #toArray()} gives a copy to work on.
 */
public final class Column {
    private final double[] values;

    Column(double[] values) {
        this.values = values;
    }

    /** The value in row {@code row}. */
    public double get(int row) {
        return values[row];
    }

    /** How many rows. */
    public int size() {
        return values.length;
    }

    /** A copy of the column. */
    public double[] toArray() {
        return values.clone();
    }

    /** A copy of the first {@code rows} rows. */
    public double[] toArray(int rows) {
        return Arrays.copyOf(values, rows);
    }
}
