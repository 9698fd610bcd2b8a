package org.myotrack.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Fonts, strokes and output encoding shared by the chart renderers, sized for one requested image. */
final class ChartStyle {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");

    /** Text and strokes grow with the image, so a 2000 px print chart is as legible as a 1000 px screen chart. */
    final float scale;
    final Font titleFont;
    final Font axisLabelFont;
    final Font tickLabelFont;
    final Font legendFont;
    final Font annotationFont;
    /** Below this a legend would take the whole image: thumbnails go without one. */
    final boolean roomForLegend;

    static {
        // JFreeChart's default draws rotated text (the vertical axis labels) as a TextLayout, which SVG output
        // turns into outlines; plain drawString keeps them real, searchable <text>. The old JDK bug the
        // workaround was for does not affect Java 17.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    ChartStyle(int width, int height) {
        checkSize(width, height);
        this.scale = (float) Math.max(0.75, Math.min(3.0, Math.min(width / 1000.0, height / 650.0)));
        this.titleFont = ChartFonts.bold(16f * scale);
        this.axisLabelFont = ChartFonts.regular(12.5f * scale);
        this.tickLabelFont = ChartFonts.regular(11.5f * scale);
        this.legendFont = ChartFonts.regular(12f * scale);
        this.annotationFont = ChartFonts.regular(11f * scale);
        this.roomForLegend = width >= 480 && height >= 320;
    }

    /** Refuses sizes that are unreadable or would cost an unreasonable amount of memory. */
    static void checkSize(int width, int height) {
        if (width < TrendChartRenderer.MIN_SIZE || width > TrendChartRenderer.MAX_WIDTH) {
            throw new IllegalArgumentException("width must be between " + TrendChartRenderer.MIN_SIZE + " and "
                    + TrendChartRenderer.MAX_WIDTH + " pixels, was " + width);
        }
        if (height < TrendChartRenderer.MIN_SIZE || height > TrendChartRenderer.MAX_HEIGHT) {
            throw new IllegalArgumentException("height must be between " + TrendChartRenderer.MIN_SIZE + " and "
                    + TrendChartRenderer.MAX_HEIGHT + " pixels, was " + height);
        }
    }

    Stroke line(float width) {
        return new BasicStroke(width * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    Stroke dashed(float width) {
        return new BasicStroke(width * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f * scale, 4f * scale}, 0f);
    }

    void styleAxis(Axis axis) {
        axis.setLabelFont(axisLabelFont);
        axis.setLabelPaint(ChartPalette.TEXT);
        axis.setTickLabelFont(tickLabelFont);
        axis.setTickLabelPaint(ChartPalette.TEXT);
        axis.setAxisLinePaint(ChartPalette.REFERENCE_LINE);
        axis.setTickMarkPaint(ChartPalette.REFERENCE_LINE);
        if (axis instanceof SymbolAxis symbols) {
            symbols.setGridBandPaint(new Color(246, 246, 246));
            symbols.setGridBandAlternatePaint(Color.WHITE);
        }
    }

    void stylePlot(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(ChartPalette.GRIDLINE);
        plot.setNoDataMessageFont(axisLabelFont);
        plot.setNoDataMessagePaint(ChartPalette.TEXT);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(ChartPalette.GRIDLINE);
            xy.setRangeGridlinePaint(ChartPalette.GRIDLINE);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(ChartPalette.GRIDLINE);
            category.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
    }

    /** Creates the chart around a styled plot, with the legend at the bottom and antialiasing on. */
    JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, titleFont, plot, legend && roomForLegend);
        if (title != null && !title.isBlank()) {
            TextTitle text = new TextTitle(title, titleFont);
            text.setPaint(ChartPalette.TEXT);
            chart.setTitle(text);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6 * scale, 6 * scale, 6 * scale, 10 * scale));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(legendFont);
            legendTitle.setItemPaint(ChartPalette.TEXT);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Draws vocabulary names such as METHYLPREDNISOLONE as "Methylprednisolone"; free text is kept as typed. */
    static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "Unnamed";
        }
        if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.length() <= 4) {
            return name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        // RGB, not ARGB: the chart paints an opaque background, and the encoder writes RGB only.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return PngEncoder.encode(image);
    }

    static String svg(JFreeChart chart, int width, int height) {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NAMESPACE, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("MyoTrack chart");
        // textAsShapes = false: text stays <text>, searchable and selectable in the report.
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        Element root = g2.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        StringWriter out = new StringWriter(256 * 1024);
        try {
            g2.stream(root, out, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("SVG serialisation failed", e);
        } finally {
            g2.dispose();
        }
        // Batik declares the SVG 1.0 DTD, which makes XML parsers fetch it over the network and which browsers
        // ignore; the document is valid without it.
        return DOCTYPE.matcher(out.toString()).replaceFirst("");
    }
}
