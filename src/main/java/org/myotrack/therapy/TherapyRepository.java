package org.myotrack.therapy;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

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
}
