package dev.payback.engine;

/**
 * The seed's checkpoints: payback within 90 days, 6 months and 12 months (docs/model.md sections 2 and
 * 5: cum_3/6/12, P(payback ≤ 3/6/12), max one-time cost at 3/6/12), each with its month and the
 * name the reports use.
 */
public enum Checkpoint {
    DAYS_90(3, "90 days"),
    MONTHS_6(6, "6 months"),
    MONTHS_12(12, "12 months");

    private final int month;
    private final String label;

    Checkpoint(int month, String label) {
        this.month = month;
        this.label = label;
    }

    /** The horizon month T. */
    public int month() {
        return month;
    }

    /** "90 days", "6 months", "12 months". */
    public String label() {
        return label;
    }

    /** The months of every checkpoint, in order (a fresh array). */
    public static int[] months() {
        Checkpoint[] all = values();
        int[] m = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            m[i] = all[i].month;
        }
        return m;
    }

    /** The name of checkpoint month m ("90 days" for 3, else "m months"). */
    public static String labelOf(int month) {
        for (Checkpoint c : values()) {
            if (c.month == month) {
                return c.label;
            }
        }
        return month + " months";
    }
}
