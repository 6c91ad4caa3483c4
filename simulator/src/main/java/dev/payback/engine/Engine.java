package dev.payback.engine;

import dev.payback.sampling.InputSampler;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a scenario's trials. Trials are cut into fixed blocks of {@link InputSampler#BLOCK}; each
 * block's draws depend only on the seed and the block's index, and each trial writes only its own
 * slots, so the result is byte-identical for any thread count.
 */
public final class Engine {
    private Engine() {
    }

    /** Run settings. {@code monthlyPathCap} bounds how many trials keep monthly paths. */
    public record Options(int threads, int monthlyPathCap) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            if (monthlyPathCap < 1) {
                throw new IllegalArgumentException("monthlyPathCap must be >= 1");
            }
        }

        /** All cores, the default path cap. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), MonthlyPaths.DEFAULT_CAP);
        }

        public Options withThreads(int n) {
            return new Options(n, monthlyPathCap);
        }
    }

    /**
     * Runs {@code scenario.trials()} trials with {@code scenario.seed()}.
     *
     * @throws InvalidInputException when the inputs cannot be sampled (e.g. a correlation matrix
     *                               that is not positive definite)
     */
    public static SimulationResult run(Scenario scenario, Options options) throws InvalidInputException {
        Layout layout = Layout.of(scenario);
        InputSampler sampler = InputSampler.of(layout.inputs(), scenario.correlations());
        TrialModel model = new TrialModel(scenario, layout);
        int trials = scenario.trials();
        int columns = layout.inputs().size();
        double[][] inputs = new double[columns][trials];
        TrialColumns out = new TrialColumns(trials, scenario.options().size());
        MonthlyPaths paths = new MonthlyPaths(trials, scenario.options().size(), scenario.horizonMonths(),
                options.monthlyPathCap());
        long blocks = (trials + (long) InputSampler.BLOCK - 1) / InputSampler.BLOCK;
        int threads = (int) Math.max(1, Math.min(options.threads(), blocks));
        AtomicLong next = new AtomicLong();
        long[][] clamps = new long[threads][columns];

        List<Runnable> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            final long[] clamp = clamps[w];
            workers.add(() -> {
                InputSampler.Worker filler = sampler.newWorker();
                TrialModel.Scratch scratch = model.newScratch();
                double[][] block = new double[columns][InputSampler.BLOCK];
                for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    int first = (int) (b * InputSampler.BLOCK);
                    int n = Math.min(InputSampler.BLOCK, trials - first);
                    filler.fill(scenario.seed(), b, n, block, clamp);
                    for (int t = 0; t < n; t++) {
                        model.evaluate(block, t, out, first + t, scratch, paths);
                    }
                    for (int c = 0; c < columns; c++) {
                        System.arraycopy(block[c], 0, inputs[c], first, n);
                    }
                }
            });
        }
        runAll(workers);

        long[] clampCounts = new long[columns];
        for (long[] c : clamps) {
            for (int k = 0; k < columns; k++) {
                clampCounts[k] += c[k];
            }
        }
        return new SimulationResult(scenario, layout, inputs, clampCounts, out, paths);
    }

    private static void runAll(List<Runnable> workers) {
        if (workers.size() == 1) {
            workers.get(0).run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), r -> {
            Thread th = new Thread(r, "payback-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable w : workers) {
                futures.add(pool.submit(w));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
