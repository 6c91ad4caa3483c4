package dev.payback.report.charts;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The charts' PNG encoder: what ImageIO's PNG reader decodes from its files is the image, pixel for
 * pixel, and the files are laid out as the PNG specification says (signature, IHDR, IDAT, IEND).
 */
class PngTest {

    /** Noise (nothing for deflate to find) with flat runs, on more rows than one band, an odd width. */
    private static BufferedImage image(int type, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = (y / 7) % 3 == 0 ? 0xffffffff : random.nextInt();
                image.setRGB(x, y, type == BufferedImage.TYPE_INT_RGB ? c | 0xff000000 : c);
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void anRgbImageDecodesToTheSamePixelsWithoutAnAlphaChannel() throws Exception {
        BufferedImage image = image(BufferedImage.TYPE_INT_RGB, 203, 150, 1);
        byte[] png = Png.encode(image);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getColorModel().hasAlpha()).isFalse();
        assertThat(decoded.getWidth()).isEqualTo(203);
        assertThat(decoded.getHeight()).isEqualTo(150);
        assertThat(pixels(decoded)).isEqualTo(pixels(image));
        assertThat(Png.encode(image)).as("encoded twice").isEqualTo(png);
    }

    @Test
    void anArgbImageKeepsEveryPixelsAlphaAndColour() throws Exception {
        BufferedImage image = image(BufferedImage.TYPE_INT_ARGB, 97, 131, 2);
        image.setRGB(0, 0, 0x00123456);                                 // fully transparent, colour kept
        byte[] png = Png.encode(image);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(pixels(decoded)).isEqualTo(pixels(image));
        assertThat(pixels(decoded)[0]).isEqualTo(0x00123456);
    }

    @Test
    void aSubimageIsReadFromItsPlaceInTheSharedRaster() throws Exception {
        BufferedImage whole = image(BufferedImage.TYPE_INT_RGB, 120, 90, 3);
        BufferedImage part = whole.getSubimage(17, 23, 61, 40);
        assertThat(part.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Png.encode(part)));
        assertThat(pixels(decoded)).isEqualTo(pixels(part));
        assertThat(decoded.getRGB(0, 0)).isEqualTo(whole.getRGB(17, 23));
    }

    @Test
    void theFileIsTheSignatureAndTheIhdrIdatAndIendChunksWithTheirCrcsInChunksOfImageIosSize() {
        byte[] png = Png.encode(image(BufferedImage.TYPE_INT_RGB, 300, 200, 4));
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        List<String> types = new ArrayList<>();
        List<Integer> idatLengths = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] typeAndData = new byte[4 + length];
            in.get(typeAndData);
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            types.add(type);
            if (type.equals("IDAT")) {
                idatLengths.add(length);
            }
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(in.getInt()).as(type + " CRC").isEqualTo((int) crc.getValue());
            if (type.equals("IHDR")) {
                // width 300, height 200, bit depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace
                assertThat(Arrays.copyOfRange(typeAndData, 4, 17))
                        .containsExactly(0, 0, 1, 44, 0, 0, 0, 200, 8, 2, 0, 0, 0);
            }
        }
        // 300 × 200 pixels of mostly noise deflate to more than two chunks of 32,768 bytes
        assertThat(types).startsWith("IHDR", "IDAT", "IDAT", "IDAT").endsWith("IDAT", "IEND")
                .containsOnly("IHDR", "IDAT", "IEND");
        assertThat(idatLengths.subList(0, idatLengths.size() - 1)).containsOnly(32_768);
        assertThat(idatLengths.get(idatLengths.size() - 1)).isBetween(1, 32_768);
        // the IEND chunk of every PNG: length 0, "IEND", CRC ae 42 60 82
        assertThat(Arrays.copyOfRange(png, png.length - 12, png.length))
                .containsExactly(0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82);
    }

    /**
     * ImageIO's PNG writer at the level the charts were written with before (compression quality 2/3,
     * zlib level 3) filters no row and writes the same chunks: the same bytes, for an image of noise
     * and for an opaque and a translucent image.
     */
    @Test
    void theBytesAreThoseOfImageIosWriterAtTheSameLevel() throws Exception {
        for (BufferedImage image : List.of(image(BufferedImage.TYPE_INT_RGB, 300, 200, 5),
                image(BufferedImage.TYPE_INT_ARGB, 211, 101, 6))) {
            assertThat(Png.encode(image)).isEqualTo(imageIo(image, 2f / 3));
        }
    }

    /** ImageIO's PNG writer at a compression quality. */
    static byte[] imageIo(BufferedImage image, float quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void anImageOfAnotherLayoutIsRefused() {
        BufferedImage gray = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        assertThatThrownBy(() -> Png.encode(gray)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE_INT_RGB");
    }
}
