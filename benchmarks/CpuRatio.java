import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

/**
 * CPU time of the analysis stages of two builds of the simulator, measured back to back in one JVM
 * (the machine's load moves wall-clock times; a single worker's CPU time moves much less). Each
 * jar is loaded in a class loader of its own and runs the engine once on the same scenario, trial
 * count and seed; then, alternately for the two jars, each stage runs in a fork-join pool of one
 * worker (so all its parallel streams run on that thread) and that thread's CPU time is taken.
 * Prints, per stage, the median and the least CPU ms of each jar, and the ratios (second / first) of
 * the medians and of the least times (the least is the run that the other processes disturbed least).
 *
 * <pre>java -XX:TieredStopAtLevel=1 -Xmx3g benchmarks/CpuRatio.java before.jar after.jar [trials] [rounds] [stage|all] [scenario]</pre>
 *
 * Stages: "sensitivity" (Sensitivity.of), "headline" (Analysis.summarize without the sensitivity),
 * "paths" (PathPercentiles.of), "summary" (Analysis.summarize with it, as simulate --format json).
 */
public class CpuRatio {
    static final String[] STAGES = {"sensitivity", "headline", "paths", "summary"};

    public static void main(String[] args) throws Exception {
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        String only = args.length > 4 ? args[4] : "all";
        String scenario = args.length > 5 ? args[5] : "scenarios/b_consumer_goods_multichannel.yaml";
        Build[] builds = {new Build(args[0], scenario, trials), new Build(args[1], scenario, trials)};
        ForkJoinPool pool = new ForkJoinPool(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][][] cpu = new long[STAGES.length][2][rounds];
        for (int round = -2; round < rounds; round++) {             // two warm-up rounds
            for (int s = 0; s < STAGES.length; s++) {
                if (!only.equals("all") && !only.equals(STAGES[s])) {
                    continue;
                }
                for (int b0 = 0; b0 < 2; b0++) {
                    int b = (round + b0) & 1;                       // alternate which jar goes first
                    Build build = builds[b];
                    int stage = s;
                    long used = pool.submit(() -> {
                        long t0 = mx.getCurrentThreadCpuTime();
                        build.run(stage);
                        return mx.getCurrentThreadCpuTime() - t0;
                    }).get();
                    if (round >= 0) {
                        cpu[s][b][round] = used;
                    }
                }
            }
        }
        System.out.printf("%d trials, %d rounds, CPU ms of one worker (median; min..max)%n", trials, rounds);
        for (int s = 0; s < STAGES.length; s++) {
            if (!only.equals("all") && !only.equals(STAGES[s])) {
                continue;
            }
            double m0 = median(cpu[s][0]);
            double m1 = median(cpu[s][1]);
            System.out.printf("  %-12s %8.1f (%6.1f..%6.1f)  %8.1f (%6.1f..%6.1f)  ratio %.3f, of the least %.3f%n",
                    STAGES[s], m0, min(cpu[s][0]), max(cpu[s][0]), m1, min(cpu[s][1]), max(cpu[s][1]), m1 / m0,
                    min(cpu[s][1]) / min(cpu[s][0]));
        }
        pool.shutdown();
    }

    static double median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return (c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2.0) / 1e6;
    }

    static double min(long[] v) {
        return Arrays.stream(v).min().getAsLong() / 1e6;
    }

    static double max(long[] v) {
        return Arrays.stream(v).max().getAsLong() / 1e6;
    }

    /** One jar: its classes, and one run of the engine. */
    static final class Build {
        final Object result;
        final Method sensitivity;
        final Method summarize;
        final Method paths;
        final Class<?> sensitivityClass;

        Build(String jar, String scenario, int trials) throws Exception {
            ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, null);
            Class<?> loader = cl.loadClass("dev.payback.scenario.ScenarioLoader");
            Class<?> scenarioClass = cl.loadClass("dev.payback.scenario.Scenario");
            Class<?> engine = cl.loadClass("dev.payback.engine.Engine");
            Class<?> options = cl.loadClass("dev.payback.engine.Engine$Options");
            Class<?> resultClass = cl.loadClass("dev.payback.engine.SimulationResult");
            Object s = loader.getMethod("load", Path.class, List.class, String.class)
                    .invoke(null, Path.of(scenario), new ArrayList<String>(), null);
            s = scenarioClass.getMethod("withRun", int.class, long.class).invoke(s, trials, 7L);
            Object opts = options.getMethod("defaults").invoke(null);
            result = engine.getMethod("run", scenarioClass, options).invoke(null, s, opts);
            sensitivityClass = cl.loadClass("dev.payback.analysis.Sensitivity");
            Class<?> analysis = cl.loadClass("dev.payback.analysis.Analysis");
            sensitivity = sensitivityClass.getMethod("of", resultClass);
            summarize = analysis.getMethod("summarize", resultClass, sensitivityClass);
            paths = cl.loadClass("dev.payback.analysis.PathPercentiles").getMethod("of", resultClass);
        }

        void run(int stage) {
            try {
                switch (stage) {
                    case 0 -> sensitivity.invoke(null, result);
                    case 1 -> summarize.invoke(null, result, null);
                    case 2 -> paths.invoke(null, result);
                    default -> summarize.invoke(null, result, sensitivity.invoke(null, result));
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }
    }
}
