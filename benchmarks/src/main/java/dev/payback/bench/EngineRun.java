package dev.payback.bench;

import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.List;

/**
 * One engine run, for counting instructions (benchmarks/instructions_per_trial.sh runs it under valgrind at two
 * trial counts and divides the difference, so start-up and compilation cancel): scenario B, seed 7, one worker,
 * no monthly paths (as {@code simulate --format json}), the default retention line.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.payback.bench.EngineRun 20480 [scenario.yaml]</pre>
 */
public final class EngineRun {
    private EngineRun() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[0]);
        String scenario = args.length > 1 ? args[1] : "scenarios/b_consumer_goods_multichannel.yaml";
        Scenario s = ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(trials, 7);
        SimulationResult r = Engine.run(s, Engine.Options.defaults().withThreads(1).withMonthlyPathCap(0));
        // print a figure of the run so that nothing is left out
        System.out.println(r.stats().option(0, 0).mean());
    }
}
