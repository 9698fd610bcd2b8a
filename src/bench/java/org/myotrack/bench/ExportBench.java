package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.refractory.FlagService;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Export at registry scale on the embedded H2 default: writes a synthetic registry of {@code -Dbench.patients}
 * patients (default 100,000, about 2 million visits), evaluates its flags, then streams each export format over
 * HTTP and counts rows, against a plain-JDBC baseline that selects the same visit rows with their patient and CK
 * columns and writes them as CSV. Reports rows per second, the ratio to the baseline, and the peak heap. Run it
 * with the heap capped as the issue asks, the client reading in the same JVM:
 *
 * <pre>mvn -B -Pbench test -Dtest=ExportBench -Dbench.patients=100000 -DargLine=-Xmx256m</pre>
 *
 * Results go to {@code target/bench/export.txt} and the summary. Timings are reported, never asserted; an export
 * that fails, or a CSV export whose rows differ in number from the plain-JDBC select, stops it.
 */
@QuarkusTest
@TestProfile(BenchRegistry.Database.class)
class ExportBench {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    @TestHTTPResource("/api/cohort/export")
    URL exportUrl;

    @Test
    void exportWholeRegistry() throws Exception {
        int patientCount = BenchRegistry.patients();
        List<String> formats = List.of(System.getProperty("bench.formats", "csv,csv-wide,ndjson,fhir").split(","));
        long visits = BenchRegistry.prepare(dataSource, flags);
        flags.refreshStale();
        resetPeakHeap();

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Cohort export, embedded H2, %d cores, heap max %d MB%npatients: %d, visits: %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, patientCount, visits));

        long baselineStart = System.nanoTime();
        long baselineRows = plainJdbcCsv(new CountingStream());
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        double baselineRate = baselineRows / baselineSeconds;
        report.append(String.format(Locale.ROOT, "plain JDBC select-and-write CSV: %d rows in %.1f s = %.0f rows/s%n",
                baselineRows, baselineSeconds, baselineRate));
        // Written after every step: a run stopped during a long format (fhir) keeps the figures of those before it.
        BenchResults.report("export.txt", report.toString());

        long peakOverall = 0;
        for (String format : formats) {
            resetPeakHeap();
            long start = System.nanoTime();
            long[] counted = download(format);
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = counted[0] / seconds;
            long peak = peakHeapMb();
            peakOverall = Math.max(peakOverall, peak);
            if (format.equals("csv")) {
                if (counted[0] != baselineRows) {
                    throw new IllegalStateException("The CSV export wrote " + counted[0] + " rows, the plain-JDBC select "
                            + baselineRows);
                }
                double csvRatio = rate / baselineRate;
                BenchResults.summary("CSV export over HTTP / plain JDBC select-and-write", String.format(Locale.ROOT,
                        "%.0f / %.0f rows/s = %.2f", rate, baselineRate, csvRatio), "at least 0.5", csvRatio >= 0.5);
            }
            String line = String.format(Locale.ROOT, "%-8s: %d lines (%d MB) in %.1f s = %.0f lines/s%s; old-generation peak %d MB%n",
                    format, counted[0], counted[1] >> 20, seconds, rate,
                    format.equals("csv") ? String.format(Locale.ROOT, ", %.2f of the plain-JDBC rate", rate / baselineRate) : "",
                    peak);
            report.append(line);
            System.out.print(line);
            BenchResults.write("export.txt", report.toString());
        }
        long heapMax = Runtime.getRuntime().maxMemory() >> 20;
        BenchResults.summary("export peak heap (old generation, every format)", String.format(Locale.ROOT,
                "%d MB of a %d MB heap", peakOverall, heapMax), "completes under -Xmx256m", heapMax <= 256);
    }

    /** Streams one export over HTTP as the administrator and counts its lines (after the CSV header) and bytes. */
    private long[] download(String format) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(exportUrl + "?format=" + format).openConnection();
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:benchmark-admin-password".getBytes(StandardCharsets.UTF_8)));
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException(format + " export answered " + connection.getResponseCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = connection.getInputStream()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[] {format.startsWith("csv") ? lines - 1 : lines, bytes};
    }

    /** The baseline: one streaming query of visit rows with their patient's columns and CK, written as CSV. */
    private long plainJdbcCsv(OutputStream sink) throws Exception {
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT p.registry_code, s.code, p.sex,"
                    + " p.birth_date, p.diagnosis, p.juvenile, v.visit_date, v.physician_global_activity,"
                    + " v.patient_global_activity, v.mmt8, v.mmt8_max, v.cmas, v.haq, v.extramuscular_activity,"
                    + " v.physician_global_damage, v.patient_global_damage, v.mdi_extent, v.mdi_severity, v.sf36_pcs,"
                    + " v.sf36_mcs, v.functional_index, e.test_value, e.uln"
                    + " FROM visits v JOIN patients p ON p.id = v.patient_id JOIN sites s ON s.id = p.site_id"
                    + " LEFT JOIN enzyme_results e ON e.visit_id = v.id AND e.test = 'CK'"
                    + " WHERE v.deleted_at IS NULL ORDER BY v.patient_id, v.visit_date, v.id")) {
                statement.setFetchSize(1_000);
                try (ResultSet row = statement.executeQuery()) {
                    int columns = row.getMetaData().getColumnCount();
                    StringBuilder line = new StringBuilder(256);
                    while (row.next()) {
                        line.setLength(0);
                        for (int i = 1; i <= columns; i++) {
                            if (i > 1) {
                                line.append(',');
                            }
                            String value = row.getString(i);
                            if (value != null) {
                                line.append(value);
                            }
                        }
                        out.append(line).append("\r\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Peak of the old generation: what the export kept alive across collections (young-generation garbage excluded). */
    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak >> 20;
    }
}
