package dev.payback.engine;

import dev.payback.scenario.Dist;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Driver;
import dev.payback.scenario.Input;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Pain;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.Stages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where each model quantity sits among the sampled columns. The sampled inputs are the
 * scenario's inputs followed by auxiliary uniform draws the equations need: one per event and
 * year (the B_jy of docs/model.md section 2) and one per option (its failure draw). Built once per run.
 */
public final class Layout {
    /** Absent driver or effect. */
    public static final int NONE = -1;

    private final List<Input> inputs;
    private final int scenarioInputCount;

    final int orders;
    final int growth;
    final int aov;
    final int margin;
    final int wage;
    final int inventoryAccuracy;
    /** Column of each {@link Driver}, by ordinal, or NONE. */
    final int[] driver;
    final int[] other;
    final int[] eventProbability;
    final int[] eventCost;
    /** [event][year-1] → column of the uniform that decides whether the event happens that year. */
    final int[][] eventOccurs;
    final OptionLayout[] options;
    /** The staged strategies (docs/model.md section 7), in option order; strategy index options.length + j. */
    final StagedLayout[] staged;

    /** Column indexes and settings of one staged strategy. */
    static final class StagedLayout {
        /** Index of the big-bang twin among the options. */
        final int twin;
        final double share;
        final int months;
        final double target;
        /** pilot_one_time_cost, or NONE for share · one_time_cost. */
        final int pilotOneTimeCost;
        /** expansion_cost, or NONE for max(0, one_time_cost − pilot one-time cost). */
        final int expansionCost;
        final int stopCost;
        /** Uniforms that become the gate's two binomial draws X_0 (baseline) and X_G (gate month). */
        final int baselineDraw;
        final int gateDraw;

        StagedLayout(int twin, double share, int months, double target, int pilotOneTimeCost, int expansionCost,
                int stopCost, int baselineDraw, int gateDraw) {
            this.twin = twin;
            this.share = share;
            this.months = months;
            this.target = target;
            this.pilotOneTimeCost = pilotOneTimeCost;
            this.expansionCost = expansionCost;
            this.stopCost = stopCost;
            this.baselineDraw = baselineDraw;
            this.gateDraw = gateDraw;
        }
    }

    /** Column indexes of one option's inputs. */
    static final class OptionLayout {
        final int oneTimeCost;
        final int annualCost;
        final int perOrderFee;
        final int implementationMonths;
        final int rampMonths;
        final int goLiveDip;
        final int failureProbability;
        final int failureBenefitShare;
        final int failureDraw;
        /** Effect column per driver ordinal, or NONE. */
        final int[] driverEffect;
        /** The driver ordinals that have an effect column (those of {@link #driverEffect} that are not NONE), ascending. */
        final int[] effectDrivers;
        /** Effect column per other item, or NONE. */
        final int[] otherEffect;
        /** Effect column per event, or NONE. */
        final int[] eventEffect;

        OptionLayout(int oneTimeCost, int annualCost, int perOrderFee, int implementationMonths, int rampMonths,
                int goLiveDip, int failureProbability, int failureBenefitShare, int failureDraw,
                int[] driverEffect, int[] otherEffect, int[] eventEffect) {
            this.oneTimeCost = oneTimeCost;
            this.annualCost = annualCost;
            this.perOrderFee = perOrderFee;
            this.implementationMonths = implementationMonths;
            this.rampMonths = rampMonths;
            this.goLiveDip = goLiveDip;
            this.failureProbability = failureProbability;
            this.failureBenefitShare = failureBenefitShare;
            this.failureDraw = failureDraw;
            this.driverEffect = driverEffect;
            this.effectDrivers = java.util.stream.IntStream.range(0, driverEffect.length)
                    .filter(q -> driverEffect[q] != NONE).toArray();
            this.otherEffect = otherEffect;
            this.eventEffect = eventEffect;
        }
    }

    private Layout(Scenario s) {
        List<Input> all = new ArrayList<>(s.inputs());
        scenarioInputCount = all.size();
        orders = indexOf(all, s.business().ordersPerMonth());
        growth = indexOf(all, s.business().annualGrowth());
        aov = indexOf(all, s.business().averageOrderValue());
        margin = indexOf(all, s.business().grossMargin());
        wage = indexOf(all, s.business().loadedLaborCostPerHour());
        inventoryAccuracy = indexOf(all, s.business().inventoryAccuracy());

        Pain pain = s.pain();
        driver = new int[Driver.values().length];
        Arrays.fill(driver, NONE);
        pain.drivers().forEach((d, in) -> driver[d.ordinal()] = indexOf(all, in));
        other = new int[pain.other().size()];
        for (int i = 0; i < other.length; i++) {
            other[i] = indexOf(all, pain.other().get(i).perYear());
        }
        int years = (s.horizonMonths() + 11) / 12;
        eventProbability = new int[pain.events().size()];
        eventCost = new int[pain.events().size()];
        eventOccurs = new int[pain.events().size()][years];
        for (int j = 0; j < eventProbability.length; j++) {
            Pain.Event e = pain.events().get(j);
            eventProbability[j] = indexOf(all, e.probability());
            eventCost[j] = indexOf(all, e.cost());
            for (int y = 0; y < years; y++) {
                eventOccurs[j][y] = add(all, "pain.events." + e.name() + ".occurs.year" + (y + 1));
            }
        }
        options = new OptionLayout[s.options().size()];
        for (int k = 0; k < options.length; k++) {
            OptionSpec o = s.options().get(k);
            int[] de = new int[Driver.values().length];
            Arrays.fill(de, NONE);
            int[] oe = new int[other.length];
            Arrays.fill(oe, NONE);
            int[] ee = new int[eventCost.length];
            Arrays.fill(ee, NONE);
            for (var effect : o.effects().entrySet()) {
                int col = indexOf(all, effect.getValue());
                Driver d = Driver.byKey(effect.getKey());
                if (d != null) {
                    de[d.ordinal()] = col;
                    continue;
                }
                int i = findOther(pain, effect.getKey());
                if (i >= 0) {
                    oe[i] = col;
                    continue;
                }
                int j = findEvent(pain, effect.getKey());
                if (j < 0) {
                    throw new IllegalArgumentException("option " + o.id() + " has an effect on unknown driver "
                            + effect.getKey());
                }
                ee[j] = col;
            }
            options[k] = new OptionLayout(indexOf(all, o.oneTimeCost()), indexOf(all, o.annualCost()),
                    indexOf(all, o.perOrderFee()), indexOf(all, o.implementationMonths()),
                    indexOf(all, o.rampMonths()), indexOf(all, o.goLiveDip()),
                    indexOf(all, o.failureProbability()), indexOf(all, o.failureBenefitShare()),
                    add(all, "options." + o.id() + ".failure_draw"), de, oe, ee);
        }
        List<StagedLayout> st = new ArrayList<>();
        for (int k = 0; k < options.length; k++) {
            OptionSpec o = s.options().get(k);
            Stages g = o.stages();
            if (g != null) {
                st.add(new StagedLayout(k, g.pilotShare(), g.pilotMonths(), g.exceptionRateReduction(),
                        g.pilotOneTimeCost() == null ? NONE : indexOf(all, g.pilotOneTimeCost()),
                        g.expansionCost() == null ? NONE : indexOf(all, g.expansionCost()),
                        indexOf(all, g.stopCost()),
                        add(all, "options." + o.id() + ".stages.baseline_draw"),
                        add(all, "options." + o.id() + ".stages.gate_draw")));
            }
        }
        staged = st.toArray(new StagedLayout[0]);
        inputs = Collections.unmodifiableList(all);
    }

    /** The layout of a validated scenario. */
    public static Layout of(Scenario s) {
        return new Layout(s);
    }

    /** Every sampled column's input: the scenario's inputs, then the auxiliary uniforms. */
    public List<Input> inputs() {
        return inputs;
    }

    /** How many of {@link #inputs()} come from the scenario file (the rest are auxiliary draws). */
    public int scenarioInputCount() {
        return scenarioInputCount;
    }

    /**
     * Number of strategies the engine evaluates: the options in scenario order, then one staged
     * strategy per option with a {@code stages} block (docs/model.md section 7), in option order.
     */
    public int strategyCount() {
        return options.length + staged.length;
    }

    /** Number of staged strategies. */
    public int stagedCount() {
        return staged.length;
    }

    /** The option index of staged strategy j's big-bang twin. */
    public int stagedTwin(int j) {
        return staged[j].twin;
    }

    /** Column of the input with this canonical path, or NONE. */
    public int column(String path) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).path().equals(path)) {
                return i;
            }
        }
        return NONE;
    }

    private static int indexOf(List<Input> all, Input in) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == in) {
                return i;
            }
        }
        throw new IllegalArgumentException("input not in scenario: " + in.path());
    }

    private static int add(List<Input> all, String path) {
        all.add(new Input(path, new Dist.Uniform(0, 1), Domain.UNIT, "{uniform: [0, 1]}"));
        return all.size() - 1;
    }

    private static int findOther(Pain pain, String name) {
        for (int i = 0; i < pain.other().size(); i++) {
            if (pain.other().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int findEvent(Pain pain, String name) {
        for (int j = 0; j < pain.events().size(); j++) {
            if (pain.events().get(j).name().equals(name)) {
                return j;
            }
        }
        return -1;
    }
}
