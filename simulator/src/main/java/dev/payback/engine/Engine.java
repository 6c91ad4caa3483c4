package dev.payback.engine;

import dev.payback.sampling.InputSampler;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Runs a scenario's trials. Trials are cut into fixed blocks of {@link InputSampler#BLOCK}; each
 * block's draws depend only on the seed and the block's index; a worker evaluates a block into
 * block-local columns, streams them into {@link RunStats} (merged in block order) and copies the
 * retained trials ({@link Retention}, by trial index) into the run's columns at rows fixed before
 * the run, so the result is byte-identical for any thread count and memory is bounded by the
 * retention lines, not by the number of trials.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * Run settings.
     *
     * @param threads        worker threads
     * @param monthlyPathCap how many trials keep monthly paths ({@link MonthlyPaths}); 0 keeps none, for a
     *                       run none of whose outputs draws on them
     * @param retainCap      how many trials keep their per-trial inputs and outputs in
     *                       {@link SimulationResult#inputs()} and {@link SimulationResult#columns()}: every
     *                       trial while the run has at most this many, otherwise a pseudo-random subset of
     *                       about this many keyed by the trial index ({@link Retention});
     *                       {@link #RETAIN_BY_MEMORY} (the default) derives it from the scenario's bytes per
     *                       row and {@link #RETAIN_BUDGET_BYTES} ({@link MemoryEstimate#retainLine}). Counts,
     *                       means, sd, min and max are exact over all trials regardless ({@link RunStats}).
     * @param sampling       how inputs are drawn
     */
    public record Options(int threads, int monthlyPathCap, int retainCap, SamplingMethod sampling) {
        /** The least retention line: every trial is retained up to at least 250,000 trials. */
        public static final int DEFAULT_RETAIN_CAP = 250_000;
        /** {@link #retainCap} derived from the memory budget (the default). */
        public static final int RETAIN_BY_MEMORY = 0;
        /** Bytes the retained rows may take (inputs, outputs and the analysis's working copies). */
        public static final long RETAIN_BUDGET_BYTES = 256L << 20;

        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            if (monthlyPathCap < 0) {
                throw new IllegalArgumentException("monthlyPathCap must be >= 0");
            }
            if (retainCap < 0) {
                throw new IllegalArgumentException("retainCap must be >= 1, or 0 for the memory-derived line");
            }
            Objects.requireNonNull(sampling, "sampling");
        }

        /** Settings without a retention cap or sampling method: the defaults for those. */
        public Options(int threads, int monthlyPathCap) {
            this(threads, monthlyPathCap, RETAIN_BY_MEMORY, SamplingMethod.RANDOM);
        }

        /** All cores, the default caps, random sampling. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), MonthlyPaths.DEFAULT_CAP);
        }

        public Options withThreads(int n) {
            return new Options(n, monthlyPathCap, retainCap, sampling);
        }

        /** The same settings keeping the monthly paths of at most about {@code cap} trials (0: none). */
        public Options withMonthlyPathCap(int cap) {
            return new Options(threads, cap, retainCap, sampling);
        }

        public Options withRetainCap(int cap) {
            return new Options(threads, monthlyPathCap, cap, sampling);
        }

        public Options withSampling(SamplingMethod method) {
            return new Options(threads, monthlyPathCap, retainCap, method);
        }
    }

    /**
     * Runs {@code scenario.trials()} trials with {@code scenario.seed()}.
     *
     * @throws InvalidInputException when the inputs cannot be sampled (e.g. a correlation matrix
     *                               that is not positive definite)
     */
    public static SimulationResult run(Scenario scenario, Options options) throws InvalidInputException {
        return run(scenario, options, null);
    }

    /**
     * As {@link #run(Scenario, Options)}, reporting progress: {@code progress} (may be null) is
     * called from worker threads with the number of trials finished so far, after each block.
     */
    public static SimulationResult run(Scenario scenario, Options options, LongConsumer progress)
            throws InvalidInputException {
        return run(scenario, options, progress, null);
    }

    /**
     * As {@link #run(Scenario, Options, LongConsumer)}, showing every block of trials to {@code observer}
     * (may be null) once, after the block is evaluated ({@link BlockObserver}).
     */
    public static SimulationResult run(Scenario scenario, Options options, LongConsumer progress,
            BlockObserver observer) throws InvalidInputException {
        Layout layout = Layout.of(scenario);
        InputSampler sampler = samplerOf(layout, scenario, options.threads());
        SamplingMethod method = options.sampling();
        BlockSource source = () -> sampler.newWorker(method)::fill;
        return run(scenario, layout, options, source, progress, observer);
    }

    /**
     * The run's sampler, built by {@code threads} workers (its PERT tables are built in parallel: in a
     * pool of the run's size rather than the JVM's common pool, so --threads bounds this stage too).
     */
    private static InputSampler samplerOf(Layout layout, Scenario scenario, int threads) throws InvalidInputException {
        try {
            return Bounded.run(threads, () -> InputSampler.of(layout.inputs(), scenario.correlations()));
        } catch (IOException e) {   // only when interrupted: building the sampler reads no file
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the model on inputs from {@code source} (a seam for benchmarks and alternative samplers);
     * {@code options.sampling()} does not choose the draws here (the source does) but is recorded in the
     * result as the method the caller states the source draws with. The layout must be {@code Layout.of(scenario)}.
     */
    public static SimulationResult run(Scenario scenario, Layout layout, Options options, BlockSource source,
            LongConsumer progress) {
        return run(scenario, layout, options, source, progress, null);
    }

    /** As {@link #run(Scenario, Layout, Options, BlockSource, LongConsumer)}, with a {@link BlockObserver} (may be null). */
    public static SimulationResult run(Scenario scenario, Layout layout, Options options, BlockSource source,
            LongConsumer progress, BlockObserver observer) {
        TrialModel model = new TrialModel(scenario, layout);
        int trials = scenario.trials();
        int columns = layout.inputs().size();
        int optionCount = layout.strategyCount();
        Retention retention = retention(options, layout, trials);
        int kept = retention.rows();
        double[][] inputs = new double[columns][kept];
        TrialColumns out = new TrialColumns(kept, layout);
        Retention pathKeep = new Retention(trials, options.monthlyPathCap(), Retention.PATHS_SALT);
        MonthlyPaths paths = new MonthlyPaths(pathKeep, optionCount, scenario.horizonMonths());
        int blocks = (int) ((trials + (long) InputSampler.BLOCK - 1) / InputSampler.BLOCK);
        RunStats stats = new RunStats(layout, optionCount, trials, blocks, scenario.paybackMonths());
        int threads = Math.max(1, Math.min(options.threads(), blocks));
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long[][] clamps = new long[threads][columns];

        List<Runnable> workers = new ArrayList<>(threads);
        for (int w = 0; w < threads; w++) {
            final long[] clamp = clamps[w];
            workers.add(() -> {
                BlockSource.Filler filler = source.newFiller();
                TrialModel.Scratch scratch = model.newScratch();
                RunStats.Collector collector = stats.new Collector();
                double[][] block = new double[columns][InputSampler.BLOCK];
                TrialColumns blockOut = new TrialColumns(InputSampler.BLOCK, layout);
                for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    int first = (int) (b * InputSampler.BLOCK);
                    int n = Math.min(InputSampler.BLOCK, trials - first);
                    filler.fill(scenario.seed(), b, n, block, clamp);
                    int pathSlot = pathKeep.firstRow(b);
                    for (int t = 0; t < n; t++) {
                        if (pathKeep.keeps(first + t)) {
                            model.evaluate(block, t, blockOut, scratch, paths, pathSlot++);
                        } else {
                            model.evaluate(block, t, blockOut, scratch, null, 0);
                        }
                    }
                    collector.add((int) b, block, blockOut, n);
                    if (observer != null) {
                        observer.block(b, block, blockOut, n);
                    }
                    retain(block, blockOut, b, retention, inputs, out);
                    if (progress != null) {
                        progress.accept(done.addAndGet(n));
                    }
                }
                collector.finish();
            });
        }
        runAll(workers);

        long[] clampCounts = new long[columns];
        for (long[] c : clamps) {
            for (int k = 0; k < columns; k++) {
                clampCounts[k] += c[k];
            }
        }
        return new SimulationResult(scenario, layout, inputs, clampCounts, out, paths, stats, retention, options.sampling());
    }

    /** The trials of a run whose per-trial data is retained (the rows), for these options and layout. */
    static Retention retention(Options options, Layout layout, int trials) {
        int line = options.retainCap() != Options.RETAIN_BY_MEMORY ? options.retainCap()
                : MemoryEstimate.retainLine(layout.inputs().size(), layout.strategyCount(), layout.stagedCount());
        return new Retention(trials, line, Retention.ROWS_SALT);
    }

    /**
     * Copies block {@code block}'s retained trials into the run's columns, at their rows: column by
     * column ({@link Retention#gather}), a {@code System.arraycopy} each when every trial is kept.
     */
    private static void retain(double[][] block, TrialColumns blockOut, long b, Retention retention,
            double[][] inputs, TrialColumns out) {
        for (int c = 0; c < block.length; c++) {
            retention.gather(block[c], b, inputs[c]);
        }
        out.gather(blockOut, retention, b);
    }

    static void runAll(List<Runnable> workers) {
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
