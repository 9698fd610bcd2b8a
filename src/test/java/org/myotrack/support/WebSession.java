package org.myotrack.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like session of the web pages for RestAssured tests: the login page's CSRF cookie, the login form
 * posted with its token, and the session cookie it answers with.
 */
public final class WebSession {

    public static final String CSRF_COOKIE = "myotrack-csrf";
    public static final String SESSION_COOKIE = "myotrack-session";

    private final String csrf;
    private final String session;

    private WebSession(String csrf, String session) {
        this.csrf = csrf;
        this.session = session;
    }

    /** Signs a demo user in through the login form (password = user name). */
    public static WebSession login(String user) {
        String csrf = RestAssured.given().get("/login").then().statusCode(200).extract().cookie(CSRF_COOKIE);
        Response signedIn = RestAssured.given().redirects().follow(false).cookie(CSRF_COOKIE, csrf)
                .queryParam("csrf-token", csrf).formParam("j_username", user).formParam("j_password", user)
                .post("/j_security_check");
        String session = signedIn.cookie(SESSION_COOKIE);
        if (session == null) {
            throw new IllegalStateException("No session for " + user + ": HTTP " + signedIn.statusCode());
        }
        return new WebSession(csrf, session);
    }

    public String csrf() {
        return csrf;
    }

    public String session() {
        return session;
    }

    /** A request carrying the session and the CSRF cookie, not following redirects so tests see them. */
    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookie(CSRF_COOKIE, csrf).cookie(SESSION_COOKIE, session);
    }

    /** A form post carrying the CSRF token as the pages' forms do. */
    public RequestSpecification form() {
        return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", csrf);
    }
}
