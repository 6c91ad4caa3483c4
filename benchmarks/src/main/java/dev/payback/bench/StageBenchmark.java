package dev.payback.bench;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.BusinessCaseXlsx;
import dev.payback.report.HtmlReport;
import dev.payback.report.SummaryCsv;
import dev.payback.report.SummaryJson;
import dev.payback.report.WorkbookOptions;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Charts;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every stage of {@code payback simulate} after loading, warm, one benchmark per stage, on scenario
 * B at its default 100,000 trials: the same stages {@code simulate --timings} reports cold. The gap
 * between the two is start-up (class loading, compilation), which is most of a default run.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StageBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true"})
public class StageBenchmark {
    @Param("scenarios/b_consumer_goods_multichannel.yaml")
    public String scenario;

    @Param("100000")
    public int trials;

    private Scenario loaded;
    private SimulationResult result;
    private Summary summary;
    private List<Charts.ChartSpec> charts;
    private List<HtmlReport.Chart> inline;

    @Setup
    public void setUp() throws Exception {
        loaded = ScenarioLoader.load(Path.of(scenario), List.of(), null).withRun(trials, 42);
        result = Engine.run(loaded, Engine.Options.defaults());
        summary = Analysis.summarize(result);
        charts = Charts.all(ChartData.of(result, summary));
        inline = charts.stream().map(c -> new HtmlReport.Chart(c.file(), c.heading(), c.caption(),
                ChartImages.render(c.chart(), false, null, "chart-svg-" + c.file()).svgElement(), c.section()))
                .toList();
    }

    @Benchmark
    public Scenario load() throws Exception {
        return ScenarioLoader.load(Path.of(scenario), List.of(), null);
    }

    @Benchmark
    public SimulationResult engine() throws Exception {
        return Engine.run(loaded, Engine.Options.defaults());
    }

    @Benchmark
    public Sensitivity sensitivity() {
        return Sensitivity.of(result);
    }

    @Benchmark
    public Summary headlineStatistics() {
        return Analysis.headlines(result);
    }

    @Benchmark
    public byte[] json() {
        return SummaryJson.toBytes(summary);
    }

    @Benchmark
    public int csv() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryCsv.write(summary, out);
        return out.size();
    }

    @Benchmark
    public int xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BusinessCaseXlsx.write(result, summary, WorkbookOptions.DEFAULT, out);
        return out.size();
    }

    @Benchmark
    public List<Charts.ChartSpec> chartData() {
        return Charts.all(ChartData.of(result, summary));
    }

    /** Every chart as PNG, SVG file and inline SVG, one chart after another (the CLI renders them in parallel). */
    @Benchmark
    public int charts() {
        int bytes = 0;
        for (Charts.ChartSpec c : charts) {
            ChartImages.Rendered r = ChartImages.render(c.chart(), true, c.file(), "chart-svg-" + c.file());
            bytes += r.png().length + r.svgFile().length + r.svgElement().length();
        }
        return bytes;
    }

    @Benchmark
    public byte[] html() {
        return HtmlReport.render(result, summary, inline);
    }
}
