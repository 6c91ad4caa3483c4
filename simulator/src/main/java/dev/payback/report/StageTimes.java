package dev.payback.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Wall time of each stage of a command ({@code simulate --timings} or {@code PAYBACK_TIMINGS=1}),
 * printed to standard error so that the next bottleneck is visible. When off, {@link #time} only runs
 * the stage. Stages are timed on the calling thread, in the order they run.
 */
public final class StageTimes {
    /** The environment variable that turns timings on as {@code --timings} does. */
    public static final String ENV = "PAYBACK_TIMINGS";

    /** A stage's work; it may throw a checked exception of one type. */
    @FunctionalInterface
    public interface Stage<T, E extends Exception> {
        T run() throws E;
    }

    /** A stage without a result. */
    @FunctionalInterface
    public interface Step<E extends Exception> {
        void run() throws E;
    }

    private record Entry(String name, long nanos) {
    }

    private final boolean on;
    private final long created = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();

    private StageTimes(boolean on) {
        this.on = on;
    }

    /** Timings that record when {@code on}. */
    public static StageTimes of(boolean on) {
        return new StageTimes(on);
    }

    /** Timings that record when the flag is set or {@link #ENV} is {@code 1} or {@code true}. */
    public static StageTimes fromFlagOrEnv(boolean flag) {
        String env = System.getenv(ENV);
        return of(flag || "1".equals(env) || "true".equalsIgnoreCase(env));
    }

    /** Timings that record nothing. */
    public static StageTimes off() {
        return new StageTimes(false);
    }

    public boolean on() {
        return on;
    }

    /** Runs a stage, recording its wall time under {@code name}. */
    public <T, E extends Exception> T time(String name, Stage<T, E> stage) throws E {
        if (!on) {
            return stage.run();
        }
        long t0 = System.nanoTime();
        try {
            return stage.run();
        } finally {
            add(name, System.nanoTime() - t0);
        }
    }

    /** Runs a stage without a result, recording its wall time under {@code name}. */
    public <E extends Exception> void step(String name, Step<E> step) throws E {
        time(name, () -> {
            step.run();
            return null;
        });
    }

    /** Records a stage timed by the caller, from {@code startNanos} ({@link System#nanoTime()}) to now. */
    public void since(String name, long startNanos) {
        if (on) {
            add(name, System.nanoTime() - startNanos);
        }
    }

    private synchronized void add(String name, long nanos) {
        entries.add(new Entry(name, nanos));
    }

    /**
     * Prints one line per stage in milliseconds, then the JVM's start-up before these timings began
     * (when the platform reports the process start) and the total.
     */
    public synchronized void print(PrintWriter err) {
        if (!on) {
            return;
        }
        long total = System.nanoTime() - created;
        err.println("timings (wall, ms):");
        Optional<Instant> start = ProcessHandle.current().info().startInstant();
        start.ifPresent(s -> {
            long before = Duration.between(s, Instant.now()).toNanos() - total;
            if (before >= 0) {
                line(err, "jvm start-up", before);
            }
        });
        long sum = 0;
        for (Entry e : entries) {
            line(err, e.name(), e.nanos());
            sum += e.nanos();
        }
        line(err, "other", Math.max(0, total - sum));
        line(err, "total (after start-up)", total);
        err.flush();
    }

    private static void line(PrintWriter err, String name, long nanos) {
        err.println(String.format(Locale.ROOT, "  %-24s %8.1f", name, nanos / 1e6));
    }
}
