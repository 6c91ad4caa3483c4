package dev.payback.scenario;

import java.util.ArrayList;
import java.util.List;

/** The valid keys at each level of a scenario file (docs/model.md section 1). */
final class Keys {
    static final List<String> TOP = List.of("name", "currency", "horizon_months", "discount_rate", "simulation",
            "business", "pain", "options", "correlations", "decision", "stress", "scorecard_weights");
    static final List<String> SIMULATION = List.of("trials", "seed");
    static final List<String> BUSINESS = List.of("orders_per_month", "annual_growth", "seasonality",
            "average_order_value", "gross_margin", "loaded_labor_cost_per_hour", "hours_per_fte_year", "channels",
            "fulfillment_paths", "inventory_accuracy", "complexity", "adoption_readiness");
    static final List<String> DRIVERS;
    static final List<String> PAIN;
    static final List<String> OTHER_ITEM = List.of("name", "per_year");
    static final List<String> EVENT_ITEM = List.of("name", "probability", "cost");
    static final List<String> OPTION = List.of("id", "label", "kind", "one_time_cost", "annual_cost",
            "per_order_fee", "implementation_months", "ramp_months", "go_live_dip", "failure_probability",
            "failure_benefit_share", "effects", "scorecard", "stages");
    /** Option fields that are inputs (may be distributions). */
    static final List<String> OPTION_INPUTS = OPTION.subList(3, 11);
    static final List<String> SCORECARD = ScorecardWeights.DIMENSIONS;
    /** docs/model.md section 7: an option's staged rollout. */
    static final List<String> STAGES = List.of("pilot_share", "pilot_months", "pilot_one_time_cost",
            "expansion_cost", "stop_cost", "go_criteria");
    static final List<String> GO_CRITERIA = List.of("exception_rate_reduction");
    static final List<String> DECISION = List.of("payback_confidence", "payback_months");
    static final List<String> KINDS = List.of("operate", "orchestrate");

    static {
        List<String> d = new ArrayList<>();
        for (Driver driver : Driver.values()) {
            d.add(driver.key());
        }
        DRIVERS = List.copyOf(d);
        d.add("other");
        d.add("events");
        PAIN = List.copyOf(d);
    }

    private Keys() {
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
