package org.myotrack.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A subgroup a patient was given, appended whenever the diagnosis changes and never rewritten. */
@Entity
@Table(name = "diagnosis_history")
public class DiagnosisHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "diagnosis_history_seq")
    @SequenceGenerator(name = "diagnosis_history_seq", sequenceName = "diagnosis_history_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    public Patient patient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Diagnosis diagnosis;

    @Column(name = "diagnosis_date")
    public LocalDate diagnosisDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 64)
    public String recordedBy;

    public DiagnosisEntry toEntry() {
        return new DiagnosisEntry(diagnosis, diagnosisDate, recordedAt, recordedBy);
    }
}
