package org.myotrack.visit;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.support.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class VisitResourceTest {

    private static final AtomicInteger DAY = new AtomicInteger();

    long patientId;

    @BeforeEach
    void createPatient() {
        patientId = Api.createPatient();
    }

    private static String nextDate() {
        return LocalDate.of(2001, 1, 1).plusDays(DAY.incrementAndGet()).toString();
    }

    private String visitsPath() {
        return "/api/patients/" + patientId + "/visits";
    }

    @Test
    void shouldRecordVisitAsInApiExample() {
        var created = clinician().body(Api.visitBody("2019-05-02")).post(visitsPath()).then().statusCode(201)
                .body("visitDate", equalTo("2019-05-02"))
                .body("mmt8", is(120))
                .body("enzymes[0].test", equalTo("CK"))
                .body("enzymes[0].uln", is(200.0f))
                .body("version", is(0))
                .extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), containsString("/api/visits/" + id));
        clinician().get("/api/visits/" + id).then().statusCode(200).body("haq", is(1.5f));
    }

    @Test
    void shouldListVisitsInDateOrderWhateverTheEntryOrder() {
        Api.createVisit(patientId, "2020-03-01");
        Api.createVisit(patientId, "2019-01-15");
        Api.createVisit(patientId, "2019-07-30");
        clinician().get(visitsPath()).then().statusCode(200)
                .body("items.visitDate", contains("2019-01-15", "2019-07-30", "2020-03-01"))
                .body("total", is(3));
        clinician().queryParam("size", 2).queryParam("page", 1).get(visitsPath()).then()
                .body("items.visitDate", contains("2020-03-01"));
    }

    @Test
    void shouldCorrectVisitAndBumpVersion() {
        long id = Api.createVisit(patientId, "2019-05-02");
        Map<String, Object> body = Api.visitBody("2019-05-02");
        body.put("mmt8", 130);
        body.put("version", 0);
        clinician().body(body).put("/api/visits/" + id).then().statusCode(200).body("mmt8", is(130)).body("version", is(1));
    }

    @Test
    void shouldSoftDeleteVisit() {
        long id = Api.createVisit(patientId, "2019-05-02");
        clinician().delete("/api/visits/" + id).then().statusCode(204);
        clinician().get("/api/visits/" + id).then().statusCode(404);
        clinician().get(visitsPath()).then().body("items", hasSize(0));
        Api.admin().get("/api/patients/" + patientId + "/audit").then().statusCode(200)
                .body("items.action", hasItem("DELETE"))
                .body("items.find { it.action == 'DELETE' }.oldValue.mmt8", is(120));
        clinician().delete("/api/visits/" + id).then().statusCode(404);
    }

    @Test
    void shouldAllowNewVisitOnDateOfDeletedOne() {
        long id = Api.createVisit(patientId, "2019-05-02");
        clinician().delete("/api/visits/" + id).then().statusCode(204);
        Api.createVisit(patientId, "2019-05-02");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentEditsWin() throws Exception {
        long id = Api.createVisit(patientId, "2019-05-02");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int mmt8 : new int[] {101, 102}) {
                Callable<Integer> edit = () -> {
                    Map<String, Object> body = Api.visitBody("2019-05-02");
                    body.put("mmt8", mmt8);
                    body.put("version", 0);
                    var request = clinician().body(body);
                    start.await();
                    return request.put("/api/visits/" + id).statusCode();
                };
                outcomes.add(pool.submit(edit));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        var stored = clinician().get("/api/visits/" + id).jsonPath();
        assertEquals(1, stored.getInt("version"));
        org.hamcrest.MatcherAssert.assertThat(stored.getInt("mmt8"), org.hamcrest.Matchers.oneOf(101, 102));
    }

    @Nested
    class FieldRanges {

        @ParameterizedTest(name = "{0}: {1} and {2} accepted")
        @CsvSource({
                "physicianGlobalActivity, 0, 10",
                "patientGlobalActivity, 0, 10",
                "extramuscularActivity, 0, 10",
                "physicianGlobalDamage, 0, 10",
                "patientGlobalDamage, 0, 10",
                "mmt8, 0, 150",
                "cmas, 0, 52",
                "haq, 0, 3",
                "mdiExtent, 0, 38",
                "mdiSeverity, 0, 110",
                "sf36Pcs, 0, 100",
                "sf36Mcs, 0, 100",
                "functionalIndex, 0, 100",
                "bodyWeightKg, 2.0, 300.0",
                "cdasiActivity, 0, 100"
        })
        void shouldAcceptBothEdgesOfEachRange(String field, String lowest, String highest) {
            for (String edge : new String[] {lowest, highest}) {
                Map<String, Object> body = Api.visitBody(nextDate());
                body.put(field, new java.math.BigDecimal(edge));
                clinician().body(body).post(visitsPath()).then().statusCode(201);
            }
        }

        @ParameterizedTest(name = "{0}: {1} and {2} refused")
        @CsvSource({
                "physicianGlobalActivity, -0.1, 10.1, must be between 0 and 10",
                "patientGlobalActivity, -0.1, 10.1, must be between 0 and 10",
                "extramuscularActivity, -0.1, 10.1, must be between 0 and 10",
                "physicianGlobalDamage, -0.1, 10.1, must be between 0 and 10",
                "patientGlobalDamage, -0.1, 10.1, must be between 0 and 10",
                "mmt8, -1, 151, must be between 0 and 150",
                "cmas, -1, 53, must be between 0 and 52",
                "haq, -0.125, 3.125, must be between 0 and 3",
                "mdiExtent, -1, 39, must be between 0 and 38",
                "mdiSeverity, -0.1, 110.1, must be between 0 and 110",
                "sf36Pcs, -0.1, 100.1, must be between 0 and 100",
                "sf36Mcs, -0.1, 100.1, must be between 0 and 100",
                "functionalIndex, -0.1, 100.1, must be between 0 and 100",
                "bodyWeightKg, 1.9, 300.1, must be between 2.0 and 300.0",
                "cdasiActivity, -1, 101, must be between 0 and 100"
        })
        void shouldRefuseJustOutsideEachRangeNamingFieldAndRange(String field, String below, String above, String message) {
            for (String outside : new String[] {below, above}) {
                Map<String, Object> body = Api.visitBody(nextDate());
                body.put(field, new java.math.BigDecimal(outside));
                clinician().body(body).post(visitsPath()).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations.field", hasItem(field))
                        .body("violations.message", hasItem(message));
            }
            clinician().get(visitsPath()).then().body("total", is(0));
        }

        @Test
        void shouldRefuseHaqOffItsEighthSteps() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("haq", 1.1);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("haq"))
                    .body("violations[0].message", equalTo("must be a multiple of 0.125"));
        }

        @Test
        void shouldRefuseGlobalWithTwoDecimals() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("physicianGlobalActivity", 5.55);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("physicianGlobalActivity"));
        }

        @Test
        void shouldRefuseMmt8AboveScaleMaximum() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("mmt8", 81);
            body.put("mmt8Max", 80);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("mmt8"))
                    .body("violations[0].message", containsString("between 0 and 80"));
            body.put("mmt8", 80);
            clinician().body(body).post(visitsPath()).then().statusCode(201);
        }

        @Test
        void shouldRefuseMmt8ScaleOtherThan80Or150() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("mmt8Max", 100);
            body.put("mmt8", 50);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("mmt8Max"))
                    .body("violations[0].message", equalTo("must be 80 or 150"));
        }

        @Test
        void shouldRefuseMmt8WithoutScale() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.remove("mmt8Max");
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("mmt8Max"));
        }

        @Test
        void shouldRefuseEnzymeWithoutPositiveUln() {
            for (Object uln : new Object[] {0, -5}) {
                Map<String, Object> body = Api.visitBody(nextDate());
                body.put("enzymes", List.of(Map.of("test", "CK", "value", 300, "uln", uln)));
                clinician().body(body).post(visitsPath()).then().statusCode(400)
                        .body("violations[0].field", equalTo("enzymes[0].uln"))
                        .body("violations[0].message", equalTo("must be greater than 0"));
            }
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("enzymes", List.of(Map.of("test", "CK", "value", 300)));
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("enzymes[0].uln"));
            body.put("enzymes", List.of(Map.of("test", "CK", "value", 0, "uln", 0.5)));
            clinician().body(body).post(visitsPath()).then().statusCode(201);
        }

        @Test
        void shouldRefuseNegativeEnzymeValue() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("enzymes", List.of(Map.of("test", "ALDOLASE", "value", -1, "uln", 7.6)));
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("enzymes[0].value"));
        }

        @Test
        void shouldRefuseSameEnzymeTwice() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("enzymes", List.of(Map.of("test", "CK", "value", 300, "uln", 200),
                    Map.of("test", "CK", "value", 310, "uln", 200)));
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("enzymes[1].test"));
        }

        @Test
        void shouldRefuseUnknownEnzymeTest() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("enzymes", List.of(Map.of("test", "TROPONIN", "value", 3, "uln", 1)));
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("enzymes[0].test"))
                    .body("violations[0].message", containsString("ALDOLASE"));
        }

        @Test
        void shouldRefuseTextWhereNumberExpected() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("mmt8", "strong");
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("mmt8"))
                    .body("violations[0].message", equalTo("must be a whole number"));
        }
    }

    @Nested
    class CrossFieldRefusals {

        @Test
        void shouldRefuseVisitBeforeBirth() {
            clinician().body(Api.visitBody("1983-05-13")).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("visitDate"))
                    .body("violations[0].message", containsString("1983-05-14"));
            clinician().body(Api.visitBody("1983-05-14")).post(visitsPath()).then().statusCode(201);
        }

        @Test
        void shouldRefuseVisitInTheFuture() {
            clinician().body(Api.visitBody(LocalDate.now().plusDays(1).toString())).post(visitsPath()).then().statusCode(400)
                    .body("violations.field", hasItem("visitDate"));
            clinician().body(Api.visitBody(LocalDate.now().toString())).post(visitsPath()).then().statusCode(201);
        }

        @Test
        void shouldRefuseVisitWithoutAnyMeasure() {
            clinician().body(Map.of("visitDate", "2019-05-02", "notes", "phone call")).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("measures"));
        }

        @Test
        void shouldRefuseSecondVisitOnSameDate() {
            Api.createVisit(patientId, "2019-05-02");
            clinician().body(Api.visitBody("2019-05-02")).post(visitsPath()).then().statusCode(409)
                    .contentType("application/problem+json");
        }

        @Test
        void shouldRefuseStaleVersionAndKeepStoredVisit() {
            long id = Api.createVisit(patientId, "2019-05-02");
            Map<String, Object> body = Api.visitBody("2019-05-02");
            body.put("version", 0);
            body.put("mmt8", 110);
            clinician().body(body).put("/api/visits/" + id).then().statusCode(200);
            body.put("mmt8", 90);
            clinician().body(body).put("/api/visits/" + id).then().statusCode(409);
            clinician().get("/api/visits/" + id).then().body("mmt8", is(110));
            clinician().queryParam("version", 0).delete("/api/visits/" + id).then().statusCode(409);
            clinician().get("/api/visits/" + id).then().statusCode(200);
        }

        @Test
        void shouldAnswerUnknownVisitWith404() {
            clinician().get("/api/visits/99999999").then().statusCode(404);
            Map<String, Object> body = Api.visitBody("2019-05-02");
            body.put("version", 0);
            clinician().body(body).put("/api/visits/99999999").then().statusCode(404);
            clinician().get("/api/patients/99999999/visits").then().statusCode(404);
            clinician().body(Api.visitBody("2019-05-02")).post("/api/patients/99999999/visits").then().statusCode(404);
        }
    }

    @Nested
    class Access {

        @Test
        void shouldHideAnotherSitesVisitsAs404() {
            long id = Api.createVisit(patientId, "2019-05-02");
            Api.clinicianB().get("/api/visits/" + id).then().statusCode(404);
            Api.clinicianB().get(visitsPath()).then().statusCode(404);
            Api.clinicianB().body(Api.visitBody("2019-06-02")).post(visitsPath()).then().statusCode(404);
            Map<String, Object> body = Api.visitBody("2019-05-02");
            body.put("version", 0);
            body.put("mmt8", 10);
            Api.clinicianB().body(body).put("/api/visits/" + id).then().statusCode(404);
            Api.clinicianB().delete("/api/visits/" + id).then().statusCode(404);
            clinician().get("/api/visits/" + id).then().body("mmt8", is(120));
        }

        @Test
        void shouldRefuseCoordinator() {
            long id = Api.createVisit(patientId, "2019-05-02");
            Api.coordinator().get("/api/visits/" + id).then().statusCode(403);
            Api.coordinator().get(visitsPath()).then().statusCode(403);
            Api.coordinator().body(Api.visitBody("2019-06-02")).post(visitsPath()).then().statusCode(403);
        }
    }

    /** The inputs rules version 2 reads (clinical-v2.md "New inputs"): weight, CDASI and the ENMC yes/no findings. */
    @Nested
    class RulesV2Inputs {

        private Map<String, Object> withRulesV2Inputs(String date) {
            Map<String, Object> body = Api.visitBody(date);
            body.put("bodyWeightKg", 72.5);
            body.put("cdasiActivity", 18);
            body.put("dysphagia", true);
            body.put("fingerFlexorWeakness", false);
            body.put("quadricepsWeakness", true);
            return body;
        }

        @Test
        void shouldStoreReadAndCorrectTheRulesV2InputsAndAuditBothVersions() {
            long id = clinician().body(withRulesV2Inputs("2019-05-02")).post(visitsPath()).then().statusCode(201)
                    .body("bodyWeightKg", is(72.5f)).body("cdasiActivity", is(18)).body("dysphagia", is(true))
                    .body("fingerFlexorWeakness", is(false)).body("quadricepsWeakness", is(true))
                    .extract().jsonPath().getLong("id");
            clinician().get("/api/visits/" + id).then().statusCode(200)
                    .body("bodyWeightKg", is(72.5f)).body("cdasiActivity", is(18)).body("dysphagia", is(true))
                    .body("fingerFlexorWeakness", is(false)).body("quadricepsWeakness", is(true));

            Map<String, Object> corrected = withRulesV2Inputs("2019-05-02");
            corrected.put("bodyWeightKg", 70.0);
            corrected.put("cdasiActivity", 0);
            corrected.put("dysphagia", false);
            corrected.remove("quadricepsWeakness");
            corrected.put("version", 0);
            clinician().body(corrected).put("/api/visits/" + id).then().statusCode(200).body("version", is(1));
            clinician().get("/api/visits/" + id).then()
                    .body("bodyWeightKg", is(70.0f)).body("cdasiActivity", is(0)).body("dysphagia", is(false))
                    .body("fingerFlexorWeakness", is(false)).body("quadricepsWeakness", nullValue());

            Api.admin().get("/api/patients/" + patientId + "/audit").then().statusCode(200)
                    .body("items.find { it.action == 'CREATE' && it.entityType == 'VISIT' }.newValue.bodyWeightKg", is(72.5f))
                    .body("items.find { it.action == 'CREATE' && it.entityType == 'VISIT' }.newValue.dysphagia", is(true))
                    .body("items.find { it.action == 'UPDATE' }.oldValue.cdasiActivity", is(18))
                    .body("items.find { it.action == 'UPDATE' }.oldValue.quadricepsWeakness", is(true))
                    .body("items.find { it.action == 'UPDATE' }.newValue.cdasiActivity", is(0))
                    .body("items.find { it.action == 'UPDATE' }.newValue.bodyWeightKg", is(70.0f))
                    .body("items.find { it.action == 'UPDATE' }.newValue.quadricepsWeakness", nullValue());
        }

        @Test
        void shouldReadTheRulesV2InputsOfAVisitWithoutThemAsNotRecorded() {
            long id = Api.createVisit(patientId, "2019-05-02");
            clinician().get("/api/visits/" + id).then().statusCode(200)
                    .body("bodyWeightKg", nullValue()).body("cdasiActivity", nullValue()).body("dysphagia", nullValue())
                    .body("fingerFlexorWeakness", nullValue()).body("quadricepsWeakness", nullValue());
        }

        @ParameterizedTest(name = "only {0} = {1}")
        @CsvSource({
                "bodyWeightKg, 64.3",
                "cdasiActivity, 0",
                "dysphagia, false",
                "fingerFlexorWeakness, true",
                "quadricepsWeakness, false"
        })
        void shouldAcceptAVisitRecordingOnlyOneRulesV2Input(String field, String value) {
            Object sent = value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : new java.math.BigDecimal(value);
            String stored = clinician().body(Map.of("visitDate", "2019-05-02", field, sent)).post(visitsPath()).then()
                    .statusCode(201).extract().jsonPath().getString(field);
            assertEquals(value, stored);
        }

        @Test
        void shouldRefuseBodyWeightWithTwoDecimalsAndStoreNothing() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("bodyWeightKg", 70.15);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("bodyWeightKg"))
                    .body("violations[0].message", equalTo("must have at most 1 decimal"));
            clinician().get(visitsPath()).then().body("total", is(0));
        }

        @Test
        void shouldRefuseAWholeCdasiWrittenAsADecimal() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("cdasiActivity", 12.5);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("cdasiActivity"))
                    .body("violations[0].message", equalTo("must be a whole number"));
            clinician().get(visitsPath()).then().body("total", is(0));
        }

        @Test
        void shouldRefuseAFindingThatIsNeitherTrueNorFalse() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("dysphagia", "sometimes");
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("dysphagia"))
                    .body("violations[0].message", equalTo("must be true or false"));
            clinician().get(visitsPath()).then().body("total", is(0));
        }

        @Test
        void shouldStillRefuseAnUnknownFieldNamingTheNewOnes() {
            Map<String, Object> body = Api.visitBody(nextDate());
            body.put("weight", 70.0);
            clinician().body(body).post(visitsPath()).then().statusCode(400)
                    .body("violations[0].field", equalTo("weight"))
                    .body("violations[0].message", containsString("bodyWeightKg"));
        }

        @Test
        void shouldRefuseAStaleCorrectionOfTheNewInputsAndKeepTheStoredOnes() {
            long id = clinician().body(withRulesV2Inputs("2019-05-02")).post(visitsPath()).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Map<String, Object> first = withRulesV2Inputs("2019-05-02");
            first.put("version", 0);
            first.put("bodyWeightKg", 71.0);
            clinician().body(first).put("/api/visits/" + id).then().statusCode(200);
            Map<String, Object> stale = withRulesV2Inputs("2019-05-02");
            stale.put("version", 0);
            stale.put("bodyWeightKg", 90.0);
            clinician().body(stale).put("/api/visits/" + id).then().statusCode(409);
            clinician().get("/api/visits/" + id).then().body("bodyWeightKg", is(71.0f));
        }
    }
}
