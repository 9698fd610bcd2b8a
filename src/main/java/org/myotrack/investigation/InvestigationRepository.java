package org.myotrack.investigation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** Reads and stores investigations; every read skips soft-deleted ones. */
@ApplicationScoped
public class InvestigationRepository implements PanacheRepository<Investigation> {

    public PanacheQuery<Investigation> findForPatient(long patientId) {
        return find("patientId = ?1 and deletedAt is null", Sort.by("date").and("id"), patientId);
    }

    public Optional<Investigation> findLive(long investigationId) {
        return find("id = ?1 and deletedAt is null", investigationId).firstResultOptional();
    }

    public Optional<Investigation> findLiveForUpdate(long investigationId) {
        return find("id = ?1 and deletedAt is null", investigationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
