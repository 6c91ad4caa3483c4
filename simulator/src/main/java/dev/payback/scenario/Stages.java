package dev.payback.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An option's staged rollout (docs/model.md section 7): pilot a share of the orders for some live
 * months, then expand only when the pilot's measured exception-rate reduction reaches the target.
 * Input paths are {@code options.<id>.stages.<field>}.
 *
 * @param pilotShare             share of orders in the pilot scope, in (0, 1)
 * @param pilotMonths            live months before the gate, ≥ 1
 * @param pilotOneTimeCost       the pilot's one-time cost C_p, or null for the default
 *                               pilot_share · one_time_cost (per trial)
 * @param expansionCost          paid on go, or null for the default max(0, one_time_cost − C_p) (per trial)
 * @param stopCost               paid on no-go (0 by default)
 * @param exceptionRateReduction go_criteria.exception_rate_reduction, in [0, 1]
 */
public record Stages(double pilotShare, int pilotMonths, Input pilotOneTimeCost, Input expansionCost,
                     Input stopCost, double exceptionRateReduction) {

    /** Suffix of the staged strategy's id: {@code <id>_staged}. */
    public static final String SUFFIX = "_staged";

    public Stages {
        if (!(pilotShare > 0 && pilotShare < 1)) {
            throw new IllegalArgumentException("pilot_share must lie in (0, 1): " + pilotShare);
        }
        if (pilotMonths < 1) {
            throw new IllegalArgumentException("pilot_months must be >= 1: " + pilotMonths);
        }
        if (!(exceptionRateReduction >= 0 && exceptionRateReduction <= 1)) {
            throw new IllegalArgumentException("exception_rate_reduction must lie in [0, 1]: " + exceptionRateReduction);
        }
        Objects.requireNonNull(stopCost, "stopCost");
    }

    /** The sampled inputs the block names: the costs given in the file, then the stop cost. */
    public List<Input> inputs() {
        List<Input> all = new ArrayList<>();
        if (pilotOneTimeCost != null) {
            all.add(pilotOneTimeCost);
        }
        if (expansionCost != null) {
            all.add(expansionCost);
        }
        all.add(stopCost);
        return all;
    }
}
