package dev.payback.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads whole-number options so that a value beyond what the option's type holds is refused with
 * the allowed range named (a usage error, exit 2), not picocli's "'2147483648' is not an int".
 * Digits may be grouped with {@code _} or {@code ,} (1_000_000, 1,000,000).
 */
final class WholeNumbers {
    private WholeNumbers() {
    }

    /** The whole number in {@code value}, or null when it is not one. */
    static BigInteger parse(String value) {
        String v = value.trim().replace("_", "").replace(",", "");
        if (!v.matches("[-+]?[0-9]{1,400}")) {
            return null;
        }
        return new BigInteger(v.startsWith("+") ? v.substring(1) : v);
    }

    static String range(long lo, long hi) {
        return String.format(Locale.ROOT, "a whole number from %,d to %,d", lo, hi);
    }

    /** Any {@code int} option: refused beyond the int range, naming it. */
    static final class AnyInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            BigInteger n = parse(value);
            if (n == null || n.bitLength() > 31) {
                throw new TypeConversionException("'" + value + "' is not " + range(Integer.MIN_VALUE,
                        Integer.MAX_VALUE));
            }
            return n.intValue();
        }
    }

    /** Any {@code long} option: refused beyond the long range, naming it. */
    static final class AnyLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            BigInteger n = parse(value);
            if (n == null || n.bitLength() > 63) {
                throw new TypeConversionException("'" + value + "' is not " + range(Long.MIN_VALUE, Long.MAX_VALUE));
            }
            return n.longValue();
        }
    }

    /** --threads: at most 2^31 - 1 (fewer than 1 is refused with the other options' checks). */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            BigInteger n = parse(value);
            if (n == null || n.bitLength() > 31) {
                throw new TypeConversionException(String.format(Locale.ROOT, "--threads must be %s "
                        + "(this machine has %d cores; more threads than cores do not make a run faster), got %s",
                        range(1, Integer.MAX_VALUE), Runtime.getRuntime().availableProcessors(), value));
            }
            return n.intValue();
        }
    }

    /**
     * --trials: a whole number up to {@link Integer#MAX_VALUE} (every per-trial index is an int), a
     * larger one refused with a message that says so; 0 and negative counts are refused by
     * RunOptions.check, with the other options.
     */
    static final class Trials implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            BigInteger n = parse(value);
            if (n == null) {
                throw new TypeConversionException("'" + value + "' is not a whole number of trials");
            }
            if (n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new TypeConversionException(String.format(Locale.ROOT,
                        "%s trials is more than a run can hold: at most %,d (2^31 - 1); for precision use "
                                + "--precision, which stops when the estimates are precise enough", value,
                        Integer.MAX_VALUE));
            }
            return n.max(BigInteger.valueOf(Integer.MIN_VALUE)).intValue();
        }
    }

    /** --seed: 0 to 2^63 - 1. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            BigInteger n = parse(value);
            if (n == null || n.bitLength() > 63) {
                throw new TypeConversionException("--seed must be " + range(0, Long.MAX_VALUE) + " (2^63 - 1), got "
                        + value);
            }
            // a negative seed is refused by RunOptions.check, with the other options
            return n.longValue();
        }
    }

    /** sweep --steps: 2 to {@link SweepCommand#MAX_STEPS}. */
    static final class Steps implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            BigInteger n = parse(value);
            if (n == null || n.compareTo(BigInteger.TWO) < 0
                    || n.compareTo(BigInteger.valueOf(SweepCommand.MAX_STEPS)) > 0) {
                throw new TypeConversionException("--steps " + SweepCommand.stepsRange(value));
            }
            return n.intValue();
        }
    }
}
