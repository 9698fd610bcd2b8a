package org.myotrack.visit;

/** The upper limit of normal and unit a site last recorded for one enzyme: the default of its next entry. */
public record EnzymeReference(EnzymeTest test, double uln, String unit) {
}
