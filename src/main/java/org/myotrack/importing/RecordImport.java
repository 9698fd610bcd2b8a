package org.myotrack.importing;

import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.Violation;
import org.myotrack.refractory.AddedRecords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What importing one kind of record (visits, therapies) takes from its feature: the columns, how a row becomes the
 * request the REST endpoint takes, the feature's own rules, what makes two records the same, and how they are stored.
 * The file handling, patient look-up, all-or-nothing and audit are the same for every kind ({@link FileImport}).
 *
 * @param <R> the request record, whose Bean Validation is the REST endpoint's
 * @param <E> the entity
 */
interface RecordImport<R, E> {

    /** A stored record's place: its id, its patient and its {@link #storedKey key} within the patient's record. */
    record StoredKey(long id, long patientId, Object key) {
    }

    ImportColumns columns();

    AuditedEntity audited();

    /** The row's cells as a request; cells not of their column's type are refused by the reader and read as empty. */
    R read(RowReader cells);

    /** The column a refused request field comes from ({@code enzymes[0].uln} → {@code ckUln}); null for the whole row. */
    String columnOf(String field, R request);

    /** The service's rules beyond the request's Bean Validation, exactly as the REST endpoints apply them. */
    List<Violation> check(LocalDate birthDate, R request);

    /**
     * What identifies the record within its patient's record (a visit's date; a therapy's drug and start date): a file
     * may hold it once, and a stored record with it is the same record. Null when the row lacks a part of it.
     */
    Object requestKey(R request);

    /** The key of a stored record, as {@link #requestKey} of the request it was made from. */
    Object storedKey(E stored);

    /** The column where a repeated or conflicting record is reported. */
    String keyColumn();

    /** Why the row is refused when an earlier row of the file already holds its key. */
    String repeatMessage(R request, int earlierRow);

    /** Why the row is refused when a stored record has its key but other values. */
    String conflictMessage(R request);

    /**
     * Where the patients' live stored records are, by key, without their values, in one round trip: read once per
     * patient, when a file first names it, so that a new record costs no further query.
     */
    List<StoredKey> storedKeys(Collection<Long> patientIds);

    /** The live stored records with these ids, in one round trip: read only for rows whose key is stored. */
    List<E> loadStored(Collection<Long> ids);

    long patientIdOf(E record);

    /** The new, unsaved record the REST create would make of the request. */
    E create(long patientId, R request, Instant now);

    /** Whether the stored record holds the same values as the new one, so the row is already recorded. */
    boolean sameRecord(E stored, E created);

    /** Stores the new records in statement batches, giving each its id. */
    void insertAll(List<E> created);

    long idOf(E record);

    /** The record as the API shows it and the audit trail keeps it. */
    Object viewOf(E record);

    /** The ids of records of this kind a file added, by patient, as the stored flag state's refresh takes them. */
    AddedRecords added(Map<Long, List<Long>> idsByPatient);
}
