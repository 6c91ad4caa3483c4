package dev.payback.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A randomly generated valid scenario, kept as parts so that properties can vary one value (an
 * option's one-time cost, an effect, the exception rate) and leave everything else, including
 * the random streams, untouched. {@link #toString()} is the YAML, so a failing property prints
 * the scenario it failed on.
 */
final class GeneratedScenario {
    /** Pain drivers with their domain: true = a rate or share in [0, 1]. */
    static final String[] DRIVERS = {"exception_rate", "minutes_per_exception", "expedite_share_of_exceptions",
            "expedite_fee", "cancellation_rate", "churn_share_of_cancellations", "customer_lifetime_margin",
            "tickets_per_exception", "cost_per_ticket", "reconciliation_hours_per_week", "excess_inventory_value",
            "carrying_cost_rate", "write_offs_per_year"};
    static final boolean[] UNIT = {true, false, true, false, true, true, false, false, false, false, false, true,
            false};
    static final double[] SCALE = {0.4, 30, 0.4, 40, 0.1, 0.5, 200, 1, 10, 30, 300_000, 0.4, 40_000};

    final long seed;
    final int trials;
    final String header;
    final String business;
    /** Driver name → distribution; exception_rate is always present. */
    final List<String> drivers = new ArrayList<>();
    final List<GenDist> driverDists = new ArrayList<>();
    final String extras;
    final List<String> optionIds = new ArrayList<>();
    final List<String> options = new ArrayList<>();
    final String correlations;

    private GeneratedScenario(long seed, int trials, Random r, boolean staged) {
        // the staged blocks draw from their own stream, so the rest of a scenario is the same with or without them
        Random rs = new Random(seed ^ 0x57A6EDL);
        int stagedOption = staged ? rs.nextInt(3) : -1;
        this.seed = seed;
        this.trials = trials;
        header = "name: generated " + seed + "\n"
                + "horizon_months: " + (12 + r.nextInt(109)) + "\n"
                + "discount_rate: " + num(-0.05 + 0.35 * r.nextDouble()) + "\n"
                + "decision: {payback_confidence: " + num(0.5 + 0.45 * r.nextDouble()) + "}\n";

        StringBuilder b = new StringBuilder("business:\n");
        GenDist orders = GenDist.random(r, 50, 20_000, false).positive();
        GenDist aov = GenDist.random(r, 5, 200, false).positive();
        b.append("  orders_per_month: ").append(orders).append('\n');
        if (r.nextBoolean()) {
            b.append("  annual_growth: ").append(GenDist.random(r, -0.3, 0.6, false)).append('\n');
        }
        if (r.nextInt(3) == 0) {
            StringBuilder season = new StringBuilder("[");
            for (int m = 0; m < 12; m++) {
                season.append(m == 0 ? "" : ", ").append(num(0.5 + r.nextDouble()));
            }
            b.append("  seasonality: ").append(season).append("]\n");
        }
        b.append("  average_order_value: ").append(aov).append('\n');
        b.append("  gross_margin: ").append(GenDist.random(r, 0.1, 0.7, true)).append('\n');
        b.append("  loaded_labor_cost_per_hour: ").append(GenDist.random(r, 10, 80, false).positive()).append('\n');
        b.append("  channels: ").append(1 + r.nextInt(5)).append('\n');
        b.append("  fulfillment_paths: ").append(1 + r.nextInt(4)).append('\n');
        if (r.nextBoolean()) {
            b.append("  inventory_accuracy: ").append(GenDist.random(r, 0.8, 1.0, true)).append('\n');
        }
        b.append("  complexity: ").append(1 + r.nextInt(5)).append('\n');
        b.append("  adoption_readiness: ").append(1 + r.nextInt(5)).append('\n');
        business = b.toString();

        for (int k = 0; k < DRIVERS.length; k++) {
            if (k == 0 || r.nextInt(3) > 0) {
                drivers.add(DRIVERS[k]);
                driverDists.add(GenDist.random(r, 0, SCALE[k], UNIT[k]));
            }
        }
        StringBuilder x = new StringBuilder();
        boolean hasOther = r.nextBoolean();
        boolean hasEvent = r.nextBoolean();
        if (hasOther) {
            x.append("  other: [{name: penalties, per_year: ").append(GenDist.random(r, 0, 20_000, false))
                    .append("}]\n");
        }
        if (hasEvent) {
            x.append("  events: [{name: outage, probability: ").append(GenDist.random(r, 0, 0.6, true))
                    .append(", cost: ").append(GenDist.random(r, 0, 100_000, false)).append("}]\n");
        }
        extras = x.toString();

        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            String id = "opt" + k;
            optionIds.add(id);
            StringBuilder o = new StringBuilder();
            o.append("  - id: ").append(id).append('\n');
            o.append("    kind: ").append(r.nextBoolean() ? "operate" : "orchestrate").append('\n');
            o.append("    one_time_cost: ").append(GenDist.random(r, 0, 150_000, false)).append('\n');
            o.append("    annual_cost: ").append(GenDist.random(r, 0, 60_000, false)).append('\n');
            o.append("    implementation_months: ").append(GenDist.random(r, 0, 9, false)).append('\n');
            if (r.nextBoolean()) {
                o.append("    ramp_months: ").append(GenDist.random(r, 0, 6, false)).append('\n');
            }
            if (r.nextInt(3) == 0) {
                o.append("    per_order_fee: ").append(GenDist.random(r, 0, 0.5, false)).append('\n');
            }
            if (r.nextInt(3) == 0) {
                o.append("    go_live_dip: ").append(GenDist.random(r, 0, 1.5, false)).append('\n');
            }
            if (r.nextInt(3) == 0) {
                o.append("    failure_probability: ").append(GenDist.random(r, 0, 0.5, true)).append('\n');
                o.append("    failure_benefit_share: ").append(GenDist.random(r, 0, 1, true)).append('\n');
            }
            List<String> effects = new ArrayList<>();
            for (String d : drivers) {
                if (r.nextInt(3) == 0) {
                    effects.add(d);
                }
            }
            if (hasOther && r.nextBoolean()) {
                effects.add("penalties");
            }
            if (hasEvent && r.nextBoolean()) {
                effects.add("outage");
            }
            // a staged rollout (docs/model.md section 7): at least one option (the last one when the chosen
            // index is beyond them), any other with chance 1/2; it needs an exception_rate effect
            boolean stagedHere = staged && (k == Math.min(stagedOption, n - 1) || rs.nextBoolean());
            boolean forcedExceptionEffect = stagedHere && !effects.contains("exception_rate");
            if (forcedExceptionEffect) {
                effects.add(0, "exception_rate");
            }
            if (!effects.isEmpty()) {
                o.append("    effects:\n");
                for (String e : effects) {
                    Random from = forcedExceptionEffect && e.equals("exception_rate") ? rs : r;
                    o.append("      ").append(e).append(": ").append(GenDist.random(from, 0, 0.9, true)).append('\n');
                }
            }
            if (stagedHere) {
                o.append(stages(rs));
            }
            options.add(o.toString());
        }

        // At most one correlation, between two inputs that are continuous and not fixed.
        String corr = "";
        if (r.nextBoolean() && orders.continuous() && aov.continuous()) {
            corr = "correlations:\n  - [business.orders_per_month, business.average_order_value, "
                    + num(-0.9 + 1.8 * r.nextDouble()) + "]\n";
        }
        correlations = corr;
    }

    /**
     * A {@code stages} block (docs/model.md section 7) in every form: a pilot share and length (gates
     * inside and beyond the horizon), each cost given as any distribution form or left to its default,
     * and a target from 0 (always go) to 0.7.
     */
    private static String stages(Random r) {
        StringBuilder b = new StringBuilder("    stages:\n");
        b.append("      pilot_share: ").append(num(0.02 + 0.96 * r.nextDouble())).append('\n');
        b.append("      pilot_months: ").append(1 + r.nextInt(r.nextInt(4) == 0 ? 120 : 12)).append('\n');
        if (r.nextBoolean()) {
            b.append("      pilot_one_time_cost: ").append(GenDist.random(r, 0, 80_000, false)).append('\n');
        }
        if (r.nextBoolean()) {
            b.append("      expansion_cost: ").append(GenDist.random(r, 0, 150_000, false)).append('\n');
        }
        if (r.nextBoolean()) {
            b.append("      stop_cost: ").append(GenDist.random(r, 0, 20_000, false)).append('\n');
        }
        double target = r.nextInt(6) == 0 ? 0 : 0.7 * r.nextDouble();
        b.append("      go_criteria: {exception_rate_reduction: ").append(num(target)).append("}\n");
        return b.toString();
    }

    /** A generator of scenarios with trial counts in [minTrials, maxTrials]. */
    static net.jqwik.api.Arbitrary<GeneratedScenario> scenarios(int minTrials, int maxTrials) {
        return scenarios(minTrials, maxTrials, false);
    }

    /**
     * A generator of scenarios with trial counts in [minTrials, maxTrials]; with {@code staged}, one or
     * more options carry a {@code stages} block (the rest of the scenario is the one drawn without).
     */
    static net.jqwik.api.Arbitrary<GeneratedScenario> scenarios(int minTrials, int maxTrials, boolean staged) {
        return net.jqwik.api.Arbitraries.longs().between(0, Long.MAX_VALUE / 2).map(seed -> {
            Random r = new Random(seed);
            int trials = minTrials + r.nextInt(maxTrials - minTrials + 1);
            return new GeneratedScenario(seed, trials, r, staged);
        });
    }

    /** The exception rate's distribution. */
    GenDist exceptionRate() {
        return driverDists.get(0);
    }

    /** A driver that is present, chosen by index (mod the number present). */
    String driver(int index) {
        return drivers.get(Math.floorMod(index, drivers.size()));
    }

    String yaml() {
        StringBuilder y = new StringBuilder(header).append(business).append("pain:\n");
        for (int k = 0; k < drivers.size(); k++) {
            y.append("  ").append(drivers.get(k)).append(": ").append(driverDists.get(k)).append('\n');
        }
        y.append(extras).append("options:\n");
        options.forEach(y::append);
        return y.append(correlations).toString();
    }

    @Override
    public String toString() {
        return "trials " + trials + ", seed " + seed + "\n" + yaml();
    }

    /** x rounded to 6 significant digits, written plainly (e.g. 0.125, 15000, -0.03). */
    static String num(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
