package org.myotrack.importing;

import jakarta.validation.Validator;
import org.myotrack.audit.AuditService;
import org.myotrack.common.ProblemException;
import org.myotrack.common.RowViolation;
import org.myotrack.common.Violation;
import org.myotrack.common.Violations;
import org.myotrack.patient.PatientIdentity;
import org.myotrack.refractory.AddedRecords;
import org.myotrack.refractory.CommittedRecords;
import org.myotrack.security.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One file on its way into the registry, a chunk of rows at a time. Each row is checked as the REST endpoint checks
 * the same record (the request's Bean Validation, then the service's rules), its patient looked up among the site's,
 * and compared with the file's earlier rows and the stored records; the chunk's new records are then stored in
 * statement batches, each with its audit event as the REST create writes it. After the first refused row nothing more
 * is written but every row is still checked, so the refusal names them all; the caller's transaction then rolls back
 * what was written, and nothing of the file remains.
 */
final class FileImport<R, E> {

    static final String PATIENT_ID = "patientId";
    static final String EXTERNAL_ID = "externalId";
    /** Refusals listed in the problem; beyond these they are only counted, so a refusal stays readable. */
    static final int LISTED_REFUSALS = 1000;

    private final RecordImport<R, E> kind;
    private final Actor actor;
    private final SitePatients patients;
    private final Validator validator;
    private final AuditService audit;
    private final CommittedRecords committed;
    private final Instant now;
    private final int width;
    /** Where a row that names no patient is refused: the identifier column the header has. */
    private final String identifierColumn;

    /** Each record key of the file with the row that first held it. */
    private final Map<RecordKey, Integer> seen = new HashMap<>();
    /** The ids of the stored records of every patient the file names, by key; read when the file first names one. */
    private final Map<RecordKey, List<Long>> stored = new HashMap<>();
    /** The ids of the records this file adds, by patient. */
    private final Map<Long, List<Long>> added = new HashMap<>();
    private final List<RowViolation> listed = new ArrayList<>();
    private int refusals;
    private int refusedRows;
    private int lastRefusedRow = -1;
    private int rows;
    private int created;
    private int skipped;

    /** A record's identity across the whole registry: its patient and its key within the patient's record. */
    private record RecordKey(long patientId, Object key) {
    }

    /** A row on its way through the checks, with what is refused of it so far. */
    private final class Pending {
        final CsvRow row;
        final List<RowViolation> refused = new ArrayList<>(0);
        RowReader cells;
        R request;
        /** What the request's own Bean Validation refuses, found before the chunk reaches the database. */
        List<Violation> invalid = List.of();
        Long patientId;
        String externalId;
        PatientIdentity patient;

        Pending(CsvRow row) {
            this.row = row;
        }

        void refuse(String column, String message) {
            refused.add(new RowViolation(row.number(), column, CsvTable.shown(column == null ? null : row.cell(column)),
                    message));
        }
    }

    FileImport(RecordImport<R, E> kind, Actor actor, SitePatients patients, Validator validator, AuditService audit,
               CommittedRecords committed, Instant now, CsvTable table) {
        this.kind = kind;
        this.actor = actor;
        this.patients = patients;
        this.validator = validator;
        this.audit = audit;
        this.committed = committed;
        this.now = now;
        this.width = table.width();
        this.identifierColumn = table.hasColumn(PATIENT_ID) ? PATIENT_ID : EXTERNAL_ID;
    }

    /** Rows read from the file and checked on their own, ready for {@link #importChunk(Chunk)}. */
    final class Chunk {
        private final List<Pending> rows;

        private Chunk(List<Pending> rows) {
            this.rows = rows;
        }
    }

    /**
     * Reads the rows' cells into requests and runs the requests' Bean Validation: the part of the checks that needs
     * no database and nothing of other rows, so it may run on another thread, ahead of the chunk before.
     */
    Chunk prepare(List<CsvRow> rows) {
        List<Pending> pending = new ArrayList<>(rows.size());
        for (CsvRow row : rows) {
            Pending read = read(row);
            if (read.request != null) {
                read.invalid = Violations.of(validator.validate(read.request));
            }
            pending.add(read);
        }
        return new Chunk(pending);
    }

    void importChunk(Chunk chunk) {
        List<Pending> pending = chunk.rows;
        lookUpPatients(pending);
        List<Pending> candidates = new ArrayList<>(pending.size());
        for (Pending row : pending) {
            check(row);
            if (row.refused.isEmpty()) {
                candidates.add(row);
            }
        }
        List<E> newRecords = compareWithStored(candidates);
        for (Pending row : pending) {
            for (RowViolation refusal : row.refused) {
                count(refusal);
            }
        }
        rows += pending.size();
        if (refusals == 0) {
            store(newRecords);
        }
    }

    /** The report of an accepted file; throws the refusal (422) naming every refused row when any was refused. */
    ImportReport finish() {
        if (refusals > 0) {
            String listedNote = refusals > listed.size() ? " The first " + listed.size() + " reasons are listed." : "";
            throw ProblemException.refusedRows(refusedRows + " row(s) of the file are refused, for " + refusals
                    + " reason(s); nothing was imported. Correct them and send the whole file again." + listedNote,
                    listed, refusals);
        }
        return new ImportReport(created, skipped, rows);
    }

    /** The records this file adds, by patient: their patients' stored flag state must be evaluated again. */
    AddedRecords added() {
        return kind.added(added);
    }

    private Pending read(CsvRow row) {
        Pending pending = new Pending(row);
        if (row.width() != width) {
            pending.refuse(null, "has " + row.width() + " cells where the header names " + width + " columns: a cell"
                    + " holding a comma or a line break must be enclosed in double quotes");
            return pending;
        }
        String notUtf8 = row.firstColumnHolding(CsvTable.NOT_UTF8);
        if (notUtf8 != null) {
            pending.refuse(notUtf8, "is not UTF-8 text: save the file as \"CSV UTF-8\" and send it again");
            return pending;
        }
        pending.cells = new RowReader(row, pending.refused);
        pending.patientId = pending.cells.registryId(PATIENT_ID);
        pending.externalId = pending.cells.identifier(EXTERNAL_ID);
        pending.request = kind.read(pending.cells);
        return pending;
    }

    /** Looks up the patients the chunk names for the first time, and where their stored records are, in bulk. */
    private void lookUpPatients(List<Pending> pending) {
        Set<Long> ids = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (Pending row : pending) {
            if (row.patientId != null) {
                ids.add(row.patientId);
            } else if (row.externalId != null) {
                externalIds.add(row.externalId);
            }
        }
        List<Long> newPatients = patients.lookUp(ids, externalIds);
        for (RecordImport.StoredKey record : kind.storedKeys(newPatients)) {
            stored.computeIfAbsent(new RecordKey(record.patientId(), record.key()), key -> new ArrayList<>(1)).add(record.id());
        }
    }

    private void check(Pending row) {
        if (row.request == null) {
            return;
        }
        row.patient = patientOf(row);
        List<Violation> invalid = row.invalid;
        for (Violation violation : invalid) {
            String column = kind.columnOf(violation.field(), row.request);
            // A cell that could not be read is refused once, for its type, not again as missing.
            if (column == null || row.cells.isReadable(column)) {
                row.refuse(column, violation.message());
            }
        }
        if (invalid.isEmpty() && row.cells.allReadable() && row.patient != null) {
            for (Violation violation : kind.check(row.patient.birthDate(), row.request)) {
                row.refuse(kind.columnOf(violation.field(), row.request), violation.message());
            }
        }
        Object key = kind.requestKey(row.request);
        if (row.patient != null && key != null) {
            Integer earlier = seen.putIfAbsent(new RecordKey(row.patient.id(), key), row.row.number());
            if (earlier != null) {
                row.refuse(kind.keyColumn(), kind.repeatMessage(row.request, earlier));
            }
        }
    }

    /** The row's patient at the clinician's site; another site's patient is refused exactly like no patient. */
    private PatientIdentity patientOf(Pending row) {
        if (row.patientId != null) {
            PatientIdentity patient = patients.byId(row.patientId);
            if (patient == null) {
                row.refuse(PATIENT_ID, "no patient " + row.patientId + " at your site");
            } else if (row.externalId != null && !row.externalId.equals(patient.externalId())) {
                row.refuse(EXTERNAL_ID, "is not the externalId of patient " + row.patientId);
            }
            return patient;
        }
        if (row.externalId != null) {
            PatientIdentity patient = patients.byExternalId(row.externalId);
            if (patient == null) {
                row.refuse(EXTERNAL_ID, "no patient with externalId " + row.externalId + " at your site");
            }
            return patient;
        }
        if (row.cells.isReadable(PATIENT_ID)) {
            row.refuse(identifierColumn, "is required: name the row's patient by patientId or externalId");
        }
        return null;
    }

    /**
     * The rows' new records, leaving out those already stored with the same values; a row whose key is stored with
     * other values is refused. Stored records are read in full only for rows whose key is stored, in one query.
     */
    private List<E> compareWithStored(List<Pending> candidates) {
        List<Long> storedIds = new ArrayList<>();
        for (Pending row : candidates) {
            storedIds.addAll(stored.getOrDefault(keyOf(row), List.of()));
        }
        Map<Long, E> storedRecords = new HashMap<>();
        for (E record : kind.loadStored(storedIds)) {
            storedRecords.put(kind.idOf(record), record);
        }
        List<E> newRecords = new ArrayList<>(candidates.size());
        for (Pending row : candidates) {
            E record = kind.create(row.patient.id(), row.request, now);
            List<Long> sameKey = stored.get(keyOf(row));
            if (sameKey == null) {
                newRecords.add(record);
            } else if (sameKey.stream().map(storedRecords::get).anyMatch(existing -> kind.sameRecord(existing, record))) {
                skipped++;
            } else {
                row.refuse(kind.keyColumn(), kind.conflictMessage(row.request));
            }
        }
        return newRecords;
    }

    private RecordKey keyOf(Pending row) {
        return new RecordKey(row.patient.id(), kind.requestKey(row.request));
    }

    private void store(List<E> newRecords) {
        if (newRecords.isEmpty()) {
            return;
        }
        kind.insertAll(newRecords);
        List<AuditService.Creation> creations = new ArrayList<>(newRecords.size());
        List<Long> firstAdded = new ArrayList<>();
        for (E record : newRecords) {
            long patientId = kind.patientIdOf(record);
            creations.add(new AuditService.Creation(kind.idOf(record), patientId, kind.viewOf(record)));
            added.computeIfAbsent(patientId, id -> {
                firstAdded.add(id);
                return new ArrayList<>();
            }).add(kind.idOf(record));
        }
        // Locked since the file first named them: their committed records can be read beside this transaction.
        committed.readAhead(firstAdded);
        audit.recordCreations(actor, kind.audited(), creations);
        created += newRecords.size();
    }

    private void count(RowViolation refusal) {
        if (refusal.row() != lastRefusedRow) {
            refusedRows++;
            lastRefusedRow = refusal.row();
        }
        refusals++;
        if (listed.size() < LISTED_REFUSALS) {
            listed.add(refusal);
        }
    }
}
