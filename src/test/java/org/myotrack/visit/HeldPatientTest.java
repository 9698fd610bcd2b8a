package org.myotrack.visit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.WebSession;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.myotrack.support.Api.clinician;

/**
 * A write to a patient that another transaction holds for longer than H2 waits (10 s), as a large import holds each of
 * its patients until it commits: the clinic gets a 409 saying to send it again, nothing is saved, and sent again once
 * the patient is free it goes through; a clinic's form gets a page saying so. PostgreSQL waits for the holder instead, so this is H2's case.
 */
@QuarkusTest
class HeldPatientTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void shouldAnswerAWriteThatWaitedTooLongForItsPatientWithAConflictToSendAgainAndSaveNothing() throws Exception {
        assumeH2();
        long patientId = Api.createPatient();
        Map<String, Object> visit = Map.of("visitDate", "2021-05-10", "physicianGlobalActivity", 3.0);
        whileHeld(patientId, () -> clinician().body(visit).post("/api/patients/" + patientId + "/visits").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("detail", containsString("Another change to this patient is under way"))
                .body("detail", containsString("nothing was saved")));
        clinician().get("/api/patients/" + patientId + "/visits").then().statusCode(200).body("items", hasSize(0));
        clinician().body(visit).post("/api/patients/" + patientId + "/visits").then().statusCode(201)
                .body("visitDate", equalTo("2021-05-10"));
    }

    @Test
    void shouldAnswerAFormPostedWhileItsPatientIsHeldWithAPageSayingToSendItAgain() throws Exception {
        assumeH2();
        long patientId = Api.createPatient();
        WebSession session = WebSession.login("clinician");
        whileHeld(patientId, () -> session.form().formParam("visitDate", "2021-05-10").formParam("physicianGlobalActivity", "3")
                .post("/clinic/patients/" + patientId + "/visits").then()
                .statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("Another change to this patient is under way"))
                .body(containsString("Send it again in a moment from the form")));
        clinician().get("/api/patients/" + patientId + "/visits").then().statusCode(200).body("items", hasSize(0));
    }

    private void assumeH2() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assumeTrue(product.equals("H2"), "PostgreSQL waits for the holder without a lock timeout; this is " + product);
        }
    }

    /** Sends the write while another transaction holds the patient's row, and lets the row go once it is answered. */
    private void whileHeld(long patientId, Runnable write) throws Exception {
        ExecutorService holder = Executors.newSingleThreadExecutor();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        try {
            Future<?> holding = holder.submit(() -> QuarkusTransaction.requiringNew().timeout(60).run(() -> {
                em.createNativeQuery("SELECT id FROM patients WHERE id = " + patientId + " FOR UPDATE").getResultList();
                held.countDown();
                try {
                    answered.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            write.run();
            answered.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            answered.countDown();
            holder.shutdownNow();
        }
    }
}
