package dev.payback.engine;

import dev.payback.scenario.InvalidInputException;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs work in a fork-join pool of exactly {@code --threads} workers, so that the parallel stages
 * (the sampler's PERT tables, summary statistics, sensitivity, chart rendering: parallel streams,
 * which fork into the pool of the task that runs them) use no more threads than the user allowed,
 * instead of the JVM's common pool. Whatever the work throws is rethrown as is on the calling thread.
 */
public final class Bounded {
    private Bounded() {
    }

    /** Work that may fail with the exceptions a command reports. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException, InvalidInputException;
    }

    /** The work's result, or what it threw. */
    private record Outcome<T>(T value, Throwable thrown) {
    }

    /**
     * Runs {@code work} on a pool of {@code threads} workers and returns its result.
     *
     * @throws IOException what the work threw, or "interrupted" when the calling thread was interrupted
     */
    public static <T> T run(int threads, Work<T> work) throws IOException, InvalidInputException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        Outcome<T> outcome;
        try {
            outcome = pool.submit(() -> {
                try {
                    return new Outcome<>(work.run(), null);
                } catch (Throwable t) {
                    return new Outcome<T>(null, t);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        Throwable t = outcome.thrown();
        if (t == null) {
            return outcome.value();
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof InvalidInputException in) {
            throw in;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(t);
    }
}
