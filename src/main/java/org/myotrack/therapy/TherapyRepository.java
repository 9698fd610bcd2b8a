package org.myotrack.therapy;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.myotrack.common.EntityIds;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.myotrack.common.JdbcValues.setDate;
import static org.myotrack.common.JdbcValues.setDecimal;
import static org.myotrack.common.JdbcValues.setIds;
import static org.myotrack.common.JdbcValues.setInstant;
import static org.myotrack.common.JdbcValues.setName;

/** Reads and stores therapies; every read skips soft-deleted ones. */
@ApplicationScoped
public class TherapyRepository implements PanacheRepository<Therapy> {

    public PanacheQuery<Therapy> findForPatient(long patientId) {
        return find("patientId = ?1 and deletedAt is null", Sort.by("startDate").and("id"), patientId);
    }

    public Optional<Therapy> findLive(long therapyId) {
        return find("id = ?1 and deletedAt is null", therapyId).firstResultOptional();
    }

    public Optional<Therapy> findLiveForUpdate(long therapyId) {
        return find("id = ?1 and deletedAt is null", therapyId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Where a live therapy is in its patient's record, without its other values. */
    public record Started(long therapyId, long patientId, Drug drug, LocalDate startDate) {
    }

    /** Which drugs the patients' live therapies give from which day, in one round trip (imports compare with these). */
    public List<Started> listLiveStarts(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Started> started = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, patient_id, drug, start_date"
                    + " FROM therapies WHERE patient_id = ANY(?) AND deleted_at IS NULL")) {
                setIds(select, 1, patientIds);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        started.add(new Started(rows.getLong(1), rows.getLong(2), Drug.valueOf(rows.getString(3)),
                                rows.getObject(4, LocalDate.class)));
                    }
                }
            }
            return started;
        });
    }

    /** The live therapies with these ids, in one round trip. */
    public List<Therapy> listLive(Collection<Long> therapyIds) {
        if (therapyIds.isEmpty()) {
            return List.of();
        }
        return list("id in ?1 and deletedAt is null", therapyIds);
    }

    /**
     * Stores new therapies in statement batches on the transaction's connection, giving each its id from the
     * entity's own generator. For imports: thousands at once, none of which needs to stay managed.
     */
    public void insertAll(List<Therapy> newTherapies) {
        if (newTherapies.isEmpty()) {
            return;
        }
        EntityManager em = getEntityManager();
        EntityIds ids = EntityIds.of(em, Therapy.class);
        for (Therapy therapy : newTherapies) {
            therapy.id = ids.next();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO therapies (id, patient_id, drug,"
                    + " drug_name, dose, dose_unit, frequency, route, start_date, end_date, stop_reason, created_at,"
                    + " updated_at, deleted_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Therapy therapy : newTherapies) {
                    insert.setLong(1, therapy.id);
                    insert.setLong(2, therapy.patientId);
                    setName(insert, 3, therapy.drug);
                    insert.setString(4, therapy.drugName);
                    setDecimal(insert, 5, therapy.dose);
                    setName(insert, 6, therapy.doseUnit);
                    setName(insert, 7, therapy.frequency);
                    setName(insert, 8, therapy.route);
                    insert.setObject(9, therapy.startDate);
                    setDate(insert, 10, therapy.endDate);
                    setName(insert, 11, therapy.stopReason);
                    setInstant(insert, 12, therapy.createdAt);
                    setInstant(insert, 13, therapy.updatedAt);
                    setInstant(insert, 14, therapy.deletedAt);
                    insert.setLong(15, therapy.version);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
