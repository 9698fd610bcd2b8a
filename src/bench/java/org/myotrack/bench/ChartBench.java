package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.chart.PatientChartSource;
import org.myotrack.chart.TrendChartData;
import org.myotrack.chart.TrendChartRenderer;
import org.myotrack.patient.PatientRepository;

import javax.imageio.ImageIO;
import org.myotrack.refractory.FlagService;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The registry's trend chart against bare JFreeChart drawing the same series from the same data, on a copy of the
 * benchmark registry ({@link BenchRegistry}). For random patients the chart's data is read once through the
 * registry's own {@link PatientChartSource}; then each sample renders one patient's chart both ways at the same size,
 * in alternating order, warm: {@link TrendChartRenderer#png} (the registry's layout, styling and PNG encoder) and
 * {@link BareTrendChart#png} (stock JFreeChart, PNG by {@code ChartUtils}/ImageIO). Their ratio is what the
 * registry's picture costs over the library's. The chart as a client receives it, over HTTP with the database read,
 * is timed too. Results go to {@code target/bench/chart.txt} and the summary. Timings are reported, never asserted;
 * a PNG that does not decode to the size asked for stops it.
 *
 * <pre>mvn -B -Pbench test -Dtest=ChartBench -Dbench.patients=100000</pre>
 */
@QuarkusTest
@TestProfile(BenchRegistry.Database.class)
class ChartBench {

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;


    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    @Inject
    PatientRepository patients;

    @Inject
    PatientChartSource source;

    @TestHTTPResource("/")
    URL base;

    @Test
    void registryChartAgainstBareJFreeChart() throws Exception {
        int patientCount = BenchRegistry.patients();
        BenchRegistry.prepare(dataSource, flags);
        int samples = Integer.getInteger("bench.chart-samples", 400);
        Random random = new Random(13);
        List<Long> ids = new ArrayList<>();
        List<TrendChartData> charts = new ArrayList<>();
        for (int i = 0; i < Math.min(samples, 200); i++) {
            long id = 1 + random.nextInt(patientCount);
            ids.add(id);
            charts.add(QuarkusTransaction.requiringNew().call(() ->
                    source.trendData(source.snapshot(patients.findById(id)), null, null)));
        }
        for (TrendChartData data : charts.subList(0, Math.min(3, charts.size()))) {
            checkPng(TrendChartRenderer.png(data, WIDTH, HEIGHT), "registry");
            checkPng(BareTrendChart.png(data, WIDTH, HEIGHT), "bare JFreeChart");
        }
        for (int i = 0; i < Math.max(5, samples / 4); i++) {
            TrendChartRenderer.png(charts.get(i % charts.size()), WIDTH, HEIGHT);
            BareTrendChart.png(charts.get(i % charts.size()), WIDTH, HEIGHT);
        }
        double[] registry = new double[samples];
        double[] bare = new double[samples];
        for (int i = 0; i < samples; i++) {
            TrendChartData data = charts.get(i % charts.size());
            // Alternating which side goes first spreads any drift of the machine's load over both.
            if (i % 2 == 0) {
                registry[i] = timeRegistry(data);
                bare[i] = timeBare(data);
            } else {
                bare[i] = timeBare(data);
                registry[i] = timeRegistry(data);
            }
        }
        double[] http = overHttp(ids, samples);
        Arrays.sort(registry);
        Arrays.sort(bare);
        double ratio50 = BenchResults.quantile(registry, 0.5) / BenchResults.quantile(bare, 0.5);
        double ratio95 = BenchResults.quantile(registry, 0.95) / BenchResults.quantile(bare, 0.95);
        double visits = charts.stream().mapToInt(data -> data.visits().size()).average().orElse(0);
        String report = String.format(Locale.ROOT, """
                        Trend chart %dx%d PNG, registry against bare JFreeChart drawing the same series from the same data, warm
                        %s; %d random patients (%.1f visits on average), %d samples each side, alternating (ms)
                        registry (TrendChartRenderer.png: its layout, styling, labels and PNG encoder): p50 %.1f, p95 %.1f
                        bare JFreeChart (same subplots and series, stock look, createBufferedImage + ChartUtils.encodeAsPNG): p50 %.1f, p95 %.1f
                        ratio registry / bare: p50 %.2f, p95 %.2f
                        the chart over HTTP (GET /api/patients/{id}/charts/trend.png: database read, scoring, render, encode): p50 %.1f, p95 %.1f
                        """, WIDTH, HEIGHT, BenchResults.machine(), charts.size(), visits, samples,
                BenchResults.quantile(registry, 0.5), BenchResults.quantile(registry, 0.95),
                BenchResults.quantile(bare, 0.5), BenchResults.quantile(bare, 0.95), ratio50, ratio95,
                BenchResults.quantile(http, 0.5), BenchResults.quantile(http, 0.95));
        BenchResults.report("chart.txt", report);
        BenchResults.summary("trend chart PNG, registry / bare JFreeChart, same data", String.format(Locale.ROOT,
                "p50 %.1f / %.1f ms = %.2f, p95 %.1f / %.1f ms = %.2f", BenchResults.quantile(registry, 0.5),
                BenchResults.quantile(bare, 0.5), ratio50, BenchResults.quantile(registry, 0.95),
                BenchResults.quantile(bare, 0.95), ratio95), "within 1.5×", ratio50 <= 1.5 && ratio95 <= 1.5);
    }

    private static double timeRegistry(TrendChartData data) {
        long start = System.nanoTime();
        TrendChartRenderer.png(data, WIDTH, HEIGHT);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double timeBare(TrendChartData data) {
        long start = System.nanoTime();
        BareTrendChart.png(data, WIDTH, HEIGHT);
        return (System.nanoTime() - start) / 1e6;
    }

    private double[] overHttp(List<Long> ids, int samples) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString("admin:benchmark-admin-password".getBytes(StandardCharsets.UTF_8));
        int warmUp = Math.max(5, samples / 4);
        double[] millis = new double[samples];
        for (int i = -warmUp; i < samples; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/api/patients/" + ids.get(Math.floorMod(i, ids.size()))
                    + "/charts/trend.png?width=" + WIDTH + "&height=" + HEIGHT)).header("Authorization", authorization).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void checkPng(byte[] png, String side) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null || image.getWidth() != WIDTH || image.getHeight() != HEIGHT) {
            throw new IllegalStateException("The " + side + " chart is not a " + WIDTH + "x" + HEIGHT + " PNG");
        }
    }
}
