package org.myotrack.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.myotrack.support.WebSession;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Repeated failed sign-ins hold back that user name at that address (test settings: the defaults, 5 failures). */
@QuarkusTest
class LoginThrottleTest {

    private static final String PASSWORD = "a-long-enough-password";

    private static String createUser() {
        String username = "throttled." + System.nanoTime();
        Api.admin().body(Map.of("username", username, "password", PASSWORD, "role", "CLINICIAN", "siteCode", "DEMO-A"))
                .post("/api/users").then().statusCode(201);
        return username;
    }

    private static io.restassured.response.Response get(String username, String password) {
        return RestAssured.given().auth().preemptive().basic(username, password).get("/api/patients?size=1");
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceAUserNameFailedFiveTimes() {
        String username = createUser();
        for (int i = 0; i < 5; i++) {
            get(username, "wrong-" + i).then().statusCode(401).contentType("application/problem+json");
        }
        get(username, "wrong-again").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429))
                .body("detail", containsString("try again in"));
    }

    @Test
    void shouldRefuseEvenTheRightPasswordWhileHeldBack() {
        String username = createUser();
        for (int i = 0; i < 5; i++) {
            get(username, "wrong-" + i).then().statusCode(401);
        }
        // Otherwise guessing could go on: a right guess would still be told apart from a wrong one.
        get(username, PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void shouldNotHoldBackOtherUsersWhileOneIsHeldBack() {
        String username = createUser();
        for (int i = 0; i < 6; i++) {
            get(username, "wrong-" + i);
        }
        get(username, "wrong").then().statusCode(429);
        get("clinician", "clinician").then().statusCode(200);
        get(createUser(), PASSWORD).then().statusCode(200);
    }

    @Test
    void shouldCountFailuresAfreshAfterASuccessfulSignIn() {
        String username = createUser();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                get(username, "wrong-" + i).then().statusCode(401);
            }
            get(username, PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void shouldHoldBackUnknownUserNamesAlikeSoThatNoneIsRevealed() {
        String username = "no-such-user-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            get(username, "wrong-" + i).then().statusCode(401);
        }
        get(username, "wrong").then().statusCode(429);
    }

    @Test
    void shouldTellTheLoginFormHowLongToWait() {
        String username = createUser();
        String csrf = RestAssured.given().get("/login").then().extract().cookie(WebSession.CSRF_COOKIE);
        for (int i = 0; i < 5; i++) {
            postLogin(csrf, username, "wrong-" + i).then().statusCode(303);
        }
        String location = postLogin(csrf, username, PASSWORD).then().statusCode(303)
                .header("Location", containsString("/login?held-back="))
                .header("Set-Cookie", org.hamcrest.Matchers.not(containsString(WebSession.SESSION_COOKIE)))
                .extract().header("Location");
        RestAssured.given().get(location.substring(location.indexOf("/login"))).then().statusCode(200)
                .body(containsString("Too many failed sign-ins for this user name; try again in"));
    }

    @Test
    void shouldStillSendAnOrdinaryFailedFormSignInToTheErrorPage() {
        String csrf = RestAssured.given().get("/login").then().extract().cookie(WebSession.CSRF_COOKIE);
        postLogin(csrf, createUser(), "wrong").then().statusCode(303).header("Location", endsWith("/login?error=true"));
    }

    private static io.restassured.response.Response postLogin(String csrf, String username, String password) {
        return RestAssured.given().redirects().follow(false).cookie(WebSession.CSRF_COOKIE, csrf).queryParam("csrf-token", csrf)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }
}
