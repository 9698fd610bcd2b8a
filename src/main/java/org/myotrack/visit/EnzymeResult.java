package org.myotrack.visit;

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

/** One muscle-enzyme result of a visit, stored with the lab's upper limit of normal. */
@Entity
@Table(name = "enzyme_results")
public class EnzymeResult {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enzyme_results_seq")
    @SequenceGenerator(name = "enzyme_results_seq", sequenceName = "enzyme_results_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "visit_id", nullable = false)
    public Visit visit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public EnzymeTest test;

    @Column(name = "test_value", nullable = false)
    public double value;

    @Column(nullable = false)
    public double uln;

    @Column(nullable = false, length = 16)
    public String unit;

    public EnzymeEntry toEntry() {
        return new EnzymeEntry(test, value, uln, unit);
    }
}
