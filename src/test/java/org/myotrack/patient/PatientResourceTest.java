package org.myotrack.patient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class PatientResourceTest {

    @Test
    void shouldRegisterPatientWithLocationRegistryCodeAndDerivedJuvenileFlag() {
        Map<String, Object> body = Api.patientBody();
        var response = clinician().body(body).post("/api/patients").then().statusCode(201)
                .contentType("application/json")
                .body("id", notNullValue())
                .body("registryCode", matchesPattern("P\\d{6}"))
                .body("juvenile", is(false))
                .body("version", is(0))
                .body("externalId", equalTo(body.get("externalId")))
                .body("autoantibodies[0].antibody", equalTo("JO1"))
                .body("diagnosisHistory", hasSize(1))
                .extract();
        long id = response.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(response.header("Location"), endsWith("/api/patients/" + id));
        clinician().get("/api/patients/" + id).then().statusCode(200).body("diagnosis", equalTo("PM"));
    }

    @Test
    void shouldDeriveJuvenileFromOnsetAgeUnder18() {
        Map<String, Object> body = Api.patientBody();
        body.put("birthDate", "2010-03-01");
        body.put("onsetDate", "2022-01-10");
        body.put("diagnosisDate", "2022-04-01");
        body.put("diagnosis", "JDM");
        clinician().body(body).post("/api/patients").then().statusCode(201).body("juvenile", is(true));
    }

    @Test
    void shouldTreatOnsetOnEighteenthBirthdayAsAdult() {
        Map<String, Object> body = Api.patientBody();
        body.put("birthDate", "2000-06-15");
        body.put("onsetDate", "2018-06-15");
        body.put("diagnosisDate", "2018-09-01");
        body.put("diagnosis", "DM");
        clinician().body(body).post("/api/patients").then().statusCode(201).body("juvenile", is(false));
        body.put("externalId", Api.uniqueExternalId());
        body.put("onsetDate", "2018-06-14");
        clinician().body(body).post("/api/patients").then().statusCode(201).body("juvenile", is(true));
    }

    @Test
    void shouldUpdatePatientAndKeepDiagnosisHistory() {
        long id = Api.createPatient();
        Map<String, Object> body = Api.patientBody();
        body.put("externalId", clinician().get("/api/patients/" + id).jsonPath().getString("externalId"));
        body.put("diagnosis", "IMNM");
        body.put("version", 0);
        clinician().body(body).put("/api/patients/" + id).then().statusCode(200)
                .body("diagnosis", equalTo("IMNM"))
                .body("version", is(1))
                .body("diagnosisHistory.diagnosis", contains("PM", "IMNM"));
    }

    @Test
    void shouldListPatientsPagedAndOnlyOfOwnSite() {
        Api.createPatient();
        Api.createPatientAtSiteB();
        clinician().queryParam("size", 5).get("/api/patients").then().statusCode(200)
                .body("items", hasSize(5))
                .body("size", is(5))
                .body("page", is(0))
                .body("items.siteCode", everyItem(equalTo("DEMO-A")));
        Api.clinicianB().queryParam("size", 500).get("/api/patients").then().statusCode(200)
                .body("items.siteCode", everyItem(equalTo("DEMO-B")));
        Api.admin().queryParam("size", 500).get("/api/patients").then().statusCode(200)
                .body("items.siteCode", hasItem("DEMO-A"))
                .body("items.siteCode", hasItem("DEMO-B"));
    }

    @Test
    void shouldFilterListByDiagnosis() {
        clinician().queryParam("diagnosis", "PM").queryParam("size", 500).get("/api/patients").then().statusCode(200)
                .body("items.diagnosis", everyItem(equalTo("PM")));
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseUnknownDiagnosisFilterNamingAllowedValues() {
            clinician().queryParam("diagnosis", "LUPUS").get("/api/patients").then().statusCode(400)
                    .body("violations[0].field", equalTo("diagnosis"))
                    .body("violations[0].message", containsString("IMNM"));
        }

        @Test
        void shouldRefuseStaleVersionAndKeepStoredPatient() {
            long id = Api.createPatient();
            Map<String, Object> body = Api.patientBody();
            String externalId = clinician().get("/api/patients/" + id).jsonPath().getString("externalId");
            body.put("externalId", externalId);
            body.put("version", 0);
            body.put("sex", "MALE");
            clinician().body(body).put("/api/patients/" + id).then().statusCode(200);
            body.put("sex", "OTHER");
            clinician().body(body).put("/api/patients/" + id).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", is(409));
            clinician().get("/api/patients/" + id).then().body("sex", equalTo("MALE")).body("version", is(1));
        }

        @Test
        void shouldRefuseUpdateWithoutVersion() {
            long id = Api.createPatient();
            Map<String, Object> body = Api.patientBody();
            clinician().body(body).put("/api/patients/" + id).then().statusCode(400)
                    .body("violations.field", hasItem("version"));
        }

        @Test
        void shouldRefuseFutureBirthDate() {
            Map<String, Object> body = Api.patientBody();
            body.put("birthDate", LocalDate.now().plusDays(1).toString());
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("birthDate"))
                    .body("violations.message", hasItem("must not be in the future"));
        }

        @Test
        void shouldRefuseMissingRequiredFieldsNamingEach() {
            clinician().body(Map.of("siteCode", "DEMO-A")).post("/api/patients").then().statusCode(400)
                    .body("violations.field", org.hamcrest.Matchers.hasItems("externalId", "sex", "birthDate", "diagnosis"));
        }

        @Test
        void shouldRefuseUnknownEnumValueAs400() {
            Map<String, Object> body = Api.patientBody();
            body.put("diagnosis", "LUPUS");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("diagnosis"))
                    .body("violations[0].message", containsString("IMNM"));
        }

        @Test
        void shouldRefuseWrongTypeAs400() {
            Map<String, Object> body = Api.patientBody();
            body.put("birthDate", "14/05/1983");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .body("violations[0].field", equalTo("birthDate"))
                    .body("violations[0].message", containsString("YYYY-MM-DD"));
        }

        @Test
        void shouldRefuseMalformedJsonAs400() {
            clinician().body("{\"siteCode\": \"DEMO-A\", ").post("/api/patients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Malformed JSON"))
                    .body("detail", not(containsString("Exception")));
        }

        @Test
        void shouldRefuseUnknownFieldNamingIt() {
            Map<String, Object> body = Api.patientBody();
            body.put("mrn", "123");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .body("violations[0].field", equalTo("mrn"));
        }

        @Test
        void shouldRefuseEmptyBody() {
            clinician().post("/api/patients").then().statusCode(400).contentType("application/problem+json");
        }

        @Test
        void shouldRefuseJuvenileSubgroupForAdultOnset() {
            Map<String, Object> body = Api.patientBody();
            body.put("diagnosis", "JDM");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .body("violations.field", hasItem("diagnosis"));
        }

        @Test
        void shouldRefuseOnsetBeforeBirth() {
            Map<String, Object> body = Api.patientBody();
            body.put("onsetDate", "1980-01-01");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .body("violations.field", hasItem("onsetDate"));
        }

        @Test
        void shouldRefuseDuplicateExternalIdAtSameSite() {
            Map<String, Object> body = Api.patientBody();
            clinician().body(body).post("/api/patients").then().statusCode(201);
            clinician().body(body).post("/api/patients").then().statusCode(409);
        }

        @Test
        void shouldRefuseAbsurdPageSize() {
            clinician().queryParam("size", 100000).get("/api/patients").then().statusCode(400)
                    .body("violations[0].field", equalTo("size"))
                    .body("violations[0].message", equalTo("must be between 1 and 500"));
        }

        @Test
        void shouldAnswerUnknownPatientWith404() {
            clinician().get("/api/patients/987654321").then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void shouldWriteNothingWhenRefused() {
            long before = Api.admin().queryParam("size", 1).get("/api/patients").jsonPath().getLong("total");
            Map<String, Object> body = Api.patientBody();
            body.put("onsetDate", "1900-01-01");
            clinician().body(body).post("/api/patients").then().statusCode(400);
            long after = Api.admin().queryParam("size", 1).get("/api/patients").jsonPath().getLong("total");
            org.junit.jupiter.api.Assertions.assertEquals(before, after);
        }
    }

    @Nested
    class Access {

        @Test
        void shouldRequireCredentials() {
            RestAssured.given().get("/api/patients").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"));
        }

        @Test
        void shouldRefuseWrongPassword() {
            RestAssured.given().auth().preemptive().basic("clinician", "wrong").get("/api/patients").then().statusCode(401);
        }

        @Test
        void shouldHideAnotherSitesPatientAs404() {
            long otherSite = Api.createPatientAtSiteB();
            clinician().get("/api/patients/" + otherSite).then().statusCode(404);
            Map<String, Object> body = Api.patientBody();
            body.put("siteCode", "DEMO-B");
            body.put("version", 0);
            clinician().body(body).put("/api/patients/" + otherSite).then().statusCode(404);
        }

        @Test
        void shouldRefuseCreatingPatientAtAnotherSite() {
            Map<String, Object> body = Api.patientBody();
            body.put("siteCode", "DEMO-B");
            clinician().body(body).post("/api/patients").then().statusCode(403).contentType("application/problem+json");
        }

        @Test
        void shouldRefuseCoordinatorOnIdentifiedEndpoints() {
            long id = Api.createPatient();
            Api.coordinator().get("/api/patients").then().statusCode(403).contentType("application/problem+json");
            Api.coordinator().get("/api/patients/" + id).then().statusCode(403);
            Api.coordinator().body(Api.patientBody()).post("/api/patients").then().statusCode(403);
        }

        @Test
        void shouldLetAdminReadButNotWritePatients() {
            long id = Api.createPatient();
            Api.admin().get("/api/patients/" + id).then().statusCode(200);
            Api.admin().body(Api.patientBody()).post("/api/patients").then().statusCode(403);
        }
    }

    /** Statin exposure and its start date (clinical-v2.md R10 inputs). */
    @Nested
    class StatinExposureInput {

        @Test
        void shouldStoreReadAndCorrectStatinExposureAndAuditIt() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "PAST");
            body.put("statinStartDate", "2015-03-01");
            long id = clinician().body(body).post("/api/patients").then().statusCode(201)
                    .body("statinExposure", equalTo("PAST")).body("statinStartDate", equalTo("2015-03-01"))
                    .extract().jsonPath().getLong("id");
            clinician().get("/api/patients/" + id).then().statusCode(200)
                    .body("statinExposure", equalTo("PAST")).body("statinStartDate", equalTo("2015-03-01"));

            body.put("statinExposure", "CURRENT");
            body.put("statinStartDate", "2016-07-15");
            body.put("version", 0);
            clinician().body(body).put("/api/patients/" + id).then().statusCode(200)
                    .body("statinExposure", equalTo("CURRENT")).body("statinStartDate", equalTo("2016-07-15"))
                    .body("version", is(1));
            Api.admin().get("/api/patients/" + id + "/audit").then().statusCode(200)
                    .body("items.find { it.action == 'CREATE' }.newValue.statinExposure", equalTo("PAST"))
                    .body("items.find { it.action == 'UPDATE' }.oldValue.statinStartDate", equalTo("2015-03-01"))
                    .body("items.find { it.action == 'UPDATE' }.newValue.statinExposure", equalTo("CURRENT"))
                    .body("items.find { it.action == 'UPDATE' }.newValue.statinStartDate", equalTo("2016-07-15"));
        }

        @Test
        void shouldStoreUnknownWhenStatinExposureIsLeftOut() {
            long id = Api.createPatient();
            clinician().get("/api/patients/" + id).then().statusCode(200)
                    .body("statinExposure", equalTo("UNKNOWN")).body("statinStartDate", org.hamcrest.Matchers.nullValue());
        }

        @Test
        void shouldAcceptNeverWithoutAStartDateAndAStartDateOfToday() {
            Map<String, Object> never = Api.patientBody();
            never.put("statinExposure", "NEVER");
            clinician().body(never).post("/api/patients").then().statusCode(201).body("statinExposure", equalTo("NEVER"));
            Map<String, Object> today = Api.patientBody();
            today.put("statinExposure", "CURRENT");
            today.put("statinStartDate", LocalDate.now().toString());
            clinician().body(today).post("/api/patients").then().statusCode(201)
                    .body("statinStartDate", equalTo(LocalDate.now().toString()));
        }

        @Test
        void shouldRefuseAnUnknownStatinExposureListingTheValues() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "SOMETIMES");
            assertRefusedAndNothingWritten(body, "statinExposure", "must be one of NEVER, PAST, CURRENT, UNKNOWN");
        }

        @Test
        void shouldRefuseAStatinStartDateInTheFuture() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "CURRENT");
            body.put("statinStartDate", LocalDate.now().plusDays(1).toString());
            assertRefusedAndNothingWritten(body, "statinStartDate", "must not be in the future");
        }

        @Test
        void shouldRefuseAStatinStartDateWithExposureNever() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "NEVER");
            body.put("statinStartDate", "2015-03-01");
            assertRefusedAndNothingWritten(body, "statinStartDate",
                    "must be empty when statinExposure is NEVER: a start date records an exposure");
        }

        @Test
        void shouldRefuseAStatinStartDateBeforeBirth() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "PAST");
            body.put("statinStartDate", "1983-05-13");
            assertRefusedAndNothingWritten(body, "statinStartDate", "must not be before birthDate");
        }

        @Test
        void shouldKeepTheStoredExposureWhenACorrectionIsRefused() {
            Map<String, Object> body = Api.patientBody();
            body.put("statinExposure", "PAST");
            body.put("statinStartDate", "2015-03-01");
            long id = clinician().body(body).post("/api/patients").then().statusCode(201).extract().jsonPath().getLong("id");
            body.put("statinExposure", "NEVER");
            body.put("version", 0);
            clinician().body(body).put("/api/patients/" + id).then().statusCode(400)
                    .body("violations[0].field", equalTo("statinStartDate"));
            clinician().get("/api/patients/" + id).then().body("statinExposure", equalTo("PAST")).body("version", is(0));
        }

        private void assertRefusedAndNothingWritten(Map<String, Object> body, String field, String message) {
            long before = Api.admin().queryParam("size", 1).get("/api/patients").jsonPath().getLong("total");
            clinician().body(body).post("/api/patients").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains(field))
                    .body("violations[0].message", equalTo(message));
            long after = Api.admin().queryParam("size", 1).get("/api/patients").jsonPath().getLong("total");
            org.junit.jupiter.api.Assertions.assertEquals(before, after);
        }
    }
}
