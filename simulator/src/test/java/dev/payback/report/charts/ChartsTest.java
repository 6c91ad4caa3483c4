package dev.payback.report.charts;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.MonthlyPaths;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.jfree.chart.JFreeChart;
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
import java.nio.file.Path;
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
        Scenario s = ScenarioLoader.load(Path.of("../scenarios", file));
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
        assertThat(specs).hasSize(5 + run.summary().options().size());
        assertThat(specs.stream().map(Charts.ChartSpec::file)).doesNotHaveDuplicates()
                .contains("pain-vs-cost", "payback-probability", "npv", "price-curve", "decision-matrix")
                .contains(run.summary().options().stream().map(o -> "payback-fan-" + o.id()).toArray(String[]::new));
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
            XYSeries median = medianSeries(Charts.fan(run.data(), o));
            assertThat(median.getItemCount()).isEqualTo(paths.horizon() + 1);
            double[] oneTime = run.result().input("options." + o.id() + ".one_time_cost");
            double[] start = new double[paths.kept()];
            for (int t = 0; t < start.length; t++) {
                start[t] = -oneTime[t * paths.stride()];
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
                double[] raw = run.result().columns().options[o.index()].maxCumulativeBeforeOneTime[2];
                for (double x : new double[] {c, 0, o.quoteMedian(), c * 1.5 + 1000}) {
                    long k = Arrays.stream(raw).filter(v -> v >= x).count();
                    assertThat(o.paybackWithin12At(x)).isEqualTo((double) k / n);
                }
            }
            // The chart draws exactly that function.
            XYPlot plot = Charts.priceCurve(run.data()).getXYPlot();
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
            assertThat(Charts.priceCurve(d).getXYPlot().getRenderer().getSeriesPaint(o.index())).isEqualTo(o.colour());
            assertThat(Charts.paybackProbability(d).getCategoryPlot().getRenderer().getSeriesPaint(o.index()))
                    .isEqualTo(o.colour());
        }
        assertThat(Palette.option(0)).isNotEqualTo(Palette.option(1));
    }

    private static XYSeries medianSeries(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) instanceof XYSeriesCollection c && c.getSeriesIndex(Charts.MEDIAN) >= 0) {
                return c.getSeries(Charts.MEDIAN);
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
