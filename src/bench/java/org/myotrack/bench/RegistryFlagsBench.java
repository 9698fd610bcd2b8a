package org.myotrack.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.patient.PatientRepository;
import org.myotrack.refractory.FlagService;
import org.myotrack.refractory.PatientFlagStateRepository;
import org.myotrack.security.Actor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Registry-scale flag evaluation on the embedded H2 default: writes a synthetic registry of
 * {@code -Dbench.patients} patients (default 100,000) from the demo generator, re-evaluates every patient through
 * the application's own loader, rules and stored state, then times single patients' flags including the
 * database read. Results go to {@code target/bench/flags.txt} and the summary. Timings are reported, never asserted;
 * a broken path (an exception, a patient left unevaluated) stops it.
 *
 * <pre>mvn -B -Pbench test -Dtest=RegistryFlagsBench -Dbench.patients=100000</pre>
 */
@QuarkusTest
@TestProfile(BenchRegistry.Database.class)
class RegistryFlagsBench {

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
        long visits = BenchRegistry.prepare(dataSource, flags);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        // A registry kept by another rules version (-Dbench.registry) is re-evaluated at start-up in the background:
        // that first re-evaluation is let finish untimed, so the timed one below covers the whole registry.
        flags.refreshStale();
        // Every stored state from "another rules version": the whole registry is stale, as after a change of thresholds.
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE patient_flag_states SET rules_version = 'bench-stale'");
        }
        long evaluateStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        int evaluated = flags.refreshStale();
        if (evaluated != patientCount) {
            throw new IllegalStateException("Whole-registry evaluation covered " + evaluated + " of " + patientCount + " patients");
        }
        double evaluateSeconds = (System.nanoTime() - evaluateStart) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        long refractory = QuarkusTransaction.requiringNew().call(() -> states.count("refractory", true));

        Actor admin = new Actor("admin", org.myotrack.security.Role.ADMIN, null);
        Random random = new Random(7);
        int samples = Integer.getInteger("bench.samples", 2_000);
        for (int i = 0; i < samples / 4; i++) {
            flags.flagsOf(admin, 1 + random.nextInt(patientCount));
        }
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
        BenchResults.report("flags.txt", report);
        // -Dbench.keep-registry keeps this registry, its states now under this rules version, for later runs to start
        // from as a registry of their own version does (no re-evaluation at start-up before the timed one).
        String keep = System.getProperty("bench.keep-registry");
        if (keep != null && !keep.isBlank()) {
            try (java.sql.Connection connection = dataSource.getConnection();
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + keep.replace("'", "''") + "'");
            }
        }
        BenchResults.summary("whole-registry flag evaluation", String.format(Locale.ROOT, "%.1f s (%.0f patients/s)",
                evaluateSeconds, evaluated / evaluateSeconds), "under 60 s", evaluateSeconds < 60);
    }

    /** CPU time of this JVM, all threads: what the work cost, whatever else the machine was running. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
