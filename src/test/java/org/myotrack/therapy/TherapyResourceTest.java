package org.myotrack.therapy;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class TherapyResourceTest {

    long patientId;

    @BeforeEach
    void createPatient() {
        patientId = Api.createPatient();
    }

    static Map<String, Object> prednisone(String start, String end) {
        Map<String, Object> body = new HashMap<>(Map.of("drug", "PREDNISONE", "dose", 60, "doseUnit", "MG",
                "frequency", "DAILY", "route", "ORAL", "startDate", start));
        body.put("endDate", end);
        return body;
    }

    private String therapiesPath() {
        return "/api/patients/" + patientId + "/therapies";
    }

    @Test
    void shouldRecordTaperAndListItInStartOrder() {
        clinician().body(prednisone("2019-03-15", "2019-04-30")).post(therapiesPath()).then().statusCode(201)
                .body("drugClass", equalTo("GLUCOCORTICOID"));
        clinician().body(prednisone("2019-02-01", "2019-03-14")).post(therapiesPath()).then().statusCode(201);
        clinician().get(therapiesPath()).then().statusCode(200)
                .body("items.startDate", contains("2019-02-01", "2019-03-15"));
    }

    @Test
    void shouldEndOngoingTherapyWithStopReason() {
        long id = clinician().body(prednisone("2019-02-01", null)).post(therapiesPath()).then().statusCode(201)
                .body("endDate", nullValue()).extract().jsonPath().getLong("id");
        Map<String, Object> body = prednisone("2019-02-01", "2019-08-01");
        body.put("stopReason", "INEFFICACY");
        body.put("version", 0);
        clinician().body(body).put("/api/therapies/" + id).then().statusCode(200)
                .body("stopReason", equalTo("INEFFICACY")).body("version", is(1));
    }

    @Test
    void shouldRecordDrugOutsideVocabularyByName() {
        Map<String, Object> body = prednisone("2020-01-01", null);
        body.put("drug", "OTHER");
        body.put("drugName", "Anakinra");
        clinician().body(body).post(therapiesPath()).then().statusCode(201).body("drugName", equalTo("Anakinra"));
    }

    @Test
    void shouldSoftDeleteTherapy() {
        long id = clinician().body(prednisone("2019-02-01", null)).post(therapiesPath()).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        clinician().delete("/api/therapies/" + id).then().statusCode(204);
        clinician().get("/api/therapies/" + id).then().statusCode(404);
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseEndBeforeStart() {
            clinician().body(prednisone("2019-02-01", "2019-01-31")).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("endDate"))
                    .body("violations[0].message", containsString("2019-02-01"));
            clinician().body(prednisone("2019-02-01", "2019-02-01")).post(therapiesPath()).then().statusCode(201);
        }

        @Test
        void shouldRefuseStopReasonOnOngoingTherapy() {
            Map<String, Object> body = prednisone("2019-02-01", null);
            body.put("stopReason", "REMISSION");
            clinician().body(body).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("stopReason"));
        }

        @Test
        void shouldRefuseOtherDrugWithoutName() {
            Map<String, Object> body = prednisone("2019-02-01", null);
            body.put("drug", "OTHER");
            clinician().body(body).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("drugName"));
        }

        @Test
        void shouldRefuseUnknownDrug() {
            Map<String, Object> body = prednisone("2019-02-01", null);
            body.put("drug", "ASPIRIN");
            clinician().body(body).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("drug"))
                    .body("violations[0].message", containsString("RITUXIMAB"));
        }

        @Test
        void shouldAcceptDoseAtBothEdgesAndRefuseJustOutside() {
            for (Object dose : new Object[] {0, 100000}) {
                Map<String, Object> body = prednisone("2019-02-01", null);
                body.put("dose", dose);
                clinician().body(body).post(therapiesPath()).then().statusCode(201);
            }
            for (Object dose : new Object[] {-0.001, 100000.001}) {
                Map<String, Object> body = prednisone("2019-02-01", null);
                body.put("dose", dose);
                clinician().body(body).post(therapiesPath()).then().statusCode(400)
                        .body("violations[0].field", equalTo("dose"))
                        .body("violations[0].message", equalTo("must be between 0 and 100000"));
            }
        }

        @Test
        void shouldRefuseNegativeDoseAndDoseWithoutUnit() {
            Map<String, Object> body = prednisone("2019-02-01", null);
            body.put("dose", -1);
            clinician().body(body).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("dose"));
            body.put("dose", 10);
            body.remove("doseUnit");
            clinician().body(body).post(therapiesPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("doseUnit"));
        }

        @Test
        void shouldRefuseStartInFutureOrBeforeBirth() {
            clinician().body(prednisone(LocalDate.now().plusDays(1).toString(), null)).post(therapiesPath()).then()
                    .statusCode(400).body("violations.field", hasItem("startDate"));
            clinician().body(prednisone("1980-01-01", null)).post(therapiesPath()).then()
                    .statusCode(400).body("violations.field", hasItem("startDate"));
        }

        @Test
        void shouldRefuseStaleVersion() {
            long id = clinician().body(prednisone("2019-02-01", null)).post(therapiesPath()).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Map<String, Object> body = prednisone("2019-02-01", "2019-05-01");
            body.put("version", 0);
            clinician().body(body).put("/api/therapies/" + id).then().statusCode(200);
            body.put("endDate", "2019-06-01");
            clinician().body(body).put("/api/therapies/" + id).then().statusCode(409);
            clinician().get("/api/therapies/" + id).then().body("endDate", equalTo("2019-05-01"));
        }

        @Test
        void shouldHideAnotherSitesTherapiesAndRefuseCoordinator() {
            long id = clinician().body(prednisone("2019-02-01", null)).post(therapiesPath()).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Api.clinicianB().get("/api/therapies/" + id).then().statusCode(404);
            Api.clinicianB().body(prednisone("2019-02-01", null)).post(therapiesPath()).then().statusCode(404);
            Api.coordinator().get(therapiesPath()).then().statusCode(403);
            clinician().get("/api/therapies/424242424").then().statusCode(404);
        }
    }
}
