package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PatientRecordLoaderTest {

    @Inject
    PatientRecordLoader loader;

    @Test
    void shouldLoadOnlyThePatientsAskedForWhenTheirIdsAreCloseTogether() {
        long first = Api.createPatient();
        long between = Api.createPatient();
        long last = Api.createPatient();
        Api.createVisit(first, "2020-01-10");
        Api.createVisit(between, "2020-01-10");
        Api.createVisit(between, "2020-04-10");
        Api.createVisit(last, "2020-02-10");
        Map<Long, PatientRecord> records = QuarkusTransaction.requiringNew().call(() -> loader.load(List.of(last, first)));
        assertThat(records.keySet()).containsExactly(first, last);
        assertThat(records.get(first).visits()).hasSize(1);
        assertThat(records.get(last).visits()).extracting(v -> v.date().toString()).containsExactly("2020-02-10");
        assertThat(records.get(first).antibodies()).containsKey(org.myotrack.patient.Antibody.JO1);
    }

    /** The visits-only read gives each patient the same scored visits as the whole record, and the diagnosis date. */
    @Test
    void shouldReadTheSameVisitsAloneAsInTheWholeRecord() {
        List<Map<String, Object>> registry = Api.admin().queryParam("size", 500).get("/api/patients").then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<Long> ids = registry.stream().map(patient -> ((Number) patient.get("id")).longValue()).toList();
        Map<Long, PatientRecord> records = QuarkusTransaction.requiringNew().call(() -> loader.load(ids));
        Map<Long, PatientRecordLoader.PatientVisits> visits = QuarkusTransaction.requiringNew().call(() -> loader.loadVisits(ids));

        assertThat(visits.keySet()).containsExactlyElementsOf(records.keySet());
        assertThat(records.values()).anySatisfy(record -> assertThat(record.visits()).hasSizeGreaterThan(2));
        for (PatientRecord record : records.values()) {
            PatientRecordLoader.PatientVisits alone = visits.get(record.patientId());
            assertThat(alone.visits()).isEqualTo(record.visits());
            assertThat(alone.responseCriteria()).isEqualTo(record.responseCriteria());
        }
        for (Map<String, Object> patient : registry) {
            Object diagnosed = patient.get("diagnosisDate");
            assertThat(visits.get(((Number) patient.get("id")).longValue()).diagnosisDate())
                    .isEqualTo(diagnosed == null ? null : java.time.LocalDate.parse((String) diagnosed));
        }
    }
}
