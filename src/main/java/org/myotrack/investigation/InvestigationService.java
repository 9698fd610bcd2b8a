package org.myotrack.investigation;

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
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Records, corrects, soft-deletes and reads a patient's investigations; every write is audited. */
@ApplicationScoped
public class InvestigationService {

    @Inject
    InvestigationRepository investigations;

    @Inject
    PatientService patients;

    @Inject
    AuditService audit;

    @Inject
    Event<PatientRecordChanged> recordChanged;

    @Inject
    Clock clock;

    @Transactional
    public InvestigationView recordInvestigation(Actor actor, long patientId, InvestigationRequest request) {
        Patient patient = patients.requireWritable(actor, patientId);
        validate(patient, request);
        Instant now = Instant.now(clock);
        Investigation investigation = new Investigation();
        investigation.patientId = patientId;
        investigation.createdAt = now;
        apply(investigation, request, now);
        investigations.persist(investigation);
        investigations.flush();
        InvestigationView created = investigation.toView();
        audit.record(actor, AuditAction.CREATE, AuditedEntity.INVESTIGATION, investigation.id, patientId, null, created);
        recordChanged.fire(new PatientRecordChanged(patientId));
        return created;
    }

    @Transactional
    public InvestigationView updateInvestigation(Actor actor, long investigationId, InvestigationRequest request) {
        Investigation investigation = lockedInvestigation(actor, investigationId);
        Patient patient = patients.requireWritable(actor, investigation.patientId);
        Versions.requireCurrent("Investigation " + investigationId, investigation.version, request.version());
        validate(patient, request);
        InvestigationView before = investigation.toView();
        apply(investigation, request, Instant.now(clock));
        investigations.flush();
        InvestigationView after = investigation.toView();
        audit.record(actor, AuditAction.UPDATE, AuditedEntity.INVESTIGATION, investigation.id, investigation.patientId, before, after);
        recordChanged.fire(new PatientRecordChanged(investigation.patientId));
        return after;
    }

    @Transactional
    public void deleteInvestigation(Actor actor, long investigationId, Long version) {
        Investigation investigation = lockedInvestigation(actor, investigationId);
        patients.requireWritable(actor, investigation.patientId);
        if (version != null) {
            Versions.requireCurrent("Investigation " + investigationId, investigation.version, version);
        }
        InvestigationView before = investigation.toView();
        investigation.deletedAt = Instant.now(clock);
        investigation.updatedAt = investigation.deletedAt;
        investigations.flush();
        audit.record(actor, AuditAction.DELETE, AuditedEntity.INVESTIGATION, investigation.id, investigation.patientId, before, null);
        recordChanged.fire(new PatientRecordChanged(investigation.patientId));
    }

    @Transactional
    public Optional<InvestigationView> findInvestigationById(Actor actor, long investigationId) {
        return investigations.findLive(investigationId).filter(i -> patients.isReadable(actor, i.patientId))
                .map(Investigation::toView);
    }

    @Transactional
    public PageView<InvestigationView> listInvestigationsForPatient(Actor actor, long patientId, PageRequest page) {
        patients.requireReadable(actor, patientId);
        var query = investigations.findForPatient(patientId).page(page.page(), page.size());
        return new PageView<>(query.list().stream().map(Investigation::toView).toList(), page.page(), page.size(), query.count());
    }

    private Investigation lockedInvestigation(Actor actor, long investigationId) {
        return investigations.findLiveForUpdate(investigationId)
                .filter(i -> patients.isReadable(actor, i.patientId))
                .orElseThrow(() -> ProblemException.notFound("Investigation " + investigationId));
    }

    private void validate(Patient patient, InvestigationRequest request) {
        Violations violations = new Violations();
        LocalDate today = LocalDate.now(clock);
        violations.check(!request.date().isBefore(patient.birthDate) && !request.date().isAfter(today), "date",
                "must be between the patient's birthDate " + patient.birthDate + " and today " + today);
        for (Finding finding : request.findings()) {
            if (!finding.appliesTo(request.type())) {
                violations.add("findings", finding + " is not a finding of " + request.type() + "; allowed: "
                        + Arrays.stream(Finding.values()).filter(f -> f.appliesTo(request.type()))
                        .map(Finding::name).collect(Collectors.joining(", ")));
            }
        }
        violations.throwIfAny();
    }

    private static void apply(Investigation investigation, InvestigationRequest request, Instant now) {
        investigation.date = request.date();
        investigation.type = request.type();
        investigation.findings.clear();
        investigation.findings.addAll(request.findings());
        investigation.notes = request.notes();
        investigation.updatedAt = now;
    }
}
