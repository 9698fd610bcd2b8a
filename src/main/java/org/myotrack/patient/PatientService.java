package org.myotrack.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myotrack.audit.AuditAction;
import org.myotrack.audit.AuditService;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.common.ProblemException;
import org.myotrack.common.Versions;
import org.myotrack.common.Violation;
import org.myotrack.common.Violations;
import org.myotrack.security.Actor;
import org.myotrack.site.Site;
import org.myotrack.site.SiteRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Records and reads patients within the site rules of the acting user; every write is audited. */
@ApplicationScoped
public class PatientService {

    @Inject
    PatientRepository patients;

    @Inject
    SiteRepository sites;

    @Inject
    AuditService audit;

    @Inject
    Event<PatientRecordChanged> recordChanged;

    @Inject
    Clock clock;

    @Transactional
    public PatientView recordPatient(Actor actor, PatientRequest request) {
        Site site = writableSite(actor, request.siteCode());
        validate(request);
        if (patients.existsExternalId(site.id, request.externalId(), null)) {
            throw ProblemException.conflict("Site " + site.code + " already has a patient with this externalId");
        }
        Instant now = Instant.now(clock);
        Patient patient = new Patient();
        patient.site = site;
        patient.registryCode = patients.nextRegistryCode();
        patient.createdAt = now;
        apply(patient, request, now, actor);
        patients.persist(patient);
        patients.flush();
        PatientView created = toView(patient);
        audit.record(actor, AuditAction.CREATE, AuditedEntity.PATIENT, patient.id, patient.id, null, created);
        recordChanged.fire(new PatientRecordChanged(patient.id));
        return created;
    }

    @Transactional
    public PatientView updatePatient(Actor actor, long patientId, PatientRequest request) {
        Patient patient = patients.findByIdForUpdate(patientId)
                .filter(p -> actor.canRead(p.site.id))
                .orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
        requireWrite(actor, patient);
        Versions.requireCurrent("Patient " + patientId, patient.version, request.version());
        if (!patient.site.code.equals(request.siteCode())) {
            throw ProblemException.invalid(List.of(new Violation("siteCode",
                    "cannot change: must be " + patient.site.code)));
        }
        validate(request);
        if (patients.existsExternalId(patient.site.id, request.externalId(), patient.id)) {
            throw ProblemException.conflict("Site " + patient.site.code + " already has a patient with this externalId");
        }
        PatientView before = toView(patient);
        apply(patient, request, Instant.now(clock), actor);
        patients.flush();
        PatientView after = toView(patient);
        audit.record(actor, AuditAction.UPDATE, AuditedEntity.PATIENT, patient.id, patient.id, before, after);
        recordChanged.fire(new PatientRecordChanged(patient.id));
        return after;
    }

    @Transactional
    public Optional<PatientView> findPatientById(Actor actor, long patientId) {
        return patients.findByIdOptional(patientId).filter(p -> actor.canRead(p.site.id)).map(this::toView);
    }

    @Transactional
    public PageView<PatientView> listPatients(Actor actor, Diagnosis diagnosis, String siteCode, PageRequest page) {
        Long siteId;
        if (actor.isClinician()) {
            siteId = actor.siteId();
        } else if (siteCode != null) {
            siteId = sites.findByCode(siteCode).map(s -> s.id).orElse(-1L);
        } else {
            siteId = null;
        }
        var query = patients.findFiltered(siteId, diagnosis).page(page.page(), page.size());
        return new PageView<>(query.list().stream().map(this::toView).toList(), page.page(), page.size(), query.count());
    }

    /**
     * The actor's patients whose registry code or external id starts with {@code text} (all of them when it is
     * blank): a clinician's own site, every site for an administrator.
     */
    @Transactional
    public PageView<PatientView> searchPatients(Actor actor, String text, PageRequest page) {
        Long siteId = actor.isClinician() ? actor.siteId() : null;
        var query = text == null || text.isBlank() ? patients.findFiltered(siteId, null)
                : patients.search(siteId, text.strip());
        return new PageView<>(query.page(page.page(), page.size()).list().stream().map(this::toView).toList(),
                page.page(), page.size(), query.count());
    }

    /**
     * The patient an actor may read, or 404 as if it did not exist: another site's patient is not revealed.
     * Other features (visits, therapies, investigations) call this before touching a patient's records.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patient requireReadable(Actor actor, long patientId) {
        return patients.findByIdOptional(patientId).filter(p -> actor.canRead(p.site.id))
                .orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
    }

    /** The patient for a de-identified view (a coordinator's report): any site for coordinators, else as {@link #requireReadable}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patient requireReadableDeidentified(Actor actor, long patientId) {
        return patients.findByIdOptional(patientId).filter(p -> actor.canReadDeidentified(p.site.id))
                .orElseThrow(() -> ProblemException.notFound("Patient " + patientId));
    }

    /** Whether the actor may read the patient's records; false also when the patient does not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isReadable(Actor actor, long patientId) {
        return patients.findByIdOptional(patientId).filter(p -> actor.canRead(p.site.id)).isPresent();
    }

    /** The patient an actor may change; 404 when it may not even read it, 403 when it may read but not write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Patient requireWritable(Actor actor, long patientId) {
        Patient patient = requireReadable(actor, patientId);
        requireWrite(actor, patient);
        return patient;
    }

    private static void requireWrite(Actor actor, Patient patient) {
        if (!actor.canWrite(patient.site.id)) {
            throw ProblemException.forbidden("Only clinicians of site " + patient.site.code + " may change this patient's records");
        }
    }

    private Site writableSite(Actor actor, String siteCode) {
        Site site = sites.findByCode(siteCode).orElseThrow(() -> ProblemException.invalid(List.of(
                new Violation("siteCode", "is not a known site"))));
        if (!actor.canWrite(site.id)) {
            throw ProblemException.forbidden("You may only record patients of your own site");
        }
        return site;
    }

    private void validate(PatientRequest request) {
        LocalDate birth = request.birthDate();
        Violations violations = new Violations();
        if (request.onsetDate() != null) {
            violations.check(!request.onsetDate().isBefore(birth), "onsetDate", "must not be before birthDate");
        }
        if (request.diagnosisDate() != null) {
            violations.check(!request.diagnosisDate().isBefore(birth), "diagnosisDate", "must not be before birthDate");
        }
        if (request.statinStartDate() != null) {
            violations.check(request.statinExposure() != StatinExposure.NEVER, "statinStartDate",
                    "must be empty when statinExposure is NEVER: a start date records an exposure");
            violations.check(!request.statinStartDate().isBefore(birth), "statinStartDate", "must not be before birthDate");
        }
        boolean juvenile = Patient.isJuvenile(birth, request.onsetDate(), request.diagnosisDate(), request.diagnosis());
        if (request.diagnosis().isJuvenileSubgroup() && !juvenile) {
            violations.add("diagnosis", request.diagnosis() + " requires symptom onset before age "
                    + Patient.JUVENILE_ONSET_AGE + "; choose an adult subgroup or correct onsetDate");
        }
        List<AutoantibodyEntry> antibodies = request.autoantibodies() == null ? List.of() : request.autoantibodies();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < antibodies.size(); i++) {
            AutoantibodyEntry entry = antibodies.get(i);
            if (entry.testDate() != null) {
                violations.check(!entry.testDate().isBefore(birth), "autoantibodies[" + i + "].testDate",
                        "must not be before birthDate");
            }
            violations.check(seen.add(entry.antibody() + "@" + entry.testDate()), "autoantibodies[" + i + "]",
                    "repeats the same antibody on the same test date");
        }
        violations.throwIfAny();
    }

    private void apply(Patient patient, PatientRequest request, Instant now, Actor actor) {
        boolean diagnosisChanged = patient.diagnosis != request.diagnosis()
                || !Objects.equals(patient.diagnosisDate, request.diagnosisDate());
        patient.externalId = request.externalId();
        patient.sex = request.sex();
        patient.birthDate = request.birthDate();
        patient.diagnosis = request.diagnosis();
        patient.diagnosisDate = request.diagnosisDate();
        patient.onsetDate = request.onsetDate();
        patient.cancerAssociated = Boolean.TRUE.equals(request.cancerAssociated());
        patient.ild = Boolean.TRUE.equals(request.ild());
        patient.juvenile = Patient.isJuvenile(request.birthDate(), request.onsetDate(), request.diagnosisDate(), request.diagnosis());
        patient.statinExposure = request.statinExposure() == null ? StatinExposure.UNKNOWN : request.statinExposure();
        patient.statinStartDate = request.statinStartDate();
        patient.updatedAt = now;
        patient.autoantibodies.clear();
        if (request.autoantibodies() != null) {
            for (AutoantibodyEntry entry : request.autoantibodies()) {
                Autoantibody antibody = new Autoantibody();
                antibody.patient = patient;
                antibody.antibody = entry.antibody();
                antibody.result = entry.result();
                antibody.testDate = entry.testDate();
                patient.autoantibodies.add(antibody);
            }
        }
        if (diagnosisChanged) {
            DiagnosisHistoryEntry entry = new DiagnosisHistoryEntry();
            entry.patient = patient;
            entry.diagnosis = request.diagnosis();
            entry.diagnosisDate = request.diagnosisDate();
            entry.recordedAt = now;
            entry.recordedBy = actor.username();
            patient.diagnosisHistory.add(entry);
        }
    }

    PatientView toView(Patient patient) {
        return new PatientView(patient.id, patient.registryCode, patient.site.code, patient.externalId, patient.sex,
                patient.birthDate, patient.diagnosis, patient.diagnosisDate, patient.onsetDate,
                patient.cancerAssociated, patient.ild, patient.juvenile, patient.statinExposure, patient.statinStartDate,
                patient.autoantibodies.stream().map(Autoantibody::toEntry).toList(),
                patient.diagnosisHistory.stream().map(DiagnosisHistoryEntry::toEntry).toList(),
                patient.version);
    }
}
