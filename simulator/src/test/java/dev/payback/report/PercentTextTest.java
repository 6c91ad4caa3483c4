package dev.payback.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money.percent: whole percents, one decimal within a point of 0% or 100% without being at it, and
 * never a share that is not 0 or 1 shown as 0% or 100% (A's "best in 100% of futures" beside "doing
 * nothing in 0.1%" was 99.85%).
 */
class PercentTextTest {

    @Test
    void wholePercentsAwayFromTheEnds() {
        assertThat(Money.percent(0.5)).isEqualTo("50%");
        assertThat(Money.percent(0.01)).isEqualTo("1%");
        assertThat(Money.percent(0.99)).isEqualTo("99%");
        assertThat(Money.percent(0.784)).isEqualTo("78%");
        assertThat(Money.percent(2.5)).isEqualTo("250%");
    }

    @Test
    void exactlyNothingAndExactlyAllAreWhole() {
        assertThat(Money.percent(0.0)).isEqualTo("0%");
        assertThat(Money.percent(1.0)).isEqualTo("100%");
    }

    @Test
    void oneDecimalWithinAPointOfEitherEnd() {
        assertThat(Money.percent(0.007)).isEqualTo("0.7%");
        assertThat(Money.percent(0.004)).isEqualTo("0.4%");
        assertThat(Money.percent(0.996)).isEqualTo("99.6%");
        assertThat(Money.percent(0.9925)).isEqualTo("99.3%");
    }

    @Test
    void whatOneDecimalWouldRoundToAnEndIsShownAsBeyondIt() {
        assertThat(Money.percent(0.0004)).isEqualTo("<0.1%");
        assertThat(Money.percent(1.0 / 100_000)).isEqualTo("<0.1%");
        assertThat(Money.percent(0.9996)).isEqualTo(">99.9%");
        assertThat(Money.percent(1 - 1.0 / 100_000)).isEqualTo(">99.9%");
        assertThat(Money.percent(0.9994)).isEqualTo("99.9%");
    }

    @Test
    void theWorkbookHasAFormatForEveryForm() {
        for (Money.ShareForm form : Money.ShareForm.values()) {
            assertThat(DecisionSheet.shareFormat(form)).isNotBlank();
        }
        assertThat(Money.shareForm(0.0004)).isEqualTo(Money.ShareForm.BELOW_ONE_TENTH);
        assertThat(Money.shareForm(0.9996)).isEqualTo(Money.ShareForm.ABOVE_99_9);
        assertThat(Money.shareForm(0.996)).isEqualTo(Money.ShareForm.ONE_DECIMAL);
        assertThat(Money.shareForm(0.5)).isEqualTo(Money.ShareForm.WHOLE);
    }
}
