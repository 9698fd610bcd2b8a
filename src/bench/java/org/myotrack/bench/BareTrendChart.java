package org.myotrack.bench;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.myotrack.chart.DoseStep;
import org.myotrack.chart.DrugPeriod;
import org.myotrack.chart.FlagOnset;
import org.myotrack.chart.TrendChartData;
import org.myotrack.chart.TrendVisit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The chart benchmark's baseline: the series of the registry's trend chart drawn from the same {@link TrendChartData}
 * by stock JFreeChart, as a program using the library directly would draw them. The same subplots on one time axis
 * (CK × ULN on a log axis, MMT-8/CMAS, physician global with HAQ on a second axis, TIS response, therapy bars in
 * lanes, prednisone-equivalent steps) and a dashed line on every flag onset, at the same size, with the library's
 * default look, rendered by {@link JFreeChart#createBufferedImage(int, int)} and encoded by
 * {@link ChartUtils#encodeAsPNG(BufferedImage)} (ImageIO). What it leaves out is the registry's own work: the
 * styling and scaled fonts, axis ranges and legends chosen per patient, dose labels on the bars, stacked flag labels
 * and the registry's PNG encoder.
 */
final class BareTrendChart {

    private static final double DAY_MILLIS = 24d * 60 * 60 * 1000;

    private BareTrendChart() {
    }

    static byte[] png(TrendChartData data, int width, int height) {
        try {
            return ChartUtils.encodeAsPNG(chart(data).createBufferedImage(width, height));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static JFreeChart chart(TrendChartData data) {
        XYSeries ck = new XYSeries("CK × ULN");
        XYSeries mmt8 = new XYSeries("MMT-8 %");
        XYSeries cmas = new XYSeries("CMAS %");
        XYSeries global = new XYSeries("Physician global");
        XYSeries haq = new XYSeries("HAQ");
        Map<String, XYSeries> responses = new LinkedHashMap<>();
        for (TrendVisit visit : data.visits()) {
            double x = midday(visit.date());
            if (visit.ckTimesUln() != null && visit.ckTimesUln() > 0) {
                ck.add(x, visit.ckTimesUln());
            }
            if (visit.strengthPercent() != null) {
                boolean isCmas = visit.strengthLabel() == null ? data.juvenile() : "CMAS".equalsIgnoreCase(visit.strengthLabel());
                (isCmas ? cmas : mmt8).add(x, visit.strengthPercent());
            }
            if (visit.physicianGlobal() != null) {
                global.add(x, visit.physicianGlobal());
            }
            if (visit.haq() != null) {
                haq.add(x, visit.haq());
            }
            if (visit.response() != null) {
                responses.computeIfAbsent(visit.response(), XYSeries::new).add(x, 0);
            }
        }
        List<XYPlot> plots = new ArrayList<>();
        plots.add(new XYPlot(new XYSeriesCollection(ck), null, new LogarithmicAxis("CK × ULN"), new XYLineAndShapeRenderer()));
        XYSeriesCollection strength = new XYSeriesCollection(mmt8);
        strength.addSeries(cmas);
        plots.add(new XYPlot(strength, null, new NumberAxis("Strength %"), new XYLineAndShapeRenderer()));
        XYPlot activity = new XYPlot(new XYSeriesCollection(global), null, new NumberAxis("Phys. global"),
                new XYLineAndShapeRenderer());
        activity.setDataset(1, new XYSeriesCollection(haq));
        activity.setRangeAxis(1, new NumberAxis("HAQ"));
        activity.setRenderer(1, new XYLineAndShapeRenderer());
        activity.mapDatasetToRangeAxis(1, 1);
        plots.add(activity);
        XYSeriesCollection response = new XYSeriesCollection();
        responses.values().forEach(response::addSeries);
        plots.add(new XYPlot(response, null, new NumberAxis("TIS"), new XYLineAndShapeRenderer(false, true)));

        if (!data.drugPeriods().isEmpty()) {
            List<String> lanes = new ArrayList<>(new LinkedHashSet<>(data.drugPeriods().stream().map(DrugPeriod::drug).toList()));
            XYIntervalSeries bars = new XYIntervalSeries("Therapy");
            for (DrugPeriod period : data.drugPeriods()) {
                int lane = lanes.indexOf(period.drug());
                double start = millis(period.start());
                bars.add(start, start, millis(period.end().plusDays(1)), lane, lane - 0.3, lane + 0.3);
            }
            XYIntervalSeriesCollection therapy = new XYIntervalSeriesCollection();
            therapy.addSeries(bars);
            XYBarRenderer renderer = new XYBarRenderer();
            renderer.setUseYInterval(true);
            plots.add(new XYPlot(therapy, null, new SymbolAxis(null, lanes.toArray(String[]::new)), renderer));
        }
        if (!data.prednisoneEquivalent().isEmpty()) {
            XYSeries dose = new XYSeries("Prednisone eq. mg/d");
            for (DoseStep step : data.prednisoneEquivalent()) {
                dose.add(millis(step.from()), step.mgPerDay());
                dose.add(millis(step.to().plusDays(1)), step.mgPerDay());
            }
            plots.add(new XYPlot(new XYSeriesCollection(dose), null, new NumberAxis("Pred. eq."), new XYStepRenderer()));
        }
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new DateAxis());
        for (XYPlot plot : plots) {
            for (FlagOnset flag : data.flagOnsets()) {
                if (flag.date() != null) {
                    plot.addDomainMarker(new ValueMarker(midday(flag.date())));
                }
            }
            combined.add(plot);
        }
        return new JFreeChart(data.title(), JFreeChart.DEFAULT_TITLE_FONT, combined, true);
    }

    private static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static double midday(LocalDate date) {
        return millis(date) + DAY_MILLIS / 2;
    }
}
