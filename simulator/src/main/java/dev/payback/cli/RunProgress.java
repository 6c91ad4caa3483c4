package dev.payback.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A progress bar on standard error for long runs: it appears only when the process has a console
 * ({@code System.console() != null}) and the run is still going after {@link #DELAY_MS}; piped or
 * redirected runs (and tests) print nothing extra. The engine reports finished trials from its
 * worker threads; a daemon thread redraws the bar a few times a second.
 */
final class RunProgress implements LongConsumer, AutoCloseable {
    /** A run shorter than this never shows a bar. */
    static final long DELAY_MS = 2000;

    private final AtomicLong done = new AtomicLong();
    private final Thread painter;
    private volatile long total;
    private volatile String message = "";
    private volatile boolean closed;

    private RunProgress(PrintStream err) {
        painter = new Thread(() -> paint(err), "payback-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** A progress reporter: a real one with a console, otherwise one that does nothing. */
    static RunProgress startIfConsole() {
        return System.console() != null ? new RunProgress(System.err) : null;
    }

    /** Starts a new run (a batch of {@code trials}), with a note shown beside the bar. */
    void batch(long trials, String note) {
        done.set(0);
        total = trials;
        message = note;
    }

    @Override
    public void accept(long finished) {
        done.accumulateAndGet(finished, Math::max);
    }

    private void paint(PrintStream err) {
        try {
            Thread.sleep(DELAY_MS);
            if (closed) {
                return;
            }
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("simulate").setInitialMax(Math.max(1, total))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUnit(" trials", 1).build()) {
                while (!closed) {
                    bar.maxHint(Math.max(1, total));
                    bar.stepTo(done.get());
                    bar.setExtraMessage(message);
                    Thread.sleep(250);
                }
                bar.stepTo(total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
