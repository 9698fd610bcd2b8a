package org.myotrack.report;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class ReportResourceTest {

    long patientId;
    String externalId;
    String registryCode;

    @BeforeEach
    void patientWithRecord() {
        patientId = Api.createPatient();
        var patient = clinician().get("/api/patients/" + patientId).jsonPath();
        externalId = patient.getString("externalId");
        registryCode = patient.getString("registryCode");
        Api.createVisit(patientId, "2019-05-02");
        Map<String, Object> followUp = Api.visitBody("2019-08-01");
        followUp.put("physicianGlobalActivity", 3.0);
        followUp.put("patientGlobalActivity", 5.0);
        followUp.put("mmt8", 132);
        followUp.put("haq", 1.125);
        followUp.put("extramuscularActivity", 2.0);
        followUp.put("enzymes", List.of(Map.of("test", "CK", "value", 600, "uln", 200)));
        clinician().body(followUp).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
        clinician().body(Map.of("drug", "MYCOPHENOLATE", "dose", 1, "doseUnit", "G", "frequency", "TWICE_DAILY",
                "startDate", "2019-05-02")).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
        clinician().body(Map.of("date", "2019-05-10", "type", "BIOPSY", "findings", List.of("RIMMED_VACUOLES")))
                .post("/api/patients/" + patientId + "/investigations").then().statusCode(201);
    }

    private String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void shouldWriteSearchableReportWithScoresFlagsAndTherapiesForClinician() throws Exception {
        byte[] pdf = clinician().get("/api/patients/" + patientId + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = text(pdf);
        assertThat(text).contains(registryCode, externalId, "57.5", "MODERATE", "Consider inclusion body myositis", "MYCOPHENOLATE");
    }

    @Test
    void shouldLeaveExternalIdOutForAdminAndKeepReportsFromCoordinators() throws Exception {
        byte[] pdf = Api.admin().get("/api/patients/" + patientId + "/report.pdf").then().statusCode(200).extract().asByteArray();
        String text = text(pdf);
        assertThat(text).contains(registryCode, "57.5").doesNotContain(externalId).doesNotContain("1983-05-14");
        // A report shows real visit dates: identified data, which coordinators only get shifted, in exports.
        Api.coordinator().get("/api/patients/" + patientId + "/report.pdf").then().statusCode(403);
    }

    @Test
    void shouldHideAnotherSitesReport() {
        Api.clinicianB().get("/api/patients/" + patientId + "/report.pdf").then().statusCode(404);
    }
}
