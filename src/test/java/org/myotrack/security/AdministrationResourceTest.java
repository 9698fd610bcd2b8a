package org.myotrack.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class AdministrationResourceTest {

    @Test
    void shouldLetAdminCreateSiteAndClinicianWhoCanThenSignIn() {
        String code = "SITE-" + (System.nanoTime() % 100000);
        Api.admin().body(Map.of("code", code, "name", "Test clinic")).post("/api/sites").then().statusCode(201)
                .body("code", equalTo(code));
        String username = "nurse" + (System.nanoTime() % 100000);
        Api.admin().body(Map.of("username", username, "password", "correct horse battery", "role", "CLINICIAN", "siteCode", code))
                .post("/api/users").then().statusCode(201)
                .body("siteCode", equalTo(code))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        RestAssured.given().auth().preemptive().basic(username, "correct horse battery").get("/api/patients")
                .then().statusCode(200).body("total", equalTo(0));
        Api.admin().get("/api/users").then().statusCode(200).body("username", hasItem(username))
                .body(not(containsString("$2a$")));
    }

    @Test
    void shouldRefuseClinicianWithoutSiteAndShortPassword() {
        Api.admin().body(Map.of("username", "nobody", "password", "correct horse battery", "role", "CLINICIAN"))
                .post("/api/users").then().statusCode(400).body("violations[0].field", equalTo("siteCode"));
        Api.admin().body(Map.of("username", "nobody", "password", "short", "role", "COORDINATOR"))
                .post("/api/users").then().statusCode(400).body("violations[0].field", equalTo("password"))
                .body("violations[0].message", equalTo("must be between 12 and 72 characters"));
    }

    @Test
    void shouldRefuseDuplicateUserAndSite() {
        Api.admin().body(Map.of("username", "clinician", "password", "correct horse battery", "role", "COORDINATOR"))
                .post("/api/users").then().statusCode(409);
        Api.admin().body(Map.of("code", "DEMO-A", "name", "again")).post("/api/sites").then().statusCode(409);
    }

    @Test
    void shouldKeepAdministrationToAdmin() {
        Api.clinician().get("/api/users").then().statusCode(403);
        Api.coordinator().body(Map.of("code", "X", "name", "x")).post("/api/sites").then().statusCode(403);
        Api.coordinator().get("/api/sites").then().statusCode(200).body("code", hasItems("DEMO-A", "DEMO-B"));
    }
}
