package dev.payback.scenario;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Pilot files (docs/model.md section 6): every malformed file is answered by its exact path and line:column. */
class PilotLoaderTest {
    static Scenario scenarioB;

    /** Line 5 and 6 are the months; column 13 is a month's number, 24 its orders, 42 its exceptions. */
    static final List<String> VALID = List.of(
            "option: orchestrate",
            "scope_share: 0.25",
            "success_criteria: {exception_rate_reduction: 0.3}",
            "months:",
            "  - {month: 0, orders: 3000, exceptions: 420}",
            "  - {month: 1, orders: 3000, exceptions: 350}");

    @BeforeAll
    static void load() throws Exception {
        scenarioB = ScenarioLoader.load(Path.of("../scenarios/b_consumer_goods_multichannel.yaml"));
    }

    /** The valid file with line {@code line} (1-based) replaced. */
    static String with(int line, String text) {
        List<String> lines = new java.util.ArrayList<>(VALID);
        lines.set(line - 1, text);
        return String.join("\n", lines) + "\n";
    }

    static List<Problem> problems(String yaml) {
        Throwable t = catchThrowable(() -> PilotLoader.parse(yaml, "p.yaml", scenarioB));
        assertThat(t).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) t).problems();
    }

    @Test
    void readsTheValidFileAndTheShippedExample() throws Exception {
        Pilot p = PilotLoader.parse(String.join("\n", VALID), "p.yaml", scenarioB);
        assertThat(p.option()).isEqualTo("orchestrate");
        assertThat(p.scopeShare()).isEqualTo(0.25);
        assertThat(p.exceptionRateReduction()).isEqualTo(0.3);
        assertThat(p.months()).containsExactly(new Pilot.Month(0, 3000, 420), new Pilot.Month(1, 3000, 350));
        assertThat(p.observedReduction()).isCloseTo(1 - 350.0 / 420, org.assertj.core.api.Assertions.within(1e-12));

        Pilot shipped = PilotLoader.load(Path.of("../scenarios/b_consumer_goods_multichannel_pilot.yaml"), scenarioB);
        assertThat(shipped.baseline()).hasSize(2);
        assertThat(shipped.live()).hasSize(4);
        // rate_base pooled over months -1 and 0: 855 / 6000; rate_last 285 / 3150
        assertThat(shipped.baselineRate()).isEqualTo(855.0 / 6000);
        assertThat(shipped.observedReduction()).isCloseTo(1 - (285.0 / 3150) / (855.0 / 6000),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // yaml, path, line, column, key phrase
                Arguments.of(with(6, "  - {month: 1, orders: 300, exceptions: 350}"), "months[1].exceptions", 6, 41,
                        "exceptions 350 exceed the month's orders 300"),
                Arguments.of(with(1, "option: orchestrat"), "option", 1, 9,
                        "the scenario has no option 'orchestrat' (did you mean orchestrate?)"),
                Arguments.of(with(6, "  - {month: -1, orders: 3000, exceptions: 350}"), "months", 5, 3,
                        "no live month (month >= 1)"),
                Arguments.of(with(5, "  - {month: 2, orders: 3000, exceptions: 420}"), "months", 5, 3,
                        "no baseline month (month <= 0)"),
                Arguments.of(with(5, "  - {month: 0, orders: 3000, exceptions: -4}"), "months[0].exceptions", 5, 42,
                        "must be a whole number from 0 to 1,000,000,000,000, got -4"),
                Arguments.of(with(5, "  - {month: 0, orders: 3000.5, exceptions: 420}"), "months[0].orders", 5, 24,
                        "must be a whole number, got 3000.5"),
                Arguments.of(with(5, "  - {month: 0, orders: 0, exceptions: 0}"), "months[0].orders", 5, 24,
                        "must be a whole number from 1 to 1,000,000,000,000, got 0"),
                // 9e18 orders overflowed the baseline sum and reported a 102% cut (issue 16)
                Arguments.of(with(5, "  - {month: 0, orders: 9000000000000000000, exceptions: 420}"),
                        "months[0].orders", 5, 24,
                        "must be a whole number from 1 to 1,000,000,000,000, got 9000000000000000000"),
                Arguments.of(with(6, "  - {month: 0, orders: 3000, exceptions: 350}"), "months[1].month", 6, 13,
                        "month 0 is listed twice (first on line 5)"),
                Arguments.of(with(6, "  - {month: 0.5, orders: 3000, exceptions: 350}"), "months[1].month", 6, 13,
                        "must be a whole number, got 0.5"),
                Arguments.of(with(2, "scopeshare: 0.25"), "scopeshare", 2, 1,
                        "unknown key 'scopeshare' (did you mean scope_share?)"),
                Arguments.of(with(5, "  - {month: 0, order: 3000, exceptions: 420}"), "months[0].order", 5, 16,
                        "unknown key 'order' (did you mean orders?)"),
                Arguments.of(with(2, "scope_share: 1.5"), "scope_share", 2, 14, "must lie in (0, 1], got 1.5"),
                Arguments.of(with(2, "scope_share: 0"), "scope_share", 2, 14, "must lie in (0, 1], got 0"),
                Arguments.of(with(3, "success_criteria: {exception_rate_reduction: 1.2}"),
                        "success_criteria.exception_rate_reduction", 3, 46, "must lie in [0, 1], got 1.2"),
                Arguments.of(with(3, "success_criteria: {exception_rate_reduction: -0.1}"),
                        "success_criteria.exception_rate_reduction", 3, 46, "must lie in [0, 1], got -0.1"),
                Arguments.of(with(3, "success_criteria: {exceptions: 0.3}"), "success_criteria.exceptions", 3, 20,
                        "unknown key 'exceptions'"),
                Arguments.of(String.join("\n", VALID.subList(0, 3)) + "\nmonths: []\n", "months", 4, 9,
                        "no months are listed"),
                Arguments.of(with(5, "  - {month: 0, orders: 3000, exceptions: lots}"), "months[0].exceptions", 5, 42,
                        "expected a number, found the text 'lots'"),
                Arguments.of(with(5, "  - {month: 0, orders: 3000, exceptions: 420, extra: 1}"), "months[0].extra",
                        5, 47, "unknown key 'extra'"));
    }

    @ParameterizedTest(name = "{1}: {4}")
    @MethodSource("cases")
    void eachProblemIsLocated(String yaml, String path, int line, int column, String phrase) {
        List<Problem> found = problems(yaml);
        assertThat(found).as(found.toString()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.location()).isEqualTo(new Location("p.yaml", line, column));
            assertThat(p.line()).contains(phrase);
        });
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        String yaml = String.join("\n", "option: orchestrat", "scope_share: 1.5",
                "success_criteria: {exception_rate_reduction: 0.3}", "months:",
                "  - {month: 0, orders: 3000, exceptions: 420}", "  - {month: 1, orders: 300, exceptions: 350}") + "\n";
        assertThat(problems(yaml)).extracting(Problem::line).containsExactly(
                "p.yaml:1:9: option: the scenario has no option 'orchestrat' (did you mean orchestrate?)",
                "p.yaml:2:14: scope_share: must lie in (0, 1], got 1.5 "
                        + "(the share of all orders that went through the pilot, e.g. 0.25)",
                "p.yaml:6:41: months[1].exceptions: exceptions 350 exceed the month's orders 300 "
                        + "(exceptions are counted among the month's orders)");
    }

    @Test
    void missingKeysAndNonMaps() {
        assertThat(problems("option: orchestrate\n")).extracting(Problem::path)
                .containsExactly("scope_share", "success_criteria", "months");
        assertThat(problems("- 1\n- 2\n").get(0).line()).contains("a pilot file must be a map of keys");
        assertThat(problems("").get(0).line()).isEqualTo("p.yaml:1:1: the file is empty "
                + "(see scenarios/b_consumer_goods_multichannel_pilot.yaml)");
    }
}
