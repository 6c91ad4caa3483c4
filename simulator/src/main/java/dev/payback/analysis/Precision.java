package dev.payback.analysis;

import dev.payback.engine.Engine;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;
import dev.payback.sampling.InputSampler;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;

import java.util.function.LongConsumer;

/**
 * {@code --precision X}: runs batches of doubling size until the 95% half-width
 * 1.96·sqrt(p(1−p)/n) of every option's P(payback ≤ 3), P(payback ≤ 6) and P(payback ≤ 12) is
 * below X (at p = 0 or 1, half the Wilson interval's width, 1.96²/(2(n + 1.96²))), or the trial cap is reached. Batch k is an ordinary run of {@code FIRST_BATCH · 2^k}
 * trials with the scenario's seed (capped), so the trial count used and the result depend only on
 * the scenario, seed, sampling method and X: the same inputs always stop at the same run, for any
 * number of threads. The final result is byte-identical to a plain run with {@code --trials} set to
 * the count reported. The earlier batches are discarded, so the work is at most twice the final run's.
 */
public final class Precision {
    /** Trials of the first batch (16 blocks). */
    public static final int FIRST_BATCH = 16 * InputSampler.BLOCK;
    /** Default cap on the trials of a precision run. */
    public static final int DEFAULT_MAX_TRIALS = 100_000_000;
    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Precision() {
    }

    /** Called before each batch with its number (from 1), its trial count and the last batch's half-width. */
    public interface Listener {
        void batch(int number, int trials, double previousHalfWidth);
    }

    /** The outcome: the last run, and whether its worst half-width met the target. */
    public record Outcome(SimulationResult result, double halfWidth, boolean reached, int batches) {
    }

    /** The largest 95% half-width of P(payback ≤ T), T = 3, 6, 12, over the options (0 without options). */
    public static double worstHalfWidth(SimulationResult r) {
        RunStats rs = r.stats();
        double n = rs.trials();
        int[] paid = {RunStats.PAID_3, RunStats.PAID_6, RunStats.PAID_12};
        double worst = 0;
        for (int k = 0; k < r.columns().strategyCount(); k++) {
            for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
                double p = rs.optionCount(k, paid[j]) / n;
                // At p = 0 or 1 the binomial formula gives 0 whatever n is; the Wilson score interval
                // [0, z²/(n+z²)] (about the rule of three, 3/n) says how far the truth may still be.
                double h = p == 0 || p == 1 ? Z95 * Z95 / (2 * (n + Z95 * Z95)) : Z95 * Math.sqrt(p * (1 - p) / n);
                worst = Math.max(worst, h);
            }
        }
        return worst;
    }

    /**
     * Runs batches until the target is met or {@code maxTrials} is reached.
     *
     * @param target    the half-width to get below, in (0, 1)
     * @param maxTrials the largest batch, &gt;= 1
     * @param progress  engine progress of each batch (may be null)
     * @param listener  told about each batch (may be null)
     */
    public static Outcome run(Scenario scenario, Engine.Options options, double target, int maxTrials,
            LongConsumer progress, Listener listener) throws InvalidInputException {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("precision must lie in (0, 1), got " + target);
        }
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be >= 1");
        }
        int n = Math.min(FIRST_BATCH, maxTrials);
        double half = Double.NaN;
        for (int batch = 1; ; batch++) {
            if (listener != null) {
                listener.batch(batch, n, half);
            }
            SimulationResult r = Engine.run(scenario.withRun(n, scenario.seed()), options, progress);
            half = worstHalfWidth(r);
            if (half < target || n >= maxTrials) {
                return new Outcome(r, half, half < target, batch);
            }
            n = (int) Math.min((long) n * 2, maxTrials);
        }
    }
}
