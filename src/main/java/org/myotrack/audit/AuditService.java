package org.myotrack.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.myotrack.common.PageRequest;
import org.myotrack.common.PageView;
import org.myotrack.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes one audit row per registry write, inside the caller's transaction, and reads them back for ADMIN. */
@ApplicationScoped
public class AuditService {

    @Inject
    AuditRepository audits;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Records a write; must run in the transaction of the write itself so both commit or neither does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditAction action, AuditedEntity entity, long entityId, Long patientId,
                       Object oldValue, Object newValue) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now(clock);
        event.username = actor.username();
        event.action = action;
        event.entityType = entity;
        event.entityId = entityId;
        event.patientId = patientId;
        event.oldValue = toJson(oldValue);
        event.newValue = toJson(newValue);
        audits.persist(event);
    }

    @Transactional
    public PageView<AuditEventView> listForPatient(long patientId, PageRequest page) {
        var query = audits.findForPatient(patientId).page(page.page, page.size);
        List<AuditEventView> items = query.list().stream().map(this::toView).toList();
        return new PageView<>(items, page.page, page.size, query.count());
    }

    private AuditEventView toView(AuditEvent event) {
        try {
            return new AuditEventView(event.id, event.occurredAt, event.username, event.action, event.entityType,
                    event.entityId, event.patientId,
                    event.oldValue == null ? null : json.readTree(event.oldValue),
                    event.newValue == null ? null : json.readTree(event.newValue));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit row " + event.id + " holds unreadable JSON", e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise audit value of " + value.getClass().getSimpleName(), e);
        }
    }
}
