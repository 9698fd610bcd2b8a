package org.myotrack.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.chart.ChartService;
import org.myotrack.cohort.CohortChartService;
import org.myotrack.cohort.CohortCriteria;
import org.myotrack.patient.PatientRepository;
import org.myotrack.report.ReportService;
import org.myotrack.security.Actor;
import org.myotrack.security.Role;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the example outputs the README shows into {@code reports/examples/}, from the seeded demo cohort,
 * through the registry's own services: a trend chart (PNG and SVG) and the pseudonymous PDF report of demo
 * patient P000005, and the three cohort charts. Not a test: it writes files and asserts nothing.
 *
 * <pre>mvn -B -Pbench test -Dtest=ReportExamples</pre>
 */
@QuarkusTest
@TestProfile(ReportExamples.DemoRegistry.class)
class ReportExamples {

    /** The full 48-patient demo cohort in its own in-memory database. */
    public static class DemoRegistry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("myotrack.demo", "true", "myotrack.demo-patients", "48",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:myotrack-examples;DB_CLOSE_DELAY=-1");
        }
    }

    static final String PATIENT = "P000005";

    @Inject
    ChartService charts;

    @Inject
    ReportService reports;

    @Inject
    CohortChartService cohortCharts;

    @Inject
    PatientRepository patients;

    @Test
    void renderExamples() throws Exception {
        Path out = Path.of("reports", "examples");
        Files.createDirectories(out);
        long id = QuarkusTransaction.requiringNew().call(() -> patients.find("registryCode", PATIENT).singleResult().id);
        Actor admin = new Actor("admin", Role.ADMIN, null);
        Files.write(out.resolve("trend-" + PATIENT + ".png"), charts.trendPng(admin, id, 1200, 800, null, null));
        Files.writeString(out.resolve("trend-" + PATIENT + ".svg"), charts.trendSvg(admin, id, 1200, 800, null, null),
                StandardCharsets.UTF_8);
        Files.write(out.resolve("report-" + PATIENT + ".pdf"), reports.patientReport(admin, id));
        for (String name : new String[] {"response-over-time", "refractory-by-antibody", "therapy-swimmer"}) {
            Files.write(out.resolve("cohort-" + name + ".png"), cohortCharts.chart(name, CohortCriteria.all(), 1200, 800));
        }
        System.out.println("Examples written to " + out.toAbsolutePath());
    }
}
