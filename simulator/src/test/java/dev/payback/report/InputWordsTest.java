package dev.payback.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputWordsTest {
    @Test
    void plainNames() {
        assertThat(InputWords.plainName("pain.exception_rate")).isEqualTo("exception rate");
        assertThat(InputWords.plainName("options.orchestrate.effects.exception_rate"))
                .isEqualTo("orchestrate's effect on exception rate");
        assertThat(InputWords.plainName("options.orchestrate.one_time_cost")).isEqualTo("orchestrate's one time cost");
        assertThat(InputWords.plainName("pain.events.outage.probability")).isEqualTo("chance of outage");
        assertThat(InputWords.plainName("pain.other.marketplace_penalties"))
                .isEqualTo("marketplace penalties (yearly cost)");
    }
}
