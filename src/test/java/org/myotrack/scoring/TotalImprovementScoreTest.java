package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.scoring.CoreSetBuilder.completeVisit;
import static org.myotrack.scoring.CoreSetBuilder.coreSet;
import static org.myotrack.scoring.CoreSetBuilder.workedExampleBaseline;
import static org.myotrack.scoring.CoreSetBuilder.workedExampleFollowUp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.myotrack.visit.EnzymeTest;

class TotalImprovementScoreTest {

    private static final ResponseCriteria ADULT = ResponseCriteria.ADULT;
    private static final ResponseCriteria JUVENILE = ResponseCriteria.JUVENILE;

    @Test
    void shouldScoreModerateResponseForWorkedExample() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                workedExampleBaseline().build(), workedExampleFollowUp().build(), ADULT);

        assertThat(result.component(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY)).isEqualTo(ComponentScore.scored(30, 17.5));
        assertThat(result.component(ScoreComponent.PATIENT_GLOBAL_ACTIVITY)).isEqualTo(ComponentScore.scored(20, 5));
        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH)).isEqualTo(ComponentScore.scored(8, 10));
        assertThat(result.component(ScoreComponent.PHYSICAL_FUNCTION)).isEqualTo(ComponentScore.scored(12.5, 5));
        assertThat(result.component(ScoreComponent.EXTRAMUSCULAR_ACTIVITY)).isEqualTo(ComponentScore.scored(20, 12.5));
        assertThat(result.component(ScoreComponent.ENZYME)).isEqualTo(ComponentScore.scored(75, 7.5));
        assertThat(result.tis()).isEqualTo(57.5);
        assertThat(result.response()).isEqualTo(ResponseCategory.MODERATE);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void shouldScoreWorkedExampleAsModerateWithJuvenileThresholdsToo() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                workedExampleBaseline().build(), workedExampleFollowUp().build(), JUVENILE);

        assertThat(result.tis()).isEqualTo(57.5);
        assertThat(result.response()).isEqualTo(ResponseCategory.MODERATE);
    }

    @Test
    void shouldListAllSixComponentsInOrder() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(coreSet().build(), coreSet().build(), ADULT);

        assertThat(result.components().keySet()).containsExactly(ScoreComponent.values());
    }

    @ParameterizedTest(name = "{0} at {1} % earns {2}")
    @CsvSource({
        "PHYSICIAN_GLOBAL_ACTIVITY, -30, 0", "PHYSICIAN_GLOBAL_ACTIVITY, 0, 0",
        "PHYSICIAN_GLOBAL_ACTIVITY, 5, 0", "PHYSICIAN_GLOBAL_ACTIVITY, 5.000001, 7.5",
        "PHYSICIAN_GLOBAL_ACTIVITY, 15, 7.5", "PHYSICIAN_GLOBAL_ACTIVITY, 15.000001, 15",
        "PHYSICIAN_GLOBAL_ACTIVITY, 25, 15", "PHYSICIAN_GLOBAL_ACTIVITY, 25.000001, 17.5",
        "PHYSICIAN_GLOBAL_ACTIVITY, 40, 17.5", "PHYSICIAN_GLOBAL_ACTIVITY, 40.000001, 20",
        "PHYSICIAN_GLOBAL_ACTIVITY, 100, 20",
        "PATIENT_GLOBAL_ACTIVITY, 5, 0", "PATIENT_GLOBAL_ACTIVITY, 5.000001, 2.5",
        "PATIENT_GLOBAL_ACTIVITY, 15, 2.5", "PATIENT_GLOBAL_ACTIVITY, 15.000001, 5",
        "PATIENT_GLOBAL_ACTIVITY, 25, 5", "PATIENT_GLOBAL_ACTIVITY, 25.000001, 7.5",
        "PATIENT_GLOBAL_ACTIVITY, 40, 7.5", "PATIENT_GLOBAL_ACTIVITY, 40.000001, 10",
        "PHYSICAL_FUNCTION, 5, 0", "PHYSICAL_FUNCTION, 5.000001, 5",
        "PHYSICAL_FUNCTION, 15, 5", "PHYSICAL_FUNCTION, 15.000001, 7.5",
        "PHYSICAL_FUNCTION, 25, 7.5", "PHYSICAL_FUNCTION, 25.000001, 7.5",
        "PHYSICAL_FUNCTION, 40, 7.5", "PHYSICAL_FUNCTION, 40.000001, 10",
        "ENZYME, 5, 0", "ENZYME, 5.000001, 2.5",
        "ENZYME, 15, 2.5", "ENZYME, 15.000001, 5",
        "ENZYME, 25, 5", "ENZYME, 25.000001, 7.5",
        "ENZYME, 40, 7.5", "ENZYME, 40.000001, 7.5",
        "EXTRAMUSCULAR_ACTIVITY, 5, 0", "EXTRAMUSCULAR_ACTIVITY, 5.000001, 7.5",
        "EXTRAMUSCULAR_ACTIVITY, 15, 7.5", "EXTRAMUSCULAR_ACTIVITY, 15.000001, 12.5",
        "EXTRAMUSCULAR_ACTIVITY, 25, 12.5", "EXTRAMUSCULAR_ACTIVITY, 25.000001, 15",
        "EXTRAMUSCULAR_ACTIVITY, 40, 15", "EXTRAMUSCULAR_ACTIVITY, 40.000001, 20",
        "MUSCLE_STRENGTH, -10, 0", "MUSCLE_STRENGTH, 0, 0",
        "MUSCLE_STRENGTH, 2, 0", "MUSCLE_STRENGTH, 2.000001, 10",
        "MUSCLE_STRENGTH, 10, 10", "MUSCLE_STRENGTH, 10.000001, 20",
        "MUSCLE_STRENGTH, 20, 20", "MUSCLE_STRENGTH, 20.000001, 27.5",
        "MUSCLE_STRENGTH, 30, 27.5", "MUSCLE_STRENGTH, 30.000001, 32.5",
        "MUSCLE_STRENGTH, 100, 32.5",
    })
    void shouldAwardPointsOfTheBandTable(ScoreComponent component, double percentImprovement, double expectedPoints) {
        assertThat(TotalImprovementScore.points(component, percentImprovement)).isEqualTo(expectedPoints);
    }

    @ParameterizedTest(name = "physician global {0} → {1} is {2} % and earns {3}")
    @CsvSource({
        "6, 7, -10, 0",
        "6, 6, 0, 0",
        "6, 5.5, 5, 0",
        "1.1, 0.6, 5, 0",
        "6, 5.4, 6, 7.5",
        "6, 4.5, 15, 7.5",
        "2.2, 0.7, 15, 7.5",
        "6, 4.4, 16, 15",
        "6, 3.5, 25, 15",
        "4.4, 1.9, 25, 15",
        "6, 3.4, 26, 17.5",
        "6, 2, 40, 17.5",
        "8.3, 4.3, 40, 17.5",
        "6, 1.9, 41, 20",
    })
    void shouldScorePhysicianGlobalActivityOnBothSidesOfEveryBandEdge(
            double baseline, double followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().physicianGlobal(baseline).build(), completeVisit().physicianGlobal(followUp).build(), ADULT);

        assertThat(result.component(ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
        assertThat(result.tis()).isEqualTo(expectedPoints);
    }

    @ParameterizedTest(name = "patient global {0} → {1} is {2} % and earns {3}")
    @CsvSource({
        "6, 8, -20, 0",
        "6, 5.5, 5, 0",
        "2.2, 1.7, 5, 0",
        "6, 5.4, 6, 2.5",
        "6, 4.5, 15, 2.5",
        "6, 4.4, 16, 5",
        "6, 3.5, 25, 5",
        "6, 3.4, 26, 7.5",
        "6, 2, 40, 7.5",
        "6, 1.9, 41, 10",
    })
    void shouldScorePatientGlobalActivityOnBothSidesOfEveryBandEdge(
            double baseline, double followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().patientGlobal(baseline).build(), completeVisit().patientGlobal(followUp).build(), ADULT);

        assertThat(result.component(ScoreComponent.PATIENT_GLOBAL_ACTIVITY))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "HAQ {0} → {1} is {2} % and earns {3}")
    @CsvSource({
        "1.5, 1.875, -12.5, 0",
        "2, 1.85, 5, 0",
        "2, 1.84, 5.333333, 5",
        "2, 1.55, 15, 5",
        "2, 1.54, 15.333333, 7.5",
        "2, 1.25, 25, 7.5",
        "2, 1.24, 25.333333, 7.5",
        "2, 0.8, 40, 7.5",
        "2, 0.79, 40.333333, 10",
        "1.5, 1.125, 12.5, 5",
        "1.5, 0.25, 41.666667, 10",
    })
    void shouldScorePhysicalFunctionOnBothSidesOfEveryBandEdge(
            double baseline, double followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().haq(baseline).build(), completeVisit().haq(followUp).build(), ADULT);

        assertThat(result.component(ScoreComponent.PHYSICAL_FUNCTION))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "extramuscular {0} → {1} is {2} % and earns {3}")
    @CsvSource({
        "4, 6, -20, 0",
        "4, 3.5, 5, 0",
        "4.4, 3.9, 5, 0",
        "4, 3.4, 6, 7.5",
        "4, 2.5, 15, 7.5",
        "4, 2.4, 16, 12.5",
        "4, 1.5, 25, 12.5",
        "4, 1.4, 26, 15",
        "4, 0, 40, 15",
        "4.1, 0, 41, 20",
    })
    void shouldScoreExtramuscularActivityOnBothSidesOfEveryBandEdge(
            double baseline, double followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().extramuscular(baseline).build(), completeVisit().extramuscular(followUp).build(), ADULT);

        assertThat(result.component(ScoreComponent.EXTRAMUSCULAR_ACTIVITY))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "CK {0} → {1} is {2} % and earns {3}")
    @CsvSource({
        "1000, 1200, -20, 0",
        "1000, 950, 5, 0",
        "1000, 949, 5.1, 2.5",
        "1000, 850, 15, 2.5",
        "1000, 849, 15.1, 5",
        "1000, 750, 25, 5",
        "1000, 749, 25.1, 7.5",
        "1000, 600, 40, 7.5",
        "1000, 599, 40.1, 7.5",
        "1000, 0, 100, 7.5",
    })
    void shouldScoreEnzymeOnBothSidesOfEveryBandEdge(
            double baseline, double followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().withoutEnzymes().enzyme(EnzymeTest.CK, baseline, 200).build(),
                completeVisit().withoutEnzymes().enzyme(EnzymeTest.CK, followUp, 200).build(), ADULT);

        assertThat(result.component(ScoreComponent.ENZYME)).isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "MMT-8 {0} → {1} of 150 is {2} % and earns {3}")
    @CsvSource({
        "60, 50, -6.666667, 0",
        "60, 60, 0, 0",
        "60, 63, 2, 0",
        "60, 64, 2.666667, 10",
        "60, 75, 10, 10",
        "60, 76, 10.666667, 20",
        "60, 90, 20, 20",
        "60, 91, 20.666667, 27.5",
        "60, 105, 30, 27.5",
        "60, 106, 30.666667, 32.5",
    })
    void shouldScoreMmt8OnTheBilateralScaleOnBothSidesOfEveryBandEdge(
            int baseline, int followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().mmt8(baseline, 150).build(), completeVisit().mmt8(followUp, 150).build(), ADULT);

        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "MMT-8 {0} → {1} of 80 is {2} % and earns {3}")
    @CsvSource({
        "50, 46, -5, 0",
        "50, 51, 1.25, 0",
        "50, 52, 2.5, 10",
        "50, 58, 10, 10",
        "50, 59, 11.25, 20",
        "50, 66, 20, 20",
        "50, 67, 21.25, 27.5",
        "50, 74, 30, 27.5",
        "50, 75, 31.25, 32.5",
    })
    void shouldScoreMmt8OnTheUnilateralScaleOnBothSidesOfEveryBandEdge(
            int baseline, int followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().mmt8(baseline, 80).build(), completeVisit().mmt8(followUp, 80).build(), ADULT);

        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
    }

    @ParameterizedTest(name = "CMAS {0} → {1} of 52 is {2} % and earns {3}")
    @CsvSource({
        "30, 28, -3.846154, 0",
        "30, 31, 1.923077, 0",
        "30, 32, 3.846154, 10",
        "30, 35, 9.615385, 10",
        "30, 36, 11.538462, 20",
        "30, 40, 19.230769, 20",
        "30, 41, 21.153846, 27.5",
        "30, 45, 28.846154, 27.5",
        "30, 46, 30.769231, 32.5",
    })
    void shouldScoreCmasInPlaceOfMmt8OnBothSidesOfEveryBandEdge(
            int baseline, int followUp, double expectedPercent, double expectedPoints) {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().withoutMmt8().cmas(baseline).build(),
                completeVisit().withoutMmt8().cmas(followUp).build(), JUVENILE);

        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH))
                .isEqualTo(ComponentScore.scored(expectedPercent, expectedPoints));
        assertThat(result.response()).isNotEqualTo(ResponseCategory.INCOMPLETE);
    }

    @Test
    void shouldScoreCmasWhenMmt8IsOnDifferentScales() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().mmt8(40, 80).cmas(26).build(), completeVisit().mmt8(150, 150).cmas(39).build(), JUVENILE);

        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH)).isEqualTo(ComponentScore.scored(25, 27.5));
    }

    @Test
    void shouldBeIncompleteWhenMmt8IsOnDifferentScalesWithoutCmas() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                workedExampleBaseline().mmt8(60, 80).build(), workedExampleFollowUp().build(), ADULT);

        assertThat(result.component(ScoreComponent.MUSCLE_STRENGTH)).isEqualTo(ComponentScore.missing());
        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
        assertThat(result.tis()).isEqualTo(47.5);
    }

    @Test
    void shouldScoreEnzymeChosenByMultipleOfUlnNotByRawValue() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().withoutEnzymes()
                        .enzyme(EnzymeTest.CK, 600, 200).enzyme(EnzymeTest.ALDOLASE, 30, 7.5).build(),
                completeVisit().withoutEnzymes()
                        .enzyme(EnzymeTest.CK, 200, 200).enzyme(EnzymeTest.ALDOLASE, 27, 7.5).build(),
                ADULT);

        assertThat(result.component(ScoreComponent.ENZYME)).isEqualTo(ComponentScore.scored(10, 2.5));
    }

    @Test
    void shouldScoreZeroForEnzymeWithZeroBaseline() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().withoutEnzymes().enzyme(EnzymeTest.CK, 0, 200).build(),
                completeVisit().withoutEnzymes().enzyme(EnzymeTest.CK, 50, 200).build(), ADULT);

        assertThat(result.component(ScoreComponent.ENZYME)).isEqualTo(ComponentScore.scored(0, 0));
        assertThat(result.response()).isEqualTo(ResponseCategory.NONE);
    }

    @Test
    void shouldBeIncompleteWithPartialSumWhenHaqIsMissingAtFollowUp() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                workedExampleBaseline().build(), workedExampleFollowUp().haq(null).build(), ADULT);

        assertThat(result.component(ScoreComponent.PHYSICAL_FUNCTION)).isEqualTo(new ComponentScore(null, 0, false));
        assertThat(result.tis()).isEqualTo(52.5);
        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
        assertThat(result.complete()).isFalse();
    }

    @Test
    void shouldBeIncompleteWhenFollowUpLacksTheBaselineEnzyme() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                workedExampleBaseline().build(),
                workedExampleFollowUp().withoutEnzymes().enzyme(EnzymeTest.LDH, 200, 250).build(), ADULT);

        assertThat(result.component(ScoreComponent.ENZYME)).isEqualTo(ComponentScore.missing());
        assertThat(result.tis()).isEqualTo(50);
        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
    }

    @ParameterizedTest(name = "missing {0} at baseline")
    @EnumSource(ScoreComponent.class)
    void shouldBeIncompleteWhenAnyMeasureIsMissingAtBaseline(ScoreComponent missing) {
        CoreSetBuilder baseline = workedExampleBaseline();
        switch (missing) {
            case PHYSICIAN_GLOBAL_ACTIVITY -> baseline.physicianGlobal(null);
            case PATIENT_GLOBAL_ACTIVITY -> baseline.patientGlobal(null);
            case MUSCLE_STRENGTH -> baseline.withoutMmt8();
            case PHYSICAL_FUNCTION -> baseline.haq(null);
            case ENZYME -> baseline.withoutEnzymes();
            case EXTRAMUSCULAR_ACTIVITY -> baseline.extramuscular(null);
        }

        TotalImprovementScoreResult result = TotalImprovementScore.score(
                baseline.build(), workedExampleFollowUp().build(), ADULT);

        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
        assertThat(result.component(missing)).isEqualTo(ComponentScore.missing());
        assertThat(result.components()).hasSize(6);
    }

    @Test
    void shouldNeverCallResponseWhenIncompleteEvenAboveMajorThreshold() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                coreSet().physicianGlobal(8).patientGlobal(8).mmt8(60, 150).haq(2).build(),
                coreSet().physicianGlobal(1).patientGlobal(1).mmt8(120, 150).haq(0.5).build(), ADULT);

        assertThat(result.tis()).isEqualTo(72.5);
        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
    }

    @Test
    void shouldScoreZeroWhenNothingWasRecorded() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(coreSet().build(), coreSet().build(), ADULT);

        assertThat(result.tis()).isZero();
        assertThat(result.response()).isEqualTo(ResponseCategory.INCOMPLETE);
        assertThat(result.components().values()).containsOnly(ComponentScore.missing());
    }

    @ParameterizedTest(name = "adult TIS {0} → {1}")
    @CsvSource({
        "0, NONE",
        "17.5, NONE",
        "19.999, NONE",
        "20, MINIMAL",
        "37.5, MINIMAL",
        "40, MODERATE",
        "57.5, MODERATE",
        "60, MAJOR",
        "100, MAJOR",
    })
    void shouldApplyAdultThresholds(double tis, ResponseCategory expected) {
        assertThat(TotalImprovementScore.category(tis, ADULT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "juvenile TIS {0} → {1}")
    @CsvSource({
        "0, NONE",
        "27.5, NONE",
        "30, MINIMAL",
        "42.5, MINIMAL",
        "45, MODERATE",
        "67.5, MODERATE",
        "70, MAJOR",
        "100, MAJOR",
    })
    void shouldApplyJuvenileThresholds(double tis, ResponseCategory expected) {
        assertThat(TotalImprovementScore.category(tis, JUVENILE)).isEqualTo(expected);
    }

    @Test
    void shouldCallScoreOfExactlyTwentyMinimalForAdultButNoneForJuvenile() {
        CoreSetMeasures baseline = completeVisit().physicianGlobal(6).patientGlobal(7).build();
        CoreSetMeasures followUp = completeVisit().physicianGlobal(4.4).patientGlobal(5).build();

        TotalImprovementScoreResult adult = TotalImprovementScore.score(baseline, followUp, ADULT);
        TotalImprovementScoreResult juvenile = TotalImprovementScore.score(baseline, followUp, JUVENILE);

        assertThat(adult.tis()).isEqualTo(20);
        assertThat(adult.response()).isEqualTo(ResponseCategory.MINIMAL);
        assertThat(juvenile.response()).isEqualTo(ResponseCategory.NONE);
    }

    @Test
    void shouldCallScoreOfSeventeenAndAHalfNoResponse() {
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().physicianGlobal(6).build(), completeVisit().physicianGlobal(3.4).build(), ADULT);

        assertThat(result.tis()).isEqualTo(17.5);
        assertThat(result.response()).isEqualTo(ResponseCategory.NONE);
    }

    @Test
    void shouldCallScoreOfExactlySeventyMajorForJuvenile() {
        // PGA 41 % → 20, PtGA 41 % → 10, CMAS 21 % → 27.5, CHAQ 5.3 % → 5, EMGA 5 % → 0, CK 60 % → 7.5: 70
        TotalImprovementScoreResult result = TotalImprovementScore.score(
                completeVisit().physicianGlobal(6).patientGlobal(6).withoutMmt8().cmas(30).haq(2).extramuscular(4).build(),
                completeVisit().physicianGlobal(1.9).patientGlobal(1.9).withoutMmt8().cmas(41).haq(1.84).extramuscular(3.5)
                        .withoutEnzymes().enzyme(EnzymeTest.CK, 400, 200).build(),
                JUVENILE);

        assertThat(result.tis()).isEqualTo(70);
        assertThat(result.response()).isEqualTo(ResponseCategory.MAJOR);
    }

    /** R5: the response thresholds follow the subgroup; the TIS is validated in adult DM/PM and in JDM only. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "DM, ADULT", "PM, ADULT", "JDM, JUVENILE", "CADM, NOT_VALIDATED", "IMNM, NOT_VALIDATED", "IBM, NOT_VALIDATED",
        "ASYS, NOT_VALIDATED", "OVERLAP, NOT_VALIDATED", "JM_OTHER, NOT_VALIDATED", "UNCLASSIFIED, NOT_VALIDATED",
    })
    void shouldChooseTheResponseCriteriaOfTheSubgroup(org.myotrack.patient.Diagnosis diagnosis, ResponseCriteria expected) {
        assertThat(ResponseCriteria.of(diagnosis)).isEqualTo(expected);
    }

    @Test
    void shouldGiveNoCategoryButTheScoreWhereTheTisIsNotValidated() {
        TotalImprovementScoreResult complete = TotalImprovementScore.score(
                workedExampleBaseline().build(), workedExampleFollowUp().build(), ResponseCriteria.NOT_VALIDATED);
        TotalImprovementScoreResult incomplete = TotalImprovementScore.score(
                workedExampleBaseline().haq(null).build(), workedExampleFollowUp().build(), ResponseCriteria.NOT_VALIDATED);

        assertThat(complete.tis()).isEqualTo(57.5);
        assertThat(complete.response()).isEqualTo(ResponseCategory.NOT_VALIDATED);
        assertThat(incomplete.response()).isEqualTo(ResponseCategory.INCOMPLETE);
    }
}
