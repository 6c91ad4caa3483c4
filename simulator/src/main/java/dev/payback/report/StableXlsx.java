package dev.payback.report;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A fastexcel workbook whose bytes depend only on what is written into it, for business-case.xlsx and
 * pilot.xlsx. fastexcel (0.18.4) writes things that change from one run to the next, or that some
 * readers take at their word:
 * <ul>
 * <li>the package's creation date (docProps/core.xml's {@code dcterms:created}, the time of writing):
 * left out here, as the POI writer used before left it out;</li>
 * <li>a sheet's merged ranges in the order of a hash set whose hash includes the worksheet's identity
 * hash: {@link #fix} lets the writer put them in the order they were made ({@link #mergedInOrder});</li>
 * <li>every sheet's used range as {@code A1} ({@code <dimension ref="A1"/>}), which a reader such as
 * openpyxl in read-only mode (pandas' reader) believes, seeing one cell: here each sheet gets its
 * real range;</li>
 * <li>the first sheet, the active tab, not marked as selected: here it is, as POI's was;</li>
 * <li>no cell style in xl/styles.xml ({@code <cellStyles>}), so no style named Normal for the one
 * cell style format every cell format derives from, which openpyxl (pandas' reader) warns of on
 * every open: here it is named ({@link #withNormalStyle}).</li>
 * </ul>
 *
 * <p>How: fastexcel writes its zip (through opczip) uncompressed into this class, which reads it part by
 * part as it comes, fixes a part's XML where asked, compresses each part once (at fastexcel's own
 * level, 4) and writes a plain zip: no entry times, each part's CRC and sizes in its local header or,
 * for a part streamed without being held ({@link #streamed}, the Trials sheet), in a 32-bit data
 * descriptor after it, then the central directory. Parts other than a streamed sheet are held in
 * memory one at a time (the largest, a sheet of a few thousand cells, some 100 KB). The layout of
 * opczip's zip is checked as it is read (a version that writes another fails here with an
 * IOException rather than writing a broken file), and each part's CRC is checked after inflating.
 */
public final class StableXlsx {
    /** fastexcel's own compression level; it is asked for none, this class compresses once. */
    private static final int LEVEL = 4;
    private static final long LFH = 0x04034b50L;
    private static final long CEN = 0x02014b50L;
    private static final long DAT = 0x08074b50L;
    private static final long END = 0x06054b50L;
    private static final long MAX32 = 0xffffffffL;
    static final String CORE = "docProps/core.xml";
    static final String STYLES = "xl/styles.xml";

    private final Recoder recoder;
    private final Workbook workbook;
    private final Map<Worksheet, String> parts = new java.util.IdentityHashMap<>();

    /** A workbook written to {@code out} (which stays open; {@link #finish} flushes it). */
    public StableXlsx(OutputStream out) {
        this.recoder = new Recoder(out);
        this.workbook = new Workbook(recoder, "payback", null);
        workbook.setCompressionLevel(0);
        recoder.fixes.put(CORE, StableXlsx::withoutCreated);
        recoder.fixes.put(STYLES, StableXlsx::withNormalStyle);
    }

    /** A new sheet; the first one made is the active tab. */
    public Worksheet sheet(String name) {
        Worksheet ws = workbook.newWorksheet(name);
        String part = "xl/worksheets/sheet" + (parts.size() + 1) + ".xml";
        parts.put(ws, part);
        if (parts.size() == 1) {
            recoder.fixes.put(part, StableXlsx::tabSelected);
        }
        return ws;
    }

    private String part(Worksheet ws) {
        String part = parts.get(ws);
        if (part == null) {
            throw new IllegalArgumentException("sheet " + ws.getName() + " was not made by StableXlsx.sheet");
        }
        return part;
    }

    /** Rewrites the XML of a sheet (after any earlier fix) when it is written; before it is. */
    public void fix(Worksheet ws, UnaryOperator<String> fix) {
        String name = part(ws);
        if (recoder.written.contains(name) || recoder.streamed.containsKey(name)) {
            throw new IllegalStateException(name + " is already written or streamed: it cannot be fixed");
        }
        recoder.fixes.merge(name, fix, (a, b) -> xml -> b.apply(a.apply(xml)));
    }

    /**
     * The sheet is flushed in chunks and streamed to the output without being held: its used range is
     * given here, before its first flush ({@code rows} by {@code cols} from A1), and no fix applies to it.
     */
    public void streamed(Worksheet ws, int rows, int cols) {
        String name = part(ws);
        if (recoder.written.contains(name) || recoder.fixes.containsKey(name)) {
            throw new IllegalStateException(name + " cannot be streamed");
        }
        recoder.streamed.put(name, "A1:" + column(cols - 1) + rows);
    }

    /** Completes the workbook: fastexcel writes its last parts, then the central directory is written. */
    public void finish() throws IOException {
        workbook.finish();
        recoder.end();
    }

    /** Puts a sheet's merged ranges in the given order (fastexcel writes them in a hash order). */
    public static UnaryOperator<String> mergedInOrder(List<String> refs) {
        return xml -> {
            int open = xml.indexOf("<mergeCells>");
            int close = xml.indexOf("</mergeCells>");
            if (open < 0 || close < open) {
                throw new IllegalStateException("the sheet has no mergeCells element");
            }
            Set<String> written = new HashSet<>();
            Matcher m = MERGE_CELL.matcher(xml.substring(open, close));
            while (m.find()) {
                written.add(m.group(1));
            }
            if (!written.equals(new HashSet<>(refs)) || written.size() != refs.size()) {
                throw new IllegalStateException("merged ranges " + written + ", expected " + refs);
            }
            StringBuilder b = new StringBuilder(xml.substring(0, open)).append("<mergeCells count=\"")
                    .append(refs.size()).append("\">");
            for (String ref : refs) {
                b.append("<mergeCell ref=\"").append(ref).append("\"/>");
            }
            return b.append(xml, close, xml.length()).toString();
        };
    }

    /** Marks the sheet's tab as selected (fastexcel only names the workbook's active tab). */
    static String tabSelected(String xml) {
        return replaceOnce(xml, "<sheetView workbookViewId=\"0\"", "<sheetView tabSelected=\"true\" workbookViewId=\"0\"");
    }

    /** Leaves out the creation date, the time of writing. */
    static String withoutCreated(String coreXml) {
        Matcher m = CREATED.matcher(coreXml);
        if (!m.find()) {
            throw new IllegalStateException("docProps/core.xml has no dcterms:created element");
        }
        return coreXml.substring(0, m.start()) + coreXml.substring(m.end());
    }

    /**
     * Names fastexcel's one cell style format ({@code <cellStyleXfs>}, xfId 0) as the built-in style
     * Normal, in a {@code <cellStyles>} element right after {@code <cellXfs>}, where ECMA-376's
     * CT_Stylesheet puts it (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs,
     * ...). fastexcel 0.18.4 writes no cellStyles and has no way to ask for them; a version that
     * writes some fails here, and this fix is then to go.
     */
    static String withNormalStyle(String stylesXml) {
        if (stylesXml.contains("<cellStyles")) {
            throw new IllegalStateException("xl/styles.xml has a cellStyles element already");
        }
        return replaceOnce(stylesXml, "</cellXfs>",
                "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
    }

    /** The sheet's used range, from its cells, in place of fastexcel's {@code A1}. */
    static String withDimension(String xml) {
        int data = xml.indexOf("<sheetData>");
        Matcher m = CELL.matcher(xml);
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = -1;
        int right = -1;
        m.region(Math.max(0, data), xml.length());
        while (m.find()) {
            int col = columnIndex(m.group(1));
            int row = Integer.parseInt(m.group(2));
            top = Math.min(top, row);
            bottom = Math.max(bottom, row);
            left = Math.min(left, col);
            right = Math.max(right, col);
        }
        String ref = bottom < 0 ? "A1" : column(left) + top + (bottom == top && left == right ? ""
                : ":" + column(right) + bottom);
        return dimension(xml, ref);
    }

    private static String dimension(String xml, String ref) {
        return replaceOnce(xml, "<dimension ref=\"A1\"/>", "<dimension ref=\"" + ref + "\"/>");
    }

    private static String replaceOnce(String xml, String what, String by) {
        int at = xml.indexOf(what);
        if (at < 0) {
            throw new IllegalStateException("the part has no " + what);
        }
        return xml.substring(0, at) + by + xml.substring(at + what.length());
    }

    /** The column's letters (0 is A). */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int c = index + 1; c > 0; c = (c - 1) / 26) {
            b.append((char) ('A' + (c - 1) % 26));
        }
        return b.reverse().toString();
    }

    private static int columnIndex(String letters) {
        int c = 0;
        for (int k = 0; k < letters.length(); k++) {
            c = c * 26 + letters.charAt(k) - 'A' + 1;
        }
        return c - 1;
    }

    private static final Pattern MERGE_CELL = Pattern.compile("<mergeCell ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"/>");
    private static final Pattern CREATED = Pattern.compile("<dcterms:created[^>]*>[^<]*</dcterms:created>");
    private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+)([0-9]+)\"");

    private static IOException layout(String what) {
        return new IOException("fastexcel wrote a zip of another layout than expected: " + what);
    }

    /** One part as written: where, its CRC and sizes, and whether a data descriptor follows it. */
    private record Entry(String name, long offset, long crc, long compressed, long size, boolean descriptor) {
    }

    /**
     * Reads opczip's zip as it is written (a local header, the deflated data, a 24-byte data descriptor,
     * for each part; then its central directory, which is dropped) and writes the parts again.
     */
    static final class Recoder extends OutputStream {
        private static final int HEADER = 0;
        private static final int DATA = 1;
        private static final int DESCRIPTOR = 2;
        private static final int DIRECTORY = 3;

        final Map<String, UnaryOperator<String>> fixes = new HashMap<>();
        final Map<String, String> streamed = new HashMap<>();
        final Set<String> written = new HashSet<>();
        private final OutputStream out;
        private final List<Entry> entries = new ArrayList<>();
        private long offset;
        private int state = HEADER;
        private final ByteArrayOutputStream header = new ByteArrayOutputStream();
        private final byte[] one = new byte[1];
        private final byte[] buf = new byte[1 << 16];
        private Inflater inflater;
        private final CRC32 readCrc = new CRC32();
        private long readSize;
        private String name;
        // a held part's text; a streamed part's head (until <sheetData>), then null
        private ByteArrayOutputStream held;
        private boolean streaming;
        private Deflater deflater;
        private final CRC32 crc = new CRC32();
        private long size;
        private long compressed;
        private long start;

        Recoder(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int end = off + len;
            while (off < end) {
                switch (state) {
                    case HEADER -> off = header(b, off, end);
                    case DATA -> off = data(b, off, end);
                    case DESCRIPTOR -> off = descriptor(b, off, end);
                    default -> off = end; // opczip's central directory and end record: written anew in end()
                }
            }
        }

        @Override
        public void flush() {
            // parts are written whole; end() flushes the output
        }

        @Override
        public void close() {
            // the caller's stream stays open
        }

        /** Collects a local header (30 bytes and the name) and starts its part. */
        private int header(byte[] b, int off, int end) throws IOException {
            int need = header.size() < 30 ? 30 - header.size() : 30 + u16(header.toByteArray(), 26) - header.size();
            int n = Math.min(need, end - off);
            header.write(b, off, n);
            off += n;
            byte[] h = header.toByteArray();
            if (h.length >= 4 && u32(h, 0) == CEN) {
                state = DIRECTORY;
                return off;
            }
            if (h.length >= 4 && u32(h, 0) != LFH) {
                throw layout("no local header where one was due");
            }
            if (h.length < 30 || h.length < 30 + u16(h, 26)) {
                return off;
            }
            if (u16(h, 28) != 0 || u16(h, 8) != 8 || (u16(h, 6) & 8) == 0) {
                throw layout("a local header with an extra field, no deflate or no data descriptor");
            }
            name = new String(h, 30, u16(h, 26), StandardCharsets.US_ASCII);
            header.reset();
            begin();
            state = DATA;
            return off;
        }

        private void begin() throws IOException {
            if (!written.add(name)) {
                throw layout("part " + name + " twice");
            }
            inflater = new Inflater(true);
            readCrc.reset();
            readSize = 0;
            start = offset;
            String dimension = streamed.get(name);
            streaming = dimension != null;
            held = new ByteArrayOutputStream(streaming ? 4096 : 1 << 16);
            if (streaming) {
                // a local header without CRC or sizes: they follow the data, in a data descriptor
                crc.reset();
                size = 0;
                compressed = 0;
                deflater = new Deflater(LEVEL, true);
                writeLocalHeader(8, 0, 0, 0);
            }
        }

        private int data(byte[] b, int off, int end) throws IOException {
            inflater.setInput(b, off, end - off);
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0) {
                        if (inflater.needsInput()) {
                            return end;
                        }
                        if (inflater.needsDictionary()) {
                            throw layout("a part that needs a dictionary");
                        }
                        continue;
                    }
                    readCrc.update(buf, 0, n);
                    readSize += n;
                    text(buf, n);
                }
            } catch (DataFormatException e) {
                throw new IOException("fastexcel wrote unreadable data", e);
            }
            int rest = inflater.getRemaining();
            inflater.end();
            header.reset();
            state = DESCRIPTOR;
            return end - rest;
        }

        /** Checks opczip's data descriptor against what was read, then writes the part. */
        private int descriptor(byte[] b, int off, int end) throws IOException {
            int n = Math.min(24 - header.size(), end - off);
            header.write(b, off, n);
            off += n;
            if (header.size() < 24) {
                return off;
            }
            byte[] d = header.toByteArray();
            header.reset();
            if (u32(d, 0) != DAT || u32(d, 4) != readCrc.getValue() || u64(d, 16) != readSize) {
                throw layout("a data descriptor that does not match its part " + name);
            }
            endPart();
            state = HEADER;
            return off;
        }

        /** Inflated text of the current part. */
        private void text(byte[] b, int n) throws IOException {
            if (held == null) {
                deflate(java.util.Arrays.copyOf(b, n));
                return;
            }
            held.write(b, 0, n);
            if (streaming) {
                byte[] h = held.toByteArray();
                int at = indexOf(h, SHEET_DATA);
                if (at >= 0) {
                    // the head (ASCII up to sheetData) with the sheet's used range, then the rest as it was
                    held = null;
                    String head = new String(h, 0, at, StandardCharsets.US_ASCII);
                    deflate(dimension(head, streamed.get(name)).getBytes(StandardCharsets.US_ASCII));
                    deflate(java.util.Arrays.copyOfRange(h, at, h.length));
                }
            }
        }

        private static final byte[] SHEET_DATA = "<sheetData>".getBytes(StandardCharsets.US_ASCII);

        private static int indexOf(byte[] h, byte[] what) {
            outer:
            for (int i = 0; i + what.length <= h.length; i++) {
                for (int k = 0; k < what.length; k++) {
                    if (h[i + k] != what[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private void deflate(byte[] raw) throws IOException {
            crc.update(raw);
            size += raw.length;
            deflater.setInput(raw);
            while (!deflater.needsInput()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
                compressed += n;
                offset += n;
            }
        }

        private void endPart() throws IOException {
            if (streaming) {
                if (held != null) {
                    throw layout("a streamed sheet without sheetData: " + name);
                }
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(buf);
                    out.write(buf, 0, n);
                    compressed += n;
                    offset += n;
                }
                deflater.end();
                byte[] d = new byte[16];
                put32(d, 0, DAT);
                put32(d, 4, crc.getValue());
                put32(d, 8, checked32(compressed));
                put32(d, 12, checked32(size));
                out.write(d);
                offset += 16;
                entries.add(new Entry(name, start, crc.getValue(), compressed, size, true));
                return;
            }
            String xml = held.toString(StandardCharsets.UTF_8);
            held = null;
            if (name.startsWith("xl/worksheets/sheet")) {
                xml = withDimension(xml);
            }
            UnaryOperator<String> fix = fixes.get(name);
            if (fix != null) {
                xml = fix.apply(xml);
            }
            byte[] raw = xml.getBytes(StandardCharsets.UTF_8);
            CRC32 c = new CRC32();
            c.update(raw);
            Deflater def = new Deflater(LEVEL, true);
            ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 4 + 64);
            try {
                def.setInput(raw);
                def.finish();
                while (!def.finished()) {
                    z.write(buf, 0, def.deflate(buf));
                }
            } finally {
                def.end();
            }
            writeLocalHeader(0, c.getValue(), z.size(), raw.length);
            z.writeTo(out);
            offset += z.size();
            entries.add(new Entry(name, start, c.getValue(), z.size(), raw.length, false));
        }

        private void writeLocalHeader(int flags, long crc32, long csize, long usize) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            byte[] h = new byte[30];
            put32(h, 0, LFH);
            put16(h, 4, 20); // version needed: 2.0
            put16(h, 6, flags);
            put16(h, 8, 8); // deflated
            // 10..13: time and date 0, as opczip's (and POI's) entries
            put32(h, 14, crc32);
            put32(h, 18, checked32(csize));
            put32(h, 22, checked32(usize));
            put16(h, 26, n.length);
            out.write(h);
            out.write(n);
            offset += 30 + n.length;
        }

        /** After fastexcel finished: every part was read; the central directory and its end record. */
        void end() throws IOException {
            if (state != DIRECTORY) {
                throw layout("no central directory at the end");
            }
            for (String f : fixes.keySet()) {
                if (!written.contains(f)) {
                    throw new IllegalStateException("no part " + f + " to fix");
                }
            }
            long cen = offset;
            for (Entry e : entries) {
                byte[] n = e.name().getBytes(StandardCharsets.US_ASCII);
                byte[] r = new byte[46];
                put32(r, 0, CEN);
                put16(r, 4, 20); // made by: 2.0
                put16(r, 6, 20);
                put16(r, 8, e.descriptor() ? 8 : 0);
                put16(r, 10, 8);
                put32(r, 16, e.crc());
                put32(r, 20, checked32(e.compressed()));
                put32(r, 24, checked32(e.size()));
                put16(r, 28, n.length);
                put32(r, 42, checked32(e.offset()));
                out.write(r);
                out.write(n);
                offset += 46 + n.length;
            }
            byte[] r = new byte[22];
            put32(r, 0, END);
            put16(r, 8, entries.size());
            put16(r, 10, entries.size());
            put32(r, 12, checked32(offset - cen));
            put32(r, 16, checked32(cen));
            out.write(r);
            out.flush();
        }
    }

    private static long checked32(long v) throws IOException {
        if (v < 0 || v >= MAX32) {
            throw new IOException("the workbook is too large for a zip without zip64 fields");
        }
        return v;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & MAX32;
    }

    private static long u64(byte[] b, int i) {
        return u32(b, i) | u32(b, i + 4) << 32;
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] b, int i, long v) {
        for (int k = 0; k < 4; k++) {
            b[i + k] = (byte) (v >>> (8 * k));
        }
    }
}
