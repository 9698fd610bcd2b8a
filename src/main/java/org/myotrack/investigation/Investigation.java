package org.myotrack.investigation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An MRI, muscle biopsy or EMG of a patient with its findings (clinical.md §2); soft-deleted like visits. */
@Entity
@Table(name = "investigations")
public class Investigation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "investigations_seq")
    @SequenceGenerator(name = "investigations_seq", sequenceName = "investigations_seq", allocationSize = 50)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Column(name = "investigation_date", nullable = false)
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "investigation_type", nullable = false, length = 8)
    public InvestigationType type;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "investigation_findings", joinColumns = @JoinColumn(name = "investigation_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "finding", nullable = false, length = 32)
    public Set<Finding> findings = new HashSet<>();

    @Column(length = 4000)
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    public InvestigationView toView() {
        List<Finding> ordered = findings.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(findings));
        return new InvestigationView(id, patientId, date, type, ordered, notes, version);
    }
}
