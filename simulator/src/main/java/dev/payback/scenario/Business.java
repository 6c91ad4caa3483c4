package dev.payback.scenario;

import java.util.List;

/**
 * {@code business:} of a scenario. Plain numbers are primitives; the rest are inputs.
 *
 * @param seasonality 12 monthly multipliers, month 1 first (all 1 when absent)
 */
public record Business(
        Input ordersPerMonth,
        Input annualGrowth,
        double[] seasonality,
        Input averageOrderValue,
        Input grossMargin,
        Input loadedLaborCostPerHour,
        double hoursPerFteYear,
        int channels,
        int fulfillmentPaths,
        Input inventoryAccuracy,
        int complexity,
        int adoptionReadiness) {

    public Business {
        if (seasonality.length != 12) {
            throw new IllegalArgumentException("seasonality needs 12 multipliers");
        }
        for (double s : seasonality) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("seasonality multipliers must be finite and >= 0");
            }
        }
        if (!(hoursPerFteYear > 0) || !Double.isFinite(hoursPerFteYear)) {
            throw new IllegalArgumentException("hours_per_fte_year must be > 0");
        }
        if (channels < 1 || fulfillmentPaths < 1) {
            throw new IllegalArgumentException("channels and fulfillment_paths must be >= 1");
        }
        if (complexity < 1 || complexity > 5 || adoptionReadiness < 1 || adoptionReadiness > 5) {
            throw new IllegalArgumentException("complexity and adoption_readiness must lie in 1..5");
        }
        seasonality = seasonality.clone();
    }

    @Override
    public double[] seasonality() {
        return seasonality.clone();
    }

    /** The business inputs, in a fixed order. */
    public List<Input> inputs() {
        return List.of(ordersPerMonth, annualGrowth, averageOrderValue, grossMargin, loadedLaborCostPerHour,
                inventoryAccuracy);
    }
}
