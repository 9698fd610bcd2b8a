package org.myotrack.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an opaque RGB image as PNG with one fixed row filter and fast deflate. Charts are mostly flat colour,
 * so this compresses about as well as ImageIO's adaptive filtering at a fraction of its time, which is most of
 * the cost of a chart request.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG filter type 2 ("Up"): flat areas and horizontal lines turn into runs of zeros. */
    private static final int FILTER_UP = 2;
    private static final int COLOUR_TYPE_RGB = 2;

    private PngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("Only TYPE_INT_RGB images are encoded");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream headerData = new DataOutputStream(header);
            headerData.writeInt(width);
            headerData.writeInt(height);
            headerData.writeByte(8);
            headerData.writeByte(COLOUR_TYPE_RGB);
            headerData.writeByte(0);
            headerData.writeByte(0);
            headerData.writeByte(0);
            chunk(out, "IHDR", header.toByteArray());

            ByteArrayOutputStream compressed = new ByteArrayOutputStream(64 * 1024);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
                byte[] row = new byte[1 + 3 * width];
                row[0] = FILTER_UP;
                for (int y = 0; y < height; y++) {
                    int offset = y * width;
                    for (int x = 0; x < width; x++) {
                        int rgb = pixels[offset + x];
                        int above = y == 0 ? 0 : pixels[offset - width + x];
                        int i = 1 + 3 * x;
                        row[i] = (byte) ((rgb >> 16) - (above >> 16));
                        row[i + 1] = (byte) ((rgb >> 8) - (above >> 8));
                        row[i + 2] = (byte) (rgb - above);
                    }
                    zip.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        DataOutputStream stream = new DataOutputStream(out);
        stream.writeInt(data.length);
        stream.write(typeBytes);
        stream.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        stream.writeInt((int) crc.getValue());
    }
}
