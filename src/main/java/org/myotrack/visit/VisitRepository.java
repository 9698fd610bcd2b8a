package org.myotrack.visit;

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

import static org.myotrack.common.JdbcValues.setBoolean;
import static org.myotrack.common.JdbcValues.setDecimal;
import static org.myotrack.common.JdbcValues.setIds;
import static org.myotrack.common.JdbcValues.setInstant;
import static org.myotrack.common.JdbcValues.setInteger;
import static org.myotrack.common.JdbcValues.setName;

/** Reads and stores visits; every read skips soft-deleted visits. */
@ApplicationScoped
public class VisitRepository implements PanacheRepository<Visit> {

    /** A patient's visits in date order (ties by id), for lists. */
    public PanacheQuery<Visit> findForPatient(long patientId) {
        return find("patientId = ?1 and deletedAt is null", Sort.by("visitDate").and("id"), patientId);
    }

    /** All of a patient's visits with their enzymes, in date order, in one round trip (scores and flags). */
    public List<Visit> listForPatientWithEnzymes(long patientId) {
        return getEntityManager().createQuery(
                        "select distinct v from Visit v left join fetch v.enzymes"
                                + " where v.patientId = :patientId and v.deletedAt is null"
                                + " order by v.visitDate, v.id", Visit.class)
                .setParameter("patientId", patientId)
                .getResultList();
    }

    /**
     * The most recently recorded live result of {@code test} at a site (highest id, so the last one entered), if
     * any: labs rarely change their reference range, so its ULN is the likely one for the next visit.
     */
    public Optional<EnzymeResult> lastRecordedAtSite(long siteId, EnzymeTest test) {
        return getEntityManager().createQuery("select e from EnzymeResult e join e.visit v where e.test = :test"
                        + " and v.deletedAt is null and v.patientId in (select p.id from Patient p where p.site.id = :siteId)"
                        + " order by e.id desc", EnzymeResult.class)
                .setParameter("test", test)
                .setParameter("siteId", siteId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<Visit> findLive(long visitId) {
        return find("id = ?1 and deletedAt is null", visitId).firstResultOptional();
    }

    public Optional<Visit> findLiveForUpdate(long visitId) {
        return find("id = ?1 and deletedAt is null", visitId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean existsOnDate(long patientId, LocalDate date, Long exceptVisitId) {
        return count("patientId = ?1 and visitDate = ?2 and deletedAt is null and id <> ?3", patientId, date,
                exceptVisitId == null ? -1L : exceptVisitId) > 0;
    }

    /** Where a live visit is in its patient's record, without its values. */
    public record Dated(long visitId, long patientId, LocalDate visitDate) {
    }

    /**
     * Where the patients' live visits are, in one round trip and without their values: what an import compares its
     * rows with before it reads any visit in full.
     */
    public List<Dated> listLiveDates(Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Dated> dated = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, patient_id, visit_date FROM visits"
                    + " WHERE patient_id = ANY(?) AND deleted_at IS NULL")) {
                setIds(select, 1, patientIds);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        dated.add(new Dated(rows.getLong(1), rows.getLong(2), rows.getObject(3, LocalDate.class)));
                    }
                }
            }
            return dated;
        });
    }

    /** The live visits with these ids, with their enzymes, in one round trip. */
    public List<Visit> listLiveWithEnzymes(Collection<Long> visitIds) {
        if (visitIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct v from Visit v left join fetch v.enzymes"
                        + " where v.id in :ids and v.deletedAt is null", Visit.class)
                .setParameter("ids", visitIds)
                .getResultList();
    }

    /**
     * Stores new visits and their enzymes in statement batches on the transaction's connection, giving each its id
     * from the entities' own generators. For imports: thousands of visits at once, none of which needs to stay managed.
     */
    public void insertAll(List<Visit> newVisits) {
        if (newVisits.isEmpty()) {
            return;
        }
        EntityManager em = getEntityManager();
        EntityIds visitIds = EntityIds.of(em, Visit.class);
        EntityIds enzymeIds = EntityIds.of(em, EnzymeResult.class);
        for (Visit visit : newVisits) {
            visit.id = visitIds.next();
            for (EnzymeResult enzyme : visit.enzymes) {
                enzyme.id = enzymeIds.next();
            }
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement visits = connection.prepareStatement("INSERT INTO visits (id, patient_id, visit_date,"
                    + " physician_global_activity, patient_global_activity, mmt8, mmt8_max, cmas, haq, extramuscular_activity,"
                    + " physician_global_damage, patient_global_damage, mdi_extent, mdi_severity, sf36_pcs, sf36_mcs,"
                    + " functional_index, body_weight_kg, cdasi_activity, dysphagia, finger_flexor_weakness,"
                    + " quadriceps_weakness, notes, created_at, updated_at, deleted_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement enzymes = connection.prepareStatement("INSERT INTO enzyme_results"
                         + " (id, visit_id, test, test_value, uln, unit) VALUES (?, ?, ?, ?, ?, ?)")) {
                boolean anyEnzyme = false;
                for (Visit visit : newVisits) {
                    visits.setLong(1, visit.id);
                    visits.setLong(2, visit.patientId);
                    visits.setObject(3, visit.visitDate);
                    setDecimal(visits, 4, visit.physicianGlobalActivity);
                    setDecimal(visits, 5, visit.patientGlobalActivity);
                    setInteger(visits, 6, visit.mmt8);
                    setInteger(visits, 7, visit.mmt8Max);
                    setInteger(visits, 8, visit.cmas);
                    setDecimal(visits, 9, visit.haq);
                    setDecimal(visits, 10, visit.extramuscularActivity);
                    setDecimal(visits, 11, visit.physicianGlobalDamage);
                    setDecimal(visits, 12, visit.patientGlobalDamage);
                    setInteger(visits, 13, visit.mdiExtent);
                    setDecimal(visits, 14, visit.mdiSeverity);
                    setDecimal(visits, 15, visit.sf36Pcs);
                    setDecimal(visits, 16, visit.sf36Mcs);
                    setDecimal(visits, 17, visit.functionalIndex);
                    setDecimal(visits, 18, visit.bodyWeightKg);
                    setInteger(visits, 19, visit.cdasiActivity);
                    setBoolean(visits, 20, visit.dysphagia);
                    setBoolean(visits, 21, visit.fingerFlexorWeakness);
                    setBoolean(visits, 22, visit.quadricepsWeakness);
                    visits.setString(23, visit.notes);
                    setInstant(visits, 24, visit.createdAt);
                    setInstant(visits, 25, visit.updatedAt);
                    setInstant(visits, 26, visit.deletedAt);
                    visits.setLong(27, visit.version);
                    visits.addBatch();
                    for (EnzymeResult enzyme : visit.enzymes) {
                        enzymes.setLong(1, enzyme.id);
                        enzymes.setLong(2, visit.id);
                        setName(enzymes, 3, enzyme.test);
                        enzymes.setDouble(4, enzyme.value);
                        enzymes.setDouble(5, enzyme.uln);
                        enzymes.setString(6, enzyme.unit);
                        enzymes.addBatch();
                        anyEnzyme = true;
                    }
                }
                visits.executeBatch();
                if (anyEnzyme) {
                    enzymes.executeBatch();
                }
            }
        });
    }
}
