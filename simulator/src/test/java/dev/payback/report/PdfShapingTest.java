package dev.payback.report;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.pdf skips PDFBox's text shaping only where it would change no glyph: the PDF is then the
 * same, byte for byte, as with the whole fonts.
 */
class PdfShapingTest {

    @Test
    void liberationSansShapesOnlyTheToneLetters() {
        // Liberation Sans 2's GSUB has ccmp (contours of tone letters U+02E5..U+02E9), subs and sups;
        // no liga or clig, and the Latin shaper applies ccmp, liga and clig only
        PdfReport.Shaping sans = PdfReport.Shaping.of(PdfReport.fontBytes("LiberationSans-Regular.ttf"));
        assertThat(sans.triggers()).containsExactlyInAnyOrder(0x2E5, 0x2E6, 0x2E7, 0x2E8, 0x2E9);
        assertThat(sans.needed("Payback within 12 months: 72% — orchestrate, €1.2m ≥ $48k fi fl")).isFalse();
        assertThat(sans.needed("tone \u02E5\u02E9")).isTrue();
        // Liberation Mono has subs and sups only: nothing the Latin shaper applies
        PdfReport.Shaping mono = PdfReport.Shaping.of(PdfReport.fontBytes("LiberationMono-Regular.ttf"));
        assertThat(mono.triggers()).isEmpty();
        assertThat(mono.needed("\u02E5\u02E9")).isFalse();
    }

    @Test
    void theBundledFontsShapingIsWhatTheirGsubTablesGive() {
        // a run takes each bundled font's triggers from BUNDLED_TRIGGERS instead of parsing its GSUB table
        assertThat(PdfReport.Shaping.BUNDLED_TRIGGERS).containsOnlyKeys("LiberationSans-Regular.ttf",
                "LiberationSans-Bold.ttf", "LiberationMono-Regular.ttf");
        for (String file : PdfReport.Shaping.BUNDLED_TRIGGERS.keySet()) {
            PdfReport.Shaping parsed = PdfReport.Shaping.of(PdfReport.fontBytes(file));
            PdfReport.Shaping bundled = PdfReport.Shaping.of(file);
            assertThat(bundled.triggers()).as(file).isNotNull().isEqualTo(parsed.triggers());
            assertThat(bundled.font()).as(file).isEqualTo(parsed.font());
            assertThat(bundled.withoutGsub()).as(file).isNotNull().isEqualTo(parsed.withoutGsub());
        }
    }

    @Test
    void aTextNeedsShapingWhenOneOfItsCodePointsIsATrigger() {
        byte[] font = {0};
        PdfReport.Shaping s = new PdfReport.Shaping(font, new byte[] {1}, Set.of(0x2E5, 0x1F600));
        assertThat(s.needed("")).isFalse();
        assertThat(s.needed("Payback in 72% of futures")).isFalse();
        assertThat(s.needed("tone \u02E5")).isTrue();
        assertThat(s.needed("\u02E5 first")).isTrue();
        assertThat(s.needed("a \uD83D\uDE00 b")).as("U+1F600 as its surrogate pair").isTrue();
        assertThat(s.needed("a \uD83D b \uDE00")).as("its surrogates apart").isFalse();
        assertThat(s.needed("a \uD83D\uDE01 b")).as("U+1F601").isFalse();
        // no trigger: never; a font kept whole (no GSUB, or not the Latin shaper): always
        assertThat(new PdfReport.Shaping(font, new byte[] {1}, Set.of()).needed("\u02E5")).isFalse();
        assertThat(new PdfReport.Shaping(font, null, null).needed("plain")).isTrue();
        assertThat(new PdfReport.Shaping(font, new byte[] {1}, null).needed("plain")).isTrue();
    }

    @Test
    void theFontWithoutGsubKeepsEveryOtherTable() throws Exception {
        byte[] whole = PdfReport.fontBytes("LiberationSans-Bold.ttf");
        byte[] stripped = PdfReport.Shaping.withoutTable(whole, "GSUB");
        assertThat(stripped).hasSameSizeAs(whole);
        try (TrueTypeFont a = new TTFParser().parse(new RandomAccessReadBuffer(whole));
             TrueTypeFont b = new TTFParser().parse(new RandomAccessReadBuffer(stripped))) {
            Set<String> expected = new HashSet<>(a.getTableMap().keySet());
            expected.remove("GSUB");
            assertThat(b.getTableMap().keySet()).isEqualTo(expected);
            assertThat(b.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
            assertThat(b.getNumberOfGlyphs()).isEqualTo(a.getNumberOfGlyphs());
            assertThat(b.getUnicodeCmapLookup().getGlyphId('W')).isEqualTo(a.getUnicodeCmapLookup().getGlyphId('W'));
        }
        assertThat(PdfReport.Shaping.withoutTable(stripped, "GSUB")).isNull();
    }

    @Test
    void skippingShapingChangesNoByteOfThePdf() {
        String page = "<html><head><style>body{font-family:'Liberation Sans'} code{font-family:monospace}</style>"
                + "</head><body><h1>Pilot first?</h1><p><b>Orchestrate</b> pays back within 12 months in 72% of "
                + "futures — profit, office, €1.2m ≥ $48k.</p><p><code>payback simulate b.yaml</code></p>"
                + "<object type='" + PdfReport.CHART_TYPE + "' data-chart='npv' style='display:block;width:160px;"
                + "height:90px'></object></body></html>";
        byte[] html = page.getBytes(StandardCharsets.UTF_8);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(528_000, "orchestrate", "NPV");
        Map<String, JFreeChart> charts = Map.of("npv", ChartFactory.createBarChart("NPV $528k", null, null, data));
        assertThat(PdfReport.render(html, charts)).isEqualTo(PdfReport.render(html, charts, true));
    }

    @Test
    void aChartStringWithToneLettersIsWrittenWithTheWholeFont() {
        // the page has no tone letter, the chart's title has: the title alone is shaped, as the whole font would be
        String page = "<html><body style=\"font-family:'Liberation Sans'\"><p>Pilot first?</p><object type='"
                + PdfReport.CHART_TYPE + "' data-chart='tones' style='display:block;width:160px;height:90px'>"
                + "</object></body></html>";
        byte[] html = page.getBytes(StandardCharsets.UTF_8);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(1, "orchestrate", "NPV");
        Map<String, JFreeChart> charts = Map.of("tones",
                ChartFactory.createBarChart("tone \u02E5\u02E9\u02E5 letters", null, null, data));
        assertThat(PdfReport.render(html, charts)).isEqualTo(PdfReport.render(html, charts, true));
    }

    @Test
    void aPageWithToneLettersKeepsTheWholeFont() {
        String page = "<html><body style=\"font-family:'Liberation Sans'\"><p>tone \u02E5\u02E9 letters</p>"
                + "</body></html>";
        PdfReport.Shaping sans = PdfReport.Shaping.of(PdfReport.fontBytes("LiberationSans-Regular.ttf"));
        assertThat(sans.needed(page)).isTrue();
        assertThat(PdfReport.render(page.getBytes(StandardCharsets.UTF_8)))
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }
}
