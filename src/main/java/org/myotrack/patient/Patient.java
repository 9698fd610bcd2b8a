package org.myotrack.patient;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.myotrack.site.Site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** A registry patient: demographics, subgroup with its history, serology. Identified; clinicians only. */
@Entity
@Table(name = "patients")
public class Patient {

    /** Age at symptom onset below which a patient is juvenile (clinical.md §1). */
    public static final int JUVENILE_ONSET_AGE = 18;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patients_seq")
    @SequenceGenerator(name = "patients_seq", sequenceName = "patients_seq", allocationSize = 50)
    public Long id;

    @Column(name = "registry_code", nullable = false, length = 16)
    public String registryCode;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "site_id", nullable = false)
    public Site site;

    @Column(name = "external_id", nullable = false, length = 64)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Sex sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Diagnosis diagnosis;

    @Column(name = "diagnosis_date")
    public LocalDate diagnosisDate;

    @Column(name = "onset_date")
    public LocalDate onsetDate;

    @Column(name = "cancer_associated", nullable = false)
    public boolean cancerAssociated;

    @Column(nullable = false)
    public boolean ild;

    @Column(nullable = false)
    public boolean juvenile;

    @Enumerated(EnumType.STRING)
    @Column(name = "statin_exposure", nullable = false, length = 8)
    public StatinExposure statinExposure = StatinExposure.UNKNOWN;

    @Column(name = "statin_start_date")
    public LocalDate statinStartDate;

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("antibody, testDate")
    public List<Autoantibody> autoantibodies = new ArrayList<>();

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL)
    @OrderBy("recordedAt, id")
    public List<DiagnosisHistoryEntry> diagnosisHistory = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Juvenile when age at symptom onset is under 18 (clinical.md §1). Onset falls back to the diagnosis date,
     * then to the subgroup itself (JDM and JM_OTHER are juvenile by definition).
     */
    public static boolean isJuvenile(LocalDate birthDate, LocalDate onsetDate, LocalDate diagnosisDate, Diagnosis diagnosis) {
        LocalDate onset = onsetDate != null ? onsetDate : diagnosisDate;
        if (onset == null || birthDate == null) {
            return diagnosis != null && diagnosis.isJuvenileSubgroup();
        }
        return Period.between(birthDate, onset).getYears() < JUVENILE_ONSET_AGE;
    }
}
