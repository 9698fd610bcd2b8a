package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class FlagResourceTest {

    @Inject
    PatientFlagStateRepository states;

    @Inject
    FlagService flags;

    long patientId;

    @BeforeEach
    void createPatient() {
        patientId = Api.createPatient();
    }

    /** An active visit: MMT-8 100/150, PGA 5 cm, CK 8 × ULN (RIM entry criteria). */
    private long activeVisit(String date) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("visitDate", date);
        visit.put("physicianGlobalActivity", 5.0);
        visit.put("patientGlobalActivity", 6.0);
        visit.put("mmt8", 100);
        visit.put("mmt8Max", 150);
        visit.put("haq", 1.5);
        visit.put("extramuscularActivity", 3.0);
        visit.put("enzymes", List.of(Map.of("test", "CK", "value", 1600, "uln", 200)));
        return clinician().body(visit).post("/api/patients/" + patientId + "/visits").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private long therapy(String drug, double dose, String frequency, String start) {
        return clinician().body(Map.of("drug", drug, "dose", dose, "doseUnit", "MG", "frequency", frequency,
                        "route", "ORAL", "startDate", start))
                .post("/api/patients/" + patientId + "/therapies").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private String flags() {
        return "/api/patients/" + patientId + "/flags";
    }

    private List<String> storedCodes() {
        return QuarkusTransaction.requiringNew().call(() -> states.findByIdOptional(patientId)
                .map(s -> s.flags.stream().map(f -> f.code.name()).sorted().toList()).orElse(List.of()));
    }

    @Test
    void shouldFlagInadequateResponseWithEvidenceOnceTheCombinationHadTwelveWeeks() {
        long prednisone = therapy("PREDNISONE", 40, "DAILY", "2019-01-01");
        long methotrexate = therapy("METHOTREXATE", 20, "WEEKLY", "2019-01-01");
        activeVisit("2019-01-05");
        activeVisit("2019-03-25");
        clinician().get(flags()).then().statusCode(200)
                .body("patientId", is((int) patientId))
                .body("rulesVersion", equalTo("2"))
                .body("refractory", is(false))
                .body("flags.code", not(hasItem("INADEQUATE_RESPONSE")));
        assertThat(storedCodes()).doesNotContain("INADEQUATE_RESPONSE");

        long judged = activeVisit("2019-03-26");
        var body = clinician().get(flags()).then().statusCode(200)
                .body("refractory", is(true))
                .body("flags.find { it.code == 'INADEQUATE_RESPONSE' }.since", equalTo("2019-03-26"))
                .body("flags.find { it.code == 'INADEQUATE_RESPONSE' }.message", notNullValue())
                .body("flags.find { it.code == 'INADEQUATE_RESPONSE' }.reference", notNullValue())
                .extract().jsonPath();
        List<Map<String, Object>> evidence = body.getList("flags.find { it.code == 'INADEQUATE_RESPONSE' }.evidence");
        assertThat(evidence).extracting(e -> e.get("kind") + ":" + ((Number) e.get("id")).longValue())
                .contains("therapy:" + prednisone, "therapy:" + methotrexate, "visit:" + judged);
        assertThat(storedCodes()).contains("INADEQUATE_RESPONSE");
    }

    @Test
    void shouldUpdateStoredStateAtOnceWhenAnInvestigationIsRecorded() {
        activeVisit("2020-01-05");
        clinician().get(flags()).then().body("flags.code", not(hasItem("CONSIDER_IBM")));
        long biopsy = clinician().body(Map.of("date", "2020-01-03", "type", "BIOPSY", "findings", List.of("RIMMED_VACUOLES")))
                .post("/api/patients/" + patientId + "/investigations").then().statusCode(201).extract().jsonPath().getLong("id");
        clinician().get(flags()).then()
                .body("flags.find { it.code == 'CONSIDER_IBM' }.evidence.id", hasItem((int) biopsy));
        assertThat(storedCodes()).contains("CONSIDER_IBM");
        clinician().delete("/api/investigations/" + biopsy).then().statusCode(204);
        clinician().get(flags()).then().body("flags.code", not(hasItem("CONSIDER_IBM")));
        assertThat(storedCodes()).doesNotContain("CONSIDER_IBM");
    }

    @Test
    void shouldKeepStoredStateCompleteWhenVisitsOfOnePatientArriveAtOnce() throws Exception {
        int writers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
        List<java.util.concurrent.Future<Long>> posted = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String date = "2021-0" + (i + 1) + "-10";
                posted.add(pool.submit(() -> {
                    start.await();
                    return activeVisit(date);
                }));
            }
            for (var visit : posted) {
                visit.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int stored = QuarkusTransaction.requiringNew().call(() -> states.findById(patientId).visitCount);
        assertThat(stored).as("visits counted by the stored state after concurrent writes").isEqualTo(writers);
    }

    @Test
    void shouldReevaluateStaleStatesTwiceAtOnceWhileAWriterHoldsAPatient() throws Exception {
        activeVisit("2021-03-01");
        String version = flags.rules().version();
        long patients = QuarkusTransaction.requiringNew().call(() -> states.getEntityManager()
                .createQuery("select count(p) from Patient p", Long.class).getSingleResult());
        // As after a change of thresholds: every stored state comes from another rules version.
        QuarkusTransaction.requiringNew().run(() -> states.update("rulesVersion = 'older' where rulesVersion = ?1", version));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        try {
            // A write holding the patient's row for longer than H2's default lock timeout of two seconds.
            var writer = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                states.getEntityManager().createNativeQuery("SELECT id FROM patients WHERE id = " + patientId + " FOR UPDATE")
                        .getResultList();
                held.countDown();
                try {
                    Thread.sleep(3_500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }));
            held.await();
            var first = pool.submit(flags::refreshStale);
            var second = pool.submit(flags::refreshStale);
            writer.get();
            assertThat(first.get() + second.get()).as("patients re-evaluated by both runs").isEqualTo((int) patients);
        } finally {
            pool.shutdownNow();
        }
        long current = QuarkusTransaction.requiringNew().call(() -> states.count("rulesVersion", version));
        assertThat(current).as("stored states under the current rules version").isEqualTo(patients);
        assertThat(QuarkusTransaction.requiringNew().call(() -> states.findById(patientId).visitCount)).isEqualTo(1);
        clinician().get(flags()).then().statusCode(200).body("rulesVersion", equalTo(version));
    }

    /**
     * After the upgrade from rules version 1 the stored states are re-evaluated in the background; a cohort read in
     * the meantime waits for it rather than answering from states of two versions.
     */
    @Test
    void shouldReevaluateStatesOfVersionOneBeforeACohortReadsThem() throws Exception {
        activeVisit("2021-03-01");
        String cohort = "/api/cohort?flag=CONSIDER_IBM&size=1";
        long flaggedUnderVersionTwo = Api.coordinator().get(cohort).then().statusCode(200).extract().jsonPath().getLong("total");
        // As a registry reads after the upgrade: every state stored under "1", and this patient with a version-1 flag
        // that version 2 does not raise.
        QuarkusTransaction.requiringNew().run(() -> {
            states.update("rulesVersion = '1'");
            states.getEntityManager().createNativeQuery("INSERT INTO patient_flags (patient_id, code, since)"
                    + " VALUES (" + patientId + ", 'CONSIDER_IBM', DATE '2021-03-01')").executeUpdate();
        });
        // The process has not yet verified the stored states, as at the first start after an upgrade.
        java.lang.reflect.Field verified = FlagService.class.getDeclaredField("statesCurrent");
        verified.setAccessible(true);
        verified.setBoolean(io.quarkus.arc.ClientProxy.unwrap(flags), false);

        long flagged = Api.coordinator().get(cohort).then().statusCode(200).extract().jsonPath().getLong("total");

        assertThat(flagged).as("patients with CONSIDER_IBM, read after the states were re-evaluated").isEqualTo(flaggedUnderVersionTwo);
        assertThat(QuarkusTransaction.requiringNew().call(() -> states.count("rulesVersion <> ?1", flags.rules().version())))
                .as("states left under another rules version").isZero();
        assertThat(storedCodes()).doesNotContain("CONSIDER_IBM");
    }

    @Test
    void shouldAnswerPatientWithoutVisitsWithNoFlags() {
        clinician().get(flags()).then().statusCode(200).body("flags", hasSize(0)).body("refractory", is(false));
    }

    @Test
    void shouldHideAnotherSitesFlagsAndRefuseCoordinator() {
        Api.clinicianB().get(flags()).then().statusCode(404);
        Api.coordinator().get(flags()).then().statusCode(403);
        clinician().get("/api/patients/987654321/flags").then().statusCode(404);
    }
}
