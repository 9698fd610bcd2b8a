package org.myotrack.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.myotrack.investigation.InvestigationRequest;
import org.myotrack.investigation.InvestigationService;
import org.myotrack.patient.PatientService;
import org.myotrack.patient.PatientView;
import org.myotrack.security.Actor;
import org.myotrack.security.Role;
import org.myotrack.security.UserService;
import org.myotrack.site.Site;
import org.myotrack.site.SiteRepository;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.therapy.TherapyService;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;

import java.util.List;
import java.util.Map;

/**
 * Seeds the demo registry: sites DEMO-A and DEMO-B, the four demo users (password = user name) and the synthetic
 * cohort, written through the same services as clinic entries so it is validated and audited like them.
 */
@ApplicationScoped
public class DemoSeeder {

    public static final List<String> DEMO_SITES = List.of("DEMO-A", "DEMO-B");
    /** Author of the seeded records in the audit trail. */
    public static final String SEED_USER = "demo-seed";

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    @Inject
    SiteRepository sites;

    @Inject
    UserService users;

    @Inject
    PatientService patients;

    @Inject
    VisitService visits;

    @Inject
    TherapyService therapies;

    @Inject
    InvestigationService investigations;

    /**
     * Creates the demo sites and users in the caller's transaction (the first-start transaction, under its lock);
     * returns the site ids by code for {@link #seedCohort}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> seedSitesAndUsers() {
        Site a = new Site("DEMO-A", "Demo myositis clinic A");
        Site b = new Site("DEMO-B", "Demo myositis clinic B");
        sites.persist(a);
        sites.persist(b);
        Map<String, Long> siteIds = Map.of(a.code, a.id, b.code, b.id);
        users.createInitialAccount("clinician", "clinician", Role.CLINICIAN, siteIds.get("DEMO-A"));
        users.createInitialAccount("clinician-b", "clinician-b", Role.CLINICIAN, siteIds.get("DEMO-B"));
        users.createInitialAccount("coordinator", "coordinator", Role.COORDINATOR, null);
        users.createInitialAccount("admin", "admin", Role.ADMIN, null);
        return siteIds;
    }

    /** Seeds the synthetic cohort at the demo sites, one transaction per patient. */
    public void seedCohort(Map<String, Long> siteIds, int patientCount) {
        // Seeding goes through the validated, audited services and takes some seconds: say so before it starts.
        LOG.infof("Demo mode: seeding %d synthetic patients through the registry services", patientCount);
        DemoCohortGenerator generator = new DemoCohortGenerator(DemoCohortGenerator.DEMO_SEED, DEMO_SITES);
        generator.patients(patientCount).forEach(synthetic -> QuarkusTransaction.requiringNew().run(() -> {
            Actor seeder = new Actor(SEED_USER, Role.CLINICIAN, siteIds.get(synthetic.patient().siteCode()));
            PatientView patient = patients.recordPatient(seeder, synthetic.patient());
            for (VisitRequest visit : synthetic.visits()) {
                visits.recordVisit(seeder, patient.id(), visit);
            }
            for (TherapyRequest therapy : synthetic.therapies()) {
                therapies.recordTherapy(seeder, patient.id(), therapy);
            }
            for (InvestigationRequest investigation : synthetic.investigations()) {
                investigations.recordInvestigation(seeder, patient.id(), investigation);
            }
        }));
        LOG.infof("Demo mode: seeded sites %s, users clinician, clinician-b, coordinator, admin "
                + "(password = user name) and %d synthetic patients", DEMO_SITES, patientCount);
    }
}
