package dev.payback.analysis;

import java.util.Arrays;

/**
 * Stable least-significant-digit radix sorts of doubles in {@link Double#compare}'s order (−0.0
 * before 0.0, NaN last): of the values themselves ({@link #sortInPlace}), or of the indexes of a
 * column, ties by index ({@link #order}). A value's 64-bit key ({@link #key}) orders as the value
 * does; the sort runs on the keys less the least one, over only the bits up to the highest one in
 * which two keys differ. Of those, only the highest {@link #highBits} (about 2·log2(n) − 8) get
 * radix passes, in at most {@value #MAX_PASSES} digits of equal width (at most
 * {@value #MAX_DIGIT_BITS} bits), every digit's counts taken in one read of the keys; then each run
 * of keys equal in those bits, which is short (a few keys) unless its keys are identical (ties, in
 * order already), is sorted on the rest. The 50–55 bits of a column of 250,000 values of the model
 * take two passes of 14 bits, whose write positions (16,384) stay in the cache. A pass whose digit
 * is the same for every value is skipped. One instance holds the buffers for columns of one length,
 * reused from column to column.
 */
final class RadixSort {
    /** Most bits of one digit. */
    static final int MAX_DIGIT_BITS = 16;
    /** Most passes: 64 / {@link #MAX_DIGIT_BITS}. */
    static final int MAX_PASSES = Long.SIZE / MAX_DIGIT_BITS;

    private final long[] keyA;
    private final long[] keyB;
    private final int[] ordA;
    private final int[] ordB;
    private final int[][] count = new int[MAX_PASSES][];
    private int n;
    /** After {@link #order}: the indexes in order (one of the index buffers; only its first n count). */
    int[] ord;
    /**
     * After a sort: the keys in order, less the least key (one of the key buffers); equal exactly
     * where the values are equal by {@link Double#compare}.
     */
    long[] sorted;

    /** Buffers for columns of n values; with {@code indexes} false, only for {@link #sortInPlace}. */
    RadixSort(int n, boolean indexes) {
        keyA = new long[n];
        keyB = new long[n];
        ordA = indexes ? new int[n] : null;
        ordB = indexes ? new int[n] : null;
    }

    /**
     * A 64-bit key whose signed order is {@link Double#compare}'s order of the values: every bit but
     * the sign flipped for negative values (NaN canonicalized, so every NaN is one key above +∞). Two
     * values have the same key exactly when {@link Double#compare} finds them equal.
     */
    static long key(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    /** The value of a key ({@link #key} undone: the same bits for every value but NaN's payload). */
    static double value(long key) {
        return Double.longBitsToDouble(key ^ (key >> 63 & Long.MAX_VALUE));
    }

    /**
     * {@code v} sorted in place, as {@link Arrays#sort(double[])} sorts it (the same array bit for
     * bit: equal keys are identical values, −0.0 and 0.0 apart); returns it. An array holding NaN,
     * whose payloads the keys do not keep, is sorted by {@link Arrays#sort(double[])}.
     */
    static double[] sortInPlace(double[] v) {
        new RadixSort(v.length, false).values(v);
        return v;
    }

    private void values(double[] v) {
        if (!keys(v)) {
            Arrays.sort(v);
            return;
        }
        long min = run(false);
        long[] k = sorted;
        for (int i = 0; i < n; i++) {
            v[i] = value(k[i] + min);
        }
    }

    /**
     * Orders the indexes of x (as long as the buffers) by value, ties by index, into {@link #ord};
     * false when some value is NaN (the order is right all the same, but {@link #valueAt} does not
     * give a NaN's payload back).
     */
    boolean order(double[] x) {
        if (ordA == null) {
            throw new IllegalStateException("buffers for values only");
        }
        boolean noNaN = keys(x);
        run(true);
        return noNaN;
    }

    /** After {@link #order}: the value at 0-based rank r of the column's order. */
    double valueAt(int r) {
        return value(sorted[r] + min);
    }

    /** The least and the greatest key of the column, found by {@link #keys}. */
    private long min;
    private long max;

    /** Fills the keys of x, and their least and greatest; false when some value is NaN. */
    private boolean keys(double[] x) {
        n = x.length;
        if (n != keyA.length) {
            throw new IllegalArgumentException("a column of " + n + " values, buffers of " + keyA.length);
        }
        long[] key = keyA;
        boolean nan = false;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            long k = key(v);
            key[i] = k;
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
            nan |= v != v;
        }
        min = lo;
        max = hi;
        return !nan;
    }

    /**
     * Sorts the n keys in {@link #keyA}, which lie from {@link #min} to {@link #max} (with the indexes
     * 0..n−1 when {@code indexes}), into {@link #sorted} (and {@link #ord}); returns the least key,
     * which {@link #sorted} lacks.
     */
    private long run(boolean indexes) {
        long[] key = keyA;
        long min = this.min;
        int bits = n == 0 ? 0 : Long.SIZE - Long.numberOfLeadingZeros(max - min);
        // The lowest `low` bits get no pass: the keys are sorted on the bits above them, and each run
        // of keys equal in those is sorted on its low bits afterwards (sortRuns). With some 2·log2(n) − 8
        // bits above them, such runs hold a few keys each (n²/2^29 pairs of n keys spread evenly) but
        // for ties (identical keys, which are in order already).
        int high = bits <= MAX_DIGIT_BITS ? bits : Math.max(bits - MAX_LOW_BITS, Math.min(bits, highBits(n)));
        int low = bits - high;
        int passes = (high + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digit = passes == 0 ? 0 : (high + passes - 1) / passes;
        int mask = (1 << digit) - 1;
        int[][] c = count;
        for (int d = 0; d < passes; d++) {
            if (c[d] == null || c[d].length <= mask) {
                c[d] = new int[mask + 1];
            } else {
                Arrays.fill(c[d], 0, mask + 1, 0);
            }
        }
        // every digit's counts in one read of the keys, which it moves to start from 0 (unsigned order)
        int s0 = low;
        int s1 = low + digit;
        int s2 = low + 2 * digit;
        int s3 = low + 3 * digit;
        if (passes == 2) {
            int[] c0 = c[0];
            int[] c1 = c[1];
            for (int i = 0; i < n; i++) {
                long k = key[i] - min;
                key[i] = k;
                c0[(int) (k >>> s0 & mask)]++;
                c1[(int) (k >>> s1 & mask)]++;
            }
        } else if (passes == 3) {
            int[] c0 = c[0];
            int[] c1 = c[1];
            int[] c2 = c[2];
            for (int i = 0; i < n; i++) {
                long k = key[i] - min;
                key[i] = k;
                c0[(int) (k >>> s0 & mask)]++;
                c1[(int) (k >>> s1 & mask)]++;
                c2[(int) (k >>> s2 & mask)]++;
            }
        } else if (passes == 4) {
            int[] c0 = c[0];
            int[] c1 = c[1];
            int[] c2 = c[2];
            int[] c3 = c[3];
            for (int i = 0; i < n; i++) {
                long k = key[i] - min;
                key[i] = k;
                c0[(int) (k >>> s0 & mask)]++;
                c1[(int) (k >>> s1 & mask)]++;
                c2[(int) (k >>> s2 & mask)]++;
                c3[(int) (k >>> s3 & mask)]++;
            }
        } else {
            int[] c0 = passes == 1 ? c[0] : null;
            for (int i = 0; i < n; i++) {
                long k = key[i] - min;
                key[i] = k;
                if (c0 != null) {
                    c0[(int) (k >>> s0 & mask)]++;
                }
            }
        }
        long[] key2 = keyB;
        int[] a = ordA;
        int[] b = ordB;
        boolean identity = true;                         // a would be 0..n−1 (not written yet)
        for (int d = 0, shift = low; d < passes; d++, shift += digit) {
            int[] cd = c[d];
            if (cd[(int) (key[0] >>> shift & mask)] == n) {
                continue;                                // every value has this digit: nothing would move
            }
            int at = 0;
            for (int v = 0; v <= mask; v++) {
                int m = cd[v];
                cd[v] = at;
                at += m;
            }
            if (!indexes) {
                for (int i = 0; i < n; i++) {
                    long k = key[i];
                    key2[cd[(int) (k >>> shift & mask)]++] = k;
                }
            } else if (identity) {
                for (int i = 0; i < n; i++) {
                    long k = key[i];
                    int p = cd[(int) (k >>> shift & mask)]++;
                    key2[p] = k;
                    b[p] = i;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    long k = key[i];
                    int p = cd[(int) (k >>> shift & mask)]++;
                    key2[p] = k;
                    b[p] = a[i];
                }
            }
            identity = false;
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] ta = a;
            a = b;
            b = ta;
        }
        if (indexes && identity) {
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
        }
        if (low > 0) {
            sortRuns(key, indexes ? a : null, low, key2);
        }
        ord = a;
        sorted = key;
        return min;
    }

    /** Most low bits left to {@link #sortRuns}: a low part and a place in a run fit one long. */
    static final int MAX_LOW_BITS = 31;

    /** How many of a key's highest bits get radix passes for n keys: about 2·log2(n) − 8, at least 16. */
    static int highBits(int n) {
        return Math.max(MAX_DIGIT_BITS, 2 * (Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(1, n - 1))) - 8);
    }

    /** Runs up to this long are sorted by insertion. */
    private static final int INSERTION_UP_TO = 24;

    /**
     * Sorts every run of keys that are equal above their lowest {@code low} bits on those bits,
     * stably (with their indexes, when {@code ord} is not null); {@code spare} is free space as long
     * as the keys. A run of identical keys is already in order.
     */
    private void sortRuns(long[] key, int[] ord, int low, long[] spare) {
        long lowMask = (1L << low) - 1;
        int p = 0;
        while (p < n) {
            long high = key[p] >>> low;
            boolean mixed = false;
            int q = p + 1;
            while (q < n && key[q] >>> low == high) {
                mixed |= key[q] != key[q - 1];
                q++;
            }
            if (mixed) {
                if (q - p <= INSERTION_UP_TO) {
                    for (int t = p + 1; t < q; t++) {    // stable: moves only past greater keys
                        long k = key[t];
                        int o = ord == null ? 0 : ord[t];
                        int u = t;
                        while (u > p && (key[u - 1] & lowMask) > (k & lowMask)) {
                            key[u] = key[u - 1];
                            if (ord != null) {
                                ord[u] = ord[u - 1];
                            }
                            u--;
                        }
                        key[u] = k;
                        if (ord != null) {
                            ord[u] = o;
                        }
                    }
                } else {
                    // (low bits, place in the run): distinct, so the sort keeps the run's order on ties
                    long[] packed = new long[q - p];
                    for (int t = p; t < q; t++) {
                        packed[t - p] = (key[t] & lowMask) << 32 | (t - p);
                    }
                    Arrays.sort(packed);
                    int[] spareOrd = ord == null ? null : (ord == ordA ? ordB : ordA);
                    for (int t = p; t < q; t++) {
                        int from = p + (int) packed[t - p];
                        spare[t] = key[from];
                        if (ord != null) {
                            spareOrd[t] = ord[from];
                        }
                    }
                    System.arraycopy(spare, p, key, p, q - p);
                    if (ord != null) {
                        System.arraycopy(spareOrd, p, ord, p, q - p);
                    }
                }
            }
            p = q;
        }
    }
}
