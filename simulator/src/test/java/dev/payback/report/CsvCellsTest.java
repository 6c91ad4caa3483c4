package dev.payback.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {
    @Test
    void formulaLeadingTextGetsAQuoteAndNumbersStayNumbers() {
        assertThat(CsvCells.safe("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.safe("+cmd")).isEqualTo("'+cmd");
        assertThat(CsvCells.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.safe("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.safe("\rx")).isEqualTo("'\rx");
        assertThat(CsvCells.safe("-123.4")).isEqualTo("-123.4");
        assertThat(CsvCells.safe("-1e-5")).isEqualTo("-1e-5");
        assertThat(CsvCells.safe("+7")).isEqualTo("+7");
        assertThat(CsvCells.safe("plain = text")).isEqualTo("plain = text");
        assertThat(CsvCells.safe("")).isEqualTo("");
        assertThat(CsvCells.safe((Object) (-123.4))).isEqualTo(-123.4);
        assertThat(CsvCells.safe("a", -5, "=x")).containsExactly("a", -5, "'=x");
    }
}
