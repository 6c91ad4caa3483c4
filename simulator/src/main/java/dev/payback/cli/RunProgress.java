package dev.payback.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Progress on standard error for runs that last more than {@link #DELAY_MS}; shorter runs print
 * nothing extra. With a console ({@code System.console() != null}, i.e. an interactive terminal)
 * it is a progress bar; otherwise (output piped or redirected, the case of scripts and CI) a plain
 * line every {@link #PLAIN_EVERY_MS}. When the run is expected to last more than
 * {@link #ESTIMATE_OVER_S} seconds, the estimate is printed once, a few seconds in, from the
 * speed measured after the warm-up. After the trials, the post-processing stages are shown as steps ("summarizing",
 * "writing report.html", ...), so the display never sits at 100% in silence. The engine reports
 * finished trials from its worker threads; a daemon thread does all the printing.
 */
final class RunProgress implements LongConsumer, AutoCloseable {
    /** A run shorter than this shows nothing. */
    static final long DELAY_MS = 2000;
    /** Without a terminal, one line this often. */
    static final long PLAIN_EVERY_MS = 5000;
    /** Seconds of warm-up before the speed is measured, and of measuring. */
    static final double WARM_UP_S = 2;
    /** Runs expected to last longer than this many seconds print their estimate. */
    static final long ESTIMATE_OVER_S = 60;

    private final AtomicLong done = new AtomicLong();
    private final PrintStream err;
    private final boolean terminal;
    private final String task;
    private final long start = System.nanoTime();
    private final Thread painter;
    private volatile long total;
    private volatile long batchStart = System.nanoTime();
    private volatile String message = "";
    private volatile String step;
    /** Counted down by {@link #close}: the painter waits on it, so a short run never waits for its sleep. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private RunProgress(PrintStream err, boolean terminal, String task) {
        this.err = err;
        this.terminal = terminal;
        this.task = task;
        painter = new Thread(this::paint, "payback-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** Whether the printing thread is still running (it ends as soon as the progress is closed). */
    boolean painting() {
        return painter.isAlive();
    }

    /** Progress of a command ({@code task} names it, e.g. "simulate"): a bar on a terminal, else lines. */
    static RunProgress start(String task) {
        return new RunProgress(System.err, System.console() != null, task);
    }

    /** As {@link #start(String)} for {@code simulate} (kept for callers that want the bar only). */
    static RunProgress startIfConsole() {
        return start("simulate");
    }

    /** Starts a new run (a batch of {@code trials}), with a note shown beside the progress. */
    void batch(long trials, String note) {
        done.set(0);
        total = trials;
        message = note;
        batchStart = System.nanoTime();
        step = null;
    }

    /** A post-processing stage has begun (e.g. "summarizing"); shown once the run has lasted a while. */
    void step(String name) {
        step = name;
    }

    @Override
    public void accept(long finished) {
        done.accumulateAndGet(finished, Math::max);
    }

    private long elapsedMs() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void paint() {
        try {
            if (closed.await(DELAY_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
            boolean estimated = false;
            double snapshotAt = -1;
            long snapshotDone = 0;
            String shownStep = null;
            long lastLine = 0;
            ProgressBar bar = null;
            while (closed.getCount() > 0) {
                String s = step;
                if (s == null) {
                    long n = done.get();
                    long t = Math.max(1, total);
                    double seconds = (System.nanoTime() - batchStart) / 1e9;
                    // the speed of the first seconds includes the JIT's warm-up: measure it from a snapshot
                    // taken after WARM_UP_S, over at least WARM_UP_S more
                    if (snapshotAt < 0 && seconds >= WARM_UP_S) {
                        snapshotAt = seconds;
                        snapshotDone = n;
                    }
                    if (snapshotAt >= 0 && snapshotAt > seconds) {
                        snapshotAt = -1;   // a new batch began
                    }
                    if (!estimated && snapshotAt >= 0 && seconds - snapshotAt >= WARM_UP_S && n > snapshotDone) {
                        double rate = (n - snapshotDone) / (seconds - snapshotAt);
                        double left = (t - n) / rate;
                        estimated = true;
                        if (seconds + left > ESTIMATE_OVER_S) {
                            line(bar, String.format(Locale.ROOT, "payback: %s: this run will take about %s "
                                    + "more (%,d trials at about %,.0f a second)", task, duration(left), t, rate));
                        }
                    }
                    if (terminal) {
                        if (bar == null) {
                            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(t)
                                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUnit(" trials", 1).build();
                        }
                        bar.maxHint(t);
                        bar.stepTo(Math.min(n, t));
                        bar.setExtraMessage(message);
                    } else if (elapsedMs() - lastLine >= PLAIN_EVERY_MS || lastLine == 0) {
                        lastLine = elapsedMs();
                        err.println(String.format(Locale.ROOT, "payback: %s: %,d of %,d trials (%.0f%%)%s, %s "
                                + "elapsed", task, n, t, 100.0 * n / t, message.isEmpty() ? "" : ", " + message,
                                duration(elapsedMs() / 1000.0)));
                    }
                } else if (!s.equals(shownStep)) {
                    if (bar != null) {
                        bar.stepTo(bar.getMax());
                        bar.close();
                        bar = null;
                    }
                    shownStep = s;
                    err.println(String.format(Locale.ROOT, "payback: %s: %s (%s elapsed)", task, s,
                            duration(elapsedMs() / 1000.0)));
                }
                closed.await(250, TimeUnit.MILLISECONDS);
            }
            if (bar != null) {
                bar.stepTo(Math.max(1, total));
                bar.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line(ProgressBar bar, String text) {
        if (bar != null) {
            err.println();
        }
        err.println(text);
    }

    /** "45 s", "3 min 20 s", "2 h 5 min". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
