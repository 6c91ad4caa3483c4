package dev.payback.engine;

import dev.payback.scenario.Correlation;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.Location;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine builds its sampler in a pool of the run's threads: a problem the sampler finds still
 * reaches the caller as the same InvalidInputException (one problem, the entry's place), at any thread
 * count, never wrapped.
 */
class EngineSamplerTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aSamplerProblemReachesTheCallerAsIs(int threads) throws InvalidInputException {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"), List.of(),
                null).withRun(4096, 1);
        List<Correlation> bad = new ArrayList<>(s.correlations());
        bad.add(new Correlation("pain.exception_rate", "pain.no_such_input", 0.3, new Location("b.yaml", 99, 5)));
        Scenario broken = new Scenario(s.source(), s.name(), s.currency(), s.horizonMonths(), s.discountRate(),
                s.trials(), s.seed(), s.business(), s.pain(), s.options(), bad, s.paybackConfidence(), s.stress(),
                s.paybackMonths(), s.overrides(), s.scorecardWeights());
        assertThatThrownBy(() -> Engine.run(broken, Engine.Options.defaults().withThreads(threads)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).location().line()).isEqualTo(99);
                    assertThat(e.problems().get(0).message()).contains("pain.no_such_input");
                });
        // and the scenario as loaded runs at the same thread count
        assertThat(Engine.run(s, Engine.Options.defaults().withThreads(threads)).trials()).isEqualTo(4096);
    }
}
