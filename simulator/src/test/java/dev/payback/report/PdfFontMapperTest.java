package dev.payback.report;

import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
}
