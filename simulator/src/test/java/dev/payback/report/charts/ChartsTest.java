package dev.payback.report.charts;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.report.Money;
import dev.payback.report.InputWords;
import dev.payback.report.SensitivityText;
import dev.payback.report.SummaryJson;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every chart for every scenario, the fan's medians and the price curve at the max one-time cost. */
class ChartsTest {
    static final int TRIALS = 2000;

    record Run(SimulationResult result, Summary summary, ChartData data) {
    }

    static Run run(String file) throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path(file));
        s = s.withRun(TRIALS, 7);
        SimulationResult r = Engine.run(s, Engine.Options.defaults());
        Summary summary = Analysis.summarize(r);
        return new Run(r, summary, ChartData.of(r, summary));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a_apparel_single_warehouse.yaml", "b_consumer_goods_multichannel.yaml",
            "c_distributor_spreadsheet_routing.yaml", "template.yaml"})
    void everyChartRendersAsPngAndSvg(String file) throws Exception {
        Run run = run(file);
        List<Charts.ChartSpec> specs = Charts.all(run.data());
        // + 5 KPI charts (tracking plan), + the vendor chart when two or more options have a scorecard
        assertThat(specs).hasSize(6 + 2 * run.summary().options().size() + 5
                + (dev.payback.report.VendorComparison.applies(run.summary()) ? 1 : 0));
        assertThat(specs.stream().map(Charts.ChartSpec::file)).doesNotHaveDuplicates()
                .contains("pain-vs-cost", "payback-probability", "npv", "price-curve", "decision-matrix", "evppi")
                .contains(run.summary().options().stream().map(o -> "payback-fan-" + o.id()).toArray(String[]::new))
                .contains(run.summary().options().stream().map(o -> "tornado-" + o.id()).toArray(String[]::new));
        for (Charts.ChartSpec spec : specs) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartImages.png(spec.chart())));
            assertThat(img).as(spec.file()).isNotNull();
            assertThat(img.getWidth()).isEqualTo(1200);
            assertThat(img.getHeight()).isEqualTo(675);

            Document svg = parse(ChartImages.svgFile(spec.chart(), spec.file()));
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(Arrays.stream(svg.getDocumentElement().getAttribute("viewBox").split(" "))
                    .mapToDouble(Double::parseDouble).toArray()).containsExactly(0, 0, 1200, 675);
            String text = svg.getDocumentElement().getTextContent();
            assertThat(text).as(spec.file()).contains(spec.chart().getTitle().getText().substring(0, 10));
            Document inline = parse(ChartImages.svgElement(spec.chart(), "x-" + spec.file())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(inline.getDocumentElement().hasAttribute("width")).isFalse();
            assertThat(spec.chart().getLegend()).isNotNull();
            assertThat(spec.heading()).isNotBlank();
            assertThat(spec.caption()).isNotBlank();
        }
    }

    @Test
    void fanMedianEqualsTheMonthlyMediansOfThePaths() throws Exception {
        Run run = run("b_consumer_goods_multichannel.yaml");
        MonthlyPaths paths = run.result().paths();
        for (ChartData.OptionView o : run.data().options()) {
            XYSeries median = medianSeries(FanChart.chart(run.data(), o));
            assertThat(median.getItemCount()).isEqualTo(paths.horizon() + 1);
            // C (a staged strategy: C_p) of each retained trial
            double[] oneTime = run.result().columns().option(o.index()).oneTimeCost().toArray();
            double[] start = new double[paths.kept()];
            assertThat(run.result().allRetained()).isTrue(); // rows are trials, so row = trial index
            for (int t = 0; t < start.length; t++) {
                start[t] = -oneTime[paths.trial(t)];
            }
            assertThat(median.getX(0).doubleValue()).isEqualTo(0);
            assertThat(median.getY(0).doubleValue()).isEqualTo(median(start));
            for (int m = 1; m <= paths.horizon(); m++) {
                assertThat(median.getX(m).doubleValue()).isEqualTo(m);
                assertThat(median.getY(m).doubleValue()).as("%s month %d", o.id(), m)
                        .isCloseTo(median(paths.month(o.index(), m)), within(1e-6));
            }
        }
    }

    @Test
    void priceCurveAtTheMaxOneTimeCostEqualsTheConfidence() throws Exception {
        for (String file : List.of("a_apparel_single_warehouse.yaml", "b_consumer_goods_multichannel.yaml")) {
            Run run = run(file);
            double q = run.data().confidence();
            int n = run.data().trials();
            for (ChartData.OptionView o : run.data().options()) {
                double c = o.maxOneTimeCost12();
                assertThat(o.paybackWithin12At(c)).as("%s %s", file, o.id()).isCloseTo(q, within(1.0 / n + 1e-12));
                // The curve is the empirical survival function of max_{m<=12}(cum_m + C), counted here by brute force.
                double[] raw = run.result().columns().option(o.index()).maxCumulativeBeforeOneTime(2).toArray();
                for (double x : new double[] {c, 0, o.quoteMedian(), c * 1.5 + 1000}) {
                    long k = Arrays.stream(raw).filter(v -> v >= x).count();
                    assertThat(o.paybackWithin12At(x)).isEqualTo((double) k / n);
                }
            }
            // The chart draws exactly that function.
            XYPlot plot = PriceCurveChart.chart(run.data()).getXYPlot();
            XYDataset ds = plot.getDataset();
            for (ChartData.OptionView o : run.data().options()) {
                for (int i = 0; i < ds.getItemCount(o.index()); i += 37) {
                    assertThat(ds.getYValue(o.index(), i)).isEqualTo(o.paybackWithin12At(ds.getXValue(o.index(), i)));
                }
            }
        }
    }

    @Test
    void eachOptionKeepsItsColourAcrossCharts() throws Exception {
        Run run = run("b_consumer_goods_multichannel.yaml");
        ChartData d = run.data();
        for (ChartData.OptionView o : d.options()) {
            assertThat(Charts.npv(d).getXYPlot().getRenderer().getSeriesPaint(o.index())).isEqualTo(o.colour());
            assertThat(PriceCurveChart.chart(d).getXYPlot().getRenderer().getSeriesPaint(o.index()))
                    .isEqualTo(o.colour());
            assertThat(Charts.paybackProbability(d).getCategoryPlot().getRenderer().getSeriesPaint(o.index()))
                    .isEqualTo(o.colour());
        }
        assertThat(Palette.option(0)).isNotEqualTo(Palette.option(1));
    }

    /** The tornado's bars, read back from the chart, are the tornado_low/high of summary.json, in its order. */
    @ParameterizedTest
    @ValueSource(strings = {"a_apparel_single_warehouse.yaml", "b_consumer_goods_multichannel.yaml"})
    void tornadoBarsAreTheSummaryTornadoValues(String file) throws Exception {
        Run run = run(file);
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toBytes(run.summary()));
        String cur = json.get("currency").asText();
        for (ChartData.OptionView o : run.data().options()) {
            JFreeChart chart = TornadoChart.chart(run.data(), o);
            XYPlot plot = chart.getXYPlot();
            IntervalXYDataset ds = (IntervalXYDataset) plot.getDataset();
            SymbolAxis rows = (SymbolAxis) plot.getDomainAxis();
            JsonNode entries = json.at("/options/" + o.id() + "/sensitivity");
            double mean = json.at("/options/" + o.id() + "/npv/mean").asDouble();
            int shown = ds.getItemCount(0);
            assertThat(shown).as(o.id()).isBetween(1, TornadoChart.TORNADO_INPUTS);
            assertThat(ds.getItemCount(1)).isEqualTo(shown);
            assertThat((Object) ds.getSeriesKey(0)).isEqualTo(TornadoChart.TORNADO_LOW);
            assertThat((Object) ds.getSeriesKey(1)).isEqualTo(TornadoChart.TORNADO_HIGH);
            assertThat(rows.getSymbols()).hasSize(shown);
            for (int i = 0; i < shown; i++) {
                JsonNode e = entries.get(i);
                assertThat(ds.getXValue(0, i)).isEqualTo(i);
                assertThat(rows.getSymbols()[i]).isEqualTo(InputWords.plainName(e.get("input").asText()));
                assertThat(ds.getYValue(0, i)).isEqualTo(e.get("tornado_low").asDouble());
                assertThat(ds.getYValue(1, i)).isEqualTo(e.get("tornado_high").asDouble());
                // each bar runs from the mean NPV to its tornado value
                for (int k = 0; k < 2; k++) {
                    double v = ds.getYValue(k, i);
                    assertThat(ds.getStartYValue(k, i)).isEqualTo(Math.min(mean, v));
                    assertThat(ds.getEndYValue(k, i)).isEqualTo(Math.max(mean, v));
                }
            }
            // shown: the inputs with the largest swing; those left out swing no more than the last one shown
            if (entries.size() > shown) {
                JsonNode next = entries.get(shown);
                double lastSwing = Math.abs(ds.getYValue(1, shown - 1) - ds.getYValue(0, shown - 1));
                assertThat(Math.abs(next.get("tornado_high").asDouble() - next.get("tornado_low").asDouble()))
                        .isLessThanOrEqualTo(lastSwing);
            }
            // the option's colour, and money in the scenario's currency on the axis and in the title
            assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(o.colour());
            assertThat(((NumberAxis) plot.getRangeAxis()).getNumberFormatOverride().format(250_000.0))
                    .isEqualTo(Money.compact(250_000, cur));
            assertThat(chart.getTitle().getText()).contains(Money.compact(
                    Math.abs(entries.get(0).get("tornado_high").asDouble() - entries.get(0).get("tornado_low").asDouble()),
                    cur));
        }
    }

    /** The value-of-information chart draws summary.json's EVPPIs, largest first, and its EVPI. */
    @Test
    void evppiBarsAreTheSummaryValues() throws Exception {
        Run run = run("c_distributor_spreadsheet_routing.yaml");
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toBytes(run.summary()));
        JFreeChart chart = EvppiChart.chart(run.data());
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset ds = (IntervalXYDataset) plot.getDataset();
        SymbolAxis rows = (SymbolAxis) plot.getDomainAxis();
        JsonNode per = json.at("/value_of_information/per_input");
        assertThat(ds.getItemCount(0)).isEqualTo(Math.min(EvppiChart.EVPPI_INPUTS, per.size()));
        for (int i = 0; i < ds.getItemCount(0); i++) {
            assertThat(rows.getSymbols()[i]).isEqualTo(InputWords.plainName(per.get(i).get("input").asText()));
            assertThat(ds.getYValue(0, i)).isEqualTo(per.get(i).get("evppi").asDouble());
            assertThat(ds.getStartYValue(0, i)).isEqualTo(0);
        }
        double evpi = json.at("/value_of_information/evpi").asDouble();
        assertThat(plot.getRangeMarkers(Layer.FOREGROUND).stream().map(m -> ((ValueMarker) m).getValue()))
                .contains(evpi, SensitivityText.measureThreshold(run.summary()));
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(evpi);
    }

    private static XYSeries medianSeries(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) instanceof XYSeriesCollection c && c.getSeriesIndex(FanChart.MEDIAN) >= 0) {
                return c.getSeries(FanChart.MEDIAN);
            }
        }
        throw new AssertionError("no median series");
    }

    /** The median of the values (the mean of the two middle values when n is even). */
    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : v[n / 2 - 1] + (v[n / 2] - v[n / 2 - 1]) / 2;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
