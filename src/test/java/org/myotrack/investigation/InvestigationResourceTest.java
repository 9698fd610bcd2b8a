package org.myotrack.investigation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class InvestigationResourceTest {

    long patientId;

    @BeforeEach
    void createPatient() {
        patientId = Api.createPatient();
    }

    private String path() {
        return "/api/patients/" + patientId + "/investigations";
    }

    @Test
    void shouldRecordBiopsyAsInApiExample() {
        long id = clinician().body(Map.of("date", "2019-01-10", "type", "BIOPSY", "findings", List.of("NONSPECIFIC_MYOPATHIC"),
                        "notes", "thigh")).post(path()).then().statusCode(201)
                .body("findings", contains("NONSPECIFIC_MYOPATHIC"))
                .extract().jsonPath().getLong("id");
        clinician().get("/api/investigations/" + id).then().statusCode(200).body("type", equalTo("BIOPSY"));
        clinician().get(path()).then().body("items.id", contains((int) id));
    }

    @Test
    void shouldCorrectFindingsWithVersion() {
        long id = clinician().body(Map.of("date", "2020-02-01", "type", "MRI", "findings", List.of("MUSCLE_EDEMA")))
                .post(path()).then().statusCode(201).extract().jsonPath().getLong("id");
        clinician().body(Map.of("date", "2020-02-01", "type", "MRI", "findings", List.of("FATTY_REPLACEMENT", "ATROPHY"), "version", 0))
                .put("/api/investigations/" + id).then().statusCode(200)
                .body("findings", contains("FATTY_REPLACEMENT", "ATROPHY")).body("version", is(1));
        clinician().body(Map.of("date", "2020-02-01", "type", "MRI", "findings", List.of("NORMAL"), "version", 0))
                .put("/api/investigations/" + id).then().statusCode(409);
    }

    @Test
    void shouldRefuseFindingOfAnotherInvestigationType() {
        clinician().body(Map.of("date", "2019-01-10", "type", "EMG", "findings", List.of("RIMMED_VACUOLES")))
                .post(path()).then().statusCode(400)
                .body("violations[0].field", equalTo("findings"))
                .body("violations[0].message", containsString("MYOPATHIC, NEUROGENIC"));
    }

    @Test
    void shouldRefuseUnknownFindingAndEmptyFindings() {
        clinician().body(Map.of("date", "2019-01-10", "type", "MRI", "findings", List.of("GLOWING")))
                .post(path()).then().statusCode(400).body("violations[0].field", equalTo("findings[0]"));
        clinician().body(Map.of("date", "2019-01-10", "type", "MRI", "findings", List.of()))
                .post(path()).then().statusCode(400).body("violations[0].field", equalTo("findings"));
    }

    @Test
    void shouldHideAnotherSitesInvestigations() {
        long id = clinician().body(Map.of("date", "2019-01-10", "type", "EMG", "findings", List.of("MYOPATHIC")))
                .post(path()).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.clinicianB().get("/api/investigations/" + id).then().statusCode(404);
        Api.coordinator().get("/api/investigations/" + id).then().statusCode(403);
        clinician().delete("/api/investigations/" + id).then().statusCode(204);
        clinician().get("/api/investigations/" + id).then().statusCode(404);
    }
}
