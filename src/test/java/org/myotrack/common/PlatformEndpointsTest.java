package org.myotrack.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void shouldReportReadyAfterMigrations() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldDocumentEveryEndpointWithRolesAndStatuses() {
        var openapi = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/patients"))
                .body("paths", hasKey("/api/patients/{id}"))
                .body("paths", hasKey("/api/patients/{id}/visits"))
                .body("paths", hasKey("/api/visits/{visitId}"))
                .body("paths", hasKey("/api/patients/{id}/therapies"))
                .body("paths", hasKey("/api/therapies/{therapyId}"))
                .body("paths", hasKey("/api/patients/{id}/investigations"))
                .body("paths", hasKey("/api/investigations/{investigationId}"))
                .body("paths", hasKey("/api/patients/{id}/audit"))
                .body("paths.'/api/patients'.post.description", containsString("Roles: CLINICIAN"))
                .body("paths.'/api/patients'.post.responses", hasKey("201"))
                .body("paths.'/api/patients'.post.responses", hasKey("400"))
                .body("paths.'/api/visits/{visitId}'.put.responses", hasKey("409"))
                .body("paths.'/api/visits/{visitId}'.delete.responses", hasKey("204"))
                .body("paths.'/api/patients'.post.requestBody", notNullValue())
                .body("paths.'/api/patients'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas", hasKey("Problem"))
                .extract().jsonPath();
        java.util.Map<String, Object> paths = openapi.getMap("paths");
        for (String path : paths.keySet()) {
            java.util.Map<String, Object> operations = openapi.getMap("paths.'" + path + "'");
            for (String method : operations.keySet()) {
                if (method.equals("parameters")) {
                    continue;
                }
                String description = openapi.getString("paths.'" + path + "'." + method + ".description");
                org.assertj.core.api.Assertions.assertThat(description).as(method + " " + path).contains("Roles:");
                org.assertj.core.api.Assertions.assertThat(openapi.getMap("paths.'" + path + "'." + method + ".responses"))
                        .as(method + " " + path).containsKey("401");
            }
        }
    }

    @Test
    void shouldAnswerUnknownPathWithProblem() {
        RestAssured.given().auth().preemptive().basic("clinician", "clinician").get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
