package dev.payback.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRawPDFontMetrics;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import com.openhtmltopdf.pdfboxout.fontstore.AbstractFontStore;
import org.apache.fontbox.FontBoxFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.pdf does not send PDFBox looking through the system's fonts: the standard fonts OpenHTMLtoPDF
 * registers get the bundled Liberation Sans, so a run neither warns on standard error that Symbol and
 * ZapfDingbats are missing (as it did on every run on a machine without them) nor writes PDFBox's
 * font cache into the user's home.
 */
class PdfFontMapperTest {

    @Test
    void aReportIsLaidOutWithoutPdfboxWarningsAndWithTheBundledMapper() {
        Logger pdfbox = Logger.getLogger("org.apache.pdfbox");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        pdfbox.addHandler(handler);
        try {
            byte[] pdf = PdfReport.render(("<html><head><style>body{font-family:'Liberation Sans'}</style></head>"
                    + "<body><h1>Pilot first?</h1><p>Orchestrate pays back within 12 months in 72% of futures.</p>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8));
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        } finally {
            pdfbox.removeHandler(handler);
        }
        assertThat(FontMappers.instance()).isInstanceOf(PdfReport.BundledFontMapper.class);
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    /**
     * OpenHTMLtoPDF makes the 14 standard fonts for every PDF and reads their metrics, which PDFBox
     * takes from its AFM files: the Liberation Sans the mapper hands over for their glyphs is not
     * parsed for that, and answers as the parsed font once asked.
     */
    @Test
    void theStandardFontsMetricsLeaveTheirGlyphsUnparsed() throws Exception {
        PdfReport.render("<html><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(FontMappers.instance()).isInstanceOf(PdfReport.BundledFontMapper.class);
        for (Standard14Fonts.FontName name : Standard14Fonts.FontName.values()) {
            PDType1Font font = new PDType1Font(name);
            PdfBoxRawPDFontMetrics metrics = PdfBoxRawPDFontMetrics.fromPdfBox(font, font.getFontDescriptor());
            assertThat(metrics._ascent).as(name + " ascent, from the AFM file").isPositive();
            assertThat(font.getFontBoxFont()).isInstanceOf(PdfReport.DeferredSans.class);
            assertThat(((PdfReport.DeferredSans) font.getFontBoxFont()).used()).as(name.getName()).isFalse();
        }
        // Helvetica's width of "A" from its AFM file (667/1000 em), still without the glyphs
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        assertThat(helvetica.getStringWidth("A")).isEqualTo(667f);
        PdfReport.DeferredSans glyphs = (PdfReport.DeferredSans) helvetica.getFontBoxFont();
        assertThat(glyphs.used()).isFalse();
        try (TrueTypeFont sans = new TTFParser().parse(new RandomAccessReadBuffer(
                PdfReport.fontBytes("LiberationSans-Regular.ttf")))) {
            assertThat(glyphs.getWidth("A")).isEqualTo(sans.getWidth("A")).isEqualTo(1366f);
            assertThat(glyphs.used()).isTrue();
            assertThat(glyphs.getName()).isEqualTo(sans.getName()).isEqualTo("LiberationSans");
            assertThat(glyphs.hasGlyph("Euro")).isEqualTo(sans.hasGlyph("Euro")).isTrue();
            assertThat(glyphs.getFontBBox().getUpperRightY()).isEqualTo(sans.getFontBBox().getUpperRightY());
            assertThat(glyphs.getPath("A").getBounds2D()).isEqualTo(sans.getPath("A").getBounds2D());
        }
    }

    /**
     * {@link PdfReport#loadFontData()} reads the standard fonts in the reverse of the order OpenHTMLtoPDF
     * makes them (recorded from the mapper PDFBox asks for each one as it is made), every one once.
     */
    @Test
    void theFontDataIsReadInTheReverseOfTheRenderersOrder() throws Exception {
        PdfReport.loadFontData();
        FontMapper bundled = FontMappers.instance();
        assertThat(bundled).isInstanceOf(PdfReport.BundledFontMapper.class);
        List<String> asked = new CopyOnWriteArrayList<>();
        FontMappers.set(new FontMapper() {
            @Override
            public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
                return bundled.getTrueTypeFont(baseFont, descriptor);
            }

            @Override
            public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
                asked.add(baseFont);
                return bundled.getFontBoxFont(baseFont, descriptor);
            }

            @Override
            public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo info) {
                return bundled.getCIDFont(baseFont, descriptor, info);
            }
        });
        try (PDDocument doc = new PDDocument()) {
            new AbstractFontStore.BuiltinFontStore(doc);
        } finally {
            FontMappers.set(bundled);
        }
        List<String> reversed = new ArrayList<>(PdfReport.STANDARD_FONTS_REVERSED.stream()
                .map(Standard14Fonts.FontName::getName).toList());
        Collections.reverse(reversed);
        assertThat(asked).isEqualTo(reversed);
        assertThat(PdfReport.STANDARD_FONTS_REVERSED).containsExactlyInAnyOrder(Standard14Fonts.FontName.values());
    }
}
