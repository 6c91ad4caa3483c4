package dev.payback.report.compare;

import dev.payback.analysis.Comparison;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A difference of shares below the tenth of a point it is shown to reads "0" and carries no tone. */
class CompareDifferenceTest {

    private static Comparison.Metric share(double first, double second) {
        return new Comparison.Metric("options.orchestrate.p_npv_negative", Comparison.Unit.SHARE,
                List.of(first, second), Arrays.asList(null, null), Arrays.asList(null, second - first),
                Comparison.Better.LOWER);
    }

    @Test
    void aShareDifferenceBelowATenthOfAPointIsNone() {
        // 0.03 percentage points: shown to one decimal it is 0.0, neither good nor bad news
        Comparison.Metric m = share(0.1700, 0.1703);
        assertThat(CompareReport.difference(m, 1, "USD")).isEqualTo("0");
        assertThat(CompareReport.tone(m, 1)).isEqualTo(CompareReport.Tone.SAME);
    }

    @Test
    void aShareDifferenceOfATenthOfAPointOrMoreIsShownWithItsTone() {
        Comparison.Metric worse = share(0.1700, 0.1712);   // +0.12 pp of losing money: bad news
        assertThat(CompareReport.difference(worse, 1, "USD")).isEqualTo("+0.1 pp");
        assertThat(CompareReport.tone(worse, 1)).isEqualTo(CompareReport.Tone.BAD);
        Comparison.Metric better = share(0.1700, 0.1450);  // −2.5 pp: good news
        assertThat(CompareReport.difference(better, 1, "USD")).isEqualTo("−2.5 pp");
        assertThat(CompareReport.tone(better, 1)).isEqualTo(CompareReport.Tone.GOOD);
    }
}
