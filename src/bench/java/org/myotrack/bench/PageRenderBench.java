package org.myotrack.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.investigation.Finding;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationService;
import org.myotrack.investigation.InvestigationType;
import org.myotrack.patient.Antibody;
import org.myotrack.patient.AntibodyResult;
import org.myotrack.patient.AutoantibodyEntry;
import org.myotrack.patient.Diagnosis;
import org.myotrack.patient.PatientRequest;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.Sex;
import org.myotrack.security.Actor;
import org.myotrack.security.Role;
import org.myotrack.site.SiteRepository;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.therapy.TherapyService;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Render time of the web pages over HTTP, as a signed-in browser asks for them: a patient with 60 visits (and a
 * therapy history and investigations, registered through the services like clinic entries) on top of the demo
 * cohort, then the patient page, the visit sheet, the clinic list, the coordinators' cohort page and, for
 * comparison, the trend chart image the patient page loads after its HTML. Each is requested warm, one at a time;
 * the time is from sending the request to the last byte of the answer. The target is under 300 ms for the pages.
 *
 * <pre>mvn -B -Pbench test -Dtest=PageRenderBench</pre>
 *
 * Results go to {@code target/bench/pages.txt}. A harness, not a test: it asserts nothing.
 */
@QuarkusTest
class PageRenderBench {

    static final int VISITS = 60;
    static final int WARM_UP = 30;
    static final int SAMPLES = Integer.getInteger("bench.samples", 200);

    @Inject
    SiteRepository sites;

    @Inject
    PatientService patients;

    @Inject
    VisitService visits;

    @Inject
    TherapyService therapies;

    @Inject
    InvestigationService investigations;

    @TestHTTPResource("/")
    URL base;

    @Test
    void renderPages() throws Exception {
        long patientId = patientWithSixtyVisits();
        HttpClient clinician = signedIn("clinician");
        HttpClient coordinator = signedIn("coordinator");
        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("patient page, 60 visits (HTML)", time(clinician, "/clinic/patients/" + patientId));
        results.put("visit sheet, new visit (HTML)", time(clinician, "/clinic/patients/" + patientId + "/visits/new"));
        results.put("clinic patient list (HTML)", time(clinician, "/clinic"));
        results.put("cohort page, all patients (HTML)", time(coordinator, "/cohort"));
        results.put("trend chart of the patient page (PNG, 1180x760)", time(clinician, "/clinic/patients/" + patientId + "/trend.png"));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Web page render time over HTTP, embedded H2 in memory, demo cohort plus one patient with %d visits;%n"
                        + "%d cores, heap max %d MB; %d warm-up requests, then %d sequential samples each (ms, request to last byte)%n",
                VISITS, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, WARM_UP, SAMPLES));
        results.forEach((name, millis) -> report.append(String.format(Locale.ROOT,
                "%-50s p50 %7.1f  p95 %7.1f  max %7.1f%n", name, millis[SAMPLES / 2], millis[(int) (SAMPLES * 0.95)],
                millis[SAMPLES - 1])));
        BenchResults.report("pages.txt", report.toString());
    }

    private double[] time(HttpClient client, String path) throws IOException, InterruptedException, URISyntaxException {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(path)).GET().build();
        for (int i = 0; i < WARM_UP; i++) {
            expectOk(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), path);
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            expectOk(response, path);
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void expectOk(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    /** A client holding a page session, signed in through the login form as a browser is. */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI root = base.toURI();
        client.send(HttpRequest.newBuilder(root.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String token = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("myotrack-csrf")).findFirst().orElseThrow().getValue();
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<Void> signIn = client.send(HttpRequest.newBuilder(root.resolve("/j_security_check?csrf-token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (signIn.statusCode() != 302) {
            throw new IllegalStateException("Sign-in of " + user + " answered " + signIn.statusCode());
        }
        return client;
    }

    /** A DEMO-A patient seen monthly for five years, with a taper, two immunosuppressants and investigations. */
    private long patientWithSixtyVisits() {
        long siteId = QuarkusTransaction.requiringNew().call(() -> sites.findByCode("DEMO-A").orElseThrow().id);
        Actor clinic = new Actor("page-bench", Role.CLINICIAN, siteId);
        LocalDate first = LocalDate.of(2020, 1, 15);
        long id = patients.recordPatient(clinic, new PatientRequest("DEMO-A", "BENCH-60-VISITS", Sex.FEMALE,
                LocalDate.of(1975, 6, 1), Diagnosis.DM, first.minusDays(20), first.minusMonths(4), false, false, null, null,
                List.of(new AutoantibodyEntry(Antibody.MI2, AntibodyResult.POSITIVE, first.minusDays(25))), null)).id();
        for (int i = 0; i < VISITS; i++) {
            double recovery = Math.min(1.0, i / 24.0);
            double flare = i >= 36 && i < 42 ? 0.5 : 0;
            double activity = Math.max(0.5, 7 * (1 - recovery) + 4 * flare);
            List<EnzymeEntry> enzymes = new ArrayList<>();
            enzymes.add(new EnzymeEntry(EnzymeTest.CK, Math.round(3000 * (1 - recovery) + 150 + 1500 * flare) * 1.0, 200.0, "U/L"));
            if (i % 3 == 0) {
                enzymes.add(new EnzymeEntry(EnzymeTest.ALDOLASE, Math.round(20 * (1 - recovery) + 5) * 1.0, 7.5, "U/L"));
            }
            visits.recordVisit(clinic, id, new VisitRequest(first.plusMonths(i), round(activity), round(activity + 0.5),
                    (int) Math.round(100 + 45 * recovery - 20 * flare), 150, null, Math.round((2 - 1.5 * recovery + flare) * 8) / 8.0,
                    round(activity / 2), enzymes, round(2 * recovery), round(2.5 * recovery), 2, 6.0, 35.0 + 10 * recovery,
                    45.0, 40.0 + 40 * recovery, null, null, null, null, null, "bench visit " + (i + 1), null));
        }
        int[] taper = {60, 40, 30, 20, 15, 10, 7};
        for (int step = 0; step < taper.length; step++) {
            LocalDate start = first.plusMonths(2L * step);
            therapies.recordTherapy(clinic, id, new TherapyRequest(Drug.PREDNISONE, (double) taper[step], DoseUnit.MG,
                    Frequency.DAILY, Route.ORAL, start, step + 1 < taper.length ? start.plusMonths(2).minusDays(1) : null,
                    null, null, null));
        }
        therapies.recordTherapy(clinic, id, new TherapyRequest(Drug.METHOTREXATE, 20.0, DoseUnit.MG, Frequency.WEEKLY,
                Route.SC, first, first.plusMonths(30), StopReason.INTOLERANCE, null, null));
        therapies.recordTherapy(clinic, id, new TherapyRequest(Drug.MYCOPHENOLATE, 1.5, DoseUnit.G, Frequency.TWICE_DAILY,
                Route.ORAL, first.plusMonths(30).plusDays(1), null, null, null, null));
        investigations.recordInvestigation(clinic, id, new InvestigationRequest(first.minusDays(10), InvestigationType.MRI,
                Set.of(Finding.MUSCLE_EDEMA), "thighs", null));
        investigations.recordInvestigation(clinic, id, new InvestigationRequest(first.minusDays(5), InvestigationType.BIOPSY,
                Set.of(Finding.PERIFASCICULAR_ATROPHY, Finding.INFLAMMATORY_INFILTRATES), "quadriceps", null));
        return id;
    }

    private static double round(double value) {
        return Math.round(Math.min(10, value) * 10) / 10.0;
    }
}
