package org.myotrack.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WebPagesTest {

    @Test
    void shouldSendVisitorWithoutSessionToLoginPage() {
        RestAssured.given().redirects().follow(false).get("/clinic").then().statusCode(302)
                .header("Location", endsWith("/login"));
        RestAssured.given().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"j_username\">User name</label>"));
    }

    @Test
    void shouldLandEachRoleOnItsOwnStartPage() {
        WebSession.login("clinician").request().get("/").then().statusCode(303).header("Location", endsWith("/clinic"));
        WebSession.login("coordinator").request().get("/").then().statusCode(303).header("Location", endsWith("/cohort"));
        WebSession.login("admin").request().get("/").then().statusCode(303).header("Location", endsWith("/clinic"));
    }

    @Test
    void shouldListOwnSitePatientsWithFlagBadges() {
        String page = WebSession.login("clinician").request().get("/clinic?q=P000009").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains(">P000009</a>").contains("Inadequate response").contains("badge refractory");
    }

    @Nested
    class RestApi {

        @Test
        void shouldKeepAnsweringWithoutCredentialsWith401ProblemNotRedirect() {
            RestAssured.given().redirects().follow(false).get("/api/patients").then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", containsString("Basic"));
        }

        @Test
        void shouldNotAcceptPageSessionInPlaceOfBasic() {
            WebSession.login("clinician").request().get("/api/patients").then().statusCode(401)
                    .contentType("application/problem+json");
        }

        @Test
        void shouldStillAcceptBasic() {
            Api.clinician().get("/api/patients?size=1").then().statusCode(200).header("Set-Cookie", equalTo(null));
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseWrongPasswordBackToLoginPage() {
            String csrf = RestAssured.given().get("/login").then().extract().cookie(WebSession.CSRF_COOKIE);
            RestAssured.given().redirects().follow(false).cookie(WebSession.CSRF_COOKIE, csrf).queryParam("csrf-token", csrf)
                    .formParam("j_username", "clinician").formParam("j_password", "wrong").post("/j_security_check")
                    .then().statusCode(303).header("Location", endsWith("/login?error=true"))
                    .header("Set-Cookie", not(containsString(WebSession.SESSION_COOKIE)));
        }

        @Test
        void shouldRefuseLoginPostedWithoutToken() {
            RestAssured.given().redirects().follow(false).formParam("j_username", "clinician")
                    .formParam("j_password", "clinician").post("/j_security_check")
                    .then().statusCode(303).header("Location", endsWith("/login?expired=true"));
        }

        @Test
        void shouldRefuseFormPostedWithoutToken() {
            long patientId = Api.createPatient();
            WebSession session = WebSession.login("clinician");
            session.request().contentType("application/x-www-form-urlencoded").formParam("visitDate", "2024-01-10")
                    .formParam("physicianGlobalActivity", "3").post("/clinic/patients/" + patientId + "/visits")
                    .then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("This form has expired"));
            Api.clinician().get("/api/patients/" + patientId + "/visits").then().body("total", equalTo(0));
        }

        @Test
        void shouldShowCoordinatorThatClinicPagesAreNotForTheRole() {
            WebSession.login("coordinator").request().get("/clinic").then().statusCode(403)
                    .contentType(containsString("text/html")).body(containsString("Not allowed"));
        }

        @Test
        void shouldHideAnotherSitesPatientAsNotFound() {
            long patientId = Api.createPatient();
            WebSession.login("clinician-b").request().get("/clinic/patients/" + patientId).then().statusCode(404)
                    .contentType(containsString("text/html")).body(containsString("Not found"));
        }
    }
}
