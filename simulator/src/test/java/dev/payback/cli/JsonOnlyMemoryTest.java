package dev.payback.cli;

import dev.payback.engine.Engine;
import dev.payback.engine.MemoryEstimate;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory check before a run counts what that run keeps: a run without monthly paths (simulate
 * --format json) is not refused for the paths' memory, which it never allocates.
 */
class JsonOnlyMemoryTest {

    @Command(name = "host")
    static final class Host {
        @Mixin
        RunOptions run;
    }

    @Test
    void aRunWithoutMonthlyPathsFitsWhereOneWithThemDoesNot() throws Exception {
        Host h = new Host();
        new CommandLine(h).parseArgs("--threads", "1");
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"));
        Engine.Options all = h.run.engine();
        Engine.Options json = all.withMonthlyPathCap(0);
        // a heap in which scenario B's default 100,000 trials fit without the paths but not with them
        long without = MemoryEstimate.of(b, json).bytes(b.trials());
        long with = MemoryEstimate.of(b, all).bytes(b.trials());
        assertThat(with - without).isGreaterThan(80L << 20);      // 3 strategies x 37 months x 100,000 doubles
        long usable = (with + without) / 2;
        assertThat(h.run.apply(b, json, usable).trials()).isEqualTo(b.trials());
        assertThatThrownBy(() -> h.run.apply(b, all, usable))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("the largest trial count that fits");
    }
}
