package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.scoring.CoreSetBuilder.coreSet;

import org.junit.jupiter.api.Test;
import org.myotrack.scoring.MuscleStrengthComparison.Instrument;

class MuscleStrengthComparisonTest {

    @Test
    void shouldSelectMmt8OnTheBilateralScale() {
        assertThat(MuscleStrengthComparison.select(coreSet().mmt8(120, 150).build(), coreSet().mmt8(132, 150).build()))
                .contains(new MuscleStrengthComparison(Instrument.MMT8, 120, 132, 150));
    }

    @Test
    void shouldSelectMmt8OnTheUnilateralScaleEvenWhenCmasIsRecorded() {
        assertThat(MuscleStrengthComparison.select(
                        coreSet().mmt8(60, 80).cmas(30).build(), coreSet().mmt8(64, 80).cmas(40).build()))
                .contains(new MuscleStrengthComparison(Instrument.MMT8, 60, 64, 80));
    }

    @Test
    void shouldFallBackToCmasWhenMmt8IsOnDifferentScales() {
        assertThat(MuscleStrengthComparison.select(
                        coreSet().mmt8(60, 80).cmas(30).build(), coreSet().mmt8(120, 150).cmas(40).build()))
                .contains(new MuscleStrengthComparison(Instrument.CMAS, 30, 40, 52));
    }

    @Test
    void shouldFallBackToCmasWhenMmt8IsMissingAtOneVisit() {
        assertThat(MuscleStrengthComparison.select(coreSet().mmt8(60, 80).cmas(30).build(), coreSet().cmas(40).build()))
                .contains(new MuscleStrengthComparison(Instrument.CMAS, 30, 40, 52));
    }

    @Test
    void shouldTreatStrengthAsMissingWhenMmt8IsOnDifferentScalesWithoutCmas() {
        assertThat(MuscleStrengthComparison.select(coreSet().mmt8(60, 80).build(), coreSet().mmt8(120, 150).build()))
                .isEmpty();
    }

    @Test
    void shouldTreatStrengthAsMissingWhenCmasIsAtOnlyOneVisit() {
        assertThat(MuscleStrengthComparison.select(coreSet().cmas(30).build(), coreSet().mmt8(64, 80).build())).isEmpty();
    }

    @Test
    void shouldExpressImprovementAsPercentOfTheScaleMaximum() {
        assertThat(new MuscleStrengthComparison(Instrument.MMT8, 120, 132, 150).absoluteImprovement()).isEqualTo(8);
        assertThat(new MuscleStrengthComparison(Instrument.MMT8, 60, 68, 80).absoluteImprovement()).isEqualTo(10);
        assertThat(new MuscleStrengthComparison(Instrument.CMAS, 26, 39, 52).absoluteImprovement()).isEqualTo(25);
    }
}
