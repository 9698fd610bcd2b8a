package org.myotrack.scoring;

/** The most abnormal enzyme at baseline and the same enzyme at follow-up, as the scores compare them. */
public record EnzymeComparison(EnzymeLevel baseline, EnzymeLevel followUp) {

    public EnzymeComparison {
        if (baseline.test() != followUp.test()) {
            throw new IllegalArgumentException("an enzyme is compared with the same test at follow-up");
        }
    }

    /** Relative improvement (B − F) ÷ B × 100 of the enzyme value; a baseline of 0 scores 0 (clinical.md §4). */
    public double relativeImprovement() {
        return PercentChange.relativeImprovementLowerIsBetter(baseline.value(), followUp.value());
    }
}
