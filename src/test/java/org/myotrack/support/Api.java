package org.myotrack.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request builders for the demo users, and a way to register a fresh patient for one test. */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return RestAssured.given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    public static RequestSpecification clinician() {
        return as("clinician");
    }

    public static RequestSpecification clinicianB() {
        return as("clinician-b");
    }

    public static RequestSpecification coordinator() {
        return as("coordinator");
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    /**
     * The external ids of the registry's patients (the first 500), to check that a page or an export shows none.
     * Ids shorter than six characters are left out: the hostile-input test stores patients with ids such as
     * "false", which a page holds as its own words whatever it leaks. Demo and test patients have longer ids.
     */
    public static java.util.List<String> externalIdsToLookFor() {
        return admin().get("/api/patients?size=500").then().statusCode(200).extract().jsonPath()
                .getList("items.externalId", String.class).stream()
                .filter(id -> id != null && id.length() >= 6).toList();
    }

    public static String uniqueExternalId() {
        return "T-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid adult patient body for site DEMO-A, as a mutable map so tests can break one field. */
    public static Map<String, Object> patientBody() {
        return new java.util.HashMap<>(Map.of(
                "siteCode", "DEMO-A",
                "externalId", uniqueExternalId(),
                "sex", "FEMALE",
                "birthDate", "1983-05-14",
                "diagnosis", "PM",
                "diagnosisDate", "2019-02-01",
                "onsetDate", "2018-10-01",
                "cancerAssociated", false,
                "ild", false,
                "autoantibodies", java.util.List.of(Map.of("antibody", "JO1", "result", "NEGATIVE", "testDate", "2019-01-20"))));
    }

    /** The example visit of api.md, as a mutable map. */
    public static Map<String, Object> visitBody(String date) {
        Map<String, Object> visit = new java.util.HashMap<>();
        visit.put("visitDate", date);
        visit.put("physicianGlobalActivity", 6.0);
        visit.put("patientGlobalActivity", 7.0);
        visit.put("mmt8", 120);
        visit.put("mmt8Max", 150);
        visit.put("haq", 1.5);
        visit.put("extramuscularActivity", 4.0);
        visit.put("enzymes", java.util.List.of(Map.of("test", "CK", "value", 2400, "uln", 200, "unit", "U/L")));
        visit.put("physicianGlobalDamage", 1.0);
        visit.put("patientGlobalDamage", 2.0);
        visit.put("mdiExtent", 2);
        visit.put("mdiSeverity", 5);
        visit.put("sf36Pcs", 32.1);
        visit.put("sf36Mcs", 45.0);
        visit.put("functionalIndex", 62.0);
        visit.put("notes", "free text");
        return visit;
    }

    /** Registers a new DEMO-A patient as {@code clinician} and returns its id. */
    public static long createPatient() {
        return clinician().body(patientBody()).post("/api/patients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Registers a new DEMO-B patient as {@code clinician-b} and returns its id. */
    public static long createPatientAtSiteB() {
        Map<String, Object> body = patientBody();
        body.put("siteCode", "DEMO-B");
        return clinicianB().body(body).post("/api/patients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long createVisit(long patientId, String date) {
        return clinician().body(visitBody(date)).post("/api/patients/" + patientId + "/visits").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
