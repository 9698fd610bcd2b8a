package org.myotrack.refractory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.patient.PatientRepository;
import org.myotrack.support.Api;

import static org.hamcrest.Matchers.hasItem;

/** The demo patients the README names for each flag really show it, through the API, from the seeded database. */
@QuarkusTest
class DemoFlagsTest {

    @Inject
    PatientRepository patients;

    @ParameterizedTest(name = "{0} shows {1}")
    @CsvSource({
            "P000009, INADEQUATE_RESPONSE",
            "P000010, GLUCOCORTICOID_DEPENDENCE",
            "P000002, MULTIPLE_AGENT_FAILURE",
            "P000007, CONFIRMED_WORSENING",
            "P000004, WEAKNESS_WITHOUT_ACTIVITY",
            "P000008, ENZYMES_WITHOUT_WEAKNESS",
            "P000005, REEVALUATE_DIAGNOSIS",
            "P000005, CONSIDER_IBM"
    })
    void shouldShowTheFlagTheReadmeNames(String registryCode, String flag) {
        long id = QuarkusTransaction.requiringNew().call(() -> patients.find("registryCode", registryCode).singleResult().id);
        Api.admin().get("/api/patients/" + id + "/flags").then().statusCode(200).body("flags.code", hasItem(flag));
    }
}
