package dev.payback.engine;

/**
 * One strategy's KPI checkpoints (docs/model.md section 8) per trial, as primitive columns: the value of
 * KPI k ({@link Kpis#NAMES}) at checkpoint j ({@link Kpis#MONTHS}) of every trial. Held by
 * {@link TrialColumns} for the status quo and by each {@link OptionColumns}; in a run's result these
 * are the retained trials.
 */
public final class KpiColumns {
    /** [checkpoint][kpi][trial]. */
    private final double[][][] values;

    /** Read-only views of {@link #values}, [checkpoint][kpi]. */
    private final Column[][] views;

    KpiColumns(int trials) {
        values = new double[Kpis.MONTHS.length][Kpis.COUNT][trials];
        views = new Column[Kpis.MONTHS.length][Kpis.COUNT];
        for (int j = 0; j < values.length; j++) {
            for (int k = 0; k < Kpis.COUNT; k++) {
                views[j][k] = new Column(values[j][k]);
            }
        }
    }

    /** The column of KPI {@code kpi} at checkpoint index {@code checkpoint} (month {@code Kpis.MONTHS[checkpoint]}). */
    public Column column(int checkpoint, int kpi) {
        return views[checkpoint][kpi];
    }

    /** The same column as the engine's own array, for the engine's streaming statistics. */
    double[] array(int checkpoint, int kpi) {
        return values[checkpoint][kpi];
    }

    void set(int checkpoint, int kpi, int row, double v) {
        values[checkpoint][kpi][row] = v;
    }

    /**
     * Copies block {@code block}'s kept rows of {@code src} (the block's columns) to their rows of this
     * ({@link Retention#gather}).
     */
    void gather(KpiColumns src, Retention retention, long block) {
        for (int j = 0; j < values.length; j++) {
            for (int k = 0; k < Kpis.COUNT; k++) {
                retention.gather(src.values[j][k], block, values[j][k]);
            }
        }
    }
}
