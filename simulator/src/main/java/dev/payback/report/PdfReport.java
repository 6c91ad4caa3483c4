package dev.payback.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * report.pdf: report.html laid out for paper by OpenHTMLtoPDF (PDFBox underneath, Batik for the
 * inline SVG charts), with Liberation Sans embedded so the PDF looks the same everywhere. The
 * first page is the one-page summary (the "What to do" section, which the print style sheet ends
 * with a page break). The file is deterministic: the same report gives the same bytes (fixed
 * dates, an ID derived from the content).
 */
public final class PdfReport {
    private PdfReport() {
    }

    private static final String FONTS = "/dev/payback/report/fonts/";

    static {
        XRLog.setLoggingEnabled(false);
    }

    /** The paper size: from the currency (USD and CAD print on Letter, the rest on A4) or chosen. */
    public enum PageSize {
        A4("A4"), LETTER("letter");

        private final String css;

        PageSize(String css) {
            this.css = css;
        }

        /** The CSS {@code @page size} value. */
        public String css() {
            return css;
        }

        /** Letter for US and Canadian dollars, A4 for every other currency. */
        public static PageSize forCurrency(String currency) {
            return currency.equals("USD") || currency.equals("CAD") ? LETTER : A4;
        }
    }

    /** The PDF of a report page rendered with that page size's style sheet. */
    public static byte[] render(byte[] html) {
        org.w3c.dom.Document doc = new W3CDom().fromJsoup(Jsoup.parse(new String(html, StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withW3cDocument(doc, "about:blank");
        b.useSVGDrawer(new BatikSVGDrawer());
        b.withProducer("payback");
        b.withDiagnosticConsumer(d -> { });
        for (String family : new String[] {"Liberation Sans", "Helvetica", "Arial", "sans-serif", "-apple-system",
                "Segoe UI"}) {
            b.useFont(() -> font("LiberationSans-Regular.ttf"), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("LiberationSans-Bold.ttf"), family, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        for (String family : new String[] {"Liberation Mono", "monospace", "SFMono-Regular", "Consolas"}) {
            b.useFont(() -> font("LiberationMono-Regular.ttf"), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        b.toStream(java.io.OutputStream.nullOutputStream());
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            PDDocument pdf = renderer.getPdfDocument();
            fixIdentity(pdf, html);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Fixed dates and an ID from the page's digest, so the same report always gives the same file. */
    private static void fixIdentity(PDDocument pdf, byte[] html) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        Calendar epoch = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        epoch.clear();
        epoch.set(2026, Calendar.JANUARY, 1);
        info.setCreationDate(epoch);
        info.setModificationDate(epoch);
        info.setProducer("payback");
        info.setCreator("payback");
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(html);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] id = java.util.Arrays.copyOf(digest, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static InputStream font(String file) {
        InputStream in = PdfReport.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("missing font " + file);
        }
        return in;
    }
}
