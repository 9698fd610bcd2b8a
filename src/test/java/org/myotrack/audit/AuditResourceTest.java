package org.myotrack.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class AuditResourceTest {

    @Test
    void shouldKeepOneRowPerWriteWithWhoWhenAndOldAndNewValues() {
        long patientId = Api.createPatient();
        String path = "/api/patients/" + patientId;
        long visitId = Api.createVisit(patientId, "2020-01-10");
        Map<String, Object> visit = Api.visitBody("2020-01-10");
        visit.put("mmt8", 125);
        visit.put("version", 0);
        clinician().body(visit).put("/api/visits/" + visitId).then().statusCode(200);
        clinician().delete("/api/visits/" + visitId).then().statusCode(204);
        long therapyId = clinician().body(Map.of("drug", "METHOTREXATE", "dose", 15, "doseUnit", "MG", "frequency", "WEEKLY",
                "startDate", "2020-01-10")).post(path + "/therapies").then().statusCode(201).extract().jsonPath().getLong("id");
        clinician().body(Map.of("drug", "METHOTREXATE", "dose", 20, "doseUnit", "MG", "frequency", "WEEKLY",
                "startDate", "2020-01-10", "version", 0)).put("/api/therapies/" + therapyId).then().statusCode(200);
        clinician().delete("/api/therapies/" + therapyId).then().statusCode(204);
        long investigationId = clinician().body(Map.of("date", "2020-01-05", "type", "MRI", "findings", List.of("MUSCLE_EDEMA")))
                .post(path + "/investigations").then().statusCode(201).extract().jsonPath().getLong("id");
        clinician().body(Map.of("date", "2020-01-05", "type", "MRI", "findings", List.of("NORMAL"), "version", 0))
                .put("/api/investigations/" + investigationId).then().statusCode(200);
        clinician().delete("/api/investigations/" + investigationId).then().statusCode(204);
        Map<String, Object> patient = Api.patientBody();
        patient.put("externalId", clinician().get(path).jsonPath().getString("externalId"));
        patient.put("ild", true);
        patient.put("version", 0);
        clinician().body(patient).put(path).then().statusCode(200);

        Api.admin().get(path + "/audit").then().statusCode(200)
                .body("total", is(11))
                .body("items.entityType", contains("PATIENT", "VISIT", "VISIT", "VISIT", "THERAPY", "THERAPY", "THERAPY",
                        "INVESTIGATION", "INVESTIGATION", "INVESTIGATION", "PATIENT"))
                .body("items.action", contains("CREATE", "CREATE", "UPDATE", "DELETE", "CREATE", "UPDATE", "DELETE",
                        "CREATE", "UPDATE", "DELETE", "UPDATE"))
                .body("items.username", org.hamcrest.Matchers.everyItem(equalTo("clinician")))
                .body("items[0].occurredAt", notNullValue())
                .body("items[0].oldValue", nullValue())
                .body("items[2].oldValue.mmt8", is(120))
                .body("items[2].newValue.mmt8", is(125))
                .body("items[3].newValue", nullValue())
                .body("items[5].oldValue.dose", is(15.0f))
                .body("items[5].newValue.dose", is(20.0f))
                .body("items[10].oldValue.ild", is(false))
                .body("items[10].newValue.ild", is(true));
    }

    @Test
    void shouldWriteNoAuditRowForRefusedWrite() {
        long patientId = Api.createPatient();
        Map<String, Object> visit = Api.visitBody("2020-01-10");
        visit.put("mmt8", 151);
        clinician().body(visit).post("/api/patients/" + patientId + "/visits").then().statusCode(400);
        Api.admin().get("/api/patients/" + patientId + "/audit").then().body("total", is(1));
    }

    @Test
    void shouldShowAuditToAdminOnly() {
        long patientId = Api.createPatient();
        clinician().get("/api/patients/" + patientId + "/audit").then().statusCode(403);
        Api.coordinator().get("/api/patients/" + patientId + "/audit").then().statusCode(403);
        Api.admin().get("/api/patients/424242424/audit").then().statusCode(404);
    }

    @Test
    void shouldOfferNoWayToChangeOrDeleteAuditRows() {
        long patientId = Api.createPatient();
        String path = "/api/patients/" + patientId + "/audit";
        Api.admin().delete(path).then().statusCode(405);
        Api.admin().body(Map.of()).put(path).then().statusCode(405);
        Api.admin().body(Map.of()).post(path).then().statusCode(405);
        Api.admin().get(path).then().body("total", is(1));
    }
}
