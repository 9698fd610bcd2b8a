package org.myotrack.bootstrap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.security.UserService;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** A first start outside demo mode, on its own empty database. */
@QuarkusTest
@TestProfile(OutsideDemoModeTest.FirstProductionStart.class)
class OutsideDemoModeTest {

    /**
     * Demo off, an administrator password set, an empty database of its own: a fresh in-memory H2 database, or on
     * PostgreSQL (the suite's server is named by a system property) a schema of its own, emptied before the start.
     */
    public static class FirstProductionStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String suiteUrl = System.getProperty("quarkus.datasource.jdbc.url", "");
            if (suiteUrl.startsWith("jdbc:postgresql:")) {
                String schemaUrl = suiteUrl + (suiteUrl.contains("?") ? "&" : "?") + "currentSchema=first_start";
                return Map.of("myotrack.demo", "false",
                        "myotrack.admin-password", "first-admin-passphrase",
                        "quarkus.datasource.jdbc.url", schemaUrl,
                        "quarkus.flyway.schemas", "first_start",
                        "quarkus.flyway.clean-at-start", "true");
            }
            return Map.of("myotrack.demo", "false",
                    "myotrack.admin-password", "first-admin-passphrase",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:myotrack-first-start;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    StartupBootstrap bootstrap;

    @Inject
    FirstStartLock firstStartLock;

    @Inject
    UserService users;

    @Test
    void shouldCreateOnlyTheAdministratorFromTheConfiguredPassword() {
        RestAssured.given().auth().preemptive().basic("admin", "first-admin-passphrase").get("/api/users")
                .then().statusCode(200).body("username", contains("admin")).body("[0].role", equalTo("ADMIN"));
        RestAssured.given().auth().preemptive().basic("admin", "first-admin-passphrase").get("/api/sites")
                .then().statusCode(200).body("size()", is(0));
    }

    @Test
    void shouldHaveNoDemoUsers() {
        RestAssured.given().auth().preemptive().basic("clinician", "clinician").get("/api/patients").then().statusCode(401);
        RestAssured.given().auth().preemptive().basic("admin", "admin").get("/api/users").then().statusCode(401);
    }

    /**
     * A second instance starting on the same database while another one is initialising it: it waits for the
     * first-start lock, then finds the other instance's users and creates nobody.
     */
    @Test
    void shouldWaitForAnotherInstanceStartingOnTheSameDatabaseAndThenCreateNobody() throws Exception {
        long usersBefore = users.countUsers();
        CountDownLatch otherInstanceHoldsLock = new CountDownLatch(1);
        CountDownLatch otherInstanceMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            firstStartLock.hold();
            otherInstanceHoldsLock.countDown();
            try {
                otherInstanceMayCommit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(otherInstanceHoldsLock.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<FirstStart> thisInstance = CompletableFuture.supplyAsync(bootstrap::initialise);
        // Well under H2's lock timeout, long enough for an unlocked start-up to have finished.
        Thread.sleep(700);
        assertThat(thisInstance).as("start-up while another instance holds the first-start lock").isNotDone();

        otherInstanceMayCommit.countDown();
        otherInstance.get(30, TimeUnit.SECONDS);
        assertThat(thisInstance.get(30, TimeUnit.SECONDS)).isEqualTo(FirstStart.NOTHING);
        assertThat(users.countUsers()).isEqualTo(usersBefore);
    }
}
