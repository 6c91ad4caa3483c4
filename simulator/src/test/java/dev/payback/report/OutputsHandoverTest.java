package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run handed over to the outputs comes back without its monthly paths (so they can be collected),
 * the run itself unchanged, and the files are the same, byte for byte, as from a run that is only
 * shared, in one thread or in a pool of two (the PDF laid out beside the workbook).
 */
class OutputsHandoverTest {

    @Test
    void handedOverRunWritesTheSameFilesAndLetsThePathsGo(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(2000, 5);
        SimulationResult result = Engine.run(s, Engine.Options.defaults());
        Summary summary = Analysis.summarize(result);
        List<Path> shared = Outputs.write(tmp.resolve("shared"), result, summary, EnumSet.allOf(OutputFormat.class));

        AtomicReference<SimulationResult> held = new AtomicReference<>(result);
        ForkJoinPool pool = new ForkJoinPool(2);
        List<Path> handed;
        try (OutputFolder f = OutputFolder.open(tmp.resolve("handed"))) {
            handed = pool.submit(() -> Outputs.write(f, held, summary, EnumSet.allOf(OutputFormat.class),
                    PdfReport.PageSize.forCurrency(summary.currency()), WorkbookOptions.DEFAULT, StageTimes.off()))
                    .get();
            f.publish();
        } finally {
            pool.shutdown();
        }
        assertThat(held.get().paths()).isNull();
        assertThat(held.get().columns()).isSameAs(result.columns());
        assertThat(result.paths()).isNotNull();                       // the run that was handed over is unchanged
        assertThat(handed).hasSameSizeAs(shared);
        for (int k = 0; k < shared.size(); k++) {
            assertThat(tmp.resolve("handed").relativize(handed.get(k)))
                    .isEqualTo(tmp.resolve("shared").relativize(shared.get(k)));  // same files, same order
            assertThat(Files.readAllBytes(handed.get(k))).as(shared.get(k).toString())
                    .isEqualTo(Files.readAllBytes(shared.get(k)));
        }
    }
}
