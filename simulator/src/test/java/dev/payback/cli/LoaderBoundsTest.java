package dev.payback.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What validate accepts, simulate runs: the cases of issue 16 that validate used to accept and
 * simulate then crashed on or printed nonsense for are refused by the loader with one line (exit 3);
 * the largest values the bounds allow run to the end.
 */
class LoaderBoundsTest {
    static final String BODY = HostileInputTest.VALID_BODY;

    static CliTest.Run validate(Path tmp, String yaml) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), yaml);
        return CliTest.run("validate", f.toString());
    }

    static void refused(Path tmp, String yaml, String field, String... phrases) throws Exception {
        CliTest.Run r = validate(tmp, yaml);
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains(": " + field + ": ").contains(phrases).doesNotContain("\tat ");
    }

    static String with(String from, String to) {
        assertThat(BODY).contains(from);
        return BODY.replace(from, to);
    }

    @Test
    void numbersWhoseProductsWouldOverflowAreRefused(@TempDir Path tmp) throws Exception {
        refused(tmp, with("orders_per_month: 5000", "orders_per_month: 1e299"), "business.orders_per_month",
                "its values reach 1.0E299, too large to compute with (the limit is ±1e15)");
        refused(tmp, with("average_order_value: 40", "average_order_value: {uniform: [-1e308, 1e308]}"),
                "business.average_order_value", "too large to compute with");
        refused(tmp, with("average_order_value: 40", "average_order_value: {normal: [40, 1e300]}"),
                "business.average_order_value", "10 standard deviations of this normal reach");
        refused(tmp, with("average_order_value: 40", "average_order_value: {lognormal: [1e-300, 1e12]}"),
                "business.average_order_value", "10 standard deviations of this lognormal reach infinity");
        refused(tmp, with("gross_margin: 0.4", "gross_margin: 0.4\n  annual_growth: 1e300"),
                "business.annual_growth", "above the largest annual growth 100");
        refused(tmp, with("minutes_per_exception: 10",
                "minutes_per_exception: {discrete: {values: [10, 20], weights: [1e308, 1e308]}}"),
                "pain.minutes_per_exception", "discrete weights add up to infinity, more than 1e15");
        refused(tmp, with("gross_margin: 0.4", "gross_margin: 0.4\n  hours_per_fte_year: 1e-300"),
                "business.hours_per_fte_year", "must lie between 1 and 8784");
    }

    @Test
    void textThatAnOutputCannotHoldIsRefused(@TempDir Path tmp) throws Exception {
        refused(tmp, with("name: pasted from a spreadsheet", "name: \"a\\x1b[31mred\\x07\""), "name",
                "the text holds the control character U+001B at character 2");
        refused(tmp, with("name: pasted from a spreadsheet", "name: x\ncurrency: \"US\\0D\""), "currency",
                "control character U+0000");
        refused(tmp, with("name: pasted from a spreadsheet", "name: \"broken \\uD800 pair\""), "name",
                "lone UTF-16 surrogate (U+D800 at character 8)");
        refused(tmp, with("name: pasted from a spreadsheet", "name: " + "x".repeat(201)), "name",
                "the text is 201 characters long, more than 200");
        refused(tmp, with("    kind: orchestrate", "    kind: orchestrate\n    label: \"tab\\there\""),
                "options[0].label", "control character U+0009");
        // 200 characters, and characters beyond the BMP (a proper surrogate pair), are fine
        assertThat(validate(tmp, with("name: pasted from a spreadsheet", "name: " + "é".repeat(199) + "😀")).code())
                .isZero();
    }

    @Test
    void moreThanAHundredOptionsAreRefusedAndAHundredRun(@TempDir Path tmp) throws Exception {
        StringBuilder options = new StringBuilder("options:\n");
        for (int i = 0; i < 101; i++) {
            options.append("  - {id: o").append(i).append(", kind: orchestrate, one_time_cost: ").append(1000 + i)
                    .append(", annual_cost: 100, implementation_months: 1, effects: {exception_rate: 0.3}}\n");
        }
        String head = BODY.substring(0, BODY.indexOf("options:"));
        refused(tmp, head + options, "options", "there are 101 options, more than 100",
                "records each trial's best option in one byte");
        String hundred = head + options.substring(0, options.lastIndexOf("  - {id: o100"));
        Path f = Files.writeString(tmp.resolve("hundred.yaml"), hundred);
        // every output with 100 options takes a minute (a chart per option); the engine's columns are the point
        CliTest.Run r = CliTest.run("simulate", f.toString(), "--trials", "300", "--format", "json", "--out",
                tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("o/summary.json"))).contains("\"o99\"");
    }

    @Test
    void theLargestAllowedValuesSimulateToFiniteFigures(@TempDir Path tmp) throws Exception {
        String extreme = BODY.replace("orders_per_month: 5000", "orders_per_month: 1e15\n  annual_growth: 10")
                .replace("average_order_value: 40", "average_order_value: {normal: [1e14, 9e12]}")
                .replace("loaded_labor_cost_per_hour: 30", "loaded_labor_cost_per_hour: {lognormal: [1, 30]}")
                .replace("one_time_cost: 20000", "one_time_cost: 1e15");
        Path f = Files.writeString(tmp.resolve("extreme.yaml"), extreme);
        assertThat(CliTest.run("validate", f.toString()).code()).isZero();
        CliTest.Run r = CliTest.run("simulate", f.toString(), "--trials", "500", "--format", "json,csv",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(tmp.resolve("o/summary.json"));
        assertThat(json).doesNotContain("Infinity", "NaN");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
                .at("/options/tool/npv/mean").isNumber()).isTrue();
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised(@TempDir Path tmp) throws Exception {
        String hostile = BODY.replace("name: pasted from a spreadsheet", "name: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"")
                .replace("  - id: tool", "  - id: -tool\n    label: \"@SUM(A1)\"");
        Path f = Files.writeString(tmp.resolve("hostile.yaml"), hostile);
        CliTest.Run r = CliTest.run("simulate", f.toString(), "--trials", "300", "--format", "csv", "--trials-csv",
                "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var parser = org.apache.commons.csv.CSVParser.parse(tmp.resolve("o/summary.csv"),
                java.nio.charset.StandardCharsets.UTF_8, org.apache.commons.csv.CSVFormat.RFC4180)) {
            for (var record : parser) {
                for (String cell : record) {
                    assertThat(cell).as(record.toString()).matches(c -> c.isEmpty() || "=+-@\t\r".indexOf(c.charAt(0)) < 0
                            || c.matches("-[0-9.eE+-]+"), "no formula-leading text");
                }
            }
        }
        String csv = Files.readString(tmp.resolve("o/summary.csv"));
        assertThat(csv).contains("'-tool", "'@SUM(A1)").doesNotContain(",=", ",@", ",-tool");
        assertThat(Files.readString(tmp.resolve("o/trials.csv")).lines().findFirst().orElseThrow())
                .contains("'-tool.npv");
    }

    @Test
    void validateChecksEveryStressPresetNotOnlyTheAppliedOne(@TempDir Path tmp) throws Exception {
        String yaml = BODY + "stress:\n  fine: {pain.minutes_per_exception: 12}\n  bad: {pain.exception_rate: 1.5}\n";
        CliTest.Run r = validate(tmp, yaml);
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(r.err()).contains("pain.exception_rate: ", "lies outside the allowed range [0, 1]",
                "(with --stress bad)").doesNotContain("--stress fine");
    }
}
