package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.Charts;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * report.pdf lays out report.html with an {@code <object>} in place of each inline SVG chart and
 * draws every chart into it from the JFreeChart itself: in the page's order, at the size the print
 * style sheet gives the SVG, with the chart's words as Liberation Sans text, and without Batik.
 */
class PdfChartsTest {
    private static final double PT_PER_MM = 72 / 25.4;
    private static final double PT_PER_PX = 72 / 96.0;

    private static SimulationResult run;
    private static Summary summary;
    private static List<Charts.ChartSpec> specs;
    private static String html;
    private static byte[] pdf;

    @BeforeAll
    static void render(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(2000, 5);
        run = Engine.run(s, Engine.Options.defaults());
        summary = Analysis.summarize(run);
        ChartData data = ChartData.of(run, summary);
        specs = new ArrayList<>(Charts.all(data));
        specs.addAll(Charts.pilotFirst(data, summary));
        Outputs.write(tmp, run, summary, EnumSet.of(OutputFormat.HTML, OutputFormat.PDF));
        html = Files.readString(tmp.resolve(Outputs.REPORT), StandardCharsets.UTF_8);
        pdf = Files.readAllBytes(tmp.resolve(Outputs.REPORT_PDF));
    }

    /** The chart files of report.html's inline SVGs, in page order, the summary's fan first. */
    private static List<String> svgCharts() {
        Document page = Jsoup.parse(html);
        List<String> files = new ArrayList<>();
        for (Element svg : page.select("figure > svg")) {
            files.add(svg.id().replaceFirst("^(chart|summary)-svg-", ""));
        }
        assertThat(page.select("svg")).hasSameSizeAs(files);          // every inline SVG is a chart's
        return files;
    }

    private static String title(String file) {
        return specs.stream().filter(c -> c.file().equals(file)).findFirst().orElseThrow().chart().getTitle()
                .getText();
    }

    /** The text without its white space: lines may break at a space or after a dash. */
    private static String words(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** report.pdf's page, as Outputs lays it out. */
    private static String pdfPage() {
        List<HtmlReport.Chart> charts = specs.stream()
                .map(c -> new HtmlReport.Chart(c.file(), c.heading(), c.caption(), null, c.section())).toList();
        return new String(HtmlReport.renderForPdf(run, summary, charts,
                PdfReport.PageSize.forCurrency(summary.currency()), HtmlReport.PathFigures.of(run, summary)),
                StandardCharsets.UTF_8);
    }

    @Test
    void thePdfsPageIsReportHtmlWithAnObjectForEachSvg() {
        String page = pdfPage();
        // report.html with each <svg id='…-svg-FILE' …>…</svg> put back as the object, the style sheet's svg as object
        Matcher svg = Pattern.compile("<svg id='((?:chart|summary)-svg-([^']+))'.*?</svg>", Pattern.DOTALL)
                .matcher(html);
        StringBuilder expected = new StringBuilder();
        int objects = 0;
        while (svg.find()) {
            svg.appendReplacement(expected, Matcher.quoteReplacement("<object id=\"" + svg.group(1)
                    + "\" type=\"application/x-payback-chart\" data-chart=\"" + svg.group(2) + "\"></object>"));
            objects++;
        }
        svg.appendTail(expected);
        assertThat(objects).isEqualTo(svgCharts().size()).isGreaterThan(10);
        assertThat(page).doesNotContain("<svg")
                .isEqualTo(expected.toString().replace("figure svg {", "figure object {")
                        .replace("figure.fan svg {", "figure.fan object {"));
    }

    @Test
    void everyChartsTitleIsTextInPageOrderOnThePageOfItsHeadingAndCaption() throws IOException {
        Document page = Jsoup.parse(html);
        List<Element> figures = page.select("figure:has(> svg)");
        List<String> files = svgCharts();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper text = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                text.setStartPage(p);
                text.setEndPage(p);
                pages.add(words(text.getText(doc)));
            }
            int p = 0;
            int from = 0;
            for (int k = 0; k < files.size(); k++) {
                String title = words(title(files.get(k)));
                // the titles follow one another through the pages in the order of report.html's charts
                while (p < pages.size() && pages.get(p).indexOf(title, from) < 0) {
                    p++;
                    from = 0;
                }
                assertThat(p).as("page of the chart %s, titled %s", files.get(k), title).isLessThan(pages.size());
                from = pages.get(p).indexOf(title, from) + title.length();
                Element figure = figures.get(k);
                assertThat(pages.get(p)).as(files.get(k)).contains(words(figure.selectFirst("figcaption").text()));
                if (k > 0) {                                      // the summary's fan shows no heading
                    assertThat(pages.get(p)).as(files.get(k)).contains(words(figure.selectFirst("h3").text()));
                }
            }
            assertThat(files.get(0)).startsWith("payback-fan-");
            assertThat(pages.get(0)).contains(words(title(files.get(0))));   // the one-page summary's fan
        }
    }

    @Test
    void everyChartIsDrawnAtThePrintSizeOfItsSvgWithLiberationSansText() throws IOException {
        List<String> files = svgCharts();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<double[]> sizes = new ArrayList<>();
            Map<String, Integer> fonts = new HashMap<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(name);
                    if (x instanceof PDFormXObject form) {
                        double scale = form.getMatrix().getScalingFactorX();
                        sizes.add(new double[] {form.getBBox().getWidth() * scale, form.getBBox().getHeight() * scale});
                        PDResources inner = form.getResources();
                        for (COSName f : inner.getFontNames()) {
                            PDFont font = inner.getFont(f);
                            fonts.merge(font.getName().replaceFirst("^[A-Z]{6}\\+", ""), 1, Integer::sum);
                        }
                    }
                }
            }
            assertThat(sizes).hasSameSizeAs(files);
            for (int k = 0; k < sizes.size(); k++) {
                // the print style sheet: 108 mm × 60.75 mm for the summary's fan, 150 mm × 84.4 mm for the
                // others, each with a 1 px border inside (box-sizing: border-box); the chart's form is its
                // content box rounded up to whole pixels
                double w = (k == 0 ? 108 : 150) * PT_PER_MM - 2 * PT_PER_PX;
                double h = (k == 0 ? 60.75 : 84.4) * PT_PER_MM - 2 * PT_PER_PX;
                assertThat(sizes.get(k)[0]).as("width of %s", files.get(k)).isBetween(w - 1e-3, w + PT_PER_PX);
                assertThat(sizes.get(k)[1]).as("height of %s", files.get(k)).isBetween(h - 1e-3, h + PT_PER_PX);
            }
            assertThat(fonts.keySet()).containsExactlyInAnyOrder("LiberationSans", "LiberationSans-Bold");
        }
    }

    @Test
    void thePagesAreThoseOfThePageWithTheChartsBoxesLeftEmpty() throws IOException {
        // the same page with objects no drawer claims: plain blocks that the style sheet sizes as it
        // sizes the charts, so the layout is the same without any chart drawn
        byte[] empty = pdfPage().replace(PdfReport.CHART_TYPE, "application/x-nothing")
                .getBytes(StandardCharsets.UTF_8);
        try (PDDocument charts = Loader.loadPDF(pdf); PDDocument boxes = Loader.loadPDF(PdfReport.render(empty))) {
            assertThat(charts.getNumberOfPages()).isEqualTo(boxes.getNumberOfPages());
            PDFTextStripper text = new PDFTextStripper();
            for (int p = 1; p <= boxes.getNumberOfPages(); p++) {
                text.setStartPage(p);
                text.setEndPage(p);
                String withCharts = words(text.getText(charts));
                for (String line : text.getText(boxes).split("\\R")) {
                    assertThat(withCharts).as("page %d", p).contains(words(line));
                }
            }
        }
    }

    @Test
    void batikIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.openhtmltopdf.svgsupport.BatikSVGDrawer"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.batik.bridge.BridgeContext"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
