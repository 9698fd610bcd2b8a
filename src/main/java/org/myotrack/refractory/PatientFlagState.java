package org.myotrack.refractory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last evaluation of a patient's record, kept for cohort queries. Derived data with no version column: it is
 * rewritten whole, in the transaction of every write to the record, and never edited by users.
 */
@Entity
@Table(name = "patient_flag_states")
public class PatientFlagState {

    @Id
    @Column(name = "patient_id")
    public Long patientId;

    @Column(name = "rules_version", nullable = false, length = 32)
    public String rulesVersion;

    @Column(nullable = false)
    public boolean refractory;

    @Column(name = "visit_count", nullable = false)
    public int visitCount;

    @Column(name = "latest_tis")
    public Double latestTis;

    @Column(name = "latest_response", length = 16)
    public String latestResponse;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    @ElementCollection
    @CollectionTable(name = "patient_flags", joinColumns = @JoinColumn(name = "patient_id"))
    public List<StoredFlag> flags = new ArrayList<>();
}
