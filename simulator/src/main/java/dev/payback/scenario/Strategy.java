package dev.payback.scenario;

import java.util.Objects;

/**
 * One strategy the run compares: an option's big-bang rollout, or its staged rollout
 * (docs/model.md section 7, id {@code <id>_staged}). The engine's strategy index is the position in
 * {@link Scenario#strategies()}: the options in file order, then the staged rollouts in option order.
 *
 * @param option the option (for a staged strategy, its big-bang twin)
 * @param staged true for the staged rollout of {@code option}
 */
public record Strategy(String id, String label, OptionSpec.Kind kind, OptionSpec option, boolean staged) {
    public Strategy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(option, "option");
        if (staged && option.stages() == null) {
            throw new IllegalArgumentException("a staged strategy needs an option with stages: " + id);
        }
    }
}
