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
import java.util.ArrayList;
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

    /** A record created in bulk, for {@link #recordCreations}: its id, its patient and its value as the API shows it. */
    public record Creation(long entityId, Long patientId, Object value) {
    }

    /** Records a write; must run in the transaction of the write itself so both commit or neither does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, AuditAction action, AuditedEntity entity, long entityId, Long patientId,
                       Object oldValue, Object newValue) {
        audits.persist(event(actor, action, entity, entityId, patientId, oldValue, newValue));
    }

    /**
     * Records the creation of many records of one kind, one event each exactly as {@link #record} writes it for a
     * single creation, in statement batches (imports). Same rule: inside the transaction that wrote them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreations(Actor actor, AuditedEntity entity, List<Creation> creations) {
        List<AuditEvent> events = new ArrayList<>(creations.size());
        for (Creation creation : creations) {
            events.add(event(actor, AuditAction.CREATE, entity, creation.entityId(), creation.patientId(), null,
                    creation.value()));
        }
        audits.insertAll(events);
    }

    private AuditEvent event(Actor actor, AuditAction action, AuditedEntity entity, long entityId, Long patientId,
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
        return event;
    }

    @Transactional
    public PageView<AuditEventView> listForPatient(long patientId, PageRequest page) {
        var query = audits.findForPatient(patientId).page(page.page(), page.size());
        List<AuditEventView> items = query.list().stream().map(this::toView).toList();
        return new PageView<>(items, page.page(), page.size(), query.count());
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
