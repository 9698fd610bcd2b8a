package org.myotrack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One write in the append-only audit trail: who, when, which record, and its JSON before and after. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_events_seq")
    @SequenceGenerator(name = "audit_events_seq", sequenceName = "audit_events_seq", allocationSize = 50)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 64, updatable = false)
    public String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type", nullable = false, length = 16, updatable = false)
    public AuditedEntity entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    public Long entityId;

    @Column(name = "patient_id", updatable = false)
    public Long patientId;

    @Column(name = "old_value", length = 1_000_000, updatable = false)
    public String oldValue;

    @Column(name = "new_value", length = 1_000_000, updatable = false)
    public String newValue;
}
