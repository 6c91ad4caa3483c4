package dev.payback.report.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for the charts' images: 8 bits a sample, RGB for an opaque {@link BufferedImage#TYPE_INT_RGB}
 * image and RGB with alpha for a {@link BufferedImage#TYPE_INT_ARGB} one, every row without a filter,
 * deflated at {@link #LEVEL} into IDAT chunks of {@link #IDAT_CHUNK} bytes (the last one shorter); the file
 * holds only the IHDR, IDAT and IEND chunks (PNG specification, ISO/IEC 15948, sections 5, 6 and 11.2).
 *
 * <p>That is the file ImageIO's PNG writer, which wrote the charts before, writes at the same level:
 * at this level it filters no row, and it cuts the deflated stream into chunks of the same size, so the
 * charts' files keep their bytes. It copies each row out of the image sample by sample
 * ({@code Raster.getPixels}) and through its own buffers, which took two thirds of the time of rendering
 * a chart to PNG; here each pixel's samples are read from the image's array at once. The pixels are
 * the image's, exactly; the same image always gives the same bytes.
 */
final class Png {
    private Png() {
    }

    /**
     * zlib's compression level: 3, the strongest of its fast levels (1–3, no lazy matching), which
     * ImageIO's writer used for the charts (compression quality 2/3). On the charts it encodes about
     * as fast as level 1 and a fifth faster than the writer's default level 4, for files within a
     * few percent of the default's size.
     */
    static final int LEVEL = 3;

    /** The most deflated bytes an IDAT chunk holds (ImageIO's PNG writer's size). */
    static final int IDAT_CHUNK = 32_768;

    /** Rows converted to bytes and handed to the deflater at a time (a band of about 230 KB). */
    private static final int BAND_ROWS = 64;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * The image as a PNG file.
     *
     * @throws IllegalArgumentException when the image is neither {@link BufferedImage#TYPE_INT_RGB} nor
     *                                  {@link BufferedImage#TYPE_INT_ARGB}
     */
    static byte[] encode(BufferedImage image) {
        boolean alpha = switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB -> false;
            case BufferedImage.TYPE_INT_ARGB -> true;
            default -> throw new IllegalArgumentException("an image of type " + image.getType()
                    + ", not TYPE_INT_RGB or TYPE_INT_ARGB");
        };
        int width = image.getWidth();
        int height = image.getHeight();
        WritableRaster raster = image.getRaster();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int[] pixels = buffer.getData();
        int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        // the index of pixel (0, 0): the image may be a view into a larger raster
        int origin = buffer.getOffset() - raster.getSampleModelTranslateX()
                - raster.getSampleModelTranslateY() * stride;
        int bytesPerPixel = alpha ? 4 : 3;
        int rowBytes = 1 + bytesPerPixel * width;                       // the filter type byte, then the samples

        ByteArrayOutputStream idat = new ByteArrayOutputStream(1 << 17);
        byte[] band = new byte[BAND_ROWS * rowBytes];
        byte[] out = new byte[1 << 16];
        Deflater deflater = new Deflater(LEVEL);
        try {
            for (int y0 = 0; y0 < height; y0 += BAND_ROWS) {
                int rows = Math.min(BAND_ROWS, height - y0);
                int p = 0;
                for (int y = y0; y < y0 + rows; y++) {
                    band[p++] = 0;                                      // filter type 0: none
                    int at = origin + y * stride;
                    if (alpha) {
                        for (int x = 0; x < width; x++) {
                            int c = pixels[at + x];
                            band[p] = (byte) (c >> 16);
                            band[p + 1] = (byte) (c >> 8);
                            band[p + 2] = (byte) c;
                            band[p + 3] = (byte) (c >>> 24);
                            p += 4;
                        }
                    } else {
                        for (int x = 0; x < width; x++) {
                            int c = pixels[at + x];
                            band[p] = (byte) (c >> 16);
                            band[p + 1] = (byte) (c >> 8);
                            band[p + 2] = (byte) c;
                            p += 3;
                        }
                    }
                }
                deflater.setInput(band, 0, p);
                while (!deflater.needsInput()) {
                    idat.write(out, 0, deflater.deflate(out));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(out, 0, deflater.deflate(out));
            }
        } finally {
            deflater.end();
        }

        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;                                                  // bit depth
        header[9] = (byte) (alpha ? 6 : 2);                             // colour type: RGB with alpha, RGB
        // compression method 0 (deflate), filter method 0 (adaptive), interlace method 0 (none)
        byte[] data = idat.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(data.length + 64);
        file.writeBytes(SIGNATURE);
        chunk(file, "IHDR", header);
        for (int at = 0; at < data.length; at += IDAT_CHUNK) {
            chunk(file, "IDAT", Arrays.copyOfRange(data, at, Math.min(data.length, at + IDAT_CHUNK)));
        }
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    /** A chunk: the data's length, the type, the data, and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        byte[] word = new byte[4];
        putInt(word, 0, data.length);
        file.writeBytes(word);
        file.writeBytes(t);
        file.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        putInt(word, 0, (int) crc.getValue());
        file.writeBytes(word);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
