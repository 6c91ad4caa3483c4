package dev.payback.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed file under resources/invalid yields exactly the expected problem, located precisely. */
class InvalidScenarioTest {

    static Path resource(String name) {
        try {
            return Path.of(InvalidScenarioTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Problem> problems(String file) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioLoader.load(resource(file)));
        assertThat(t).as(file).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) t).problems();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // file, path, line, column, key phrase of the message or suggestion
                Arguments.of("syntax", "", 5, 20, "not valid YAML"),
                Arguments.of("unknown_key", "pain.exeption_rate", 14, 3, "did you mean exception_rate?"),
                Arguments.of("wrong_type", "business.average_order_value", 4, 24, "expected a number, found the text 'fifty'"),
                Arguments.of("pert_min_above_mode", "options[0].one_time_cost", 10, 20, "min 30000 is above mode 20000"),
                Arguments.of("bernoulli_p", "options[0].failure_probability", 13, 38, "must lie between 0 and 1, got 1.5"),
                Arguments.of("negative_amount", "options[0].annual_cost", 11, 18, "outside the allowed range [0, inf)"),
                Arguments.of("support_outside_domain", "business.gross_margin", 5, 17,
                        "every value of {uniform: [1.2, 1.5]} lies outside the allowed range [0, 1]"),
                Arguments.of("duplicate_option_id", "options[1].id", 13, 9, "'orchestrate' is used twice (first on line 8)"),
                Arguments.of("status_quo_id", "options[0].id", 8, 9, "status_quo is reserved"),
                Arguments.of("correlation_unknown_path", "correlations[0]", 17, 6, "did you mean pain.exception_rate?"),
                Arguments.of("correlation_fixed", "correlations[0]", 17, 30, "pain.exception_rate is a fixed value"),
                Arguments.of("empty_options", "options", 7, 10, "no options"),
                Arguments.of("trials_zero", "simulation.trials", 13, 22, "whole number from 1 to 2,147,483,647, got 0"),
                Arguments.of("horizon_six", "horizon_months", 13, 17, "whole number from 12 to 120, got 6"),
                Arguments.of("seasonality_eleven", "business.seasonality", 7, 16, "exactly 12 monthly multipliers, found 11"),
                Arguments.of("duplicate_yaml_key", "business.gross_margin", 7, 3, "duplicate key 'gross_margin' (first given on line 5)"),
                Arguments.of("nan", "business.gross_margin", 5, 17, "'.nan' is not a finite number"),
                Arguments.of("huge_number", "business.orders_per_month", 3, 21, "1e400 is too large"),
                Arguments.of("java_tag", "name", 1, 7, "tag !!javax.script.ScriptEngineManager is not allowed"),
                Arguments.of("unknown_effects_key", "options[0].effects.exeption_rate", 13, 15, "did you mean exception_rate?"),
                Arguments.of("missing_required", "business.gross_margin", 3, 3, "required key 'gross_margin' is missing"),
                // a misspelt key is one problem: not also what follows from the key it meant being absent
                // (a correlation of that driver, a staged rollout without its effect, a missing required key)
                Arguments.of("misspelt_correlated_driver", "pain.exeption_rate", 14, 3, "did you mean exception_rate?"),
                Arguments.of("misspelt_staged_effect", "options[0].effects.exeption_rate", 15, 15,
                        "did you mean exception_rate?"),
                Arguments.of("misspelt_required_key", "business.gross_margn", 5, 3, "did you mean gross_margin?"),
                Arguments.of("lognormal_p5_zero", "business.loaded_labor_cost_per_hour", 6, 31, "lognormal needs p5 > 0, got 0"),
                Arguments.of("normal_sd_negative", "options[0].implementation_months", 12, 28, "standard deviation above 0, got -1"),
                Arguments.of("discrete_weights_zero", "options[0].ramp_months", 13, 55, "weights are all 0"),
                Arguments.of("uniform_lo_ge_hi", "business.average_order_value", 4, 24, "uniform needs lo < hi, got [60, 40]"),
                Arguments.of("distribution_for_plain_number", "horizon_months", 13, 17, "not a distribution"),
                Arguments.of("unknown_distribution", "business.average_order_value", 4, 25, "did you mean pert?"),
                Arguments.of("wrong_arity", "business.average_order_value", 4, 31, "pert needs 3 numbers [min, mode, max], found 2"),
                Arguments.of("bad_kind", "options[0].kind", 9, 11, "did you mean orchestrate?"),
                Arguments.of("quoted_number", "business.orders_per_month", 3, 21, "without quotes"),
                Arguments.of("percent_string", "business.gross_margin", 5, 17, "15% as 0.15"),
                Arguments.of("other_name_is_driver", "pain.other[0].name", 14, 18, "already a pain driver name"),
                Arguments.of("event_missing_cost", "pain.events[0].cost", 14, 12, "required key 'cost' is missing"),
                Arguments.of("correlation_other_item", "correlations[0]", 17, 27, "cannot be correlated"),
                Arguments.of("scorecard_out_of_range", "options[0].scorecard.implementation_speed", 13, 39,
                        "whole number from 1 to 5, got 6"),
                Arguments.of("not_a_map", "", 1, 1, "must be a map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsOneProblemAtTheOffendingNode(String name, String path, int line, int column, String phrase) {
        List<Problem> ps = problems("invalid/" + name + ".yaml");
        assertThat(ps).as(ps.toString()).hasSize(1);
        Problem p = ps.get(0);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.location().line()).as(p.line()).isEqualTo(line);
        assertThat(p.location().column()).as(p.line()).isEqualTo(column);
        assertThat(p.location().file()).endsWith("invalid/" + name + ".yaml");
        assertThat(p.message() + " (" + p.suggestion() + ")").contains(phrase);
    }

    @Test
    void nonPositiveDefiniteMatrixIsOneProblemNamingEveryPair() {
        List<Problem> ps = problems("invalid/correlation_not_pd.yaml");
        assertThat(ps).hasSize(1);
        Problem p = ps.get(0);
        assertThat(p.path()).isEqualTo("correlations");
        assertThat(p.location().line()).isEqualTo(18);
        assertThat(p.location().column()).isEqualTo(5);
        assertThat(p.message()).contains("not positive definite")
                .contains("correlations[0] pain.exception_rate ~ pain.cancellation_rate 0.9")
                .contains("correlations[1] pain.exception_rate ~ pain.expedite_fee 0.9")
                .contains("correlations[2] pain.cancellation_rate ~ pain.expedite_fee -0.9");
        assertThat(p.suggestion()).contains("weaken one");
    }

    @Test
    @Timeout(30) // generous for a loaded machine; expanding the bomb's 9^9 nodes would take far longer
    void aliasBombIsRefusedQuickly() {
        List<Problem> ps = problems("invalid/alias_bomb.yaml");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).message()).contains("too many aliases");
    }

    @Test
    void tabInIndentationGetsAClearMessage() {
        List<Problem> ps = problems("invalid/tab_indent.yaml");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).message()).contains("tab character is used for indentation");
        assertThat(ps.get(0).location().line()).isEqualTo(4);
        assertThat(ps.get(0).location().column()).isEqualTo(1);
    }

    @Test
    void everyProblemOfAFileIsReportedInFileOrder() {
        List<Problem> ps = problems("invalid/several_problems.yaml");
        assertThat(ps).extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.path())
                .containsExactly(
                        "2:17 horizon_months",
                        "4:21 business.orders_per_month",
                        "8:3 business.chanels",
                        "10:9 options[0].id",
                        "12:20 options[0].one_time_cost",
                        "15:22 simulation.trials",
                        "15:31 simulation.seed");
        assertThat(ps.get(2).suggestion()).isEqualTo("did you mean channels?");
        assertThat(ps.get(0).line()).endsWith("several_problems.yaml:2:17: horizon_months: "
                + "must be a whole number from 12 to 120, got 200 (use a whole number between 12 and 120)");
    }

    @Test
    void unreadableFileIsOneProblem() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/scenario.yaml")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).message()).contains("does not exist");
                });
    }
}
