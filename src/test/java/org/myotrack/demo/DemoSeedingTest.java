package org.myotrack.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientRepository;
import org.myotrack.therapy.TherapyRepository;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.Visit;
import org.myotrack.visit.VisitRepository;
import org.myotrack.visit.VisitRequest;
import org.myotrack.investigation.InvestigationRepository;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo registry holds exactly what the seeded generator produces, so every demo start is identical. */
@QuarkusTest
class DemoSeedingTest {

    @Inject
    PatientRepository patients;

    @Inject
    VisitRepository visits;

    @Inject
    TherapyRepository therapies;

    @Inject
    InvestigationRepository investigations;

    @ConfigProperty(name = "myotrack.demo-patients")
    int demoPatients;

    @Test
    @Transactional
    void shouldSeedExactlyTheGeneratedCohort() {
        List<SyntheticPatient> expected = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, DemoSeeder.DEMO_SITES)
                .patients(demoPatients).toList();
        for (SyntheticPatient synthetic : expected) {
            Patient stored = patients.find("site.code = ?1 and externalId = ?2",
                    synthetic.patient().siteCode(), synthetic.patient().externalId()).singleResult();
            assertThat(stored.birthDate).isEqualTo(synthetic.patient().birthDate());
            assertThat(stored.diagnosis).isEqualTo(synthetic.patient().diagnosis());
            assertThat(stored.autoantibodies).hasSameSizeAs(synthetic.patient().autoantibodies());

            List<Visit> storedVisits = visits.listForPatientWithEnzymes(stored.id);
            assertThat(storedVisits).hasSameSizeAs(synthetic.visits());
            for (int i = 0; i < storedVisits.size(); i++) {
                Visit visit = storedVisits.get(i);
                VisitRequest generated = synthetic.visits().get(i);
                assertThat(visit.visitDate).isEqualTo(generated.visitDate());
                assertThat(visit.physicianGlobalActivity).isEqualTo(generated.physicianGlobalActivity());
                assertThat(visit.mmt8).isEqualTo(generated.mmt8());
                assertThat(visit.haq).isEqualTo(generated.haq());
                assertThat(visit.enzymes).extracting(e -> e.test + "=" + e.value + "/" + e.uln)
                        .containsExactlyInAnyOrderElementsOf(generated.enzymes().stream()
                                .map((EnzymeEntry e) -> e.test() + "=" + e.value() + "/" + e.uln()).toList());
            }
            assertThat(therapies.findForPatient(stored.id).count()).isEqualTo(synthetic.therapies().size());
            assertThat(investigations.findForPatient(stored.id).count()).isEqualTo(synthetic.investigations().size());
        }
        assertThat(expected).extracting(s -> s.patient().siteCode()).contains("DEMO-A", "DEMO-B");
    }

    @Test
    void shouldGenerateTheSameCohortFromTheSameSeed() {
        var first = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, DemoSeeder.DEMO_SITES).patients(demoPatients).toList();
        var second = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, DemoSeeder.DEMO_SITES).patients(demoPatients).toList();
        assertThat(second).isEqualTo(first);
    }
}
