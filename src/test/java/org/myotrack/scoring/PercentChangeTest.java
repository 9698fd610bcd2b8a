package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.visit.EnzymeTest;

class PercentChangeTest {

    @ParameterizedTest(name = "{0} → {1} on a range of {2} is {3} %")
    @CsvSource({
        "6, 3, 10, 30",
        "6, 5.5, 10, 5",
        "6, 5.4, 10, 6",
        "1.5, 1.125, 3, 12.5",
        "3, 5, 10, -20",
        "4, 4, 10, 0",
    })
    void shouldExpressLowerIsBetterImprovementAsPercentOfRange(double baseline, double followUp, double range, double expected) {
        assertThat(PercentChange.absoluteImprovementLowerIsBetter(baseline, followUp, range)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1} on a range of {2} is {3} %")
    @CsvSource({
        "120, 132, 150, 8",
        "60, 64, 80, 5",
        "30, 40, 52, 19.230769",
        "100, 90, 150, -6.666667",
    })
    void shouldExpressHigherIsBetterImprovementAsPercentOfRange(double baseline, double followUp, double range, double expected) {
        assertThat(PercentChange.absoluteImprovementHigherIsBetter(baseline, followUp, range)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1} is exactly {2} %")
    @CsvSource({
        "1.1, 0.6, 5",
        "2.2, 0.7, 15",
        "4.4, 1.9, 25",
        "8.3, 4.3, 40",
        "0.7, 0.2, 5",
    })
    void shouldComputeExactPercentWhereBinaryArithmeticWouldDrift(double baseline, double followUp, double expected) {
        assertThat(PercentChange.absoluteImprovementLowerIsBetter(baseline, followUp, 10)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1} changes by {2} %")
    @CsvSource({
        "200, 150, -25",
        "4, 5, 25",
        "7.0, 9.1, 30",
        "1.0, 0.8, -20",
        "3, 3, 0",
    })
    void shouldComputeSignedChangeRelativeToBaseline(double baseline, double followUp, double expected) {
        assertThat(PercentChange.relativeChange(baseline, followUp)).hasValue(expected);
    }

    @Test
    void shouldHaveNoRelativeChangeFromZeroBaseline() {
        assertThat(PercentChange.relativeChange(0, 5)).isEmpty();
    }

    @Test
    void shouldScoreRelativeImprovementOfLowerIsBetterMeasure() {
        assertThat(PercentChange.relativeImprovementLowerIsBetter(2400, 600)).isEqualTo(75);
        assertThat(PercentChange.relativeImprovementLowerIsBetter(200, 300)).isEqualTo(-50);
    }

    @Test
    void shouldScoreZeroImprovementFromZeroBaseline() {
        assertThat(PercentChange.relativeImprovementLowerIsBetter(0, 40)).isZero();
        assertThat(PercentChange.relativeImprovementLowerIsBetter(0, 0)).isZero();
    }

    @Test
    void shouldChooseMostAbnormalEnzymeByMultipleOfUlnNotByRawValue() {
        EnzymeLevel creatineKinase = new EnzymeLevel(EnzymeTest.CK, 600, 200);
        EnzymeLevel aldolase = new EnzymeLevel(EnzymeTest.ALDOLASE, 30, 7.5);

        assertThat(creatineKinase.timesUln()).isEqualTo(3);
        assertThat(aldolase.timesUln()).isEqualTo(4);
        assertThat(PercentChange.mostAbnormalEnzyme(List.of(creatineKinase, aldolase))).contains(aldolase);
    }

    @Test
    void shouldBreakTieBetweenEqualMultiplesOfUlnInFavourOfCreatineKinase() {
        EnzymeLevel aldolase = new EnzymeLevel(EnzymeTest.ALDOLASE, 22.5, 7.5);
        EnzymeLevel creatineKinase = new EnzymeLevel(EnzymeTest.CK, 600, 200);

        assertThat(PercentChange.mostAbnormalEnzyme(List.of(aldolase, creatineKinase))).contains(creatineKinase);
    }

    @Test
    void shouldHaveNoMostAbnormalEnzymeWithoutEnzymes() {
        assertThat(PercentChange.mostAbnormalEnzyme(List.of())).isEmpty();
    }

    @Test
    void shouldFollowMostAbnormalBaselineEnzymeToSameTestAtFollowUp() {
        List<EnzymeLevel> baseline = List.of(
                new EnzymeLevel(EnzymeTest.CK, 600, 200), new EnzymeLevel(EnzymeTest.ALDOLASE, 30, 7.5));
        List<EnzymeLevel> followUp = List.of(
                new EnzymeLevel(EnzymeTest.CK, 200, 200), new EnzymeLevel(EnzymeTest.ALDOLASE, 27, 7.5));

        EnzymeComparison comparison = PercentChange.followMostAbnormalEnzyme(baseline, followUp).orElseThrow();

        assertThat(comparison.baseline().test()).isEqualTo(EnzymeTest.ALDOLASE);
        assertThat(comparison.followUp().value()).isEqualTo(27);
        assertThat(PercentChange.enzymeImprovement(baseline, followUp)).hasValue(10);
    }

    @Test
    void shouldTreatEnzymeAsMissingWhenFollowUpLacksTheBaselineTest() {
        List<EnzymeLevel> baseline = List.of(
                new EnzymeLevel(EnzymeTest.CK, 600, 200), new EnzymeLevel(EnzymeTest.ALDOLASE, 30, 7.5));
        List<EnzymeLevel> followUp = List.of(new EnzymeLevel(EnzymeTest.CK, 200, 200));

        assertThat(PercentChange.followMostAbnormalEnzyme(baseline, followUp)).isEmpty();
        assertThat(PercentChange.enzymeImprovement(baseline, followUp)).isEmpty();
    }

    @Test
    void shouldTreatEnzymeAsMissingWithoutBaselineEnzymes() {
        assertThat(PercentChange.enzymeImprovement(List.of(), List.of(new EnzymeLevel(EnzymeTest.CK, 200, 200))))
                .isEmpty();
    }

    @Test
    void shouldScoreZeroEnzymeImprovementFromZeroBaseline() {
        List<EnzymeLevel> baseline = List.of(new EnzymeLevel(EnzymeTest.CK, 0, 200));
        List<EnzymeLevel> followUp = List.of(new EnzymeLevel(EnzymeTest.CK, 50, 200));

        assertThat(PercentChange.enzymeImprovement(baseline, followUp)).hasValue(0);
    }
}
