package org.myotrack.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Interval bars (x and y intervals) that write a label inside each bar, and skip a label the bar is too small for,
 * which JFreeChart's item labels cannot do because they are placed before the bar's size is known.
 */
final class LabelledBarRenderer extends XYBarRenderer {

    private static final long serialVersionUID = 1L;

    /** Labels by series, then by item index within the series; shorter lists mean no label. */
    private final List<List<String>> labels;
    private final Font font;

    LabelledBarRenderer(List<List<String>> labels, Font font) {
        this.labels = labels;
        this.font = font;
        setUseYInterval(true);
        setBarPainter(new StandardXYBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setDefaultToolTipGenerator(null);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState,
                pass);
        String label = labelOf(series, item);
        if (label == null || !(dataset instanceof IntervalXYDataset intervals) || !getItemVisible(series, item)) {
            return;
        }
        double left = domainAxis.valueToJava2D(intervals.getStartXValue(series, item), dataArea,
                plot.getDomainAxisEdge());
        double right = domainAxis.valueToJava2D(intervals.getEndXValue(series, item), dataArea,
                plot.getDomainAxisEdge());
        double top = rangeAxis.valueToJava2D(intervals.getEndYValue(series, item), dataArea, plot.getRangeAxisEdge());
        double bottom = rangeAxis.valueToJava2D(intervals.getStartYValue(series, item), dataArea,
                plot.getRangeAxisEdge());
        // Only the visible part of a bar can carry its label.
        double visibleLeft = Math.max(Math.min(left, right), dataArea.getMinX());
        double visibleRight = Math.min(Math.max(left, right), dataArea.getMaxX());
        double barHeight = Math.abs(bottom - top);
        FontMetrics metrics = g2.getFontMetrics(font);
        int textWidth = metrics.stringWidth(label);
        int padding = Math.max(2, metrics.getHeight() / 4);
        if (textWidth + 2 * padding > visibleRight - visibleLeft || metrics.getAscent() > barHeight) {
            return;
        }
        double centreX = (visibleLeft + visibleRight) / 2;
        double centreY = (top + bottom) / 2;
        g2.setFont(font);
        g2.setPaint(textColourOn(getItemPaint(series, item)));
        g2.drawString(label, (float) (centreX - textWidth / 2.0),
                (float) (centreY + (metrics.getAscent() - metrics.getDescent()) / 2.0));
    }

    private String labelOf(int series, int item) {
        if (series >= labels.size() || item >= labels.get(series).size()) {
            return null;
        }
        String label = labels.get(series).get(item);
        return label == null || label.isBlank() ? null : label;
    }

    /** Black on light bars, white on dark ones, by relative luminance. */
    private static Color textColourOn(Paint paint) {
        if (!(paint instanceof Color colour)) {
            return ChartPalette.TEXT;
        }
        double luminance = 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue();
        return luminance < 128 ? Color.WHITE : ChartPalette.TEXT;
    }
}
