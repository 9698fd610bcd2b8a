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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.myotrack.common.Decimals.sameAtScale;

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

    @Column(name = "body_weight_kg")
    public Double bodyWeightKg;

    @Column(name = "cdasi_activity")
    public Integer cdasiActivity;

    /** Null when not recorded, as for the two ENMC features below (V5 schema). */
    public Boolean dysphagia;

    /** ENMC 2011: finger flexion weaker than shoulder abduction (FF > SA). */
    @Column(name = "finger_flexor_weakness")
    public Boolean fingerFlexorWeakness;

    /** ENMC 2011: knee extension weakness at least that of hip flexion (KE ≥ HF). */
    @Column(name = "quadriceps_weakness")
    public Boolean quadricepsWeakness;

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

    /**
     * Whether the other visit records the same date, measures, enzymes and notes. Decimals compare at the scale of
     * their column (V1 schema: globals and scores 1 decimal, HAQ 3, enzymes 2; V5: body weight 1), so a value sent and the value the
     * database kept of it are the same.
     */
    public boolean recordsSameAs(Visit other) {
        return visitDate.equals(other.visitDate)
                && sameAtScale(physicianGlobalActivity, other.physicianGlobalActivity, 1)
                && sameAtScale(patientGlobalActivity, other.patientGlobalActivity, 1)
                && Objects.equals(mmt8, other.mmt8)
                && Objects.equals(mmt8Max, other.mmt8Max)
                && Objects.equals(cmas, other.cmas)
                && sameAtScale(haq, other.haq, 3)
                && sameAtScale(extramuscularActivity, other.extramuscularActivity, 1)
                && sameAtScale(physicianGlobalDamage, other.physicianGlobalDamage, 1)
                && sameAtScale(patientGlobalDamage, other.patientGlobalDamage, 1)
                && Objects.equals(mdiExtent, other.mdiExtent)
                && sameAtScale(mdiSeverity, other.mdiSeverity, 1)
                && sameAtScale(sf36Pcs, other.sf36Pcs, 1)
                && sameAtScale(sf36Mcs, other.sf36Mcs, 1)
                && sameAtScale(functionalIndex, other.functionalIndex, 1)
                && sameAtScale(bodyWeightKg, other.bodyWeightKg, 1)
                && Objects.equals(cdasiActivity, other.cdasiActivity)
                && Objects.equals(dysphagia, other.dysphagia)
                && Objects.equals(fingerFlexorWeakness, other.fingerFlexorWeakness)
                && Objects.equals(quadricepsWeakness, other.quadricepsWeakness)
                && Objects.equals(notes, other.notes)
                && sameEnzymes(other);
    }

    private boolean sameEnzymes(Visit other) {
        if (enzymes.size() != other.enzymes.size()) {
            return false;
        }
        Map<EnzymeTest, EnzymeResult> theirs = new EnumMap<>(EnzymeTest.class);
        for (EnzymeResult result : other.enzymes) {
            theirs.put(result.test, result);
        }
        for (EnzymeResult mine : enzymes) {
            EnzymeResult their = theirs.get(mine.test);
            if (their == null || !sameAtScale(mine.value, their.value, 2) || !sameAtScale(mine.uln, their.uln, 2)
                    || !mine.unit.equals(their.unit)) {
                return false;
            }
        }
        return true;
    }
}
