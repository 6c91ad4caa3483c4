package dev.payback.report.charts;

import dev.payback.analysis.Money;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis and label format for money: {@link Money#compact} ($1.2M, €850k) in the scenario's currency. */
final class MoneyFormat extends NumberFormat {
    private final String currency;

    MoneyFormat(String currency) {
        this.currency = currency;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Money.compact(number == 0 ? 0 : number, currency));
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
