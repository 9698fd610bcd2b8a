package org.myotrack.visit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
}
