package dev.payback.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Console text helpers of issue 15: wrapping at 100 columns and option headings. */
class ConsoleWidthTest {
    @Test
    void prosePastOneHundredColumnsWrapsAtSpacesKeepingItsIndent() {
        String words = "word ".repeat(40).trim();   // 199 characters
        String out = ConsoleWidth.fit("  " + words + "\nshort\n");
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(4);
        for (String l : lines) {
            assertThat(l.length()).isLessThanOrEqualTo(100);
        }
        assertThat(lines[0]).startsWith("  word");
        assertThat(lines[1]).startsWith("    word");   // continuation: the line's indent + 2
        assertThat(lines[3]).isEqualTo("short");
        // the words survive, in order
        assertThat(out.replaceAll("\\s+", " ").trim()).isEqualTo(words + " short");
    }

    @Test
    void aWrappedLineKeepsTheSpacesOfItsPaddedLabel() {
        String row = String.format("  %-24s %s", "Max one-time cost", "word ".repeat(20).trim());   // 126 columns
        String[] lines = ConsoleWidth.fit(row + "\n").split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("  Max one-time cost        word word").hasSizeLessThanOrEqualTo(100);
        // the break drops the space it falls on; the continuation is indented by the line's indent + 2
        assertThat(lines[1]).startsWith("    word").doesNotStartWith("     ");
    }

    @Test
    void aWordLongerThanALineIsKeptWhole() {
        String path = "/" + "x".repeat(120);
        assertThat(ConsoleWidth.fit("Wrote " + path + "\n")).isEqualTo("Wrote\n  " + path + "\n");
        assertThat(ConsoleWidth.cut("abcdefghij", 6)).isEqualTo("abc...");
    }

    @Test
    void anOptionHeadingDoesNotRepeatItsId() {
        assertThat(ConsoleSummary.heading("orchestrate", "orchestrate", "orchestrate")).isEqualTo("orchestrate");
        assertThat(ConsoleSummary.heading("fix", "fix", "operate")).isEqualTo("fix (operate)");
        assertThat(ConsoleSummary.heading("oms", "Order platform", "orchestrate"))
                .isEqualTo("oms — Order platform (orchestrate)");
        assertThat(ConsoleSummary.heading("orchestrate", "Order platform", "orchestrate"))
                .isEqualTo("orchestrate — Order platform");
    }
}
