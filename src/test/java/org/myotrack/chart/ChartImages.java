package org.myotrack.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Decodes rendered charts and counts pixels of a colour inside a chart's data area. */
final class ChartImages {

    /** Antialiased edges blend into the background; the inside of a line or shape keeps its colour within this. */
    static final int TOLERANCE = 24;

    private ChartImages() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("Not a decodable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where JFreeChart lays out the data area of the chart (or of one subplot of a combined plot), found by
     * drawing a freshly built copy: the renderers build the same layout from the same input every time.
     */
    static Rectangle dataArea(JFreeChart chart, int width, int height, int subplot) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = scratch.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g2.dispose();
        }
        Rectangle2D area = subplot < 0 ? info.getPlotInfo().getDataArea()
                : info.getPlotInfo().getSubplotInfo(subplot).getDataArea();
        // One pixel in from each edge, so axis lines and plot outlines are not counted.
        return new Rectangle((int) Math.ceil(area.getX()) + 1, (int) Math.ceil(area.getY()) + 1,
                (int) Math.floor(area.getWidth()) - 2, (int) Math.floor(area.getHeight()) - 2);
    }

    static int count(BufferedImage image, Color colour, Rectangle area) {
        Rectangle clipped = area.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int matches = 0;
        for (int y = clipped.y; y < clipped.y + clipped.height; y++) {
            for (int x = clipped.x; x < clipped.x + clipped.width; x++) {
                if (near(image.getRGB(x, y), colour)) {
                    matches++;
                }
            }
        }
        return matches;
    }

    static int count(BufferedImage image, Color colour) {
        return count(image, colour, new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    private static boolean near(int rgb, Color colour) {
        int red = ((rgb >> 16) & 0xff) - colour.getRed();
        int green = ((rgb >> 8) & 0xff) - colour.getGreen();
        int blue = (rgb & 0xff) - colour.getBlue();
        return red * red + green * green + blue * blue <= TOLERANCE * TOLERANCE;
    }
}
