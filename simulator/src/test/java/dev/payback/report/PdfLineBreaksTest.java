package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.Charts;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where report.pdf's lines break: the run line under the title is one line on A4 and on Letter
 * whatever the sampling method it names, and an amount ("$42.6k", "−$46.1k", "+0.43") is never cut
 * across two lines.
 */
class PdfLineBreaksTest {

    /** The lines of the PDF's text, each with its white space collapsed. */
    private static List<String> lines(byte[] pdf, int firstPage, int lastPage) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(firstPage);
            text.setEndPage(Math.min(lastPage, doc.getNumberOfPages()));
            return Arrays.stream(text.getText(doc).split("\\R")).map(l -> l.replaceAll("\\s+", " ").trim())
                    .filter(l -> !l.isEmpty()).toList();
        }
    }

    private static List<String> lines(byte[] pdf) throws IOException {
        return lines(pdf, 1, Integer.MAX_VALUE);
    }

    /** report.pdf's page for the run, laid out with each chart's box left empty (the layout is the same). */
    private static byte[] pdf(SimulationResult run, Summary summary, PdfReport.PageSize size) {
        List<HtmlReport.Chart> charts = Charts.all(ChartData.of(run, summary)).stream()
                .map(c -> new HtmlReport.Chart(c.file(), c.heading(), c.caption(), null, c.section())).toList();
        String page = new String(HtmlReport.renderForPdf(run, summary, charts, size,
                HtmlReport.PathFigures.of(run, summary)), StandardCharsets.UTF_8);
        return PdfReport.render(page.replace(PdfReport.CHART_TYPE, "application/x-nothing")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRunLineIsOneLineOnA4AndLetterForEachSamplingMethod() throws Exception {
        // an eight-digit seed: a longer run line than the default run's (100,000 futures, seed 42)
        Scenario b = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(20_000, 20_261_203);
        for (SamplingMethod method : SamplingMethod.values()) {
            SimulationResult run = Engine.run(b, Engine.Options.defaults().withSampling(method));
            Summary summary = Analysis.summarize(run);
            String runLine = Jsoup.parse(new String(HtmlReport.render(run, summary, List.of()),
                    StandardCharsets.UTF_8)).selectFirst("p.run").text();
            assertThat(runLine).contains("20,000 simulated futures", "random seed 20261203",
                    SamplingText.name(method.name().toLowerCase(java.util.Locale.ROOT)), "discount rate");
            for (PdfReport.PageSize size : PdfReport.PageSize.values()) {
                assertThat(lines(pdf(run, summary, size), 1, 1)).as("%s on %s", method, size).contains(runLine);
            }
        }
    }

    /** Amounts as the report writes them, between words and punctuation, without a dash between words. */
    private static final String AMOUNTS = "what orchestrate would remove in its first year (median $42.6k) "
            + "exceeds its cost (median $5.2k) in 94% of futures; a median NPV of $1.2M, a P10 of −$46.1k "
            + "and a rank correlation of +0.43, 1.5× the pain of $118,250 a year.";

    @Test
    void noAmountIsCutAcrossTwoLinesAtAnyWidth() throws IOException {
        // the same sentence in boxes 1 px apart: some width puts each of its break opportunities at a line's end
        StringBuilder html = new StringBuilder("<html><head><style>p { font: 10pt 'Liberation Sans'; "
                + "margin: 0 0 6px; }</style></head><body>");
        for (int width = 80; width <= 320; width++) {
            html.append("<p style=\"width: ").append(width).append("px\">").append(AMOUNTS).append("</p>");
        }
        html.append("</body></html>");
        List<String> lines = lines(PdfReport.render(html.toString().getBytes(StandardCharsets.UTF_8)));
        Set<String> words = new HashSet<>(Arrays.asList(AMOUNTS.split(" ")));
        assertThat(lines).hasSizeGreaterThan(241 * 3);
        for (String line : lines) {
            if (line.startsWith("page ")) {
                continue;
            }
            for (String word : line.split(" ")) {
                assertThat(words).as("a word of the line \"%s\"", line).contains(word);
            }
        }
    }

    @Test
    void theFiveTestsAmountsAreWholeOnTheirLines() throws Exception {
        // scenario A's evidence of test 4 broke "$5.2k" after "$5.2" at 100,000 trials; here each amount of
        // the five tests' evidence must be found whole on one line of the pages
        Scenario a = ScenarioLoader.load(dev.payback.Shipped.path("a_apparel_single_warehouse.yaml"))
                .withRun(20_000, 42);
        SimulationResult run = Engine.run(a, Engine.Options.defaults());
        Summary summary = Analysis.summarize(run);
        for (PdfReport.PageSize size : PdfReport.PageSize.values()) {
            String text = String.join("\n", lines(pdf(run, summary, size), 1, 4));
            for (Summary.FiveTest t : summary.fiveTests()) {
                Matcher amount = Pattern.compile("[−+-]?\\$[0-9][0-9.,]*[0-9][kM]?")
                        .matcher(FiveTestText.evidence(t, summary.currency()));
                while (amount.find()) {
                    assertThat(text).as("%s on %s", amount.group(), size).contains(amount.group());
                }
            }
        }
    }
}
