package org.myotrack.refractory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads and writes the stored evaluation of each patient. */
@ApplicationScoped
public class PatientFlagStateRepository implements PanacheRepositoryBase<PatientFlagState, Long> {

    /** Ids of patients never evaluated or evaluated by another rules version, after {@code afterId}, in id order. */
    @SuppressWarnings("unchecked")
    public List<Long> findStalePatientIds(String rulesVersion, long afterId, int limit) {
        return getEntityManager().createQuery(
                        "select p.id from Patient p where p.id > :afterId and not exists (select 1 from PatientFlagState s"
                                + " where s.patientId = p.id and s.rulesVersion = :version) order by p.id", Long.class)
                .setParameter("afterId", afterId)
                .setParameter("version", rulesVersion)
                .setMaxResults(limit)
                .getResultList();
    }
}
