package org.myotrack.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends to and reads the audit trail; it offers no update or delete. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    public PanacheQuery<AuditEvent> findForPatient(long patientId) {
        return find("patientId", Sort.by("occurredAt").and("id"), patientId);
    }
}
