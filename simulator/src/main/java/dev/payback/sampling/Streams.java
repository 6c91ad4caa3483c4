package dev.payback.sampling;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * How every random stream of a run is derived, so that a value never depends on the thread, on
 * the order of work, or on unrelated inputs. A stream is identified by (seed, block, key), where
 * key is a stable 64-bit hash of what the stream is for ({@link #streamKey(String)} of an input
 * path, {@link #groupKey(Collection)} of a correlated group); the three are mixed by
 * {@link #mix(long)} (the SplitMix64 output function) into the state of a {@link SplitMix64}, whose
 * first two outputs seed a {@link XoRoShiRo128PlusPlus}.
 */
public final class Streams {

    /** SplitMix64's increment, the 64-bit golden ratio. */
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Streams() {
    }

    /**
     * FNV-1a (64-bit) over the UTF-16 code units of {@code text}, low byte first. Stable across
     * JVMs and releases (unlike {@link String#hashCode()}, which is only 32 bits).
     */
    public static long streamKey(String text) {
        Objects.requireNonNull(text, "text");
        long h = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h ^= c & 0xff;
            h *= FNV_PRIME;
            h ^= c >>> 8;
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * The key of a correlated group: {@link #streamKey} of its member paths, sorted and joined
     * by newlines, behind a "group" prefix, so it is independent of any order and differs from
     * the key of every single path.
     */
    public static long groupKey(Collection<String> paths) {
        return streamKey("group\n" + String.join("\n", new TreeSet<>(paths)));
    }

    /** The SplitMix64 output function (Stafford's variant 13 mixer). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The SplitMix64 state for (seed, block, key); each argument goes through the mixer. */
    public static long state(long seed, long block, long key) {
        long h = mix(seed + GOLDEN);
        h = mix(h ^ mix(block + 2 * GOLDEN));
        return mix(h ^ mix(key + 3 * GOLDEN));
    }

    /** A fresh generator for the stream (seed, block, key); same arguments, same sequence. */
    public static UniformRandomProvider of(long seed, long block, long key) {
        SplitMix64 sm = new SplitMix64(state(seed, block, key));
        long s0 = sm.nextLong();
        long s1 = sm.nextLong();
        if ((s0 | s1) == 0) {
            s0 = GOLDEN; // xoroshiro must not start from the all-zero state
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }
}
