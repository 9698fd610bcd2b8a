package org.myotrack.chart;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders the coordinators' cohort charts as PNG: response over time, refractory share by serology group and the
 * therapy swimmer. Every call builds its own chart, so calls may run concurrently.
 */
public final class CohortChartRenderer {

    /** Shown instead of an empty plot when the filters leave no patients. */
    public static final String NO_PATIENTS = "No patients match";

    /** Average Gregorian month, so that month offsets do not drift over long follow-up. */
    private static final double DAYS_PER_MONTH = 365.2425 / 12;
    /** Segments thinner than this carry no percentage label: the text would not fit. */
    private static final double MIN_LABELLED_SHARE = 7;
    /** Bin width assumed when a single bin leaves nothing to infer it from. */
    private static final int DEFAULT_BIN_MONTHS = 6;

    private CohortChartRenderer() {
    }

    /** Stacked bars of the share of patients per response category by months since diagnosis, as PNG. */
    public static byte[] responseOverTime(List<ResponseShare> shares, int width, int height) {
        return ChartStyle.png(responseOverTimeChart(shares, width, height), width, height);
    }

    /** Bars of the refractory share per serology group, labelled "refractory/total", as PNG. */
    public static byte[] refractoryByAntibody(List<AntibodyGroupShare> groups, int width, int height) {
        return ChartStyle.png(refractoryByAntibodyChart(groups, width, height), width, height);
    }

    /** One row per patient with drug bars over months of follow-up and flag onsets marked, as PNG. */
    public static byte[] therapySwimmer(List<SwimmerLane> lanes, int width, int height) {
        return ChartStyle.png(therapySwimmerChart(lanes, width, height), width, height);
    }

    static JFreeChart responseOverTimeChart(List<ResponseShare> shares, int width, int height) {
        ChartStyle style = new ChartStyle(width, height);
        List<ResponseShare> rows = shares == null ? List.of() : shares.stream().filter(Objects::nonNull).toList();
        Map<Integer, Map<String, Integer>> bins = new TreeMap<>();
        for (ResponseShare share : rows) {
            ChartPalette.response(share.response());
            if (share.patients() < 0) {
                throw new IllegalArgumentException("patients must not be negative: " + share);
            }
            bins.computeIfAbsent(share.monthsSinceDiagnosis(), month -> new LinkedHashMap<>())
                    .merge(share.response().trim().toUpperCase(Locale.ROOT), share.patients(), Integer::sum);
        }
        bins.values().removeIf(counts -> counts.values().stream().mapToInt(Integer::intValue).sum() == 0);
        int binWidth = binWidth(List.copyOf(bins.keySet()));

        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Map.Entry<Integer, Map<String, Integer>> bin : bins.entrySet()) {
            int total = bin.getValue().values().stream().mapToInt(Integer::intValue).sum();
            String column = bin.getKey() + "–" + (bin.getKey() + binWidth) + " mo\nn = " + total;
            for (String category : ChartPalette.RESPONSE_CATEGORIES) {
                int patients = bin.getValue().getOrDefault(category, 0);
                dataset.addValue(100.0 * patients / total, ChartPalette.responseLabel(category), column);
            }
        }

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(ChartPalette.OUTLINE);
        renderer.setDefaultOutlineStroke(style.line(0.6f));
        for (int i = 0; i < ChartPalette.RESPONSE_CATEGORIES.size(); i++) {
            Color colour = ChartPalette.response(ChartPalette.RESPONSE_CATEGORIES.get(i));
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesItemLabelPaint(i, textColourOn(colour));
        }
        renderer.setDefaultItemLabelGenerator(new PercentLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.annotationFont);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER,
                TextAnchor.CENTER));

        NumberAxis share = new NumberAxis("Patients (%)");
        share.setRange(0, 100);
        share.setTickUnit(new NumberTickUnit(20));
        CategoryAxis months = new CategoryAxis("Months since diagnosis");
        months.setMaximumCategoryLabelLines(2);
        return categoryChart(style, "Response (TIS) by time since diagnosis", dataset, months, share, renderer,
                true);
    }

    static JFreeChart refractoryByAntibodyChart(List<AntibodyGroupShare> groups, int width, int height) {
        ChartStyle style = new ChartStyle(width, height);
        List<AntibodyGroupShare> rows = groups == null ? List.of()
                : groups.stream().filter(Objects::nonNull).toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, AntibodyGroupShare> byColumn = new LinkedHashMap<>();
        for (AntibodyGroupShare group : rows) {
            if (group.total() < 0 || group.refractory() < 0 || group.refractory() > group.total()) {
                throw new IllegalArgumentException("refractory must be between 0 and total: " + group);
            }
            String column = group.group() == null || group.group().isBlank() ? "Unknown" : group.group();
            byColumn.put(column, group);
            dataset.addValue(group.total() == 0 ? 0 : 100.0 * group.refractory() / group.total(), "Refractory",
                    column);
        }
        if (byColumn.values().stream().allMatch(group -> group.total() == 0)) {
            dataset.clear();
        }

        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.1);
        renderer.setSeriesPaint(0, ChartPalette.REFRACTORY);
        renderer.setDefaultItemLabelGenerator(new CountLabels(byColumn));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.annotationFont);
        renderer.setDefaultItemLabelPaint(ChartPalette.TEXT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
        // Bars at 0 % still get their "0/12" label just above the baseline.
        renderer.setMinimumBarLength(0);

        NumberAxis share = new NumberAxis("Refractory (%)");
        // Headroom above 100 % for the count labels of a fully refractory group.
        share.setRange(0, 112);
        share.setTickUnit(new NumberTickUnit(20));
        CategoryAxis serology = new CategoryAxis("Serology group");
        if (byColumn.size() > 8) {
            serology.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        } else {
            serology.setMaximumCategoryLabelLines(2);
        }
        return categoryChart(style, "Refractory patients by serology group", dataset, serology, share, renderer,
                false);
    }

    static JFreeChart therapySwimmerChart(List<SwimmerLane> lanes, int width, int height) {
        ChartStyle style = new ChartStyle(width, height);
        List<SwimmerLane> rows = lanes == null ? List.of() : lanes.stream()
                .filter(lane -> lane != null && lane.from() != null && lane.to() != null
                        && !lane.to().isBefore(lane.from()))
                .toList();

        Map<String, XYIntervalSeries> byDrug = new LinkedHashMap<>();
        XYIntervalSeries followUp = new XYIntervalSeries("Follow-up", false, true);
        XYSeries flags = new XYSeries("Flag onset", false, true);
        String[] labels = new String[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            SwimmerLane lane = rows.get(row);
            labels[row] = lane.patientLabel() == null ? "–" : lane.patientLabel();
            double length = months(lane.from(), lane.to().plusDays(1));
            followUp.add(0, 0, length, row, row - 0.42, row + 0.42);

            List<DrugPeriod> periods = lane.periods().stream()
                    .filter(period -> period.start() != null && period.end() != null
                            && !period.end().isBefore(lane.from()) && !period.start().isAfter(lane.to())
                            && !period.end().isBefore(period.start()))
                    .toList();
            // Concurrent drugs share the row as thin stripes, one per drug, so overlapping bars stay visible.
            List<String> drugsInRow = periods.stream().map(period -> ChartStyle.displayName(period.drug()))
                    .distinct().toList();
            double stripe = 0.76 / Math.max(1, drugsInRow.size());
            for (DrugPeriod period : periods) {
                String drug = ChartStyle.displayName(period.drug());
                int slot = drugsInRow.indexOf(drug);
                double top = row - 0.38 + slot * stripe;
                LocalDate start = period.start().isBefore(lane.from()) ? lane.from() : period.start();
                LocalDate end = period.end().isAfter(lane.to()) ? lane.to() : period.end();
                double x0 = months(lane.from(), start);
                double x1 = months(lane.from(), end.plusDays(1));
                byDrug.computeIfAbsent(drug, name -> new XYIntervalSeries(name, false, true))
                        .add(x0, x0, x1, row, top, top + stripe);
            }
            for (FlagOnset flag : lane.flagOnsets()) {
                if (flag.date() != null && !flag.date().isBefore(lane.from()) && !flag.date().isAfter(lane.to())) {
                    flags.add(months(lane.from(), flag.date()), row);
                }
            }
        }

        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        bars.addSeries(followUp);
        byDrug.values().forEach(bars::addSeries);
        LabelledBarRenderer barRenderer = new LabelledBarRenderer(List.of(), style.annotationFont);
        barRenderer.setSeriesPaint(0, ChartPalette.FOLLOW_UP);
        for (int i = 1; i < bars.getSeriesCount(); i++) {
            barRenderer.setSeriesPaint(i, ChartPalette.drug(i - 1));
        }

        XYLineAndShapeRenderer flagRenderer = new XYLineAndShapeRenderer(false, true);
        float rowPixels = (float) ((height - 160 * style.scale) / Math.max(1, rows.size()));
        float flagSize = Math.max(5 * style.scale, Math.min(12 * style.scale, rowPixels * 0.7f));
        flagRenderer.setSeriesShape(0, diamond(flagSize));
        flagRenderer.setSeriesPaint(0, ChartPalette.FLAG);
        flagRenderer.setUseOutlinePaint(true);
        flagRenderer.setDrawOutlines(true);
        flagRenderer.setSeriesOutlinePaint(0, Color.WHITE);
        flagRenderer.setSeriesOutlineStroke(0, style.line(0.8f));

        NumberAxis time = new NumberAxis("Months since start of follow-up");
        time.setAutoRangeIncludesZero(true);
        // Time zero is every row's start: no margin before it.
        time.setLowerMargin(0);
        time.setUpperMargin(0.02);
        TickUnits monthSteps = new TickUnits();
        for (int months : new int[] {1, 3, 6, 12, 24, 60, 120}) {
            monthSteps.add(new NumberTickUnit(months));
        }
        time.setStandardTickUnits(monthSteps);
        style.styleAxis(time);
        SymbolAxis patients = new SymbolAxis(null, labels);
        // First patient on top, as in the cohort list.
        patients.setInverted(true);
        patients.setGridBandsVisible(false);
        style.styleAxis(patients);

        XYPlot plot = new XYPlot(rows.isEmpty() ? null : bars, time, patients, barRenderer);
        if (!rows.isEmpty()) {
            plot.setDataset(1, new XYSeriesCollection(flags));
            plot.setRenderer(1, flagRenderer);
        }
        plot.setOrientation(PlotOrientation.VERTICAL);
        // Follow-up first, then drug bars over it, then flag shapes over both.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style.stylePlot(plot);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessage(NO_PATIENTS);
        return style.chart("Therapy by patient", plot, !rows.isEmpty());
    }

    private static JFreeChart categoryChart(ChartStyle style, String title, CategoryDataset dataset,
            CategoryAxis categoryAxis, NumberAxis valueAxis, BarRenderer renderer, boolean legend) {
        style.styleAxis(categoryAxis);
        style.styleAxis(valueAxis);
        boolean empty = dataset.getColumnCount() == 0;
        CategoryPlot plot = new CategoryPlot(empty ? null : dataset, categoryAxis, valueAxis, renderer);
        style.stylePlot(plot);
        plot.setNoDataMessage(NO_PATIENTS);
        return style.chart(title, plot, legend && !empty);
    }

    /** The smallest gap between bin starts; 6 months when there is only one bin. */
    private static int binWidth(List<Integer> starts) {
        int width = Integer.MAX_VALUE;
        for (int i = 1; i < starts.size(); i++) {
            width = Math.min(width, starts.get(i) - starts.get(i - 1));
        }
        return width == Integer.MAX_VALUE ? DEFAULT_BIN_MONTHS : width;
    }

    private static double months(LocalDate from, LocalDate date) {
        return ChronoUnit.DAYS.between(from, date) / DAYS_PER_MONTH;
    }

    private static Color textColourOn(Color colour) {
        double luminance = 0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue();
        return luminance < 128 ? Color.WHITE : ChartPalette.TEXT;
    }

    private static Shape diamond(float size) {
        float half = size / 2;
        Path2D.Float path = new Path2D.Float();
        path.moveTo(0, -half);
        path.lineTo(half, 0);
        path.lineTo(0, half);
        path.lineTo(-half, 0);
        path.closePath();
        return path;
    }

    /** "42 %" inside a stacked segment, left off where the segment is too thin to hold it. */
    private static final class PercentLabels implements CategoryItemLabelGenerator {

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            if (value == null || value.doubleValue() < MIN_LABELLED_SHARE) {
                return null;
            }
            return Math.round(value.doubleValue()) + " %";
        }
    }

    /** "3/12" above each bar: the counts behind the share. */
    private static final class CountLabels implements CategoryItemLabelGenerator {

        private final Map<String, AntibodyGroupShare> byColumn;

        CountLabels(Map<String, AntibodyGroupShare> byColumn) {
            this.byColumn = new LinkedHashMap<>(byColumn);
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            AntibodyGroupShare group = byColumn.get(dataset.getColumnKey(column).toString());
            return group == null ? null : group.refractory() + "/" + group.total();
        }
    }
}
