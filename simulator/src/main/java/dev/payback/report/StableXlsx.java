package dev.payback.report;

import org.dhatim.fastexcel.Workbook;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * pilot.xlsx. fastexcel 0.18.4 writes two things that change from one run to the next: the package's
 * creation date (docProps/core.xml's {@code dcterms:created}, the time of writing) and the order of a
 * sheet's {@code mergeCell} elements (a hash set of ranges whose hash includes the worksheet's identity
 * hash). Its zip writer, opczip, already stamps every entry with the time 0.
 *
 * <p>Sheets finished before {@link #finish} stream straight to the output. What fastexcel writes from
 * {@link #finish} on (any sheet not finished before, then the workbook's own parts and the zip's central
 * directory, a few kilobytes) is held back; there the creation date is left out (as the POI writer used
 * before did), the first sheet is rewritten (marked as the selected tab, and as its writer asks, such
 * as the Decision sheet's merged ranges put in order), and the central directory is written again for
 * the rewritten parts' sizes and offsets. Every other part keeps fastexcel's bytes.
 * The layout of opczip's zip is checked as it is read: a fastexcel or opczip version that writes a
 * different one fails here, with an IOException, rather than writing a broken file.
 */
public final class StableXlsx {
    /** fastexcel's compression level; the rewritten parts use it too. */
    private static final int LEVEL = 4;
    private static final long LFH = 0x04034b50L;
    private static final long CEN = 0x02014b50L;
    private static final long DAT = 0x08074b50L;
    private static final long END = 0x06054b50L;
    private static final long MAX32 = 0xffffffffL;

    private final Tap tap;
    private final Workbook workbook;

    /** A workbook written to {@code out} (which stays open). */
    public StableXlsx(OutputStream out) {
        this.tap = new Tap(out);
        this.workbook = new Workbook(tap, "payback", null);
    }

    /** The workbook to add sheets to. */
    public Workbook workbook() {
        return workbook;
    }

    /** The first sheet's part: the active tab, written in {@link #finish}. */
    static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";
    static final String CORE = "docProps/core.xml";

    /**
     * Finishes the workbook: the first sheet (the active tab, which must not have been finished before) is
     * written now, marked as selected and rewritten by {@code firstSheet}; the creation date is left out.
     */
    public void finish(UnaryOperator<String> firstSheet) throws IOException {
        workbook.setActiveTab(0);
        tap.hold();
        workbook.finish();
        rewrite(tap.held.toByteArray(), tap.passed,
                Map.of(FIRST_SHEET, xml -> firstSheet.apply(tabSelected(xml)), CORE, StableXlsx::withoutCreated),
                tap.out);
        tap.out.flush();
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

    /**
     * Marks the sheet's tab as selected, as the workbook's active tab is; fastexcel only sets the
     * active tab, which a spreadsheet program then shows without its tab marked.
     */
    static String tabSelected(String xml) {
        String view = "<sheetView workbookViewId=\"0\"";
        int at = xml.indexOf(view);
        if (at < 0) {
            throw new IllegalStateException("the sheet has no sheetView element");
        }
        return xml.substring(0, at) + "<sheetView tabSelected=\"true\" workbookViewId=\"0\""
                + xml.substring(at + view.length());
    }

    private static final Pattern MERGE_CELL = Pattern.compile("<mergeCell ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"/>");
    private static final Pattern CREATED = Pattern.compile("<dcterms:created[^>]*>[^<]*</dcterms:created>");

    /** Leaves out the creation date, the time of writing (the POI writer used before left it out too). */
    static String withoutCreated(String coreXml) {
        Matcher m = CREATED.matcher(coreXml);
        if (!m.find()) {
            throw new IllegalStateException("docProps/core.xml has no dcterms:created element");
        }
        return coreXml.substring(0, m.start()) + coreXml.substring(m.end());
    }

    /**
     * Writes the held-back tail {@code t} (which began at offset {@code start} of the zip): its entries,
     * rewritten where asked, then the central directory for every entry of the zip and its end record.
     */
    static void rewrite(byte[] t, long start, Map<String, UnaryOperator<String>> fixes, OutputStream out)
            throws IOException {
        int e = t.length - 22;
        if (e < 0 || u32(t, e) != END || u16(t, e + 20) != 0) {
            throw layout("no end record at the end");
        }
        int count = u16(t, e + 10);
        long cenLength = u32(t, e + 12);
        int c = checkedIndex(u32(t, e + 16) - start, t.length);
        if (c + cenLength != e) {
            throw layout("the central directory does not end at the end record");
        }
        ByteArrayOutputStream cen = new ByteArrayOutputStream();
        long pos = start; // the zip offset of the next byte written
        int next = 0; // the next unread byte of the tail's entries
        int fixed = 0;
        int p = c;
        for (int k = 0; k < count; k++) {
            if (p + 46 > e || u32(t, p) != CEN) {
                throw layout("central directory record " + k);
            }
            int nameLength = u16(t, p + 28);
            int length = 46 + nameLength + u16(t, p + 30) + u16(t, p + 32);
            byte[] rec = java.util.Arrays.copyOfRange(t, p, p + length);
            String name = new String(t, p + 46, nameLength, StandardCharsets.US_ASCII);
            long lfh = u32(t, p + 42);
            p += length;
            if (lfh < start) {
                // written before the tail: its bytes and offset are kept
                if (fixes.containsKey(name)) {
                    throw new IllegalStateException(name + " was written before finish(): it cannot be fixed");
                }
                cen.write(rec);
                continue;
            }
            int l = checkedIndex(lfh - start, c);
            if (l != next || u32(t, l) != LFH || u16(t, l + 26) != nameLength || u16(t, l + 28) != 0
                    || !name.equals(new String(t, l + 30, nameLength, StandardCharsets.US_ASCII))) {
                throw layout("local header of " + name);
            }
            int data = l + 30 + nameLength;
            long compressed = u32(rec, 20);
            int dat = checkedIndex(data + compressed, c - 24);
            if (compressed == MAX32 || u32(t, dat) != DAT || u32(t, dat + 4) != u32(rec, 16)
                    || u64(t, dat + 8) != compressed) {
                throw layout("data descriptor of " + name);
            }
            next = dat + 24;
            put32(rec, 42, checked32(pos));
            UnaryOperator<String> fix = fixes.get(name);
            if (fix == null) {
                out.write(t, l, next - l);
                pos += next - l;
            } else {
                fixed++;
                byte[] raw = fix.apply(new String(inflate(t, data, (int) compressed, u64(t, dat + 16)),
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                byte[] deflated = deflate(raw);
                CRC32 crc = new CRC32();
                crc.update(raw);
                out.write(t, l, data - l); // the local header: no crc or sizes (they follow the data)
                out.write(deflated);
                byte[] d = new byte[24];
                put32(d, 0, DAT);
                put32(d, 4, crc.getValue());
                put64(d, 8, deflated.length);
                put64(d, 16, raw.length);
                out.write(d);
                pos += data - l + deflated.length + 24L;
                put32(rec, 16, crc.getValue());
                put32(rec, 20, checked32(deflated.length));
                if (u16(rec, 30) != 0) {
                    throw layout("a zip64 record for " + name);
                }
                put32(rec, 24, checked32(raw.length));
            }
            cen.write(rec);
        }
        if (next != c || p != e) {
            throw layout("bytes between the entries");
        }
        if (fixed != fixes.size()) {
            throw new IllegalStateException("not every part to fix was written at finish(): " + fixes.keySet());
        }
        long cenOffset = pos;
        cen.writeTo(out);
        byte[] end = java.util.Arrays.copyOfRange(t, e, t.length);
        put32(end, 12, cen.size());
        put32(end, 16, checked32(cenOffset));
        out.write(end);
    }

    private static byte[] inflate(byte[] b, int off, int len, long size) throws IOException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(b, off, len);
            byte[] raw = new byte[Math.toIntExact(size)];
            int n = 0;
            while (n < raw.length && !inf.finished()) {
                int r = inf.inflate(raw, n, raw.length - n);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += r;
            }
            if (n != raw.length) {
                throw layout("a part shorter than its size");
            }
            return raw;
        } catch (DataFormatException ex) {
            throw new IOException("unreadable part in fastexcel's zip", ex);
        } finally {
            inf.end();
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater def = new Deflater(LEVEL, true);
        try {
            def.setInput(raw);
            def.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!def.finished()) {
                out.write(buf, 0, def.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            def.end();
        }
    }

    private static IOException layout(String what) {
        return new IOException("fastexcel wrote a zip of another layout than expected: " + what);
    }

    private static int checkedIndex(long i, int limit) throws IOException {
        if (i < 0 || i > limit) {
            throw layout("an offset out of range");
        }
        return (int) i;
    }

    private static long checked32(long v) throws IOException {
        if (v < 0 || v >= MAX32) {
            throw new IOException("the workbook is too large for a zip without zip64 offsets");
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

    private static void put32(byte[] b, int i, long v) {
        for (int k = 0; k < 4; k++) {
            b[i + k] = (byte) (v >>> (8 * k));
        }
    }

    private static void put64(byte[] b, int i, long v) {
        for (int k = 0; k < 8; k++) {
            b[i + k] = (byte) (v >>> (8 * k));
        }
    }

    /** Passes bytes to the output, counting them, until {@link #hold()}; then keeps them. */
    private static final class Tap extends OutputStream {
        final OutputStream out;
        long passed;
        ByteArrayOutputStream held;

        Tap(OutputStream out) {
            // opczip writes each header a byte at a time
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        void hold() {
            held = new ByteArrayOutputStream(1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            if (held != null) {
                held.write(b);
            } else {
                out.write(b);
                passed++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (held != null) {
                held.write(b, off, len);
            } else {
                out.write(b, off, len);
                passed += len;
            }
        }

        @Override
        public void flush() throws IOException {
            if (held == null) {
                out.flush();
            }
        }

        @Override
        public void close() {
            // the caller's stream stays open; finish() flushes it
        }
    }
}
