package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.patient.PatientRepository;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientFlagStateRepository;
import org.myotrack.security.Actor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Registry-scale flag evaluation on the embedded H2 default: writes a synthetic registry of
 * {@code -Dbench.patients} patients (default 100,000) from the demo generator, re-evaluates every patient through
 * the application's own loader, rules and stored state, then times single patients' flags including the
 * database read. Results go to {@code target/bench/flags.txt}. A harness, not a test: it asserts nothing.
 *
 * <pre>mvn -B -Pbench test -Dtest=RegistryFlagsBench -Dbench.patients=100000</pre>
 */
@QuarkusTest
@TestProfile(RegistryFlagsBench.BenchDatabase.class)
class RegistryFlagsBench {

    /** A fresh H2 file database under target/ (a copy of the benchmark registry once one is kept), outside demo mode. */
    public static class BenchDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("myotrack.demo", "false",
                    "myotrack.admin-password", "benchmark-admin-password",
                    "quarkus.datasource.jdbc.url", BenchRegistry.jdbcUrl("flags"),
                    "quarkus.hibernate-orm.statistics", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    @Inject
    PatientRepository patients;

    @Inject
    PatientFlagStateRepository states;

    @Test
    void evaluateWholeRegistryAndSinglePatients() throws Exception {
        int patientCount = BenchRegistry.patients();
        long seedStart = System.nanoTime();
        long visits = BenchRegistry.prepare(dataSource);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        long evaluateStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        int evaluated = flags.refreshStale();
        double evaluateSeconds = (System.nanoTime() - evaluateStart) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        long refractory = QuarkusTransaction.requiringNew().call(() -> states.count("refractory", true));

        Actor admin = new Actor("admin", org.myotrack.security.Role.ADMIN, null);
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            flags.flagsOf(admin, 1 + random.nextInt(patientCount));
        }
        int samples = 2_000;
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long id = 1 + random.nextInt(patientCount);
            long start = System.nanoTime();
            flags.flagsOf(admin, id);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);

        String report = String.format(Locale.ROOT, """
                        Registry flag evaluation, embedded H2, %d cores, heap max %d MB
                        patients: %d, visits: %d (prepared in %.1f s: written by plain JDBC batches, or copied from an earlier run)
                        whole-registry re-evaluation: %d patients in %.1f s = %.0f patients/s; refractory: %d
                        CPU used by the whole process meanwhile: %.1f s (on an otherwise idle machine the wall time is at least that divided by the cores); load average at the end %.1f
                        single patient flags incl. database read (%d samples, warm): p50 %.2f ms, p95 %.2f ms, max %.2f ms
                        """, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                patientCount, visits, seedSeconds, evaluated, evaluateSeconds, evaluated / evaluateSeconds, refractory,
                cpuSeconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                samples, millis[samples / 2], millis[(int) (samples * 0.95)], millis[samples - 1]);
        System.out.print(report);
        write(report);
    }

    /** CPU time of this JVM, all threads: what the work cost, whatever else the machine was running. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void write(String report) throws IOException {
        Path out = Path.of("target", "bench", "flags.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
