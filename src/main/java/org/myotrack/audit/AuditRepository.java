package org.myotrack.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.myotrack.common.EntityIds;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

import static org.myotrack.common.JdbcValues.setInstant;
import static org.myotrack.common.JdbcValues.setName;

/** Appends to and reads the audit trail; it offers no update or delete. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    public PanacheQuery<AuditEvent> findForPatient(long patientId) {
        return find("patientId", Sort.by("occurredAt").and("id"), patientId);
    }

    /** Appends many events in statement batches on the transaction's connection, ids from the entity's generator. */
    public void insertAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        EntityManager em = getEntityManager();
        EntityIds ids = EntityIds.of(em, AuditEvent.class);
        for (AuditEvent event : events) {
            event.id = ids.next();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_events (id, occurred_at,"
                    + " username, action, entity_type, entity_id, patient_id, old_value, new_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent event : events) {
                    insert.setLong(1, event.id);
                    setInstant(insert, 2, event.occurredAt);
                    insert.setString(3, event.username);
                    setName(insert, 4, event.action);
                    setName(insert, 5, event.entityType);
                    insert.setLong(6, event.entityId);
                    if (event.patientId == null) {
                        insert.setNull(7, Types.BIGINT);
                    } else {
                        insert.setLong(7, event.patientId);
                    }
                    insert.setString(8, event.oldValue);
                    insert.setString(9, event.newValue);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
