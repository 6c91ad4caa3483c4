package dev.payback.analysis;

import org.junit.jupiter.api.Test;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sensitivity#of} works per input in a parallel stream, which runs in the fork-join pool of the
 * thread that calls it: {@code simulate} calls it inside its pool of {@code --threads} workers
 * ({@code engine/Bounded}), so the stage uses no other threads, the common pool's included. The input
 * columns are handed over in a list that notes, on every read, the thread and pool reading it.
 */
class SensitivityPoolTest {

    /** Input columns that record who reads them. */
    private static final class Watched extends AbstractList<double[]> {
        final List<double[]> columns;
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final Set<String> pools = ConcurrentHashMap.newKeySet();

        Watched(List<double[]> columns) {
            this.columns = columns;
        }

        @Override
        public double[] get(int index) {
            threads.add(Thread.currentThread());
            ForkJoinPool p = ForkJoinTask.getPool();
            pools.add(p == null ? "none" : p == ForkJoinPool.commonPool() ? "common" : String.valueOf(
                    System.identityHashCode(p)));
            return columns.get(index);
        }

        @Override
        public int size() {
            return columns.size();
        }
    }

    private static Watched run(ForkJoinPool pool) {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30_000;
        double[] npv = new double[n];
        List<double[]> columns = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextDouble();
            }
            columns.add(x);
            paths.add("in" + c);
        }
        for (int i = 0; i < n; i++) {
            npv[i] = columns.get(0)[i] - 0.5 + rng.nextGaussian();
        }
        Watched watched = new Watched(columns);
        Sensitivity s = pool.submit(() -> Sensitivity.of(List.of("a"), new double[][] {npv}, paths, watched)).join();
        assertThat(s.evppi()).hasSize(40);
        return watched;
    }

    @Test
    void oneWorkerComputesEveryInput() {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            Watched w = run(pool);
            assertThat(w.threads).hasSize(1);
            assertThat(w.pools).containsExactly(String.valueOf(System.identityHashCode(pool)));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoWorkersStayInTheirPool() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Watched w = run(pool);
            assertThat(w.threads.size()).isBetween(1, 2);
            assertThat(w.pools).containsExactly(String.valueOf(System.identityHashCode(pool)));
        } finally {
            pool.shutdown();
        }
    }
}
