package dev.payback.analysis;

import java.util.Arrays;

/**
 * Several order statistics of one column at once, without sorting it: one pass that counts the
 * values in each of {@value #BUCKETS} equal-width buckets of a range (noting each value's bucket),
 * one that gathers the values of the few buckets that hold a wanted rank, and a sort of those alone
 * (a bucket that still holds many values is split the same way again). The range is first that of
 * an evenly spaced sample of {@value #SAMPLE} values (values beyond it fall into the first or the
 * last bucket), which spares a pass over the column; when the sample has no finite positive range,
 * when every value falls into one bucket, or when the column may hold NaN, one more pass takes the
 * column's own range (a column holding NaN is sorted). A tie (one value in most of the sample, or in
 * most of the sampled values of a bucket that holds more than 1/{@value #HEAVY} of the column) is
 * answered by one pass that counts the values below and equal to it, when the wanted ranks fall
 * among the latter. The bucket of a value never decreases as the value grows, so the value at rank r
 * of the sorted column is the value at rank r − (values in lower buckets) of its bucket, and the
 * result is bit for bit what {@link Arrays#sort(double[])} puts at rank r, −0.0 before 0.0 included.
 * {@link #quantiles} applies the type-7 rule of {@link Stats#quantile} to those values.
 * {@link #quantilesOfDifference} does the same for the column a − b without writing it out.
 */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /** Buckets of one split. */
    static final int BUCKETS = 2048;

    /** Below this many values a sort of a copy is as fast. */
    static final int SORT_BELOW = 256;

    /** Values of the evenly spaced sample whose range the buckets span first (at most SORT_BELOW). */
    static final int SAMPLE = 256;

    /** A bucket holding more than 1/HEAVY of the values is first tried as a tie. */
    static final int HEAVY = 8;

    /**
     * The type-7 quantiles of {@code values} at {@code levels} (each in [0, 1]), equal bit for bit to
     * {@code Stats.quantile(Stats.sortedCopy(values), p)} for each p; NaN for no values. The array is
     * not modified.
     */
    public static double[] quantiles(double[] values, double... levels) {
        return quantilesOf(values, null, levels);
    }

    /**
     * The type-7 quantiles at {@code levels} of the column {@code a[i] − b[i]}, equal bit for bit to
     * {@link #quantiles} of that column written out; neither array is modified.
     */
    public static double[] quantilesOfDifference(double[] a, double[] b, double... levels) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("columns of " + a.length + " and " + b.length + " values");
        }
        return quantilesOf(a, b, levels);
    }

    /** Quantiles of v[i] − minus[i], or of v[i] when minus is null. */
    private static double[] quantilesOf(double[] v, double[] minus, double[] levels) {
        int n = v.length;
        double[] out = new double[levels.length];
        for (double p : levels) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
            }
        }
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int[] ranks = new int[2 * levels.length];
        for (int i = 0; i < levels.length; i++) {
            int lo = Stats.lowerRank(n, levels[i]);
            ranks[2 * i] = lo;
            ranks[2 * i + 1] = Math.min(lo + 1, n - 1);
        }
        double[] at = atRanks(v, minus, ranks);
        for (int i = 0; i < levels.length; i++) {
            out[i] = Stats.interpolate(n, levels[i], at[2 * i], at[2 * i + 1]);
        }
        return out;
    }

    /**
     * The values at 0-based {@code ranks} (any order, repeats allowed, each in [0, n)) of the column
     * sorted by {@link Arrays#sort(double[])}; the array is not modified.
     */
    public static double[] atRanks(double[] values, int[] ranks) {
        return atRanks(values, null, ranks);
    }

    private static double[] atRanks(double[] v, double[] minus, int[] ranks) {
        int n = v.length;
        for (int r : ranks) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("rank " + r + " outside 0.." + (n - 1));
            }
        }
        double[] out = new double[ranks.length];
        if (ranks.length == 0) {
            return out;
        }
        int[] order = sortedDistinct(ranks);
        double[] found = new double[order.length];
        place(v, minus, n, order, found);
        for (int i = 0; i < ranks.length; i++) {
            out[i] = found[Arrays.binarySearch(order, ranks[i])];
        }
        return out;
    }

    private static int[] sortedDistinct(int[] ranks) {
        int[] r = ranks.clone();
        Arrays.sort(r);
        int m = 0;
        for (int i = 0; i < r.length; i++) {
            if (i == 0 || r[i] != r[m - 1]) {
                r[m++] = r[i];
            }
        }
        return Arrays.copyOf(r, m);
    }

    /**
     * Writes into found[i] the value at rank ranks[i] (ascending, distinct) of the column x_i =
     * v[i] − minus[i] (v[i] when minus is null), i &lt; n; modifies neither array.
     */
    private static void place(double[] v, double[] minus, int n, int[] ranks, double[] found) {
        if (n < SORT_BELOW) {
            sortAndRead(copy(v, minus, n), ranks, found);
            return;
        }
        // the range of an evenly spaced sample (NaN left out), and the value most of it holds if any
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double candidate = Double.NaN;              // a majority vote (Boyer–Moore)
        int votes = 0;
        int step = n / SAMPLE;                      // ≥ 1 as n ≥ SORT_BELOW ≥ SAMPLE
        for (int i = 0; i < n; i += step) {
            double x = minus == null ? v[i] : v[i] - minus[i];
            if (x < lo) {
                lo = x;
            }
            if (x > hi) {
                hi = x;
            }
            if (votes == 0) {
                candidate = x;
                votes = 1;
            } else {
                votes += x == candidate ? 1 : -1;
            }
        }
        if (votes > 0 && mostOfSample(v, minus, n, step, candidate)
                && equalBlock(v, minus, n, candidate, ranks, found)) {
            return;
        }
        double scale = scale(lo, hi);
        char[] bucketOf = new char[n];
        int[] count = scale > 0 ? countsOrNull(v, minus, n, lo, scale, bucketOf) : null;
        if (count == null || count[bucketOf[0]] == n) {         // NaN, or all in one bucket
            if (minus != null) {                    // the column written out, its own range
                place(copy(v, minus, n), null, n, ranks, found);
                return;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                if (x < min) {
                    min = x;
                }
                if (x > max) {
                    max = x;
                }
                if (x != x) {                       // NaN: the sort's order, by sorting
                    sortAndRead(Arrays.copyOf(v, n), ranks, found);
                    return;
                }
            }
            if (min == max && min != 0) {           // all equal (and so identical, zeros aside)
                Arrays.fill(found, min);
                return;
            }
            if (min == max) {                       // zeros: the sort puts every −0.0 before every 0.0
                int negative = 0;
                for (int i = 0; i < n; i++) {
                    if (Double.doubleToRawLongBits(v[i]) < 0) {
                        negative++;
                    }
                }
                for (int k = 0; k < ranks.length; k++) {
                    found[k] = ranks[k] < negative ? -0.0 : 0.0;
                }
                return;
            }
            lo = min;
            scale = scale(min, max);
            if (scale == 0) {                       // a range that is not finite, or subnormal
                sortAndRead(Arrays.copyOf(v, n), ranks, found);
                return;
            }
            count = countsOrNull(v, null, n, lo, scale, bucketOf);
            if (count == null || count[bucketOf[0]] == n) {
                sortAndRead(Arrays.copyOf(v, n), ranks, found);
                return;
            }
        }
        // the bucket of each wanted rank, and how many values lie in the buckets below it
        int[] rankBucket = new int[ranks.length];
        int[] rankBelow = new int[ranks.length];
        int b = 0;
        int below = 0;                              // values in buckets before b
        for (int k = 0; k < ranks.length; k++) {
            while (below + count[b] <= ranks[k]) {
                below += count[b];
                b++;
            }
            rankBucket[k] = b;
            rankBelow[k] = below;
        }
        // a bucket that holds many values is most often a tie: its ranks from one pass when they
        // fall among the values equal to the one most of its sampled values hold
        boolean[] done = new boolean[ranks.length];
        for (int k = 0, end; k < ranks.length; k = end) {
            end = sameBucket(rankBucket, k);
            if (count[rankBucket[k]] > n / HEAVY) {
                double x = majorityInBucket(v, minus, n, n / SAMPLE, bucketOf, rankBucket[k]);
                int[] tied = Arrays.copyOfRange(ranks, k, end);
                double[] values = new double[tied.length];
                if (x == x && equalBlock(v, minus, n, x, tied, values)) {
                    System.arraycopy(values, 0, found, k, values.length);
                    Arrays.fill(done, k, end, true);
                }
            }
        }
        // where the values of every other wanted bucket go in one gather buffer
        int[] slot = new int[BUCKETS];
        Arrays.fill(slot, -1);
        int gathered = 0;
        for (int k = 0; k < ranks.length; k++) {
            if (!done[k] && slot[rankBucket[k]] < 0) {
                slot[rankBucket[k]] = gathered;
                gathered += count[rankBucket[k]];
            }
        }
        if (gathered == 0) {
            return;
        }
        double[] buffer = new double[gathered];
        gather(v, minus, n, bucketOf, slot.clone(), buffer);
        // each gathered bucket: its wanted ranks, relative to the bucket
        for (int k = 0, end; k < ranks.length; k = end) {
            end = sameBucket(rankBucket, k);
            if (done[k]) {
                continue;
            }
            int bk = rankBucket[k];
            int[] local = new int[end - k];
            for (int j = k; j < end; j++) {
                local[j - k] = ranks[j] - rankBelow[j];
            }
            double[] part = Arrays.copyOfRange(buffer, slot[bk], slot[bk] + count[bk]);
            double[] values = new double[local.length];
            place(part, null, part.length, local, values);
            System.arraycopy(values, 0, found, k, local.length);
        }
    }

    /** The end (exclusive) of the run of ranks from k on whose bucket is rankBucket[k]. */
    private static int sameBucket(int[] rankBucket, int k) {
        int end = k + 1;
        while (end < rankBucket.length && rankBucket[end] == rankBucket[k]) {
            end++;
        }
        return end;
    }

    /**
     * The value more than half of the evenly spaced sample's values in bucket {@code bucket} hold
     * (a majority vote, then a count), or NaN when none does.
     */
    private static double majorityInBucket(double[] v, double[] minus, int n, int step, char[] bucketOf, int bucket) {
        double candidate = Double.NaN;
        int votes = 0;
        for (int i = 0; i < n; i += step) {
            if (bucketOf[i] == bucket) {
                double x = minus == null ? v[i] : v[i] - minus[i];
                if (votes == 0) {
                    candidate = x;
                    votes = 1;
                } else {
                    votes += x == candidate ? 1 : -1;
                }
            }
        }
        int in = 0;
        int equal = 0;
        for (int i = 0; i < n; i += step) {
            if (bucketOf[i] == bucket) {
                in++;
                if ((minus == null ? v[i] : v[i] - minus[i]) == candidate) {
                    equal++;
                }
            }
        }
        return 2 * equal > in ? candidate : Double.NaN;
    }

    /** True when more than half of the evenly spaced sample equals x. */
    private static boolean mostOfSample(double[] v, double[] minus, int n, int step, double x) {
        int equal = 0;
        int size = 0;
        for (int i = 0; i < n; i += step) {
            size++;
            if ((minus == null ? v[i] : v[i] - minus[i]) == x) {
                equal++;
            }
        }
        return 2 * equal > size;
    }

    /**
     * When every wanted rank falls among the values equal to x (finite; −0.0 and 0.0 both equal 0),
     * writes them into found and returns true: one pass counts the values below x and those equal to
     * it (with the −0.0 among them, which the sort puts before 0.0). For a column most of whose values
     * are one value. Without a branch on the values (a tie makes such branches unpredictable): with
     * d = (y − x) + 0.0, never −0.0, y &lt; x exactly when d's sign bit is set and y == x exactly when d
     * is +0.0 (x finite; with gradual underflow y − x is 0 only for y == x). A NaN (or +∞ and −∞
     * together) makes the sum of the d NaN, and the answer false.
     */
    private static boolean equalBlock(double[] v, double[] minus, int n, double x, int[] ranks, double[] found) {
        if (!(Math.abs(x) < Double.POSITIVE_INFINITY)) {
            return false;
        }
        long less = 0;
        long equal = 0;
        long negativeZeros = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = minus == null ? v[i] : v[i] - minus[i];
            double d = (y - x) + 0.0;
            sum += d;
            long bits = Double.doubleToRawLongBits(d);
            less += bits >>> 63;
            equal += ((bits | -bits) >>> 63) ^ 1;
            long z = Double.doubleToRawLongBits(y) ^ Long.MIN_VALUE;         // 0 exactly for −0.0
            negativeZeros += ((z | -z) >>> 63) ^ 1;
        }
        if (sum != sum || ranks[0] < less || ranks[ranks.length - 1] >= less + equal) {
            return false;
        }
        for (int k = 0; k < ranks.length; k++) {
            found[k] = x != 0 ? x : ranks[k] - less < negativeZeros ? -0.0 : 0.0;
        }
        return true;
    }

    /**
     * Buckets per unit of value for the range lo..hi: positive and finite, or 0 when the range is not
     * (empty, infinite, NaN, or so small that its inverse overflows).
     */
    private static double scale(double lo, double hi) {
        double range = hi - lo;
        double scale = range > 0 && range < Double.POSITIVE_INFINITY ? BUCKETS / range : 0;
        return scale < Double.POSITIVE_INFINITY ? scale : 0;
    }

    /**
     * How many of the n values fall into each bucket, or null when one of them may be NaN (a NaN
     * makes the sum of the scaled values NaN, as do +∞ and −∞ together); the bucket of value i goes
     * into bucketOf[i]. The bucket of x is (int) ((x − lo) · scale) clamped to 0..BUCKETS − 1, so
     * non-decreasing in x (−∞ and values below lo in the first, +∞ and values at or beyond
     * lo + BUCKETS / scale in the last). Two values per step, in two sums (the quick compiler neither
     * unrolls a loop nor overlaps one step's sum with the next's): whether a sum is NaN does not
     * depend on the order of its terms, and the counts do not either.
     */
    private static int[] countsOrNull(double[] v, double[] minus, int n, double lo, double scale, char[] bucketOf) {
        int[] count = new int[BUCKETS];
        double sum = 0;
        double sum2 = 0;
        int i = 0;
        if (minus == null) {
            for (; i + 1 < n; i += 2) {
                double t = (v[i] - lo) * scale;
                double u = (v[i + 1] - lo) * scale;
                sum += t;
                sum2 += u;
                int b = bucket(t);
                int c = bucket(u);
                bucketOf[i] = (char) b;
                bucketOf[i + 1] = (char) c;
                count[b]++;
                count[c]++;
            }
        } else {
            for (; i + 1 < n; i += 2) {
                double t = (v[i] - minus[i] - lo) * scale;
                double u = (v[i + 1] - minus[i + 1] - lo) * scale;
                sum += t;
                sum2 += u;
                int b = bucket(t);
                int c = bucket(u);
                bucketOf[i] = (char) b;
                bucketOf[i + 1] = (char) c;
                count[b]++;
                count[c]++;
            }
        }
        for (; i < n; i++) {
            double t = ((minus == null ? v[i] : v[i] - minus[i]) - lo) * scale;
            sum += t;
            int b = bucket(t);
            bucketOf[i] = (char) b;
            count[b]++;
        }
        sum += sum2;
        return sum == sum ? count : null;
    }

    /** The bucket of a scaled value t = (x − lo) · scale: (int) t clamped to 0..BUCKETS − 1 (NaN: 0). */
    private static int bucket(double t) {
        int b = (int) t;
        return b < 0 ? 0 : b < BUCKETS ? b : BUCKETS - 1;
    }

    /**
     * Copies each value whose bucket (bucketOf[i]) has a slot (fill[bucket] ≥ 0) to
     * buffer[fill[bucket]++], in column order.
     */
    private static void gather(double[] v, double[] minus, int n, char[] bucketOf, int[] fill, double[] buffer) {
        for (int i = 0; i < n; i++) {
            int b = bucketOf[i];
            int at = fill[b];
            if (at >= 0) {
                buffer[at] = minus == null ? v[i] : v[i] - minus[i];
                fill[b] = at + 1;
            }
        }
    }

    /** The n values v[i] − minus[i] (v[i] when minus is null) written out. */
    private static double[] copy(double[] v, double[] minus, int n) {
        if (minus == null) {
            return Arrays.copyOf(v, n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i] - minus[i];
        }
        return out;
    }

    private static void sortAndRead(double[] copy, int[] ranks, double[] found) {
        Arrays.sort(copy);
        for (int k = 0; k < ranks.length; k++) {
            found[k] = copy[ranks[k]];
        }
    }
}
