package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientRepository;
import org.myotrack.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The demo patients the README names for each flag really show it, at the site it names, through the API, from the
 * seeded database (the first 16 demo patients: one of each archetype); and the two stories meant to raise no flag
 * raise none.
 */
@QuarkusTest
class DemoFlagsTest {

    @Inject
    PatientRepository patients;

    @ParameterizedTest(name = "{0} ({1}) shows {2}")
    @CsvSource({
            "P000005, DEMO-A, INADEQUATE_RESPONSE",
            "P000014, DEMO-B, INADEQUATE_RESPONSE",
            "P000015, DEMO-A, GLUCOCORTICOID_DEPENDENCE",
            "P000011, DEMO-A, GLUCOCORTICOID_DEPENDENCE",
            "P000003, DEMO-A, MULTIPLE_AGENT_FAILURE",
            "P000012, DEMO-B, CONFIRMED_WORSENING",
            "P000009, DEMO-A, WEAKNESS_WITHOUT_ACTIVITY",
            "P000002, DEMO-B, ENZYMES_WITHOUT_WEAKNESS",
            "P000008, DEMO-B, REEVALUATE_DIAGNOSIS",
            "P000004, DEMO-B, CONSIDER_IBM",
            "P000007, DEMO-A, STATIN_EXPOSED_HMGCR"
    })
    void shouldShowTheFlagTheReadmeNames(String registryCode, String siteCode, String flag) {
        long id = idAt(registryCode, siteCode);
        Api.admin().get("/api/patients/" + id + "/flags").then().statusCode(200).body("flags.code", hasItem(flag));
    }

    /** P000001: in remission with small noise; P000016: methotrexate added to spare steroids near remission (R3). */
    @ParameterizedTest(name = "{0} ({1}) shows no flag")
    @CsvSource({"P000001, DEMO-A", "P000016, DEMO-B"})
    void shouldShowNoFlagForTheQuietStories(String registryCode, String siteCode) {
        long id = idAt(registryCode, siteCode);
        Api.admin().get("/api/patients/" + id + "/flags").then().statusCode(200)
                .body("flags", empty()).body("refractory", equalTo(false));
    }

    private long idAt(String registryCode, String siteCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Patient patient = patients.find("registryCode", registryCode).singleResult();
            assertThat(patient.site.code).as(registryCode + " site").isEqualTo(siteCode);
            return patient.id;
        });
    }
}
