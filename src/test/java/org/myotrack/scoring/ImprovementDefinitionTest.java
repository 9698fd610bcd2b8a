package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.myotrack.scoring.CoreSetBuilder.completeVisit;
import static org.myotrack.scoring.CoreSetBuilder.workedExampleBaseline;
import static org.myotrack.scoring.CoreSetBuilder.workedExampleFollowUp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myotrack.visit.EnzymeTest;

class ImprovementDefinitionTest {

    private static ImprovementDefinitionResult evaluate(CoreSetMeasures baseline, CoreSetMeasures followUp) {
        return ImprovementDefinition.evaluate(baseline, followUp, WorseningTest.RISE);
    }

    @Test
    void shouldMeetDefinitionForWorkedExample() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().build(), workedExampleFollowUp().build());

        // MMT-8 120 → 132 is a 10 % relative gain, short of 20 %; the other five improved by 25–75 %
        assertThat(result.improved()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                ScoreComponent.PHYSICAL_FUNCTION, ScoreComponent.ENZYME, ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
        assertThat(result.worsened()).isEmpty();
        assertThat(result.missing()).isEmpty();
        assertThat(result.met()).isTrue();
        assertThat(ImprovementDefinition.isMet(workedExampleBaseline().build(), workedExampleFollowUp().build(), WorseningTest.RISE)).isTrue();
    }

    @Test
    void shouldMeetDefinitionWithExactlyThreeMeasuresImprovedByTwentyPercent() {
        // 1.0 → 0.8 is exactly 20 %, though 0.8/1.0 in binary falls just short
        ImprovementDefinitionResult result = evaluate(
                completeVisit().physicianGlobal(5).patientGlobal(1.0).haq(1).build(),
                completeVisit().physicianGlobal(4).patientGlobal(0.8).haq(0.8).build());

        assertThat(result.improved()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                ScoreComponent.PHYSICAL_FUNCTION);
        assertThat(result.met()).isTrue();
    }

    @Test
    void shouldNotMeetDefinitionWhenThirdMeasureImprovedByNineteenPercent() {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().physicianGlobal(5).patientGlobal(5).haq(1).build(),
                completeVisit().physicianGlobal(4).patientGlobal(4).haq(0.81).build());

        assertThat(result.improved()).hasSize(2);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldNotMeetDefinitionWhenMuscleStrengthWorsenedByTwentyFivePercent() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().build(), workedExampleFollowUp().mmt8(90, 150).build());

        assertThat(result.worsened()).containsExactly(ScoreComponent.MUSCLE_STRENGTH);
        assertThat(result.improved()).hasSize(5);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldMeetDefinitionWhenMuscleStrengthWorsenedByLessThanTwentyFivePercent() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().build(), workedExampleFollowUp().mmt8(91, 150).build());

        assertThat(result.worsened()).isEmpty();
        assertThat(result.met()).isTrue();
    }

    @Test
    void shouldNotMeetDefinitionWhenThreeMeasuresWorsenedByTwentyFivePercent() {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().mmt8(100, 150).physicianGlobal(6).patientGlobal(7).haq(1).extramuscular(0.8)
                        .withoutEnzymes().enzyme(EnzymeTest.CK, 200, 200).build(),
                completeVisit().mmt8(120, 150).physicianGlobal(3).patientGlobal(5).haq(1.25).extramuscular(1.0)
                        .withoutEnzymes().enzyme(EnzymeTest.CK, 250, 200).build());

        assertThat(result.improved()).containsExactlyInAnyOrder(
                ScoreComponent.MUSCLE_STRENGTH, ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY,
                ScoreComponent.PATIENT_GLOBAL_ACTIVITY);
        assertThat(result.worsened()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICAL_FUNCTION, ScoreComponent.EXTRAMUSCULAR_ACTIVITY, ScoreComponent.ENZYME);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldMeetDefinitionWithTwoMeasuresWorsenedByTwentyFivePercent() {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().mmt8(100, 150).physicianGlobal(6).patientGlobal(7).haq(1).extramuscular(2)
                        .withoutEnzymes().enzyme(EnzymeTest.CK, 200, 200).build(),
                completeVisit().mmt8(120, 150).physicianGlobal(3).patientGlobal(5).haq(1.25).extramuscular(2.4)
                        .withoutEnzymes().enzyme(EnzymeTest.CK, 250, 200).build());

        assertThat(result.worsened()).containsExactlyInAnyOrder(ScoreComponent.PHYSICAL_FUNCTION, ScoreComponent.ENZYME);
        assertThat(result.met()).isTrue();
    }

    @Test
    void shouldNotLetZeroBaselineImprove() {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().physicianGlobal(5).patientGlobal(5).haq(0).extramuscular(0).build(),
                completeVisit().physicianGlobal(4).patientGlobal(4).haq(0).extramuscular(0).build());

        assertThat(result.improved()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, ScoreComponent.PATIENT_GLOBAL_ACTIVITY);
        assertThat(result.met()).isFalse();
    }

    @ParameterizedTest(name = "extramuscular 0 → {0} cm: worsened {1}")
    @CsvSource({"0.1, false", "0.9, false", "1.0, true"})
    void shouldCountARiseFromZeroAsWorseningOnlyFromTheRegistryRuleAmount(double rise, boolean worsened) {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().physicianGlobal(5).patientGlobal(5).haq(1).extramuscular(0).build(),
                completeVisit().physicianGlobal(4).patientGlobal(4).haq(0.5).extramuscular(rise).build());

        if (worsened) {
            assertThat(result.worsened()).containsExactly(ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
        } else {
            assertThat(result.worsened()).isEmpty();
        }
        assertThat(result.met()).isTrue();
    }

    @ParameterizedTest(name = "HAQ 0 → {0}: worsened {1}")
    @CsvSource({"0.125, false", "0.25, true"})
    void shouldCountARiseOfTheHaqFromZeroOnlyFromAQuarterPoint(double rise, boolean worsened) {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().physicianGlobal(5).patientGlobal(5).haq(0).extramuscular(4).build(),
                completeVisit().physicianGlobal(4).patientGlobal(4).haq(rise).extramuscular(3).build());

        assertThat(result.worsened().contains(ScoreComponent.PHYSICAL_FUNCTION)).isEqualTo(worsened);
    }

    @ParameterizedTest(name = "HAQ {0} → {1}: worsened {2}")
    @CsvSource({
        "0.8, 1.0, true",
        "1, 1.25, true",
        "1, 1.24, false",
    })
    void shouldCountWorseningFromTwentyFivePercent(double baseline, double followUp, boolean worsened) {
        ImprovementDefinitionResult result = evaluate(
                completeVisit().haq(baseline).build(), completeVisit().haq(followUp).build());

        assertThat(result.worsened().contains(ScoreComponent.PHYSICAL_FUNCTION)).isEqualTo(worsened);
    }

    @Test
    void shouldNotMeetDefinitionWithoutComparableMuscleStrength() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().mmt8(60, 80).build(), workedExampleFollowUp().build());

        assertThat(result.missing()).containsExactly(ScoreComponent.MUSCLE_STRENGTH);
        assertThat(result.improved()).hasSize(5);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldJudgeCmasInPlaceOfMmt8() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().withoutMmt8().cmas(40).build(),
                workedExampleFollowUp().withoutMmt8().cmas(30).build());

        assertThat(result.worsened()).containsExactly(ScoreComponent.MUSCLE_STRENGTH);
        assertThat(result.met()).isFalse();
    }

    @Test
    void shouldCountOtherMissingMeasuresAsNeitherImprovedNorWorsened() {
        ImprovementDefinitionResult result = evaluate(
                workedExampleBaseline().haq(null).withoutEnzymes().build(), workedExampleFollowUp().build());

        assertThat(result.missing()).containsExactlyInAnyOrder(ScoreComponent.PHYSICAL_FUNCTION, ScoreComponent.ENZYME);
        assertThat(result.improved()).containsExactlyInAnyOrder(
                ScoreComponent.PHYSICIAN_GLOBAL_ACTIVITY, ScoreComponent.PATIENT_GLOBAL_ACTIVITY,
                ScoreComponent.EXTRAMUSCULAR_ACTIVITY);
        assertThat(result.met()).isTrue();
    }
}
