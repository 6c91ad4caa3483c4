package dev.payback.report;

import dev.payback.analysis.Analysis;
import dev.payback.analysis.Summary;
import dev.payback.engine.Engine;
import dev.payback.engine.SimulationResult;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.ScenarioLoader;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workbooks written with fastexcel through {@link StableXlsx}: the same bytes whatever the clock
 * and the JVM's identity hashes, a zip every reader accepts, and what a user sees of the Decision sheet.
 */
class StableXlsxTest {
    static SimulationResult result;
    static Summary summary;

    @BeforeAll
    static void run() throws Exception {
        Scenario s = ScenarioLoader.load(dev.payback.Shipped.path("b_consumer_goods_multichannel.yaml"))
                .withRun(2000, 5);
        result = Engine.run(s, Engine.Options.defaults());
        summary = Analysis.summarize(result);
    }

    private static byte[] businessCase() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BusinessCaseXlsx.write(result, summary, out);
        return out.toByteArray();
    }

    /**
     * Every part of the zip, by name, uncompressed: read through the central directory as spreadsheet
     * programs do (each part checked against its CRC and size) and, the same, with ZipInputStream, which
     * reads the local headers and data descriptors in order.
     */
    private static Map<String, byte[]> parts(byte[] zip) throws IOException {
        Path file = Files.createTempFile("stable", ".xlsx");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    byte[] b;
                    try (var in = z.getInputStream(e)) {
                        b = in.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(b);
                    assertThat(crc.getValue()).as(e.getName()).isEqualTo(e.getCrc());
                    assertThat((long) b.length).as(e.getName()).isEqualTo(e.getSize());
                    parts.put(e.getName(), b);
                }
            }
        } finally {
            Files.delete(file);
        }
        Map<String, byte[]> streamed = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                streamed.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(streamed.keySet()).containsExactlyElementsOf(parts.keySet());
        for (String name : parts.keySet()) {
            assertThat(streamed.get(name)).as(name).isEqualTo(parts.get(name));
        }
        return parts;
    }

    /** The DOS time and date of each central directory record (offset 12 of a record, read by hand). */
    private static List<Long> entryTimes(byte[] zip) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                times.add((zip[i + 12] & 0xffL) | (zip[i + 13] & 0xffL) << 8 | (zip[i + 14] & 0xffL) << 16
                        | (zip[i + 15] & 0xffL) << 24);
            }
        }
        return times;
    }

    @Test
    void sameBytesAtAnotherMillisecondAndWithOtherIdentityHashes() throws Exception {
        byte[] first = businessCase();
        // fastexcel stamps core.xml with the time to the millisecond: wait (without sleeping) for the
        // clock to move on before writing again
        long t = System.currentTimeMillis();
        while (System.currentTimeMillis() == t) {
            Thread.onSpinWait();
        }
        // each write makes new worksheets, whose identity hashes order fastexcel's set of merged ranges
        for (int k = 0; k < 4; k++) {
            assertThat(businessCase()).isEqualTo(first);
        }
        String core = new String(parts(first).get("docProps/core.xml"), StandardCharsets.UTF_8);
        assertThat(core).doesNotContain("created").contains("<dc:creator>payback</dc:creator>");
        assertThat(entryTimes(first)).hasSize(parts(first).size()).containsOnly(0L);
    }

    @Test
    void decisionSheetKeepsItsLookMergesAndSelection() throws Exception {
        byte[] bytes = businessCase();
        String sheet = new String(parts(bytes).get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        // the merged ranges in row order (as they were made), each one row from A to C
        Matcher m = Pattern.compile("<mergeCell ref=\"A([0-9]+):C([0-9]+)\"/>").matcher(sheet);
        List<Integer> rows = new ArrayList<>();
        while (m.find()) {
            assertThat(m.group(1)).isEqualTo(m.group(2));
            rows.add(Integer.parseInt(m.group(1)));
        }
        assertThat(rows).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
        assertThat(sheet).contains("<mergeCells count=\"" + rows.size() + "\">");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getActiveSheetIndex()).isZero();
            assertThat(wb.getSheetAt(0).isSelected()).isTrue();
            assertThat(wb.getSheetAt(1).isSelected()).isFalse();
            Sheet d = wb.getSheetAt(0);
            assertThat(d.getNumMergedRegions()).isEqualTo(rows.size());
            for (CellRangeAddress r : d.getMergedRegions()) {
                assertThat(rows).contains(r.getFirstRow() + 1);
            }
            XSSFCellStyle title = (XSSFCellStyle) d.getRow(0).getCell(0).getCellStyle();
            assertThat(title.getFont().getBold()).isTrue();
            assertThat(title.getFont().getFontHeightInPoints()).isEqualTo((short) 14);
            XSSFCellStyle headline = (XSSFCellStyle) d.getRow(4).getCell(0).getCellStyle();
            assertThat(headline.getFont().getBold()).isTrue();
            assertThat(headline.getFont().getFontHeightInPoints()).isEqualTo((short) 11);
            assertThat(headline.getWrapText()).isTrue();
            assertThat(headline.getVerticalAlignment())
                    .isEqualTo(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            assertThat(d.getRow(4).getHeightInPoints()).isEqualTo(48f);
            assertThat(d.getColumnWidth(0)).isGreaterThanOrEqualTo(62 * 256);   // wider for longer option ids
            assertThat(d.getPrintSetup().getLandscape()).isFalse();
            assertThat(d.getFitToPage()).isTrue();
            assertThat(d.getAutobreaks()).isTrue();
            assertThat(d.getPrintSetup().getFitHeight()).isZero();
            assertThat(d.getRepeatingRows()).isNull();
            assertThat(d.getPaneInformation()).isNull();
            // the money format with the currency's prefix, in quotes, for a negative amount too
            Sheet summarySheet = wb.getSheet("Summary");
            assertThat(summarySheet.getPrintSetup().getLandscape()).isFalse();
            assertThat(summarySheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(summarySheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(wb.getSheet("Sensitivity").getPrintSetup().getLandscape()).isTrue();
            for (int i = 1; i <= summarySheet.getLastRowNum(); i++) {
                if (summarySheet.getRow(i).getCell(0).getStringCellValue().equals("Annualized pain P50")) {
                    assertThat(summarySheet.getRow(i).getCell(1).getCellStyle().getDataFormatString())
                            .isEqualTo("\"$\"#,##0;-\"$\"#,##0");
                }
            }
        }
    }

    /** The child elements of the styles part's root, in order, read with an XML parser. */
    private static List<org.w3c.dom.Element> stylesChildren(byte[] zip) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(parts(zip).get("xl/styles.xml")));
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("styleSheet");
        List<org.w3c.dom.Element> children = new ArrayList<>();
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                assertThat(e.getNamespaceURI()).isEqualTo(MAIN);
                children.add(e);
            }
        }
        return children;
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Test
    void theOneCellStyleFormatIsNamedNormalRightAfterTheCellFormats() throws Exception {
        List<org.w3c.dom.Element> children = stylesChildren(businessCase());
        List<String> names = children.stream().map(org.w3c.dom.Element::getLocalName).toList();
        // CT_Stylesheet's sequence (ECMA-376 part 1, 18.8.39), of which fastexcel writes these
        assertThat(names).containsExactly("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
                "cellStyles", "dxfs");
        org.w3c.dom.Element cellStyles = children.get(names.indexOf("cellStyles"));
        assertThat(cellStyles.getAttribute("count")).isEqualTo("1");
        org.w3c.dom.NodeList styles = cellStyles.getElementsByTagNameNS(MAIN, "cellStyle");
        assertThat(styles.getLength()).isEqualTo(1);
        org.w3c.dom.Element normal = (org.w3c.dom.Element) styles.item(0);
        assertThat(normal.getAttribute("name")).isEqualTo("Normal");
        assertThat(normal.getAttribute("builtinId")).isEqualTo("0");
        assertThat(normal.getAttribute("xfId")).isEqualTo("0");
        // xfId 0 is the one cell style format there is
        org.w3c.dom.Element styleXfs = children.get(names.indexOf("cellStyleXfs"));
        assertThat(styleXfs.getElementsByTagNameNS(MAIN, "xf").getLength()).isEqualTo(1);
        // the smallest workbook gets it too (pilot.xlsx is written the same way)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StableXlsx x = new StableXlsx(out);
        x.sheet("Only").value(0, 0, 1.0);
        x.finish();
        List<String> small = stylesChildren(out.toByteArray()).stream().map(org.w3c.dom.Element::getLocalName).toList();
        assertThat(small.subList(small.indexOf("cellXfs"), small.size())).startsWith("cellXfs", "cellStyles");
        assertThatThrownBy(() -> StableXlsx.withNormalStyle("<cellXfs/><cellStyles count=\"0\"></cellStyles>"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void moneyFormatOfAnotherCurrencyIsEscapedForTheStylesPart() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StableXlsx x = new StableXlsx(out);
        Worksheet ws = x.sheet("Only");
        ws.value(0, 0, -1234.5);
        BusinessCaseXlsx.Look.format(BusinessCaseXlsx.moneyFormat("EUR", "")).apply(ws, 0, 0);
        ws.value(1, 0, 0.5);
        BusinessCaseXlsx.Look.format(BusinessCaseXlsx.moneyFormat("CHF", ".00")).apply(ws, 1, 0);
        x.finish();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("\"€\"#,##0;-\"€\"#,##0");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("\"CHF \"#,##0.00;-\"CHF \"#,##0.00");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getNumericCellValue()).isEqualTo(-1234.5);
        }
    }

    /** Counts what reaches the output. */
    private static final class Counting extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean flushed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushed = true;
        }
    }

    @Test
    void aStreamedSheetReachesTheOutputBeforeTheEndWithItsUsedRange() throws Exception {
        Counting out = new Counting();
        StableXlsx x = new StableXlsx(out);
        Worksheet first = x.sheet("First");
        first.value(0, 0, 1.5);
        x.fix(first, xml -> xml.replace("<v>1.5</v>", "<v>2.5</v>"));
        Worksheet big = x.sheet("Big");
        x.streamed(big, 20_000, 2);
        for (int r = 0; r < 20_000; r++) {
            big.value(r, 0, (double) r);
            big.value(r, 1, r % 2 == 0);
            if ((r + 1) % 1000 == 0) {
                big.flush();
            }
        }
        big.finish();
        // the sheet went out a chunk at a time (through a 64 KiB buffer): most of it is there already
        assertThat(out.bytes.size()).isGreaterThan(50_000);
        assertThat(out.flushed).isFalse();
        x.finish();
        assertThat(out.flushed).isTrue();
        Map<String, byte[]> parts = parts(out.bytes.toByteArray());
        assertThat(parts).containsKeys("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml",
                "docProps/core.xml", "[Content_Types].xml");
        assertThat(new String(parts.get("xl/worksheets/sheet2.xml"), StandardCharsets.UTF_8))
                .contains("<dimension ref=\"A1:B20000\"/>");
        assertThat(new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8))
                .contains("<dimension ref=\"A1\"/>", "tabSelected=\"true\"");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.bytes.toByteArray()))) {
            assertThat(wb.getSheet("First").getRow(0).getCell(0).getNumericCellValue()).isEqualTo(2.5);
            assertThat(wb.getSheetAt(0).isSelected()).isTrue();
            Sheet s = wb.getSheet("Big");
            assertThat(s.getLastRowNum()).isEqualTo(19_999);
            assertThat(s.getRow(12_345).getCell(0).getNumericCellValue()).isEqualTo(12_345.0);
            assertThat(s.getRow(12_345).getCell(1).getBooleanCellValue()).isFalse();
        }
    }

    @Test
    void everySheetStatesTheRangeItUses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BusinessCaseXlsx.write(result, summary, new WorkbookOptions(true), out);
        Map<String, byte[]> parts = parts(out.toByteArray());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("Trials").getLastRowNum()).isEqualTo(2000);
            for (int k = 0; k < wb.getNumberOfSheets(); k++) {
                Sheet s = wb.getSheetAt(k);
                int cols = 0;
                for (int r = 0; r <= s.getLastRowNum(); r++) {
                    if (s.getRow(r) != null) {
                        cols = Math.max(cols, s.getRow(r).getLastCellNum());
                    }
                }
                // every sheet's first cell is A1; the last column in letters, by hand for the widest sheets
                String last = cols <= 26 ? String.valueOf((char) ('A' + cols - 1))
                        : String.valueOf((char) ('A' + (cols - 1) / 26 - 1)) + (char) ('A' + (cols - 1) % 26);
                String xml = new String(parts.get("xl/worksheets/sheet" + (k + 1) + ".xml"), StandardCharsets.UTF_8);
                assertThat(xml).as(s.getSheetName())
                        .contains("<dimension ref=\"A1:" + last + (s.getLastRowNum() + 1) + "\"/>");
            }
        }
        assertThat(StableXlsx.column(0)).isEqualTo("A");
        assertThat(StableXlsx.column(25)).isEqualTo("Z");
        assertThat(StableXlsx.column(26)).isEqualTo("AA");
        assertThat(StableXlsx.column(29)).isEqualTo("AD");
        assertThat(StableXlsx.column(701)).isEqualTo("ZZ");
        assertThat(StableXlsx.column(702)).isEqualTo("AAA");
    }

    @Test
    void aSheetCannotBeFixedOnceWritten() throws Exception {
        StableXlsx x = new StableXlsx(new ByteArrayOutputStream());
        Worksheet first = x.sheet("First");
        first.value(0, 0, 1.0);
        first.finish();
        assertThatThrownBy(() -> x.fix(first, xml -> xml)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sheet1.xml");
    }

    @Test
    void mergedInOrderRefusesRangesOtherThanTheOnesMade() {
        String xml = "<sheetData/><mergeCells><mergeCell ref=\"A3:C3\"/><mergeCell ref=\"A1:C1\"/></mergeCells><x/>";
        assertThat(StableXlsx.mergedInOrder(List.of("A1:C1", "A3:C3")).apply(xml)).isEqualTo(
                "<sheetData/><mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A3:C3\"/></mergeCells><x/>");
        assertThatThrownBy(() -> StableXlsx.mergedInOrder(List.of("A1:C1")).apply(xml))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StableXlsx.mergedInOrder(List.of("A1:C1", "A3:C3")).apply("<sheetData/>"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aZipOfAnotherLayoutIsRefused() {
        byte[] notAZip = "this is not a zip, not even thirty bytes of one".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new StableXlsx.Recoder(new ByteArrayOutputStream()).write(notAZip))
                .isInstanceOf(IOException.class).hasMessageContaining("another layout");
    }
}
