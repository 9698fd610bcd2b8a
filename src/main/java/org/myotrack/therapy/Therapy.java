package org.myotrack.therapy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import static org.myotrack.common.Decimals.sameAtScale;

/** One drug at one dose over a period (clinical.md §3); soft-deleted like visits. */
@Entity
@Table(name = "therapies")
public class Therapy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "therapies_seq")
    @SequenceGenerator(name = "therapies_seq", sequenceName = "therapies_seq", allocationSize = 50)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Drug drug;

    @Column(name = "drug_name", length = 100)
    public String drugName;

    public Double dose;

    @Enumerated(EnumType.STRING)
    @Column(name = "dose_unit", length = 16)
    public DoseUnit doseUnit;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Frequency frequency;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public Route route;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason", length = 16)
    public StopReason stopReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    /**
     * Whether the other entry records the same drug, dose, schedule, period and stop reason; the dose compares at the
     * scale of its column (V1 schema: 3 decimals), so a dose sent and the dose the database kept of it are the same.
     */
    public boolean recordsSameAs(Therapy other) {
        return drug == other.drug
                && Objects.equals(drugName, other.drugName)
                && sameAtScale(dose, other.dose, 3)
                && doseUnit == other.doseUnit
                && frequency == other.frequency
                && route == other.route
                && startDate.equals(other.startDate)
                && Objects.equals(endDate, other.endDate)
                && stopReason == other.stopReason;
    }

    public TherapyView toView() {
        return new TherapyView(id, patientId, drug, drug.drugClass(), drugName, dose, doseUnit, frequency, route,
                startDate, endDate, stopReason, version);
    }
}
