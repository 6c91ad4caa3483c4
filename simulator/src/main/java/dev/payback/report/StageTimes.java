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

    private record Entry(String name, long nanos, long cpuNanos) {
    }

    private final boolean on;
    private final long created = System.nanoTime();
    private final long cpuAtCreation;
    private final List<Entry> entries = new ArrayList<>();

    private StageTimes(boolean on) {
        this.on = on;
        this.cpuAtCreation = on ? cpu() : 0;
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
        long c0 = cpu();
        try {
            return stage.run();
        } finally {
            add(name, System.nanoTime() - t0, cpu() - c0);
        }
    }

    /** Runs a stage without a result, recording its wall time under {@code name}. */
    public <E extends Exception> void step(String name, Step<E> step) throws E {
        time(name, () -> {
            step.run();
            return null;
        });
    }

    /** The process's CPU time so far (all threads), for a caller that times a stage itself; 0 when off. */
    public long cpuNow() {
        return on ? cpu() : 0;
    }

    /**
     * Records a stage timed by the caller, from {@code startNanos} ({@link System#nanoTime()}) and
     * {@code startCpu} ({@link #cpuNow()}) to now.
     */
    public void since(String name, long startNanos, long startCpu) {
        if (on) {
            add(name, System.nanoTime() - startNanos, cpu() - startCpu);
        }
    }

    private synchronized void add(String name, long nanos, long cpuNanos) {
        entries.add(new Entry(name, nanos, cpuNanos));
    }

    /** CPU time of the whole process in nanoseconds, or −1 where the platform does not tell. */
    private static long cpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /**
     * Prints one line per stage: wall time and the CPU time of the whole process (every thread) in
     * milliseconds; stages may overlap when run in parallel (the workbook is written while the charts
     * are drawn). Then the time from the command's start (the launcher, the JVM's start-up; see
     * {@link #startOfCommand}) to these timings, and the total. The CPU column is steadier than the
     * wall column on a busy machine.
     */
    public synchronized void print(PrintWriter err) {
        if (!on) {
            return;
        }
        long total = System.nanoTime() - created;
        long cpuTotal = cpu() - cpuAtCreation;
        err.println(String.format(Locale.ROOT, "timings (ms)%19s %8s %8s", "", "wall", "cpu"));
        Optional<Instant> start = startOfCommand(ProcessHandle.current().info().startInstant(),
                System.getenv(LAUNCHED));
        start.ifPresent(s -> {
            long before = Duration.between(s, Instant.now()).toNanos() - total;
            if (before >= 0) {
                line(err, "process start to main", before, cpuAtCreation);
            }
        });
        for (Entry e : entries) {
            line(err, e.name(), e.nanos(), e.cpuNanos());
        }
        line(err, "total (from main)", total, cpuTotal);
        err.flush();
    }

    /** The environment variable in which the launcher passes when it started (bash's EPOCHREALTIME). */
    static final String LAUNCHED = "PAYBACK_LAUNCHED";

    /**
     * When the command started. The launcher exports its start in seconds since the epoch
     * ({@code 1764745200.123456}, a comma in some locales), to the microsecond; the process's start as
     * the operating system tells it is counted from the boot time in whole seconds, so it may be up to
     * a second early (Linux) and never later than the JVM. The launcher's time is used when it is
     * plausible for this process: not more than {@link #OS_START_SLACK} after the process's reported
     * start (that much the report may be early) nor more than a minute before it (a stale variable
     * inherited from someone else's shell); otherwise the process's start.
     */
    static Optional<Instant> startOfCommand(Optional<Instant> process, String launched) {
        if (launched == null || !launched.matches("\\d{1,12}[.,]\\d{1,9}")) {
            return process;
        }
        String[] parts = launched.split("[.,]");
        Instant l = Instant.ofEpochSecond(Long.parseLong(parts[0]),
                Long.parseLong((parts[1] + "00000000").substring(0, 9)));
        if (process.isEmpty()) {
            return Optional.of(l);
        }
        Instant p = process.get();
        boolean plausible = !l.isAfter(p.plus(OS_START_SLACK)) && !l.isBefore(p.minusSeconds(60));
        return Optional.of(plausible ? l : p);
    }

    /** How early the operating system's process start may be: its boot time has whole seconds. */
    static final Duration OS_START_SLACK = Duration.ofMillis(1_100);

    private static void line(PrintWriter err, String name, long nanos, long cpuNanos) {
        err.println(String.format(Locale.ROOT, "  %-28s %8.1f %8s", name, nanos / 1e6,
                cpuNanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", cpuNanos / 1e6)));
    }
}
