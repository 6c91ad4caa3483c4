package dev.payback.report;

import java.util.Locale;

/** Money and share formatting for people: $1.2M, €850k, CHF 12.5k, 14.2%. */
public final class Money {
    /**
     * What a table cell shows for a max one-time cost below 0: the option misses the bar even at a
     * one-time cost of zero, so no amount is a price (report.html's tables, the workbook's Vendors sheet).
     */
    public static final String NO_PRICE = "none, even if free";

    private Money() {
    }

    /** The currency's symbol when it has a common one, else the code and a space. */
    public static String prefix(String currency) {
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            case "CAD" -> "CA$";
            case "AUD" -> "A$";
            default -> currency + " ";
        };
    }

    /** A compact amount: $950, $12.5k, $1.2M, −$40k; "n/a" when not finite. */
    public static String compact(double amount, String currency) {
        if (!Double.isFinite(amount)) {
            return "n/a";
        }
        String sign = amount < 0 ? "−" : "";
        double a = Math.abs(amount);
        String body;
        if (a >= 1e9) {
            body = trim(a / 1e9) + "B";
        } else if (a >= 1e6) {
            body = trim(a / 1e6) + "M";
        } else if (a >= 1e3) {
            body = trim(a / 1e3) + "k";
        } else {
            body = String.format(Locale.ROOT, "%.0f", a);
        }
        return sign + prefix(currency) + body;
    }

    /** A whole amount with thousands separators: $96,000. */
    public static String whole(double amount, String currency) {
        return signed(amount, currency, "%,.0f");
    }

    /** The amount's sign, the currency's prefix and its magnitude in {@code format}; "n/a" when not finite. */
    private static String signed(double amount, String currency, String format) {
        if (!Double.isFinite(amount)) {
            return "n/a";
        }
        String sign = amount < 0 ? "−" : "";
        return sign + prefix(currency) + String.format(Locale.ROOT, format, Math.abs(amount));
    }

    /**
     * How {@link #percent} shows a share: whole percents; one decimal within 1 point of 0% or 100%
     * without being at it (0.7%, 99.4%: never a 99.85% rounded to "100%" beside a 0.15% "0%"); and
     * "<0.1%" or ">99.9%" where even one decimal would round to 0.0% or 100.0%.
     */
    public enum ShareForm { WHOLE, ONE_DECIMAL, BELOW_ONE_TENTH, ABOVE_99_9 }

    /** The form {@link #percent} gives the finite share {@code p} (the workbook's cells follow it). */
    public static ShareForm shareForm(double p) {
        double x = p * 100;
        if (x == 0 || x == 100 || !(Math.abs(x) < 1 || (x > 99 && x < 100))) {
            return ShareForm.WHOLE;
        }
        String one = String.format(Locale.ROOT, "%.1f", x);
        return one.equals("0.0") ? ShareForm.BELOW_ONE_TENTH
                : one.equals("100.0") ? ShareForm.ABOVE_99_9 : ShareForm.ONE_DECIMAL;
    }

    /** A probability or share as a percentage: 78%, 0.4%, 99.6%, 14%; see {@link ShareForm}. */
    public static String percent(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return switch (shareForm(p)) {
            case WHOLE -> String.format(Locale.ROOT, "%.0f%%", p * 100);
            case ONE_DECIMAL -> String.format(Locale.ROOT, "%.1f%%", p * 100);
            case BELOW_ONE_TENTH -> "<0.1%";
            case ABOVE_99_9 -> ">99.9%";
        };
    }

    /** A share with one decimal: 14.2%. */
    public static String percent1(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.1f%%", p * 100) : "n/a";
    }

    /** An amount per unit with cents: $1.23, −$0.05; "n/a" when not finite. */
    public static String cents(double amount, String currency) {
        return signed(amount, currency, "%,.2f");
    }

    /** A share with two decimals: 1.66%. */
    public static String percent2(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.2f%%", p * 100) : "n/a";
    }

    private static String trim(double x) {
        String s = x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
