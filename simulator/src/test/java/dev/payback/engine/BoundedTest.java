package dev.payback.engine;

import dev.payback.analysis.Analysis;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Bounded}: parallel work inside it uses at most the given workers, never the common pool. */
class BoundedTest {

    private static Set<String> threadsOf(int workers) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Bounded.run(workers, () -> {
            IntStream.range(0, 2_000).parallel().forEach(i -> {
                seen.add(Thread.currentThread().getName());
                double x = 0;
                for (int k = 0; k < 20_000; k++) {
                    x += Math.sqrt(k + i);
                }
                if (x < 0) {
                    throw new IllegalStateException();
                }
            });
            return null;
        });
        return seen;
    }

    @Test
    void parallelStreamsStayInThePoolOfTheGivenSize() throws Exception {
        Set<String> one = threadsOf(1);
        assertThat(one).hasSize(1);
        assertThat(one).noneMatch(n -> n.contains("commonPool"));
        Set<String> two = threadsOf(2);
        assertThat(two.size()).isBetween(1, 2);
        assertThat(two).noneMatch(n -> n.contains("commonPool"));
    }

    @Test
    void theSummaryOfARunIsTheSameInsideThePool() throws Exception {
        SimulationResult r = Engine.run(ScenarioLoader.load(Path.of(dev.payback.Shipped.file("b_consumer_goods_multichannel.yaml")), List.of(), null)
                .withRun(3_000, 3), Engine.Options.defaults());
        assertThat(Bounded.run(1, () -> Analysis.summarize(r))).isEqualTo(Analysis.summarize(r));
    }

    @Test
    void checkedExceptionsComeOutAsThemselves() {
        assertThatThrownBy(() -> Bounded.run(2, () -> {
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> Bounded.run(2, () -> ScenarioLoader.parse("name: [", "x.yaml", List.of(), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Bounded.run(1, () -> {
            throw new IllegalArgumentException("bad");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
    }
}
