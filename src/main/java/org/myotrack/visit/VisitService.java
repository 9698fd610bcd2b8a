package org.myotrack.visit;

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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Records, corrects, soft-deletes and reads visits within the site rules of the acting user; every write is audited. */
@ApplicationScoped
public class VisitService {

    /** MMT-8 totals in use: unilateral 8 groups × 0–10, or the bilateral version of RIM and ProDERM (clinical.md §2). */
    public static final Set<Integer> MMT8_SCALES = Set.of(80, 150);

    /** Unit assumed when a lab result is sent without one. */
    public static final String DEFAULT_ENZYME_UNIT = "U/L";

    @Inject
    VisitRepository visits;

    @Inject
    PatientService patients;

    @Inject
    AuditService audit;

    @Inject
    Event<PatientRecordChanged> recordChanged;

    @Inject
    Clock clock;

    @Transactional
    public VisitView recordVisit(Actor actor, long patientId, VisitRequest request) {
        Patient patient = patients.requireWritable(actor, patientId);
        validate(patient.birthDate, request).throwIfAny();
        requireFreeDate(patientId, request.visitDate(), null);
        Visit visit = newVisit(patientId, request, Instant.now(clock));
        visits.persist(visit);
        visits.flush();
        VisitView created = toView(visit);
        audit.record(actor, AuditAction.CREATE, AuditedEntity.VISIT, visit.id, patientId, null, created);
        recordChanged.fire(new PatientRecordChanged(patientId));
        return created;
    }

    @Transactional
    public VisitView updateVisit(Actor actor, long visitId, VisitRequest request) {
        Visit visit = lockedVisit(actor, visitId);
        Patient patient = patients.requireWritable(actor, visit.patientId);
        Versions.requireCurrent("Visit " + visitId, visit.version, request.version());
        validate(patient.birthDate, request).throwIfAny();
        requireFreeDate(visit.patientId, request.visitDate(), visit.id);
        VisitView before = toView(visit);
        apply(visit, request, Instant.now(clock));
        visits.flush();
        VisitView after = toView(visit);
        audit.record(actor, AuditAction.UPDATE, AuditedEntity.VISIT, visit.id, visit.patientId, before, after);
        recordChanged.fire(new PatientRecordChanged(visit.patientId));
        return after;
    }

    /** Soft-deletes a visit; when {@code version} is given it must be the stored one. */
    @Transactional
    public void deleteVisit(Actor actor, long visitId, Long version) {
        Visit visit = lockedVisit(actor, visitId);
        patients.requireWritable(actor, visit.patientId);
        if (version != null) {
            Versions.requireCurrent("Visit " + visitId, visit.version, version);
        }
        VisitView before = toView(visit);
        visit.deletedAt = Instant.now(clock);
        visit.updatedAt = visit.deletedAt;
        visits.flush();
        audit.record(actor, AuditAction.DELETE, AuditedEntity.VISIT, visit.id, visit.patientId, before, null);
        recordChanged.fire(new PatientRecordChanged(visit.patientId));
    }

    @Transactional
    public Optional<VisitView> findVisitById(Actor actor, long visitId) {
        return visits.findLive(visitId)
                .filter(v -> patients.isReadable(actor, v.patientId))
                .map(this::toView);
    }

    @Transactional
    public PageView<VisitView> listVisitsForPatient(Actor actor, long patientId, PageRequest page) {
        patients.requireReadable(actor, patientId);
        var query = visits.findForPatient(patientId).page(page.page(), page.size());
        return new PageView<>(query.list().stream().map(this::toView).toList(), page.page(), page.size(), query.count());
    }

    /**
     * Per enzyme, the ULN and unit last recorded at the actor's site, to prefill a new visit; empty for an actor
     * without a site.
     */
    @Transactional
    public Map<EnzymeTest, EnzymeReference> lastEnzymeReferencesAtSite(Actor actor) {
        Map<EnzymeTest, EnzymeReference> references = new EnumMap<>(EnzymeTest.class);
        if (actor.siteId() == null) {
            return references;
        }
        for (EnzymeTest test : EnzymeTest.values()) {
            visits.lastRecordedAtSite(actor.siteId(), test).ifPresent(result ->
                    references.put(test, new EnzymeReference(test, result.uln, result.unit)));
        }
        return references;
    }

    private Visit lockedVisit(Actor actor, long visitId) {
        return visits.findLiveForUpdate(visitId)
                .filter(v -> patients.isReadable(actor, v.patientId))
                .orElseThrow(() -> ProblemException.notFound("Visit " + visitId));
    }

    private void requireFreeDate(long patientId, LocalDate date, Long exceptVisitId) {
        if (visits.existsOnDate(patientId, date, exceptVisitId)) {
            throw ProblemException.conflict("The patient already has a visit on " + date + "; edit that visit instead");
        }
    }

    /**
     * The rules of a visit beyond its own fields' Bean Validation: those that span fields or need the patient. The
     * REST writes and the CSV import both run them on a request that passed Bean Validation, so a visit is accepted
     * or refused alike whichever way it arrives.
     */
    public Violations validate(LocalDate birthDate, VisitRequest request) {
        Violations violations = new Violations();
        violations.check(request.hasAnyMeasure(), "measures", "a visit must record at least one measure");
        LocalDate today = LocalDate.now(clock);
        violations.check(!request.visitDate().isBefore(birthDate), "visitDate",
                "must be between the patient's birthDate " + birthDate + " and today " + today);
        violations.check(!request.visitDate().isAfter(today), "visitDate",
                "must be between the patient's birthDate " + birthDate + " and today " + today);
        Integer mmt8 = request.mmt8();
        Integer mmt8Max = request.mmt8Max();
        if (mmt8Max != null && !MMT8_SCALES.contains(mmt8Max)) {
            violations.add("mmt8Max", "must be 80 or 150");
        } else if (mmt8 != null && mmt8Max == null) {
            violations.add("mmt8Max", "is required with mmt8: 80 or 150");
        } else if (mmt8 == null && mmt8Max != null) {
            violations.add("mmt8", "is required with mmt8Max: between 0 and " + mmt8Max);
        } else if (mmt8 != null && mmt8 > mmt8Max) {
            violations.add("mmt8", "must be between 0 and " + mmt8Max + " (mmt8Max)");
        }
        List<EnzymeEntry> enzymes = request.enzymes() == null ? List.of() : request.enzymes();
        EnumSet<EnzymeTest> seen = EnumSet.noneOf(EnzymeTest.class);
        for (int i = 0; i < enzymes.size(); i++) {
            violations.check(seen.add(enzymes.get(i).test()), "enzymes[" + i + "].test",
                    "repeats " + enzymes.get(i).test() + ": one result per test and visit");
        }
        return violations;
    }

    /** A new visit of the patient with the request's values, not yet stored; the one way a visit is made from a request. */
    public Visit newVisit(long patientId, VisitRequest request, Instant now) {
        Visit visit = new Visit();
        visit.patientId = patientId;
        visit.createdAt = now;
        apply(visit, request, now);
        return visit;
    }

    private static void apply(Visit visit, VisitRequest request, Instant now) {
        visit.visitDate = request.visitDate();
        visit.physicianGlobalActivity = request.physicianGlobalActivity();
        visit.patientGlobalActivity = request.patientGlobalActivity();
        visit.mmt8 = request.mmt8();
        visit.mmt8Max = request.mmt8Max();
        visit.cmas = request.cmas();
        visit.haq = request.haq();
        visit.extramuscularActivity = request.extramuscularActivity();
        visit.physicianGlobalDamage = request.physicianGlobalDamage();
        visit.patientGlobalDamage = request.patientGlobalDamage();
        visit.mdiExtent = request.mdiExtent();
        visit.mdiSeverity = request.mdiSeverity();
        visit.sf36Pcs = request.sf36Pcs();
        visit.sf36Mcs = request.sf36Mcs();
        visit.functionalIndex = request.functionalIndex();
        visit.bodyWeightKg = request.bodyWeightKg();
        visit.cdasiActivity = request.cdasiActivity();
        visit.dysphagia = request.dysphagia();
        visit.fingerFlexorWeakness = request.fingerFlexorWeakness();
        visit.quadricepsWeakness = request.quadricepsWeakness();
        visit.notes = request.notes();
        visit.updatedAt = now;
        visit.enzymes.clear();
        if (request.enzymes() != null) {
            for (EnzymeEntry entry : request.enzymes()) {
                EnzymeResult result = new EnzymeResult();
                result.visit = visit;
                result.test = entry.test();
                result.value = entry.value();
                result.uln = entry.uln();
                result.unit = entry.unit() == null || entry.unit().isBlank() ? DEFAULT_ENZYME_UNIT : entry.unit();
                visit.enzymes.add(result);
            }
        }
    }

    /** The visit as the API returns it and the audit trail keeps it. */
    public VisitView toView(Visit visit) {
        return new VisitView(visit.id, visit.patientId, visit.visitDate, visit.physicianGlobalActivity,
                visit.patientGlobalActivity, visit.mmt8, visit.mmt8Max, visit.cmas, visit.haq,
                visit.extramuscularActivity, visit.enzymes.stream().map(EnzymeResult::toEntry).toList(),
                visit.physicianGlobalDamage, visit.patientGlobalDamage, visit.mdiExtent, visit.mdiSeverity,
                visit.sf36Pcs, visit.sf36Mcs, visit.functionalIndex, visit.bodyWeightKg, visit.cdasiActivity, visit.dysphagia,
                visit.fingerFlexorWeakness, visit.quadricepsWeakness, visit.notes, visit.version);
    }
}
