package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;
import dev.payback.engine.Engine;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.PilotLoader;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-English verdict. */
class PilotTextTest {

    @Test
    void ordinalsAndPercentilePhrases() {
        assertThat(PilotText.ordinal(1)).isEqualTo("1st");
        assertThat(PilotText.ordinal(2)).isEqualTo("2nd");
        assertThat(PilotText.ordinal(3)).isEqualTo("3rd");
        assertThat(PilotText.ordinal(11)).isEqualTo("11th");
        assertThat(PilotText.ordinal(12)).isEqualTo("12th");
        assertThat(PilotText.ordinal(13)).isEqualTo("13th");
        assertThat(PilotText.ordinal(21)).isEqualTo("21st");
        assertThat(PilotText.ordinal(71)).isEqualTo("71st");
        assertThat(PilotText.percentilePhrase(0.714)).isEqualTo("at the 71st percentile");
        assertThat(PilotText.percentilePhrase(0)).isEqualTo("below everything");
        assertThat(PilotText.percentilePhrase(1)).isEqualTo("above everything");
        assertThat(PilotText.percentilePhrase(0.001)).isEqualTo("at the 1st percentile");
    }

    @Test
    void aPilotShortOfItsTargetIsANoGoThatSaysSo() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml")).withRun(20_000, 4);
        Pilot p = PilotLoader.parse("""
                option: orchestrate
                scope_share: 0.25
                success_criteria: {exception_rate_reduction: 0.30}
                months:
                  - {month: 0, orders: 3000, exceptions: 420}
                  - {month: 1, orders: 3000, exceptions: 410}
                  - {month: 2, orders: 3000, exceptions: 390}
                  - {month: 3, orders: 3000, exceptions: 378}
                """, "p.yaml", s);
        PilotUpdate.Result r = PilotUpdate.analyze(Engine.run(s, Engine.Options.defaults()), p);
        assertThat(r.go()).isFalse();
        String v = PilotText.verdict(r);
        assertThat(v).startsWith("No-go. The pilot cut exceptions by 10%, below the 30% target and ");
        // a 10% cut is far below the projected 25-55% effects: a failed rollout is now likely, so the odds drop
        assertThat(r.updated().option().paybackProbability().get(12))
                .isLessThan(r.prior().option().paybackProbability().get(12));
        assertThat(v).contains("of what we projected; the full rollout now pays back within 12 months in ", "down from");
        assertThat(r.updated().option().npv().p50()).isLessThan(r.prior().option().npv().p50());
        String loss = dev.payback.report.Money.percent(r.updated().option().pNpvNegative());
        assertThat(v).contains("and loses money over the horizon (NPV < 0) in " + loss + " of futures");
    }
}
