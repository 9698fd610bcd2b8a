package org.myotrack.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An audit row as ADMIN reads it; old and new values as the JSON the API showed at the time. */
public record AuditEventView(Long id, Instant occurredAt, String username, AuditAction action, AuditedEntity entityType,
                             Long entityId, Long patientId, JsonNode oldValue, JsonNode newValue) {
}
