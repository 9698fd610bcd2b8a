package org.myotrack.therapy;

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
import org.myotrack.common.Violations;
import org.myotrack.patient.Patient;
import org.myotrack.patient.PatientRecordChanged;
import org.myotrack.patient.PatientService;
import org.myotrack.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Records, corrects, soft-deletes and reads a patient's therapy history; every write is audited. */
@ApplicationScoped
public class TherapyService {

    @Inject
    TherapyRepository therapies;

    @Inject
    PatientService patients;

    @Inject
    AuditService audit;

    @Inject
    Event<PatientRecordChanged> recordChanged;

    @Inject
    Clock clock;

    @Transactional
    public TherapyView recordTherapy(Actor actor, long patientId, TherapyRequest request) {
        Patient patient = patients.requireWritable(actor, patientId);
        validate(patient.birthDate, request).throwIfAny();
        Therapy therapy = newTherapy(patientId, request, Instant.now(clock));
        therapies.persist(therapy);
        therapies.flush();
        TherapyView created = therapy.toView();
        audit.record(actor, AuditAction.CREATE, AuditedEntity.THERAPY, therapy.id, patientId, null, created);
        recordChanged.fire(new PatientRecordChanged(patientId));
        return created;
    }

    @Transactional
    public TherapyView updateTherapy(Actor actor, long therapyId, TherapyRequest request) {
        Therapy therapy = lockedTherapy(actor, therapyId);
        Patient patient = patients.requireWritable(actor, therapy.patientId);
        Versions.requireCurrent("Therapy " + therapyId, therapy.version, request.version());
        validate(patient.birthDate, request).throwIfAny();
        TherapyView before = therapy.toView();
        apply(therapy, request, Instant.now(clock));
        therapies.flush();
        TherapyView after = therapy.toView();
        audit.record(actor, AuditAction.UPDATE, AuditedEntity.THERAPY, therapy.id, therapy.patientId, before, after);
        recordChanged.fire(new PatientRecordChanged(therapy.patientId));
        return after;
    }

    @Transactional
    public void deleteTherapy(Actor actor, long therapyId, Long version) {
        Therapy therapy = lockedTherapy(actor, therapyId);
        patients.requireWritable(actor, therapy.patientId);
        if (version != null) {
            Versions.requireCurrent("Therapy " + therapyId, therapy.version, version);
        }
        TherapyView before = therapy.toView();
        therapy.deletedAt = Instant.now(clock);
        therapy.updatedAt = therapy.deletedAt;
        therapies.flush();
        audit.record(actor, AuditAction.DELETE, AuditedEntity.THERAPY, therapy.id, therapy.patientId, before, null);
        recordChanged.fire(new PatientRecordChanged(therapy.patientId));
    }

    @Transactional
    public Optional<TherapyView> findTherapyById(Actor actor, long therapyId) {
        return therapies.findLive(therapyId).filter(t -> patients.isReadable(actor, t.patientId)).map(Therapy::toView);
    }

    @Transactional
    public PageView<TherapyView> listTherapiesForPatient(Actor actor, long patientId, PageRequest page) {
        patients.requireReadable(actor, patientId);
        var query = therapies.findForPatient(patientId).page(page.page(), page.size());
        return new PageView<>(query.list().stream().map(Therapy::toView).toList(), page.page(), page.size(), query.count());
    }

    private Therapy lockedTherapy(Actor actor, long therapyId) {
        return therapies.findLiveForUpdate(therapyId)
                .filter(t -> patients.isReadable(actor, t.patientId))
                .orElseThrow(() -> ProblemException.notFound("Therapy " + therapyId));
    }

    /**
     * The rules of a therapy beyond its own fields' Bean Validation: those that span fields or need the patient. The
     * REST writes and the CSV import both run them on a request that passed Bean Validation.
     */
    public Violations validate(LocalDate birthDate, TherapyRequest request) {
        Violations violations = new Violations();
        LocalDate today = LocalDate.now(clock);
        violations.check(!request.startDate().isBefore(birthDate) && !request.startDate().isAfter(today),
                "startDate", "must be between the patient's birthDate " + birthDate + " and today " + today);
        if (request.endDate() != null) {
            violations.check(!request.endDate().isBefore(request.startDate()), "endDate",
                    "must be on or after startDate " + request.startDate());
        }
        violations.check(request.stopReason() == null || request.endDate() != null, "stopReason",
                "needs an endDate: an ongoing therapy has no stop reason");
        if (request.drug() == Drug.OTHER) {
            violations.check(request.drugName() != null && !request.drugName().isBlank(), "drugName",
                    "is required when drug is OTHER");
        } else {
            violations.check(request.drugName() == null || request.drugName().isBlank(), "drugName",
                    "is only for drug OTHER; " + request.drug() + " is in the vocabulary");
        }
        violations.check(request.dose() == null || request.doseUnit() != null, "doseUnit",
                "is required with a dose; one of MG, G, MG_PER_KG, G_PER_KG, MG_PER_M2, UNITS");
        return violations;
    }

    /** A new therapy of the patient with the request's values, not yet stored; the one way a therapy is made from a request. */
    public Therapy newTherapy(long patientId, TherapyRequest request, Instant now) {
        Therapy therapy = new Therapy();
        therapy.patientId = patientId;
        therapy.createdAt = now;
        apply(therapy, request, now);
        return therapy;
    }

    private static void apply(Therapy therapy, TherapyRequest request, Instant now) {
        therapy.drug = request.drug();
        therapy.drugName = request.drug() == Drug.OTHER ? request.drugName().strip() : null;
        therapy.dose = request.dose();
        therapy.doseUnit = request.doseUnit();
        therapy.frequency = request.frequency();
        therapy.route = request.route();
        therapy.startDate = request.startDate();
        therapy.endDate = request.endDate();
        therapy.stopReason = request.stopReason();
        therapy.updatedAt = now;
    }
}
