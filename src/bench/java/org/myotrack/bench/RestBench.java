package org.myotrack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.myotrack.demo.DemoCohortGenerator;
import org.myotrack.demo.SyntheticPatient;
import org.myotrack.visit.VisitRequest;

import org.myotrack.refractory.FlagService;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The registry's REST API at registry scale, on a copy of the benchmark registry ({@link BenchRegistry}): first a
 * patient's trajectory and flags as a client reads them (two GETs per patient, random patients, warm, one at a time,
 * as the administrator), then visit writes: {@code -Dbench.writers} client threads (default 4), clinicians of
 * BENCH-A and BENCH-B created through the admin API, each posting new visits for patients of its own site.
 * Results go to {@code target/bench/patient-reads.txt}, {@code target/bench/visit-writes.txt} and the summary.
 * Timings are reported, never asserted; any answer but 200 (reads) or 201 (writes) stops it.
 *
 * <pre>mvn -B -Pbench test -Dtest=RestBench -Dbench.patients=100000</pre>
 */
@QuarkusTest
@TestProfile(BenchRegistry.Database.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestBench {

    private static final String ADMIN = "admin:benchmark-admin-password";
    private static final String CLINICIAN_PASSWORD = "bench-clinician-password";
    /** The new visits' distance from the recorded ones: an interim visit, on a day the patient has none yet. */
    private static final int INTERIM_DAYS = 7;


    @Inject
    AgroalDataSource dataSource;

    @Inject
    FlagService flags;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(1)
    void readTrajectoryAndFlagsOfRandomPatients() throws Exception {
        int patientCount = BenchRegistry.patients();
        long visits = BenchRegistry.prepare(dataSource, flags);
        int samples = Integer.getInteger("bench.samples", 2_000);
        Random random = new Random(11);
        for (int i = 0; i < Math.max(10, samples / 4); i++) {
            readPatient(1 + random.nextInt(patientCount));
        }
        double[] both = new double[samples];
        double[] trajectory = new double[samples];
        double[] flags = new double[samples];
        for (int i = 0; i < samples; i++) {
            double[] timed = readPatient(1 + random.nextInt(patientCount));
            trajectory[i] = timed[0];
            flags[i] = timed[1];
            both[i] = timed[0] + timed[1];
        }
        Arrays.sort(both);
        Arrays.sort(trajectory);
        Arrays.sort(flags);
        double p95 = BenchResults.quantile(both, 0.95);
        String report = String.format(Locale.ROOT, """
                        A patient's trajectory and flags over REST, warm, random patients, one request at a time (ms, request to last byte)
                        %s; %d visits
                        trajectory + flags of one patient (%d samples): p50 %.2f, p95 %.2f, max %.2f
                          GET /api/patients/{id}/trajectory: p50 %.2f, p95 %.2f
                          GET /api/patients/{id}/flags:      p50 %.2f, p95 %.2f
                        """, BenchResults.machine(), visits, samples,
                BenchResults.quantile(both, 0.5), p95, both[samples - 1],
                BenchResults.quantile(trajectory, 0.5), BenchResults.quantile(trajectory, 0.95),
                BenchResults.quantile(flags, 0.5), BenchResults.quantile(flags, 0.95));
        BenchResults.report("patient-reads.txt", report);
        BenchResults.summary("trajectory + flags per patient over REST", String.format(Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms", BenchResults.quantile(both, 0.5), p95), "p95 under 20 ms", p95 < 20);
    }

    /** Times GET trajectory and GET flags of one patient; returns both in milliseconds. */
    private double[] readPatient(long patientId) throws Exception {
        long start = System.nanoTime();
        expect(send(get("/api/patients/" + patientId + "/trajectory")), 200);
        long between = System.nanoTime();
        expect(send(get("/api/patients/" + patientId + "/flags")), 200);
        long end = System.nanoTime();
        return new double[] {(between - start) / 1e6, (end - between) / 1e6};
    }

    @Test
    @Order(2)
    void writeVisitsFromSeveralClients() throws Exception {
        BenchRegistry.prepare(dataSource, flags);
        int writers = Integer.getInteger("bench.writers", 4);
        int writes = Integer.getInteger("bench.writes", 8_000);
        int warmUp = Math.max(writers * 10, writes / 4);
        List<String> sites = List.copyOf(new java.util.TreeSet<>(BenchRegistry.SITES.keySet()));
        for (String site : sites) {
            RestAssured.given().auth().preemptive().basic("admin", "benchmark-admin-password").contentType(ContentType.JSON)
                    .body(Map.of("username", clinician(site), "password", CLINICIAN_PASSWORD, "role", "CLINICIAN",
                            "siteCode", site))
                    .post("/api/users").then().statusCode(201);
        }
        // Writer w owns the patients whose index is w modulo the writers, so no two clients write to one patient.
        List<List<Posting>> warmUpPostings = postings(writers, warmUp, 0);
        List<List<Posting>> measuredPostings = postings(writers, writes, BenchRegistry.patients() / 2);
        long before = countVisits();
        run(warmUpPostings);

        long start = System.nanoTime();
        long cpuStart = RegistryFlagsBench.processCpuNanos();
        double[] millis = run(measuredPostings);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (RegistryFlagsBench.processCpuNanos() - cpuStart) / 1e9;
        long written = countVisits() - before;
        int total = warmUpPostings.stream().mapToInt(List::size).sum() + millis.length;
        if (written != total) {
            throw new IllegalStateException(total + " visits were acknowledged but " + written + " were stored");
        }
        Arrays.sort(millis);
        double rate = millis.length / seconds;
        String report = String.format(Locale.ROOT, """
                        Visit writes over REST (POST /api/patients/{id}/visits, clinicians of %s), %d client threads
                        %s
                        %d visits (after %d warm-up writes) in %.2f s = %.0f visits/s (CPU of the whole process %.1f s)
                        latency per write: p50 %.1f ms, p95 %.1f ms, max %.1f ms
                        """, String.join(" and ", sites), writers, BenchResults.machine(), millis.length,
                total - millis.length, seconds, rate, cpuSeconds, BenchResults.quantile(millis, 0.5),
                BenchResults.quantile(millis, 0.95), millis[millis.length - 1]);
        BenchResults.report("visit-writes.txt", report);
        BenchResults.summary("visit writes over REST, " + writers + " clients", String.format(Locale.ROOT,
                "%.0f visits/s (p95 %.1f ms)", rate, BenchResults.quantile(millis, 0.95)), "none set", null);
    }

    /** One visit to post: the clinician, the patient and the body. */
    private record Posting(String user, long patientId, String body) {
    }

    private static String clinician(String site) {
        return "bench-" + site.toLowerCase(Locale.ROOT);
    }

    /**
     * About {@code count} new visits spread over the writers, each an interim visit a week after a recorded one of a
     * patient the writer owns, taken from generator index {@code firstIndex} on.
     */
    private List<List<Posting>> postings(int writers, int count, int firstIndex) throws Exception {
        DemoCohortGenerator generator = BenchRegistry.generator();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<List<Posting>> perWriter = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            perWriter.add(new ArrayList<>());
        }
        int made = 0;
        for (int index = firstIndex; made < count; index++) {
            if (index >= BenchRegistry.patients()) {
                throw new IllegalStateException("The registry of " + BenchRegistry.patients() + " patients is too small for "
                        + count + " writes; lower -Dbench.writes");
            }
            SyntheticPatient patient = generator.patient(index);
            Set<LocalDate> recorded = new HashSet<>();
            patient.visits().forEach(visit -> recorded.add(visit.visitDate()));
            for (VisitRequest v : patient.visits()) {
                LocalDate interim = v.visitDate().plusDays(INTERIM_DAYS);
                if (made == count || recorded.contains(interim) || interim.isAfter(today)) {
                    continue;
                }
                VisitRequest visit = new VisitRequest(interim, v.physicianGlobalActivity(), v.patientGlobalActivity(),
                        v.mmt8(), v.mmt8Max(), v.cmas(), v.haq(), v.extramuscularActivity(), v.enzymes(),
                        v.physicianGlobalDamage(), v.patientGlobalDamage(), v.mdiExtent(), v.mdiSeverity(), v.sf36Pcs(),
                        v.sf36Mcs(), v.functionalIndex(), v.bodyWeightKg(), v.cdasiActivity(), v.dysphagia(),
                        v.fingerFlexorWeakness(), v.quadricepsWeakness(), v.notes(), null);
                perWriter.get(index % writers).add(new Posting(clinician(patient.patient().siteCode()), index + 1L,
                        json.writeValueAsString(visit)));
                made++;
            }
        }
        return perWriter;
    }

    /** Posts every writer's visits on a thread of its own; returns each write's time in milliseconds. */
    private double[] run(List<List<Posting>> perWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(perWriter.size());
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (List<Posting> postings : perWriter) {
                results.add(pool.submit(() -> {
                    double[] millis = new double[postings.size()];
                    for (int i = 0; i < postings.size(); i++) {
                        Posting posting = postings.get(i);
                        HttpRequest request = HttpRequest.newBuilder(uri("/api/patients/" + posting.patientId() + "/visits"))
                                .header("Authorization", basic(posting.user() + ":" + CLINICIAN_PASSWORD))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(posting.body())).build();
                        long start = System.nanoTime();
                        HttpResponse<String> response = send(request);
                        millis[i] = (System.nanoTime() - start) / 1e6;
                        expect(response, 201);
                    }
                    return millis;
                }));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> result : results) {
                all.add(result.get());
            }
            return all.stream().flatMapToDouble(Arrays::stream).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private long countVisits() throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM visits WHERE deleted_at IS NULL")) {
            count.next();
            return count.getLong(1);
        }
    }

    private HttpRequest get(String path) throws URISyntaxException {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(ADMIN)).GET().build();
    }

    private URI uri(String path) throws URISyntaxException {
        return base.toURI().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body().substring(0, Math.min(1_000, response.body().length())));
        }
    }
}
