package dev.payback.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One option of a scenario (docs/model.md section 1, {@code options:}). Input paths are
 * {@code options.<id>.<field>} and {@code options.<id>.effects.<driver>}.
 *
 * @param effects   driver key (a {@link Driver} key, an {@code other} name or an event name) → the
 *                  fractional reduction at full adoption, in file order
 * @param scorecard vendor scorecard entries (implementation_speed, ...) → 1..5, in file order
 * @param stages    the staged rollout of docs/model.md section 7, or null when the option has none
 */
public record OptionSpec(
        String id,
        String label,
        Kind kind,
        Input oneTimeCost,
        Input annualCost,
        Input perOrderFee,
        Input implementationMonths,
        Input rampMonths,
        Input goLiveDip,
        Input failureProbability,
        Input failureBenefitShare,
        Map<String, Input> effects,
        Map<String, Double> scorecard,
        Stages stages) {

    /** operate: fix one node; orchestrate: coordinate the network. */
    public enum Kind { OPERATE, ORCHESTRATE }

    public OptionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (!id.matches("[a-z0-9_-]+") || id.equals("status_quo")) {
            throw new IllegalArgumentException("option id must match [a-z0-9_-]+ and not be status_quo: " + id);
        }
        effects = Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        scorecard = Collections.unmodifiableMap(new LinkedHashMap<>(scorecard));
        if (stages != null && !effects.containsKey(Driver.EXCEPTION_RATE.key())) {
            throw new IllegalArgumentException("stages need an exception_rate effect: " + id);
        }
    }

    /** An option without a staged rollout. */
    public OptionSpec(String id, String label, Kind kind, Input oneTimeCost, Input annualCost, Input perOrderFee,
            Input implementationMonths, Input rampMonths, Input goLiveDip, Input failureProbability,
            Input failureBenefitShare, Map<String, Input> effects, Map<String, Double> scorecard) {
        this(id, label, kind, oneTimeCost, annualCost, perOrderFee, implementationMonths, rampMonths, goLiveDip,
                failureProbability, failureBenefitShare, effects, scorecard, null);
    }

    /** The same option with another staged rollout (null: none). */
    public OptionSpec withStages(Stages newStages) {
        return new OptionSpec(id, label, kind, oneTimeCost, annualCost, perOrderFee, implementationMonths, rampMonths,
                goLiveDip, failureProbability, failureBenefitShare, effects, scorecard, newStages);
    }

    /** The id of the staged strategy, {@code <id>_staged}. */
    public String stagedId() {
        return id + Stages.SUFFIX;
    }

    /** The label of the staged strategy. */
    public String stagedLabel() {
        return label + ", piloted first";
    }

    /**
     * The option's inputs in a fixed order: the eight fields, the effects in file order, then the
     * stages' inputs.
     */
    public List<Input> inputs() {
        List<Input> all = new ArrayList<>(List.of(oneTimeCost, annualCost, perOrderFee, implementationMonths,
                rampMonths, goLiveDip, failureProbability, failureBenefitShare));
        all.addAll(effects.values());
        if (stages != null) {
            all.addAll(stages.inputs());
        }
        return all;
    }
}
