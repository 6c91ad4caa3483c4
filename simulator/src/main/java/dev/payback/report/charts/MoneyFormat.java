package dev.payback.report.charts;

import dev.payback.report.Money;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.function.DoubleFunction;

/**
 * Axis and label formats that use the report's own formatting: money as {@link Money#compact}
 * ($1.2M, €850k) in the scenario's currency, shares as {@link Money#percent} (78%, 0.4%).
 */
public final class MoneyFormat extends NumberFormat {
    private final transient DoubleFunction<String> f;

    private MoneyFormat(DoubleFunction<String> f) {
        this.f = f;
    }

    /** Money in the currency. */
    public static MoneyFormat money(String currency) {
        return new MoneyFormat(x -> Money.compact(x == 0 ? 0 : x, currency));
    }

    /** Any of the report's formats. */
    static MoneyFormat of(DoubleFunction<String> f) {
        return new MoneyFormat(f);
    }

    /** A share as a percentage, as the tables show it. */
    public static MoneyFormat share() {
        return new MoneyFormat(Money::percent);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(f.apply(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null;
    }
}
