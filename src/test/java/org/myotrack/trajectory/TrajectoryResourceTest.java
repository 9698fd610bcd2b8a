package org.myotrack.trajectory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.security.Actor;
import org.myotrack.security.Role;
import org.myotrack.support.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class TrajectoryResourceTest {

    long patientId;

    @BeforeEach
    void createPatient() {
        patientId = Api.createPatient();
    }

    /** Baseline of the worked example of clinical.md §4. */
    static Map<String, Object> workedBaseline(String date) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("visitDate", date);
        visit.put("physicianGlobalActivity", 6.0);
        visit.put("patientGlobalActivity", 7.0);
        visit.put("mmt8", 120);
        visit.put("mmt8Max", 150);
        visit.put("haq", 1.5);
        visit.put("extramuscularActivity", 4.0);
        visit.put("enzymes", List.of(Map.of("test", "CK", "value", 2400, "uln", 200)));
        return visit;
    }

    /** Follow-up of the worked example of clinical.md §4. */
    static Map<String, Object> workedFollowUp(String date) {
        Map<String, Object> visit = workedBaseline(date);
        visit.put("physicianGlobalActivity", 3.0);
        visit.put("patientGlobalActivity", 5.0);
        visit.put("mmt8", 132);
        visit.put("haq", 1.125);
        visit.put("extramuscularActivity", 2.0);
        visit.put("enzymes", List.of(Map.of("test", "CK", "value", 600, "uln", 200)));
        return visit;
    }

    private long visit(Map<String, Object> body) {
        return clinician().body(body).post("/api/patients/" + patientId + "/visits").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private void therapy(String drug, String start, String end) {
        Map<String, Object> body = new HashMap<>(Map.of("drug", drug, "dose", 15, "doseUnit", "MG", "frequency", "DAILY",
                "startDate", start));
        body.put("endDate", end);
        clinician().body(body).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
    }

    private String trajectory() {
        return "/api/patients/" + patientId + "/trajectory";
    }

    @Test
    void shouldScoreWorkedExampleAsModerateResponse() {
        long baseline = visit(workedBaseline("2019-05-02"));
        long followUp = visit(workedFollowUp("2019-08-01"));
        clinician().get(trajectory()).then().statusCode(200)
                .body("patientId", is((int) patientId))
                .body("baselineVisitId", is((int) baseline))
                .body("baseline", equalTo("FIRST"))
                .body("juvenile", is(false))
                .body("visits", hasSize(2))
                .body("visits[0].visitId", is((int) baseline))
                .body("visits[0].tis", nullValue())
                .body("visits[1].visitId", is((int) followUp))
                .body("visits[1].tis", is(57.5f))
                .body("visits[1].response", equalTo("MODERATE"))
                .body("visits[1].components.physicianGlobalActivity.percentImprovement", is(30.0f))
                .body("visits[1].components.physicianGlobalActivity.points", is(17.5f))
                .body("visits[1].components.patientGlobalActivity.points", is(5.0f))
                .body("visits[1].components.muscleStrength.percentImprovement", is(8.0f))
                .body("visits[1].components.muscleStrength.points", is(10.0f))
                .body("visits[1].components.physicalFunction.percentImprovement", is(12.5f))
                .body("visits[1].components.physicalFunction.points", is(5.0f))
                .body("visits[1].components.extramuscularActivity.points", is(12.5f))
                .body("visits[1].components.enzyme.percentImprovement", is(75.0f))
                .body("visits[1].components.enzyme.points", is(7.5f))
                .body("visits[1].doiMet", is(true))
                .body("visits[1].worsening", is(false));
    }

    @Test
    void shouldScoreAgainstChosenVisit() {
        visit(workedBaseline("2019-01-02"));
        long chosen = visit(workedBaseline("2019-05-02"));
        visit(workedFollowUp("2019-08-01"));
        clinician().queryParam("baseline", chosen).get(trajectory()).then().statusCode(200)
                .body("baseline", equalTo("VISIT"))
                .body("baselineVisitId", is((int) chosen))
                .body("visits.visitDate", contains("2019-05-02", "2019-08-01"))
                .body("visits[1].tis", is(57.5f));
    }

    @Test
    void shouldUseJuvenileThresholds() {
        Map<String, Object> child = Api.patientBody();
        child.put("birthDate", "2010-03-01");
        child.put("onsetDate", "2020-01-10");
        child.put("diagnosisDate", "2020-04-01");
        child.put("diagnosis", "JDM");
        patientId = clinician().body(child).post("/api/patients").then().statusCode(201).extract().jsonPath().getLong("id");
        visit(workedBaseline("2020-05-02"));
        visit(workedFollowUp("2020-08-01"));
        clinician().get(trajectory()).then().statusCode(200)
                .body("juvenile", is(true))
                .body("visits[1].tis", is(57.5f))
                .body("visits[1].response", equalTo("MODERATE"));
        Map<String, Object> weaker = workedFollowUp("2020-11-01");
        weaker.put("physicianGlobalActivity", 5.0);
        // PGA 6 → 5 is 10 %: 7.5 points instead of 17.5, TIS 47.5 is MODERATE for a child (≥ 45) ...
        visit(weaker);
        Map<String, Object> weakest = workedFollowUp("2021-02-01");
        weakest.put("physicianGlobalActivity", 5.5);
        // ... and PGA 6 → 5.5 (5 %) scores 0: TIS 40 is MODERATE for an adult but only MINIMAL (≥ 30) for a child.
        visit(weakest);
        clinician().get(trajectory()).then()
                .body("visits[2].tis", is(47.5f)).body("visits[2].response", equalTo("MODERATE"))
                .body("visits[3].tis", is(40.0f)).body("visits[3].response", equalTo("MINIMAL"));
    }

    @Test
    void shouldReportIncompleteWithPartialSumWhenMeasureMissing() {
        visit(workedBaseline("2019-05-02"));
        Map<String, Object> followUp = workedFollowUp("2019-08-01");
        followUp.remove("haq");
        visit(followUp);
        clinician().get(trajectory()).then()
                .body("visits[1].response", equalTo("INCOMPLETE"))
                .body("visits[1].tis", is(52.5f))
                .body("visits[1].components.physicalFunction.percentImprovement", nullValue());
    }

    @Test
    void shouldFlagWorseningAgainstPreviousVisit() {
        visit(workedBaseline("2019-01-02"));
        Map<String, Object> worse = workedBaseline("2019-04-02");
        worse.put("physicianGlobalActivity", 8.0);
        worse.put("mmt8", 96);
        visit(worse);
        clinician().get(trajectory()).then()
                .body("visits[1].worsening", is(true))
                .body("visits[1].worseningRoutes", contains("GLOBAL_AND_STRENGTH"));
    }

    @Test
    void shouldChangeAtOnceWhenVisitIsEditedOrDeleted() {
        visit(workedBaseline("2019-05-02"));
        long followUp = visit(workedFollowUp("2019-08-01"));
        Map<String, Object> edited = workedFollowUp("2019-08-01");
        edited.put("physicianGlobalActivity", 6.0);
        edited.put("version", 0);
        clinician().body(edited).put("/api/visits/" + followUp).then().statusCode(200);
        clinician().get(trajectory()).then().body("visits[1].tis", is(40.0f));
        clinician().delete("/api/visits/" + followUp).then().statusCode(204);
        clinician().get(trajectory()).then().body("visits", hasSize(1));
    }

    @Test
    void shouldAnswerPatientWithoutVisits() {
        clinician().get(trajectory()).then().statusCode(200).body("visits", hasSize(0)).body("baselineVisitId", nullValue());
    }

    @Nested
    class RegimenBaseline {

        @Test
        void shouldTakeLatestVisitWithin30DaysBeforeRegimenStart() {
            therapy("PREDNISONE", "2019-01-01", null);
            therapy("METHOTREXATE", "2019-03-31", null);
            visit(workedBaseline("2019-01-05"));
            long edge = visit(workedBaseline("2019-03-01"));
            visit(workedFollowUp("2019-08-01"));
            clinician().queryParam("baseline", "regimen").get(trajectory()).then().statusCode(200)
                    .body("baseline", equalTo("REGIMEN"))
                    .body("baselineVisitId", is((int) edge))
                    .body("baselineNote", containsString("2019-03-31"));
        }

        @Test
        void shouldFallBackToFirstVisitWhenNoVisitInWindow() {
            therapy("PREDNISONE", "2019-01-01", null);
            therapy("METHOTREXATE", "2019-04-01", null);
            long first = visit(workedBaseline("2019-01-05"));
            visit(workedBaseline("2019-03-01"));
            visit(workedBaseline("2019-04-16"));
            visit(workedFollowUp("2019-08-01"));
            clinician().queryParam("baseline", "regimen").get(trajectory()).then().statusCode(200)
                    .body("baseline", equalTo("FIRST"))
                    .body("baselineVisitId", is((int) first))
                    .body("baselineNote", containsString("2019-04-01"));
        }

        @Test
        void shouldTakeVisit14DaysAfterRegimenStartAndUseLatestAgent() {
            therapy("PREDNISONE", "2019-01-01", null);
            therapy("METHOTREXATE", "2019-02-01", "2019-06-01");
            therapy("MYCOPHENOLATE", "2019-06-02", null);
            visit(workedBaseline("2019-01-05"));
            long edge = visit(workedBaseline("2019-06-16"));
            visit(workedFollowUp("2019-10-01"));
            clinician().queryParam("baseline", "regimen").get(trajectory()).then()
                    .body("baseline", equalTo("REGIMEN"))
                    .body("baselineVisitId", is((int) edge));
        }

        @Test
        void shouldTreatDoseChangeOfSameDrugAsSameRegimen() {
            therapy("METHOTREXATE", "2019-02-01", "2019-04-30");
            therapy("METHOTREXATE", "2019-05-01", null);
            long regimenVisit = visit(workedBaseline("2019-01-25"));
            visit(workedBaseline("2019-05-05"));
            visit(workedFollowUp("2019-08-01"));
            clinician().queryParam("baseline", "regimen").get(trajectory()).then()
                    .body("baselineVisitId", is((int) regimenVisit));
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseUnknownBaselineKeyword() {
            visit(workedBaseline("2019-05-02"));
            clinician().queryParam("baseline", "latest").get(trajectory()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("baseline"))
                    .body("violations[0].message", containsString("first, regimen"));
        }

        @Test
        void shouldAnswerForeignOrDeletedBaselineVisitWith404() {
            visit(workedBaseline("2019-05-02"));
            long other = Api.createPatient();
            long foreign = Api.createVisit(other, "2019-05-02");
            clinician().queryParam("baseline", foreign).get(trajectory()).then().statusCode(404)
                    .contentType("application/problem+json");
            long deleted = visit(workedBaseline("2019-06-02"));
            clinician().delete("/api/visits/" + deleted).then().statusCode(204);
            clinician().queryParam("baseline", deleted).get(trajectory()).then().statusCode(404);
        }

        @Test
        void shouldHideAnotherSitesTrajectoryAndRefuseCoordinator() {
            visit(workedBaseline("2019-05-02"));
            Api.clinicianB().get(trajectory()).then().statusCode(404);
            Api.coordinator().get(trajectory()).then().statusCode(403);
            clinician().get("/api/patients/987654321/trajectory").then().statusCode(404);
        }
    }

    @Inject
    TrajectoryService service;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Nested
    class OneRoundTrip {

        @Test
        void shouldReadVisitsInOneQueryWhateverTheirNumber() {
            long fewVisits = patientId;
            for (int i = 0; i < 2; i++) {
                visit(workedBaseline(LocalDate.of(2015, 1, 1).plusDays(100L * i).toString()));
            }
            long manyVisits = Api.createPatient();
            patientId = manyVisits;
            for (int i = 0; i < 40; i++) {
                visit(workedBaseline(LocalDate.of(2015, 1, 1).plusDays(100L * i).toString()));
            }
            Long siteA = clinician().get("/api/sites").jsonPath().getLong("find { it.code == 'DEMO-A' }.id");
            Actor actor = new Actor("clinician", Role.CLINICIAN, siteA);
            Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

            statistics.clear();
            assertThat(service.trajectoryOf(actor, fewVisits, "first").visits()).hasSize(2);
            long statementsForTwo = statistics.getPrepareStatementCount();
            statistics.clear();
            assertThat(service.trajectoryOf(actor, manyVisits, "first").visits()).hasSize(40);
            long statementsForForty = statistics.getPrepareStatementCount();

            assertThat(statementsForForty).isEqualTo(statementsForTwo).isLessThanOrEqualTo(2);
        }
    }
}
