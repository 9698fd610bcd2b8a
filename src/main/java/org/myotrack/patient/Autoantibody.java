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

import java.time.LocalDate;

/** One autoantibody test result of a patient. */
@Entity
@Table(name = "autoantibodies")
public class Autoantibody {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "autoantibodies_seq")
    @SequenceGenerator(name = "autoantibodies_seq", sequenceName = "autoantibodies_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    public Patient patient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Antibody antibody;

    @Enumerated(EnumType.STRING)
    @Column(name = "test_result", nullable = false, length = 16)
    public AntibodyResult result;

    @Column(name = "test_date")
    public LocalDate testDate;

    public AutoantibodyEntry toEntry() {
        return new AutoantibodyEntry(antibody, result, testDate);
    }
}
