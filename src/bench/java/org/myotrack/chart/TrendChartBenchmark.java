package org.myotrack.chart;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;

/**
 * Render time of a 60-visit trend chart at 1200×800, warm, as a distribution (p50/p95 in the JMH output), next to
 * bare JFreeChart drawing four of its measure series as one time-series chart into an image (no encoding). That is a
 * much simpler picture: the like-for-like comparison, the same subplots and series from the same data encoded as PNG,
 * is {@code org.myotrack.bench.ChartBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Djava.awt.headless=true")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TrendChartBenchmark {

    private TrendChartData data;

    @Setup
    public void sixtyVisits() {
        data = TrendExamples.course(60);
    }

    @Benchmark
    public byte[] registryTrendPng() {
        return TrendChartRenderer.png(data, 1200, 800);
    }

    @Benchmark
    public BufferedImage bareJFreeChart() {
        TimeSeriesCollection series = new TimeSeriesCollection();
        TimeSeries ck = new TimeSeries("CK");
        TimeSeries strength = new TimeSeries("MMT-8");
        TimeSeries global = new TimeSeries("PGA");
        TimeSeries haq = new TimeSeries("HAQ");
        for (TrendVisit visit : data.visits()) {
            Day day = new Day(visit.date().getDayOfMonth(), visit.date().getMonthValue(), visit.date().getYear());
            ck.addOrUpdate(day, visit.ckTimesUln());
            strength.addOrUpdate(day, visit.strengthPercent());
            global.addOrUpdate(day, visit.physicianGlobal());
            haq.addOrUpdate(day, visit.haq());
        }
        series.addSeries(ck);
        series.addSeries(strength);
        series.addSeries(global);
        series.addSeries(haq);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("trend", "date", "value", series);
        return chart.createBufferedImage(1200, 800);
    }
}
