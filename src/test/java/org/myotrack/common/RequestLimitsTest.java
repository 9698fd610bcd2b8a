package org.myotrack.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myotrack.support.Api;
import org.myotrack.support.RawHttp;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Oversized bodies and absurd paging are refused with a clear 4xx, and nothing is written. */
@QuarkusTest
class RequestLimitsTest {

    @Inject
    AgroalDataSource dataSource;

    private long rows() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM patients) + (SELECT COUNT(*) FROM visits)"
                     + " + (SELECT COUNT(*) FROM audit_events)")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Nested
    class OversizedBodies {

        /** A patient body padded past the test limit of 1 MB (myotrack.max-json-bytes) with spaces, valid JSON. */
        private String oversizedPatient() {
            String body = HostileBodies.write(Api.patientBody());
            return "{" + " ".repeat(1_100_000) + body.substring(1);
        }

        @Test
        void shouldRefuseAJsonBodyOverTheLimitAnnouncedByItsLength() throws Exception {
            long before = rows();
            RawHttp.Response response = RawHttp.postWithLength("/api/patients", "clinician", "clinician",
                    "application/json", oversizedPatient().getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
            assertThat(response.body()).contains("\"status\":413")
                    .contains("The request body is larger than the 1 MB this endpoint takes");
            assertThat(rows()).isEqualTo(before);
        }

        @Test
        void shouldRefuseAJsonBodySentWithoutLength() throws Exception {
            long before = rows();
            RawHttp.Response response = RawHttp.postChunked("/api/patients", "clinician", "clinician",
                    "application/json", oversizedPatient().getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(411);
            assertThat(response.header("Content-Type")).startsWith(Problem.MEDIA_TYPE);
            assertThat(response.body()).contains("Send a JSON body with its Content-Length");
            assertThat(rows()).isEqualTo(before);
        }

        @Test
        void shouldTakeAJsonBodyJustUnderTheLimit() {
            String body = HostileBodies.write(Api.patientBody());
            String padded = "{" + " ".repeat(1_000_000 - body.length()) + body.substring(1);
            Api.clinician().body(padded).post("/api/patients").then().statusCode(201);
        }
    }

    @Nested
    class Paging {

        private static final List<String> LISTS = List.of("/api/patients", "/api/patients/%d/visits",
                "/api/patients/%d/therapies", "/api/patients/%d/investigations");

        private RequestSpecification as(String path) {
            return path.contains("audit") ? Api.admin() : path.contains("cohort") ? Api.coordinator() : Api.clinician();
        }

        private void refuses(String parameter, String value, String message) {
            long patientId = Api.createPatient();
            for (String template : List.of("/api/patients", "/api/patients/%d/visits", "/api/patients/%d/therapies",
                    "/api/patients/%d/investigations", "/api/patients/%d/audit", "/api/cohort")) {
                String path = template.formatted(patientId);
                as(path).queryParam(parameter, value).get(path).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations[0].field", equalTo(parameter))
                        .body("violations[0].message", equalTo(message));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"100000", "501", "0", "-1", "99999999999999999999", "ten", "1.5", "1e3", "%2B1"})
        void shouldRefuseAPageSizeOutsideOneToFiveHundred(String size) {
            refuses("size", size, "must be between 1 and 500");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "99999999999", "1000001", "2147483648", "99999999999999999999", "first", "0x10", " 1"})
        void shouldRefuseAPageNumberOutsideZeroToAMillion(String page) {
            refuses("page", page, "must be a whole number between 0 and 1000000");
        }

        @Test
        void shouldAnswerTheLastAllowedPageWithNoRows() {
            long patientId = Api.createPatient();
            for (String template : LISTS) {
                Api.clinician().queryParam("page", 1_000_000).queryParam("size", 500).get(template.formatted(patientId))
                        .then().statusCode(200).body("items", empty()).body("page", equalTo(1_000_000))
                        .body("size", equalTo(500));
            }
            Api.coordinator().queryParam("page", 1_000_000).queryParam("size", 500).get("/api/cohort")
                    .then().statusCode(200).body("items", empty());
        }

        @Test
        void shouldTakeTheLargestPageSize() {
            Api.clinician().queryParam("size", "500").queryParam("page", "0").get("/api/patients").then().statusCode(200)
                    .body("size", equalTo(500)).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        }

        @Test
        void shouldDescribePagingAsNumbersInTheOpenApiDocument() {
            RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("paths.'/api/patients'.get.parameters.find { it.name == 'size' }.schema.type", equalTo("integer"))
                    .body("paths.'/api/patients'.get.parameters.find { it.name == 'size' }.schema.maximum", equalTo(500))
                    .body("paths.'/api/patients'.get.parameters.find { it.name == 'page' }.schema.type",
                            containsString("integer"));
        }
    }
}
