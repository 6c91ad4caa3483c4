package dev.payback.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** docs/model.md section 7: the stages block is read with its defaults and every mistake is one located line. */
class StagesLoaderTest {
    static String yaml(String effects, String stages, String extraOption) {
        return """
                name: s
                business: {orders_per_month: 1000, average_order_value: 10, gross_margin: 0.4, loaded_labor_cost_per_hour: 30}
                pain: {exception_rate: 0.1}
                options:
                  - id: orch
                    kind: orchestrate
                    one_time_cost: 1000
                    annual_cost: 100
                    implementation_months: 1
                    effects: %s
                    stages: %s
                %s""".formatted(effects, stages, extraOption);
    }

    static List<Problem> problems(String text) {
        Throwable t = catchThrowable(() -> ScenarioLoader.parse(text, "s.yaml", List.of(), null));
        assertThat(t).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) t).problems();
    }

    @Test
    void readsTheBlockWithItsDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse(yaml("{exception_rate: 0.3}",
                "{pilot_share: 0.25, pilot_months: 3, go_criteria: {exception_rate_reduction: 0.3}}", ""),
                "s.yaml", List.of(), null);
        Stages st = s.option("orch").stages();
        assertThat(st.pilotShare()).isEqualTo(0.25);
        assertThat(st.pilotMonths()).isEqualTo(3);
        assertThat(st.exceptionRateReduction()).isEqualTo(0.3);
        assertThat(st.pilotOneTimeCost()).isNull();
        assertThat(st.expansionCost()).isNull();
        assertThat(st.stopCost().dist().isFixed()).isTrue();
        assertThat(s.strategies()).extracting(Strategy::id).containsExactly("orch", "orch_staged");
        assertThat(s.strategies().get(1).label()).isEqualTo("orch, piloted first");
    }

    @Test
    void costsMayBeDistributionsWithPaths() throws Exception {
        Scenario s = ScenarioLoader.parse(yaml("{exception_rate: 0.3}",
                "{pilot_share: 0.25, pilot_months: 3, pilot_one_time_cost: {pert: [1, 2, 3]}, "
                        + "expansion_cost: {uniform: [5, 9]}, stop_cost: 4, go_criteria: {exception_rate_reduction: 0.3}}",
                ""), "s.yaml", List.of(), null);
        assertThat(s.input("options.orch.stages.pilot_one_time_cost")).isNotNull();
        assertThat(s.input("options.orch.stages.expansion_cost").dist().isFixed()).isFalse();
        assertThat(s.input("options.orch.stages.stop_cost").notation()).isEqualTo("4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{exception_rate: 0.3}|{pilot_share: 1, pilot_months: 3, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages.pilot_share|must lie strictly between 0 and 1, got 1",
        "{exception_rate: 0.3}|{pilot_share: 0, pilot_months: 3, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages.pilot_share|must lie strictly between 0 and 1, got 0",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 0, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages.pilot_months|got 0",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 1.5, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages.pilot_months|must be a whole number, got 1.5",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: {pert: [1, 2, 3]}, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages.pilot_months|not a distribution",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2}|options[0].stages.go_criteria|required key 'go_criteria' is missing",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2, go_criteria: {}}|options[0].stages.go_criteria.exception_rate_reduction|required key 'exception_rate_reduction' is missing",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2, go_criteria: {exception_rate_reduction: 1.5}}|options[0].stages.go_criteria.exception_rate_reduction|must lie between 0 and 1, got 1.5",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2, go_criteria: {exception_rate_reduction: 0.3}, stop_cots: 1}|options[0].stages.stop_cots|did you mean stop_cost?",
        "{exception_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2, go_criteria: {exception_rate_reduction: 0.3}, expansion_cost: -5}|options[0].stages.expansion_cost|outside the allowed range",
        "{cancellation_rate: 0.3}|{pilot_share: 0.2, pilot_months: 2, go_criteria: {exception_rate_reduction: 0.3}}|options[0].stages|needs the option to have an exception_rate effect",
    })
    void rejectsEachMistakeInOneLine(String effects, String stages, String path, String phrase) {
        List<Problem> p = problems(yaml(effects, stages, ""));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo(path);
        assertThat(p.get(0).message() + " (" + p.get(0).suggestion() + ")").contains(phrase);
        assertThat(p.get(0).location().line()).isEqualTo(11);
    }

    @Test
    void setOverridesTheStagesKeys() throws Exception {
        Scenario s = ScenarioLoader.parse(yaml("{exception_rate: 0.3}",
                "{pilot_share: 0.25, pilot_months: 3, go_criteria: {exception_rate_reduction: 0.3}}", ""),
                "s.yaml", List.of("options.orch.stages.pilot_share=0.5",
                        "options.orch.stages.go_criteria.exception_rate_reduction=0.2"), null);
        assertThat(s.option("orch").stages().pilotShare()).isEqualTo(0.5);
        assertThat(s.option("orch").stages().exceptionRateReduction()).isEqualTo(0.2);
    }

    @Test
    void theDerivedIdMustNotCollide() {
        List<Problem> p = problems(yaml("{exception_rate: 0.3}",
                "{pilot_share: 0.2, pilot_months: 2, go_criteria: {exception_rate_reduction: 0.3}}", """
                  - id: orch_staged
                    kind: operate
                    one_time_cost: 1
                    annual_cost: 1
                    implementation_months: 1
                """));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("options[0].stages");
        assertThat(p.get(0).message()).contains("'orch_staged', which is already an option id (line 12)");
    }
}
