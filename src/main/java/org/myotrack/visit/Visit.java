package org.myotrack.visit;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One clinic visit with the IMACS core set, damage and quality-of-life measures (clinical.md §2). A visit is
 * never physically removed: deleting it sets {@code deletedAt}, and reads skip it.
 */
@Entity
@Table(name = "visits")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visits_seq")
    @SequenceGenerator(name = "visits_seq", sequenceName = "visits_seq", allocationSize = 50)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Column(name = "visit_date", nullable = false)
    public LocalDate visitDate;

    @Column(name = "physician_global_activity")
    public Double physicianGlobalActivity;

    @Column(name = "patient_global_activity")
    public Double patientGlobalActivity;

    public Integer mmt8;

    @Column(name = "mmt8_max")
    public Integer mmt8Max;

    public Integer cmas;

    public Double haq;

    @Column(name = "extramuscular_activity")
    public Double extramuscularActivity;

    @OneToMany(mappedBy = "visit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("test")
    public List<EnzymeResult> enzymes = new ArrayList<>();

    @Column(name = "physician_global_damage")
    public Double physicianGlobalDamage;

    @Column(name = "patient_global_damage")
    public Double patientGlobalDamage;

    @Column(name = "mdi_extent")
    public Integer mdiExtent;

    @Column(name = "mdi_severity")
    public Double mdiSeverity;

    @Column(name = "sf36_pcs")
    public Double sf36Pcs;

    @Column(name = "sf36_mcs")
    public Double sf36Mcs;

    @Column(name = "functional_index")
    public Double functionalIndex;

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

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
