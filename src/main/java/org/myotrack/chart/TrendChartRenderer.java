package org.myotrack.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders one patient's trend chart: CK, strength, activity and function, TIS response, therapy lanes and the
 * prednisone-equivalent dose on one shared time axis, as PNG or SVG. Every call builds its own chart, so calls may
 * run concurrently.
 */
public final class TrendChartRenderer {

    public static final int MIN_SIZE = 200;
    public static final int MAX_WIDTH = 4000;
    public static final int MAX_HEIGHT = 4000;

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
    /** CK axis spans at least 0.1–100 × ULN, so a normal CK and a 50-fold rise are both on the chart. */
    private static final double CK_AXIS_MIN = 0.1;
    private static final double CK_AXIS_MAX = 100;
    /** HAQ-DI and CHAQ range 0–3; physician global is a 10 cm VAS (clinical.md §2). */
    private static final double HAQ_MAX = 3;
    private static final double GLOBAL_MAX = 10;
    /** Headroom above full scale so points at the maximum are not cut in half by the plot edge. */
    private static final double HEADROOM = 1.05;
    /** Flag labels stack in at most this many rows before one is left off (its marker line stays). */
    private static final int FLAG_LABEL_ROWS = 3;

    private TrendChartRenderer() {
    }

    /** The chart as PNG bytes; throws IllegalArgumentException for a size outside MIN_SIZE..MAX_WIDTH/MAX_HEIGHT. */
    public static byte[] png(TrendChartData data, int width, int height) {
        return ChartStyle.png(build(data, width, height), width, height);
    }

    /** The chart as an SVG document; throws IllegalArgumentException for a size outside the bounds. */
    public static String svg(TrendChartData data, int width, int height) {
        return ChartStyle.svg(build(data, width, height), width, height);
    }

    static JFreeChart build(TrendChartData data, int width, int height) {
        Objects.requireNonNull(data, "data");
        ChartStyle style = new ChartStyle(width, height);
        Window window = Window.of(data);
        Layout layout = new Layout(style, width, window);

        List<TrendVisit> visits = data.visits().stream()
                .filter(visit -> visit.date() != null && window.contains(visit.date()))
                .sorted(Comparator.comparing(TrendVisit::date))
                .toList();
        List<DrugPeriod> periods = data.drugPeriods().stream()
                .map(window::clip)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(DrugPeriod::start))
                .toList();
        List<DoseStep> steps = data.prednisoneEquivalent().stream()
                .map(window::clip)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(DoseStep::from))
                .toList();
        Map<LocalDate, List<String>> flagsByDate = new TreeMap<>();
        data.flagOnsets().stream()
                .filter(flag -> flag.date() != null && window.contains(flag.date()))
                .forEach(flag -> flagsByDate.computeIfAbsent(flag.date(), date -> new ArrayList<>())
                        .add(flagLabel(flag.code())));

        float shapeSize = layout.shapeSize(visits.size(), style.scale);
        List<XYPlot> subplots = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();

        XYPlot ck = enzymePlot(style, visits, shapeSize);
        if (visits.isEmpty()) {
            ck.setNoDataMessage("No visits in this period");
        }
        subplots.add(ck);
        weights.add(12);
        subplots.add(strengthPlot(style, data.juvenile(), visits, shapeSize));
        weights.add(12);
        subplots.add(activityPlot(style, data.juvenile(), visits, shapeSize));
        weights.add(10);
        subplots.add(responsePlot(style, visits, shapeSize * 1.4f));
        weights.add(4);
        if (!periods.isEmpty()) {
            XYPlot drugs = drugPlot(style, periods);
            subplots.add(drugs);
            // Lanes get a fixed share each, up to a cap, so a long therapy history does not squeeze the measures.
            weights.add(Math.min(24, 2 + 3 * ((SymbolAxis) drugs.getRangeAxis()).getSymbols().length));
        }
        if (!steps.isEmpty()) {
            subplots.add(prednisonePlot(style, steps));
            weights.add(7);
        }

        DateAxis time = new DateAxis(null, TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
        style.styleAxis(time);
        time.setRange(window.axisRange());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(7 * style.scale);
        style.stylePlot(combined);
        for (int i = 0; i < subplots.size(); i++) {
            combined.add(subplots.get(i), weights.get(i));
        }
        addFlagMarkers(style, layout, subplots, flagsByDate);
        return style.chart(data.title(), combined, true);
    }

    private static XYPlot enzymePlot(ChartStyle style, List<TrendVisit> visits, float shapeSize) {
        XYSeries ck = new XYSeries("CK × ULN", false, true);
        for (TrendVisit visit : visits) {
            // A log axis cannot place zero; a CK of 0 is not a plausible result anyway.
            if (visit.ckTimesUln() != null && visit.ckTimesUln() > 0) {
                ck.add(ChartStyle.millis(visit.date()) + DAY_MILLIS / 2.0, visit.ckTimesUln());
            }
        }
        LogarithmicAxis axis = new LogarithmicAxis("CK × ULN");
        axis.setAllowNegativesFlag(false);
        axis.setStrictValuesFlag(false);
        double lower = CK_AXIS_MIN;
        double upper = CK_AXIS_MAX;
        if (ck.getItemCount() > 0) {
            lower = Math.min(lower, Math.pow(10, Math.floor(Math.log10(ck.getMinY()))));
            upper = Math.max(upper, Math.pow(10, Math.ceil(Math.log10(ck.getMaxY()))));
        }
        axis.setRange(lower, upper);
        style.styleAxis(axis);

        XYPlot plot = new XYPlot(new XYSeriesCollection(ck), null, axis, lineRenderer(style, ChartPalette.CK,
                circle(shapeSize)));
        style.stylePlot(plot);
        ValueMarker uln = new ValueMarker(1.0, ChartPalette.REFERENCE_LINE, style.dashed(1.3f));
        uln.setLabel("ULN");
        uln.setLabelFont(style.annotationFont);
        uln.setLabelPaint(ChartPalette.REFERENCE_LINE);
        uln.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        uln.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        uln.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        uln.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        plot.addRangeMarker(uln, Layer.BACKGROUND);
        return plot;
    }

    private static XYPlot strengthPlot(ChartStyle style, boolean juvenile, List<TrendVisit> visits,
            float shapeSize) {
        XYSeries mmt8 = new XYSeries("MMT-8 (% of max)", false, true);
        XYSeries cmas = new XYSeries("CMAS (% of max)", false, true);
        for (TrendVisit visit : visits) {
            if (visit.strengthPercent() == null) {
                continue;
            }
            boolean isCmas = visit.strengthLabel() == null ? juvenile : "CMAS".equalsIgnoreCase(
                    visit.strengthLabel().trim());
            (isCmas ? cmas : mmt8).add(midday(visit.date()), visit.strengthPercent());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = lineRenderer(style, ChartPalette.MMT8, square(shapeSize));
        if (mmt8.getItemCount() > 0 || cmas.getItemCount() == 0) {
            dataset.addSeries(mmt8);
        }
        if (cmas.getItemCount() > 0) {
            int index = dataset.getSeriesCount();
            dataset.addSeries(cmas);
            styleSeries(style, renderer, index, ChartPalette.CMAS, triangle(shapeSize));
        }
        String label;
        if (mmt8.getItemCount() > 0 && cmas.getItemCount() > 0) {
            label = "Strength (% max)";
        } else if (cmas.getItemCount() > 0 || (mmt8.getItemCount() == 0 && juvenile)) {
            label = "CMAS (% max)";
        } else {
            label = "MMT-8 (% max)";
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(0, 100 * HEADROOM);
        axis.setTickUnit(new NumberTickUnit(25));
        style.styleAxis(axis);
        XYPlot plot = new XYPlot(dataset, null, axis, renderer);
        style.stylePlot(plot);
        return plot;
    }

    private static XYPlot activityPlot(ChartStyle style, boolean juvenile, List<TrendVisit> visits,
            float shapeSize) {
        String haqName = juvenile ? "CHAQ" : "HAQ";
        XYSeries global = new XYSeries("Physician global (cm)", false, true);
        XYSeries haq = new XYSeries(haqName + " (0–3)", false, true);
        for (TrendVisit visit : visits) {
            if (visit.physicianGlobal() != null) {
                global.add(midday(visit.date()), visit.physicianGlobal());
            }
            if (visit.haq() != null) {
                haq.add(midday(visit.date()), visit.haq());
            }
        }
        NumberAxis globalAxis = new NumberAxis("Phys. global (cm)");
        globalAxis.setRange(0, GLOBAL_MAX * HEADROOM);
        globalAxis.setTickUnit(new NumberTickUnit(2));
        style.styleAxis(globalAxis);
        // Same headroom on both axes keeps 0 and full scale level with each other.
        NumberAxis haqAxis = new NumberAxis(haqName);
        haqAxis.setRange(0, HAQ_MAX * HEADROOM);
        haqAxis.setTickUnit(new NumberTickUnit(0.5));
        style.styleAxis(haqAxis);

        XYPlot plot = new XYPlot(new XYSeriesCollection(global), null, globalAxis,
                lineRenderer(style, ChartPalette.PHYSICIAN_GLOBAL, diamond(shapeSize)));
        plot.setRangeAxis(1, haqAxis);
        plot.setDataset(1, new XYSeriesCollection(haq));
        plot.setRenderer(1, lineRenderer(style, ChartPalette.HAQ, downTriangle(shapeSize)));
        plot.mapDatasetToRangeAxis(1, 1);
        style.stylePlot(plot);
        return plot;
    }

    private static XYPlot responsePlot(ChartStyle style, List<TrendVisit> visits, float shapeSize) {
        Map<String, XYSeries> byCategory = new LinkedHashMap<>();
        for (String category : ChartPalette.RESPONSE_CATEGORIES) {
            byCategory.put(category, new XYSeries(ChartPalette.responseLabel(category), false, true));
        }
        for (TrendVisit visit : visits) {
            if (visit.response() != null && !visit.response().isBlank()) {
                String category = visit.response().trim().toUpperCase(Locale.ROOT);
                XYSeries series = byCategory.get(category);
                if (series == null) {
                    throw new IllegalArgumentException("Unknown response category: " + visit.response());
                }
                series.add(midday(visit.date()), 0);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        renderer.setDefaultOutlinePaint(ChartPalette.OUTLINE);
        renderer.setDefaultOutlineStroke(style.line(1f));
        int index = 0;
        for (Map.Entry<String, XYSeries> entry : byCategory.entrySet()) {
            dataset.addSeries(entry.getValue());
            renderer.setSeriesPaint(index, ChartPalette.response(entry.getKey()));
            renderer.setSeriesShape(index, circle(shapeSize));
            index++;
        }
        SymbolAxis axis = new SymbolAxis(null, new String[] {"TIS response"});
        axis.setGridBandsVisible(false);
        style.styleAxis(axis);
        XYPlot plot = new XYPlot(dataset, null, axis, renderer);
        style.stylePlot(plot);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static XYPlot drugPlot(ChartStyle style, List<DrugPeriod> periods) {
        Set<String> drugs = new LinkedHashSet<>();
        periods.forEach(period -> drugs.add(ChartStyle.displayName(period.drug())));
        List<String> lanes = List.copyOf(drugs);
        XYIntervalSeries bars = new XYIntervalSeries("Therapy", false, true);
        List<String> labels = new ArrayList<>();
        for (DrugPeriod period : periods) {
            int lane = lanes.indexOf(ChartStyle.displayName(period.drug()));
            double start = ChartStyle.millis(period.start());
            double end = ChartStyle.millis(period.end().plusDays(1));
            bars.add(start, start, end, lane, lane - 0.32, lane + 0.32);
            labels.add(period.doseLabel());
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(bars);
        LabelledBarRenderer renderer = new LabelledBarRenderer(List.of(labels), style.annotationFont);
        renderer.setSeriesPaint(0, ChartPalette.DRUG_BAR);
        renderer.setSeriesVisibleInLegend(0, false);
        // Thin white edges separate consecutive dose periods of the same drug.
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(style.line(1f));
        SymbolAxis axis = new SymbolAxis(null, lanes.toArray(String[]::new));
        // First drug on top, reading down like the therapy history table.
        axis.setInverted(true);
        style.styleAxis(axis);
        XYPlot plot = new XYPlot(dataset, null, axis, renderer);
        style.stylePlot(plot);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static XYPlot prednisonePlot(ChartStyle style, List<DoseStep> steps) {
        XYSeries dose = new XYSeries("Prednisone equivalent (mg/day)", false, true);
        for (int i = 0; i < steps.size(); i++) {
            DoseStep step = steps.get(i);
            double after = ChartStyle.millis(step.to().plusDays(1));
            dose.add(ChartStyle.millis(step.from()), step.mgPerDay());
            dose.add(after, step.mgPerDay());
            boolean gapFollows = i + 1 == steps.size() || steps.get(i + 1).from().isAfter(step.to().plusDays(1));
            if (gapFollows) {
                dose.add(after, 0);
            }
        }
        NumberAxis axis = new NumberAxis("Pred. eq. (mg/d)");
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.15);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style.styleAxis(axis);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, ChartPalette.PREDNISONE_EQUIVALENT);
        renderer.setSeriesStroke(0, style.line(2.2f));
        renderer.setDefaultToolTipGenerator(null);
        XYPlot plot = new XYPlot(new XYSeriesCollection(dose), null, axis, renderer);
        style.stylePlot(plot);
        return plot;
    }

    /**
     * A dashed marker on every subplot; the label only on the top one, stacked into rows so that labels of
     * nearby onsets do not overprint each other.
     */
    private static void addFlagMarkers(ChartStyle style, Layout layout, List<XYPlot> subplots,
            Map<LocalDate, List<String>> flagsByDate) {
        FontRenderContext context = new FontRenderContext(new AffineTransform(), true, true);
        double[] rowFreeFrom = new double[FLAG_LABEL_ROWS];
        Arrays.fill(rowFreeFrom, Double.NEGATIVE_INFINITY);
        double rowHeight = style.annotationFont.getLineMetrics("Ag", context).getHeight() + 2 * style.scale;
        for (Map.Entry<LocalDate, List<String>> entry : flagsByDate.entrySet()) {
            double x = midday(entry.getKey());
            for (int i = 0; i < subplots.size(); i++) {
                ValueMarker marker = new ValueMarker(x, ChartPalette.FLAG, style.dashed(1.2f));
                if (i == 0) {
                    String label = String.join(", ", new LinkedHashSet<>(entry.getValue()));
                    double left = layout.xToPixels(x);
                    double right = left + style.annotationFont.getStringBounds(label, context).getWidth()
                            + 8 * style.scale;
                    int row = 0;
                    while (row < FLAG_LABEL_ROWS && rowFreeFrom[row] > left) {
                        row++;
                    }
                    if (row < FLAG_LABEL_ROWS) {
                        rowFreeFrom[row] = right;
                        marker.setLabel(label);
                        marker.setLabelFont(style.annotationFont);
                        marker.setLabelPaint(ChartPalette.TEXT);
                        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
                        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                        marker.setLabelOffset(new RectangleInsets(3 + row * rowHeight, 3, 3, 3));
                    }
                }
                subplots.get(i).addDomainMarker(marker, Layer.FOREGROUND);
            }
        }
    }

    /** Readable text for known flag codes (clinical.md §6); unknown codes are shown as written. */
    static String flagLabel(String code) {
        if (code == null) {
            return "Flag";
        }
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "INADEQUATE_RESPONSE" -> "Inadequate response";
            case "GLUCOCORTICOID_DEPENDENCE" -> "GC dependence";
            case "MULTIPLE_AGENT_FAILURE" -> "Multiple agents failed";
            case "CONFIRMED_WORSENING" -> "Confirmed worsening";
            case "WEAKNESS_WITHOUT_ACTIVITY" -> "Weakness w/o activity";
            case "ENZYMES_WITHOUT_WEAKNESS" -> "Enzymes w/o weakness";
            case "REEVALUATE_DIAGNOSIS" -> "Re-evaluate diagnosis";
            case "CONSIDER_IBM" -> "Consider IBM";
            default -> code;
        };
    }

    private static XYLineAndShapeRenderer lineRenderer(ChartStyle style, Color colour, Shape shape) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        styleSeries(style, renderer, 0, colour, shape);
        renderer.setDefaultToolTipGenerator(null);
        return renderer;
    }

    private static void styleSeries(ChartStyle style, XYLineAndShapeRenderer renderer, int series, Color colour,
            Shape shape) {
        renderer.setSeriesPaint(series, colour);
        renderer.setSeriesStroke(series, style.line(2f));
        renderer.setSeriesShape(series, shape);
        renderer.setSeriesShapesFilled(series, true);
    }

    /** Visits are drawn at midday so a point sits in the middle of its day, inside that day's therapy bars. */
    private static double midday(LocalDate date) {
        return ChartStyle.millis(date) + DAY_MILLIS / 2.0;
    }

    private static Shape circle(float size) {
        return new Ellipse2D.Float(-size / 2, -size / 2, size, size);
    }

    private static Shape square(float size) {
        float side = size * 0.9f;
        return new Rectangle2D.Float(-side / 2, -side / 2, side, side);
    }

    private static Shape diamond(float size) {
        float half = size * 0.65f;
        Path2D.Float path = new Path2D.Float();
        path.moveTo(0, -half);
        path.lineTo(half, 0);
        path.lineTo(0, half);
        path.lineTo(-half, 0);
        path.closePath();
        return path;
    }

    private static Shape triangle(float size) {
        float half = size * 0.6f;
        Path2D.Float path = new Path2D.Float();
        path.moveTo(0, -half);
        path.lineTo(half, half);
        path.lineTo(-half, half);
        path.closePath();
        return path;
    }

    private static Shape downTriangle(float size) {
        float half = size * 0.6f;
        Path2D.Float path = new Path2D.Float();
        path.moveTo(-half, -half);
        path.lineTo(half, -half);
        path.lineTo(0, half);
        path.closePath();
        return path;
    }

    /** The days shown: from the first to the last, inclusive. */
    private record Window(LocalDate from, LocalDate to) {

        static Window of(TrendChartData data) {
            LocalDate from = data.from();
            LocalDate to = data.to();
            if (from == null || to == null) {
                List<LocalDate> dates = Stream.of(
                        data.visits().stream().map(TrendVisit::date),
                        data.drugPeriods().stream().flatMap(period -> Stream.of(period.start(), period.end())),
                        data.prednisoneEquivalent().stream().flatMap(step -> Stream.of(step.from(), step.to())),
                        data.flagOnsets().stream().map(FlagOnset::date))
                        .flatMap(stream -> stream)
                        .filter(Objects::nonNull)
                        .sorted()
                        .toList();
                LocalDate fallback = LocalDate.now(ZoneOffset.UTC);
                if (from == null) {
                    from = dates.isEmpty() ? (to == null ? fallback : to).minusYears(1) : dates.get(0);
                }
                if (to == null) {
                    to = dates.isEmpty() ? fallback : dates.get(dates.size() - 1);
                }
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
            }
            return new Window(from, to);
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }

        /** A margin of 1.5 % each side keeps points on the first and last day clear of the plot edge. */
        Range axisRange() {
            double start = ChartStyle.millis(from);
            double end = ChartStyle.millis(to.plusDays(1));
            double margin = Math.max(DAY_MILLIS / 2.0, (end - start) * 0.015);
            return new Range(start - margin, end + margin);
        }

        DrugPeriod clip(DrugPeriod period) {
            if (period.start() == null || period.end() == null || period.end().isBefore(from)
                    || period.start().isAfter(to) || period.end().isBefore(period.start())) {
                return null;
            }
            return new DrugPeriod(period.drug(), max(period.start(), from), min(period.end(), to),
                    period.doseLabel());
        }

        DoseStep clip(DoseStep step) {
            if (step.from() == null || step.to() == null || step.to().isBefore(from) || step.from().isAfter(to)
                    || step.to().isBefore(step.from())) {
                return null;
            }
            return new DoseStep(max(step.from(), from), min(step.to(), to), step.mgPerDay());
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }

    /**
     * Estimates of the data area before JFreeChart lays it out, good enough to size shapes and to keep flag
     * labels apart; the axes take roughly the same room on every chart.
     */
    private record Layout(double dataLeft, double dataWidth, double start, double end) {

        Layout(ChartStyle style, int width, Window window) {
            this(150 * style.scale, Math.max(50, width - 220 * style.scale), window.axisRange().getLowerBound(),
                    window.axisRange().getUpperBound());
        }

        double xToPixels(double millis) {
            return dataLeft + (millis - start) / (end - start) * dataWidth;
        }

        /** Points shrink as visits crowd, between a size still visible in print and one that does not dominate. */
        float shapeSize(int visitCount, float scale) {
            double spacing = dataWidth / Math.max(1, visitCount);
            return (float) Math.max(5 * scale, Math.min(9 * scale, spacing * 0.7));
        }
    }
}
