package org.myotrack.scoring;

import java.util.Objects;
import org.myotrack.visit.EnzymeTest;

/** One muscle-enzyme value of a visit with the upper limit of normal of the lab that measured it. */
public record EnzymeLevel(EnzymeTest test, double value, double uln) {

    public EnzymeLevel {
        Objects.requireNonNull(test, "test");
        if (value < 0) {
            throw new IllegalArgumentException("enzyme value must be at least 0");
        }
        if (uln <= 0) {
            throw new IllegalArgumentException("enzyme upper limit of normal must be above 0");
        }
    }

    /** The value as a multiple of the upper limit of normal, which makes different enzymes comparable. */
    public double timesUln() {
        return value / uln;
    }
}
