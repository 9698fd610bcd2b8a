package org.myotrack.importing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.Violation;
import org.myotrack.refractory.AddedRecords;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;
import org.myotrack.therapy.StopReason;
import org.myotrack.therapy.Therapy;
import org.myotrack.therapy.TherapyRepository;
import org.myotrack.therapy.TherapyRequest;
import org.myotrack.therapy.TherapyService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Therapies from CSV: one drug at one dose over a period per row, with the fields of the therapy request as columns.
 * Within a patient, a therapy is known by its drug and start date: a file holds each once, and a stored entry with
 * both is the same entry.
 */
@ApplicationScoped
class TherapyImport implements RecordImport<TherapyRequest, Therapy> {

    private static final ImportColumns COLUMNS = new ImportColumns(
            List.of(FileImport.PATIENT_ID, FileImport.EXTERNAL_ID, "drug", "drugName", "dose", "doseUnit", "frequency",
                    "route", "startDate", "endDate", "stopReason"),
            List.of("drug", "startDate"),
            List.of(FileImport.PATIENT_ID, FileImport.EXTERNAL_ID));

    /** What identifies a therapy within its patient's record. */
    private record DrugStart(Drug drug, LocalDate startDate) {
    }

    @Inject
    TherapyService service;

    @Inject
    TherapyRepository therapies;

    @Inject
    Validator validator;

    private String doseRequirement;

    @PostConstruct
    void describeColumns() {
        doseRequirement = RowReader.numberRequirement(validator, TherapyRequest.class, "dose", false);
    }

    @Override
    public ImportColumns columns() {
        return COLUMNS;
    }

    @Override
    public AuditedEntity audited() {
        return AuditedEntity.THERAPY;
    }

    @Override
    public TherapyRequest read(RowReader cells) {
        return new TherapyRequest(cells.choice("drug", Drug.class),
                cells.number("dose", doseRequirement),
                cells.choice("doseUnit", DoseUnit.class),
                cells.choice("frequency", Frequency.class),
                cells.choice("route", Route.class),
                cells.date("startDate"),
                cells.date("endDate"),
                cells.choice("stopReason", StopReason.class),
                cells.text("drugName"),
                null);
    }

    @Override
    public String columnOf(String field, TherapyRequest request) {
        return COLUMNS.known().contains(field) ? field : null;
    }

    @Override
    public List<Violation> check(LocalDate birthDate, TherapyRequest request) {
        return service.validate(birthDate, request).list();
    }

    @Override
    public Object requestKey(TherapyRequest request) {
        return request.drug() == null || request.startDate() == null ? null
                : new DrugStart(request.drug(), request.startDate());
    }

    @Override
    public Object storedKey(Therapy stored) {
        return new DrugStart(stored.drug, stored.startDate);
    }

    @Override
    public String keyColumn() {
        return "startDate";
    }

    @Override
    public String repeatMessage(TherapyRequest request, int earlierRow) {
        return "row " + earlierRow + " already has this patient's " + request.drug() + " from " + request.startDate()
                + ": one entry per drug and start date";
    }

    @Override
    public String conflictMessage(TherapyRequest request) {
        return "a " + request.drug() + " therapy from " + request.startDate()
                + " is already recorded with other values; edit it instead";
    }

    @Override
    public List<StoredKey> storedKeys(Collection<Long> patientIds) {
        return therapies.listLiveStarts(patientIds).stream()
                .map(started -> new StoredKey(started.therapyId(), started.patientId(),
                        new DrugStart(started.drug(), started.startDate()))).toList();
    }

    @Override
    public List<Therapy> loadStored(Collection<Long> ids) {
        return therapies.listLive(ids);
    }

    @Override
    public long patientIdOf(Therapy record) {
        return record.patientId;
    }

    @Override
    public Therapy create(long patientId, TherapyRequest request, Instant now) {
        return service.newTherapy(patientId, request, now);
    }

    @Override
    public boolean sameRecord(Therapy stored, Therapy created) {
        return stored.recordsSameAs(created);
    }

    @Override
    public void insertAll(List<Therapy> created) {
        therapies.insertAll(created);
    }

    @Override
    public long idOf(Therapy record) {
        return record.id;
    }

    @Override
    public Object viewOf(Therapy record) {
        return record.toView();
    }

    @Override
    public AddedRecords added(Map<Long, List<Long>> idsByPatient) {
        return AddedRecords.therapies(idsByPatient);
    }
}
